"""Scraper output (JSON arrays, JSON Lines): parse it into records and read articles from them."""

import io
import json
from typing import Any

import polars as pl

from tasks.bylines import DATE_BLOCK, looks_like_byline, read_bylines
from tasks.dates import read_date
from tasks.fields import BODY_DATE_WINDOW, WORD, choose_date, read_date_where
from tasks.newsroom import outlet_by_code
from tasks.normalize import canonical_text, clean_line
from tasks.schemas import RECORD

# Scrapers name the same field in many ways; the first name present wins.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "byline", "authors", "writer"),
    "content": ("content", "text", "body", "maintext", "article"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "site", "outlet", "source_domain", "publisher"),
    "published": ("published", "date_published", "published_at", "pubdate", "date"),
    "crawled": ("date_extracted", "crawled", "crawled_at", "scraped_at", "date_download"),
}
NO_TEXT = "record has no text: its content is empty"


def read_records(text: str, *, one_per_line: bool) -> pl.Series | str:
    """The records of a JSON array (or JSON Lines) as RECORD structs, or why the file cannot be read."""
    try:
        source = io.StringIO(text)
        frame = (
            pl.read_ndjson(source, infer_schema_length=None)
            if one_per_line
            else pl.read_json(source, infer_schema_length=None)
        )
    except Exception:
        return _read_records_slowly(text, one_per_line=one_per_line)
    if frame.height == 0:
        return "no records: the JSON holds no objects"
    if frame.width == 0 or not set(frame.columns) & {n for names in FIELD_NAMES.values() for n in names}:
        return "no article fields (title, content, …) in the JSON objects"
    return _as_records(frame)


def _read_records_slowly(text: str, *, one_per_line: bool) -> pl.Series | str:
    """Parse with the standard library, to name the exact fault and keep the readable records."""
    items: list[Any] = []
    if one_per_line:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as error:
                items.append(_Problem(f"malformed JSON on line {number}: {error.msg} (column {error.colno})", line))
    else:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            return f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}"
        items = document if isinstance(document, list) else [document]
    if not items:
        return "no records: the JSON holds no objects"
    rows = [_row(item) for item in items]
    return pl.DataFrame(rows, schema=dict(RECORD.to_schema())).to_struct("record")


class _Problem:
    """A line that could not be parsed, with why."""

    def __init__(self, why: str, line: str) -> None:
        self.why = why
        self.line = line


def _row(item: Any) -> dict[str, str | None]:
    """One RECORD from one parsed JSON value (the slow path)."""
    if isinstance(item, _Problem):
        return dict.fromkeys(RECORD.to_schema(), None) | {"problem": item.why, "raw": item.line}
    if not isinstance(item, dict):
        row = dict.fromkeys(RECORD.to_schema(), None)
        return row | {
            "problem": f"record is not a JSON object but {type(item).__name__}",
            "raw": json.dumps(item),
        }
    row = {field: _text(next((item[n] for n in names if n in item), None)) for field, names in FIELD_NAMES.items()}
    return row | {"problem": None, "raw": json.dumps(item, ensure_ascii=False)}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def _as_records(frame: pl.DataFrame) -> pl.Series:
    """RECORD structs from a frame Polars parsed, whatever the scraper called its fields."""
    columns: list[pl.Expr] = []
    for field, names in FIELD_NAMES.items():
        name = next((n for n in names if n in frame.columns), None)
        if name is None:
            columns.append(pl.lit(None, dtype=pl.String).alias(field))
            continue
        dtype = frame.schema[name]
        if isinstance(dtype, pl.List):
            column = pl.col(name).cast(pl.List(pl.String), strict=False).list.join(", ")
        elif isinstance(dtype, pl.Struct):
            column = pl.col(name).struct.json_encode()
        else:
            column = pl.col(name).cast(pl.String, strict=False)
        columns.append(column.alias(field))
    columns.append(pl.lit(None, dtype=pl.String).alias("problem"))
    columns.append(pl.struct(pl.all()).struct.json_encode().alias("raw"))
    return frame.select(columns).to_struct("record")


def _first_line(text: pl.Expr) -> pl.Expr:
    return text.str.extract(r"^([^\n]*)", 1)


def records_to_articles(sources: pl.DataFrame) -> pl.DataFrame:
    """One row per scraper record of the new record sources: the contract's columns, plus problem and raw."""
    records = (
        sources.filter((pl.col("status") == "new") & (pl.col("kind") == "records"))
        .select("source_path", "source_sha256", "records")
        .with_columns(position=pl.int_ranges(pl.col("records").list.len(), dtype=pl.Int32))
        .explode("records", "position")
        .unnest("records")
    )
    content = (
        canonical_text(pl.col("content").fill_null(""))
        .str.split("\n")
        .list.eval(clean_line(pl.element()).filter(clean_line(pl.element()) != ""))
        .list.join("\n")
    )
    author_field = clean_line(canonical_text(pl.col("author").fill_null("")))
    frame = records.with_columns(content=content, author_field=author_field).with_columns(
        # sabq repeats the byline of the author field at the start of the content.
        content=pl.when((pl.col("author_field") != "") & pl.col("content").str.starts_with(pl.col("author_field")))
        .then(pl.col("content").str.slice(pl.col("author_field").str.len_chars()).str.strip_chars(" :\n"))
        .otherwise(pl.col("content")),
    )
    frame = frame.with_columns(first_line=_first_line(pl.col("content")))
    by_author = read_bylines(frame, "author_field")
    by_line = read_bylines(frame, "first_line")
    frame = frame.with_columns(by_author=by_author, by_line=by_line)
    # A first line is a byline when it is short, names a known place, agency or outlet, and is cut
    # into parts by a separator or a date (`عين اليوم – جدة`, `بريدة 25 شوال … واس`).
    line_is_byline = (
        looks_like_byline(pl.col("first_line"))
        & (pl.col("by_line").struct.field("known") >= 1)
        & pl.col("first_line").str.contains(rf"[-–—:()]|\sـ|{DATE_BLOCK}")
    )
    author_is_byline = (pl.col("author_field") != "") & looks_like_byline(pl.col("author_field"))
    field = pl.col("by_author").struct.field
    line = pl.col("by_line").struct.field

    def either(name: str) -> pl.Expr:
        return pl.coalesce(pl.when(author_is_byline).then(field(name)), pl.when(line_is_byline).then(line(name)))

    frame = frame.with_columns(
        dateline=either("dateline"),
        author=either("author"),
        credit=either("credit"),
        byline_text=pl.when(line_is_byline).then(pl.col("first_line")),
        body=pl.when(line_is_byline)
        .then(pl.col("content").str.slice(pl.col("first_line").str.len_chars()).str.strip_chars())
        .otherwise(pl.col("content")),
    )
    return (
        frame.with_columns(
            title=clean_line(canonical_text(pl.col("title"))).replace("", None),
            url=pl.col("url").replace("", None),
            outlet=pl.col("source").replace_strict(outlet_by_code(), default=pl.col("source")),
            keywords=pl.lit([], dtype=pl.List(pl.String)),
            word_count=pl.col("body").str.count_matches(WORD).cast(pl.Int32),
            problem=pl.coalesce(pl.col("problem"), pl.when(pl.col("body") == "").then(pl.lit(NO_TEXT))),
            char_start=pl.lit(None, dtype=pl.Int32),
            char_end=pl.lit(None, dtype=pl.Int32),
        )
        .pipe(pick_record_date)
        .with_columns(
            published_date=pl.col("picked").struct.field("date"),
            date_text=pl.col("picked").struct.field("text"),
            date_source=pl.col("picked").struct.field("source"),
        )
    )


# How far before its crawl a date in the body may be and still be the publication date, not an event's.
BODY_DATE_DAYS = 7


def pick_record_date(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `picked`: the dateline's date, a date the scraper gives, the body's opening, the crawl time."""
    dateline_text = pl.coalesce(
        pl.when(pl.col("by_author").struct.field("known") > 0).then(pl.col("author_field")),
        pl.col("byline_text"),
    )
    opening = pl.col("body").str.slice(0, BODY_DATE_WINDOW)
    # `… هـ الموافق 10 اغسطس 2015 م` is a dateline's date even off the first line (واس service notes).
    paired = opening.str.extract(rf"({DATE_BLOCK})", 1)
    frame = frame.with_columns(
        dateline_text=dateline_text,
        paired=pl.when(paired.str.contains("الموافق")).then(paired),
        byline_date=read_date(pl.col("byline_text")).struct.field("date"),
        dateline_date=read_date(dateline_text).struct.field("date"),
        published_date=read_date(pl.col("published")).struct.field("date"),
        crawled_date=read_date(pl.col("crawled")).struct.field("date"),
    ).with_columns(paired_date=read_date(pl.col("paired")).struct.field("date"))
    undated = pl.all_horizontal(pl.col("byline_date", "dateline_date", "paired_date", "published_date").is_null())
    frame = read_date_where(frame, opening, undated, "body_date")
    crawled = pl.col("crawled_date")
    body_day = pl.col("body_date").struct.field("date")
    plausible = crawled.is_null() | body_day.is_between(crawled - pl.duration(days=BODY_DATE_DAYS), crawled)
    candidates = [
        (pl.col("byline_date"), pl.col("byline_text"), "dateline"),
        (pl.col("dateline_date"), pl.col("dateline_text"), "dateline"),
        (pl.col("paired_date"), pl.col("paired"), "dateline"),
        (pl.col("published_date"), pl.col("published"), "page"),
        (pl.when(plausible).then(body_day), pl.col("body_date").struct.field("text"), "body"),
        (crawled, pl.col("crawled"), "crawl"),
    ]
    helpers = ("dateline_text", "paired", "byline_date", "dateline_date", "paired_date", "crawled_date", "body_date")
    return frame.with_columns(picked=choose_date(candidates)).drop(*helpers, "published_date")
