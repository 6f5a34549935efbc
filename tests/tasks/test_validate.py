"""Validation runs the real GX suite of expectations/ and sends each failing row to quarantine with why."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
from polars.testing import assert_frame_equal

from tasks.validate import load_suite, suite_columns, validate

TODAY = date(2026, 11, 24)
ROOT = Path(__file__).resolve().parents[2]


def batch() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e", "e"],
            "title": ["t", "t", None, "t", "t", "t"],
            "published_date": [
                date(2024, 7, 26),
                None,
                date(2024, 7, 26),
                date(1980, 1, 1),
                TODAY,
                date(2026, 11, 26),
            ],
            "date_source": ["page", None, "body", "page", "page", "crawl"],
            "body": ["نص", "نص", "نص", "", "نص", "نص"],
            "position": [0, 1, 0, 0, 0, 1],
        },
        schema_overrides={"position": pl.Int32},
    )


def test_suite_is_kept_as_json_and_names_the_contract_columns() -> None:
    suite = load_suite("articles")
    assert suite["name"] == "articles"
    assert suite_columns(suite) == [
        "published_date",
        "body",
        "title",
        "article_id",
        "date_source",
        "position",
    ]


def test_failing_rows_are_split_off_with_the_failed_expectations_as_reasons() -> None:
    verdict = validate(batch(), "articles", TODAY)
    assert_frame_equal(verdict.passed, batch().head(1))
    failed = verdict.failed.select("article_id", "reason").rows()
    assert failed == [
        # GX leaves nulls to the not-null expectations: the null date_source is not a second reason.
        ("b", "no publication date found on the page (expect_column_values_to_not_be_null)"),
        ("c", "no title (expect_column_values_to_not_be_null)"),
        (
            "d",
            "publication date outside 1990-01-01 .. tomorrow (expect_column_values_to_be_between); "
            "article body is empty (expect_column_value_lengths_to_be_between)",
        ),
        ("e", "article id not unique in its batch (expect_column_values_to_be_unique)"),
        (
            "e",
            "publication date outside 1990-01-01 .. tomorrow (expect_column_values_to_be_between); "
            "article id not unique in its batch (expect_column_values_to_be_unique)",
        ),
    ]
    assert verdict.failed.columns == [*batch().columns, "reason"]
    assert verdict.result["success"] is False
    assert len(verdict.result["results"]) == len(load_suite("articles")["expectations"])


def test_an_empty_batch_passes_without_calling_gx() -> None:
    verdict = validate(batch().clear(), "articles", TODAY)
    assert (verdict.passed.height, verdict.failed.height, verdict.result["success"]) == (0, 0, True)


def test_validation_waits_for_a_warm_up_still_importing_gx() -> None:
    # In a fresh interpreter, where GX is not imported yet: the flow warms GX up in a thread and the first
    # batch may be validated while that import is under way (it once failed on GX's circular imports).
    script = (
        "import threading, datetime\n"
        "from tasks.validate import prepare, validate\n"
        "from tests.tasks.test_validate import batch\n"
        "threading.Thread(target=prepare).start()\n"
        "verdict = validate(batch(), 'articles', datetime.date(2026, 11, 24))\n"
        "print(verdict.passed.height, verdict.failed.height)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "5"]
