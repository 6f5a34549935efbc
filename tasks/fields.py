"""Read each article's fields (dateline, outlet, credit, author, tags, body, date) from its page parts."""

import polars as pl

from tasks.dates import read_date

# `بغداد/المسلة: ` at the start of the first paragraph: the city the story was filed from, then the outlet.
DATELINE_PREFIX = r"^([^/:\n]{1,40}?)\s*/\s*([^/:\n]{1,40}?)\s*:\s*"
# How far into the body a date may be read from when the page gives none.
BODY_DATE_WINDOW = 300
# A word: a run of non-spaces with at least one letter or digit in it (a lone "،" is not a word).
WORD = r"\S*[\p{L}\p{N}]\S*"


def read_fields(parts: pl.DataFrame) -> pl.DataFrame:
    """From ARTICLE_PARTS to the article columns of the contract that the page itself gives."""
    body_text = pl.col("body_lines").list.join("\n")
    prefix = body_text.str.extract_groups(DATELINE_PREFIX)
    return (
        parts.with_columns(
            dateline=prefix.struct.field("1").str.strip_chars(),
            dateline_outlet=prefix.struct.field("2").str.strip_chars(),
            body=body_text.str.replace(DATELINE_PREFIX, "").str.strip_chars(),
        )
        .with_columns(
            outlet=pl.coalesce("dateline_outlet", "credit_outlet", "source_text"),
            credit=pl.col("credit_text").str.strip_chars(),
            author=pl.col("author_text").str.strip_chars(),
            keywords=split_keywords(pl.col("tags_text")),
            word_count=pl.col("body").str.count_matches(WORD).cast(pl.Int32),
        )
        .pipe(pick_date)
        .with_columns(
            published_date=pl.col("picked").struct.field("date"),
            date_text=pl.col("picked").struct.field("text"),
            date_source=pl.col("picked").struct.field("source"),
        )
        .with_columns(
            # Empty strings say nothing: store them as unknown.
            pl.col("title", "dateline", "outlet", "author", "credit", "url").replace("", None),
        )
    )


def split_keywords(tags: pl.Expr) -> pl.Expr:
    """Tags split on Arabic and Latin commas, trimmed, empties dropped; an empty list where none."""
    return (
        tags.fill_null("")
        .str.replace_all("،", ",")
        .str.split(",")
        .list.eval(pl.element().str.strip_chars().filter(pl.element().str.strip_chars() != ""))
    )


def read_date_where(frame: pl.DataFrame, text: pl.Expr, where: pl.Expr, name: str) -> pl.DataFrame:
    """The frame with column `name`: the date read from `text` (a DATE_STRUCT) on the rows `where` holds.

    Reading dates is dear; this reads them only on the rows that need one and joins them back.
    """
    numbered = frame.with_row_index("_row")
    read = numbered.filter(where).select("_row", read_date(text).alias(name))
    return numbered.join(read, on="_row", how="left", maintain_order="left").drop("_row")


def pick_date(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with `picked`: the publication date, the text it was read from and where: page, then body."""
    frame = frame.with_columns(
        line_date=read_date(pl.col("date_line_text")).struct.field("date"),
        header_date=read_date(pl.col("header_date_text")).struct.field("date"),
    )
    no_page_date = pl.col("line_date").is_null() & pl.col("header_date").is_null()
    frame = read_date_where(frame, pl.col("body").str.slice(0, BODY_DATE_WINDOW), no_page_date, "body_date")
    # (date, the text it was read from, where that text was), best first. A date line on the page is
    # kept whole as written; in the body only the span of the date is.
    candidates = [
        (pl.col("line_date"), pl.col("date_line_text"), "page"),
        (pl.col("header_date"), pl.col("header_date_text"), "page"),
        (pl.col("body_date").struct.field("date"), pl.col("body_date").struct.field("text"), "body"),
    ]
    return frame.with_columns(picked=choose_date(candidates)).drop("line_date", "header_date", "body_date")


def choose_date(candidates: list[tuple[pl.Expr, pl.Expr, str]]) -> pl.Expr:
    """The first candidate (date, text it was read from, where) whose date was read, as a struct."""
    date: pl.Expr = pl.lit(None, dtype=pl.Date)
    text: pl.Expr = pl.lit(None, dtype=pl.String)
    source: pl.Expr = pl.lit(None, dtype=pl.String)
    for read, written, where in reversed(candidates):
        found = read.is_not_null()
        date = pl.when(found).then(read).otherwise(date)
        text = pl.when(found).then(written).otherwise(text)
        source = pl.when(found).then(pl.lit(where)).otherwise(source)
    return pl.struct(date=date, text=text, source=source)
