"""Serve the ETL flow as a scheduled deployment against the Prefect API in PREFECT_API_URL."""

from flows.etl import etl

DEPLOYMENT = "akhbar-scheduled"
# One run at a time: runs on one warehouse wait for its writer lock anyway, and each run is a process
# that imports Polars and GX (seconds of CPU); runs that come due meanwhile start when it finishes.
CONCURRENT_RUNS = 1


def serve_etl(paths: list[str], warehouse: str, *, cron: str | None, interval: float | None) -> None:
    """Serve the flow with a schedule; each scheduled run reads `paths` into `warehouse`."""
    etl.serve(
        name=DEPLOYMENT,
        parameters={"paths": paths, "warehouse": warehouse},
        cron=cron,
        interval=interval,
        limit=CONCURRENT_RUNS,
    )
