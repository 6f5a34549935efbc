"""Reference data beside the code (outlets, months, gazetteer), loaded once per process."""

import csv
from functools import cache
from pathlib import Path

import polars as pl

REFERENCE_DIR = Path(__file__).parent / "reference"


@cache
def outlet_names() -> tuple[str, ...]:
    """Names of the outlets akhbar knows, longest first (for regex alternations)."""
    with (REFERENCE_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def gazetteer() -> pl.DataFrame:
    """The entity gazetteer: one row per canonical name, with its type, English name and variants."""
    frame = pl.read_csv(REFERENCE_DIR / "entities.csv", schema_overrides={"variants": pl.String})
    return frame.with_columns(
        pl.col("variants").fill_null("").str.split("|").list.eval(pl.element().str.strip_chars())
    )
