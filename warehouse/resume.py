"""What the warehouse remembers of each loaded batch, so that a rerun of a failed run skips the batches it finished."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

# Under the warehouse: one JSON record per batch loaded (written after its Parquet files).
BATCHES_DIR = "batches"


@dataclass(frozen=True)
class BatchRecord:
    """A loaded batch: the run and batch number, its input files with their sha256, and its counts."""

    run_id: str
    batch: int
    recorded_at: str  # ISO 8601, UTC: after the run took the writer lock, so after every earlier commit
    files: list[tuple[str, str | None]]
    counts: dict[str, int]

    def to_json(self) -> str:
        """The record as the JSON kept under batches/."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "BatchRecord":
        """Read a record written by to_json."""
        data = json.loads(text)
        files = [(str(path), sha) for path, sha in data["files"]]
        return cls(data["run_id"], int(data["batch"]), data["recorded_at"], files, dict(data["counts"]))

    def recorded(self) -> datetime:
        """When the batch was recorded."""
        return datetime.fromisoformat(self.recorded_at)


def file_sha256(path: str | Path) -> str | None:
    """The sha256 of a file's bytes; None when it cannot be read (such a batch is never resumed)."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def fingerprint(files: list[str], known: dict[str, str | None]) -> list[tuple[str, str | None]]:
    """(path, sha256) of each input file: the hash extract computed when it has one, else read again (archives)."""
    return [(str(path), known.get(str(path)) or file_sha256(path)) for path in files]
