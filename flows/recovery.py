"""A run's recovery: the batches a failed run loaded are adopted, and articles whose loaded copy went with
its changed file are loaded again from a copy set aside as a duplicate.
"""

from datetime import datetime

import polars as pl
from prefect import get_run_logger

from flows.observe import Parcel
from flows.progress import Progress
from flows.stages import extract_batch, load_batch, restore_batch, validate_batch
from tasks.accounting import Counts
from tasks.dedupe import lost_ids, remember, retired
from tasks.extract import by_file
from tasks.spellings import with_spellings
from tasks.tables import restored_tables
from warehouse.resume import code_version
from warehouse.store import Warehouse


def resume(store: Warehouse, run_id: str, batches: list[list[str]], progress: Progress) -> int:
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
        progress.spellings = with_spellings(progress.spellings, tables["article_entities"])
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


def restore(store: Warehouse, run_id: str, started: datetime, number: int, progress: Progress) -> None:
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
    articles = restore_batch(Parcel(sources.value), copies, Parcel(progress.spellings))
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
