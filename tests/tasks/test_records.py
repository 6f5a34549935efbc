"""Scraper JSON: parsed whatever the field names, bad records kept with a reason, bylines read."""

import json
from datetime import date

import polars as pl

from tasks.records import NO_TEXT, read_records, records_to_articles
from tasks.schemas import RECORD, SOURCES
from tasks.transform import add_entities


def record(**fields: str) -> dict[str, str]:
    base = {
        "source": "was",
        "url": "http://x/1",
        "date_extracted": "2015-08-10 09:00:00",
        "title": "عنوان",
        "author": "",
    }
    return base | fields


def sources(*records: dict[str, str]) -> pl.DataFrame:
    parsed = read_records(json.dumps(list(records), ensure_ascii=False), one_per_line=False)
    assert isinstance(parsed, pl.Series)
    row = {"source_path": "/in/day.json", "source_sha256": "h", "size": 1, "status": "new", "kind": "records"}
    frame = pl.DataFrame([row], schema={k: v for k, v in SOURCES.items() if k != "records"})
    return frame.with_columns(pl.Series("records", [parsed], dtype=pl.List(RECORD))).select(SOURCES.names())


def test_a_json_array_becomes_records_whatever_the_field_names() -> None:
    text = json.dumps([{"headline": "ع", "text": "نص", "link": "u", "site": "sabq", "date": "2024-07-26"}])
    [row] = read_records(text, one_per_line=False).to_list()  # type: ignore[union-attr]
    assert {k: row[k] for k in ("title", "content", "url", "source", "published", "problem")} == {
        "title": "ع",
        "content": "نص",
        "url": "u",
        "source": "sabq",
        "published": "2024-07-26",
        "problem": None,
    }


def test_malformed_json_is_one_readable_reason() -> None:
    assert read_records('[{"title": "a",, }]', one_per_line=False) == (
        "malformed JSON: Expecting property name enclosed in double quotes at line 1 column 16"
    )
    assert read_records("[]", one_per_line=False) == "no records: the JSON holds no objects"


def test_a_bad_json_line_is_that_record_alone() -> None:
    text = '{"title": "a", "content": "نص"}\n{"title": "b", "content": \n"just a string"\n'
    rows = read_records(text, one_per_line=True).to_list()  # type: ignore[union-attr]
    assert [(r["title"], r["problem"]) for r in rows] == [
        ("a", None),
        (None, "malformed JSON on line 2: Expecting value (column 27)"),
        (None, "record is not a JSON object but str"),
    ]


def test_saudi_press_agency_dateline_gives_the_gregorian_date() -> None:
    content = " بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n اختتمت اليوم فعاليات البرنامج.\n \xa0\n وشارك فيه عدد من الطلاب."
    [row] = records_to_articles(sources(record(content=content))).iter_rows(named=True)
    assert (row["published_date"], row["date_source"]) == (date(2015, 8, 10), "dateline")
    assert row["date_text"] == "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
    assert (row["dateline"], row["credit"], row["author"], row["outlet"]) == ("بريدة", "واس", None, "واس")
    assert row["body"] == "اختتمت اليوم فعاليات البرنامج.\nوشارك فيه عدد من الطلاب."


def test_a_byline_repeated_at_the_start_of_the_content_is_removed() -> None:
    author = "ياسر العتيبي- سبق- الباحة:"
    rows = records_to_articles(sources(record(source="sabq", author=author, content=f" {author} أصدر الوزير قرارا.")))
    row = rows.row(0, named=True)
    assert (row["body"], row["dateline"], row["author"], row["credit"]) == (
        "أصدر الوزير قرارا.",
        "الباحة",
        "ياسر العتيبي",
        "سبق",
    )
    assert (row["published_date"], row["date_source"], row["date_text"]) == (
        date(2015, 8, 10),
        "crawl",
        "2015-08-10 09:00:00",
    )


def test_a_byline_line_of_the_content_is_read_and_removed() -> None:
    row = records_to_articles(
        sources(record(source="3alyoum", content=" لجين الأحمدي – عين اليوم\n تسببت مزحة في اعتقاله."))
    ).row(0, named=True)
    assert (row["author"], row["credit"], row["body"], row["outlet"]) == (
        "لجين الأحمدي",
        "عين اليوم",
        "تسببت مزحة في اعتقاله.",
        "عين اليوم",
    )


def test_a_date_in_the_opening_of_the_body_beats_the_crawl_time_when_close_to_it() -> None:
    near = record(content="أعلنت الوزارة أمس 9 اغسطس 2015 عن خطة جديدة.")
    far = record(content="أعلنت الوزارة في 3 آذار 2015 عن خطة جديدة.")
    rows = records_to_articles(sources(near, far)).select("published_date", "date_source", "date_text").rows()
    assert rows == [
        (date(2015, 8, 9), "body", "9 اغسطس 2015"),
        # Five months before the crawl: an event's date, not the publication's.
        (date(2015, 8, 10), "crawl", "2015-08-10 09:00:00"),
    ]


def test_a_paired_hijri_gregorian_date_off_the_first_line_is_the_dateline_date() -> None:
    content = "وكالة الأنباء السعودية تحييكم وتبدأ بثها اليوم\nالإثنين 25 شوال 1436 هـ الموافق 9 اغسطس 2015 م واس"
    row = records_to_articles(sources(record(content=content))).row(0, named=True)
    assert (row["published_date"], row["date_source"]) == (date(2015, 8, 9), "dateline")
    assert row["date_text"] == "25 شوال 1436 هـ الموافق 9 اغسطس 2015 م"


def test_a_record_with_no_content_is_flagged_not_dropped() -> None:
    rows = records_to_articles(sources(record(content="  \xa0 "), record(content="نص.")))
    assert rows.select("position", "problem").rows() == [(0, NO_TEXT), (1, None)]
    assert json.loads(rows["raw"][0])["content"] == "  \xa0 "


def test_a_body_in_presentation_forms_is_canonical_text_and_its_places_are_found() -> None:
    rows = records_to_articles(sources(record(content="وصل الوفد إلى ﺑﻐﺪﺍﺩ لبحث اﻷوضاع اﻷمنية.")))
    assert rows["body"].to_list() == ["وصل الوفد إلى بغداد لبحث الأوضاع الأمنية."]
    _, found = add_entities(rows.with_columns(article_id=pl.lit("a")))
    assert found.select("entity", "entity_type").rows() == [("بغداد", "LOC")]
