"""The frameworks' minimum: a one-task Prefect flow (ephemeral server) in a script that imports GX."""

import os
import sys

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations  # noqa: F401 - the import is what is measured
from prefect import flow, task


@task
def one() -> int:
    """The task."""
    return 1


@flow
def minimum() -> int:
    """The flow."""
    return one()


if __name__ == "__main__":
    sys.exit(0 if minimum() == 1 else 1)
