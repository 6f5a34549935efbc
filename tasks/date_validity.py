"""Whether a date's match, as read, is a real date: regexes that spell out the valid numbers.

Over a match as read (month names as characters, digits ASCII), a reading's validity regex decides whether
it reads: the year, month and day in range and the day in its month (Umm al-Qura's for Hijri), a paired
month the same, no Hijri mark after a Gregorian date. The valid numbers are spelt out, so that no number is
parsed for a form that does not win.
"""

from collections.abc import Iterable
from functools import cache

from tasks.date_patterns import NEITHER, hijri_month_starts, month_class

_NON_DIGIT = "[^0-9]"
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
def validity_patterns() -> dict[str, str]:
    """Each reading's validity regex over its whole match (as written, month names as characters)."""
    nd, neither, tail = _NON_DIGIT, NEITHER, _GREGORIAN_TAIL
    gregorian, hijri = _gregorian_cases(), _hijri_cases()

    def dmy(cases: list[tuple[str, int, str]], sep: str) -> str:
        return "|".join(f"{d}{sep}{_months([m])}{sep}{y}" for d, m, y in cases)

    def ymd(cases: list[tuple[str, int, str]], sep: str) -> str:
        return "|".join(f"{y}{sep}{_months([m])}{sep}{d}" for d, m, y in cases)

    def named(cases: list[tuple[str, int, str]], calendar: str, order: str) -> str:
        out = []
        for d, m, y in cases:
            name = month_class(calendar, [m])
            if order == "mdy":
                out.append(f"{name}{neither}*{d}{nd}*{y}")
            elif calendar == "gregorian":
                # A paired name (تموز/يوليو) must name the same month.
                out.append(f"{d}{neither}*{name}{neither}*(?:{name}{nd}*)?{y}")
            else:
                out.append(f"{d}{neither}*{name}{nd}*{y}")
        return "|".join(out)

    # The character before a month-day-year date's month may be anything not a letter or a digit, a month
    # character among them. A Hijri year is followed by its mark or by a character that is no digit (a year is
    # four digits); a numeric Hijri date's day by its mark.
    return {
        "named": (
            rf"^(?:{nd}?(?:{named(gregorian, 'gregorian', 'dmy')})"
            rf"|(?s:.)?(?:{named(gregorian, 'gregorian', 'mdy')})){tail}"
        ),
        # ISO's hyphens are a separator like any other here: the match was ISO's or another numeric form's.
        "numeric": rf"^{nd}?(?:{dmy(gregorian, nd + '+')}|{ymd(gregorian, nd + '+')}){tail}",
        "hijri": (
            rf"^{nd}?(?:(?:{named(hijri, 'hijri', 'dmy')})(?:{nd}(?s:.*))?"
            rf"|(?:(?:{ymd(hijri, nd + '+')}){nd}|{dmy(hijri, nd + '+')})(?s:.*))$"
        ),
    }
