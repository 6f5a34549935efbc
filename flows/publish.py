"""What a run leaves for people: its row in the runs table, and its summary and quarantine as Prefect artifacts."""

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import polars as pl
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from tasks.accounting import Counts


def run_row(run_id: str, started: datetime, counts: Counts, status: str) -> pl.DataFrame:
    """The run's row of the runs table: when it started and ended, its counts and how it ended."""
    return pl.DataFrame(
        [
            {
                "run_id": run_id,
                "started_at": started,
                "finished_at": datetime.now(UTC),
                **asdict(counts),
                "status": status,
            }
        ]
    )


def publish(summary: dict[str, Any], quarantine: pl.DataFrame) -> None:
    """The run summary and this run's quarantine as Prefect artifacts."""
    create_table_artifact(
        key="akhbar-run-summary",
        table=[{"measure": key, "value": value} for key, value in summary.items()],
        description="What the run saw and where each file and article went.",
    )
    rows = quarantine.select("source_path", "position", "reason").sort("source_path", "position").rows()
    lines = [f"- `{path}` {'' if position is None else f'#{position} '}: {reason}" for path, position, reason in rows]
    create_markdown_artifact(
        key="akhbar-quarantine",
        markdown="# Quarantined in this run\n\n" + ("\n".join(lines) if lines else "Nothing."),
        description="Files and articles not loaded, and why.",
    )
