"""Run every benchmark module (bench/bench_*.py) in one process and write BENCHMARKS.md."""

import importlib
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    """One line on where the figures were measured."""
    cpus = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False, cwd=ROOT
    )
    return (
        f"{platform.node()} · {platform.machine()} · {cpus} cores · Python {platform.python_version()} · "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · commit {commit.stdout.strip() or 'unknown'}"
    )


def main(argv: list[str]) -> int:
    """Run the benchmarks named on the command line (default: all) and write BENCHMARKS.md."""
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    sections = [f"# Benchmarks\n\nWritten by `make bench`; the figures are the ones it printed.\n\n{machine()}\n"]
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== {name}", flush=True)
        section: str = module.run()
        print(section, flush=True)
        sections.append(section)
    (ROOT / "BENCHMARKS.md").write_text("\n".join(sections), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
