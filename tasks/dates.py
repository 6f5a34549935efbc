"""Read the dates Arabic news writes, as Polars expressions over whole columns of strings.

How it stays at column speed: the forms are read in three passes (named Gregorian, numeric Gregorian,
Hijri), each one regex over the text as written that finds the pass's leftmost match, once per row and by
Rust's DFA alone; the match alone is then put in the form it is read in, in one Aho–Corasick pass (its month
name, among about 200 spellings, one private-use character; its digits ASCII), where small regexes check it
and take it apart, and its shape tells which form it is. The span as written is the match itself, so
nothing is written back. Hijri dates are read with two lookups in a table of month starts built once from
hijridate.
"""

from functools import cache

import polars as pl

from tasks.date_patterns import (
    END_CHAR,
    FORMS,
    GREGORIAN_BASE,
    HIJRI_BASE,
    LABELS,
    MONTH_BLOCK,
    READINGS,
    SPLIT,
    TIME_SPLIT,
    TIME_WORDS,
    WEEKDAYS,
    hijri_month_starts,
    hijri_numeric_mask,
    match_patterns,
    patterns,
    reading_table,
)
from tasks.date_validity import validity_patterns
from tasks.normalize import fold_for_matching, fold_string

# The fields the winning form passes on.
DATE_STRUCT = pl.Struct(
    {
        "date": pl.Date(),
        "form": pl.String(),
        "text": pl.String(),  # the span read, as written (with its time and zone where read)
        "time": pl.Time(),
        "utc_offset": pl.Int16(),  # minutes east of UTC, where the text gives a zone or an offset
    }
)


def _as_read(match: pl.Expr, form: str) -> pl.Expr:
    """A form's matches with their month names as characters and their digits ASCII: leftmost, then longest."""
    return match.str.replace_many(reading_table(form), leftmost=True)


def _days_from_civil(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil)."""
    y = year - (month <= 2).cast(pl.Int32)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + pl.when(month > 2).then(-3).otherwise(9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _tz(name: str) -> pl.Expr:
    """A group of the time and zone after the winning date (the `tz` field)."""
    return pl.field("tz").struct.field(name)


def _tz_int(name: str) -> pl.Expr:
    """A number in the time and zone after the winning date."""
    return _tz(name).cast(pl.Int32, strict=False)


def _time_stages() -> list[dict[str, pl.Expr]]:
    """The time of day and the UTC offset from the time-and-zone groups, null where impossible.

    In two stages, each field computed once and read by the next stage: an expression used twice in one
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
        # An offset after the time, else the zone's.
        "offset": pl.coalesce(
            pl.when(_tz("offset").is_not_null())
            .then(0)
            .otherwise(sign["offset_sign"] * (_tz_int("offset_hours") * 60 + _tz_int("offset_mins"))),
            pl.when(_tz("zone").is_not_null()).then(
                (
                    sign["zone_sign"]
                    * pl.when(whole_hours)
                    .then(digits * 60 + _tz_int("zone_mins").fill_null(0))
                    .otherwise(digits // 100 * 60 + digits % 100)
                ).fill_null(0)
            ),
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
    valid = pl.when(pl.field("twelve")).then(hour.is_between(1, 12)).otherwise(hour <= 23)
    valid = valid & (minute <= 59) & (second <= 59)
    pm, am = pl.field("pm"), pl.field("am")
    hour24 = pl.when(pm & (hour < 12)).then(hour + 12).when(am & (hour == 12)).then(0).otherwise(hour)
    nanos = ((hour24 * 60 + minute) * 60 + second).cast(pl.Int64) * 1_000_000_000
    offset = pl.field("offset")
    final = {
        "time": pl.when(valid).then(nanos).cast(pl.Time),
        "utc_offset": pl.when(offset.abs() <= 14 * 60).then(offset).cast(pl.Int16),
        "text": pl.field("text").str.slice(pl.field("pre"), pl.field("keep") - pl.field("cut")),
    }
    return [parsed, final]


def read_date(text: pl.Expr) -> pl.Expr:
    """The first date a string gives in the first reading that reads, with its form, span, time and offset.

    A struct of DATE_STRUCT's fields, all null where no form reads.
    """
    # One struct carried through every stage, so that each expression is evaluated once per row. It is kept
    # shallow and narrow: Polars resolves a nested struct's fields at a cost that grows steeply with the
    # nesting and the number of fields (pola-rs/polars#22735), ~55 ms a query at 42 levels and 45 fields.
    # So the fields of the reading under way are overwritten by the next one's, and a reading's read is taken
    # into the winner in the next one's first stage. Each reading costs a regex pass and two merges of string
    # columns (~10 ms a million rows each), which is why the forms are read in three readings, not eight.
    state = pl.struct(text=text)
    taken: dict[str, pl.Expr] = {}
    for i, reading in enumerate(READINGS):
        # A reading searches only the rows no earlier one has read, where it can match; the rest are null.
        # Until the last reading's read is taken, in this one's first stage, its rows are unread by `winner`.
        unread = ~pl.field("read") if i else pl.lit(True)
        if i > 1:
            unread = pl.field("winner").is_null() & unread
        # Tests are str.find, not str.contains: find skips null rows, contains reads the values under them.
        if reading == "numeric":
            # Every numeric form needs a separator; a numeric Hijri date, which must not be read as a Gregorian
            # one, also a mark (each spelling has ه or ھ).
            sep = pl.when(unread).then(pl.field("text")).str.find(r"[/.\-]")
            state, taken = state.struct.with_fields(separator=sep.is_not_null(), **taken), {}
            unread = pl.field("winner").is_null() & pl.field("separator")
            mark = pl.when(unread).then(pl.field("text")).str.find("[هھ]")
            state = state.struct.with_fields(hijri_mark=mark.is_not_null())
            # Numeric Hijri dates are blanked before the numeric Gregorian forms are read. replace_all reads
            # the values under nulls too: the rows that cannot hold one are blanked first.
            may_hold, written = pl.field("hijri_mark"), pl.field("text")
            masked = pl.when(may_hold).then(written).otherwise(pl.lit("")).str.replace_all(hijri_numeric_mask(), " ")
            state = state.struct.with_fields(masked=pl.when(may_hold).then(masked).otherwise(written))
        source = pl.field("masked" if reading == "numeric" else "text")
        found = pl.when(unread).then(source).str.extract(match_patterns()[reading], 0)
        state = state.struct.with_fields(found=found, **taken)
        state = state.struct.with_fields(read_as=_as_read(pl.field("found"), reading))
        state = state.struct.with_fields(read=pl.field("read_as").str.find(validity_patterns()[reading]).is_not_null())
        # The winner's match, as written and as read, and its reading's index.
        won = {"winner": pl.lit(i, pl.UInt8), "match": pl.field("found"), "folded": pl.field("read_as")}
        taken = {
            name: pl.coalesce(pl.field(name), pl.when(pl.field("read")).then(value))
            if i
            else pl.when(pl.field("read")).then(value)
            for name, value in won.items()
        }
    state = state.struct.with_fields(**taken)

    # The winner's match is split once (null rows are skipped). It is not unnested: struct.unnest() takes each
    # field with a copy of the whole expression, which would run the split once per field.
    readings = list(READINGS)
    winner = pl.field("winner")
    state = state.struct.with_fields(
        split=pl.field("folded").str.extract_groups(SPLIT), hijri=winner == readings.index("hijri")
    )
    hijri, part = pl.field("hijri"), pl.field("split").struct.field
    # A numeric date is one with no month name.
    numeric = pl.all_horizontal([part(name).is_null() for name in ("m", "n", "k")])
    # A month name's character is in its month's block: the month is read off its UTF-8 bytes (EE, then 6
    # bits each), cheaper than looking each character up.
    name = pl.coalesce(part("m"), part("n"), part("k")).cast(pl.Binary)
    second, third = name.bin.get(1, null_on_oob=True).cast(pl.Int32), name.bin.get(2, null_on_oob=True).cast(pl.Int32)
    in_block = (second % 64) * 64 + third % 64
    # The fields as numbers, each cast once (strings merged or chosen between cost more than numbers).
    state = state.struct.with_fields(
        a=part("a").cast(pl.Int32, strict=False),
        c=part("c").cast(pl.Int32, strict=False),
        # Only a numeric date's `a` can be a year: its four digits.
        year_first=(numeric & (part("a").str.len_bytes() == 4)).fill_null(False),
        month=pl.coalesce(
            part("b").cast(pl.Int32, strict=False), in_block % (HIJRI_BASE - GREGORIAN_BASE) // MONTH_BLOCK + 1
        ),
        # Whether a character was read before the date (a group that took no part is null).
        pre=part("pre").is_not_null().cast(pl.Int64),
        rest=part("rest"),
    )
    a, c, rest, year_first = pl.field("a"), pl.field("c"), pl.field("rest"), pl.field("year_first")
    # A Hijri date's last character read may be the one after it.
    end = pl.when(hijri).then(rest).str.find(f"{END_CHAR}$").is_not_null()
    # The form read, told apart within its reading by its shape: ISO writes a hyphen after its year.
    iso = pl.when(year_first).then(pl.field("folded")).str.slice(pl.field("pre") + 4, 1) == "-"
    form = (
        pl.when(winner == readings.index("named"))
        .then(pl.when(part("k").is_null()).then(FORMS.index("day_month_year")).otherwise(FORMS.index("month_day_year")))
        .when(winner == readings.index("numeric"))
        .then(
            pl.when(year_first)
            .then(pl.when(iso).then(FORMS.index("iso")).otherwise(FORMS.index("numeric_ymd")))
            .otherwise(FORMS.index("numeric_dmy"))
        )
        .when(hijri)
        .then(
            pl.when(~numeric)
            .then(FORMS.index("hijri_day_month_year"))
            .when(year_first)
            .then(FORMS.index("hijri_numeric"))
            .otherwise(FORMS.index("hijri_numeric_dmy"))
        )
    )
    state = state.struct.with_fields(
        year=pl.when(year_first).then(a).otherwise(c),
        day=pl.coalesce(pl.when(year_first).then(c).otherwise(a), part("d").cast(pl.Int32, strict=False)),
        end=end.cast(pl.Int32),
        form=form.cast(pl.UInt8),
        # A Gregorian date's time and zone, its words as placeholders (null where there is none).
        time_text=pl.when(~hijri & (rest.str.len_bytes() > 0)).then(rest).str.replace_many(TIME_WORDS, leftmost=True),
    )
    year, month, day = pl.field("year"), pl.field("month"), pl.field("day")
    starts, _ = hijri_month_starts()
    hijri_date = pl.when(hijri).then(year * 100 + month).replace_strict(starts, default=None, return_dtype=pl.Int32)
    pre = pl.field("pre")
    read: dict[str, pl.Expr] = {
        "date": pl.when(hijri).then(hijri_date + day - 1).otherwise(_days_from_civil(year, month, day)).cast(pl.Date),
        "form": pl.lit(pl.Series(FORMS)).gather(pl.field("form")),
        # The span as written is the match without the character before the date (and after a Hijri one, or
        # after ص/م): `keep` characters from `pre`, cut in the last stage.
        "text": pl.field("match"),
        "pre": pre,
        "keep": pl.field("match").str.len_chars() - pre - pl.field("end"),
        "time_text": pl.field("time_text"),
        # The time is parsed once per row: for the form that won only (null is no time).
        "tz": pl.field("time_text").str.extract_groups(TIME_SPLIT),
    }
    winner = state.struct.with_fields(winner=pl.struct([e.alias(k) for k, e in read.items()])).struct.field("winner")
    for stage in _time_stages():
        winner = winner.struct.with_fields(**stage)
    return winner.cast(DATE_STRUCT)


def is_date_only(text: pl.Expr) -> pl.Expr:
    """True where a line is a date and nothing else (a weekday, a label, a trailing م or هـ aside)."""
    leftover = text
    for form in FORMS:
        leftover = leftover.str.replace(patterns()[form], "${pre} ")
    leftover = fold_for_matching(leftover).str.replace_all(_decoration(), "")
    return read_date(text).struct.field("date").is_not_null() & (leftover.str.len_chars() == 0)


@cache
def _decoration() -> str:
    """A regex of what may stand beside a date on a line of its own: weekdays, labels, separators (folded).

    Built once: folding its words one by one takes a Polars call each, 25 ms in all, paid by every batch.
    """
    words = sorted({fold_string(w) for w in (*WEEKDAYS, *LABELS)}, key=lambda w: (-len(w), w))
    decoration = "|".join(w.replace(" ", r"\s+") for w in words)
    # Decoration words are removed wherever they are: a line left with only parts of them is still no text.
    return rf"(?i:{decoration})|[\s,،.:\-–—|/()]"
