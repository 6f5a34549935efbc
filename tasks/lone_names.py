"""A listed given name standing alone as a clause: a speaker's label in a transcript (سمير : ماما), or a name of a
list of people (والد كل من: حاتم، سامي، أيمن).

In the training text (ANERcorp lines 1–60,000, Wojood train.txt) a listed given name with a break on either side
is a person 9 times of 10 (the tenth is على, "on", which folds like علي: a stop word, left out); in the 8,978
SaudiNewsNet articles about 25 of its 29 readings are people (sons listed in obituaries, a team's players), the
others an adjective ending a clause (سليم، نبيلة). Only there: elsewhere a bare given name is often a plain word
(عمر "age", جميلة "beautiful"), and one after its person's full name is tasks/surnames.py's.
"""

from functools import cache

import polars as pl

from tasks.gazetteer import BREAK
from tasks.reference import name_words, word_series
from tasks.rule_text import NAME_LINKS, NAME_STOPS
from tasks.word_runs import word_start


@cache
def _lone_given_names() -> pl.Series:
    """The folded given names that name a person standing alone: listed, three letters or more, no stop word or
    link (علي is على)."""
    names = name_words()["given"] - NAME_STOPS - frozenset(NAME_LINKS)
    return word_series(frozenset(name for name in names if len(name) >= 3))


def lone_given_mentions(text: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """Each listed given name standing alone as a clause in the texts, whose words text_words laid out (`words`):
    article_id, key, start, length, entity (its first spelling in the article), entity_type, name_en.

    A clause is a break on either side (|  سمير  |): a soft break (||, an opening bracket or a dash) is none, and a
    name that opens or ends a text has nothing before or after it (the texts' padding is an empty word).
    """
    word = pl.col("word")
    # Between breaks first (a comparison of each word), then listed (a hash look-up of the few words left).
    broken = word == BREAK
    found = (
        words.filter((broken.shift(1) & broken.shift(-1)).fill_null(False))
        .filter(word.is_in(_lone_given_names()))
        .select(
            "at", "key", "word", start=word_start(word).cast(pl.Int64), length=word.str.len_bytes().cast(pl.Int64) + 2
        )
        .join(text.select("article_id", "key", "plain"), on="key", how="left")
        # As written: the plain text has the folded one's byte offsets.
        .with_columns(written=pl.col("plain").cast(pl.Binary).bin.slice(pl.col("start") + 1, pl.col("length") - 2))
        .with_columns(entity=pl.col("written").cast(pl.String).first().over("key", "word", order_by="at"))
    )
    return found.select(
        "article_id",
        "key",
        "start",
        "length",
        "entity",
        entity_type=pl.lit("PER"),
        name_en=pl.lit(None, pl.String),
    )
