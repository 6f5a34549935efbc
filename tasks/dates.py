"""Read the dates Arabic news writes, as Polars expressions over whole columns of strings.

How it stays at column speed: month names (about 500 spellings with their case variants) are first
replaced, in one Aho–Corasick pass, by one private-use character each, so that the regex of each form is
small; each form's regex runs once per row; the winning form's span is turned back into the text as
written, and its time of day parsed, once. Hijri dates are read with two lookups in a table of month
starts built once from hijridate.
"""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import polars as pl
from hijridate import Hijri

from tasks.normalize import ascii_digits, fold_for_matching, fold_string

_REFERENCE = Path(__file__).parent / "reference"

# Any of the three digit systems; the captured digits are folded to ASCII before they are read.
_D = "[0-9٠-٩۰-۹]"
_NOT_D = "[^0-9٠-٩۰-۹]"
_DAY = rf"(?P<day>{_D}{{1,2}})(?:st|nd|rd|th)?"
_YEAR = rf"(?P<year>{_D}{{4}})"
_SEP = r"\s*[,،]?\s*"
# Wojood-style tokenised text writes 23 / 6 / 1948; dots and dashes never have spaces around them.
_NUM_SEP = r"(?:\s*/\s*|[.\-])"
# No \b anywhere: a Unicode word boundary stops Rust's fast regex engines on non-ASCII text (Arabic), which
# made a column 30× slower. Where a word must end, the next character is matched instead.
_END = r"""(?:$|[\s0-9٠-٩۰-۹.,،:;!?؟()\[\]«»"'\-–—|/])"""
# A Hijri year ends in هـ (or ه, هجري, للهجرة): such a date is not Gregorian and must not be read as one.
_MARK = r"\s*(?:هـ|ھـ|ه|ھ|هجري[ةه]?|للهجر[ةه])"
# "Year of", between the month and the year: 25 يوليو من عام 2024.
_YEAR_WORD = r"(?:(?:من\s+)?(?:عام|سنة|سنه)\s+)?"
# Private-use characters stand for month spellings: Gregorian from U+E000, Hijri from U+E800.
_GREGORIAN_BASE, _HIJRI_BASE = 0xE000, 0xE800


def _time_zone(named: bool) -> str:
    """A time and zone after a date (11:44 م, 9:05 ص, 11:44 AM, T08:30:00+03:00, GMT+3), groups named or not."""

    def g(name: str) -> str:
        return f"(?P<{name}>" if named else "(?:"

    return (
        # After an optional م ("AD") and a separator.
        r"(?:(?:\s*م)?(?:\s*[-–—|,،@]\s*|\s+|T)(?:(?:at|الساعة|في)\s+)?"
        rf"{g('hour')}{_D}{{1,2}}):{g('minute')}{_D}{{2}})(?::{g('second')}{_D}{{2}})(?:[.,]{_D}+)?)?"
        # ص/م alone must end the word (not the م of من); the character after it (`after`) is cut from the span.
        rf"(?:\s*(?:{g('ampm')}(?i:[ap]\.?m(?-u:\b)\.?)|صباحاً|صباحا|مساءً|مساء)|{g('ampm1')}[صم]){g('after')}{_END})))?"
        rf"(?:\s*{g('offset')}Z|{g('offset_sign')}[+\-−]){g('offset_hours')}{_D}{{2}}):?{g('offset_mins')}{_D}{{2}})))?)?"
        # A named zone, with its own offset where given.
        rf"(?:\s*\(?{g('zone')}GMT|UTC|بتوقيت\s+(?:غرينتش|جرينتش|غرينيتش))"
        rf"(?:\s*{g('zone_sign')}[+\-−]){g('zone_hours')}{_D}{{1,2}})(?::?{g('zone_mins')}{_D}{{2}}))?)?\)?)?"
    )


_WEEKDAYS = (
    *("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
    *("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    *("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
)
_LABELS = (
    *("تاريخ النشر", "نشر بتاريخ", "تم النشر في", "تم النشر", "نشر في", "آخر تحديث", "تاريخ الإضافة"),
    *("تحديث", "نشر", "تاريخ", "بتاريخ", "الموافق", "ميلادي", "ميلادية", "هـ", "م", "GMT", "UTC"),
    *("Published on", "Published", "Last updated", "Updated", "Posted on"),
)

# The fields the winning form passes on.
_WINNER = ("date", "form", "text", "rest")
GREGORIAN_FORMS = ("day_month_year", "month_day_year", "iso", "numeric_dmy", "numeric_ymd")
HIJRI_FORMS = ("hijri_day_month_year", "hijri_numeric", "hijri_numeric_dmy")
# The forms, in the order they are tried: the first that reads wins, so a Gregorian date given beside a
# Hijri one (… هـ الموافق 10 اغسطس 2015 م) wins over it.
FORMS = GREGORIAN_FORMS + HIJRI_FORMS

DATE_STRUCT = pl.Struct(
    {
        "date": pl.Date(),
        "form": pl.String(),
        "text": pl.String(),  # the span read, as written (with its time and zone where read)
        "time": pl.Time(),
        "utc_offset": pl.Int16(),  # minutes east of UTC, where the text gives a zone or an offset
    }
)


@cache
def _month_table(calendar: str) -> dict[str, int]:
    """Every spelling of a month (as listed, folded, without a second ال) to its number."""
    path = _REFERENCE / ("hijri_months.json" if calendar == "hijri" else "months.json")
    table: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    names: dict[str, int] = {}
    for month, spellings in table.items():
        if month.startswith("_"):
            continue
        for spelling in spellings:
            variants = {spelling, fold_string(spelling)}
            # تشرين الأول is also written تشرين أول, ربيع الآخر as ربيع آخر.
            variants |= {v.replace(" ال", " ") for v in variants if " ال" in v}
            # English names as headers write them: July, july, JULY.
            names |= {c: int(month) for v in variants for c in (v, v.lower(), v.title(), v.upper())}
    return names


def month_numbers() -> dict[str, int]:
    """Every Gregorian month spelling to its month number."""
    return _month_table("gregorian")


@cache
def _tokens() -> dict[str, str]:
    """Each month spelling to the private-use character that stands for it, longest spelling first."""
    tokens: dict[str, str] = {}
    for calendar, base in (("gregorian", _GREGORIAN_BASE), ("hijri", _HIJRI_BASE)):
        for i, spelling in enumerate(sorted(_month_table(calendar))):
            tokens[spelling] = chr(base + i)
    return dict(sorted(tokens.items(), key=lambda kv: (-len(kv[0]), kv[0])))


@cache
def _token_months() -> dict[str, int]:
    """Each month's private-use character to its month number."""
    table = _month_table("gregorian") | _month_table("hijri")
    return {token: table[spelling] for spelling, token in _tokens().items()}


def _tokenize(text: pl.Expr) -> pl.Expr:
    """Month spellings replaced by their characters: leftmost, then longest (مايو, not ماي + و)."""
    return text.str.replace_many(_tokens(), leftmost=True)


def _untokenize(text: pl.Expr) -> pl.Expr:
    """The text as written back from its tokenized form."""
    return text.str.replace_many({token: spelling for spelling, token in _tokens().items()})


def _build_patterns(months: str, hijri_months: str) -> dict[str, str]:
    """The regex of each form, given the regex of a Gregorian and of a Hijri month name."""
    month = f"(?P<month>{months})"
    paired = rf"(?:\s*[/(]\s*(?P<month2>{months})\s*\)?)?"
    pre = f"(?P<pre>^|{_NOT_D})"
    # Not a Latin or Arabic letter or digit (a small class where \W would be a large one).
    not_word = "[^A-Za-z\u0600-\u06ff]"
    pre_numeric = r"(?P<pre>^|[^0-9٠-٩۰-۹/.\-])"
    mark = rf"(?P<hijri>{_MARK}{_END})?"
    # The Gregorian forms end with the Hijri mark that refuses them, then any time and zone (`rest`).
    tail = rf"{mark}(?P<rest>{_time_zone(named=False)}))"
    return {
        # 26 يوليو، 2024 · 26th, July 2024 GMT · 12 تشرين الأول 2023 · 10 تموز/يوليو 2024 · 26 Jul 2024 11:44 AM
        "day_month_year": (
            rf"{pre}(?P<text>{_DAY}{_SEP}(?:من\s+)?(?:شهر\s+)?{month}\.?{paired}{_SEP}{_YEAR_WORD}{_YEAR}" + tail
        ),
        # July 26, 2024 · يوليو 26, 2024 (WordPress's default English order, translated)
        "month_day_year": rf"(?P<pre>^|{not_word})(?P<text>{month}\.?\s+{_DAY}{_SEP}{_YEAR}" + tail,
        # 2024-07-26 · 2024-07-26T08:30:00+03:00
        "iso": rf"{pre}(?P<text>{_YEAR}-(?P<month>{_D}{{1,2}})-(?P<day>{_D}{{1,2}})" + tail,
        # 26/07/2024 · 26-7-2024 · 26.07.2024: day first, as Arabic news writes
        "numeric_dmy": (
            rf"{pre_numeric}(?P<text>(?P<day>{_D}{{1,2}}){_NUM_SEP}(?P<month>{_D}{{1,2}}){_NUM_SEP}{_YEAR}" + tail
        ),
        # 2024/07/26
        "numeric_ymd": (
            rf"{pre_numeric}(?P<text>{_YEAR}(?:\s*/\s*|\.)(?P<month>{_D}{{1,2}})(?:\s*/\s*|\.)"
            rf"(?P<day>{_D}{{1,2}})" + tail
        ),
        # 25 شوال 1436 هـ · 1 رمضان 1445 (a Hijri month name needs no mark)
        "hijri_day_month_year": (
            rf"{pre}(?P<text>{_DAY}{_SEP}(?:من\s+)?(?:شهر\s+)?(?P<month>{hijri_months}){_SEP}{_YEAR_WORD}"
            rf"{_YEAR}(?P<hijri>{_MARK})?){_END}"
        ),
        # 1436/10/25هـ: the mark is required, a bare 1436/10/25 is no date
        "hijri_numeric": (
            rf"{pre_numeric}(?P<text>{_YEAR}{_NUM_SEP}(?P<month>{_D}{{1,2}}){_NUM_SEP}"
            rf"(?P<day>{_D}{{1,2}})(?P<hijri>{_MARK})){_END}"
        ),
        # 25/10/1436هـ
        "hijri_numeric_dmy": (
            rf"{pre_numeric}(?P<text>(?P<day>{_D}{{1,2}}){_NUM_SEP}(?P<month>{_D}{{1,2}}){_NUM_SEP}"
            rf"{_YEAR}(?P<hijri>{_MARK})){_END}"
        ),
    }


@cache
def patterns() -> dict[str, str]:
    """The regex of each form over text as written; `pre` is the character before the date, `text` the date."""

    def alternation(calendar: str) -> str:
        ordered = sorted(_month_table(calendar), key=lambda s: (-len(s), s))
        return "|".join(re.escape(s).replace(r"\ ", " ").replace(" ", r"\s+") for s in ordered)

    return _build_patterns(alternation("gregorian"), alternation("hijri"))


@cache
def _token_patterns() -> dict[str, str]:
    """The regex of each form over tokenized text, where a month name is one private-use character."""
    return _build_patterns(r"[\x{E000}-\x{E7FF}]", r"[\x{E800}-\x{EFFF}]")


@cache
def _hijri_numeric_mask() -> str:
    """Numeric Hijri dates, without groups: blanked before the numeric Gregorian forms are read."""
    ymd = rf"{_D}{{4}}{_NUM_SEP}{_D}{{1,2}}{_NUM_SEP}{_D}{{1,2}}{_MARK}{_END}"
    dmy = rf"{_D}{{1,2}}{_NUM_SEP}{_D}{{1,2}}{_NUM_SEP}{_D}{{4}}{_MARK}{_END}"
    return f"{ymd}|{dmy}"


@cache
def hijri_month_starts() -> tuple[dict[int, int], dict[int, int]]:
    """Umm al-Qura, by year*100+month: the day (since 1970-01-01) its first day falls on, and its length.

    Built once from hijridate over its whole range (1343–1500 AH) so that Hijri dates are read with
    two hash lookups per row instead of a Python call per string.
    """
    epoch = date(1970, 1, 1)
    starts: dict[int, int] = {}
    lengths: dict[int, int] = {}
    for year in range(1343, 1501):
        for month in range(1, 13):
            first = Hijri(year, month, 1)
            starts[year * 100 + month] = first.to_gregorian().toordinal() - epoch.toordinal()
            lengths[year * 100 + month] = first.month_length()
    return starts, lengths


def _to_int(text: pl.Expr) -> pl.Expr:
    """A run of digits in any of the three systems, as an integer."""
    return ascii_digits(text).cast(pl.Int32, strict=False)


def _days_from_civil(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil)."""
    y = year - (month <= 2).cast(pl.Int32)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + pl.when(month > 2).then(-3).otherwise(9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _ymd(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """A date from its parts, null where the day does not exist in that month (never rolled over)."""
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    length = pl.when(month == 2).then(28 + leap.cast(pl.Int32)).when(month.is_in([4, 6, 9, 11])).then(30).otherwise(31)
    valid = year.is_between(1800, 2200) & month.is_between(1, 12) & day.is_between(1, length)
    return pl.when(valid).then(_days_from_civil(year, month, day).cast(pl.Date))


def _hijri_ymd(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """The Gregorian date of a Hijri (Umm al-Qura) date, null past the month's length or out of range."""
    starts, lengths = hijri_month_starts()
    key = year * 100 + month
    start = key.replace_strict(starts, default=None, return_dtype=pl.Int32)
    length = key.replace_strict(lengths, default=None, return_dtype=pl.Int32)
    return pl.when(day.is_between(1, length)).then((start + day - 1).cast(pl.Date))


def _read_form(text: pl.Expr, masked: pl.Expr, form: str) -> pl.Expr:
    """One form's reading of every (tokenized) row: a struct whose `date` is null where it does not read."""
    source = masked if form.startswith("numeric") else text
    groups = source.str.extract_groups(_token_patterns()[form])
    named = form.endswith("day_month_year") or form == "month_day_year"
    months = _token_months()
    month = pl.field("month").replace_strict(months, default=None, return_dtype=pl.Int32)
    # Each stage reads the fields of the one before, so that the regex runs once per row.
    parsed = groups.struct.with_fields(
        year=_to_int(pl.field("year")),
        month=month if named else _to_int(pl.field("month")),
        day=_to_int(pl.field("day")),
    )
    if form in HIJRI_FORMS:
        read = _hijri_ymd(pl.field("year"), pl.field("month"), pl.field("day"))
        return parsed.struct.with_fields(date=read).struct.with_fields(**_winner_fields(form))
    read = _ymd(pl.field("year"), pl.field("month"), pl.field("day"))
    if form == "day_month_year":
        # A paired name (تموز/يوليو) must name the same month.
        second = pl.field("month2").replace_strict(months, default=None, return_dtype=pl.Int32)
        read = pl.when(second.is_null() | (second == pl.field("month"))).then(read)
    # A Hijri year (هـ) is not a Gregorian reader's.
    read = pl.when(pl.field("hijri").is_null()).then(read)
    return parsed.struct.with_fields(date=read).struct.with_fields(**_winner_fields(form))


def _winner_fields(form: str) -> dict[str, pl.Expr]:
    """A form's form, span and time-and-zone text, null where its date is (so that forms coalesce)."""
    found = pl.field("date").is_not_null()
    rest = pl.field("rest").fill_null("") if form in GREGORIAN_FORMS else pl.lit("")
    return {
        "form": pl.when(found).then(pl.lit(form)),
        "text": pl.when(found).then(pl.field("text")),
        "rest": pl.when(found).then(rest),
    }


def _tz(name: str) -> pl.Expr:
    """A group of the time and zone after the winning date (the `tz` field), its digits already ASCII."""
    return pl.field("tz").struct.field(name)


def _tz_int(name: str) -> pl.Expr:
    """A number in the time and zone after the winning date."""
    return _tz(name).cast(pl.Int32, strict=False)


def _signed_minutes(prefix: str) -> pl.Expr:
    """An offset's sign, hours and minutes groups as minutes."""
    sign = pl.when(_tz(f"{prefix}_sign") == "+").then(1).otherwise(-1)
    hours, minutes = _tz_int(f"{prefix}_hours"), _tz_int(f"{prefix}_mins").fill_null(0)
    return sign * (hours * 60 + minutes)


def _time_fields() -> dict[str, pl.Expr]:
    """The time of day and the UTC offset from the time-and-zone groups, null where impossible."""
    hour, minute, second = _tz_int("hour"), _tz_int("minute"), _tz_int("second").fill_null(0)
    ampm = pl.coalesce(_tz("ampm").str.slice(0, 1).str.to_lowercase(), _tz("ampm1"))
    pm, am = ampm.is_in(["p", "م"]), ampm.is_in(["a", "ص"])
    valid = pl.when(ampm.is_null()).then(hour <= 23).otherwise(hour.is_between(1, 12)) & (minute <= 59)
    hour24 = pl.when(pm & (hour < 12)).then(hour + 12).when(am & (hour == 12)).then(0).otherwise(hour)
    nanos = ((hour24 * 60 + minute) * 60 + second).cast(pl.Int64) * 1_000_000_000
    bare = pl.when(_tz("offset") == "Z").then(0).otherwise(_signed_minutes("offset"))
    zone = pl.when(_tz("zone").is_not_null()).then(_signed_minutes("zone").fill_null(0))
    offset = pl.coalesce(bare, zone)
    # ص/م was read with the character after it; that character is not part of the span.
    cut = _tz("after").str.len_chars() * (_tz("offset").is_null() & _tz("zone").is_null()).cast(pl.UInt32)
    return {
        "time": pl.when(valid & (second <= 59)).then(nanos).cast(pl.Time),
        "utc_offset": pl.when(offset.abs() <= 14 * 60).then(offset).cast(pl.Int16),
        "text": pl.field("text").str.slice(0, pl.field("text").str.len_chars() - cut.fill_null(0)),
    }


def read_date(text: pl.Expr) -> pl.Expr:
    """The first date a string gives in the first form that reads, with its form, span, time and offset.

    A struct of DATE_STRUCT's fields, all null where no form reads.
    """
    # One struct carried through every stage, so that each expression is evaluated once per row: a
    # tokenized column referred to by eight forms would otherwise be tokenized eight times.
    tokenized = pl.struct(tokenized=_tokenize(text)).struct.with_fields(
        masked=pl.field("tokenized").str.replace_all(_hijri_numeric_mask(), " ")
    )
    forms = tokenized.struct.with_fields(
        **{form: _read_form(pl.field("tokenized"), pl.field("masked"), form) for form in FORMS}
    )
    # Each form's fields are null where its date is, so coalescing in FORMS order takes every field from the
    # first form that read (a form that read no time gives "" as `rest`, never a later form's time).
    winner = pl.struct(
        [pl.coalesce([pl.field(form).struct.field(name) for form in FORMS]).alias(name) for name in _WINNER]
    )
    winner = forms.struct.with_fields(winner=winner).struct.field("winner")
    # The time is parsed, and the span written back, once per row: for the form that won only.
    # Its digits are folded first (the span keeps them as written), and "" (no time) is skipped.
    rest = ascii_digits(pl.when(pl.field("rest") != "").then(pl.field("rest")))
    time_zone = rest.str.extract_groups("^" + _time_zone(named=True))
    with_time = winner.struct.with_fields(tz=time_zone).struct.with_fields(**_time_fields())
    return with_time.struct.with_fields(text=_untokenize(pl.field("text"))).cast(DATE_STRUCT)


def is_date_only(text: pl.Expr) -> pl.Expr:
    """True where a line is a date and nothing else (a weekday, a label, a trailing م or هـ aside)."""
    leftover = _tokenize(text)
    for form in FORMS:
        leftover = leftover.str.replace(_token_patterns()[form], "${pre} ")
    words = sorted({fold_string(w) for w in (*_WEEKDAYS, *_LABELS)}, key=lambda w: (-len(w), w))
    decoration = "|".join(w.replace(" ", r"\s+") for w in words)
    # Decoration words are removed wherever they are: a line left with only parts of them is still no text.
    leftover = fold_for_matching(leftover).str.replace_all(rf"(?i:{decoration})|[\s,،.:\-–—|/()]", "")
    return read_date(text).struct.field("date").is_not_null() & (leftover.str.len_chars() == 0)
