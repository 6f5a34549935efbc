"""Assemble EVALUATION.md from the results each evaluation wrote under evaluation/results/."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("results")
# The order sections appear in; each file is written by its own `make eval-…`.
SECTIONS = ("dates", "entities", "saudinewsnet")
INTRO = """# Evaluation

What akhbar gets right on real public data it was not built from, measured by scripts in `evaluation/`
that read `../shared/data/`. Each section is the output of its command, pasted whole by
`python -m evaluation` (the figures are the ones the command printed):

| section | command |
| --- | --- |
| Dates | `make eval-dates` |
| Entities | `make eval-entities` |
| Scraper records (SaudiNewsNet) | `make eval-scrapers` |
"""


def main() -> int:
    """Write EVALUATION.md: the intro, then every section that has results."""
    parts = [INTRO]
    for name in SECTIONS:
        path = RESULTS / f"{name}.md"
        if path.exists():
            parts.append(path.read_text(encoding="utf-8").strip() + "\n")
    (ROOT / "EVALUATION.md").write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
