"""Property: a page rendered in the seed's template, with any fields, is read back field for field."""

import tempfile
from datetime import date
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.extract import read_sources
from tasks.transform import pages_to_articles

MONTHS = [
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
DISCLAIMER = "النص الذي يتضمن اسم الكاتب او الجهة او الوكالة، لايعبّر بالضرورة عن وجهة نظر المسلة."

letters = st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
word = st.text(letters, min_size=2, max_size=8)
sentence = st.lists(word, min_size=3, max_size=12).map(lambda ws: " ".join(ws) + ".")
paragraphs = st.lists(sentence, min_size=1, max_size=5)
city = st.sampled_from(["بغداد", "البصرة", "أربيل", "الموصل", "دمشق", "عمّان"])
person = st.sampled_from(["Admin", "moh moh", "سارة الربيعي", "علي الحسيني"])
credit = st.sampled_from(["متابعة – وكالات", "متابعة", "خاص"])


@st.composite
def articles(draw: st.DrawFn) -> dict[str, object]:
    return {
        "title": draw(st.lists(word, min_size=2, max_size=8).map(" ".join)),
        "date": draw(st.dates(min_value=date(1995, 1, 1), max_value=date(2026, 1, 1))),
        "levantine": draw(st.booleans()),
        "city": draw(city),
        "paragraphs": draw(paragraphs),
        "author": draw(person),
        "credit": draw(credit),
    }


def render_article(a: dict[str, object], main: bool, tags: list[str]) -> list[str]:
    day: date = a["date"]  # type: ignore[assignment]
    month = (LEVANTINE if a["levantine"] else MONTHS)[day.month - 1]
    body: list[str] = a["paragraphs"]  # type: ignore[assignment]
    lines = [str(a["title"])]
    if main:
        lines.append(f"تاريخ النشر: {day.day}th, {ENGLISH[day.month - 1]} {day.year} GMT")
    lines += [f"{day.day} {month}، {day.year}", f"{a['city']}/المسلة: {body[0]}", *body[1:]]
    lines += [f"المسلة – {a['credit']}", DISCLAIMER, f"About Post Author {a['author']}See author's posts"]
    if main:
        lines += ["المصدر: المسلة", "كلمات دلالية: " + "، ".join(tags)]
    return lines


@settings(max_examples=60, deadline=None)
@given(st.lists(articles(), min_size=1, max_size=4), st.lists(word, min_size=1, max_size=3), st.booleans())
def test_rendered_pages_read_back(page: list[dict[str, object]], tags: list[str], crlf: bool) -> None:
    lines = render_article(page[0], True, tags)
    if len(page) > 1:
        lines.append("إقرأ أيضاً:")
        for related in page[1:]:
            lines += render_article(related, False, [])
    text = "\n".join(lines)
    data = (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_bytes(data)
        out = pages_to_articles(read_sources([path], {}))
    assert out["position"].to_list() == list(range(len(page)))
    for row, a in zip(out.iter_rows(named=True), page, strict=True):
        assert row["title"] == a["title"]
        assert row["published_date"] == a["date"]
        assert (row["dateline"], row["outlet"], row["author"], row["credit"]) == (
            a["city"],
            "المسلة",
            a["author"],
            a["credit"],
        )
        assert row["body"] == "\n".join(a["paragraphs"])  # type: ignore[arg-type]
        assert text[row["char_start"] : row["char_end"]].startswith(str(a["title"]))
    assert out["keywords"][0].to_list() == tags
    assert out.filter(pl.col("position") > 0)["keywords"].list.len().sum() == 0
