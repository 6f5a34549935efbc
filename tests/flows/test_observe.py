"""Per-stage log lines and totals: the formats the benchmark greps, and what a run reports."""

import logging
import re
import shutil
from pathlib import Path

import pytest

from flows.etl import etl
from flows.observe import StageTotals, stage_line
from tests.conftest import SEED


def test_a_stage_line_says_what_went_in_and_out_and_how_long() -> None:
    line = stage_line("transform", 0, 1000, "pages", 2522, "articles", 3.2109)
    assert line == "stage transform batch 0: 1000 pages → 2522 articles in 3.21s"


def test_stage_totals_add_up_batches() -> None:
    totals = StageTotals()
    totals.add("extract", 100, 0.5)
    totals.add("extract", 140, 0.7)
    assert totals.summary()["extract_seconds"] == 1.2
    assert totals.summary()["extract_rows_per_second"] == 200.0
    assert totals.summary()["load_rows_per_second"] == 0.0  # no time measured, no division by zero
    assert totals.line().startswith("stage totals: extract 1.20s (200 rows/s), transform 0.00s (0 rows/s)")
    totals.add("entities", 4000, 0.5)
    assert totals.summary()["entities_rows_per_second"] == 8000.0
    assert totals.line().endswith("load 0.00s (0 rows/s); of transform, entities 0.50s (8000 rows/s)")


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_api")
def test_a_run_logs_each_stage_of_each_batch_and_returns_the_totals(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs)
    with caplog.at_level(logging.INFO):
        summary = etl(paths=[str(inputs)], warehouse=str(tmp_path / "w"))
    messages = [record.getMessage() for record in caplog.records]
    # Rows written by load: the articles, their entities, the manifest row; the entity count is the gazetteer's.
    stages = [
        re.sub(r"→ \d+ (?:entity )?rows", "→ rows", m.split(" in ")[0])
        for m in messages
        if m.startswith("stage ") and "batch" in m
    ]
    assert stages == [
        "stage extract batch 0: 1 files → 1 sources",
        "stage transform batch 0: 1 sources → 2 articles",
        "stage entities batch 0: 2 articles → rows",
        "stage validate batch 0: 2 articles → 2 passed",
        "stage load batch 0: 2 articles → rows",
    ]
    assert any(m.startswith("stage totals: extract ") for m in messages)
    for stage in ("extract", "transform", "entities", "validate", "load"):
        assert summary[f"{stage}_seconds"] >= 0
        assert summary[f"{stage}_rows_per_second"] >= 0
    assert summary["transform_rows_per_second"] > 0
    # Finding the entities is part of the transform, and its rate counts the articles searched.
    assert 0 < summary["entities_seconds"] <= summary["transform_seconds"]
    # The summary rounds rates to 0.1 and seconds to 0.001: the rate is 2 articles over seconds within those roundings.
    seconds, rate = summary["entities_seconds"], summary["entities_rows_per_second"]
    assert 2 / (seconds + 0.0005) - 0.05 <= rate <= 2 / (seconds - 0.0005) + 0.05
