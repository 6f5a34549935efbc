"""Read the dates Arabic news writes, as Polars expressions over whole columns of strings.

How it stays at column speed: each form's regex finds its match in the text as written, once per row and
by Rust's DFA alone; the match alone is then put in the form it is read in, in one Aho–Corasick pass (its
month name, among about 200 spellings, one private-use character; its digits ASCII), where small regexes
check it and take it apart. The span as written is the match itself, so nothing is written back. Hijri
dates are read with two lookups in a table of month starts built once from hijridate.
"""

import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

import polars as pl
from hijridate import Hijri

from tasks.normalize import fold_for_matching, fold_string

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
# Each month's spellings take a block of this many characters (the most any month has is 22).
_MONTH_BLOCK = 32


# A time and zone after a date (11:44 م, 9:05 ص, 11:44 AM, T08:30:00+03:00, GMT+3).
_TIME_ZONE = (
    # After an optional م ("AD") and a separator.
    r"(?:(?:\s*م)?(?:\s*[-–—|,،@]\s*|\s+|T)(?:(?:at|الساعة|في)\s+)?"
    rf"(?:{_D}{{1,2}}):(?:{_D}{{2}})(?::(?:{_D}{{2}})(?:[.,]{_D}+)?)?"
    # ص/م alone must end the word (not the م of من); the character after it is cut from the span.
    rf"(?:\s*(?:(?:(?i:[ap]\.?m(?-u:\b)\.?)|صباحاً|صباحا|مساءً|مساء)|(?:[صم])(?:{_END})))?"
    rf"(?:\s*(?:Z|(?:[+\-−])(?:{_D}{{2}}):?(?:{_D}{{2}})))?)?"
    # A named zone, with its own offset where given.
    rf"(?:\s*\(?(?:GMT|UTC|بتوقيت\s+(?:غرينتش|جرينتش|غرينيتش))"
    rf"(?:\s*(?:[+\-−])(?:{_D}{{1,2}})(?::?(?:{_D}{{2}}))?)?\)?)?"
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
    """Each month spelling to the private-use character that stands for it, longest spelling first.

    A month's spellings take consecutive characters in a block of their own, so that a regex can name a
    month (or the months of one length) by a range of characters.
    """
    tokens: dict[str, str] = {}
    for calendar, base in (("gregorian", _GREGORIAN_BASE), ("hijri", _HIJRI_BASE)):
        table = _month_table(calendar)
        for month in range(1, 13):
            spellings = sorted(spelling for spelling, number in table.items() if number == month)
            assert len(spellings) <= _MONTH_BLOCK, f"{calendar} month {month} has more spellings than its block"
            for i, spelling in enumerate(spellings):
                tokens[spelling] = chr(base + (month - 1) * _MONTH_BLOCK + i)
    return dict(sorted(tokens.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def _month_class(calendar: str, months: Iterable[int]) -> str:
    """A class of the private-use characters of the given months of a calendar."""
    base = _GREGORIAN_BASE if calendar == "gregorian" else _HIJRI_BASE
    first = [base + (month - 1) * _MONTH_BLOCK for month in sorted(months)]
    return "[" + "".join(f"\\x{{{f:X}}}-\\x{{{f + _MONTH_BLOCK - 1:X}}}" for f in first) + "]"


@cache
def _reading_table() -> dict[str, str]:
    """A match's month spellings to their characters and its digits to ASCII: the form it is read in."""
    digits = {d: str(i) for system in _DIGIT_SYSTEMS[1:] for i, d in enumerate(system)}
    return _tokens() | digits


def _as_read(match: pl.Expr) -> pl.Expr:
    """Matches with their month names as characters and their digits ASCII: leftmost, then longest."""
    return match.str.replace_many(_reading_table(), leftmost=True)


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
    tail = rf"{mark}(?P<rest>{_TIME_ZONE}))"
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
        return "|".join(re.escape(s).replace(r"\ ", " ") for s in ordered)

    return _build_patterns(alternation("gregorian"), alternation("hijri"))


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


def _days_from_civil(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil)."""
    y = year - (month <= 2).cast(pl.Int32)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + pl.when(month > 2).then(-3).otherwise(9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


# Reading a form takes three regexes, so that the two run on every row need only Rust's DFA (capture groups
# made it fall back to slower engines, half of read_date's time):
# 1. the form's pattern (above) with its groups made non-capturing decides, over the text as written, where
#    the form matches and what its match is (the same matches as with its groups);
# 2. a validity regex over that match as read (month names as characters, digits ASCII) decides whether the
#    form reads: the year, month and day in range and the day in its month (Umm al-Qura's for Hijri), a
#    paired month the same, no Hijri mark after a Gregorian date; it spells out the valid numbers, so that
#    no number is parsed for a form that does not win;
# 3. for the winning match only, a split regex takes its numbers and parts (below).
# Forms are tried in FORMS order, each over the rows no earlier form read.
_DIGIT_SYSTEMS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
_NON_DIGIT = "[^0-9]"
# Neither a digit nor a month character: what lies between a date's day and its month name.
_NEITHER_3 = r"[^0-9\x{E000}-\x{EFFF}]"
# What may follow a Gregorian date's last field in its match: nothing, or no digit (the field took them all)
# and no Hijri mark. A mark can only begin the match's tail where the form read it (and is refused): the time
# and zone the tail holds otherwise never begin with ه, ھ or ل.
_GREGORIAN_TAIL = r"(?:$|[^0-9\sهھل](?s:.*)$|\s+(?:$|[^\sهھل](?s:.*)$))"
# Days in a month of each length (February 29 is spelt separately, with the leap years).
_MONTH_LENGTHS = {31: (1, 3, 5, 7, 8, 10, 12), 30: (4, 6, 9, 11), 28: (2,)}


def _digit_class(values: str) -> str:
    """A class of the given digit values (a string of ASCII digits)."""
    return f"[{values}]"


def _numbers(strings: Iterable[str]) -> str:
    """A regex for exactly these strings of ASCII digits, each digit written in any of the three systems."""
    wanted = set(strings)
    rests: dict[str, set[str]] = {}
    for s in sorted(wanted - {""}):
        rests.setdefault(s[0], set()).add(s[1:])
    # First digits with the same continuations share one class (a trie with its leaves merged).
    firsts: dict[frozenset[str], str] = {}
    for first, rest in rests.items():
        firsts[frozenset(rest)] = firsts.get(frozenset(rest), "") + first
    branches = [_digit_class(digits) + _numbers(rest) for rest, digits in firsts.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return ("" if not branches else f"(?:{body})?") if "" in wanted else body


def _field(low: int, high: int) -> str:
    """A day or month field from low to high: one or two digits, a single digit also with a leading zero."""
    return _numbers({str(n) for n in range(low, high + 1)} | {f"{n:02d}" for n in range(low, min(high, 9) + 1)})


def _years(years: Iterable[int]) -> str:
    """A four-digit year among these."""
    return _numbers(f"{year:04d}" for year in years)


def _months(months: Iterable[int]) -> str:
    """A month field among these month numbers."""
    return _numbers({str(m) for m in months} | {f"{m:02d}" for m in months if m < 10})


def _gregorian_cases() -> list[tuple[str, int, str]]:
    """Each valid Gregorian (days, month, years): a month's days in every year, then February 29."""
    years = _years(range(1800, 2201))
    leap = _years(y for y in range(1800, 2201) if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0)
    lengths = {m: length for length, months in _MONTH_LENGTHS.items() for m in months}
    return [(_field(1, lengths[m]), m, years) for m in range(1, 13)] + [(_numbers({"29"}), 2, leap)]


def _hijri_cases() -> list[tuple[str, int, str]]:
    """Each valid Hijri (days, month, years) of the Umm al-Qura table: 1–28 always, then 29, 30, 31 by year."""
    _, lengths = hijri_month_starts()
    years = range(1343, 1501)
    cases = [(_field(1, 28), m, _years(years)) for m in range(1, 13)]
    for day in (29, 30, 31):
        for m in range(1, 13):
            longer = [y for y in years if lengths[y * 100 + m] >= day]
            if longer:
                cases.append((_numbers({str(day)}), m, _years(longer)))
    return cases


@cache
def _validity_patterns() -> dict[str, str]:
    """Each form's validity regex over its whole match (as written, month names as characters)."""
    nd, neither, tail = _NON_DIGIT, _NEITHER_3, _GREGORIAN_TAIL
    gregorian, hijri = _gregorian_cases(), _hijri_cases()

    def dmy(cases: list[tuple[str, int, str]], sep: str) -> str:
        return "|".join(f"{d}{sep}{_months([m])}{sep}{y}" for d, m, y in cases)

    def ymd(cases: list[tuple[str, int, str]], sep: str) -> str:
        return "|".join(f"{y}{sep}{_months([m])}{sep}{d}" for d, m, y in cases)

    def named(cases: list[tuple[str, int, str]], calendar: str, order: str) -> str:
        out = []
        for d, m, y in cases:
            name = _month_class(calendar, [m])
            if order == "mdy":
                out.append(f"{name}{neither}*{d}{nd}*{y}")
            elif calendar == "gregorian":
                # A paired name (تموز/يوليو) must name the same month.
                out.append(f"{d}{neither}*{name}{neither}*(?:{name}{nd}*)?{y}")
            else:
                out.append(f"{d}{neither}*{name}{nd}*{y}")
        return "|".join(out)

    return {
        "day_month_year": rf"^{nd}?(?:{named(gregorian, 'gregorian', 'dmy')}){tail}",
        # The character before the month may be anything not a letter, a month character among them.
        "month_day_year": rf"^(?s:.)?(?:{named(gregorian, 'gregorian', 'mdy')}){tail}",
        "iso": rf"^{nd}?(?:{ymd(gregorian, '-')}){tail}",
        "numeric_dmy": rf"^{nd}?(?:{dmy(gregorian, nd + '+')}){tail}",
        "numeric_ymd": rf"^{nd}?(?:{ymd(gregorian, nd + '+')}){tail}",
        # A Hijri year is followed by its mark or by the character after the date (a digit, maybe); a
        # numeric Hijri date's day by its mark.
        "hijri_day_month_year": rf"^{nd}?(?:{named(hijri, 'hijri', 'dmy')})(?s:.*)$",
        "hijri_numeric": rf"^{nd}?(?:{ymd(hijri, nd + '+')}){nd}(?s:.*)$",
        "hijri_numeric_dmy": rf"^{nd}?(?:{dmy(hijri, nd + '+')})(?s:.*)$",
    }


# The split of a winning match, its digits folded to ASCII. Knowing the match, it needs no context: its
# fields `a`, `b`, `c` are the runs of digits or month characters where the form puts them (nothing else in
# a match is one): day, month, year; or year, month, day; month_day_year's `b` is its month, `a` its day.
# `pre` is the character the form reads before the date; `rest` is what follows the last field: a Gregorian
# date's time and zone, or a Hijri date's mark and the character read after it. With one-character months
# and ASCII digits the named and numeric splits are one-pass, so cheap (Arabic-Indic digits share their
# first UTF-8 byte with Arabic letters, which made the engine backtrack through every class); the
# numeric fields take whole runs, since a numeric date's last field is never followed by a digit.
_TOKEN = r"[\x{E000}-\x{EFFF}]"
_NEITHER = r"[^0-9\x{E000}-\x{EFFF}]"
_SPLITS = {
    "named": (
        rf"^(?P<pre>[^0-9])?(?P<a>[0-9]{{1,2}}){_NEITHER}*(?P<b>{_TOKEN}){_NEITHER}*(?:{_TOKEN}[^0-9]*)?"
        rf"(?P<c>[0-9]{{4}})(?P<rest>(?s:.*))$"
    ),
    "numeric": r"^(?P<pre>[^0-9])?(?P<a>[0-9]+)[^0-9]+(?P<b>[0-9]+)[^0-9]+(?P<c>[0-9]+)(?P<rest>(?:[^0-9](?s:.*))?)$",
    # The character before the month may be a digit or a month character, and the day may run into the year.
    "month_day_year": (
        rf"^(?P<pre>(?s:.))?(?P<b>{_TOKEN}){_NEITHER}*(?P<a>[0-9]{{1,2}})[^0-9]*(?P<c>[0-9]{{4}})"
        rf"(?P<rest>(?s:.*))$"
    ),
}
_SPLIT_FORMS = {
    "named": ("day_month_year", "hijri_day_month_year"),
    "numeric": ("iso", "numeric_dmy", "numeric_ymd", "hijri_numeric", "hijri_numeric_dmy"),
    "month_day_year": ("month_day_year",),
}
# The forms whose `a` is the year and `c` the day.
_YEAR_FIRST = ("iso", "numeric_ymd", "hijri_numeric")
# A Hijri date's mark never ends with a character that may follow a date: such a last character was read
# after the date.
_END_CHAR = _END.removeprefix("(?:$|").removesuffix(")")


@cache
def _match_patterns() -> dict[str, str]:
    """Each form's regex with its groups made non-capturing: the same matches, found by the DFA alone."""
    return {form: re.sub(r"\(\?P<\w+>", "(?:", pattern) for form, pattern in patterns().items()}


# A Gregorian date's time and zone, as matched, is read in two steps: its words become ASCII placeholders
# (ص and م alone X and Y, the words for morning and evening am and pm, the Arabic zone B … W, − a hyphen),
# so that a regex with one way through (Rust's one-pass DFA, several times faster) can split it.
# Longest first: where two start at one place, the first listed is replaced.
_TIME_WORDS = {
    **{"غرينيتش": "W", "صباحاً": "am", "بتوقيت": "B", "غرينتش": "W", "جرينتش": "W", "صباحا": "am"},
    **{"مساءً": "pm", "مساء": "pm", "ص": "X", "م": "Y", "−": "-"},
}
# What may follow ص/م: _END's characters, but for - and ( (which begin an offset or a zone; where one
# follows ص/م without beginning one, it ends the time, and the span is cut by the last character instead).
_AFTER = r"""[\s0-9.,،:;!?؟)\[\]«»"'–—|/]"""
# Valid by construction (it is the `rest` of a form's match), so the regex only takes it apart: what
# precedes the hour (م, a separator, at, الساعة, في, T) is anything but a digit or the start of a zone.
_TIME_SPLIT = (
    r"^[^0-9GUB(]*"
    r"(?:(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?\s*"
    rf"(?:(?P<ampm>[apAP])\.?[mM]\.?\s*|(?P<ampm1>[XY])(?:{_AFTER}\s*)?)?"
    r"(?:(?P<offset>Z)\s*|(?P<offset_sign>[+\-])(?P<offset_hours>[0-9]{2}):?(?P<offset_mins>[0-9]{2})\s*)?)?"
    r"(?:\(?(?P<zone>[GUB])(?:MT|TC|\s+W)"
    r"(?:\s*(?P<zone_sign>[+\-])(?P<zone_digits>[0-9]{1,4})(?::(?P<zone_mins>[0-9]{2}))?)?)?"
)


def _tz(name: str) -> pl.Expr:
    """A group of the time and zone after the winning date (the `tz` field)."""
    return pl.field("tz").struct.field(name)


def _tz_int(name: str) -> pl.Expr:
    """A number in the time and zone after the winning date."""
    return _tz(name).cast(pl.Int32, strict=False)


def _time_stages() -> list[dict[str, pl.Expr]]:
    """The time of day and the UTC offset from the time-and-zone groups, null where impossible.

    In stages, each field computed once and read by the next stage: an expression used twice in one
    stage would be evaluated twice.
    """
    sign = {f"{p}_sign": pl.when(_tz(f"{p}_sign") == "+").then(1).otherwise(-1) for p in ("offset", "zone")}
    digits = _tz_int("zone_digits")
    # A zone's offset is written +3, +03, +0300, +300 or +03:00: hours and minutes from the digits.
    whole_hours = _tz("zone_mins").is_not_null() | (_tz("zone_digits").str.len_bytes() <= 2)
    parsed = {
        "hour": _tz_int("hour"),
        "minute": _tz_int("minute"),
        "second": _tz_int("second").fill_null(0),
        "pm": _tz("ampm").is_in(["p", "P"]) | (_tz("ampm1") == "Y"),
        "am": _tz("ampm").is_in(["a", "A"]) | (_tz("ampm1") == "X"),
        "twelve": _tz("ampm").is_not_null() | _tz("ampm1").is_not_null(),
        "bare": pl.when(_tz("offset").is_not_null())
        .then(0)
        .otherwise(sign["offset_sign"] * (_tz_int("offset_hours") * 60 + _tz_int("offset_mins"))),
        "zone": pl.when(_tz("zone").is_not_null()).then(
            (
                sign["zone_sign"]
                * pl.when(whole_hours)
                .then(digits * 60 + _tz_int("zone_mins").fill_null(0))
                .otherwise(digits // 100 * 60 + digits % 100)
            ).fill_null(0)
        ),
        # ص/م was read with the character after it; that character is not part of the span.
        "cut": (
            (_tz("ampm1") != pl.field("time_text").str.slice(-1))
            & _tz("offset").is_null()
            & _tz("offset_sign").is_null()
            & _tz("zone").is_null()
        )
        .fill_null(False)
        .cast(pl.UInt32),
    }
    hour, minute, second = pl.field("hour"), pl.field("minute"), pl.field("second")
    flags = {
        "offset": pl.coalesce(pl.field("bare"), pl.field("zone")),
        "valid": pl.when(pl.field("twelve")).then(hour.is_between(1, 12)).otherwise(hour <= 23)
        & (minute <= 59)
        & (second <= 59),
    }
    pm, am = pl.field("pm"), pl.field("am")
    hour24 = pl.when(pm & (hour < 12)).then(hour + 12).when(am & (hour == 12)).then(0).otherwise(hour)
    nanos = ((hour24 * 60 + minute) * 60 + second).cast(pl.Int64) * 1_000_000_000
    offset = pl.field("offset")
    final = {
        "time": pl.when(pl.field("valid")).then(nanos).cast(pl.Time),
        "utc_offset": pl.when(offset.abs() <= 14 * 60).then(offset).cast(pl.Int16),
        "text": pl.field("text").str.slice(pl.field("pre"), pl.field("keep") - pl.field("cut")),
    }
    return [parsed, flags, final]


def read_date(text: pl.Expr) -> pl.Expr:
    """The first date a string gives in the first form that reads, with its form, span, time and offset.

    A struct of DATE_STRUCT's fields, all null where no form reads.
    """
    # One struct carried through every stage, so that each expression is evaluated once per row.
    state = pl.struct(text=text)
    for i, form in enumerate(FORMS):
        # A form searches only the rows no earlier form has read, where it can match; the rest are null.
        unread = pl.field("winner").is_null() if i else pl.lit(True)
        # Tests are str.find, not str.contains: find skips null rows, contains reads the values under them.
        if form == "iso":
            # Every numeric form needs a separator, and a numeric Hijri date a mark (each spelling has ه or ھ).
            sep = pl.when(unread).then(pl.field("text")).str.find(r"[/.\-]")
            state = state.struct.with_fields(separator=sep.is_not_null())
        if form == "numeric_dmy":
            mark = pl.when(unread & pl.field("separator")).then(pl.field("text")).str.find("[هھ]")
            state = state.struct.with_fields(hijri_mark=mark.is_not_null())
            # Numeric Hijri dates are blanked before the numeric Gregorian forms are read. replace_all reads
            # the values under nulls too: the rows that cannot hold one are blanked first.
            may_hold, written = pl.field("hijri_mark"), pl.field("text")
            masked = pl.when(may_hold).then(written).otherwise(pl.lit("")).str.replace_all(_hijri_numeric_mask(), " ")
            state = state.struct.with_fields(masked=pl.when(may_hold).then(masked).otherwise(written))
        if form in ("iso", "numeric_dmy", "numeric_ymd"):
            unread = unread & pl.field("separator")
        if form in ("hijri_numeric", "hijri_numeric_dmy"):
            unread = unread & pl.field("hijri_mark")
        source = pl.field("masked" if form in ("numeric_dmy", "numeric_ymd") else "text")
        match = pl.when(unread).then(source).str.extract(_match_patterns()[form], 0)
        state = state.struct.with_fields(**{f"match{i}": match})
        state = state.struct.with_fields(**{f"read_as{i}": _as_read(pl.field(f"match{i}"))})
        state = state.struct.with_fields(
            **{f"read{i}": pl.field(f"read_as{i}").str.find(_validity_patterns()[form]).is_not_null()}
        )
        won = pl.when(pl.field(f"read{i}")).then(pl.lit(i, pl.UInt8))
        state = state.struct.with_fields(winner=pl.coalesce(pl.field("winner"), won) if i else won)

    # At most one form reads a row: its match, as written and as read.
    def winning(name: str) -> pl.Expr:
        matches = [pl.when(pl.field(f"read{i}")).then(pl.field(f"{name}{i}")) for i in range(len(FORMS))]
        return pl.when(pl.field("winner").is_not_null()).then(pl.concat_str(matches, ignore_nulls=True))

    state = state.struct.with_fields(match=winning("match"), folded=winning("read_as"))
    # Each split runs over the rows its forms won (extract_groups skips null rows).
    state = state.struct.with_fields(
        **{
            f"split_{split}": pl.when(pl.field("winner").is_in([FORMS.index(form) for form in forms]))
            .then(pl.field("folded"))
            .str.extract_groups(_SPLITS[split])
            for split, forms in _SPLIT_FORMS.items()
        }
    )

    def parts(name: str) -> list[pl.Expr]:
        return [pl.field(f"split_{split}").struct.field(name) for split in _SPLITS]

    def number(name: str) -> pl.Expr:
        return pl.coalesce(parts(name)).cast(pl.Int32, strict=False)

    hijri = pl.field("winner") >= len(GREGORIAN_FORMS)
    state = state.struct.with_fields(
        a=number("a"),
        c=number("c"),
        name=pl.coalesce(pl.field("split_named").struct.field("b"), pl.field("split_month_day_year").struct.field("b")),
        number=pl.field("split_numeric").struct.field("b").cast(pl.Int32, strict=False),
        # Whether a character was read before the date (a group that took no part is null).
        pre=pl.coalesce(parts("pre")).is_not_null().cast(pl.Int64),
        rest=pl.coalesce(parts("rest")),
        year_first=pl.field("winner").is_in([FORMS.index(form) for form in _YEAR_FIRST]),
        hijri=hijri,
    )
    year_first, hijri = pl.field("year_first"), pl.field("hijri")
    # A month name's character is in its month's block: the month is read off its UTF-8 bytes (EE, then
    # 6 bits each), cheaper than looking each character up.
    name = pl.field("name").cast(pl.Binary)
    second, third = name.bin.get(1, null_on_oob=True).cast(pl.Int32), name.bin.get(2, null_on_oob=True).cast(pl.Int32)
    in_block = (second % 64) * 64 + third % 64
    # A Hijri date's last character read may be the one after it.
    end = pl.when(hijri).then(pl.field("rest")).str.find(f"{_END_CHAR}$").is_not_null()
    state = state.struct.with_fields(
        month=pl.coalesce(pl.field("number"), in_block % (_HIJRI_BASE - _GREGORIAN_BASE) // _MONTH_BLOCK + 1),
        year=pl.when(year_first).then(pl.field("a")).otherwise(pl.field("c")),
        day=pl.when(year_first).then(pl.field("c")).otherwise(pl.field("a")),
        end=end.cast(pl.Int32),
    )
    year, month, day = pl.field("year"), pl.field("month"), pl.field("day")
    starts, _ = hijri_month_starts()
    hijri_date = pl.when(hijri).then(year * 100 + month).replace_strict(starts, default=None, return_dtype=pl.Int32)
    pre = pl.field("pre")
    read: dict[str, pl.Expr] = {
        "date": pl.when(hijri).then(hijri_date + day - 1).otherwise(_days_from_civil(year, month, day)).cast(pl.Date),
        "form": pl.lit(pl.Series(FORMS)).gather(pl.field("winner")),
        # The span as written is the match without the character before the date (and after a Hijri one).
        "text": pl.field("match"),
        "pre": pre,
        "keep": pl.field("match").str.len_chars() - pre - pl.field("end"),
        # A Gregorian date's time and zone, its words as placeholders (null where there is none).
        "time_text": pl.when(~hijri & (pl.field("rest").str.len_bytes() > 0))
        .then(pl.field("rest"))
        .str.replace_many(_TIME_WORDS, leftmost=True),
    }
    winner = state.struct.with_fields(winner=pl.struct([e.alias(k) for k, e in read.items()])).struct.field("winner")
    # The time is parsed once per row: for the form that won only ("" is no time).
    with_time = winner.struct.with_fields(tz=pl.field("time_text").str.extract_groups(_TIME_SPLIT))
    for stage in _time_stages():
        with_time = with_time.struct.with_fields(**stage)
    return with_time.cast(DATE_STRUCT)


def is_date_only(text: pl.Expr) -> pl.Expr:
    """True where a line is a date and nothing else (a weekday, a label, a trailing م or هـ aside)."""
    leftover = text
    for form in FORMS:
        leftover = leftover.str.replace(patterns()[form], "${pre} ")
    words = sorted({fold_string(w) for w in (*_WEEKDAYS, *_LABELS)}, key=lambda w: (-len(w), w))
    decoration = "|".join(w.replace(" ", r"\s+") for w in words)
    # Decoration words are removed wherever they are: a line left with only parts of them is still no text.
    leftover = fold_for_matching(leftover).str.replace_all(rf"(?i:{decoration})|[\s,،.:\-–—|/()]", "")
    return read_date(text).struct.field("date").is_not_null() & (leftover.str.len_chars() == 0)
