"""Helpers the entity tests share: find_entities over bodies, the text each mention covers, and texts as the
matchers read them."""

import polars as pl

from tasks.entities import find_entities, mention_spans
from tasks.gazetteer import fold_plain, plain_text


def found(*bodies: str) -> pl.DataFrame:
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": list(bodies)})
    return find_entities(articles)


def names(body: str) -> list[str]:
    return found(body)["entity"].to_list()


def spans_read(body: str) -> list[tuple[str, str, str]]:
    """Each mention as (the words it covers, entity, type), in the order found."""
    spans = mention_spans(pl.DataFrame({"article_id": ["a0"], "body": [body]}))
    padded = plain_text(pl.lit(body))
    text = pl.select(padded).item().encode()
    return [
        (text[start + 1 : start + length - 1].decode().replace("  ", " "), entity, kind)
        for start, length, entity, kind in spans.select("start", "length", "entity", "entity_type").iter_rows()
    ]


def texts_of(bodies: list[str]) -> pl.DataFrame:
    """Bodies as the matchers read them: article_id, key (from 1), body and folded text."""
    return pl.DataFrame(
        {"article_id": [f"a{k}" for k in range(len(bodies))], "key": range(1, len(bodies) + 1), "body": bodies},
        schema={"article_id": pl.String, "key": pl.UInt32, "body": pl.String},
    ).with_columns(folded=fold_plain(plain_text(pl.col("body"))))
