"""Dates as Arabic and English news write them, read over whole columns."""

from datetime import date, time

import polars as pl
import pytest
from hijridate import Gregorian, Hijri
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.date_patterns import hijri_month_starts, patterns
from tasks.dates import DATE_STRUCT, FORMS, is_date_only, read_date


def read(texts: list[str | None]) -> list[dict[str, object]]:
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    return frame.select(read_date(pl.col("t")).alias("r")).unnest("r").to_dicts()


NOTHING = {"date": None, "form": None, "text": None, "time": None, "utc_offset": None}


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
        ("9 إبريل، 2023", date(2023, 4, 9), "day_month_year"),
        ("9 أكتوبر 2023", date(2023, 10, 9), "day_month_year"),
        ("9 اكتوبر 2023", date(2023, 10, 9), "day_month_year"),
        ("9 ماي 2023", date(2023, 5, 9), "day_month_year"),
        ("9 مايو 2023", date(2023, 5, 9), "day_month_year"),
        ("9 يونيه 2023", date(2023, 6, 9), "day_month_year"),
        ("9 يوليه 2023", date(2023, 7, 9), "day_month_year"),
        ("5 كانون الثاني 2024", date(2024, 1, 5), "day_month_year"),
        ("5 كانون ثاني 2024", date(2024, 1, 5), "day_month_year"),
        ("5 كانون الأول 2024", date(2024, 12, 5), "day_month_year"),
        ("12 تشرين الاول، 2023", date(2023, 10, 12), "day_month_year"),
        ("12 تشرين أول 2023", date(2023, 10, 12), "day_month_year"),
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
        ("20 اب 2024", date(2024, 8, 20), "day_month_year"),
        ("17 أيلول، 2019", date(2019, 9, 17), "day_month_year"),
        ("17 ايلول، 2019", date(2019, 9, 17), "day_month_year"),
        # Algerian and Tunisian
        ("3 جانفي 2024", date(2024, 1, 3), "day_month_year"),
        ("3 فيفري 2024", date(2024, 2, 3), "day_month_year"),
        ("3 أفريل 2024", date(2024, 4, 3), "day_month_year"),
        ("3 افريل 2024", date(2024, 4, 3), "day_month_year"),
        ("3 جوان 2024", date(2024, 6, 3), "day_month_year"),
        ("3 جويلية 2024", date(2024, 7, 3), "day_month_year"),
        ("3 أوت 2024", date(2024, 8, 3), "day_month_year"),
        ("3 اوت 2024", date(2024, 8, 3), "day_month_year"),
        # Moroccan
        ("3 يوليوز 2024", date(2024, 7, 3), "day_month_year"),
        ("3 غشت 2024", date(2024, 8, 3), "day_month_year"),
        ("3 شتنبر 2024", date(2024, 9, 3), "day_month_year"),
        ("3 نونبر 2024", date(2024, 11, 3), "day_month_year"),
        ("3 دجنبر 2024", date(2024, 12, 3), "day_month_year"),
        # Paired, decorated, labelled
        ("10 تموز/يوليو 2024", date(2024, 7, 10), "day_month_year"),
        ("10 تموز (يوليو) 2024", date(2024, 7, 10), "day_month_year"),
        ("10 يوليو / تموز 2024", date(2024, 7, 10), "day_month_year"),
        ("الخميس 25 يوليو 2024", date(2024, 7, 25), "day_month_year"),
        ("الخميس، 25 يوليو 2024 م", date(2024, 7, 25), "day_month_year"),
        ("تاريخ النشر: 25 يوليو 2024", date(2024, 7, 25), "day_month_year"),
        ("25 من يوليو من عام 2024", date(2024, 7, 25), "day_month_year"),
        ("26 Jul 2024 11:44 AM", date(2024, 7, 26), "day_month_year"),
        ("26 JULY 2024", date(2024, 7, 26), "day_month_year"),
        ("July 26, 2024", date(2024, 7, 26), "month_day_year"),
        ("Friday, Sept. 6, 2024", date(2024, 9, 6), "month_day_year"),
        ("يوليو 26, 2024", date(2024, 7, 26), "month_day_year"),
        ("2024-07-26T08:30:00+03:00", date(2024, 7, 26), "iso"),
        ("2024-07-26", date(2024, 7, 26), "iso"),
        ("26/07/2024", date(2024, 7, 26), "numeric_dmy"),
        ("26-7-2024", date(2024, 7, 26), "numeric_dmy"),
        ("26.07.2024", date(2024, 7, 26), "numeric_dmy"),
        ("بتاريخ ( 23 / 6 / 1948 )", date(1948, 6, 23), "numeric_dmy"),
        ("٢٦/٠٧/٢٠٢٤", date(2024, 7, 26), "numeric_dmy"),
        ("2024/07/26", date(2024, 7, 26), "numeric_ymd"),
        ("۲۰۲۴/۷/۲۶", date(2024, 7, 26), "numeric_ymd"),
        # Hijri
        ("25 شوال 1436 هـ", date(2015, 8, 10), "hijri_day_month_year"),
        ("25 شوال 1436", date(2015, 8, 10), "hijri_day_month_year"),
        ("٢٥ شوّال ١٤٣٦هـ", date(2015, 8, 10), "hijri_day_month_year"),
        ("1 رمضان 1445 هـ", date(2024, 3, 11), "hijri_day_month_year"),
        ("10 ذو الحجة 1444 هـ", date(2023, 6, 28), "hijri_day_month_year"),
        ("10 ذي الحجة 1444هـ", date(2023, 6, 28), "hijri_day_month_year"),
        ("12 ربيع الأول 1446 هـ", date(2024, 9, 15), "hijri_day_month_year"),
        ("12 ربيع اول 1446 هـ", date(2024, 9, 15), "hijri_day_month_year"),
        ("1 جمادى الآخرة 1445 هـ", date(2023, 12, 14), "hijri_day_month_year"),
        ("1436/10/25هـ", date(2015, 8, 10), "hijri_numeric"),
        ("1436/10/25 هـ", date(2015, 8, 10), "hijri_numeric"),
        ("25/10/1436هـ", date(2015, 8, 10), "hijri_numeric_dmy"),
    ],
)
def test_reads_each_form(text: str, expected: date, form: str) -> None:
    [row] = read([text])
    assert (row["date"], row["form"]) == (expected, form)


@pytest.mark.parametrize(
    ("text", "span", "clock", "offset"),
    [
        ("26th, July 2024 GMT", "26th, July 2024 GMT", None, 0),
        ("26 Jul 2024 11:44 AM", "26 Jul 2024 11:44 AM", time(11, 44), None),
        ("26 Jul 2024 12:05 AM", "26 Jul 2024 12:05 AM", time(0, 5), None),
        ("26 Jul 2024 12:05 p.m.", "26 Jul 2024 12:05 p.m.", time(12, 5), None),
        ("2024-07-26T08:30:00+03:00", "2024-07-26T08:30:00+03:00", time(8, 30), 180),
        ("2024-07-26T08:30:15Z", "2024-07-26T08:30:15Z", time(8, 30, 15), 0),
        ("2024-07-26 08:30:00 -0430", "2024-07-26 08:30:00 -0430", time(8, 30), -270),
        ("25 يوليو 2024 - 11:44 م", "25 يوليو 2024 - 11:44 م", time(23, 44), None),
        ("25 يوليو 2024 9:05 ص، بغداد", "25 يوليو 2024 9:05 ص", time(9, 5), None),
        ("٢٥ يوليو ٢٠٢٤ الساعة ٩:٠٥ مساءً", "٢٥ يوليو ٢٠٢٤ الساعة ٩:٠٥ مساءً", time(21, 5), None),
        ("26 يوليو 2024 11:44 (GMT+3)", "26 يوليو 2024 11:44 (GMT+3)", time(11, 44), 180),
        ("26/07/2024 - 14:30 بتوقيت غرينتش", "26/07/2024 - 14:30 بتوقيت غرينتش", time(14, 30), 0),
        # م after a year is "AD", not PM; and the م of من is not PM either.
        ("10 اغسطس 2015 م", "10 اغسطس 2015", None, None),
        ("25 يوليو 2024 11:44 من", "25 يوليو 2024 11:44", time(11, 44), None),
        # No such time: the date stands, the time does not.
        ("25 يوليو 2024 25:10", "25 يوليو 2024 25:10", None, None),
        ("25 يوليو 2024 13:10 م", "25 يوليو 2024 13:10 م", None, None),
    ],
)
def test_time_and_offset(text: str, span: str, clock: time | None, offset: int | None) -> None:
    [row] = read([text])
    assert (row["text"], row["time"], row["utc_offset"]) == (span, clock, offset)


@pytest.mark.parametrize(
    "text",
    [
        "31 شباط 2024",  # no such day: rejected, never rolled over into March
        "29 فبراير 2023",
        "31/04/2024",
        "30 رمضان 1444 هـ",  # Ramadan 1444 has 29 days (Umm al-Qura)
        "1444/09/30هـ",
        "1 محرم 1342 هـ",  # before hijridate's range
        "25 10 1436 هـ",
        "1436/10/25",  # a Hijri year without its mark is no Gregorian year either
        "10 تموز/أغسطس 2024",  # a pair that names two months
        "26 يوليو 1436 هـ",  # a Gregorian month with a Hijri year
        "صواريخ على قاعدة عين الأسد",
        "يمارس 26 2024",
        "25 شوال 14361",  # a Hijri year is four digits
        "July 262024",  # a day and a year run together
        "",
        None,
    ],
)
def test_reads_no_date_where_there_is_none(text: str | None) -> None:
    [row] = read([text])
    assert row == NOTHING


def test_gregorian_date_after_hijri_wins() -> None:
    [row] = read(["بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"])
    assert (row["date"], row["form"], row["text"]) == (date(2015, 8, 10), "day_month_year", "10 اغسطس 2015")


def test_numeric_gregorian_date_after_numeric_hijri_wins() -> None:
    [row] = read(["1436/10/25هـ الموافق 2015/8/10م"])
    assert (row["date"], row["form"], row["text"]) == (date(2015, 8, 10), "numeric_ymd", "2015/8/10")


def test_hijri_date_alone_is_converted() -> None:
    [row] = read(["الرياض 24 شوال 1436 هـ"])
    assert (row["date"], row["form"], row["text"]) == (date(2015, 8, 9), "hijri_day_month_year", "24 شوال 1436 هـ")


def test_span_is_the_text_as_written() -> None:
    rows = read(["قال المتحدث في ٥ كانون الثاني ٢٠٢٤ إن القوات", "في 2٦ يوليو، ٢024 قال", "26 JULY 2024"])
    assert [r["text"] for r in rows] == ["٥ كانون الثاني ٢٠٢٤", "2٦ يوليو، ٢024", "26 JULY 2024"]


def test_first_form_in_order_wins_and_columns_keep_their_rows() -> None:
    rows = read(["26/07/2024 و 1 يناير 2020", None, "لا تاريخ", "2024-01-02"])
    assert [(r["date"], r["form"]) for r in rows] == [
        (date(2020, 1, 1), "day_month_year"),
        (None, None),
        (None, None),
        (date(2024, 1, 2), "iso"),
    ]


@pytest.mark.parametrize(
    ("text", "expected", "form"),
    [
        ("2024-01-02 ثم 26/07/2024", date(2024, 1, 2), "iso"),
        ("26/07/2024 ثم 2024-01-02", date(2024, 7, 26), "numeric_dmy"),
        ("July 4, 2024 ثم 26 يوليو 2024", date(2024, 7, 4), "month_day_year"),
        ("1436/10/25هـ و 24 شوال 1436 هـ", date(2015, 8, 10), "hijri_numeric"),
    ],
)
def test_within_a_calendar_and_kind_the_leftmost_date_wins(text: str, expected: date, form: str) -> None:
    [row] = read([text])
    assert (row["date"], row["form"]) == (expected, form)


def test_struct_and_public_names() -> None:
    frame = pl.DataFrame({"t": ["26 يوليو 2024"]}).select(read_date(pl.col("t")).alias("r"))
    assert frame.schema["r"] == DATE_STRUCT
    assert set(patterns()) == set(FORMS)


def test_hijri_table_matches_hijridate() -> None:
    starts, lengths = hijri_month_starts()
    assert len(starts) == (1500 - 1343 + 1) * 12
    assert date.fromordinal(date(1970, 1, 1).toordinal() + starts[1436_10]) == date(2015, 7, 17)
    assert (lengths[1444_09], lengths[1445_09]) == (29, 30)


@pytest.mark.parametrize(
    ("line", "only"),
    [
        ("26 يوليو، 2024", True),
        ("26th, July 2024 GMT", True),
        ("الخميس 25 يوليو 2024 م", True),
        ("الخميس 25 يوليو 2024 - 11:44 م", True),
        ("تاريخ النشر: 25/07/2024", True),
        ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", True),
        ("24 شوال 1436 هـ", True),
        ("Friday, July 26, 2024", True),
        ("في 26 يوليو 2024 قال الوزير", False),
        ("انتخابات 10 تشرين الأول 2021", False),
        ("الرياض 24 شوال 1436 هـ", False),
        ("31 شباط 2024", False),
        ("مرحبا", False),
    ],
)
def test_date_only_lines(line: str, only: bool) -> None:
    assert pl.select(is_date_only(pl.lit(line))).item() is only


EGYPTIAN = [
    *("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"),
    *("يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
]
EGYPTIAN_VARIANTS = {4: "ابريل", 5: "ماي", 6: "يونيه", 7: "يوليه", 8: "اغسطس", 10: "اكتوبر"}
LEVANTINE = [
    *("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"),
    *("تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
]
LEVANTINE_BARE_ALEF = {3: "اذار", 5: "ايار", 8: "اب", 9: "ايلول", 10: "تشرين الاول", 12: "كانون الاول"}
ALGERIAN = [
    *("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان"),
    *("جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
]
MOROCCAN = [
    *("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو"),
    *("يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"),
]
ENGLISH = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
HIJRI = [
    *("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة"),
    *("رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"),
]
DIGITS = {"ascii": "0123456789", "arabic_indic": "٠١٢٣٤٥٦٧٨٩", "eastern": "۰۱۲۳۴۵۶۷۸۹"}
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

# Each form: how it renders, the form it must read as, and whether it carries the time.
GREGORIAN_RENDERINGS = {
    "egyptian": "day_month_year",
    "egyptian_variant": "day_month_year",
    "levantine": "day_month_year",
    "levantine_bare_alef": "day_month_year",
    "algerian": "day_month_year",
    "moroccan": "day_month_year",
    "paired": "day_month_year",
    "weekday_time": "day_month_year",
    "english_header": "day_month_year",
    "english_time": "day_month_year",
    "english_us": "month_day_year",
    "iso": "iso",
    "numeric_dmy": "numeric_dmy",
    "numeric_dmy_dash": "numeric_dmy",
    "numeric_ymd": "numeric_ymd",
}


def render(day: date, clock: time, form: str, digits: str) -> str:
    """A Gregorian date (and time) written in one form and one digit system."""

    def n(value: int, width: int = 1) -> str:
        return "".join(digits[int(c)] for c in str(value).zfill(width))

    d, m, y = day.day, day.month, day.year
    hour12 = clock.hour % 12 or 12
    arabic_half = "ص" if clock.hour < 12 else "م"
    english_half = "AM" if clock.hour < 12 else "PM"
    return {
        "egyptian": f"{n(d)} {EGYPTIAN[m - 1]}، {n(y)}",
        "egyptian_variant": f"{n(d)} {EGYPTIAN_VARIANTS.get(m, EGYPTIAN[m - 1])} {n(y)}",
        "levantine": f"{n(d)} {LEVANTINE[m - 1]} {n(y)}",
        "levantine_bare_alef": f"{n(d)} {LEVANTINE_BARE_ALEF.get(m, LEVANTINE[m - 1])} {n(y)}",
        "algerian": f"{n(d)} {ALGERIAN[m - 1]} {n(y)}",
        "moroccan": f"{n(d)} {MOROCCAN[m - 1]} {n(y)}",
        "paired": f"{n(d)} {LEVANTINE[m - 1]}/{EGYPTIAN[m - 1]} {n(y)}",
        "weekday_time": (
            f"{WEEKDAYS[day.weekday()]} {n(d)} {EGYPTIAN[m - 1]} {n(y)} م - "
            f"{n(hour12)}:{n(clock.minute, 2)} {arabic_half}"
        ),
        "english_header": f"{n(d)}th, {ENGLISH[m - 1]} {n(y)} GMT",
        "english_time": f"{n(d)} {ENGLISH[m - 1][:3]} {n(y)} {n(hour12)}:{n(clock.minute, 2)} {english_half}",
        "english_us": f"{ENGLISH[m - 1]} {n(d)}, {n(y)}",
        "iso": f"{n(y)}-{n(m, 2)}-{n(d, 2)}T{n(clock.hour, 2)}:{n(clock.minute, 2)}:00+03:00",
        "numeric_dmy": f"{n(d, 2)}/{n(m, 2)}/{n(y)}",
        "numeric_dmy_dash": f"{n(d)}-{n(m)}-{n(y)}",
        "numeric_ymd": f"{n(y)}/{n(m, 2)}/{n(d, 2)}",
    }[form]


@settings(max_examples=400, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.sampled_from(sorted(GREGORIAN_RENDERINGS)),
    st.sampled_from(sorted(DIGITS)),
)
def test_rendered_dates_read_back_exactly(day: date, clock: time, form: str, system: str) -> None:
    text = render(day, clock, form, DIGITS[system])
    [row] = read([text])
    assert (row["date"], row["form"]) == (day, GREGORIAN_RENDERINGS[form])
    timed = form in ("weekday_time", "english_time", "iso")
    assert row["time"] == (clock if timed else None)
    assert row["utc_offset"] == {"iso": 180, "english_header": 0}.get(form)
    # The span is the whole string as written, but for a leading weekday.
    assert row["text"] == (text.split(" ", 1)[1] if form == "weekday_time" else text)


@settings(max_examples=300, deadline=None)
@given(
    # hijridate's range, 1 Muharram 1343 to the end of 1500 AH
    st.dates(min_value=date(1924, 8, 1), max_value=date(2077, 11, 16)),
    st.sampled_from(["named", "named_no_mark", "numeric", "numeric_dmy", "dateline"]),
    st.sampled_from(sorted(DIGITS)),
)
def test_rendered_hijri_dates_read_back_exactly(day: date, form: str, system: str) -> None:
    hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    assert hijri.to_gregorian() == day  # the oracle round-trips

    def n(value: int) -> str:
        return "".join(DIGITS[system][int(c)] for c in str(value))

    y, m, d = hijri.year, hijri.month, hijri.day
    text = {
        "named": f"{n(d)} {HIJRI[m - 1]} {n(y)} هـ",
        "named_no_mark": f"{n(d)} {HIJRI[m - 1]} {n(y)}",
        "numeric": f"{n(y)}/{n(m)}/{n(d)}هـ",
        "numeric_dmy": f"{n(d)}/{n(m)}/{n(y)} هـ",
        "dateline": f"الرياض {n(d)} {HIJRI[m - 1]} {n(y)} هـ واس",
    }[form]
    [row] = read([text])
    expected_form = {"numeric": "hijri_numeric", "numeric_dmy": "hijri_numeric_dmy"}.get(form, "hijri_day_month_year")
    assert (row["date"], row["form"]) == (day, expected_form)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1343, max_value=1500), st.integers(min_value=1, max_value=12))
def test_days_past_a_hijri_months_length_are_refused(year: int, month: int) -> None:
    length = Hijri(year, month, 1).month_length()
    rows = read([f"{length} {HIJRI[month - 1]} {year} هـ", f"{length + 1} {HIJRI[month - 1]} {year} هـ"])
    last = Hijri(year, month, length).to_gregorian()
    assert [r["date"] for r in rows] == [date(last.year, last.month, last.day), None]


def written(value: int, digits: str, width: int = 1) -> str:
    """A number written in a digit system, zero-padded to a width."""
    return "".join(digits[int(c)] for c in str(value).zfill(width))


def exists(year: int, month: int, day: int) -> date | None:
    """The date, or None where the calendar has no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def test_a_gregorian_date_reads_exactly_when_the_day_exists() -> None:
    # Every day 0–32 of every month 0–13, in years about each leap rule and the ends of the range read
    # (1800–2200), in each form with numbers and each digit system in turn: read where the day exists only.
    years = (1799, 1800, 1900, 2000, 2023, 2024, 2100, 2200, 2201)
    cases = [(y, m, d) for y in years for m in range(14) for d in range(33)]
    systems = [DIGITS[name] for name in sorted(DIGITS)]
    texts, expected = [], []
    for i, (y, m, d) in enumerate(cases):
        digits = systems[i % len(systems)]
        yy, mm, dd, m2, d2 = (written(v, digits, w) for v, w in ((y, 1), (m, 1), (d, 1), (m, 2), (d, 2)))
        forms = [f"{d2}/{m2}/{yy}", f"{yy}-{m2}-{d2}", f"{yy}/{mm}/{dd}"]
        forms += [f"{dd} {EGYPTIAN[m - 1]} {yy}"] if 1 <= m <= 12 else []
        texts += forms
        expected += [exists(y, m, d) if 1800 <= y <= 2200 else None] * len(forms)
    assert [row["date"] for row in read(texts)] == expected
