"""What one batch puts into each warehouse table: loaded articles, their entities, quarantine, manifest, duplicates."""

import polars as pl

from tasks.quarantine import failed_articles, rejected_files
from tasks.schemas import DUPLICATES


def recorded_sources(sources: pl.DataFrame) -> pl.DataFrame:
    """The sources whose content a batch records in the manifest: each read anew, with its sha256."""
    # Unchanged files are already in the manifest as they are. A file whose bytes could not be read
    # (no sha256) says nothing about its content: it keeps its last committed content, and the next
    # run reads it again (its quarantine row says why this run could not).
    return sources.filter((pl.col("status") != "unchanged") & pl.col("source_sha256").is_not_null())


def batch_tables(
    sources: pl.DataFrame,
    passed: pl.DataFrame,
    failed: pl.DataFrame,
    duplicates: pl.DataFrame,
    entities: pl.DataFrame,
    run_id: str,
) -> dict[str, pl.DataFrame]:
    """The rows of each table for one batch, stamped with the run that loads them."""
    run = pl.lit(run_id).alias("run_id")
    loaded = passed.with_columns(run)
    return {
        "articles": loaded,
        "article_entities": entities.join(loaded.select("article_id"), on="article_id", how="semi").with_columns(run),
        "quarantine": pl.concat([rejected_files(sources, run_id), failed_articles(failed, sources, run_id)]),
        "manifest": recorded_sources(sources).with_columns(run),
        "duplicates": duplicates.with_columns(run).select(DUPLICATES.names()),
    }


def restored_tables(
    sources: pl.DataFrame, passed: pl.DataFrame, failed: pl.DataFrame, entities: pl.DataFrame, run_id: str
) -> dict[str, pl.DataFrame]:
    """The rows of articles loaded again from copies set aside as duplicates (their files read once more).

    Only articles, their entities and quarantine: the files did not change, so their manifest rows, the
    copies recorded and any member rejected before stand as they are.
    """
    read = sources.filter(pl.col("status") == "new")
    tables = batch_tables(read, passed, failed, passed.clear(), entities, run_id)
    return {**tables, "manifest": tables["manifest"].clear(), "duplicates": tables["duplicates"].clear()}
