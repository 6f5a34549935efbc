"""A listed given name standing alone as a clause: a speaker's label in a transcript (سمير : ماما), or a name of a
list of people (والد كل من: حاتم، سامي، أيمن).

In the training text (ANERcorp lines 1–60,000, Wojood train.txt) a listed given name with a break on either side
is a person 9 times of 10 (the tenth is على, "on", which folds like علي: a stop word, left out); in the 8,978
SaudiNewsNet articles about 25 of its 29 readings are people (sons listed in obituaries, a team's players), the
others an adjective ending a clause (سليم، نبيلة). Only there: elsewhere a bare given name is often a plain word
(عمر "age", جميلة "beautiful"), and one after its person's full name is tasks/surnames.py's.
"""

import re
from functools import cache

import polars as pl

from tasks.gazetteer import BREAK, where
from tasks.normalize import fold_for_matching
from tasks.reference import name_words, word_series
from tasks.rule_text import LETTER, NAME_LINKS, NAME_STOPS

# Between two words of the plain text: a break is a word of its own between double spaces.
_BETWEEN = f"  {BREAK}  "
# A run of one-word clauses (  |  حاتم  |  أمين  |  ): one match for the whole run, as a clause shares its breaks
# with the next one and extract_all does not overlap.
_RUN = rf"{re.escape(_BETWEEN)}(?:{LETTER}+{re.escape(_BETWEEN)})+"


def lone_scan() -> pl.Expr:
    """The whole-text scan of the plain texts for runs of one-word clauses."""
    return pl.col("plain").str.extract_all(_RUN)


@cache
def _lone_given_names() -> pl.Series:
    """The folded given names that name a person standing alone: listed, three letters or more, no stop word or
    link (علي is على)."""
    names = name_words()["given"] - NAME_STOPS - frozenset(NAME_LINKS)
    return word_series(frozenset(name for name in names if len(name) >= 3))


def lone_given_mentions(text: pl.DataFrame, runs: str = "lone") -> pl.DataFrame:
    """Each listed given name standing alone as a clause in the texts (`runs`: lone_scan's column): article_id,
    key, start, length, entity (its first spelling in the article), entity_type, name_en."""
    columns: dict[str, pl.DataType] = {
        "article_id": pl.String(),
        "key": text.schema["key"],
        "start": pl.Int64(),
        "length": pl.Int64(),
    }
    words = (
        text.select("article_id", "key", word=pl.col(runs))
        .explode("word")
        .drop_nulls("word")
        .with_columns(pl.col("word").str.strip_chars(f" {BREAK}").str.split(_BETWEEN))
        .explode("word")
        .with_columns(folded=fold_for_matching(pl.col("word")))
        .filter(pl.col("folded").is_in(_lone_given_names()))
    )
    if words.is_empty():
        return pl.DataFrame(
            schema={**columns, "entity": pl.String(), "entity_type": pl.String(), "name_en": pl.String()}
        )
    # Where they are: each such clause of the folded text, read in the few articles that have one. The clause is
    # searched with the spaces around its breaks: a soft break (||) holds the break's character too, and
    # |  name  || is no clause.
    named = words.group_by("key", "folded", maintain_order=True).agg(entity=pl.col("word").first())
    clause = _BETWEEN + pl.col("folded") + _BETWEEN
    clauses = named.select(clause).to_series().unique().sort()
    found = (
        text.join(named.select("key").unique(), on="key", how="semi")
        .select(
            "article_id",
            "key",
            clause=pl.col("folded").str.extract_many(pl.lit(clauses.implode()), overlapping=True),
            start=pl.col("folded").str.find_many(pl.lit(clauses.implode()), overlapping=True),
        )
        .explode("clause", "start")
        .drop_nulls("clause")
        .with_columns(
            folded=pl.col("clause").str.strip_chars(f" {BREAK}"), form=pl.col("clause").str.slice(4).str.head(-4)
        )
        .join(named, on=["key", "folded"], how="inner")
        .with_columns(pl.col("start") + 4)
    )
    return found.select(*where(matched="form"), "entity", entity_type=pl.lit("PER"), name_en=pl.lit(None, pl.String))
