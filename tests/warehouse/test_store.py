"""The warehouse: atomic Parquet, the views of the contract, runs as commits, changed files replaced."""

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tasks.schemas import ARTICLES, MANIFEST, RUNS
from warehouse.store import Warehouse, write_parquet_atomically

CONTRACT_TYPES = {
    "articles": {
        "article_id": "VARCHAR",
        "outlet": "VARCHAR",
        "url": "VARCHAR",
        "title": "VARCHAR",
        "published_date": "DATE",
        "date_text": "VARCHAR",
        "date_source": "VARCHAR",
        "dateline": "VARCHAR",
        "author": "VARCHAR",
        "credit": "VARCHAR",
        "keywords": "VARCHAR[]",
        "body": "VARCHAR",
        "word_count": "INTEGER",
        "locations": "VARCHAR[]",
        "organizations": "VARCHAR[]",
        "persons": "VARCHAR[]",
        "source_path": "VARCHAR",
        "source_sha256": "VARCHAR",
        "position": "INTEGER",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "run_id": "VARCHAR",
    },
    "article_entities": {
        "article_id": "VARCHAR",
        "entity": "VARCHAR",
        "entity_type": "VARCHAR",
        "mentions": "INTEGER",
        "name_en": "VARCHAR",
    },
    "quarantine": {
        "source_path": "VARCHAR",
        "position": "INTEGER",
        "reason": "VARCHAR",
        "raw": "VARCHAR",
        "run_id": "VARCHAR",
    },
    "runs": {
        "run_id": "VARCHAR",
        "started_at": "TIMESTAMP WITH TIME ZONE",
        "finished_at": "TIMESTAMP WITH TIME ZONE",
        "files_seen": "BIGINT",
        "files_new": "BIGINT",
        "files_unchanged": "BIGINT",
        "files_rejected": "BIGINT",
        "articles_loaded": "BIGINT",
        "articles_duplicate": "BIGINT",
        "articles_quarantined": "BIGINT",
        "status": "VARCHAR",
    },
}


def article(article_id: str, path: str, sha: str, run_id: str) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(ARTICLES.names())
    row |= {
        "article_id": article_id,
        "title": "t",
        "body": "b",
        "published_date": date(2024, 1, 1),
        "keywords": [],
        "locations": [],
        "organizations": [],
        "persons": [],
        "source_path": path,
        "source_sha256": sha,
        "position": 0,
        "run_id": run_id,
    }
    return row


def run_row(run_id: str, status: str = "completed") -> pl.DataFrame:
    row: dict[str, object] = dict.fromkeys(RUNS.names(), 0)
    now = datetime.now(UTC)
    row |= {"run_id": run_id, "started_at": now, "finished_at": now, "status": status}
    return pl.DataFrame([row], schema=RUNS)


def load(store: Warehouse, run_id: str, rows: list[tuple[str, str, str]], status: str = "completed") -> None:
    articles = pl.DataFrame([article(i, p, s, run_id) for i, p, s in rows], schema=ARTICLES)
    manifest = pl.DataFrame(
        [{"source_path": p, "source_sha256": s, "size": 1, "status": "new", "run_id": run_id} for _, p, s in rows],
        schema=MANIFEST,
    ).unique(maintain_order=True)
    store.write_batch(run_id, 0, {"articles": articles, "manifest": manifest})
    store.commit_run(run_row(run_id, status))


def ids(store: Warehouse) -> list[str]:
    with duckdb.connect(str(store.database), read_only=True) as connection:
        return [r[0] for r in connection.sql("select article_id from articles order by article_id").fetchall()]


def test_views_have_the_contract_columns_and_types_before_any_run(tmp_path: Path) -> None:
    store = Warehouse(tmp_path / "w")
    store.ensure()
    with duckdb.connect(str(store.database), read_only=True) as connection:
        for view, columns in CONTRACT_TYPES.items():
            described = {name: kind for name, kind, *_ in connection.sql(f"describe {view}").fetchall()}
            assert {name: described.get(name) for name in columns} == columns, view
            assert connection.sql(f"select count(*) from {view}").fetchone() == (0,)


def test_a_run_is_visible_once_committed_and_a_failed_run_never(tmp_path: Path) -> None:
    store = Warehouse(tmp_path / "w")
    store.ensure()
    load(store, "r1", [("a", "/x.txt", "s1")])
    load(store, "r2", [("b", "/y.txt", "s2")], status="failed")
    store.write_batch("r3", 0, {"articles": pl.DataFrame([article("c", "/z.txt", "s3", "r3")], schema=ARTICLES)})
    assert ids(store) == ["a"]
    assert store.current_sources().select("source_path", "source_sha256").rows() == [("/x.txt", "s1")]


def test_a_changed_file_replaces_its_articles(tmp_path: Path) -> None:
    store = Warehouse(tmp_path / "w")
    store.ensure()
    load(store, "r1", [("a", "/x.txt", "s1"), ("b", "/x.txt", "s1"), ("c", "/y.txt", "s9")])
    load(store, "r2", [("b", "/x.txt", "s2"), ("d", "/x.txt", "s2")])
    assert ids(store) == ["b", "c", "d"]
    assert sorted(store.live_articles().rows()) == [("b", "/x.txt"), ("c", "/y.txt"), ("d", "/x.txt")]


def test_the_run_reads_the_manifest_and_the_live_articles_as_the_views_say(tmp_path: Path) -> None:
    store = Warehouse(tmp_path / "w")
    store.ensure()
    load(store, "r1", [("a", "/x.txt", "s1"), ("b", "/x.txt", "s1"), ("c", "/y.txt", "s9")])
    load(store, "r2", [("z", "/z.txt", "s5")], status="failed")
    load(store, "r3", [("b", "/x.txt", "s2"), ("d", "/x.txt", "s2")])
    store.write_batch("r4", 0, {"articles": pl.DataFrame([article("e", "/y.txt", "s8", "r4")], schema=ARTICLES)})
    # A manifest file from before file_size and file_mtime_ns were kept (and with a narrower size), and a source
    # rejected unread (no hash).
    older = pl.DataFrame(
        {"source_path": ["/v.txt", "/u.txt"], "source_sha256": ["s7", None], "size": [1, 0]},
        schema={"source_path": pl.String, "source_sha256": pl.String, "size": pl.Int32},
    )
    older = older.with_columns(status=pl.lit("new"), run_id=pl.lit("r5"))
    write_parquet_atomically(older, store.root / "manifest" / "r5-00000.parquet")
    store.write_batch("r5", 0, {"articles": pl.DataFrame([article("f", "/v.txt", "s7", "r5")], schema=ARTICLES)})
    store.commit_run(run_row("r5"))
    with duckdb.connect(str(store.database), read_only=True) as connection:
        sources = connection.sql("select source_path, source_sha256, size, file_size, file_mtime_ns from source_files")
        articles = connection.sql("select article_id, source_path from articles")
        expected_sources, expected_articles = sorted(sources.fetchall(), key=str), sorted(articles.fetchall())
    assert expected_articles == [("b", "/x.txt"), ("c", "/y.txt"), ("d", "/x.txt"), ("f", "/v.txt")]
    assert sorted(store.current_sources().rows(), key=str) == expected_sources
    assert sorted(store.live_articles().rows()) == expected_articles
    # Handed the manifest it already read, as the flow does.
    assert sorted(store.live_articles(store.current_sources()).rows()) == expected_articles


def test_parquet_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "t" / "f.parquet"
    write_parquet_atomically(pl.DataFrame({"a": [1]}), target)
    with pytest.raises(pl.exceptions.ComputeError):
        write_parquet_atomically(pl.DataFrame({"a": [object()]}, schema={"a": pl.Object}), target)
    assert pl.read_parquet(target)["a"].to_list() == [1]
    assert [p.name for p in target.parent.iterdir()] == ["f.parquet"]


def test_a_second_writer_waits_for_the_lock_and_says_so(tmp_path: Path) -> None:
    import threading

    store = Warehouse(tmp_path / "w")
    waited: list[Path] = []
    order: list[str] = []
    with store.writing():
        second = threading.Thread(target=lambda: _write_after(store, waited, order))
        second.start()
        deadline = datetime.now(UTC).timestamp() + 10
        while not waited and datetime.now(UTC).timestamp() < deadline:
            threading.Event().wait(0.01)
        order.append("first done")
    second.join(timeout=10)
    assert waited == [tmp_path / "w" / ".lock"]
    assert order == ["first done", "second writes"]


def _write_after(store: Warehouse, waited: list[Path], order: list[str]) -> None:
    with store.writing(on_wait=waited.append):
        order.append("second writes")
