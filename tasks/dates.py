"""Read the dates Arabic news writes, as Polars expressions over whole columns of strings."""

import json
from functools import cache
from pathlib import Path

import polars as pl

from tasks.normalize import ascii_digits, fold_for_matching, fold_string

_REFERENCE = Path(__file__).parent / "reference" / "months.json"

# Any of the three digit systems; the captured digits are folded to ASCII before they are read.
_D = "[0-9٠-٩۰-۹]"
_DAY = f"({_D}{{1,2}})(?:st|nd|rd|th)?"
_YEAR = f"({_D}{{4}})"
_SEP = r"\s*[,،]?\s*"
# A Hijri year ends in هـ; such a date is not Gregorian and must not be read as one.
_HIJRI_MARK = r"(\s*هـ|\s*ه\b)?"
_WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_LABELS = ("تاريخ النشر", "نشر بتاريخ", "نشر في", "تاريخ", "بتاريخ")

# The forms, in the order they are tried: the first that reads wins.
FORMS = ("day_month_year", "month_day_year", "iso", "numeric_dmy", "numeric_ymd")

DATE_STRUCT = pl.Struct({"date": pl.Date(), "form": pl.String(), "text": pl.String()})


@cache
def month_numbers() -> dict[str, int]:
    """Every month name, folded for matching and lower-cased, to its month number."""
    table: dict[str, list[str]] = json.loads(_REFERENCE.read_text(encoding="utf-8"))
    names: dict[str, int] = {}
    for month, spellings in table.items():
        if month.startswith("_"):
            continue
        for spelling in spellings:
            names[fold_string(spelling).lower()] = int(month)
    return names


@cache
def _month_alternation() -> str:
    """A regex alternation of every month spelling, longest first so that the longest one wins."""
    table: dict[str, list[str]] = json.loads(_REFERENCE.read_text(encoding="utf-8"))
    spellings = {s for month, names in table.items() if not month.startswith("_") for s in names}
    spellings |= {fold_string(s) for s in spellings}
    spellings |= {s.replace(" ال", " ا") for s in spellings if " ال" in s}  # تشرين الاول / تشرين اول
    ordered = sorted(spellings, key=lambda s: (-len(s), s))
    # The spaces inside two-word names (تشرين الأول) may be any run of spaces.
    return "|".join(s.replace(" ", r"\s+") for s in ordered)


@cache
def patterns() -> dict[str, str]:
    """The regex of each form, unanchored, with the groups its reader expects."""
    months = f"(?i:({_month_alternation()}))"
    paired = rf"(?:\s*[/(]\s*(?i:(?:{_month_alternation()}))\s*\)?)?"
    not_digit = "[^0-9٠-٩۰-۹]"
    return {
        # 26 يوليو، 2024 · 26th, July 2024 · 12 تشرين الأول 2023 · 10 تموز/يوليو 2024
        "day_month_year": (rf"(?:^|{not_digit})({_DAY}{_SEP}(?:من\s+)?{months}\b{paired}{_SEP}{_YEAR}){_HIJRI_MARK}"),
        # July 26, 2024
        "month_day_year": rf"((?i:\b({_month_alternation()}))\.?\s+{_DAY},?\s+{_YEAR})",
        # 2024-07-26, 2024-07-26T08:30:00+03:00
        "iso": rf"(\b({_D}{{4}})-({_D}{{1,2}})-({_D}{{1,2}}))(?:[T\s]|\b|$)",
        # 26/07/2024 · 26-7-2024 · 26.07.2024: day first, as Arabic news writes
        "numeric_dmy": (rf"(?:^|[^0-9٠-٩۰-۹/.\-])(({_D}{{1,2}})[/.\-]({_D}{{1,2}})[/.\-]({_D}{{4}})){_HIJRI_MARK}"),
        # 2024/07/26
        "numeric_ymd": rf"(({_D}{{4}})[/.]({_D}{{1,2}})[/.]({_D}{{1,2}})){_HIJRI_MARK}",
    }


def _to_int(text: pl.Expr) -> pl.Expr:
    return ascii_digits(text).cast(pl.Int32, strict=False)


def _ymd(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """A date from its parts, null where the day does not exist in that month (never rolled over)."""
    text = pl.format(
        "{}-{}-{}",
        year.cast(pl.String).str.zfill(4),
        month.cast(pl.String).str.zfill(2),
        day.cast(pl.String).str.zfill(2),
    )
    date = text.str.to_date("%Y-%m-%d", strict=False)
    plausible = year.is_between(1800, 2200) & month.is_between(1, 12) & day.is_between(1, 31)
    return pl.when(plausible).then(date)


def _month_number(name: pl.Expr) -> pl.Expr:
    folded = fold_for_matching(name).str.to_lowercase().str.replace_all(r"\s+", " ")
    return folded.replace_strict(month_numbers(), default=None, return_dtype=pl.Int32)


def _read_form(text: pl.Expr, form: str) -> tuple[pl.Expr, pl.Expr]:
    """The date of one form (or null), and the span of text it was read from."""
    group = text.str.extract_groups(patterns()[form])
    f = group.struct.field
    if form == "day_month_year":
        date = _ymd(_to_int(f("4")), _month_number(f("3")), _to_int(f("2")))
    elif form == "month_day_year":
        date = _ymd(_to_int(f("4")), _month_number(f("2")), _to_int(f("3")))
    elif form in ("iso", "numeric_ymd"):
        date = _ymd(_to_int(f("2")), _to_int(f("3")), _to_int(f("4")))
    elif form == "numeric_dmy":
        date = _ymd(_to_int(f("4")), _to_int(f("3")), _to_int(f("2")))
    else:
        raise ValueError(f"unknown date form {form!r}")
    if form != "month_day_year" and form != "iso":
        date = pl.when(f("5").is_null()).then(date)  # a Hijri year: not this reader's
    return date, f("1")


def read_date(text: pl.Expr) -> pl.Expr:
    """The first date a string gives, the form it was read in and its span, as DATE_STRUCT."""
    read = {form: _read_form(text, form) for form in FORMS}
    date: pl.Expr = pl.lit(None, dtype=pl.Date)
    form: pl.Expr = pl.lit(None, dtype=pl.String)
    span: pl.Expr = pl.lit(None, dtype=pl.String)
    for name in reversed(FORMS):
        found = read[name][0].is_not_null()
        date = pl.when(found).then(read[name][0]).otherwise(date)
        form = pl.when(found).then(pl.lit(name)).otherwise(form)
        span = pl.when(found).then(read[name][1]).otherwise(span)
    return pl.struct(date=date, form=form, text=span)


def is_date_only(text: pl.Expr) -> pl.Expr:
    """True where a line is a date and nothing else (a weekday, a label, a trailing م aside)."""
    leftover = text
    for form in FORMS:
        leftover = leftover.str.replace(patterns()[form], " ")
    decoration = "|".join((*_WEEKDAYS, *_LABELS, "GMT", "م"))
    leftover = leftover.str.replace_all(rf"\b(?:{decoration})\b|[\s,،.:\-–]", "")
    return read_date(text).struct.field("date").is_not_null() & (leftover.str.len_chars() == 0)
