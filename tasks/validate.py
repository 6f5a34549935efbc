"""Run the Great Expectations suites of expectations/ on a batch and split it into good and failed rows."""

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"
ROW = "_row"


@dataclass(frozen=True)
class Verdict:
    """The rows that passed, the rows that failed with their reasons, and GX's own result."""

    passed: pl.DataFrame
    failed: pl.DataFrame  # the failed rows, with a "reason" column
    result: dict[str, Any]  # GX's validation result, as JSON


@cache
def load_suite(name: str) -> dict[str, Any]:
    """The suite named `name`, as kept in expectations/NAME.json."""
    suite: dict[str, Any] = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return suite


def suite_columns(suite: dict[str, Any]) -> list[str]:
    """The columns a suite looks at, in the order it names them."""
    columns: dict[str, None] = {}
    for expectation in suite["expectations"]:
        column = expectation["kwargs"].get("column")
        if column is not None:
            columns[column] = None
    return list(columns)


# One context per process, made by whichever thread asks first (the flow warms it up in a thread).
_CONTEXT_LOCK = threading.Lock()


def prepare() -> None:
    """Import GX and make its context now: seconds that a thread can spend while the first batch is read."""
    _batch_definition()


def _batch_definition() -> Any:
    """The GX batch definition that validation runs on, made once per process."""
    with _CONTEXT_LOCK:
        return _make_batch_definition()


@cache
def _make_batch_definition() -> Any:
    """A GX ephemeral context with one pandas dataframe asset."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # imported here: it takes seconds, and only validation needs it
    from great_expectations.data_context.types.base import ProgressBarsConfig

    # GX sets this logger to INFO and says it made a temporary docs folder on every context: not news.
    logging.getLogger("great_expectations.data_context.types.base").setLevel(logging.WARNING)

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("akhbar")
    asset = source.add_dataframe_asset("batch")
    return asset.add_batch_definition_whole_dataframe("whole")


def run_suite(frame: pl.DataFrame, suite: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any]:
    """Validate a frame against a suite with GX; GX's result as JSON, with row numbers of failures."""
    # GX's context first: it waits for the warm-up thread's import of GX to finish. Importing a part of GX
    # while another thread imports the whole fails on GX's circular imports.
    definition = _batch_definition()
    from great_expectations.core.expectation_suite import ExpectationSuite

    columns = suite_columns(suite)
    pandas = frame.select(columns).to_pandas(use_pyarrow_extension_array=True)
    for column, dtype in frame.select(columns).schema.items():
        if dtype == pl.Date:
            # GX compares dates with Python dates; pyarrow dates compare as timestamps and fail.
            pandas[column] = pandas[column].astype(object)
    batch = definition.get_batch(batch_parameters={"dataframe": pandas})
    result = batch.validate(
        ExpectationSuite(**json.loads(json.dumps(suite))),
        result_format={"result_format": "COMPLETE"},
        expectation_parameters=parameters,
    )
    out: dict[str, Any] = result.to_json_dict()
    return out


def failures(result: dict[str, Any], suite: dict[str, Any]) -> pl.DataFrame:
    """One row per failed row and expectation: the row number and the expectation's reason."""
    reasons = {
        (e["type"], json.dumps(e["kwargs"].get("column"))): e.get("meta", {}).get("reason", e["type"])
        for e in suite["expectations"]
    }
    rows: list[int] = []
    texts: list[str] = []
    for outcome in result["results"]:
        if outcome["success"]:
            continue
        config = outcome["expectation_config"]
        column = config["kwargs"].get("column")
        reason = f"{reasons.get((config['type'], json.dumps(column)), config['type'])} ({config['type']})"
        exception = outcome.get("exception_info") or {}
        nested = [info for info in exception.values() if isinstance(info, dict)]
        if exception.get("raised_exception") or any(info.get("raised_exception") for info in nested):
            raise RuntimeError(f"validation could not run {config['type']} on {column}: {exception}")
        indexes = outcome["result"].get("unexpected_index_list") or []
        rows.extend(int(i) for i in indexes)
        texts.extend([reason] * len(indexes))
    return pl.DataFrame({ROW: rows, "reason": texts}, schema={ROW: pl.UInt32, "reason": pl.String})


def validate(frame: pl.DataFrame, suite_name: str, today: date) -> Verdict:
    """Split a batch into rows that meet every expectation and rows that fail, with the reasons why."""
    # Rows the transform already knows to be unusable fail with its reason, before GX sees the rest.
    if "problem" in frame.columns:
        unusable = frame.filter(pl.col("problem").is_not_null()).with_columns(reason=pl.col("problem"))
        frame = frame.filter(pl.col("problem").is_null())
    else:
        unusable = frame.clear().with_columns(reason=pl.lit(None, dtype=pl.String))
    suite = load_suite(suite_name)
    parameters = {"tomorrow": date.fromordinal(today.toordinal() + 1).isoformat()}
    result = run_suite(frame, suite, parameters) if frame.height else {"success": True, "results": []}
    failed_rows = (
        failures(result, suite)
        .group_by(ROW, maintain_order=True)
        .agg(pl.col("reason").unique(maintain_order=True).str.join("; "))
    )
    numbered = frame.with_row_index(ROW)
    passed = numbered.join(failed_rows, on=ROW, how="anti").drop(ROW)
    failed = numbered.join(failed_rows, on=ROW, how="inner", maintain_order="left").drop(ROW)
    return Verdict(passed=passed, failed=pl.concat([unusable, failed]), result=result)
