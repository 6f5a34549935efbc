"""Splitting pages into articles, and sorting their lines into title, dates, body and footer."""

import polars as pl
from polars.testing import assert_frame_equal

from tasks.segment import ARTICLE_PARTS, split_articles, split_lines

PAGE = "\n".join(
    [
        "عنوان الخبر الأول",
        "تاريخ النشر: 14th, March 2024 GMT",
        "14 مارس، 2024",
        "بغداد/المسلة: الفقرة الأولى.",
        "",
        "الفقرة الثانية.",
        "المسلة – متابعة",
        "النص الذي يتضمن اسم الكاتب او الجهة او الوكالة، لايعبّر بالضرورة عن وجهة نظر المسلة.",
        "About Post Author AdminSee author's posts",
        "المصدر: المسلة",
        "كلمات دلالية: العراق، بغداد",
        "إقرأ أيضاً:",
        "عنوان الخبر الثاني",
        "3 آذار، 2024",
        "البصرة/المسلة: فقرة.",
        "About Post Author moh mohSee author's posts",
        "عنوان الخبر الثالث",
        "٥ كانون الثاني، ٢٠٢٤",
        "أربيل/المسلة: فقرة ثالثة.",
    ]
)


def sources(*texts: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "source_path": [f"/in/{i}.txt" for i in range(len(texts))],
            "source_sha256": [f"h{i}" for i in range(len(texts))],
            "text": list(texts),
        }
    )


def test_split_lines_knows_where_each_line_starts() -> None:
    lines = split_lines(sources("أ\r\nب\n\nجـ"))
    assert lines.select("line_no", "start", "length").rows() == [(0, 0, 2), (1, 3, 1), (2, 5, 0), (3, 6, 2)]


def test_a_page_splits_into_main_and_related_articles_with_their_parts() -> None:
    expected = pl.DataFrame(
        {
            "source_path": ["/in/0.txt"] * 3,
            "source_sha256": ["h0"] * 3,
            "position": [0, 1, 2],
            "char_start": [0, PAGE.index("عنوان الخبر الثاني"), PAGE.index("عنوان الخبر الثالث")],
            "char_end": [
                PAGE.index("\nإقرأ أيضاً:"),
                PAGE.index("\nعنوان الخبر الثالث"),
                len(PAGE),
            ],
            "title": ["عنوان الخبر الأول", "عنوان الخبر الثاني", "عنوان الخبر الثالث"],
            "header_date_text": ["14th, March 2024 GMT", None, None],
            "date_line_text": ["14 مارس، 2024", "3 آذار، 2024", "٥ كانون الثاني، ٢٠٢٤"],
            "body_lines": [
                ["بغداد/المسلة: الفقرة الأولى.", "الفقرة الثانية."],
                ["البصرة/المسلة: فقرة."],
                ["أربيل/المسلة: فقرة ثالثة."],
            ],
            "credit_outlet": ["المسلة", None, None],
            "credit_text": ["متابعة", None, None],
            "author_text": ["Admin", "moh moh", None],
            "source_text": ["المسلة", None, None],
            "tags_text": ["العراق، بغداد", None, None],
            "url": [None, None, None],
        },
        schema=ARTICLE_PARTS,
    )
    assert_frame_equal(split_articles(sources(PAGE)), expected)


def test_a_page_with_no_related_marker_is_one_article() -> None:
    page = "عنوان\n26 يوليو، 2024\nنص الخبر.\nسطر آخر."
    parts = split_articles(sources(page))
    assert parts.select("position", "title", "body_lines").rows() == [(0, "عنوان", ["نص الخبر.", "سطر آخر."])]


def test_pages_are_split_independently() -> None:
    parts = split_articles(sources(PAGE, "عنوان وحيد\nنص."))
    assert parts.select("source_path", "position").rows() == [
        ("/in/0.txt", 0),
        ("/in/0.txt", 1),
        ("/in/0.txt", 2),
        ("/in/1.txt", 0),
    ]


def test_char_offsets_cut_the_article_out_of_the_source() -> None:
    parts = split_articles(sources(PAGE))
    for start, end, title in parts.select("char_start", "char_end", "title").rows():
        assert PAGE[start:end].startswith(title)
    assert PAGE[parts["char_start"][1] : parts["char_end"][1]].endswith("About Post Author moh mohSee author's posts")
