"""The transform stage: pages in, one row per article out, every column of the contract filled."""

import polars as pl

from tasks.entities import FOUND, entity_lists, find_entities
from tasks.fields import read_fields
from tasks.identity import with_article_ids
from tasks.records import records_to_articles
from tasks.schemas import ARTICLES
from tasks.segment import split_articles

# Beside the contract's columns, an article row carries why it cannot be used (set by the transform,
# honoured by validation) and its raw record (scraper JSON) for quarantine.
ARTICLE_ROWS = pl.Schema({**ARTICLES, "problem": pl.String(), "raw": pl.String()})


def _conform(articles: pl.DataFrame) -> pl.DataFrame:
    filled = articles.with_columns(
        [pl.lit([], dtype=pl.List(pl.String)).alias(c) for c in ("locations", "organizations", "persons")]
        + [pl.lit(None, dtype=pl.String).alias("run_id")]
    )
    missing = [pl.lit(None, dtype=t).alias(c) for c, t in ARTICLE_ROWS.items() if c not in filled.columns]
    return filled.with_columns(missing).select(pl.col(c).cast(t) for c, t in ARTICLE_ROWS.items())


def pages_to_articles(sources: pl.DataFrame) -> pl.DataFrame:
    """Split the new pages of a SOURCES frame into articles and read their fields (ARTICLE_ROWS)."""
    pages = sources.filter((pl.col("status") == "new") & (pl.col("kind") == "page"))
    return _conform(with_article_ids(read_fields(split_articles(pages))))


def sources_to_articles(sources: pl.DataFrame) -> pl.DataFrame:
    """Every article of the batch's new sources, pages and scraper records alike (ARTICLE_ROWS)."""
    kinds = set(sources.filter(pl.col("status") == "new").get_column("kind").to_list())
    # A batch of unchanged files parses nothing, and loads no reference data to find that out.
    parts = [pages_to_articles(sources)] if "page" in kinds else []
    if "records" in kinds:
        parts.append(_conform(with_article_ids(records_to_articles(sources))))
    return pl.concat(parts) if parts else pl.DataFrame(schema=ARTICLE_ROWS)


def add_entities(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The articles with their entity lists filled, and one row per article and entity found."""
    if articles.is_empty():
        return articles, pl.DataFrame(schema=FOUND)
    found = find_entities(articles)
    with_lists = entity_lists(articles, found).select(articles.columns)
    return with_lists, found
