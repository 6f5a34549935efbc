"""Helpers the entity tests share: find_entities over bodies, and the text each mention covers."""

import polars as pl

from tasks.entities import find_entities, mention_spans
from tasks.gazetteer import plain_text


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
