"""The whole flow on a real Prefect API, real GX, real Parquet and DuckDB: runs, reruns, bad input."""

import codecs
import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.etl import etl
from tests.conftest import SAMPLES, SEED

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api")]


def sql(warehouse: Path, query: str, parameters: tuple[Any, ...] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        return connection.execute(query, parameters).fetchall()


def reconciles(summary: dict[str, Any]) -> bool:
    files = summary["files_new"] + summary["files_unchanged"] + summary["files_rejected"]
    articles = summary["articles_loaded"] + summary["articles_duplicate"] + summary["articles_quarantined"]
    return summary["files_seen"] == files and summary["articles_found"] == articles


def test_seed_twice_loads_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs)
    warehouse = tmp_path / "w"
    first = etl(paths=[str(inputs)], warehouse=str(warehouse))
    caplog.clear()
    with caplog.at_level("INFO"):
        second = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert "batch 0: 1 files, all unchanged: parsed nothing, loaded nothing" in caplog.messages
    assert not [m for m in caplog.messages if m.startswith("stage transform")]
    assert (first["files_new"], first["articles_loaded"]) == (1, 2)
    assert (second["files_unchanged"], second["articles_loaded"], second["articles_found"]) == (1, 0, 0)
    assert sql(
        warehouse,
        "select position, published_date::varchar, dateline, author from articles order by position",
    ) == [
        (0, "2024-07-26", "بغداد", "Admin"),
        (1, "2024-12-20", "بغداد", "moh moh"),
    ]
    assert sql(warehouse, "select files_unchanged, articles_loaded, status from runs order by finished_at") == [
        (0, 2, "completed"),
        (1, 0, "completed"),
    ]
    assert sql(
        warehouse, "select count(*) from article_entities where entity = 'بشار الأسد' and entity_type = 'PER'"
    ) == [(1,)]
    # The second run parsed nothing, so validated nothing: the first run's result is the only one.
    assert len(list((warehouse / "validation").glob("*.json"))) == 1


def test_a_rerun_skips_files_by_size_and_time_without_reading_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    import tasks.extract

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "seed.txt")
    # A daily archive of two pages: each member is a source the counts add up over.
    with zipfile.ZipFile(inputs / "day.zip", "w") as archive:
        for sample in sorted(SAMPLES.glob("*.txt"))[:2]:
            archive.write(sample, sample.name)
    past = 1_700_000_000_000_000_000
    for path in inputs.iterdir():
        os.utime(path, ns=(past, past))
    warehouse = tmp_path / "w"
    first = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert (first["files_seen"], first["files_new"]) == (3, 3)
    assert reconciles(first)
    read: list[str | Path] = []
    original = tasks.extract._open
    monkeypatch.setattr(tasks.extract, "_open", lambda path: read.append(path) or original(path))
    caplog.clear()
    with caplog.at_level("INFO"):
        second = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert read == []
    assert (
        "2 files (3 sources) unchanged since they were read (same size and modification time): "
        "parsed nothing, loaded nothing" in caplog.messages
    )
    assert (second["files_seen"], second["files_unchanged"], second["articles_found"]) == (3, 3, 0)
    # Rewritten: read again, and its new article replaces the old.
    (inputs / "seed.txt").write_text(SEED.read_text(encoding="utf-8").replace("عين الأسد", "عين الاسد"), "utf-8")
    third = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert [Path(path).name for path in read] == ["seed.txt"]
    assert (third["files_new"], third["files_unchanged"]) == (1, 2)
    assert sql(warehouse, "select count(*) from articles where source_path like '%seed.txt'") == [(2,)]


def test_bad_files_are_quarantined_and_the_good_ones_load(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    page = SEED.read_text(encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "cp1256.txt").write_bytes((page.replace("ی", "ي") + "\n").encode("cp1256"))
    sample = (SAMPLES / "almasalah-2024-03-14.txt").read_text(encoding="utf-8")
    (inputs / "bom-crlf.txt").write_bytes(codecs.BOM_UTF8 + sample.replace("\n", "\r\n").encode("utf-8"))
    warehouse = tmp_path / "w"
    summary = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert reconciles(summary)
    assert (summary["files_seen"], summary["files_new"], summary["files_rejected"]) == (4, 2, 2)
    assert (summary["articles_found"], summary["articles_loaded"]) == (5, 5)
    assert sql(
        warehouse, "select regexp_extract(source_path, '[^/]+$'), position, reason from quarantine order by 1"
    ) == [
        ("empty.txt", None, "empty file (0 bytes)"),
        ("image.bin", None, "binary file: 4 NUL bytes, not text"),
    ]
    titles = sql(warehouse, "select title from articles where source_path like '%cp1256.txt' order by position")
    assert titles[0] == ("صواريخ على قاعدة عين الأسد تستقبل نتائج المباحثات العراقية الأمريكية",)
    bodies = sql(warehouse, "select count(*) from articles where body like '%\r%' or title like '%\r%'")
    assert bodies == [(0,)]


def test_the_same_article_in_another_file_is_a_duplicate(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "page.txt")
    # The seed's related article, met again as the main article of another page.
    related = SEED.read_text(encoding="utf-8").split("إقرأ أيضاً:\n", 1)[1]
    (inputs / "other.txt").write_text(related, encoding="utf-8")
    warehouse = tmp_path / "w"
    summary = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert (summary["articles_found"], summary["articles_loaded"], summary["articles_duplicate"]) == (3, 2, 1)
    assert sql(warehouse, "select count(*), count(distinct article_id) from articles") == [(2, 2)]


def test_an_article_failing_validation_is_quarantined_with_its_text(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "nodate.txt").write_text("عنوان بلا تاريخ\nبغداد/المسلة: نص الخبر بلا تاريخ.\n", encoding="utf-8")
    warehouse = tmp_path / "w"
    summary = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert (summary["articles_found"], summary["articles_quarantined"], summary["files_new"]) == (1, 1, 1)
    assert sql(warehouse, "select position, reason, raw from quarantine") == [
        (
            0,
            "no publication date found on the page (expect_column_values_to_not_be_null)",
            "عنوان بلا تاريخ\nبغداد/المسلة: نص الخبر بلا تاريخ.",
        )
    ]


def test_a_changed_file_replaces_its_articles(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    page = inputs / "page.txt"
    shutil.copy(SEED, page)
    warehouse = tmp_path / "w"
    etl(paths=[str(inputs)], warehouse=str(warehouse))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("والكاميرات الحرارية.", "والكاميرات الحرارية والطائرات المسيرة."), encoding="utf-8")
    summary = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert (summary["files_new"], summary["articles_loaded"], summary["articles_duplicate"]) == (1, 2, 0)
    assert sql(warehouse, "select count(*), count(distinct article_id) from articles") == [(2, 2)]
    assert sql(warehouse, "select count(*) from articles where body like '%الطائرات المسيرة.'") == [(1,)]


def test_scraper_archives_in_a_folder_load_record_by_record(tmp_path: Path) -> None:
    import zipfile

    inputs = tmp_path / "in" / "crawls"
    inputs.mkdir(parents=True)
    records = [
        {
            "source": "was",
            "url": "u1",
            "date_extracted": "2015-08-10 09:00:00",
            "title": "اختتام البرنامج",
            "author": "",
            "content": " بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n اختتمت اليوم فعاليات البرنامج.",
        },
        {
            "source": "sabq",
            "url": "u2",
            "date_extracted": "2015-08-10",
            "title": "بلا نص",
            "author": "",
            "content": "",
        },
        {
            "source": "alriyadh",
            "url": "u3",
            "date_extracted": "2015-08-09 10:00:00",
            "title": "خبر",
            "author": "حائل - عبيدالله عبيد",
            "content": "قتل مواطن.",
        },
    ]
    with zipfile.ZipFile(inputs / "2015-08-10.zip", "w") as archive:
        archive.writestr("2015-08-10.json", json.dumps(records, ensure_ascii=False))
    (tmp_path / "in" / "truncated.zip").write_bytes(b"PK\x03\x04broken")
    warehouse = tmp_path / "w"
    summary = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert (summary["files_seen"], summary["files_new"], summary["files_rejected"]) == (2, 1, 1)
    assert (summary["articles_found"], summary["articles_loaded"], summary["articles_quarantined"]) == (
        3,
        2,
        1,
    )
    assert sql(
        warehouse,
        "select position, outlet, published_date::varchar, date_source, dateline, author, credit from articles order by position",
    ) == [
        (0, "واس", "2015-08-10", "dateline", "بريدة", None, "واس"),
        (2, "الرياض", "2015-08-09", "crawl", "حائل", "عبيدالله عبيد", None),
    ]
    member = f"{(inputs / '2015-08-10.zip').resolve()}!/2015-08-10.json"
    assert sql(warehouse, "select source_path, position, reason from quarantine order by position nulls first") == [
        (
            str((tmp_path / "in" / "truncated.zip").resolve()),
            None,
            "truncated or corrupt zip archive: File is not a zip file",
        ),
        (member, 1, "record has no text: its content is empty"),
    ]
    again = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert (again["files_unchanged"], again["articles_found"]) == (2, 0)


def test_a_loaded_file_that_cannot_be_read_once_keeps_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import tasks.extract

    inputs = tmp_path / "in"
    inputs.mkdir()
    page = inputs / "page.txt"
    shutil.copy(SEED, page)
    warehouse = tmp_path / "w"
    etl(paths=[str(inputs)], warehouse=str(warehouse))
    real = Path.read_bytes

    def broken(self: Path) -> bytes:
        if self == page.resolve():
            raise OSError(errno.EIO, "Input/output error")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", broken)
    monkeypatch.setattr(tasks.extract, "READ_BACKOFF_SECONDS", 0.0)
    failed = etl(paths=[str(inputs)], warehouse=str(warehouse))
    assert (failed["files_rejected"], failed["articles_found"]) == (1, 0)
    assert sql(warehouse, "select count(*) from articles") == [(2,)]  # still there
    assert sql(warehouse, "select reason from quarantine") == [("unreadable: Input/output error",)]
    monkeypatch.setattr(Path, "read_bytes", real)
    again = etl(paths=[str(inputs)], warehouse=str(warehouse))
    # Read again, and recognised as the content loaded by the first run.
    assert (again["files_unchanged"], again["articles_loaded"]) == (1, 0)
    assert sql(warehouse, "select count(*) from articles") == [(2,)]


def _player_records(name: str, rivals: list[str]) -> str:
    """Scraper JSON: a record (one day, one outlet) per rival, each naming a player read by rule, spelt `name`."""
    records = [
        {
            "source": "sabq",
            "url": f"u-{rival}",
            "date_extracted": "2015-08-10 09:00:00",
            "title": f"مباراة {rival}",
            "author": "",
            "content": f"وسجل اللاعب {name} هدفا في مباراة {rival} من الدوري.",
        }
        for rival in rivals
    ]
    return json.dumps(records, ensure_ascii=False)


def test_a_name_keeps_the_spelling_it_was_first_loaded_under(tmp_path: Path) -> None:
    # The first batch writes أندير هيريرا; a later batch of the run, and a later run, write اندير هيريرا more often.
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.json").write_text(_player_records("أندير هيريرا", ["الهلال"]), encoding="utf-8")
    (inputs / "b.json").write_text(_player_records("اندير هيريرا", ["النصر", "الاتحاد"]), encoding="utf-8")
    warehouse = tmp_path / "w"
    # One file a batch.
    first = etl(paths=[str(inputs)], warehouse=str(warehouse), batch_bytes=1)
    assert first["articles_loaded"] == 3
    later = tmp_path / "later"
    later.mkdir()
    (later / "c.json").write_text(_player_records("اندير هيريرا", ["الشباب", "الفتح", "التعاون"]), encoding="utf-8")
    assert etl(paths=[str(later)], warehouse=str(warehouse))["articles_loaded"] == 3
    assert sql(warehouse, "select entity, count(*) from article_entities where entity_type = 'PER' group by all") == [
        ("أندير هيريرا", 6)
    ]
    assert sql(warehouse, "select distinct persons from articles") == [(["أندير هيريرا"],)]
