"""akhbar's date column against dateparser, on the same deterministic strings, in one run."""

import random
import statistics
import time
import warnings
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import dateparser
import polars as pl

from tasks.dates import read_date

N_AKHBAR = 1_000_000
N_DATEPARSER = 3_000  # dateparser takes about a millisecond a string: a sample, extrapolated per string
# Rounds, each timing akhbar's column and then both dateparser readers, one after the other: this shared
# machine's speed drifts by a fifth within minutes, so both sides are timed in every round and each side's
# median of the rounds is taken (two runs timed minutes apart once gave 878x and 973x).
ROUNDS = 5
SEED = 20240726
T = TypeVar("T")

EGYPTIAN = [
    *("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"),
    *("يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
]
LEVANTINE = [
    *("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"),
    *("تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
]
MAGHREBI = [
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
DIGITS = ("0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def _render(rng: random.Random, form: str) -> tuple[str, date]:
    """One real-looking date string of a form, and the date it writes."""
    from hijridate import Gregorian  # only here: the oracle for the Hijri forms

    day = date.fromordinal(rng.randint(date(2000, 1, 1).toordinal(), date(2030, 12, 31).toordinal()))
    # ASCII digits half the time, as most pages write them; the other two systems share the rest.
    digits = DIGITS[0] if rng.random() < 0.5 else rng.choice(DIGITS[1:])

    def n(value: int, width: int = 1) -> str:
        return "".join(digits[int(c)] for c in str(value).zfill(width))

    d, m, y = day.day, day.month, day.year
    hijri = Gregorian(y, m, d).to_hijri()
    text = {
        "egyptian": f"{n(d)} {EGYPTIAN[m - 1]}، {n(y)}",
        "levantine": f"{n(d)} {LEVANTINE[m - 1]} {n(y)}",
        "paired": f"{n(d)} {LEVANTINE[m - 1]}/{EGYPTIAN[m - 1]} {n(y)}",
        "maghrebi": f"{n(d)} {MAGHREBI[m - 1]} {n(y)}",
        "moroccan": f"{n(d)} {MOROCCAN[m - 1]} {n(y)}",
        "weekday_time": f"{WEEKDAYS[day.weekday()]} {n(d)} {EGYPTIAN[m - 1]} {n(y)} - {n(11)}:{n(44)} م",
        "label": f"تاريخ النشر: {n(d)} {EGYPTIAN[m - 1]} {n(y)}",
        "english_header": f"{d}th, {ENGLISH[m - 1]} {y} GMT",
        "english_us": f"{ENGLISH[m - 1]} {d}, {y}",
        "english_time": f"{d} {ENGLISH[m - 1][:3]} {y} 11:44 AM",
        "iso": f"{y}-{m:02d}-{d:02d}T08:30:00+03:00",
        "numeric_dmy": f"{n(d, 2)}/{n(m, 2)}/{n(y)}",
        "numeric_ymd": f"{n(y)}/{n(m, 2)}/{n(d, 2)}",
        "hijri": f"{n(hijri.day)} {HIJRI[hijri.month - 1]} {n(hijri.year)} هـ",
        "hijri_numeric": f"{n(hijri.year)}/{n(hijri.month)}/{n(hijri.day)}هـ",
    }[form]
    return text, day


FORMS = (
    *("egyptian", "levantine", "paired", "maghrebi", "moroccan", "weekday_time", "label"),
    *("english_header", "english_us", "english_time", "iso", "numeric_dmy", "numeric_ymd"),
    *("hijri", "hijri_numeric"),
)


def strings(count: int) -> pl.DataFrame:
    """`count` date strings, every form in turn, with the date each writes (deterministic)."""
    rng = random.Random(SEED)
    # 20,000 distinct strings repeated: rendering 1,000,000 in Python would time Python, not the readers.
    distinct = [(form, *_render(rng, form)) for i in range(20_000) for form in [FORMS[i % len(FORMS)]]]
    rows = [distinct[i % len(distinct)] for i in range(count)]
    return pl.DataFrame(rows, schema={"form": pl.String, "text": pl.String, "gold": pl.Date}, orient="row")


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    """What work returns, and the seconds it took."""
    start = time.perf_counter()
    out = work()
    return out, time.perf_counter() - start


def _dateparser(frame: pl.DataFrame, parse: Callable[[str], object]) -> Callable[[], list[date | None]]:
    """Each string through one dateparser call: the dates read."""

    def dates() -> list[date | None]:
        return [read.date() if (read := parse(text)) is not None else None for text in frame["text"]]  # type: ignore[attr-defined]

    return dates


def run() -> str:
    """The markdown section: strings per second and dates read right, per reader and per form."""
    warnings.simplefilter("ignore")  # dateparser's own deprecation warnings
    frame = strings(N_AKHBAR)
    read_date(pl.lit("1 يناير 2024"))  # build the month tables outside the timing
    pl.DataFrame({"t": ["1 يناير 2024"]}).select(read_date(pl.col("t")))
    column = frame.lazy().select(read_date(pl.col("text")).struct.field("date"))
    sample = frame.head(N_DATEPARSER)  # the forms cycle, so the sample holds them all equally
    for text in sample["text"].head(50):  # load dateparser's language data outside the timing
        dateparser.parse(text, languages=["ar", "en"])
        dateparser.parse(text, locales=["ar-IQ", "en"])
    plain_reader = _dateparser(sample, lambda s: dateparser.parse(s, languages=["ar", "en"]))
    regional_reader = _dateparser(sample, lambda s: dateparser.parse(s, locales=["ar-IQ", "en"]))
    timings: dict[str, list[float]] = {"akhbar": [], "plain": [], "regional": []}
    for _ in range(ROUNDS):
        akhbar, took = _timed(lambda: column.collect(engine="streaming"))
        timings["akhbar"].append(took)
        plain, took = _timed(plain_reader)
        timings["plain"].append(took)
        regional, took = _timed(regional_reader)
        timings["regional"].append(took)
    akhbar_seconds, plain_seconds, regional_seconds = (statistics.median(timings[n]) for n in timings)
    frame = frame.with_columns(akhbar=akhbar["date"])
    sample = frame.head(N_DATEPARSER).with_columns(
        plain=pl.Series(plain, dtype=pl.Date), regional=pl.Series(regional, dtype=pl.Date)
    )
    # Each round's speed-up: how far the machine's drift moves it.
    ratios = [(N_AKHBAR / a) / (N_DATEPARSER / p) for a, p in zip(timings["akhbar"], timings["plain"], strict=True)]

    def right(column: str, of: pl.DataFrame) -> int:
        return of.filter(pl.col(column) == pl.col("gold")).height

    akhbar_rate = N_AKHBAR / akhbar_seconds
    rows = [
        ("akhbar `read_date` (streaming engine)", N_AKHBAR, right("akhbar", frame), akhbar_seconds),
        ("akhbar, same sample", N_DATEPARSER, right("akhbar", sample), None),
        ("dateparser `languages=['ar','en']`", N_DATEPARSER, right("plain", sample), plain_seconds),
        ("dateparser `locales=['ar-IQ','en']`", N_DATEPARSER, right("regional", sample), regional_seconds),
    ]
    lines = [
        "## Dates: akhbar's date column vs dateparser",
        "",
        f"The same deterministic strings ({len(FORMS)} forms in turn, ASCII digits half the time and Arabic-Indic "
        f"or Eastern Arabic-Indic the rest; 20,000 distinct strings repeated). akhbar reads {N_AKHBAR:,} of "
        f"them as one Polars column, on the machine's {pl.thread_pool_size()} threads; dateparser, a Python call "
        f"per string on one core, reads the first {N_DATEPARSER:,} "
        "(it is too slow for the million: its rate is per string, and extrapolates linearly). "
        f"In each of {ROUNDS} rounds akhbar's column and both dateparser readers are timed one after the other; "
        "the seconds shown are each reader's median over the rounds. Each round's speed-up over dateparser "
        f"`ar,en` ran from {min(ratios):,.0f}× to {max(ratios):,.0f}× (akhbar's column took "
        f"{min(timings['akhbar']):.2f} s to {max(timings['akhbar']):.2f} s). "
        "`read right` = the date the string writes.",
        "",
        "| reader | strings | read right | seconds | strings/s | akhbar's speed over it |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, count, ok, seconds in rows:
        rate = f"{count / seconds:,.0f}" if seconds else "–"
        ratio = f"{akhbar_rate / (count / seconds):,.0f}×" if seconds and "dateparser" in name else "–"
        shown = f"{seconds:.2f}" if seconds else "–"
        lines.append(f"| {name} | {count:,} | {ok:,} ({ok / count:.1%}) | {shown} | {rate} | {ratio} |")
    by_form = (
        sample.group_by("form", maintain_order=True)
        .agg(
            n=pl.len(),
            akhbar=(pl.col("akhbar") == pl.col("gold")).sum(),
            plain=(pl.col("plain") == pl.col("gold")).sum(),
            regional=(pl.col("regional") == pl.col("gold")).sum(),
            example=pl.col("text").first(),
        )
        .sort("form")
    )
    lines += [
        "",
        "Read right by form, on the sample:",
        "",
        "| form | example | n | akhbar | dateparser ar,en | dateparser ar-IQ,en |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in by_form.iter_rows(named=True):
        lines.append(f"| {r['form']} | {r['example']} | {r['n']} | {r['akhbar']} | {r['plain']} | {r['regional']} |")
    only_dateparser = sample.filter(
        ((pl.col("plain") == pl.col("gold")) | (pl.col("regional") == pl.col("gold")))
        & (pl.col("akhbar") != pl.col("gold")).fill_null(True)
    )
    lines += ["", f"Strings dateparser reads right and akhbar does not: {only_dateparser.height}.", ""]
    return "\n".join(lines)
