"""The akhbar ETL flow: extract → transform → validate → load, over batches of files."""

import time
from collections import deque
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from threading import Thread
from typing import Any, cast

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff

from flows.observe import Parcel, StageTotals, Timed, stage_line, timed
from flows.runners import batches_in_flight, dask_address, task_runner
from tasks.accounting import Counts, batch_counts
from tasks.dedupe import drop_duplicates, known_ids, lost_ids, remember, retired
from tasks.extract import (
    by_file,
    find_inputs,
    hashes_of,
    plan_batches,
    read_sources,
    still_to_read,
    survey,
    unchanged_on_disk,
)
from tasks.schemas import QUARANTINE, empty
from tasks.tables import batch_tables, restored_tables
from tasks.transform import add_entities, sources_to_articles
from tasks.validate import Verdict, validate
from tasks.validate import prepare as prepare_validation
from warehouse.resume import code_version, fingerprint
from warehouse.store import Warehouse

# Input bytes per batch: what bounds memory (a batch expands ~10× through the stages, and two are in flight).
# Smaller costs time: each batch pays ~0.4 s whatever its size (regex and automaton builds, a GX call, five
# Prefect task runs) against ~0.45 ms a page. Measured on the bench corpus: 16 MB peaked at 1.06 GB in 55 s,
# 12 MB at 0.94 GB in 63 s, 8 MB at 0.89 GB in 66 s.
BATCH_BYTES = 12 * 1024 * 1024
# The I/O tasks: a batch is read or written in seconds; ten minutes means a stuck disk or mount, and a
# retry (1 s, 2 s, 4 s later, jittered so that runs on the same disk do not retry in step) may find it back.
IO_TIMEOUT_SECONDS = 600
IO_RETRIES = 3
IO_BACKOFF = exponential_backoff(backoff_factor=1)
IO_JITTER = 0.5


class AccountingError(RuntimeError):
    """A run's counts do not add up: something that entered was not accounted for."""


@dataclass(frozen=True)
class BatchArticles:
    """A batch's articles after transform: one copy of each (with entities), the other copies, the entities."""

    unique: pl.DataFrame
    duplicates: pl.DataFrame
    entities: pl.DataFrame


# No timeout on extract: it is submitted, so it runs in a worker thread, where Prefect cannot interrupt a
# blocking read anyway, and says so in a warning on every batch. Read errors are retried (here and per file).
@task(
    name="extract",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
)
def extract_batch(files: list[str], current: Parcel[dict[str, str]]) -> Timed[pl.DataFrame]:
    """Read, hash and decode a batch of files (skipping those loaded unchanged: `current` holds their hashes)."""
    return timed(read_sources, files, current.value)


@task(name="transform", cache_policy=NO_CACHE)
def transform_batch(sources: Parcel[pl.DataFrame]) -> Timed[BatchArticles]:
    """Articles of the batch's new pages, one copy of each within the batch, with entities."""
    return timed(_articles_of, sources.value)


def _articles_of(sources: pl.DataFrame) -> BatchArticles:
    # Duplicates within the batch only: the warehouse and the batches before this one are checked by
    # the flow (dedupe_batch), in order, so that batches can be transformed at once on other machines.
    within = drop_duplicates(sources_to_articles(sources), pl.Series("article_id", [], dtype=pl.String))
    unique, entities = add_entities(within.unique)
    return BatchArticles(unique, within.duplicates, entities)


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_batch(
    articles: Parcel[BatchArticles], sources: Parcel[pl.DataFrame], live: Parcel[pl.DataFrame]
) -> Timed[BatchArticles]:
    """Set aside the batch's articles already loaded (by the warehouse or an earlier batch of this run)."""
    return timed(_new_articles, articles.value, sources.value, live.value)


def _new_articles(articles: BatchArticles, sources: pl.DataFrame, live: pl.DataFrame) -> BatchArticles:
    # Only the live rows with the batch's own ids can make its articles known: matched against every live
    # id, each batch hashed them all (1M at 10×: ~0.1 s and ~150 MB of allocator churn a batch, late in a run).
    ids = articles.unique.get_column("article_id")
    known = drop_duplicates(articles.unique, known_ids(live.filter(pl.col("article_id").is_in(ids.implode())), sources))
    # Entities of the articles set aside are left to batch_tables, which keeps those of loaded articles only.
    return BatchArticles(known.unique, pl.concat([articles.duplicates, known.duplicates]), articles.entities)


@task(name="restore", cache_policy=NO_CACHE)
def restore_batch(sources: Parcel[pl.DataFrame], copies: pl.DataFrame) -> Timed[BatchArticles]:
    """The copies to load again (one per article), from their files read once more, with entities."""
    return timed(_copies_of, sources.value, copies)


def _copies_of(sources: pl.DataFrame, copies: pl.DataFrame) -> BatchArticles:
    # The content too: a file that changed since the run looked at it is not what the copy was.
    keys = ["article_id", "source_path", "source_sha256", "position"]
    wanted = sources_to_articles(sources).join(copies.select(keys), on=keys, how="semi")
    # Two copies of one article may both be wanted: one is loaded, the other stays the duplicate it was.
    within = drop_duplicates(wanted, pl.Series("article_id", [], dtype=pl.String))
    unique, entities = add_entities(within.unique)
    return BatchArticles(unique, within.duplicates, entities)


@task(name="validate", cache_policy=NO_CACHE)
def validate_batch(articles: Parcel[BatchArticles], today: date) -> Timed[Verdict]:
    """Run the articles suite of expectations/ on the batch's new articles."""
    return timed(validate, articles.value.unique, "articles", today)


@task(
    name="load",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
    timeout_seconds=IO_TIMEOUT_SECONDS,
)
def load_batch(
    store: Warehouse,
    run_id: str,
    batch: int,
    tables: Parcel[dict[str, pl.DataFrame]],
    verdict: Parcel[Verdict],
    inputs: list[str],
    hashes: dict[str, str | None],
    counts: Counts,
) -> Timed[None]:
    """Write the batch's Parquet files and validation result (visible once the run commits), then its record."""
    clock = time.perf_counter()
    store.write_batch(run_id, batch, tables.value)
    store.write_validation(run_id, batch, verdict.value.result)
    store.record_batch(run_id, batch, fingerprint(inputs, hashes), asdict(counts))
    return Timed(None, time.perf_counter() - clock)


@flow(name="akhbar-etl", log_prints=False, task_runner=task_runner(dask_address()))
def etl(paths: list[str], warehouse: str, batch_bytes: int = BATCH_BYTES) -> dict[str, Any]:
    """Run the pipeline on files, folders or globs into the warehouse folder; return the run's summary."""
    run_id = str(flow_run.id or f"local-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    started = datetime.now(UTC)
    store = Warehouse(Path(warehouse))
    with store.writing(on_wait=_waiting):
        return _run_locked(store, paths, run_id, started, batch_bytes)


@dataclass
class _Progress:
    """What the batches of a run added up to so far."""

    live: pl.DataFrame
    counts: Counts = field(default_factory=Counts)
    stages: StageTotals = field(default_factory=StageTotals)
    quarantined: list[pl.DataFrame] = field(default_factory=list)
    resumed: int = 0
    # Live (article_id, source_path) pairs of files read anew: their articles may not come back.
    retired: list[pl.DataFrame] = field(default_factory=list)
    restored: int = 0


@dataclass(frozen=True)
class _Plan:
    """What a run is to read, and what it found it need not."""

    batches: list[list[str]]
    # by_file of the manifest, the rows of the files to read only: each batch's recorded hashes.
    recorded: pl.DataFrame
    files: int
    to_read: int
    unchanged: int  # sources unchanged on disk


# A batch on its way: its number, files, their recorded hashes, and the futures of its extract and transform.
_Submitted = tuple[
    int, list[str], Parcel[dict[str, str]], PrefectFuture[Timed[pl.DataFrame]], PrefectFuture[Timed[BatchArticles]]
]


def _run_locked(store: Warehouse, paths: list[str], run_id: str, started: datetime, batch_bytes: int) -> dict[str, Any]:
    """The run proper, while this run alone writes the warehouse."""
    logger = get_run_logger()
    store.ensure()
    progress = _Progress(live=pl.DataFrame())
    # GX takes seconds to import: a thread does it while the first batch is read and transformed.
    warm_up = Thread(target=prepare_validation, name="akhbar-validation-warm-up", daemon=True)
    try:
        # Where each source came from, worked out once: the rerun check, the live articles and every batch's
        # hashes use it.
        manifest = by_file(store.current_sources())
        plan = _plan(paths, manifest, batch_bytes)
        batches = plan.batches
        logger.info("%d files: %d to read in %d batches into %s", plan.files, plan.to_read, len(batches), store.root)
        if plan.unchanged:
            progress.counts += Counts(files_seen=plan.unchanged, files_unchanged=plan.unchanged)
            logger.info(
                "%d files (%d sources) unchanged since they were read (same size and modification time): "
                "parsed nothing, loaded nothing",
                plan.files - plan.to_read,
                plan.unchanged,
            )
        if batches:
            warm_up.start()
            progress.live = store.live_articles(manifest)
        # Only its rows of the files to read (plan.recorded) are needed from here on: 400,000 sources at 10×.
        del manifest
        first = _resume(store, run_id, batches, progress)
        window = batches_in_flight()
        pending: deque[_Submitted] = deque()
        for number in range(first, len(batches)):
            batch = batches[number]
            # Only the batch's own files of the manifest travel with it (to a worker, maybe), in a parcel: Prefect
            # keeps a submitted task's arguments to the end of the run (~100 MB of hashes at 10× all touched).
            recorded = Parcel(hashes_of(plan.recorded, batch))
            extracted = extract_batch.submit(batch, recorded)
            # A future as an argument: the task runner hands the result over (on a Dask cluster, worker to
            # worker, without a trip through this process).
            transformed = transform_batch.submit(cast(Parcel[pl.DataFrame], extracted))
            pending.append((number, batch, recorded, extracted, transformed))
            if len(pending) >= window:
                _finish(store, run_id, started, pending.popleft(), progress)
        while pending:
            _finish(store, run_id, started, pending.popleft(), progress)
        _restore(store, run_id, started, len(batches), progress)
        problems = progress.counts.problems()
        if problems:
            raise AccountingError("counts do not add up: " + "; ".join(problems))
    except BaseException:
        store.commit_run(_run_row(run_id, started, progress.counts, "failed"))
        raise
    finally:
        if warm_up.ident is not None:
            warm_up.join()
    store.commit_run(_run_row(run_id, started, progress.counts, "completed"))
    logger.info(progress.stages.line())
    summary = {
        "run_id": run_id,
        "warehouse": str(store.root),
        **asdict(progress.counts),
        "batches_resumed": progress.resumed,
        "articles_restored": progress.restored,
        **progress.stages.summary(),
    }
    _publish(summary, pl.concat(progress.quarantined) if progress.quarantined else empty(QUARANTINE))
    return summary


def _plan(paths: list[str], manifest: pl.DataFrame, batch_bytes: int) -> _Plan:
    """Survey the inputs, set aside the files unchanged since they were read (by `manifest`), batch the others."""
    surveyed = survey(find_inputs(paths))
    unchanged = unchanged_on_disk(surveyed, manifest)
    to_read = still_to_read(surveyed, unchanged)
    # Only the plan outlives this call: the survey and what was found unchanged (400,000 files each at 10×)
    # are let go before the first page is read.
    return _Plan(
        batches=plan_batches(to_read, batch_bytes),
        recorded=manifest.join(to_read.select("file"), on="file", how="semi"),
        files=surveyed.height,
        to_read=to_read.height,
        unchanged=unchanged.height,
    )


def _resume(store: Warehouse, run_id: str, batches: list[list[str]], progress: _Progress) -> int:
    """Adopt the leading batches that the latest unfinished run loaded from the same files; the next batch's number."""
    logger = get_run_logger()
    finished = store.resumable_batches()
    adopted = 0
    for batch, record in zip(batches, finished, strict=False):
        if record.code != code_version():
            # Rows made by other code (or reference data, or expectations) would mix with this code's.
            logger.info("batch %d of run %s was loaded by other code: done again", record.batch, record.run_id)
            break
        if not store.same_inputs(record, batch):
            break
        tables = store.adopt_batch(record, run_id)
        step = Counts(**record.counts)
        progress.counts += step
        progress.quarantined.append(tables["quarantine"])
        progress.retired.append(retired(progress.live, tables["manifest"]))
        progress.live = remember(progress.live, tables["manifest"], tables["articles"])
        logger.info(
            "batch %d: resumed from run %s (%d files unchanged since): %d loaded, %d duplicate, %d quarantined",
            record.batch,
            record.run_id,
            len(batch),
            step.articles_loaded,
            step.articles_duplicate,
            step.articles_quarantined,
        )
        adopted += 1
    progress.resumed = adopted
    return adopted


def _finish(store: Warehouse, run_id: str, started: datetime, submitted: _Submitted, progress: _Progress) -> None:
    """Dedupe, validate and load one transformed batch, in batch order, and count it."""
    logger = get_run_logger()
    number, batch, recorded, extracted, transformed = submitted
    clock = time.perf_counter()
    sources, articles = extracted.result(), transformed.result()
    try:
        _finish_batch(store, run_id, started, number, batch, sources, articles, progress)
    finally:
        # Prefect holds every task's parameters and result to the end of the run: let go of the frames.
        recorded.empty()
        sources.empty()
        articles.empty()
    logger.debug("batch %d finished in %.2fs", number, time.perf_counter() - clock)


def _finish_batch(
    store: Warehouse,
    run_id: str,
    started: datetime,
    number: int,
    batch: list[str],
    sources: Timed[pl.DataFrame],
    articles: Timed[BatchArticles],
    progress: _Progress,
) -> None:
    """What _finish does with the batch's extracted sources and transformed articles."""
    logger = get_run_logger()
    clock = time.perf_counter()
    statuses = sources.value.get_column("status").to_list()
    if all(status == "unchanged" for status in statuses):
        # Touched but not changed (same bytes): nothing to parse, check or write, and no task runs for it.
        progress.counts += batch_counts(statuses, 0, 0, 0, 0)
        progress.stages.add("extract", sources.value.height, sources.seconds)
        logger.info(
            stage_line("extract", number, len(batch), "files", sources.value.height, "sources", sources.seconds)
        )
        logger.info("batch %d: %d files, all unchanged: parsed nothing, loaded nothing", number, len(batch))
        return
    live = Parcel(progress.live)
    deduplicated = dedupe_batch(articles, sources, live)
    live.empty()
    verdict = validate_batch(deduplicated, started.date())
    unique = deduplicated.value.unique
    passed, failed = verdict.value.passed, verdict.value.failed
    set_aside = deduplicated.value.duplicates
    tables = Parcel(batch_tables(sources.value, passed, failed, set_aside, deduplicated.value.entities, run_id))
    step = batch_counts(
        statuses=statuses,
        found=unique.height + deduplicated.value.duplicates.height,
        duplicate=deduplicated.value.duplicates.height,
        quarantined=failed.height,
        loaded=passed.height,
    )
    hashes = dict(sources.value.select("source_path", "source_sha256").iter_rows())
    loaded = load_batch(store, run_id, number, tables, verdict, batch, hashes, step)
    progress.quarantined.append(tables.value["quarantine"])
    progress.retired.append(retired(progress.live, sources.value))
    progress.live = remember(progress.live, sources.value, tables.value["articles"])
    progress.counts += step
    written = sum(frame.height for frame in tables.value.values())
    transform_seconds = articles.seconds + deduplicated.seconds
    for stage, inputs, outputs, seconds in (
        ("extract", (len(batch), "files"), (sources.value.height, "sources"), sources.seconds),
        ("transform", (sources.value.height, "sources"), (step.articles_found, "articles"), transform_seconds),
        ("validate", (unique.height, "articles"), (passed.height, "passed"), verdict.seconds),
        ("load", (passed.height + failed.height, "articles"), (written, "rows"), loaded.seconds),
    ):
        logger.info(stage_line(stage, number, *inputs, *outputs, seconds))
        progress.stages.add(stage, outputs[0], seconds)
    for parcel in (deduplicated, verdict, tables):
        parcel.empty()
    logger.info(
        "batch %d: %d files (%d new, %d unchanged, %d rejected) → %d articles: "
        "%d loaded, %d duplicate, %d quarantined in %.2fs",
        number,
        len(batch),
        step.files_new,
        step.files_unchanged,
        step.files_rejected,
        step.articles_found,
        step.articles_loaded,
        step.articles_duplicate,
        step.articles_quarantined,
        time.perf_counter() - clock,
    )


def _restore(store: Warehouse, run_id: str, started: datetime, number: int, progress: _Progress) -> None:
    """Load again, from a copy set aside as a duplicate, each article whose loaded copy went with its changed file."""
    logger = get_run_logger()
    if not progress.retired:
        return
    lost = lost_ids(pl.concat(progress.retired), progress.live)
    progress.retired.clear()
    if lost.is_empty():
        return
    copies = store.copies_of(lost, run_id)
    if copies.is_empty():
        logger.info("%d articles went with their changed files (no other file holds them)", lost.len())
        return
    files = by_file(copies).get_column("file").unique(maintain_order=True).to_list()
    # Read as new (no recorded hashes): the files are unchanged, but their set-aside copies were never kept.
    sources = extract_batch(files, Parcel({}))
    articles = restore_batch(Parcel(sources.value), copies)
    verdict = validate_batch(articles, started.date())
    passed, failed = verdict.value.passed, verdict.value.failed
    tables = Parcel(restored_tables(sources.value, passed, failed, articles.value.entities, run_id))
    step = Counts(
        articles_found=articles.value.unique.height,
        articles_loaded=passed.height,
        articles_quarantined=failed.height,
    )
    hashes = dict(sources.value.select("source_path", "source_sha256").iter_rows())
    load_batch(store, run_id, number, tables, verdict, files, hashes, step)
    progress.quarantined.append(tables.value["quarantine"])
    progress.live = pl.concat([progress.live, tables.value["articles"].select(progress.live.columns)])
    progress.counts += step
    progress.restored = step.articles_found
    logger.info(
        "%d articles went with their changed files; %d restored from copies set aside as duplicates in %d files "
        "(%d loaded, %d quarantined)",
        lost.len(),
        step.articles_found,
        len(files),
        step.articles_loaded,
        step.articles_quarantined,
    )


def _waiting(lock: Path) -> None:
    """Say why the run does not start yet (WARNING: shown by default, a silent wait looks like a hang)."""
    get_run_logger().warning("waiting for another run writing this warehouse to finish (lock %s)", lock)


def _run_row(run_id: str, started: datetime, counts: Counts, status: str) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "run_id": run_id,
                "started_at": started,
                "finished_at": datetime.now(UTC),
                **asdict(counts),
                "status": status,
            }
        ]
    )


def _publish(summary: dict[str, Any], quarantine: pl.DataFrame) -> None:
    """The run summary and this run's quarantine as Prefect artifacts."""
    create_table_artifact(
        key="akhbar-run-summary",
        table=[{"measure": key, "value": value} for key, value in summary.items()],
        description="What the run saw and where each file and article went.",
    )
    rows = quarantine.select("source_path", "position", "reason").sort("source_path", "position").rows()
    lines = [f"- `{path}` {'' if position is None else f'#{position} '}: {reason}" for path, position, reason in rows]
    create_markdown_artifact(
        key="akhbar-quarantine",
        markdown="# Quarantined in this run\n\n" + ("\n".join(lines) if lines else "Nothing."),
        description="Files and articles not loaded, and why.",
    )
