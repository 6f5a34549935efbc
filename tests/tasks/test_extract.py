"""Finding inputs and reading them: hashed, decoded, unchanged ones skipped, bad ones rejected."""

import gzip
import hashlib
import io
import json
import os
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest

from tasks.extract import (
    InputNotFoundError,
    by_file,
    find_inputs,
    plan_batches,
    read_sources,
    survey,
    unchanged_on_disk,
)
from tasks.schemas import SOURCES

PAGE = "عنوان\n26 يوليو، 2024\nبغداد/المسلة: نص الخبر.\n"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_folders_are_walked_and_hidden_files_left_out(tmp_path: Path) -> None:
    a = write(tmp_path / "in" / "a.txt", b"x")
    b = write(tmp_path / "in" / "sub" / "b.txt", b"x")
    write(tmp_path / "in" / ".hidden.txt", b"x")
    write(tmp_path / "in" / ".git" / "c.txt", b"x")
    assert find_inputs([str(tmp_path / "in")]) == [str(a), str(b)]


def test_globs_and_files_are_expanded_once(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", b"x")
    b = write(tmp_path / "b.txt", b"x")
    assert find_inputs([str(tmp_path / "*.txt"), str(a)]) == [str(a), str(b)]


def test_a_glob_that_matches_folders_walks_them(tmp_path: Path) -> None:
    a = write(tmp_path / "2024-07-25" / "a.txt", b"x")
    b = write(tmp_path / "2024-07-26" / "deep" / "b.txt", b"x")
    write(tmp_path / "2023-01-01" / "c.txt", b"x")
    assert find_inputs([str(tmp_path / "2024-*")]) == [str(a), str(b)]


def test_a_path_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file, folder or glob match"):
        find_inputs([str(tmp_path / "missing*.txt")])


def test_sources_are_hashed_decoded_and_rejected_with_reasons(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", PAGE.replace("\n", "\r\n").encode("cp1256"))
    empty = write(tmp_path / "empty.txt", b"")
    binary = write(tmp_path / "img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    sources = read_sources([good, empty, binary], {})
    assert sources.select("source_path", "status", "encoding", "text", "reason").rows() == [
        (str(good), "new", "windows-1256", PAGE, None),
        (str(empty), "rejected", None, None, "empty file (0 bytes)"),
        (str(binary), "rejected", None, None, "binary file: 3 NUL bytes, not text"),
    ]
    assert sources["source_sha256"][0] == hashlib.sha256(good.read_bytes()).hexdigest()
    assert sources["size"].to_list() == [good.stat().st_size, 0, binary.stat().st_size]
    assert sources["raw"][2] == "\\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def test_a_file_whose_content_is_already_loaded_is_not_decoded_again(tmp_path: Path) -> None:
    page = write(tmp_path / "p.txt", PAGE.encode())
    sha = hashlib.sha256(page.read_bytes()).hexdigest()
    unchanged = read_sources([page], {str(page): sha})
    changed = read_sources([page], {str(page): "an older hash"})
    assert unchanged.select("status", "text").row(0) == ("unchanged", None)
    assert changed.select("status", "text").row(0) == ("new", PAGE)


def test_batches_are_bounded_by_bytes(tmp_path: Path) -> None:
    files = [write(tmp_path / f"{i}.txt", b"x" * size) for i, size in enumerate([40, 40, 40, 200, 10])]
    names = [str(file) for file in files]
    assert plan_batches(survey(files), 100) == [names[0:2], names[2:3], names[3:4], names[4:5]]


def test_archives_are_planned_by_the_bytes_they_unpack_to(tmp_path: Path) -> None:
    page = write(tmp_path / "a.txt", b"x" * 60)
    archive = write(tmp_path / "b.zip", zipped({"day.json": b"[]" + b" " * 1000}))
    packed = write(tmp_path / "c.txt.gz", gzip.compress(b"y" * 500))
    surveyed = survey([page, archive, packed])
    assert surveyed["unpacked_size"].to_list() == [60, 1002, 500]
    assert archive.stat().st_size < 1000 and packed.stat().st_size < 100
    assert plan_batches(surveyed, 1000) == [[str(page)], [str(archive)], [str(packed)]]


def aged(path: Path, seconds: int = 3600) -> Path:
    """The file, its modification time set back (a file written just now is not trusted by its time alone)."""
    past = time.time_ns() - seconds * 1_000_000_000
    os.utime(path, ns=(past, past))
    return path


def manifest_of(sources: pl.DataFrame) -> pl.DataFrame:
    return by_file(sources.select("source_path", "source_sha256", "size", "file_size", "file_mtime_ns"))


def test_a_file_with_the_size_and_time_it_was_read_with_is_unchanged_unread(tmp_path: Path) -> None:
    old = aged(write(tmp_path / "old.txt", PAGE.encode()))
    fresh = write(tmp_path / "fresh.txt", PAGE.encode())
    touched = aged(write(tmp_path / "touched.txt", PAGE.encode()))
    manifest = manifest_of(read_sources([old, fresh, touched], {}))
    # A file modified in the last seconds is recorded without its time: the next run hashes it again.
    assert manifest.select("file_size", "file_mtime_ns").rows()[1] == (None, None)
    assert manifest["file_mtime_ns"][0] == old.stat().st_mtime_ns
    os.utime(touched)  # same bytes, a new time: read and hashed again (then found unchanged by its hash)
    unchanged = unchanged_on_disk(survey([old, fresh, touched]), manifest)
    assert unchanged.select("source_path", "status").rows() == [(str(old), "unchanged")]
    assert unchanged.schema == SOURCES
    assert unchanged["source_sha256"][0] == hashlib.sha256(PAGE.encode()).hexdigest()


def test_a_file_rewritten_with_another_size_or_time_is_read_again(tmp_path: Path) -> None:
    page = aged(write(tmp_path / "p.txt", PAGE.encode()))
    manifest = manifest_of(read_sources([page], {}))
    mtime = page.stat().st_mtime_ns
    page.write_bytes(PAGE.encode() + b"\n")
    os.utime(page, ns=(mtime, mtime))  # same time, another size
    assert unchanged_on_disk(survey([page]), manifest).is_empty()
    page.write_bytes(PAGE.replace("بغداد", "البصرة").encode()[: len(PAGE.encode())])
    assert page.stat().st_size == manifest["size"][0]
    aged(page, 60)  # same size, another time
    assert unchanged_on_disk(survey([page]), manifest).is_empty()
    page.unlink()
    assert unchanged_on_disk(survey([page]), manifest).is_empty()


def test_an_archive_is_unchanged_unread_only_when_all_its_members_were_read(tmp_path: Path) -> None:
    members = {"a.txt": PAGE.encode(), "b.txt": PAGE.encode() + b"\n"}
    archive = aged(write(tmp_path / "day.zip", zipped(members)))
    manifest = manifest_of(read_sources([archive], {}))
    unchanged = unchanged_on_disk(survey([archive]), manifest)
    assert unchanged.get_column("source_path").to_list() == [f"{archive}!/a.txt", f"{archive}!/b.txt"]
    # One member's row missing from the manifest (it could not be read): the archive is read again.
    assert unchanged_on_disk(survey([archive]), manifest.head(1).with_columns(file_size=None)).is_empty()


def test_an_archive_of_hidden_files_only_is_rejected_not_lost(tmp_path: Path) -> None:
    archive = write(tmp_path / "mac.zip", zipped({"__MACOSX/._a.txt": b"x", ".DS_Store": b"y"}))
    sources = read_sources([archive], {})
    assert sources.select("source_path", "status", "reason").rows() == [
        (str(archive), "rejected", "empty zip archive: no files in it (hidden files aside)")
    ]


RECORDS = [
    {
        "source": "was",
        "title": "عنوان",
        "content": "نص الخبر.",
        "url": "u1",
        "date_extracted": "2015-08-10 01:00:00",
    },
    {
        "source": "sabq",
        "title": "عنوان آخر",
        "content": "",
        "url": "u2",
        "date_extracted": "2015-08-10 02:00:00",
    },
]


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_members_are_sources_named_archive_bang_member(tmp_path: Path) -> None:
    day = json.dumps(RECORDS, ensure_ascii=False).encode()
    archive = write(tmp_path / "in" / "day.zip", zipped({"2015-08-10.json": day, "page.txt": PAGE.encode()}))
    sources = read_sources(find_inputs([str(tmp_path / "in")]), {})
    assert sources.select("source_path", "status", "kind").rows() == [
        (f"{archive}!/2015-08-10.json", "new", "records"),
        (f"{archive}!/page.txt", "new", "page"),
    ]
    assert sources["source_sha256"][0] == hashlib.sha256(day).hexdigest()
    assert [r["url"] for r in sources["records"][0]] == ["u1", "u2"]


def test_a_gzipped_json_lines_file_is_read(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode()
    archive = write(tmp_path / "day.jsonl.gz", gzip.compress(lines))
    sources = read_sources([archive], {})
    assert sources.select("source_path", "status", "kind").row(0) == (
        f"{archive}!/day.jsonl",
        "new",
        "records",
    )
    assert sources["records"][0].len() == 2


def test_broken_archives_and_json_are_rejected_with_reasons(tmp_path: Path) -> None:
    whole = zipped({"day.json": json.dumps(RECORDS).encode() * 50})
    truncated = write(tmp_path / "truncated.zip", whole[: len(whole) // 2])
    bad_gzip = write(tmp_path / "bad.json.gz", gzip.compress(b"[]")[:-6])
    malformed = write(tmp_path / "bad.json", b'[{"title": "a"')
    readme = write(tmp_path / "README.md", b"# notes")
    sources = read_sources([truncated, bad_gzip, malformed, readme], {})
    assert sources.select("status", "reason").rows() == [
        ("rejected", "truncated or corrupt zip archive: File is not a zip file"),
        (
            "rejected",
            "truncated or corrupt gzip archive: Compressed file ended before the end-of-stream marker was reached",
        ),
        ("rejected", "malformed JSON: Expecting ',' delimiter at line 1 column 15"),
        ("rejected", "not a news input: a .md file"),
    ]


def failing_reads(monkeypatch: pytest.MonkeyPatch, target: Path, errors: list[OSError]) -> list[int]:
    """Make reading `target` raise `errors` in turn (then read it); return the list of attempts made."""
    import tasks.extract

    attempts: list[int] = []
    real = Path.read_bytes
    monkeypatch.setattr(tasks.extract, "READ_BACKOFF_SECONDS", 0.0)

    def read_bytes(self: Path) -> bytes:
        if self == target:
            attempts.append(len(attempts))
            if errors:
                raise errors.pop(0)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return attempts


def test_a_transient_read_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    page = write(tmp_path / "page.txt", PAGE.encode("utf-8"))
    attempts = failing_reads(monkeypatch, page, [OSError(errno.EIO, "Input/output error")] * 2)
    sources = read_sources([page], {})
    assert sources.get_column("status").to_list() == ["new"]
    assert len(attempts) == 3


def test_a_lasting_read_error_rejects_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    page = write(tmp_path / "page.txt", PAGE.encode("utf-8"))
    attempts = failing_reads(monkeypatch, page, [OSError(errno.EIO, "Input/output error")] * 10)
    sources = read_sources([page], {})
    assert sources.select("status", "reason", "source_sha256").rows() == [
        ("rejected", "unreadable: Input/output error", None)
    ]
    assert len(attempts) == 4


def test_a_permanent_read_error_is_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    page = write(tmp_path / "page.txt", PAGE.encode("utf-8"))
    attempts = failing_reads(monkeypatch, page, [PermissionError(errno.EACCES, "Permission denied")])
    sources = read_sources([page], {})
    assert sources.select("status", "reason").rows() == [("rejected", "unreadable: Permission denied")]
    assert len(attempts) == 1


def test_an_unreadable_file_leaves_no_manifest_row_but_a_quarantine_row(tmp_path: Path) -> None:
    import polars as pl

    from tasks.schemas import ARTICLE_ENTITIES, ARTICLES, empty
    from tasks.tables import batch_tables

    page = write(tmp_path / "page.txt", b"")
    missing = tmp_path / "gone.txt"
    sources = read_sources([page, missing], {})
    failed = empty(ARTICLES).with_columns(pl.lit(None, dtype=pl.String).alias(c) for c in ("reason", "raw"))
    tables = batch_tables(sources, empty(ARTICLES), failed, empty(ARTICLES), empty(ARTICLE_ENTITIES), "r")
    assert tables["manifest"].get_column("source_path").to_list() == [str(page)]  # the empty file is known
    assert sorted(tables["quarantine"].get_column("reason").to_list()) == [
        "empty file (0 bytes)",
        "unreadable: No such file or directory",
    ]
