"""A run's running totals, kept by the flow and added to by its recovery."""

from dataclasses import dataclass, field

import polars as pl

from flows.observe import StageTotals
from tasks.accounting import Counts
from tasks.spellings import SPELLINGS


@dataclass
class Progress:
    """What the batches of a run added up to so far."""

    live: pl.DataFrame
    counts: Counts = field(default_factory=Counts)
    stages: StageTotals = field(default_factory=StageTotals)
    quarantined: list[pl.DataFrame] = field(default_factory=list)
    resumed: int = 0
    # Live (article_id, source_path) pairs of files read anew: their articles may not come back.
    retired: list[pl.DataFrame] = field(default_factory=list)
    restored: int = 0
    # How the warehouse and the batches loaded so far write each name a rule read (tasks.spellings.SPELLINGS).
    spellings: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=SPELLINGS))
