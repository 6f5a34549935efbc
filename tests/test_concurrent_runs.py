"""Two `akhbar run` processes on one warehouse at once: the second waits for the first, nothing is loaded twice."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED
from warehouse.store import Warehouse

pytestmark = pytest.mark.slow
AKHBAR = [sys.executable, "-m", "akhbar"]
WAITING = "waiting for another run writing this warehouse to finish"


def test_two_runs_at_once_take_turns(tmp_path: Path, prefect_api: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / SEED.name).write_bytes(SEED.read_bytes())
    warehouse = tmp_path / "w"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "AKHBAR_"))}
    env |= {"PREFECT_API_URL": prefect_api}
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    children: list[subprocess.Popen[bytes]] = []
    # The test holds the lock until both runs wait for it, so that they surely overlap; then lets go.
    try:
        with Warehouse(warehouse).writing():
            for log in logs:
                with log.open("wb") as output:
                    children.append(
                        subprocess.Popen(
                            [*AKHBAR, "run", str(inputs), "--warehouse", str(warehouse)],
                            env=env,
                            stdout=output,
                            stderr=subprocess.STDOUT,
                        )
                    )
            deadline = time.monotonic() + 120
            while not all(WAITING in log.read_text(errors="replace") for log in logs):
                assert time.monotonic() < deadline, "the runs did not both wait for the lock"
                assert all(child.poll() is None for child in children), [log.read_text() for log in logs]
                time.sleep(0.2)
        codes = [child.wait(timeout=180) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert codes == [0, 0], [log.read_text() for log in logs]
    query = subprocess.run(
        [
            *AKHBAR,
            "query",
            "select (select count(*) from articles) articles, files_seen, files_new, files_unchanged, "
            "articles_loaded, status from runs order by finished_at",
            "--warehouse",
            str(warehouse),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(query.stdout) == [
        {
            "articles": 2,
            "files_seen": 1,
            "files_new": 1,
            "files_unchanged": 0,
            "articles_loaded": 2,
            "status": "completed",
        },
        {
            "articles": 2,
            "files_seen": 1,
            "files_new": 0,
            "files_unchanged": 1,
            "articles_loaded": 0,
            "status": "completed",
        },
    ]
