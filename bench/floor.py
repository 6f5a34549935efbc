"""The floor: read every file of a folder, decode it into one frame, write Parquet; nothing else.

Zip archives (the SaudiNewsNet days) are opened and their members decoded, as akhbar must.
"""

import sys
import zipfile
from pathlib import Path

import polars as pl


def texts_of(path: Path) -> list[tuple[str, str]]:
    """(name, text) of a file, or of each member of a zip archive."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return [(f"{path}!/{name}", archive.read(name).decode("utf-8")) for name in archive.namelist()]
    return [(str(path), path.read_bytes().decode("utf-8"))]


def main(folder: str, out: str) -> int:
    """Read, decode, frame, write."""
    paths = sorted(p for p in Path(folder).rglob("*") if p.is_file() and not p.name.startswith("."))
    rows = [row for path in paths for row in texts_of(path)]
    pl.DataFrame(rows, schema=["path", "text"], orient="row").write_parquet(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
