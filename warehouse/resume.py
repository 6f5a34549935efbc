"""What the warehouse remembers of each loaded batch, so that a rerun of a failed run skips the batches it finished."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

# Under the warehouse: one JSON record per batch loaded (written after its Parquet files).
BATCHES_DIR = "batches"
# What turns files into a batch's rows: the stages' code and reference data, and the expectations.
PROJECT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("tasks", "expectations")


@dataclass(frozen=True)
class BatchRecord:
    """A loaded batch: the run and batch number, its input files with their sha256, and its counts."""

    run_id: str
    batch: int
    recorded_at: str  # ISO 8601, UTC: after the run took the writer lock, so after every earlier commit
    files: list[tuple[str, str | None]]
    counts: dict[str, int]
    code: str | None = None  # code_version() of the run that loaded it (None: recorded before it was kept)

    def to_json(self) -> str:
        """The record as the JSON kept under batches/."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "BatchRecord":
        """Read a record written by to_json."""
        data = json.loads(text)
        files = [(str(path), sha) for path, sha in data["files"]]
        return cls(
            data["run_id"], int(data["batch"]), data["recorded_at"], files, dict(data["counts"]), data.get("code")
        )

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


@cache
def code_version(root: Path = PROJECT) -> str:
    """A sha256 over the code and reference data that make a batch's rows: a batch is resumed only under the same."""
    digest = hashlib.sha256()
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
