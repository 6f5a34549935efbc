"""Datelines, credits and bylines in every shape the SaudiNewsNet crawls show (real strings)."""

import polars as pl
import pytest

from tasks.bylines import looks_like_byline, read_bylines

SHAPES = [
    # (byline as crawled, dateline, author, credit)
    ("جدة - واس:", "جدة", None, "واس"),
    ("واس - جدة", "جدة", None, "واس"),
    ("برلين - واس", "برلين", None, "واس"),
    ("واس (جدة)", "جدة", None, "واس"),
    ("الرياض :الألمانية", "الرياض", None, "الألمانية"),
    ("أبها: سعيد آل ميلس", "أبها", "سعيد آل ميلس", None),
    ("منصور الشهري (الرياض)", "الرياض", "منصور الشهري", None),
    ("الجوف – الوئام - عبد الله النعيم:", "الجوف", "عبد الله النعيم", "الوئام"),
    ("فهد العتيبي- سبق:", None, "فهد العتيبي", "سبق"),
    ("عين اليوم – جدة", "جدة", None, "عين اليوم"),
    ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "بريدة", None, "واس"),
    # Shapes found in the data beyond the list.
    ("أبهــا 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", "أبها", None, "واس"),
    ("«الاقتصادية» من الرياض", "الرياض", None, "الاقتصادية"),
    ("الرياض: «الشرق الأوسط»", "الرياض", None, "الشرق الأوسط"),
    ("دبي - روما (د ب أ):", "دبي", None, "د ب أ"),
    ("لندن - د ب أ", "لندن", None, "د ب أ"),
    ("برشلونة ـ الفرنسية:", "برشلونة", None, "الفرنسية"),
    ("الرياض-الوئام:", "الرياض", None, "الوئام"),
    ("الوئام - أ ف ب :", None, None, "أ ف ب"),
    ("لجين الأحمدي – عين اليوم", None, "لجين الأحمدي", "عين اليوم"),
    ("المدينة - جدة", "جدة", None, "المدينة"),
    ("عادل التركي - الرياض", "الرياض", "عادل التركي", None),
    ("ياسر العتيبي- سبق- الباحة:", "الباحة", "ياسر العتيبي", "سبق"),
    ("ثامر قمقوم (عرعر، بغداد - هاتفيا)", "عرعر", "ثامر قمقوم", None),
    ("حائل - عبيدالله عبيد", "حائل", "عبيدالله عبيد", None),
    ("الدمام: علي القطان", "الدمام", "علي القطان", None),
    ("د.صلاح بن فهد الشلهوب", None, "صلاح بن فهد الشلهوب", None),
    ("قراءة: أيمن عابد", None, "أيمن عابد", None),
    ("\xa0عادل الماس (جدة)", "جدة", "عادل الماس", None),
]


@pytest.mark.parametrize(("text", "dateline", "author", "credit"), SHAPES, ids=[s[0] for s in SHAPES])
def test_each_byline_shape(text: str, dateline: str | None, author: str | None, credit: str | None) -> None:
    frame = pl.DataFrame({"b": [text]})
    found = read_bylines(frame, "b").struct.unnest().row(0, named=True)
    assert (found["dateline"], found["author"], found["credit"]) == (dateline, author, credit)


def test_many_bylines_in_one_column_keep_their_rows() -> None:
    frame = pl.DataFrame({"b": ["جدة - واس:", "", None, "منصور الشهري (الرياض)"]})
    found = read_bylines(frame, "b").struct.unnest()
    assert found.select("dateline", "author", "credit").rows() == [
        ("جدة", None, "واس"),
        (None, None, None),
        (None, None, None),
        ("الرياض", "منصور الشهري", None),
    ]
    assert found["known"].to_list() == [2, 0, 0, 1]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("عين اليوم – جدة", True),
        ("مكة المكرمة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", True),
        ("أغلق مفتشو الهيئة العامة للغذاء والدواء 3 محلات. وقال المتحدث إن الإغلاق مؤقت", False),
        ("قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بعد توقف دام أشهرا", False),
    ],
)
def test_a_byline_line_is_told_from_article_text(line: str, byline: bool) -> None:
    assert pl.select(looks_like_byline(pl.lit(line))).item() is byline
