"""Dates as Arabic and English news write them, read over whole columns."""

from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.dates import is_date_only, read_date


def read(texts: list[str | None]) -> list[dict[str, object]]:
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    return frame.select(read_date(pl.col("t")).alias("r")).unnest("r").to_dicts()


@pytest.mark.parametrize(
    ("text", "expected", "form"),
    [
        ("26th, July 2024 GMT", date(2024, 7, 26), "day_month_year"),
        ("26 يوليو، 2024", date(2024, 7, 26), "day_month_year"),
        ("٢٦ يوليو، ٢٠٢٤", date(2024, 7, 26), "day_month_year"),
        ("۲۶ يوليو ۲۰۲۴", date(2024, 7, 26), "day_month_year"),
        ("2٦ يوليو، ٢024", date(2024, 7, 26), "day_month_year"),
        ("10 أغسطس 2015", date(2015, 8, 10), "day_month_year"),
        ("10 اغسطس 2015", date(2015, 8, 10), "day_month_year"),
        ("9 ابريل، 2023", date(2023, 4, 9), "day_month_year"),
        ("9 أبريل، 2023", date(2023, 4, 9), "day_month_year"),
        ("5 كانون الثاني 2024", date(2024, 1, 5), "day_month_year"),
        ("5 كانون الأول 2024", date(2024, 12, 5), "day_month_year"),
        ("12 تشرين الاول، 2023", date(2023, 10, 12), "day_month_year"),
        ("2 تشرين الثاني، 2022", date(2022, 11, 2), "day_month_year"),
        ("14 شباط 2024", date(2024, 2, 14), "day_month_year"),
        ("3 آذار، 2024", date(2024, 3, 3), "day_month_year"),
        ("3 اذار، 2024", date(2024, 3, 3), "day_month_year"),
        ("1 نيسان 2024", date(2024, 4, 1), "day_month_year"),
        ("7 أيار 2024", date(2024, 5, 7), "day_month_year"),
        ("7 ايار 2024", date(2024, 5, 7), "day_month_year"),
        ("20 حزيران 2024", date(2024, 6, 20), "day_month_year"),
        ("20 تموز 2024", date(2024, 7, 20), "day_month_year"),
        ("20 آب 2024", date(2024, 8, 20), "day_month_year"),
        ("17 أيلول، 2019", date(2019, 9, 17), "day_month_year"),
        ("10 تموز/يوليو 2024", date(2024, 7, 10), "day_month_year"),
        ("الخميس 25 يوليو 2024", date(2024, 7, 25), "day_month_year"),
        ("July 26, 2024", date(2024, 7, 26), "month_day_year"),
        ("2024-07-26T08:30:00+03:00", date(2024, 7, 26), "iso"),
        ("26/07/2024", date(2024, 7, 26), "numeric_dmy"),
        ("26-7-2024", date(2024, 7, 26), "numeric_dmy"),
        ("2024/07/26", date(2024, 7, 26), "numeric_ymd"),
    ],
)
def test_reads_each_form(text: str, expected: date, form: str) -> None:
    [row] = read([text])
    assert (row["date"], row["form"]) == (expected, form)


@pytest.mark.parametrize(
    "text",
    [
        "31 شباط 2024",  # no such day: rejected, never rolled over into March
        "29 فبراير 2023",
        "31/04/2024",
        "1436/10/25هـ",  # a Hijri date is not a Gregorian one
        "25 10 1436 هـ",
        "صواريخ على قاعدة عين الأسد",
        "",
        None,
    ],
)
def test_reads_no_date_where_there_is_none(text: str | None) -> None:
    [row] = read([text])
    assert row == {"date": None, "form": None, "text": None}


def test_gregorian_date_after_hijri_wins() -> None:
    [row] = read(["بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"])
    assert (row["date"], row["text"]) == (date(2015, 8, 10), "10 اغسطس 2015")


def test_span_is_the_text_as_written() -> None:
    [row] = read(["قال المتحدث في ٥ كانون الثاني ٢٠٢٤ إن القوات"])
    assert row["text"] == "٥ كانون الثاني ٢٠٢٤"


@pytest.mark.parametrize(
    ("line", "only"),
    [
        ("26 يوليو، 2024", True),
        ("26th, July 2024 GMT", True),
        ("الخميس 25 يوليو 2024 م", True),
        ("في 26 يوليو 2024 قال الوزير", False),
        ("انتخابات 10 تشرين الأول 2021", False),
        ("مرحبا", False),
    ],
)
def test_date_only_lines(line: str, only: bool) -> None:
    assert pl.select(is_date_only(pl.lit(line))).item() is only


EGYPTIAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
LEVANTINE = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DIGITS = {"ascii": "0123456789", "arabic_indic": "٠١٢٣٤٥٦٧٨٩", "eastern": "۰۱۲۳۴۵۶۷۸۹"}


def render(day: date, form: str, digits: str) -> str:
    def n(value: int, width: int = 1) -> str:
        return "".join(digits[int(c)] for c in str(value).zfill(width))

    d, m, y = day.day, day.month, day.year
    return {
        "egyptian": f"{n(d)} {EGYPTIAN[m - 1]}، {n(y)}",
        "levantine": f"{n(d)} {LEVANTINE[m - 1]} {n(y)}",
        "paired": f"{n(d)} {LEVANTINE[m - 1]}/{EGYPTIAN[m - 1]} {n(y)}",
        "english_header": f"{n(d)}th, {ENGLISH[m - 1]} {n(y)} GMT",
        "english_us": f"{ENGLISH[m - 1]} {n(d)}, {n(y)}",
        "numeric_dmy": f"{n(d, 2)}/{n(m, 2)}/{n(y)}",
        "iso": f"{n(y)}-{n(m, 2)}-{n(d, 2)}",
    }[form]


@settings(max_examples=300)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
    st.sampled_from(["egyptian", "levantine", "paired", "english_header", "english_us", "numeric_dmy", "iso"]),
    st.sampled_from(sorted(DIGITS)),
)
def test_rendered_dates_read_back_exactly(day: date, form: str, system: str) -> None:
    [row] = read([render(day, form, DIGITS[system])])
    assert row["date"] == day
