"""The regexes and tables the date reader uses, built once from the month lists in tasks/reference.

Each form's regex over text as written; the reading table that puts a match in the form it is read in (its
month name one private-use character, in a block of its month; its digits ASCII); the validity and split
regexes over a match so read; the Umm al-Qura month starts; the time-and-zone placeholders and split.
"""

import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from hijridate import Hijri

from tasks.normalize import fold_string

_REFERENCE = Path(__file__).parent / "reference"

# Any of the three digit systems; the captured digits are folded to ASCII before they are read.
_D = "[0-9٠-٩۰-۹]"
_NOT_D = "[^0-9٠-٩۰-۹]"
_DIGIT_SYSTEMS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
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
GREGORIAN_BASE, HIJRI_BASE = 0xE000, 0xE800
# Each month's spellings take a block of this many characters (the most any month has is 22).
MONTH_BLOCK = 32


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


# What may stand beside a date on a line that gives nothing else (a weekday, a label).
WEEKDAYS = (
    *("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
    *("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    *("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"),
)
LABELS = (
    *("تاريخ النشر", "نشر بتاريخ", "تم النشر في", "تم النشر", "نشر في", "آخر تحديث", "تاريخ الإضافة"),
    *("تحديث", "نشر", "تاريخ", "بتاريخ", "الموافق", "ميلادي", "ميلادية", "هـ", "م", "GMT", "UTC"),
    *("Published on", "Published", "Last updated", "Updated", "Posted on"),
)

# The readings, in the order they are tried: the first that reads wins, so a Gregorian date given beside a
# Hijri one (… هـ الموافق 10 اغسطس 2015 م) wins over it, and a named Gregorian date over a numeric one. The
# forms of a reading are read in one pass, the leftmost match first, and told apart afterwards by their shape
# (the month first or not, the year first or last, ISO's hyphen): a pass over the rows costs more than the
# regex's size.
READINGS: dict[str, tuple[str, ...]] = {
    "named": ("day_month_year", "month_day_year"),
    "numeric": ("iso", "numeric_dmy", "numeric_ymd"),
    "hijri": ("hijri_day_month_year", "hijri_numeric", "hijri_numeric_dmy"),
}
# Every form, in the order of its reading.
FORMS = tuple(form for forms in READINGS.values() for form in forms)


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
def _month_characters() -> dict[str, str]:
    """Each month spelling to the private-use character that stands for it, longest spelling first.

    A month's spellings take consecutive characters in a block of their own, so that a regex can name a
    month (or the months of one length) by a range of characters.
    """
    tokens: dict[str, str] = {}
    for calendar, base in (("gregorian", GREGORIAN_BASE), ("hijri", HIJRI_BASE)):
        table = _month_table(calendar)
        for month in range(1, 13):
            spellings = sorted(spelling for spelling, number in table.items() if number == month)
            assert len(spellings) <= MONTH_BLOCK, f"{calendar} month {month} has more spellings than its block"
            for i, spelling in enumerate(spellings):
                tokens[spelling] = chr(base + (month - 1) * MONTH_BLOCK + i)
    return dict(sorted(tokens.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def month_class(calendar: str, months: Iterable[int]) -> str:
    """A class of the private-use characters of the given months of a calendar."""
    base = GREGORIAN_BASE if calendar == "gregorian" else HIJRI_BASE
    first = [base + (month - 1) * MONTH_BLOCK for month in sorted(months)]
    return "[" + "".join(f"\\x{{{f:X}}}-\\x{{{f + MONTH_BLOCK - 1:X}}}" for f in first) + "]"


@cache
def reading_table(reading: str) -> dict[str, str]:
    """A reading's match, its month spellings to their characters and its digits to ASCII: the form it is read in.

    Each reading's table holds only the months it names (none for a numeric one): a smaller automaton, built
    for each batch of rows, and scanned faster.
    """
    digits = {d: str(i) for system in _DIGIT_SYSTEMS[1:] for i, d in enumerate(system)}
    calendar = {"named": "gregorian", "hijri": "hijri"}
    if reading not in calendar:
        return digits
    base = GREGORIAN_BASE if calendar[reading] == "gregorian" else HIJRI_BASE
    months = {spelling: c for spelling, c in _month_characters().items() if base <= ord(c) < base + 12 * MONTH_BLOCK}
    return months | digits


def _build_patterns(months: str, hijri_months: str) -> dict[str, str]:
    """The regex of each form, given the regex of a Gregorian and of a Hijri month name."""
    month = f"(?P<month>{months})"
    paired = rf"(?:\s*[/(]\s*(?P<month2>{months})\s*\)?)?"
    pre = f"(?P<pre>^|{_NOT_D})"
    # Not a Latin or Arabic letter or digit (a small class where \W would be a large one).
    not_word = "[^A-Za-z0-9\u0600-\u06ff]"
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
        # (the day and year apart: their digits run together are no date, and the split reads them apart)
        "month_day_year": rf"(?P<pre>^|{not_word})(?P<text>{month}\.?\s+{_DAY}(?:\s*[,،]\s*|\s+){_YEAR}" + tail,
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
def hijri_numeric_mask() -> str:
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


# A reading takes three regexes, so that the two run on every row need only Rust's DFA (capture groups
# made it fall back to slower engines, half of read_date's time):
# 1. its forms' patterns (above), one alternation with their groups made non-capturing, decide over the text
#    as written where the reading matches and what its match is (the same matches as with their groups);
# 2. a validity regex over that match as read (tasks/date_validity.py) decides whether the form reads;
# 3. for the winning match only, a split regex takes its numbers and parts (below).
# Readings are tried in READINGS order, each over the rows no earlier reading read.

# Neither a digit nor a month character: what lies between a date's day and its month name (in a match as
# read, where the validity and split regexes both run).
NEITHER = r"[^0-9\x{E000}-\x{EFFF}]"


# The split of a winning match, its digits folded to ASCII. Knowing the match, it needs no context: its
# fields are the runs of digits or month characters where the form puts them (nothing else in a match is
# one). A numeric or day-month-year match opens with the first branch: `a`, then a month (`b` digits, `m` or
# `n` a name's character); `a` is the year where it has four digits (only a numeric date's can), else the
# day. A month-day-year match opens with the second: `k` its month's character, `d` its day. `c` ends both.
# `pre` is the character the form reads before the date; `rest` is what follows the last field: a Gregorian
# date's time and zone, or a Hijri date's mark and the character read after it. One regex for every form,
# with one way through it (Rust's one-pass DFA: no field can run into the next), so that a split is one cheap
# pass and its fields need no merging across forms.
_TOKEN = r"[\x{E000}-\x{EFFF}]"
SPLIT = (
    rf"^(?P<pre>{NEITHER})?(?:"
    rf"(?P<a>[0-9]+)(?:(?P<m>{_TOKEN})[^0-9]*|{NEITHER}+(?:(?P<n>{_TOKEN})[^0-9]*|(?P<b>[0-9]+)[^0-9]+))"
    rf"|(?P<k>{_TOKEN}){NEITHER}*(?P<d>[0-9]{{1,2}})[^0-9]+)"
    r"(?P<c>[0-9]+)(?P<rest>(?:[^0-9](?s:.*))?)$"
)
# A Hijri date's mark never ends with a character that may follow a date: such a last character was read
# after the date.
END_CHAR = _END.removeprefix("(?:$|").removesuffix(")")


@cache
def match_patterns() -> dict[str, str]:
    """Each reading's regex, its forms' with their groups made non-capturing: found by the DFA alone."""
    return {
        reading: "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", patterns()[form]) + ")" for form in forms)
        for reading, forms in READINGS.items()
    }


# A Gregorian date's time and zone, as matched, is read in two steps: its words become ASCII placeholders
# (ص and م alone X and Y, the words for morning and evening am and pm, the Arabic zone B … W, − a hyphen),
# so that a regex with one way through (Rust's one-pass DFA, several times faster) can split it.
# Longest first: where two start at one place, the first listed is replaced.
TIME_WORDS = {
    **{"غرينيتش": "W", "صباحاً": "am", "بتوقيت": "B", "غرينتش": "W", "جرينتش": "W", "صباحا": "am"},
    **{"مساءً": "pm", "مساء": "pm", "ص": "X", "م": "Y", "−": "-"},
}
# What may follow ص/م: _END's characters, but for - and ( (which begin an offset or a zone; where one
# follows ص/م without beginning one, it ends the time, and the span is cut by the last character instead).
_AFTER = r"""[\s0-9.,،:;!?؟)\[\]«»"'–—|/]"""
# Valid by construction (it is the `rest` of a form's match), so the regex only takes it apart: what
# precedes the hour (م, a separator, at, الساعة, في, T) is anything but a digit or the start of a zone.
TIME_SPLIT = (
    r"^[^0-9GUB(]*"
    r"(?:(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?\s*"
    rf"(?:(?P<ampm>[apAP])\.?[mM]\.?\s*|(?P<ampm1>[XY])(?:{_AFTER}\s*)?)?"
    r"(?:(?P<offset>Z)\s*|(?P<offset_sign>[+\-])(?P<offset_hours>[0-9]{2}):?(?P<offset_mins>[0-9]{2})\s*)?)?"
    r"(?:\(?(?P<zone>[GUB])(?:MT|TC|\s+W)"
    r"(?:\s*(?P<zone_sign>[+\-])(?P<zone_digits>[0-9]{1,4})(?::(?P<zone_mins>[0-9]{2}))?)?)?"
)
