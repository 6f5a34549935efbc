"""Split page dumps into articles (main + related) and sort each line into the part of the page it is."""

import re

import polars as pl

from tasks.dates import is_date_only
from tasks.normalize import canonical_text, clean_line
from tasks.reference import outlet_names

RELATED_MARKER = r"^[إا]قرأ\s+[أا]يض[اًٌ]*\s*:?$"
PUBLISHED_HEADER = r"^تاريخ النشر\s*:\s*(.+)$"
DISCLAIMER = r"^النص الذي يتضمن اسم الكاتب"
AUTHOR_BOX = r"^About Post Author\s*(.*?)\s*See author[’']s posts"
SOURCE_LINE = r"^المصدر\s*:\s*(.+)$"
TAGS_LINE = r"^(?:كلمات دلالية|الكلمات الدلالية|الوسوم)\s*:\s*(.*)$"
URL_LINE = r"^https?://\S+$"


def credit_line_pattern() -> str:
    """A line that credits the outlet and its sources: `المسلة – متابعة – وكالات`."""
    outlets = "|".join(re.escape(name) for name in outlet_names())
    return rf"^({outlets})\s*[–—\-]\s*(.{{1,80}})$"


# What a line of a page can be, besides article text. Footer roles end an article's body.
FOOTER_ROLES = ("credit", "disclaimer", "author_box", "source_line", "tags")

# One row per article: the raw parts of the page that later stages read fields from.
ARTICLE_PARTS = pl.Schema(
    {
        "source_path": pl.String(),
        "source_sha256": pl.String(),
        "position": pl.Int32(),
        "char_start": pl.Int32(),
        "char_end": pl.Int32(),
        "title": pl.String(),
        "header_date_text": pl.String(),
        "date_line_text": pl.String(),
        "body_lines": pl.List(pl.String()),
        "credit_outlet": pl.String(),
        "credit_text": pl.String(),
        "author_text": pl.String(),
        "source_text": pl.String(),
        "tags_text": pl.String(),
        "url": pl.String(),
    }
)


def split_lines(sources: pl.DataFrame) -> pl.DataFrame:
    """One row per line of each source, with its number and where it starts in the source text."""
    return (
        sources.select("source_path", "source_sha256", "text")
        .with_row_index("src")
        .with_columns(pl.col("text").str.split("\n").alias("raw_line"))
        .drop("text")
        .explode("raw_line")
        .with_columns(pl.col("raw_line").fill_null(""))
        .with_columns(
            line_no=pl.int_range(pl.len()).over("src"),
            length=pl.col("raw_line").str.len_chars().cast(pl.Int32),
        )
        .with_columns(
            # Each line is followed by one "\n" in the source text.
            start=((pl.col("length") + 1).cum_sum().over("src") - (pl.col("length") + 1)).cast(pl.Int32),
            # Canonical text line by line, the offsets counted on the line as decoded: a ligature spelt out (ﻻ is
            # لا) moves no article's char_start.
            line=clean_line(canonical_text(pl.col("raw_line"))),
        )
    )


def mark_date_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """Add `date_only`: the line is a date and nothing else.

    Reading dates is the dearest test of all, so it runs only on the few lines that could be one:
    short, with a digit in them.
    """
    line = pl.col("line")
    numbered = lines.with_row_index("_line")
    candidates = numbered.filter((line.str.len_chars() <= 60) & line.str.contains("[0-9٠-٩۰-۹]")).select(
        "_line", is_date_only(line).alias("date_only")
    )
    return (
        numbered.join(candidates, on="_line", how="left", maintain_order="left")
        .with_columns(pl.col("date_only").fill_null(False))
        .drop("_line")
    )


def classify_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """Give each line a role: blank, related_marker, header_date, date, credit, …, or text."""
    lines = mark_date_lines(lines)
    line = pl.col("line")
    role = (
        pl.when(line == "")
        .then(pl.lit("blank"))
        .when(line.str.contains(RELATED_MARKER))
        .then(pl.lit("related_marker"))
        .when(line.str.contains(PUBLISHED_HEADER))
        .then(pl.lit("header_date"))
        .when(line.str.contains(AUTHOR_BOX))
        .then(pl.lit("author_box"))
        .when(line.str.contains(DISCLAIMER))
        .then(pl.lit("disclaimer"))
        .when(line.str.contains(SOURCE_LINE))
        .then(pl.lit("source_line"))
        .when(line.str.contains(TAGS_LINE))
        .then(pl.lit("tags"))
        .when(line.str.contains(credit_line_pattern()))
        .then(pl.lit("credit"))
        .when(line.str.contains(URL_LINE))
        .then(pl.lit("url"))
        .when(pl.col("date_only"))
        .then(pl.lit("date"))
        .otherwise(pl.lit("text"))
    )
    return lines.with_columns(role=role).drop("date_only")


def number_articles(lines: pl.DataFrame) -> pl.DataFrame:
    """Number the articles of each page: 0 from its first line, 1, 2, … for each related article.

    A related article starts right after the "إقرأ أيضاً:" marker, or at a text line followed by a date
    line once the marker has been passed.
    """
    role = pl.col("role")
    content = lines.filter(role != "blank")
    next_role = role.shift(-1).over("src")
    previous_role = role.shift(1).over("src")
    in_related = (role == "related_marker").cast(pl.Int32).cum_sum().over("src") > 0
    starts_related = in_related & (role == "text") & ((next_role == "date") | (previous_role == "related_marker"))
    first_line = pl.int_range(pl.len()).over("src") == 0
    return (
        content.with_columns(starts=(first_line | starts_related).fill_null(False))
        .with_columns(position=(pl.col("starts").cast(pl.Int32).cum_sum().over("src") - 1))
        # The marker belongs to the page, not to the article before it.
        .filter(role != "related_marker")
    )


def gather_parts(lines: pl.DataFrame) -> pl.DataFrame:
    """Collect the lines of each article into its parts: title, date lines, body lines, footer."""
    role = pl.col("role")
    line = pl.col("line")
    in_footer = role.is_in(FOOTER_ROLES).cast(pl.Int32).cum_sum().over("src", "position") > 0
    first_in_article = pl.int_range(pl.len()).over("src", "position") == 0
    lines = lines.with_columns(is_body=(role == "text") & ~first_in_article & ~in_footer)

    def first(role_name: str) -> pl.Expr:
        return line.filter(role == role_name).first().alias(role_name)

    # The first line of each role is gathered first, and its parts read after: a regex per article, not per line.
    parts = (
        lines.group_by("src", "position", maintain_order=True)
        .agg(
            pl.col("source_path").first(),
            pl.col("source_sha256").first(),
            pl.col("start").min().alias("char_start"),
            (pl.col("start") + pl.col("length")).max().alias("char_end"),
            line.first().alias("title"),
            line.filter(pl.col("is_body")).alias("body_lines"),
            *(first(name) for name in ("header_date", "date", "credit", "author_box", "source_line", "tags", "url")),
        )
        .sort("src", "position")
    )
    credit = pl.col("credit").str.extract_groups(credit_line_pattern())
    read = parts.with_columns(
        header_date_text=pl.col("header_date").str.extract(PUBLISHED_HEADER, 1),
        date_line_text=pl.col("date"),
        credit_outlet=credit.struct.field("1"),
        credit_text=credit.struct.field("2"),
        author_text=pl.col("author_box").str.extract(AUTHOR_BOX, 1),
        source_text=pl.col("source_line").str.extract(SOURCE_LINE, 1),
        tags_text=pl.col("tags").str.extract(TAGS_LINE, 1),
    )
    return read.select(pl.col(name).cast(dtype) for name, dtype in ARTICLE_PARTS.items())


def split_articles(sources: pl.DataFrame) -> pl.DataFrame:
    """From one row per page to one row per article, with the raw parts of each (ARTICLE_PARTS)."""
    lines = number_articles(classify_lines(split_lines(sources)))
    return gather_parts(lines)
