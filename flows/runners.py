"""Where the batches run: in the flow's process (default) or on an existing Dask cluster."""

import os
from typing import Any

from prefect.context import FlowRunContext
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

# The scheduler address (tcp://host:8786) of a Dask cluster to run the batches on, for deployments
# and `akhbar serve`; `akhbar run --dask ADDRESS` sets it for one run.
DASK_ADDRESS_VARIABLE = "AKHBAR_DASK_ADDRESS"
# Batches extracted and transformed at once per worker thread of the cluster: enough to keep every
# worker busy while the flow validates and loads, few enough that the frames waiting for the flow
# (they come back to its process) stay a small multiple of one batch each.
BATCHES_PER_DASK_THREAD = 2
LOCAL_BATCHES_IN_FLIGHT = 2


def dask_address() -> str | None:
    """The Dask scheduler address set in the environment, if any."""
    return os.environ.get(DASK_ADDRESS_VARIABLE) or None


def task_runner(address: str | None) -> TaskRunner[Any]:
    """A Dask task runner connected to the cluster at `address`, or the default one without."""
    if address is None:
        return ThreadPoolTaskRunner()
    # Imported only when asked for: distributed takes a while to import and most runs do not need it.
    from prefect_dask.task_runners import DaskTaskRunner

    return DaskTaskRunner(address=address)


def batches_in_flight() -> int:
    """How many batches to extract and transform at once on the current flow run's task runner."""
    context = FlowRunContext.get()
    runner = context.task_runner if context is not None else None
    if runner is None or type(runner).__name__ != "DaskTaskRunner":
        # In the flow's own process, two: the next batch is read and transformed while the flow validates
        # and loads this one, and Polars' string kernels, one thread per column, get a core each.
        return LOCAL_BATCHES_IN_FLIGHT
    threads = sum(runner.client.nthreads().values())  # type: ignore[attr-defined]
    return max(1, BATCHES_PER_DASK_THREAD * threads)
