"""The `akhbar` command: run the flow, query the warehouse, serve the flow on a schedule."""

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from threading import Thread
from typing import Any

DEFAULT_WAREHOUSE = "warehouse-data"
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"


def _quiet_defaults() -> None:
    """Settings for a machine with no network, before Prefect or GX are imported."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # Polars' allocator keeps freed pages for reuse; returned after a second instead, a run's peak memory is
    # ~8 % lower at the same speed (measured on the bench corpus). Read when Polars first allocates.
    os.environ.setdefault("_RJEM_MALLOC_CONF", "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0")
    # Prefect gives its temporary server 20 s to start; on a busy machine it took longer and the run failed.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def default_warehouse() -> str:
    """$AKHBAR_WAREHOUSE, or ./warehouse-data."""
    return os.environ.get("AKHBAR_WAREHOUSE") or DEFAULT_WAREHOUSE


def parser() -> argparse.ArgumentParser:
    """The command line of CONTRACT.md."""
    root = argparse.ArgumentParser(prog="akhbar", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the ETL flow on files, folders or globs")
    run.add_argument("paths", nargs="*", metavar="PATH", help="inputs (default: the bundled samples)")
    run.add_argument("--warehouse", default=None, metavar="DIR", help="default: $AKHBAR_WAREHOUSE or ./warehouse-data")
    run.add_argument(
        "--dask",
        default=None,
        metavar="ADDRESS",
        help="run the batches on the Dask cluster whose scheduler is at ADDRESS (default: $AKHBAR_DASK_ADDRESS)",
    )

    query = commands.add_parser("query", help="run SQL read-only against the warehouse")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--warehouse", default=None, metavar="DIR")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")

    serve = commands.add_parser("serve", help="serve the flow as a scheduled Prefect deployment")
    serve.add_argument("paths", nargs="*", metavar="PATH")
    serve.add_argument("--warehouse", default=None, metavar="DIR")
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", metavar="EXPR")
    when.add_argument("--interval", type=float, metavar="SECONDS")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = parser().parse_args(argv)
    warehouse = args.warehouse or default_warehouse()
    try:
        if args.command == "run":
            return _run(args.paths, warehouse, args.dask)
        if args.command == "query":
            return _query(args.sql, warehouse, args.format)
        return _serve(args.paths, warehouse, args.cron, args.interval)
    except KeyboardInterrupt:
        print("akhbar: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # one clear line, not a traceback: the run could not complete
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"akhbar: {message}", file=sys.stderr)
        return 1


def _inputs(paths: list[str]) -> list[str]:
    return paths or [str(SAMPLES_DIR)]


def _start_prefect_server() -> None:
    """Start Prefect's temporary API server, unless an API is configured (it is then used instead).

    A head start only: a failure is left to Prefect, which starts the server again and says why it cannot.
    """
    with contextlib.suppress(Exception):
        from prefect.settings import get_current_settings

        if get_current_settings().api.url or not get_current_settings().server.ephemeral.enabled:
            return
        from prefect.server.api.server import SubprocessASGIServer

        # The instance Prefect's client asks for: once started here, the flow finds it running.
        SubprocessASGIServer().start()


def _run(paths: list[str], warehouse: str, dask: str | None = None) -> int:
    _quiet_defaults()
    # The temporary server takes seconds to start in its own process, and the flow's modules seconds to
    # import in this one: both at once.
    early = Thread(target=_start_prefect_server, name="akhbar-prefect-server", daemon=True)
    early.start()
    from flows.etl import etl
    from flows.runners import task_runner
    from tasks.extract import InputNotFoundError, find_inputs

    try:
        find_inputs(_inputs(paths))  # fail fast on a mistyped path, before Prefect starts
    except InputNotFoundError as error:
        print(f"akhbar: {error}", file=sys.stderr)
        return 2
    early.join()  # the client must not see a server that is still starting
    # Without --dask, the flow's own runner: the one $AKHBAR_DASK_ADDRESS chose when flows.etl was imported.
    flow = etl.with_options(task_runner=task_runner(dask)) if dask else etl
    summary = flow(paths=_inputs(paths), warehouse=str(Path(warehouse).resolve()))
    print(format_summary(summary))
    return 0


def format_summary(summary: dict[str, Any]) -> str:
    """The one-screen summary of a run."""
    s = summary
    restored = s.get("articles_restored", 0)
    return "\n".join(
        [
            f"akhbar run {s['run_id']}",
            f"  files     seen {s['files_seen']:>7}   new {s['files_new']:>7}   "
            f"unchanged {s['files_unchanged']:>7}   rejected {s['files_rejected']:>7}",
            f"  articles found {s['articles_found']:>7}   loaded {s['articles_loaded']:>7}   "
            f"duplicate {s['articles_duplicate']:>7}   quarantined {s['articles_quarantined']:>7}",
            *([f"  restored {restored:>7}   (gone from a changed file, loaded again from a copy)"] * bool(restored)),
            f"  warehouse {s['warehouse']}",
            f'  query it: akhbar query "select * from articles limit 5" --warehouse {s["warehouse"]}',
        ]
    )


def _query(sql: str, warehouse: str, output: str) -> int:
    from warehouse.query import run_query

    print(run_query(Path(warehouse), sql, output), end="")
    return 0


def _serve(paths: list[str], warehouse: str, cron: str | None, interval: float | None) -> int:
    _quiet_defaults()
    from flows.serve import serve_etl

    serve_etl(_inputs(paths), str(Path(warehouse).resolve()), cron=cron, interval=interval)
    return 0
