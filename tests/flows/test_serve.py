"""`akhbar serve` against a real Prefect server: a triggered run and a scheduled run load the same warehouse."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
from prefect.client.schemas.objects import FlowRun
from prefect.deployments import run_deployment
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.serve import DEPLOYMENT
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow
PREFECT = str(Path(sys.executable).with_name("prefect"))
AKHBAR = [sys.executable, "-m", "akhbar"]
DEADLINE_SECONDS = 80  # the whole test: server start (~10 s), two runs (~10 s each), margins


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without any Prefect API or akhbar setting, plus `extra`."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "AKHBAR_"))}
    return kept | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | extra


@contextmanager
def process(command: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command` in its own process group, output to `log`; on exit terminate the group (kill after 10 s)."""
    with log.open("wb") as output:
        child = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield child
        finally:
            stop(child, output)


def stop(child: subprocess.Popen[bytes], output: IO[bytes]) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            return
        try:
            child.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert server.poll() is None, "the Prefect server exited:\n" + log.read_text(errors="replace")[-3000:]
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError("the Prefect server did not answer /api/health in time:\n" + log.read_text()[-3000:])


def deployment_runs(name: str) -> list[FlowRun]:
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name(name)
        return client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])))


def wait_for_deployment(name: str, serving: subprocess.Popen[bytes], log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert serving.poll() is None, "akhbar serve exited:\n" + log.read_text(errors="replace")[-3000:]
        try:
            deployment_runs(name)
            return
        except Exception:  # not registered yet: the serve process is still starting
            time.sleep(0.5)
    raise AssertionError("akhbar serve registered no deployment in time:\n" + log.read_text()[-3000:])


def test_serve_runs_triggered_and_scheduled_runs_into_one_warehouse(tmp_path: Path) -> None:
    started = time.monotonic()
    deadline = started + DEADLINE_SECONDS
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / SEED.name).write_bytes(SEED.read_bytes())
    warehouse = tmp_path / "w"
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    home = str(tmp_path / "prefect-home")
    name = f"akhbar-etl/{DEPLOYMENT}"
    with ExitStack() as stack:
        server_log = tmp_path / "server.log"
        server = stack.enter_context(
            process(
                [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                clean_environment(
                    PREFECT_HOME=home,
                    PREFECT_SERVER_UI_ENABLED="false",
                    # The scheduler looks at new deployments every 5 s by default; 1 s keeps the test short.
                    PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS="1",
                ),
                server_log,
            )
        )
        wait_until_healthy(api, server, server_log, deadline)
        serve_log = tmp_path / "serve.log"
        # Entered after the server: ExitStack stops it first, while the server can still hear it pause.
        serving = stack.enter_context(
            process(
                [*AKHBAR, "serve", str(inputs), "--warehouse", str(warehouse), "--interval", "5"],
                clean_environment(
                    PREFECT_HOME=home,
                    PREFECT_API_URL=api,
                    PREFECT_RUNNER_POLL_FREQUENCY="1",
                    PREFECT_LOGGING_LEVEL="INFO",
                ),
                serve_log,
            )
        )
        with temporary_settings(updates={PREFECT_API_URL: api}):
            wait_for_deployment(name, serving, serve_log, deadline)
            triggered = run_deployment(name=name, timeout=max(1.0, deadline - time.monotonic()))
            assert isinstance(triggered, FlowRun)
            assert triggered.state is not None and triggered.state.is_completed(), (
                f"{triggered.state}\n" + serve_log.read_text(errors="replace")[-3000:]
            )
            scheduled: list[FlowRun] = []
            while time.monotonic() < deadline and not scheduled:
                runs = deployment_runs(name)
                scheduled = [r for r in runs if r.auto_scheduled and r.state and r.state.is_completed()]
                time.sleep(0.5)
            assert scheduled, "no scheduled run completed in time:\n" + serve_log.read_text(errors="replace")[-3000:]
            assert not [r for r in runs if r.state and r.state.is_failed()]
    # Everything stopped: a run cut short by the shutdown left nothing visible (no completed runs row).
    with duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True) as connection:
        assert connection.sql("select count(*), count(distinct article_id) from articles").fetchall() == [(2, 2)]
        runs_rows = connection.sql("select run_id, files_new, articles_loaded from runs where status = 'completed'")
        completed = runs_rows.fetchall()
    assert len(completed) >= 2
    run_ids = {row[0] for row in completed}
    assert str(triggered.id) in run_ids and str(scheduled[0].id) in run_ids
    # One run loaded the seed; every other one found it unchanged.
    assert sorted((new, loaded) for _, new, loaded in completed) == [(0, 0)] * (len(completed) - 1) + [(1, 2)]
    assert time.monotonic() - started < 90
