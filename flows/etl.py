"""The akhbar ETL flow: extract → transform → validate → load, over batches of files."""

import time
from collections import deque
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from threading import Thread
from typing import Any, cast

import polars as pl
from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run

from flows.observe import PARTS, Parcel, Timed, stage_line
from flows.progress import Progress
from flows.publish import publish, run_row
from flows.recovery import restore, resume
from flows.runners import batches_in_flight, dask_address, task_runner
from flows.stages import BatchArticles, dedupe_batch, extract_batch, load_batch, transform_batch, validate_batch
from tasks.accounting import Counts, batch_counts
from tasks.dedupe import remember, retired
from tasks.extract import (
    by_file,
    find_inputs,
    hashes_of,
    plan_batches,
    still_to_read,
    survey,
    unchanged_on_disk,
)
from tasks.schemas import QUARANTINE, empty
from tasks.spellings import spellings, with_spellings
from tasks.tables import batch_tables
from tasks.validate import prepare as prepare_validation
from warehouse.store import Warehouse

# Input bytes per batch: what bounds memory (a batch expands ~10× through the stages, and two are in flight).
# Smaller costs time: each batch pays ~0.4 s whatever its size (regex and automaton builds, a GX call, five
# Prefect task runs) against ~0.45 ms a page. Measured on the bench corpus: 16 MB peaked at 1.06 GB in 55 s,
# 12 MB at 0.94 GB in 63 s, 8 MB at 0.89 GB in 66 s.
BATCH_BYTES = 12 * 1024 * 1024


class AccountingError(RuntimeError):
    """A run's counts do not add up: something that entered was not accounted for."""


@flow(name="akhbar-etl", log_prints=False, task_runner=task_runner(dask_address()))
def etl(paths: list[str], warehouse: str, batch_bytes: int = BATCH_BYTES) -> dict[str, Any]:
    """Run the pipeline on files, folders or globs into the warehouse folder; return the run's summary."""
    run_id = str(flow_run.id or f"local-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    started = datetime.now(UTC)
    store = Warehouse(Path(warehouse))
    with store.writing(on_wait=_waiting):
        return _run_locked(store, paths, run_id, started, batch_bytes)


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
    progress = Progress(live=pl.DataFrame())
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
            progress.spellings = spellings(store.entity_spellings())
        # Only its rows of the files to read (plan.recorded) are needed from here on: 400,000 sources at 10×.
        del manifest
        first = resume(store, run_id, batches, progress)
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
        restore(store, run_id, started, len(batches), progress)
        problems = progress.counts.problems()
        if problems:
            raise AccountingError("counts do not add up: " + "; ".join(problems))
    except BaseException:
        store.commit_run(run_row(run_id, started, progress.counts, "failed"))
        raise
    finally:
        if warm_up.ident is not None:
            warm_up.join()
    store.commit_run(run_row(run_id, started, progress.counts, "completed"))
    logger.info(progress.stages.line())
    summary = {
        "run_id": run_id,
        "warehouse": str(store.root),
        **asdict(progress.counts),
        "batches_resumed": progress.resumed,
        "articles_restored": progress.restored,
        **progress.stages.summary(),
    }
    publish(summary, pl.concat(progress.quarantined) if progress.quarantined else empty(QUARANTINE))
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


def _finish(store: Warehouse, run_id: str, started: datetime, submitted: _Submitted, progress: Progress) -> None:
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
    progress: Progress,
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
    live, known = Parcel(progress.live), Parcel(progress.spellings)
    deduplicated = dedupe_batch(articles, sources, live, known)
    live.empty()
    known.empty()
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
    progress.spellings = with_spellings(progress.spellings, tables.value["article_entities"])
    progress.counts += step
    written = sum(frame.height for frame in tables.value.values())
    transform_seconds = articles.seconds + deduplicated.seconds
    # Of the transform's time, finding the entities and writing them as the warehouse does: the transform's
    # dearest step, timed apart (its goal is per article).
    entity_seconds = deduplicated.value.entity_seconds
    found = deduplicated.value.entities.height
    searched = articles.value.unique.height
    for stage, inputs, outputs, seconds in (
        ("extract", (len(batch), "files"), (sources.value.height, "sources"), sources.seconds),
        ("transform", (sources.value.height, "sources"), (step.articles_found, "articles"), transform_seconds),
        ("entities", (searched, "articles"), (found, "entity rows"), entity_seconds),
        ("validate", (unique.height, "articles"), (passed.height, "passed"), verdict.seconds),
        ("load", (passed.height + failed.height, "articles"), (written, "rows"), loaded.seconds),
    ):
        logger.info(stage_line(stage, number, *inputs, *outputs, seconds))
        # A stage's rate counts its output rows; a part's (PARTS: entities) what went in, the articles searched.
        progress.stages.add(stage, (inputs if stage in PARTS else outputs)[0], seconds)
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


def _waiting(lock: Path) -> None:
    """Say why the run does not start yet (WARNING: shown by default, a silent wait looks like a hang)."""
    get_run_logger().warning("waiting for another run writing this warehouse to finish (lock %s)", lock)
