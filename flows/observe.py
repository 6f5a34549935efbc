"""What each stage of a run took: the per-batch log lines and the run's per-stage totals."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, ParamSpec, TypeVar

STAGES = ("extract", "transform", "validate", "load")
# Steps inside a stage, timed apart: finding the entities, of the transform.
PARTS = {"entities": "transform"}
T = TypeVar("T")
P = ParamSpec("P")


class Parcel(Generic[T]):
    """A value handed to or from a Prefect task, emptied by the flow once it is used.

    Prefect keeps every task run's parameters and return value until the flow run ends (its engine
    context and the task's transaction refer to them). Frames handed over bare would all stay in memory
    to the end of the run, growing with the input; in a parcel, only the emptied parcel stays.
    """

    def __init__(self, value: T) -> None:
        self._value = value
        self._emptied = False

    @property
    def value(self) -> T:
        """What the parcel holds (an emptied parcel holds nothing and says so)."""
        if self._emptied:
            raise RuntimeError("this parcel was emptied: its value was used and released")
        return self._value

    def empty(self) -> None:
        """Let go of the value, so that it is freed even though Prefect still holds the parcel."""
        self._emptied = True
        del self._value


class Timed(Parcel[T]):
    """A stage's output and the seconds it took where it ran (a Dask worker or the flow's process)."""

    def __init__(self, value: T, seconds: float) -> None:
        super().__init__(value)
        self.seconds = seconds


def timed(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Timed[T]:
    """Call `function` and measure it (on the clock of the process that runs it)."""
    clock = time.perf_counter()
    value = function(*args, **kwargs)
    return Timed(value, time.perf_counter() - clock)


def stage_line(
    stage: str, batch: int, inputs: int, input_unit: str, outputs: int, output_unit: str, seconds: float
) -> str:
    """The log line of one stage of one batch, e.g. `stage transform batch 0: 1000 pages → 2522 articles in 3.21s`."""
    return f"stage {stage} batch {batch}: {inputs} {input_unit} → {outputs} {output_unit} in {seconds:.2f}s"


@dataclass
class StageTotals:
    """Seconds and output rows of each stage and each part of one (PARTS), summed over the batches of a run."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys((*STAGES, *PARTS), 0.0))
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*STAGES, *PARTS), 0))

    def add(self, stage: str, rows: int, seconds: float) -> None:
        """Count one batch's pass through `stage`."""
        self.seconds[stage] += seconds
        self.rows[stage] += rows

    def rate(self, stage: str) -> float:
        """Output rows per second of `stage` (0 when it took no measurable time)."""
        seconds = self.seconds[stage]
        return self.rows[stage] / seconds if seconds > 0 else 0.0

    def summary(self) -> dict[str, float]:
        """`<stage>_seconds` and `<stage>_rows_per_second` of every stage and part, for the run summary."""
        found: dict[str, float] = {}
        for stage in (*STAGES, *PARTS):
            found[f"{stage}_seconds"] = round(self.seconds[stage], 3)
            found[f"{stage}_rows_per_second"] = round(self.rate(stage), 1)
        return found

    def line(self) -> str:
        """The closing log line, e.g. `stage totals: extract 1.20s (830 rows/s), transform …; of transform, entities
        0.50s (4000 rows/s)`."""
        stages = [f"{stage} {self.seconds[stage]:.2f}s ({self.rate(stage):.0f} rows/s)" for stage in STAGES]
        parts = [
            f"of {of}, {part} {self.seconds[part]:.2f}s ({self.rate(part):.0f} rows/s)" for part, of in PARTS.items()
        ]
        return "; ".join(["stage totals: " + ", ".join(stages), *parts])
