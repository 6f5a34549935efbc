"""The floor: read every file of a folder, decode it into one frame, write Parquet; nothing else."""

import sys
from pathlib import Path

import polars as pl


def main(folder: str, out: str) -> int:
    """Read, decode, frame, write."""
    paths = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    pl.DataFrame({"path": [str(p) for p in paths], "text": texts}).write_parquet(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
