"""Entity extraction over 100,000 article bodies: find_entities + entity_lists, pattern build included."""

import json
import random
import re
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import polars as pl

from tasks import entities, gazetteer

ROOT = Path(__file__).resolve().parent.parent
SAUDINEWSNET = ROOT.parent / "shared" / "data" / "saudinewsnet"
ARTICLES = 100_000
SENTENCES_PER_ARTICLE = 8
# Rounds of each timing, of which the median is reported: one round varied by ±10% on this machine.
ROUNDS = 3


def _timed(step: Callable[[], object]) -> list[float]:
    """Seconds each of ROUNDS runs of `step` took."""
    seconds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - started)
    return seconds


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


def real_bodies() -> list[str]:
    """The article texts of the five SaudiNewsNet days (real news, ~3 KB each), in file order."""
    texts: list[str] = []
    for day in sorted(SAUDINEWSNET.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for member in archive.namelist():
                texts += [record["content"] for record in json.loads(archive.read(member)) if record.get("content")]
    return texts


def _real_text_rows() -> list[str]:
    """The same steps on real news: the SaudiNewsNet articles, after the build (table rows; median of ROUNDS)."""
    texts = real_bodies()
    articles = pl.DataFrame({"article_id": [f"r{i}" for i in range(len(texts))], "body": texts})
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    seconds = statistics.median(_timed(lambda: entities.entity_lists(articles, entities.find_entities(articles))))
    return [
        f"| real news: the {len(texts):,} SaudiNewsNet articles ({megabytes:.1f} MB, "
        f"{megabytes * 1e6 / len(texts):,.0f} bytes each on average), build excluded | {seconds:.2f} s |",
        f"| real news: articles per second / MB per second | {len(texts) / seconds:,.0f} / {megabytes / seconds:.1f} |",
        f"| real news: 100,000 such articles, at that rate | {ARTICLES * seconds / len(texts):.0f} s |",
        _real_at_scale_row(texts),
        *_real_stage_rows(articles),
    ]


def _real_at_scale_row(texts: list[str]) -> str:
    """ARTICLES real articles in one call, measured once (the SaudiNewsNet articles repeated): the rate above,
    checked at the size the goal names (a table row)."""
    bodies = [texts[i % len(texts)] for i in range(ARTICLES)]
    articles = pl.DataFrame({"article_id": [f"r{i}" for i in range(ARTICLES)], "body": bodies})
    started = time.perf_counter()
    entities.entity_lists(articles, entities.find_entities(articles))
    seconds = time.perf_counter() - started
    return f"| real news: {ARTICLES:,} articles in one call (those repeated), measured once | {seconds:.1f} s |"


def _real_stage_rows(articles: pl.DataFrame) -> list[str]:
    """Where find_entities spends its time on real news, stage by stage (table rows; medians of ROUNDS)."""
    text = entities.article_texts(articles)
    scanned, words = entities.scanned_texts(text)
    stages = [
        ("plain and folded texts", lambda: entities.article_texts(articles)),
        ("whole-text scans: the rules' five, and the words laid out", lambda: entities.scanned_texts(text)),
        (
            "words searched for the gazetteer's names and the names the scans read (joins), and merged",
            lambda: entities.mentions_in(scanned, words),
        ),
    ]
    return [f"| real news, stage by stage: {name} | {statistics.median(_timed(step)):.2f} s |" for name, step in stages]


def run() -> str:
    """Time the pattern build, then find_entities + entity_lists on ARTICLES bodies; a markdown section."""
    texts = bodies(ARTICLES)
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(ARTICLES)], "body": texts})
    mean_chars = sum(len(t) for t in texts) / len(texts)
    rounds: list[tuple[float, float]] = []
    for _ in range(ROUNDS):
        gazetteer.patterns.cache_clear()
        gazetteer.pattern_stages.cache_clear()
        started = time.perf_counter()
        table = gazetteer.patterns()
        gazetteer.pattern_stages()
        built = time.perf_counter() - started
        found = entities.find_entities(articles)
        lists = entities.entity_lists(articles, found)
        rounds.append((time.perf_counter() - started, built))
    # The round of median total time, with its build.
    total, built = sorted(rounds)[len(rounds) // 2]
    again = time.perf_counter()
    entities.find_entities(articles.head(1_000))
    small = time.perf_counter() - again
    real = _real_text_rows()
    return "\n".join(
        [
            "## Entities",
            "",
            f"{ARTICLES:,} bodies of {SENTENCES_PER_ARTICLE} sentences each "
            f"({mean_chars:.0f} characters on average), drawn with a fixed seed "
            "from the bundled samples and the seed page: a small vocabulary, which flatters the regexes (their "
            "lazy DFA's states stay cached); the last rows time the same steps on real news, longer and more varied. "
            f"Each time is the median of {ROUNDS} rounds.",
            "",
            "| measure | value |",
            "| --- | ---: |",
            f"| gazetteer patterns (forms × clitics) | {table.height:,} |",
            f"| one-time pattern build | {built:.2f} s |",
            f"| find_entities + entity_lists, build included | {total:.2f} s |",
            f"| articles per second | {ARTICLES / total:,.0f} |",
            f"| entity rows found / articles with a person | {found.height:,} / "
            f"{lists.filter(pl.col('persons').list.len() > 0).height:,} |",
            f"| a batch of 1,000 articles (one call: what a call makes afresh, it makes for 1,000) | {small:.3f} s |",
            *real,
            "",
        ]
    )
