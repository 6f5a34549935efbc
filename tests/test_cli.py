"""End to end through the `akhbar` command, as a user runs it: real processes, real Prefect API."""

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.slow
AKHBAR = [sys.executable, "-m", "akhbar"]


def akhbar(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")} | (env or {})
    environment.pop("AKHBAR_WAREHOUSE", None)
    return subprocess.run([*AKHBAR, *args], capture_output=True, text=True, env=environment, timeout=600, check=False)


def test_run_then_query_the_seed(tmp_path: Path, prefect_api: str) -> None:
    warehouse = str(tmp_path / "w")
    run = akhbar("run", str(SEED.parent), "--warehouse", warehouse, env={"PREFECT_API_URL": prefect_api})
    assert run.returncode == 0, run.stderr
    assert "files     seen       1   new       1   unchanged       0   rejected       0" in run.stdout
    assert "articles found       2   loaded       2   duplicate       0   quarantined       0" in run.stdout
    assert f"warehouse {Path(warehouse).resolve()}" in run.stdout
    query = akhbar(
        "query",
        "select position, published_date, dateline, author from articles order by position",
        "--warehouse",
        warehouse,
        "--format",
        "csv",
    )
    assert query.returncode == 0, query.stderr
    assert (
        query.stdout
        == "position,published_date,dateline,author\n0,2024-07-26,بغداد,Admin\n1,2024-12-20,بغداد,moh moh\n"
    )
    again = akhbar("run", str(SEED.parent), "--warehouse", warehouse, env={"PREFECT_API_URL": prefect_api})
    assert "unchanged       1" in again.stdout and "loaded       0" in again.stdout
    runs = akhbar(
        "query",
        "select files_unchanged, articles_loaded from runs order by finished_at",
        "--warehouse",
        warehouse,
        "--format",
        "json",
    )
    assert json.loads(runs.stdout) == [
        {"files_unchanged": 0, "articles_loaded": 2},
        {"files_unchanged": 1, "articles_loaded": 0},
    ]


def test_run_with_no_path_loads_the_bundled_samples_in_ephemeral_mode(tmp_path: Path) -> None:
    # No PREFECT_API_URL: Prefect starts its own temporary server, as on a user's first run.
    env = {"PREFECT_HOME": str(tmp_path / "prefect-home"), "AKHBAR_WAREHOUSE": str(tmp_path / "w")}
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")} | env
    run = subprocess.run([*AKHBAR, "run"], capture_output=True, text=True, env=environment, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    assert "files     seen       4   new       4" in run.stdout
    assert "loaded      10" in run.stdout
    assert (tmp_path / "w" / "akhbar.duckdb").exists()


def test_a_missing_input_is_one_line_on_stderr(tmp_path: Path) -> None:
    run = akhbar("run", str(tmp_path / "nothing-here"), "--warehouse", str(tmp_path / "w"))
    assert run.returncode == 2
    assert run.stderr == f"akhbar: no such file, folder or glob match: {tmp_path / 'nothing-here'}\n"
    assert not (tmp_path / "w").exists()


def test_query_without_a_warehouse_is_one_line_on_stderr(tmp_path: Path) -> None:
    run = akhbar("query", "select 1", "--warehouse", str(tmp_path / "w"))
    assert run.returncode == 1
    assert run.stderr.startswith(f"akhbar: no warehouse at {tmp_path / 'w'}")
    assert run.stderr.count("\n") == 1


def test_bad_sql_is_one_line_on_stderr(tmp_path: Path, prefect_api: str) -> None:
    warehouse = tmp_path / "w"
    shutil.copytree(SEED.parent, tmp_path / "in")
    assert (
        akhbar(
            "run", str(tmp_path / "in"), "--warehouse", str(warehouse), env={"PREFECT_API_URL": prefect_api}
        ).returncode
        == 0
    )
    run = akhbar("query", "select nope from articles", "--warehouse", str(warehouse))
    assert run.returncode == 1
    assert run.stderr.startswith('akhbar: Binder Error: Referenced column "nope" not found')
    assert run.stderr.count("\n") == 1


def test_a_folder_of_bad_and_good_files_runs_through(tmp_path: Path, prefect_api: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    page = SEED.read_text(encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (inputs / "windows-1256.txt").write_bytes(page.replace("ی", "ي").replace("\n", "\r\n").encode("cp1256"))
    (inputs / "utf8-bom-crlf.txt").write_bytes(codecs.BOM_UTF8 + page.replace("\n", "\r\n").encode("utf-8"))
    warehouse = str(tmp_path / "w")
    run = akhbar("run", str(inputs), "--warehouse", warehouse, env={"PREFECT_API_URL": prefect_api})
    assert run.returncode == 0, run.stderr
    quarantine = akhbar(
        "query", "select reason from quarantine order by reason", "--warehouse", warehouse, "--format", "csv"
    )
    assert quarantine.stdout == 'reason\n"binary file: 8 NUL bytes, not text"\nempty file (0 bytes)\n'
    runs = akhbar(
        "query",
        "select * exclude (run_id, started_at, finished_at) from runs",
        "--warehouse",
        warehouse,
        "--format",
        "json",
    )
    assert json.loads(runs.stdout) == [
        {
            "files_seen": 4,
            "files_new": 2,
            "files_unchanged": 0,
            "files_rejected": 2,
            # The two good dumps hold the same two articles: the second copy of each is a duplicate.
            "articles_found": 4,
            "articles_loaded": 2,
            "articles_duplicate": 2,
            "articles_quarantined": 0,
            "status": "completed",
        }
    ]
