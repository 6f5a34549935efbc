"""The akhbar ETL flow: extract → transform → validate → load, over batches of files."""

import time
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.tasks import exponential_backoff

from tasks.accounting import Counts, batch_counts
from tasks.dedupe import drop_duplicates, known_ids, remember
from tasks.extract import find_inputs, plan_batches, read_sources
from tasks.schemas import QUARANTINE, empty
from tasks.tables import batch_tables
from tasks.transform import add_entities, sources_to_articles
from tasks.validate import Verdict, validate
from warehouse.store import Warehouse

BATCH_BYTES = 64 * 1024 * 1024  # input bytes per batch: bounds memory, few enough tasks per run
# The I/O tasks: a batch is read or written in seconds; ten minutes means a stuck disk or mount, and a
# retry (1 s, 2 s, 4 s later, jittered so that runs on the same disk do not retry in step) may find it back.
IO_TIMEOUT_SECONDS = 600
IO_RETRIES = 3
IO_BACKOFF = exponential_backoff(backoff_factor=1)
IO_JITTER = 0.5


class AccountingError(RuntimeError):
    """A run's counts do not add up: something that entered was not accounted for."""


@task(
    name="extract",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
    timeout_seconds=IO_TIMEOUT_SECONDS,
)
def extract_batch(files: list[Path], current: dict[str, str]) -> pl.DataFrame:
    """Read, hash and decode a batch of files (skipping those already loaded unchanged)."""
    return read_sources(files, current)


@task(name="transform", cache_policy=NO_CACHE)
def transform_batch(sources: pl.DataFrame, live: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Articles of the batch's new pages, deduplicated, with entities: (unique, duplicates, entities)."""
    articles = sources_to_articles(sources)
    deduplicated = drop_duplicates(articles, known_ids(live, sources))
    unique, entities = add_entities(deduplicated.unique)
    return unique, deduplicated.duplicates, entities


@task(name="validate", cache_policy=NO_CACHE)
def validate_batch(articles: pl.DataFrame, today: date) -> Verdict:
    """Run the articles suite of expectations/ on the batch."""
    return validate(articles, "articles", today)


@task(
    name="load",
    cache_policy=NO_CACHE,
    retries=IO_RETRIES,
    retry_delay_seconds=IO_BACKOFF,
    retry_jitter_factor=IO_JITTER,
    timeout_seconds=IO_TIMEOUT_SECONDS,
)
def load_batch(
    store: Warehouse, run_id: str, batch: int, tables: dict[str, pl.DataFrame], result: dict[str, Any]
) -> None:
    """Write the batch's Parquet files and validation result (visible once the run commits)."""
    store.write_batch(run_id, batch, tables)
    store.write_validation(run_id, batch, result)


@flow(name="akhbar-etl", log_prints=False)
def etl(paths: list[str], warehouse: str, batch_bytes: int = BATCH_BYTES) -> dict[str, Any]:
    """Run the pipeline on files, folders or globs into the warehouse folder; return the run's summary."""
    run_id = str(flow_run.id or f"local-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    started = datetime.now(UTC)
    store = Warehouse(Path(warehouse))
    with store.writing(on_wait=_waiting):
        return _run_locked(store, paths, run_id, started, batch_bytes)


def _run_locked(store: Warehouse, paths: list[str], run_id: str, started: datetime, batch_bytes: int) -> dict[str, Any]:
    """The run proper, while this run alone writes the warehouse."""
    logger = get_run_logger()
    store.ensure()
    counts = Counts()
    quarantined: list[pl.DataFrame] = []
    try:
        files = find_inputs(paths)
        current = dict(store.current_sources().iter_rows())
        live = store.live_articles()
        batches = plan_batches(files, batch_bytes)
        logger.info("%d files in %d batches into %s", len(files), len(batches), store.root)
        for number, batch in enumerate(batches):
            clock = time.perf_counter()
            sources = extract_batch(batch, current)
            unique, duplicates, entities = transform_batch(sources, live)
            verdict = validate_batch(unique, started.date())
            tables = batch_tables(sources, verdict.passed, verdict.failed, entities, run_id)
            load_batch(store, run_id, number, tables, verdict.result)
            quarantined.append(tables["quarantine"])
            live = remember(live, sources, tables["articles"])
            step = batch_counts(
                files=len(batch),
                statuses=sources.get_column("status").to_list(),
                found=unique.height + duplicates.height,
                duplicate=duplicates.height,
                quarantined=verdict.failed.height,
                loaded=verdict.passed.height,
            )
            counts += step
            logger.info(
                "batch %d: %d files (%d new, %d unchanged, %d rejected) → %d articles: "
                "%d loaded, %d duplicate, %d quarantined in %.2fs",
                number,
                step.files_seen,
                step.files_new,
                step.files_unchanged,
                step.files_rejected,
                step.articles_found,
                step.articles_loaded,
                step.articles_duplicate,
                step.articles_quarantined,
                time.perf_counter() - clock,
            )
        problems = counts.problems()
        if problems:
            raise AccountingError("counts do not add up: " + "; ".join(problems))
    except BaseException:
        store.commit_run(_run_row(run_id, started, counts, "failed"))
        raise
    store.commit_run(_run_row(run_id, started, counts, "completed"))
    summary = {"run_id": run_id, "warehouse": str(store.root), **asdict(counts)}
    _publish(summary, pl.concat(quarantined) if quarantined else empty(QUARANTINE))
    return summary


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
