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


HEADER = (
    "# Benchmarks\n\nWritten by `make bench` (and `make bench-10x` for the pipeline at ten times the corpus); "
    "the figures are the ones it printed. Each section says where and when it was measured.\n"
)


def sections_of(text: str) -> dict[str, str]:
    """The `## ` sections of a BENCHMARKS.md, by their heading line, in order."""
    found: dict[str, str] = {}
    for chunk in text.split("\n## ")[1:]:
        heading = "## " + chunk.split("\n", 1)[0]
        found[heading] = "## " + chunk.rstrip("\n") + "\n"
    return found


def main(argv: list[str]) -> int:
    """Run the benchmarks named on the command line (default: all); their sections replace theirs in BENCHMARKS.md."""
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    path = ROOT / "BENCHMARKS.md"
    sections = sections_of(path.read_text(encoding="utf-8")) if path.exists() else {}
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== {name}", flush=True)
        heading, body = module.run().split("\n", 1)
        section = f"{heading}\n\n{machine()}\n{body.rstrip()}\n"
        print(section, flush=True)
        sections[heading] = section
        # Written after each benchmark: a long run stopped half-way keeps what it measured.
        path.write_text("\n".join([HEADER, *sections.values()]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
