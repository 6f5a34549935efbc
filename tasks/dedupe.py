"""Keep one copy of each article: the best copy of a batch, and none of one already in the warehouse."""

from dataclasses import dataclass

import polars as pl

from tasks.tables import recorded_sources


@dataclass(frozen=True)
class Deduplicated:
    """The articles to go on with, and the copies set aside as duplicates."""

    unique: pl.DataFrame
    duplicates: pl.DataFrame


def drop_duplicates(articles: pl.DataFrame, known_ids: pl.Series) -> Deduplicated:
    """Set aside articles already loaded and all but the most complete copy of each within the batch."""
    numbered = articles.with_row_index("_order")
    # The copy kept is the one most likely to pass validation, then the first met.
    best_first = numbered.sort(
        pl.col("published_date").is_null(),
        pl.col("title").is_null(),
        pl.col("body").is_null() | (pl.col("body") == ""),
        pl.col("_order"),
    )
    kept_rows = best_first.filter(pl.col("article_id").is_first_distinct()).get_column("_order")
    keep = pl.col("_order").is_in(kept_rows.implode()) & ~pl.col("article_id").is_in(known_ids.implode())
    return Deduplicated(
        unique=numbered.filter(keep).drop("_order"),
        duplicates=numbered.filter(~keep).drop("_order"),
    )


def _reloaded(sources: pl.DataFrame) -> pl.Series:
    """The sources whose content the batch records anew in the manifest: their old articles go."""
    return recorded_sources(sources).get_column("source_path")


def known_ids(live: pl.DataFrame, sources: pl.DataFrame) -> pl.Series:
    """Ids already loaded, leaving out those of the files this batch reloads (their articles are replaced)."""
    return live.filter(~pl.col("source_path").is_in(_reloaded(sources).implode())).get_column("article_id")


def remember(live: pl.DataFrame, sources: pl.DataFrame, loaded: pl.DataFrame) -> pl.DataFrame:
    """The live (article_id, source_path) pairs once a batch of `sources` has loaded `loaded`."""
    kept = live.filter(~pl.col("source_path").is_in(_reloaded(sources).implode()))
    return pl.concat([kept, loaded.select("article_id", "source_path")])


def retired(live: pl.DataFrame, sources: pl.DataFrame) -> pl.DataFrame:
    """The live (article_id, source_path) pairs that a batch of `sources` replaces: those of its files read anew."""
    return live.filter(pl.col("source_path").is_in(_reloaded(sources).implode()))


def lost_ids(retired: pl.DataFrame, live: pl.DataFrame) -> pl.Series:
    """Ids whose loaded copy went with a file read anew and that nothing loaded again: to restore from a copy."""
    ids = retired.get_column("article_id").unique(maintain_order=True)
    return ids.filter(~ids.is_in(live.get_column("article_id").implode()))
