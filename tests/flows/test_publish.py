"""A run's summary and its quarantine are published as Prefect artifacts."""

import json
import shutil
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterKey,
    FlowRunFilter,
    FlowRunFilterId,
)

from flows.etl import etl
from tests.conftest import SEED

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_api")]


def test_the_run_summary_and_quarantine_are_prefect_artifacts(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    shutil.copy(SEED, inputs)
    summary = etl(paths=[str(inputs)], warehouse=str(tmp_path / "w"))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["akhbar-run-summary", "akhbar-quarantine"])),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[summary["run_id"]])),
        )
    by_key = {a.key: a for a in artifacts}
    assert by_key["akhbar-run-summary"].type == "table"
    table = by_key["akhbar-run-summary"].data
    assert {"measure": "articles_loaded", "value": 2} in (json.loads(table) if isinstance(table, str) else table)
    assert by_key["akhbar-quarantine"].type == "markdown"
    assert "empty.txt` : empty file (0 bytes)" in str(by_key["akhbar-quarantine"].data)
