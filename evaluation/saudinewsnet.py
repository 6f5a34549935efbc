"""Scraper records measured: the SaudiNewsNet days through the real flow, per outlet, and bylines vs gold.

Run with `make eval-scrapers`. It runs `akhbar`'s flow (Prefect, GX, DuckDB: the real pipeline) on
../shared/data/saudinewsnet into a temporary warehouse, counts per outlet where every record went and
what it has, then scores dateline, author and credit against evaluation/bylines_gold.json: 120 records
labelled by hand (10 per outlet, the first 10 of each outlet's records ordered by sha256 of url + index).
"""

import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import duckdb
import polars as pl

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
GOLD = Path(__file__).with_name("bylines_gold.json")
# The fields GOLD labels, each scored.
LABELLED = ("dateline", "author", "credit")
OUT = Path(__file__).with_name("results") / "saudinewsnet.md"


def source_records() -> pl.DataFrame:
    """Every record of every day: (source_path, position, outlet code), as akhbar names them."""
    rows: list[dict[str, object]] = []
    for archive in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(archive) as opened:
            for member in opened.namelist():
                records = json.loads(opened.read(member))
                path = f"{archive.resolve()}!/{member}"
                rows += [
                    {"source_path": path, "position": i, "code": r["source"], "opening": r["content"][:400]}
                    for i, r in enumerate(records)
                ]
    schema = {"source_path": pl.String, "position": pl.Int32, "code": pl.String, "opening": pl.String}
    return pl.DataFrame(rows, schema=schema)


def saudi_press_agency_dates(warehouse: Path, records: pl.DataFrame) -> dict[str, int]:
    """For the واس records whose opening has `… الموافق <date>`: how many load with that date, from the dateline."""
    from tasks.dates import read_date

    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        articles = connection.sql("select source_path, position, published_date, date_source from articles").pl()
    after = pl.col("opening").str.extract(r"الموافق\s+([^\n]{6,30}?\d{4})", 1)
    was = (
        records.filter(pl.col("code") == "was", after.is_not_null())
        .with_columns(gregorian=read_date(after).struct.field("date"))
        .join(articles, on=["source_path", "position"], how="left")
    )
    return {
        "with_muwafiq": was.height,
        "loaded": was.filter(pl.col("published_date").is_not_null()).height,
        "date_equal_and_from_dateline": was.filter(
            (pl.col("published_date") == pl.col("gregorian")) & (pl.col("date_source") == "dateline")
        ).height,
    }


def run_flow(warehouse: Path) -> dict[str, object]:
    """The real flow on the SaudiNewsNet folder."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from flows.etl import etl

    summary: dict[str, object] = etl(paths=[str(DATA)], warehouse=str(warehouse))
    return summary


def per_outlet(warehouse: Path, records: pl.DataFrame) -> pl.DataFrame:
    """Per outlet: records in, loaded, duplicate, quarantined, and shares of what the loaded ones have."""
    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        articles = connection.sql(
            "select source_path, position, dateline, author, credit, date_source from articles"
        ).pl()
        quarantined = connection.sql("select source_path, position from quarantine where position is not null").pl()
    fate = (
        records.join(articles.with_columns(loaded=pl.lit(True)), on=["source_path", "position"], how="left")
        .join(quarantined.with_columns(quarantined=pl.lit(True)), on=["source_path", "position"], how="left")
        .with_columns(pl.col("loaded", "quarantined").fill_null(False))
    )
    loaded = pl.col("loaded")

    def share(condition: pl.Expr) -> pl.Expr:
        return (condition & loaded).sum() / loaded.sum()

    return (
        fate.group_by("code")
        .agg(
            records_in=pl.len(),
            loaded=loaded.sum(),
            duplicate=(~loaded & ~pl.col("quarantined")).sum(),
            quarantined=pl.col("quarantined").sum(),
            dateline=share(pl.col("dateline").is_not_null()),
            author=share(pl.col("author").is_not_null()),
            credit=share(pl.col("credit").is_not_null()),
            date_dateline=share(pl.col("date_source") == "dateline"),
            date_body=share(pl.col("date_source") == "body"),
            date_page=share(pl.col("date_source") == "page"),
            date_crawl=share(pl.col("date_source") == "crawl"),
        )
        .sort("records_in", descending=True)
    )


def parsed_gold_records() -> pl.DataFrame:
    """What the transform reads from each hand-labelled record, beside its labels."""
    from tasks.extract import read_sources
    from tasks.normalize import canonical_text
    from tasks.records import records_to_articles

    # A label is copied from the record as written; text columns hold canonical text (سلطان اﻷحمري is سلطان الأحمري
    # there), and so do the labels compared with them.
    gold = pl.read_json(GOLD).with_columns(canonical_text(pl.col(label)) for label in LABELLED)
    days = sorted(DATA.glob("*.zip"))
    sources = read_sources(days, {})
    articles = records_to_articles(sources).select(
        pl.col("source_path").str.extract(r"!/(.+)$", 1).alias("file"),
        pl.col("position").alias("index"),
        pl.col("dateline").alias("got_dateline"),
        pl.col("author").alias("got_author"),
        pl.col("credit").alias("got_credit"),
    )
    return gold.with_columns(pl.col("index").cast(pl.Int32)).join(articles, on=["file", "index"], how="left")


def scores(frame: pl.DataFrame) -> pl.DataFrame:
    """Precision and recall of dateline, author and credit against the labels (exact after folding)."""
    from tasks.newsroom import byline_key

    rows = []
    for field in LABELLED:
        gold = byline_key(pl.col(field))
        got = byline_key(pl.col(f"got_{field}"))
        counted = frame.select(
            predicted=got.is_not_null().sum(),
            labelled=gold.is_not_null().sum(),
            correct=(got.is_not_null() & (got == gold)).sum(),
        ).row(0, named=True)
        rows.append(
            {
                "field": field,
                **counted,
                "precision": counted["correct"] / max(counted["predicted"], 1),
                "recall": counted["correct"] / max(counted["labelled"], 1),
            }
        )
    return pl.DataFrame(rows)


def markdown(frame: pl.DataFrame, digits: int = 2) -> str:
    """A frame as a markdown table."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return "–" if value != value else f"{value:.{digits}f}"  # NaN: a share of no loaded record
        return "" if value is None else str(value)

    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * frame.width]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return "\n".join(lines)


def main() -> int:
    """Run, measure, print and write evaluation/results/saudinewsnet.md."""
    with tempfile.TemporaryDirectory() as folder:
        warehouse = Path(folder) / "w"
        summary = run_flow(warehouse)
        records = source_records()
        table = per_outlet(warehouse, records)
        was_dates = saudi_press_agency_dates(warehouse, records)
    totals = table.select(pl.col("records_in", "loaded", "duplicate", "quarantined").sum())
    gold = parsed_gold_records()
    byline_scores = scores(gold)
    from tasks.newsroom import byline_key

    def differs(field: str) -> pl.Expr:
        return byline_key(pl.col(f"got_{field}")).fill_null("∅") != byline_key(pl.col(field)).fill_null("∅")

    misses = gold.filter(differs("dateline") | differs("author")).select(
        "source", "file", "index", "dateline", "got_dateline", "author", "got_author"
    )
    text = "\n\n".join(
        [
            "## Scraper records: SaudiNewsNet, five days (`make eval-scrapers`)",
            "The real flow on `../shared/data/saudinewsnet` (five zipped JSON days and the folder's README). "
            f"Run summary: `{json.dumps({k: v for k, v in summary.items() if k not in ('run_id', 'warehouse')})}`.",
            "Per outlet (code as the scraper gives it). Shares are of the loaded records.",
            markdown(table),
            f"Totals: {totals.row(0, named=True)}.",
            "Saudi Press Agency (`was`) records whose opening has `… هـ الموافق <Gregorian date>`: "
            f"{was_dates['with_muwafiq']}; loaded: {was_dates['loaded']}; loaded with exactly that Gregorian date "
            f"and `date_source = 'dateline'`: {was_dates['date_equal_and_from_dateline']}.",
            "### Datelines, authors and credits against 120 records labelled by hand",
            "The sample: for each of the 12 outlets in the five days, its records with text ordered by sha256 of "
            "url + index, the first 10 (`evaluation/bylines_gold.json` names them by file and index; the labels "
            "were written by reading each record, before and apart from the parser). Compared after folding "
            "(hamza, ى/ي, ة/ه, dots, quotes, spaces).",
            markdown(byline_scores),
            f"Records where dateline or author differ ({misses.height}):",
            markdown(misses),
        ]
    )
    print(text)
    OUT.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
