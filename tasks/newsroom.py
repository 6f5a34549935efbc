"""Reference data on who writes the news: outlets and their scraper codes, agencies, dateline places."""

import csv
from functools import cache

import polars as pl

from tasks.normalize import fold_for_matching
from tasks.reference import REFERENCE_DIR, gazetteer


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def outlet_by_code() -> dict[str, str]:
    """Scraper source code → the outlet's Arabic name (alriyadh → الرياض)."""
    return {row["code"]: row["name"] for row in _rows("outlets.csv")}


@cache
def lexicon() -> pl.DataFrame:
    """Every known byline word, folded for matching: (key, kind) with kind agency, outlet or place.

    A name that is both a place and an outlet (الرياض) is a place: quotes mark it as an outlet.
    """
    entries: list[tuple[str, str]] = []
    for row in _rows("agencies.csv"):
        entries += [(name, "agency") for name in [row["name"], *row["variants"].split("|")] if name]
    for row in _rows("outlets.csv"):
        entries += [(name, "outlet") for name in [row["name"], *row["aliases"].split("|")] if name]
    entries += [(row["name"], "place") for row in _rows("places.csv")]
    places = gazetteer().filter(pl.col("type") == "LOC")
    entries += [(name, "place") for name in places.get_column("canonical").to_list()]
    entries += [(name, "place") for names in places.get_column("variants").to_list() for name in names if name]
    priority = {"agency": 0, "place": 1, "outlet": 2}
    frame = pl.DataFrame(entries, schema={"name": pl.String, "kind": pl.String}, orient="row")
    return (
        frame.with_columns(key=byline_key(pl.col("name")), rank=pl.col("kind").replace_strict(priority))
        .sort("rank")
        .unique("key", keep="first", maintain_order=True)
        .select("key", "kind")
    )


def byline_key(text: pl.Expr) -> pl.Expr:
    """The folded form a byline part is looked up by: no dots, no quotes, single spaces."""
    return fold_for_matching(text).str.replace_all(r"[.«»\"“”']", " ").str.replace_all(r"\s+", " ").str.strip_chars()
