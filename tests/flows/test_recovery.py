"""A rerun of a failed run adopts the batches that run finished instead of doing them again, and an article
whose loaded copy went with its changed file comes back from a copy set aside as a duplicate."""

import shutil
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

import flows.recovery
import flows.stages
from flows.etl import etl
from tests.conftest import SAMPLES, SEED
from tests.flows.test_dask import snapshot
from tests.flows.test_etl import reconciles, sql

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api")]


class InjectedError(RuntimeError):
    """The failure the test puts into the second batch's validation."""


def two_batches(folder: Path) -> list[Path]:
    folder.mkdir()
    first = folder / "a.txt"
    shutil.copy(SEED, first)
    shutil.copy(SAMPLES / "almasalah-2024-03-14.txt", folder / "b.txt")
    return [first.resolve(), (folder / "b.txt").resolve()]


def fail_in_the_second_batch(inputs: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the flow one file per batch, failing in the second batch's validation (the first is loaded)."""
    real_validate = flows.stages.validate
    calls: list[str] = []

    def failing_on_the_second_batch(*args: Any, **kwargs: Any) -> Any:
        calls.append("validate")
        if len(calls) == 2:
            raise InjectedError("the disk filled up")
        return real_validate(*args, **kwargs)

    monkeypatch.setattr(flows.stages, "validate", failing_on_the_second_batch)
    with pytest.raises(InjectedError):
        etl(paths=[str(inputs)], warehouse=str(warehouse), batch_bytes=1)
    monkeypatch.setattr(flows.stages, "validate", real_validate)


def test_a_rerun_resumes_after_the_batches_the_failed_run_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, second = two_batches(tmp_path / "in")
    warehouse = tmp_path / "w"
    fail_in_the_second_batch(tmp_path / "in", warehouse, monkeypatch)

    real_read = flows.stages.read_sources
    read: list[str] = []

    def spy(files: list[str], current: dict[str, str]) -> pl.DataFrame:
        read.extend(files)
        return real_read(files, current)

    monkeypatch.setattr(flows.stages, "read_sources", spy)
    rerun = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse), batch_bytes=1)
    assert read == [str(second)]  # the first batch was adopted, not extracted again
    assert rerun["batches_resumed"] == 1
    # Committed: no batch can be resumed any more, and no record of one is kept.
    assert list((warehouse / "batches").glob("*.json")) == []

    clean = etl(paths=[str(tmp_path / "in")], warehouse=str(tmp_path / "clean"), batch_bytes=1)
    assert {k: v for k, v in rerun.items() if k.startswith(("files_", "articles_"))} == {
        k: v for k, v in clean.items() if k.startswith(("files_", "articles_"))
    }
    assert snapshot(warehouse) == snapshot(tmp_path / "clean")
    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        assert connection.sql("select status from runs order by finished_at").fetchall() == [
            ("failed",),
            ("completed",),
        ]
        # Every row now belongs to the run that committed it.
        assert connection.sql("select distinct run_id from articles").fetchall() == [(rerun["run_id"],)]


def test_a_changed_file_is_not_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = two_batches(tmp_path / "in")
    warehouse = tmp_path / "w"
    fail_in_the_second_batch(tmp_path / "in", warehouse, monkeypatch)
    first.write_text(first.read_text(encoding="utf-8").replace("والكاميرات الحرارية.", "والكاميرات."), encoding="utf-8")
    rerun = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse), batch_bytes=1)
    assert rerun["batches_resumed"] == 0
    etl(paths=[str(tmp_path / "in")], warehouse=str(tmp_path / "clean"), batch_bytes=1)
    assert snapshot(warehouse) == snapshot(tmp_path / "clean")


def test_a_batch_loaded_by_other_code_is_not_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_batches(tmp_path / "in")
    warehouse = tmp_path / "w"
    fail_in_the_second_batch(tmp_path / "in", warehouse, monkeypatch)
    # As if the stages' code or reference data had changed between the failed run and the rerun.
    monkeypatch.setattr(flows.recovery, "code_version", lambda: "another version")
    rerun = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse), batch_bytes=1)
    assert rerun["batches_resumed"] == 0
    etl(paths=[str(tmp_path / "in")], warehouse=str(tmp_path / "clean"), batch_bytes=1)
    assert snapshot(warehouse) == snapshot(tmp_path / "clean")


def _page_and_its_related_article_alone(inputs: Path) -> tuple[Path, Path]:
    """The seed as page.txt, and its related article as the main article of related.txt (read second: a duplicate)."""
    inputs.mkdir()
    page, other = inputs / "page.txt", inputs / "related.txt"
    shutil.copy(SEED, page)
    other.write_text(SEED.read_text(encoding="utf-8").split("إقرأ أيضاً:\n", 1)[1], encoding="utf-8")
    return page, other


def _drop_related(page: Path) -> None:
    """Rewrite the page without its related article (as a site that trimmed it would)."""
    page.write_text(page.read_text(encoding="utf-8").split("إقرأ أيضاً:", 1)[0], encoding="utf-8")


def test_an_article_whose_file_changes_comes_back_from_its_duplicate_in_another_file(tmp_path: Path) -> None:
    page, other = _page_and_its_related_article_alone(tmp_path / "in")
    warehouse = tmp_path / "w"
    etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    related = sql(warehouse, "select article_id from articles where position = 1")
    assert sql(warehouse, "select article_id, source_path, position from duplicates") == [(*related[0], str(other), 0)]
    _drop_related(page)
    summary = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert reconciles(summary)
    assert (summary["files_new"], summary["files_unchanged"]) == (1, 1)
    assert (summary["articles_found"], summary["articles_loaded"], summary["articles_restored"]) == (2, 2, 1)
    # The related article is still there, now from the file that still holds it; no copy is left aside.
    assert sql(
        warehouse, "select article_id, source_path, position from articles where article_id = ?", related[0]
    ) == [(*related[0], str(other), 0)]
    assert sql(warehouse, "select count(*) from article_entities where article_id = ?", related[0]) != [(0,)]
    assert sql(warehouse, "select count(*) from duplicates") == [(0,)]
    again = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert (again["files_unchanged"], again["articles_found"], again["articles_restored"]) == (2, 0, 0)
    assert sql(warehouse, "select count(*) from articles") == [(2,)]


def test_an_article_gone_from_every_file_that_held_it_is_not_restored(tmp_path: Path) -> None:
    page, other = _page_and_its_related_article_alone(tmp_path / "in")
    warehouse = tmp_path / "w"
    etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    related = sql(warehouse, "select article_id from articles where position = 1")
    _drop_related(page)
    shutil.copy(SAMPLES / "almasalah-2023-08-21.txt", other)
    summary = etl(paths=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert reconciles(summary) and summary["articles_restored"] == 0
    assert sql(warehouse, "select count(*) from articles where article_id = ?", related[0]) == [(0,)]
    assert sql(warehouse, "select count(*) from duplicates") == [(0,)]
