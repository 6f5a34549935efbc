"""Quarantine rows: whole files that could not be read, and articles that failed validation."""

import polars as pl

from tasks.schemas import QUARANTINE


def rejected_files(sources: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """A quarantine row for every source file rejected at extract (position null)."""
    rejected = sources.filter(pl.col("status") == "rejected")
    return rejected.select(
        "source_path",
        "source_sha256",
        pl.lit(None, dtype=pl.Int32).alias("position"),
        "reason",
        pl.col("raw").fill_null(""),
        pl.lit(run_id).alias("run_id"),
    ).cast(QUARANTINE)


def failed_articles(failed: pl.DataFrame, sources: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """A quarantine row for every failed article, its raw text cut from its page."""
    pages = sources.select("source_path", "source_sha256", "text")
    return (
        failed.drop("text", strict=False)
        .join(pages, on=["source_path", "source_sha256"], how="left", maintain_order="left")
        .select(
            "source_path",
            "source_sha256",
            "position",
            "reason",
            pl.coalesce(
                pl.col("text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start")),
                pl.col("raw"),
                pl.lit(""),
            ).alias("raw"),
            pl.lit(run_id).alias("run_id"),
        )
        .cast(QUARANTINE)
    )
