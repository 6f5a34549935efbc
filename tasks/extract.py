"""Find the input files, read their bytes, hash and decode them: the one stage besides load that does I/O."""

import glob
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import polars as pl

from tasks.decode import decode_bytes, raw_preview
from tasks.schemas import SOURCES

# Inputs that later issues teach akhbar to read; until then they are rejected with this reason.
NOT_YET_READ = {
    ".json": "scraper JSON is not read yet",
    ".jsonl": "scraper JSON Lines are not read yet",
    ".zip": "zip archives are not read yet",
    ".gz": "gzip archives are not read yet",
}


class InputNotFoundError(Exception):
    """A path given on the command line names no file, folder or glob match."""


def find_inputs(paths: Sequence[str]) -> list[Path]:
    """Expand files, folders (recursively, hidden files left out) and globs into a sorted list of files."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_file():
            found[path.resolve()] = None
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in relative.parts):
                    found[child.resolve()] = None
        else:
            # glob.glob, not Path.glob: the pattern may be absolute or climb with "..".
            matches = sorted(Path(m) for m in glob.glob(given, recursive=True))  # noqa: PTH207
            files = [m.resolve() for m in matches if m.is_file()]
            if not files:
                raise InputNotFoundError(f"no such file, folder or glob match: {given}")
            found.update(dict.fromkeys(files))
    return sorted(found)


def read_sources(files: Iterable[Path], current: dict[str, str]) -> pl.DataFrame:
    """One SOURCES row per file: hashed; skipped as unchanged when its content is the one already loaded."""
    rows: list[dict[str, object]] = []
    for path in files:
        name = str(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            rows.append(_rejected(name, None, 0, f"unreadable: {error.strerror or error}", ""))
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        row: dict[str, object] = {"source_path": name, "source_sha256": sha256, "size": len(data)}
        if current.get(name) == sha256:
            rows.append(row | {"status": "unchanged"})
            continue
        not_yet = NOT_YET_READ.get(path.suffix.lower())
        if not_yet is not None:
            rows.append(_rejected(name, sha256, len(data), not_yet, raw_preview(data)))
            continue
        decoded = decode_bytes(data)
        if decoded.text is None:
            reason = decoded.reason or "undecodable"
            rows.append(_rejected(name, sha256, len(data), reason, raw_preview(data)))
            continue
        rows.append(row | {"status": "new", "encoding": decoded.encoding, "text": decoded.text})
    return pl.DataFrame(rows, schema=SOURCES)


def _rejected(path: str, sha256: str | None, size: int, reason: str, raw: str) -> dict[str, object]:
    return {
        "source_path": path,
        "source_sha256": sha256,
        "size": size,
        "status": "rejected",
        "reason": reason,
        "raw": raw,
    }


def plan_batches(files: Sequence[Path], max_bytes: int) -> list[list[Path]]:
    """Group files, in order, into batches of at most `max_bytes` (a larger file gets a batch alone)."""
    batches: list[list[Path]] = []
    current: list[Path] = []
    size = 0
    for path in files:
        try:
            file_size = path.stat().st_size
        except OSError:
            file_size = 0  # read_sources will reject it with the reason
        if current and size + file_size > max_bytes:
            batches.append(current)
            current, size = [], 0
        current.append(path)
        size += file_size
    if current:
        batches.append(current)
    return batches
