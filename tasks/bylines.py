"""Read datelines, credits and bylines (`جدة - واس:`, `منصور الشهري (الرياض)`, …) over whole columns."""

import polars as pl

from tasks.newsroom import byline_key, lexicon
from tasks.normalize import clean_line, fold_string

# A date block inside a dateline: `25 شوال 1436 هـ الموافق 10 اغسطس 2015 م`, or either half alone.
_D = "[0-9٠-٩۰-۹]"
_HALF = rf"{_D}{{1,2}}\s+[^\s\d٠-٩]+(?:\s+[^\s\d٠-٩]+)?\s+{_D}{{4}}\s*(?:هـ|ه|م)?"
DATE_BLOCK = rf"{_HALF}(?:\s*الموافق\s+{_HALF})?"
# Where a byline splits into parts: dashes, colons, commas, brackets, slashes; tatweel used as a dash.
_SEPARATORS = r"[-–—:،,()/|]|\sـ+|ـ+\s|ـ+$"
# Words that label a byline rather than name anyone: قراءة: أيمن عابد.
LABELS = (
    *("قراءة", "تحليل", "حوار", "تقرير", "إعداد", "كتب", "بقلم", "تصوير", "ترجمة", "شعر", "هاتفيا", "خاص"),
    # A weekday stands where the place would in some dated lines (الإثنين 25 شوال 1436 هـ … واس).
    *("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
)
# Academic and professional titles before a name, left out of `author`.
_TITLES = r"^(?:أ\s*\.\s*د|د|م|أ)\s*\.\s*|^(?:الدكتور|المهندس|الأستاذ)\s+"

BYLINE = pl.Struct({"dateline": pl.String(), "author": pl.String(), "credit": pl.String(), "known": pl.Int32()})


def byline_parts(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """One row per part of each row's byline in `column`: (row, part_no, part, quoted, kind)."""
    text = clean_line(pl.col(column)).str.replace_all("\u0640+", "ـ")
    parts = (
        frame.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"),
            text.str.replace_all(DATE_BLOCK, "|")
            # «الاقتصادية» من الرياض · رنا حكيم من جدة: "from" joins a credit or a name to its place.
            .str.replace_all(r"»?\s+من\s+", "|")
            .str.replace_all(_SEPARATORS, "|")
            .str.split("|")
            .alias("part"),
        )
        .explode("part")
        .with_columns(pl.col("part").str.strip_chars(" .*"))
        .filter(pl.col("part").is_not_null() & (pl.col("part") != ""))
        .with_columns(
            part_no=pl.int_range(pl.len()).over("row"),
            quoted=pl.col("part").str.contains('[«»"“”]'),
            # Tatweel stretches letters for looks (أبهــا): not part of the name.
            part=pl.col("part").str.replace_all('[«»"“”]|ـ', "").str.strip_chars(),
        )
        .with_columns(key=byline_key(pl.col("part")))
    )
    known = lexicon()
    words = pl.col("part").str.count_matches(r"\S+")
    kind = (
        pl.when(pl.col("key").is_in([fold_string(label) for label in LABELS]))
        .then(pl.lit("label"))
        .when(pl.col("quoted"))
        .then(pl.lit("outlet"))
        .when(pl.col("kind").is_not_null())
        .then(pl.col("kind"))
        # An unknown single word in a byline is most often a town; two words or more, a person.
        .when(words == 1)
        .then(pl.lit("place?"))
        .when(words <= 5)
        .then(pl.lit("person"))
        .otherwise(pl.lit("text"))
    )
    return (
        parts.join(known, on="key", how="left", maintain_order="left")
        .with_columns(kind=kind)
        .select("row", "part_no", "part", "kind")
    )


def read_bylines(frame: pl.DataFrame, column: str) -> pl.Series:
    """The dateline, author and credit each row's byline gives (BYLINE structs), and how many parts were known."""
    parts = byline_parts(frame, column)
    kind = pl.col("kind")
    part = pl.col("part")
    person = part.filter(kind == "person").first().str.replace(_TITLES, "").str.strip_chars()
    found = parts.group_by("row").agg(
        dateline=pl.coalesce(part.filter(kind == "place").first(), part.filter(kind == "place?").first()),
        author=person,
        credit=pl.coalesce(part.filter(kind == "agency").first(), part.filter(kind == "outlet").first()),
        known=kind.is_in(["place", "agency", "outlet"]).sum().cast(pl.Int32),
        text=(kind == "text").sum(),
    )
    rows = pl.DataFrame({"row": pl.int_range(frame.height, dtype=pl.UInt32, eager=True)})
    joined = rows.join(found, on="row", how="left", maintain_order="left")
    return joined.select(
        pl.struct("dateline", "author", "credit", pl.col("known").fill_null(0)).alias("byline")
    ).to_series()


def looks_like_byline(text: pl.Expr) -> pl.Expr:
    """True for a short line made only of byline parts: names, places, agencies, separators, a date."""
    stripped = clean_line(text).str.replace_all(DATE_BLOCK, " ")
    words = stripped.str.count_matches(r"[\p{L}]\S*")
    return (words >= 1) & (words <= 10) & ~stripped.str.contains(r"[.!؟?]\s*\S")
