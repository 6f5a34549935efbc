"""What a batch record keeps, and the code version that decides whether a batch may be resumed."""

from pathlib import Path

from warehouse.resume import BatchRecord, code_version


def test_the_code_version_changes_with_any_file_of_the_stages_or_expectations(tmp_path: Path) -> None:
    (tmp_path / "tasks" / "reference").mkdir(parents=True)
    (tmp_path / "expectations").mkdir()
    (tmp_path / "tasks" / "dates.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "tasks" / "reference" / "months.json").write_text("{}", encoding="utf-8")
    (tmp_path / "expectations" / "articles.json").write_text("{}", encoding="utf-8")
    versions = {code_version(tmp_path)}
    code_version.cache_clear()  # cached per process: the code does not change while a process runs
    (tmp_path / "tasks" / "__pycache__").mkdir()
    (tmp_path / "tasks" / "__pycache__" / "dates.pyc").write_bytes(b"\0")
    assert code_version(tmp_path) in versions  # compiled files are not code
    for changed in ("tasks/dates.py", "tasks/reference/months.json", "expectations/articles.json"):
        code_version.cache_clear()
        (tmp_path / changed).write_text((tmp_path / changed).read_text(encoding="utf-8") + " ", encoding="utf-8")
        versions.add(code_version(tmp_path))
    assert len(versions) == 4
    code_version.cache_clear()


def test_a_record_written_before_code_versions_reads_as_none() -> None:
    old = '{"run_id": "r", "batch": 0, "recorded_at": "2026-11-01T00:00:00+00:00", "files": [], "counts": {}}'
    assert BatchRecord.from_json(old).code is None
    record = BatchRecord("r", 1, "2026-11-01T00:00:00+00:00", [("/a.txt", "h")], {"files_seen": 1}, "v")
    assert BatchRecord.from_json(record.to_json()) == record
