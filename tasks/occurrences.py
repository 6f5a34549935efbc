"""Where given forms of names occur in the folded texts: every occurrence of each, found word by word.

On the SaudiNewsNet articles that takes 0.17 s, where two Aho–Corasick scans (the forms, then their starts) of
the 62,762 forms and cores searched took 0.42 s on two cores (see tasks.word_runs). On the bench's 100,000
bodies, with 44 forms, the scans were faster (0.22 s against 0.32 s): the words cost the same at any number of
forms.
"""

import polars as pl

from tasks.gazetteer import PREFIXES
from tasks.word_runs import spelling_stages, spelt_runs, text_words, word_start


def occurrences(text: pl.DataFrame, forms: pl.DataFrame, words: pl.DataFrame | None = None) -> pl.DataFrame:
    """Every place any of `forms` occurs in the texts: article_id, key, form, start (overlapping).

    `text` has the folded texts, whose words text_words lays out (`words`, if the caller has them already);
    `forms` a padded form and its core (form without the clitic or the space before it) per row. A one-word name
    is found by its forms. A name of two words or more is found by its core, a clitic read off the first word
    (PREFIXES, and ل before a definite core without its alef: ل + العراق = للعراق), and reported as the form so
    spelt (" " + clitic + core), which may not be among `forms`: the caller's join drops it. So a multi-word name
    needs only its cores, not every clitic form (cores_of).
    """
    words = text_words(text) if words is None else words
    several = forms["core"].str.contains("  ")
    one_word = (
        forms.filter(~several).select(pl.col("form").unique()).with_columns(word=pl.col("form").str.strip_chars())
    )
    whole = words.join(one_word, on="word", how="inner").select("key", "form", start=word_start(pl.col("word")))
    spelt = _cores_found(words, forms.filter(several)["core"])
    found = pl.concat([whole, spelt]).join(text.select("key", "article_id"), on="key", how="left")
    return found.select("article_id", "key", "form", "start").sort("key", "start", "form")


def _cores_found(words: pl.DataFrame, cores: pl.Series) -> pl.DataFrame:
    """Where each core (of two words or more) occurs, after any of PREFIXES: key, form (the clitic and core,
    padded), start. A run of words opens on a core's first word with any prefix before it."""
    # ل before the article drops its alef (ل + العراق = للعراق): a definite core is also read without it.
    cores = cores.unique()
    if cores.is_empty():
        return words.head(0).select("key", form="word", start=word_start(pl.col("word")))
    searched = pl.concat([cores, cores.filter(cores.str.starts_with("ال")).str.slice(1)]).unique()
    spellings = searched.to_frame("core").select(words=pl.col("core").str.strip_chars().str.split("  "))
    firsts = spellings.select(read=pl.col("words").list.first().unique())
    openings = pl.concat(
        [firsts.with_columns(word=pl.lit(prefix) + pl.col("read"), clitic=pl.lit(prefix)) for prefix in PREFIXES]
    )
    spelt = spelt_runs(words, openings, spelling_stages(spellings)).select(
        "key", form=pl.lit(" ") + pl.col("clitic") + pl.col("read") + pl.lit(" "), start="start"
    )
    # A form reached from two cores (وليد, and و + ليد) is one occurrence.
    return spelt.unique(["key", "form", "start"])
