"""Where given forms of names occur in the folded texts, found word by word: hash joins of the texts' words.

A form is padded (" w1  w2 ", tasks.gazetteer.as_pattern) and the folded text is padded words between double
spaces, so a form can only occur where its first word is a whole word of the text: the texts' words, laid end to
end with their byte offsets, are joined to the forms' words instead of scanned for them. On the SaudiNewsNet
articles that takes 0.17 s, where two Aho–Corasick scans (the forms, then their starts) of the 62,762 forms and
cores searched took 0.42 s on two cores: so large an automaton outgrows the cache (with 5,000 of its patterns a
scan took a quarter of the time). On the bench's 100,000 bodies, with 44 forms, the scans were faster (0.22 s
against 0.32 s): the words cost the same at any number of forms.
"""

import polars as pl

from tasks.gazetteer import PREFIXES


def text_words(text: pl.DataFrame) -> pl.DataFrame:
    """Each text's words (its column `words`, tasks.gazetteer.batch_words) in order, one row each: key, word, and
    end, the byte offset in the folded text just past the word and the double space after it.

    The texts' first and last words are empty (the padding), so no run of words read across two texts matches.
    """
    lengths = text["folded"].str.len_bytes().cast(pl.Int64) + 2
    # Each text's offset in the texts laid end to end (its words, each with the double space after it, take its
    # length and two bytes), subtracted from the running offset of its words. Only the key is repeated for each
    # word: the article id was, and made the words twice as dear to lay out.
    return (
        text.select("key", word="words", base=lengths.cum_sum() - lengths)
        .explode("word")
        .select("key", "word", end=(pl.col("word").str.len_bytes() + 2).cum_sum() - pl.col("base"))
    )


def _start(word: pl.Expr) -> pl.Expr:
    """The byte offset of the space before a word of text_words (a form's start), from its end and the word."""
    return (pl.col("end") - word.str.len_bytes() - 3).cast(pl.UInt32)


def occurrences(text: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Every place any of `forms` occurs in the texts: article_id, key, form, start (overlapping).

    `text` has the folded texts and their words (text_words); `forms` a padded form and its core (form without
    the clitic or the space before it) per row. A one-word name is found by its forms. A name of two words or
    more is found by its core, a clitic read off the first word (PREFIXES, and ل before a definite core without
    its alef: ل + العراق = للعراق), and reported as the form so spelt (" " + clitic + core), which may not be
    among `forms`: the caller's join drops it. So a multi-word name needs only its cores, not every clitic form
    (cores_of).
    """
    words = text_words(text).with_row_index("at")
    several = forms["core"].str.contains("  ")
    one_word = (
        forms.filter(~several).select(pl.col("form").unique()).with_columns(word=pl.col("form").str.strip_chars())
    )
    whole = words.join(one_word, on="word", how="inner").select("key", "form", start=_start(pl.col("word")))
    spelt = _cores_found(words, forms.filter(several)["core"])
    found = pl.concat([whole, spelt]).join(text.select("key", "article_id"), on="key", how="left")
    return found.select("article_id", "key", "form", "start").sort("key", "start", "form")


def _cores_found(words: pl.DataFrame, cores: pl.Series) -> pl.DataFrame:
    """Where each core (of two words or more) occurs, after any of PREFIXES: key, form (the clitic and
    core, padded), start.

    The words are joined to the cores' first words with every prefix, then extended a word at a time, each step
    keeping only the runs that begin some core still longer.
    """
    # ل before the article drops its alef (ل + العراق = للعراق): a definite core is also read without it.
    cores = cores.unique()
    if cores.is_empty():
        return words.head(0).select("key", form="word", start=_start(pl.col("word")))
    searched = pl.concat([cores, cores.filter(cores.str.starts_with("ال")).str.slice(1)]).unique()
    core_words = searched.to_frame("core").select(words=pl.col("core").str.strip_chars().str.split("  "))
    core_words = core_words.with_columns(n=pl.col("words").list.len())
    firsts = core_words.select(read=pl.col("words").list.first().unique())
    spellings = pl.concat(
        [firsts.with_columns(word=pl.lit(prefix) + pl.col("read"), clitic=pl.lit(prefix)) for prefix in PREFIXES]
    )
    runs = words.join(spellings, on="word", how="inner").select(
        "key", "at", "clitic", "read", start=_start(pl.col("word"))
    )
    found = []
    last = words.height - 1
    for n in range(2, int(core_words["n"].max()) + 1):  # type: ignore[arg-type]
        following = words["word"].gather((runs["at"] + (n - 1)).clip(upper_bound=last))
        runs = runs.with_columns(read=pl.col("read") + "  " + following)
        whole = core_words.filter(pl.col("n") == n).select(read=pl.col("words").list.join("  "))
        found.append(runs.join(whole, on="read", how="inner"))
        begun = core_words.filter(pl.col("n") > n).select(read=pl.col("words").list.head(n).list.join("  ")).unique()
        runs = runs.join(begun, on="read", how="semi")
    spelt = pl.concat(found).select(
        "key", form=pl.lit(" ") + pl.col("clitic") + pl.col("read") + pl.lit(" "), start="start"
    )
    # A form reached from two cores (وليد, and و + ليد) is one occurrence.
    return spelt.unique(["key", "form", "start"])
