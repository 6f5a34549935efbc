"""Entity extraction over 100,000 article bodies: find_entities + entity_lists, pattern build included."""

import random
import re
import time
from pathlib import Path

import polars as pl

from tasks import entities, gazetteer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 100_000
SENTENCES_PER_ARTICLE = 8


def sentences() -> list[str]:
    """Arabic sentences from the bundled samples and the seed page, in file order."""
    paths = [
        *sorted((ROOT / "samples").glob("*.txt")),
        ROOT.parent / "shared" / "samples" / "almasalah-2024-07-26.txt",
    ]
    found: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            found += [s.strip() for s in re.split(r"(?<=[.!؟])\s+", line) if len(s.strip()) > 20]
    return found


def bodies(count: int) -> list[str]:
    """Deterministic article bodies: sentences drawn with a fixed seed."""
    rng = random.Random(20240726)
    pool = sentences()
    return [" ".join(rng.choices(pool, k=SENTENCES_PER_ARTICLE)) for _ in range(count)]


def run() -> str:
    """Time the pattern build, then find_entities + entity_lists on ARTICLES bodies; a markdown section."""
    texts = bodies(ARTICLES)
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(ARTICLES)], "body": texts})
    mean_chars = sum(len(t) for t in texts) / len(texts)
    gazetteer.patterns.cache_clear()
    gazetteer.pattern_list.cache_clear()
    started = time.perf_counter()
    table = gazetteer.patterns()
    gazetteer.pattern_list()
    built = time.perf_counter() - started
    found = entities.find_entities(articles)
    lists = entities.entity_lists(articles, found)
    total = time.perf_counter() - started
    again = time.perf_counter()
    entities.find_entities(articles.head(1_000))
    small = time.perf_counter() - again
    return "\n".join(
        [
            "## Entities",
            "",
            f"{ARTICLES:,} bodies of {SENTENCES_PER_ARTICLE} sentences each "
            f"({mean_chars:.0f} characters on average), drawn with a fixed seed "
            "from the bundled samples and the seed page.",
            "",
            "| measure | value |",
            "| --- | ---: |",
            f"| gazetteer patterns (forms × clitics) | {table.height:,} |",
            f"| one-time pattern build | {built:.2f} s |",
            f"| find_entities + entity_lists, build included | {total:.2f} s |",
            f"| articles per second | {ARTICLES / total:,.0f} |",
            f"| entity rows found / articles with a person | {found.height:,} / "
            f"{lists.filter(pl.col('persons').list.len() > 0).height:,} |",
            f"| a batch of 1,000 articles (automaton rebuilt per call) | {small:.3f} s |",
            "",
        ]
    )
