"""The batches on a Dask cluster load the same warehouse as the default runner does."""

import json
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.etl import etl
from flows.runners import task_runner
from tests.conftest import SAMPLES, SEED

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api")]

# The contract's tables, every column but the run that loaded the row.
TABLES = {
    "articles": "select * exclude (run_id) from articles order by all",
    "article_entities": "select * exclude (run_id) from article_entities order by all",
    "quarantine": "select * exclude (run_id) from quarantine order by all",
}


def snapshot(warehouse: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the contract's tables (run ids left out), in a stable order."""
    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        return {table: connection.sql(query).fetchall() for table, query in TABLES.items()}


def mixed_inputs(folder: Path) -> Path:
    """The seed page, the bundled samples, scraper records and an empty file, in one folder."""
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(SEED, folder / "zz-copy.txt")  # the same articles again, in a later batch: duplicates
    shutil.copytree(SAMPLES, folder / "samples")
    records = [
        {"source": "was", "url": "u1", "date_extracted": "2015-08-10 09:00:00", "title": "اختتام البرنامج",
         "author": "", "content": " بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n اختتمت اليوم فعاليات البرنامج."},
        {"source": "sabq", "url": "u2", "date_extracted": "2015-08-10", "title": "بلا نص", "author": "", "content": ""},
    ]  # fmt: skip
    (folder / "crawl.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_a_dask_cluster_loads_what_the_default_runner_loads(tmp_path: Path) -> None:
    from distributed import LocalCluster

    inputs = mixed_inputs(tmp_path / "in")
    # Small batches, so that several run on the workers at once and cross-batch duplicates are checked.
    plain = etl(paths=[str(inputs)], warehouse=str(tmp_path / "plain"), batch_bytes=4096)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        on_dask = etl.with_options(task_runner=task_runner(cluster.scheduler_address))
        spread = on_dask(paths=[str(inputs)], warehouse=str(tmp_path / "dask"), batch_bytes=4096)
    assert plain["articles_loaded"] > 0 and plain["files_rejected"] == 1 and plain["articles_duplicate"] >= 2
    counts = [k for k in plain if k.startswith(("files_", "articles_"))]
    assert {k: spread[k] for k in counts} == {k: plain[k] for k in counts}
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "plain")


def test_the_runner_is_dask_only_when_given_an_address() -> None:
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask.task_runners import DaskTaskRunner

    from akhbar.cli import parser

    assert isinstance(task_runner(None), ThreadPoolTaskRunner)
    runner = task_runner("tcp://scheduler:8786")  # connects only when the flow starts
    assert isinstance(runner, DaskTaskRunner) and runner.address == "tcp://scheduler:8786"
    assert parser().parse_args(["run", "--dask", "tcp://scheduler:8786"]).dask == "tcp://scheduler:8786"
