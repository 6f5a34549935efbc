"""Fields read from an article's page parts: dateline, outlet, credit, author, tags, body and date."""

from datetime import date

import polars as pl
from polars.testing import assert_frame_equal

from tasks.fields import read_fields, split_keywords
from tasks.segment import ARTICLE_PARTS


def parts(**overrides: object) -> pl.DataFrame:
    row: dict[str, object] = {
        "source_path": "/in/a.txt",
        "source_sha256": "h",
        "position": 0,
        "char_start": 0,
        "char_end": 10,
        "title": "عنوان",
        "header_date_text": None,
        "date_line_text": None,
        "body_lines": ["بغداد/المسلة: فقرة أولى ،  فيها كلمات.", "فقرة ثانية."],
        "credit_outlet": None,
        "credit_text": None,
        "author_text": None,
        "source_text": None,
        "tags_text": None,
        "url": None,
    }
    row.update(overrides)
    return pl.DataFrame([row], schema=ARTICLE_PARTS)


FIELDS = ["dateline", "outlet", "body", "word_count", "published_date", "date_text", "date_source"]


def test_dateline_prefix_gives_city_and_outlet_and_leaves_the_body() -> None:
    out = read_fields(parts(date_line_text="26 يوليو، 2024")).select(FIELDS)
    expected = pl.DataFrame(
        {
            "dateline": ["بغداد"],
            "outlet": ["المسلة"],
            "body": ["فقرة أولى ،  فيها كلمات.\nفقرة ثانية."],
            "word_count": [6],
            "published_date": [date(2024, 7, 26)],
            "date_text": ["26 يوليو، 2024"],
            "date_source": ["page"],
        },
        schema_overrides={"word_count": pl.Int32},
    )
    assert_frame_equal(out, expected)


def test_date_line_wins_over_header_and_header_over_body() -> None:
    both = read_fields(parts(date_line_text="20 ديسمبر، 2024", header_date_text="26th, July 2024 GMT"))
    header = read_fields(parts(header_date_text="26th, July 2024 GMT"))
    body = read_fields(parts(body_lines=["البصرة/المسلة: أعلنت الشرطة في 3 آذار 2024 أنها ضبطت شحنة."]))
    none = read_fields(parts())
    rows = [f.select("published_date", "date_text", "date_source").row(0) for f in (both, header, body, none)]
    assert rows == [
        (date(2024, 12, 20), "20 ديسمبر، 2024", "page"),
        (date(2024, 7, 26), "26th, July 2024 GMT", "page"),
        (date(2024, 3, 3), "3 آذار 2024", "body"),
        (None, None, None),
    ]


def test_outlet_falls_back_to_credit_then_source_line() -> None:
    no_prefix = ["فقرة بلا مكان."]
    credit = read_fields(parts(body_lines=no_prefix, credit_outlet="المسلة", source_text="غيرها"))
    source = read_fields(parts(body_lines=no_prefix, source_text="المسلة"))
    assert [credit["outlet"].item(), source["outlet"].item(), credit["dateline"].item()] == [
        "المسلة",
        "المسلة",
        None,
    ]


def test_author_and_credit_are_trimmed_and_empty_means_unknown() -> None:
    out = read_fields(parts(author_text=" moh moh ", credit_text="متابعة – وكالات", title=""))
    assert out.select("author", "credit", "title").row(0) == ("moh moh", "متابعة – وكالات", None)


def test_keywords_split_on_arabic_and_latin_commas() -> None:
    tags = pl.DataFrame({"t": ["داعش،كركوك ، الأنبار", "a, b,,c", "", None]})
    assert tags.select(split_keywords(pl.col("t"))).to_series().to_list() == [
        ["داعش", "كركوك", "الأنبار"],
        ["a", "b", "c"],
        [],
        [],
    ]
