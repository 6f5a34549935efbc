"""The transform stage: pages in, one row per article out, every column of the contract filled."""

import polars as pl

from tasks.entities import entity_lists, find_entities
from tasks.fields import read_fields
from tasks.identity import with_article_ids
from tasks.normalize import canonical_text
from tasks.schemas import ARTICLES
from tasks.segment import split_articles


def pages_to_articles(sources: pl.DataFrame) -> pl.DataFrame:
    """Split the new pages of a SOURCES frame into articles and read their fields (ARTICLES, no entities)."""
    pages = sources.filter(pl.col("status") == "new").with_columns(canonical_text(pl.col("text")))
    articles = with_article_ids(read_fields(split_articles(pages)))
    return articles.with_columns(
        [pl.lit([], dtype=pl.List(pl.String)).alias(c) for c in ("locations", "organizations", "persons")]
        + [pl.lit(None, dtype=pl.String).alias("run_id")]
    ).select(pl.col(name).cast(dtype) for name, dtype in ARTICLES.items())


def add_entities(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The articles with their entity lists filled, and one row per article and entity found."""
    found = find_entities(articles)
    with_lists = entity_lists(articles, found).select(ARTICLES.names())
    return with_lists, found
