"""How tasks.dates reads real dates: TimeML TIMEX3 day dates scored against gold, and Wojood DATE spans.

Run with `make eval-dates`. It prints the markdown section and writes it to evaluation/results/dates.md; every
figure in it is recomputed here. Only the hand check (HAND_CHECK) is written by a person, about the
sample this prints.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import polars as pl

from tasks.date_patterns import month_numbers
from tasks.dates import read_date
from tasks.normalize import ascii_digits, fold_string

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
TIMEML = DATA / "dates" / "timeml" / "Corpus_test"
WOJOOD_VAL = DATA / "ner" / "wojood" / "val.txt"
OUT = Path(__file__).with_name("results") / "dates.md"
TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
DAY_VALUE = re.compile(r'\bvalue="(\d{4}-\d{2}-\d{2})"')
# Words that name a day relative to the article's own date, which a reader of the span alone cannot know.
RELATIVE = ("اليوم", "امس", "غدا", "الغد", "التالي", "المقبل", "القادم", "الماضي", "الجاري")
WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت")
HIJRI_WORDS = ("هجري", "هـ")
SAMPLE_EVERY = 4  # every 4th distinct Wojood span read is printed for the hand check

HAND_CHECK = """\
I read the sample above, and beyond it all 37 spans read, against what each span writes: every date is
right. The numeric spans are day first, as the Levantine biographies Wojood draws on write them; the
spans that pair a month name with numbers confirm it (ايلول ( 7 / 9 / 1945 ) → 1945-09-07, آذار ( 8 / 3 /
1945 ) → 1945-03-08, تشرين الثاني ( 27 / 11 / 1946 ) → 1946-11-27, كانون الاول ( 5 / 12 / 1945 ) →
1945-12-05), as do those whose first number is over 12 (24 / 8 / 1993, 25 / 11 / 1988, 31 / 3 / 1928).
The Levantine month names read as their months (تموز 07, أيار 05, شباط 02, كانون الأول 12, نيسان 04,
أيلول 09). The spans the filter left out write no day (عام ( 1976 ), شباط ( 1948 ), بتاريخ كانون الثاني
( 1996 )) or no year (يوم 19 مايو / أيار), or are not dates at all (أسبوعياً, اليوم)."""


def timeml_rows() -> pl.DataFrame:
    """Every TIMEX3 in the TimeML test corpus whose gold value is a full day: file, span, gold date."""
    rows: list[dict[str, str]] = []
    for path in sorted(TIMEML.glob("*.tml"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0)):
        for attrs, text in TIMEX.findall(path.read_text(encoding="utf-8")):
            value = DAY_VALUE.search(attrs)
            if value:
                rows.append({"file": path.name, "span": text.strip(), "gold": value.group(1)})
    return pl.DataFrame(rows).with_columns(pl.col("gold").str.to_date())


def wojood_spans() -> list[str]:
    """The DATE spans of Wojood val.txt (B-DATE opens, I-DATE continues; nested tags allowed)."""
    spans: list[str] = []
    current: list[str] | None = None
    for line in [*WOJOOD_VAL.read_text(encoding="utf-8").splitlines(), ""]:
        token, *tags = line.split() or [""]
        if current is not None and "I-DATE" not in tags:
            spans.append(" ".join(current))
            current = None
        if "B-DATE" in tags:
            current = [token]
        elif "I-DATE" in tags and current is not None:
            current.append(token)
    return spans


def names_day_month_year(span: str) -> bool:
    """True where a span writes a year and a month, and a day (a number beside the month or in a d/m/y)."""
    text = ascii_digits(pl.lit(span))
    plain = pl.select(text).item()
    folded = fold_string(plain).lower()
    has_year = re.search(r"\b\d{4}\b", plain) is not None
    has_month = any(re.search(rf"(^|\s){re.escape(m)}($|\s)", folded) for m in month_numbers())
    numbers = re.findall(r"\b\d{1,2}\b", plain)
    return has_year and ((has_month and len(numbers) >= 1) or len(numbers) >= 2)


def why_timeml_missed(text: str, read: object) -> str:
    """A one-line reason for a TimeML miss, from what the span writes."""
    folded = fold_string(text)
    if read is not None:
        return "read a different date than the gold"
    if any(w in folded for w in RELATIVE) or any(w in folded for w in WEEKDAYS):
        return "relative to the article's date (today, yesterday, a weekday): not written in the span"
    if re.search(r"\d", folded) and not re.search(r"\d{4}", folded):
        has_month = any(m in folded for m in month_numbers())
        if has_month:
            return "day and month without a year (the year is the article's)"
        return "a day number alone"
    if not re.search(r"\d", folded):
        return "written in words (ordinal day), no digits"
    return "unexplained"


def why_wojood_missed(span: str) -> str:
    """A one-line reason for a Wojood miss, from what the span writes."""
    if any(w in span for w in HIJRI_WORDS):
        return "a Hijri year alone, no day or month"
    numbers = re.findall(r"\d+", span)
    if len(numbers) > 3:
        return "more numbers than a date (a range or a typo: day / day / month / year)"
    if "(" in span and re.search(r"\(\s*\d{4}\s*\)", span):
        return "the year in parentheses, apart from the day and month"
    return "unexplained"


def evaluate() -> str:
    """Read both corpora, score them and return the markdown section."""
    lines = ["## Dates", ""]

    timeml = timeml_rows().with_columns(read_date(pl.col("span")).alias("r")).unnest("r")
    right = timeml.filter(pl.col("date") == pl.col("gold"))
    written = timeml.filter(pl.col("span").str.contains(r"[0-9٠-٩]{4}"))
    lines += [
        "### (a) TimeML (Arabic TimeML test corpus, TIMEX3 whose gold value is a full day YYYY-MM-DD)",
        "",
        f"{timeml.height} such TIMEX3 in {timeml['file'].n_unique()} files. Read right (date == gold): "
        f"**{right.height} / {timeml.height}** ({right.height / timeml.height:.1%}). "
        f"Of the {written.height} whose span writes a year, {right.height} read right "
        f"({(right.height / written.height if written.height else 0):.0%}); "
        f"read wrong: {timeml.filter(pl.col('date').is_not_null() & (pl.col('date') != pl.col('gold'))).height}.",
        "",
        "By form (read right): "
        + (", ".join(f"`{f}` {n}" for f, n in Counter(right["form"].to_list()).most_common()) or "none"),
        "",
        "Every miss, grouped by reason (span as written → gold):",
        "",
    ]
    misses = timeml.filter(pl.col("date").is_null() | (pl.col("date") != pl.col("gold")))
    reasons: dict[str, list[str]] = {}
    for row in misses.iter_rows(named=True):
        reason = why_timeml_missed(row["span"], row["date"])
        reasons.setdefault(reason, []).append(f"`{row['span']}` → {row['gold']}")
    for reason, items in sorted(reasons.items(), key=lambda kv: -len(kv[1])):
        counted = Counter(items)
        listed = " · ".join(f"{item} ×{n}" if n > 1 else item for item, n in counted.items())
        lines += [f"- **{reason}** ({len(items)}): {listed}", ""]

    spans = wojood_spans()
    dated = [s for s in spans if names_day_month_year(s)]
    frame = pl.DataFrame({"span": dated}, schema={"span": pl.String})
    wojood = frame.with_columns(read_date(pl.col("span")).alias("r")).unnest("r")
    read = wojood.filter(pl.col("date").is_not_null())
    lines += [
        "### (b) Wojood val.txt DATE spans that name a day, a month and a year",
        "",
        f"{len(spans)} DATE spans in val.txt; {len(dated)} name a day, a month and a year (a 4-digit year with "
        "a month name and a day number, or with two more numbers). Read at all: "
        f"**{read.height} / {wojood.height}** ({read.height / max(wojood.height, 1):.1%}).",
        "",
        "By form: " + ", ".join(f"`{f}` {n}" for f, n in Counter(read["form"].to_list()).most_common()),
        "",
        "Every miss:",
        "",
    ]
    for span in wojood.filter(pl.col("date").is_null())["span"].to_list():
        lines.append(f"- `{span}`: {why_wojood_missed(span)}")
    sample = read.unique("span", maintain_order=True).gather_every(SAMPLE_EVERY)
    lines += ["", f"Hand-check sample (every {SAMPLE_EVERY}th distinct span read):", ""]
    lines += ["| span | date | form | text read |", "| --- | --- | --- | --- |"]
    for row in sample.iter_rows(named=True):
        lines.append(f"| {row['span']} | {row['date']} | {row['form']} | {row['text']} |")
    lines += ["", "Hand check:", "", HAND_CHECK, ""]
    return "\n".join(lines)


def main() -> int:
    """Print the section and write it to evaluation/results/dates.md."""
    section = evaluate()
    print(section)
    OUT.write_text(section, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
