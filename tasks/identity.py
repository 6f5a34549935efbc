"""Give each article an id that is the same wherever and whenever the same story text is met."""

import duckdb
import polars as pl

from tasks.normalize import fold_for_matching

ID_LENGTH = 32  # hex digits of sha256 kept: 128 bits, no collision in any archive this side of 10^18 rows


def identity_key(body: pl.Expr) -> pl.Expr:
    """What an article is known by: its story text, folded so that spacing and marks do not count."""
    # Every run of white space becomes one space; a lone space is left as it is (rewriting each one was slow).
    return fold_for_matching(body).str.replace_all(r"\s{2,}|[^\S ]", " ").str.strip_chars()


def with_article_ids(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles with `article_id`: a stable hash of their identity key.

    An article with no text is known by where it was found, so that empty articles are never
    mistaken for one another.
    """
    keys = (
        articles.select(folded=identity_key(pl.col("body")), source_sha256="source_sha256", position="position")
        .select(
            key=pl.when(pl.col("folded").is_null() | (pl.col("folded") == ""))
            .then(pl.format("empty:{}:{}", pl.col("source_sha256"), pl.col("position")))
            .otherwise(pl.lit("body:") + pl.col("folded"))
        )
        .with_row_index("row")
    )
    # sha256 over whole columns: Polars' own hash is not stable across versions, DuckDB's sha256 is.
    with duckdb.connect() as memory:
        # Handed over as Arrow: DuckDB scans a Polars frame's string views about 8× slower (measured).
        memory.register("keys", keys.to_arrow())
        ids = memory.sql(f"select substr(sha256(key), 1, {ID_LENGTH}) as article_id from keys order by row").pl()
    return articles.with_columns(ids.get_column("article_id"))
