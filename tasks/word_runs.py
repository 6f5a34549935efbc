"""Runs of the texts' words that spell given names: hash joins of the words, laid end to end, not text scans.

Every form the matchers search is padded (" w1  w2 ", tasks.gazetteer.as_pattern), and a folded text is padded
words between double spaces, so a form occurs only where its first word is a whole word of the text. The texts'
words, one row each with their byte offsets, are joined to the forms' first words, and the runs so opened are
extended a word at a time, keeping at each step only those that begin a form still longer. The cost is the
words', whatever the number of forms: an Aho–Corasick automaton of tens of thousands of forms outgrows the cache
(on the SaudiNewsNet articles a scan with 5,000 of 62,762 patterns took a quarter of the time of all).
"""

import polars as pl


def text_words(text: pl.DataFrame) -> pl.DataFrame:
    """Each folded text's words in order, one row each: at (the row's index), key, word, and end, the byte offset in
    the folded text just past the word and the double space after it.

    A text's first word is the empty one before the padding's double space, its last the empty one after it: that
    one lies past the text's end (spelt_runs reads no run onto it).
    """
    lengths = text["folded"].str.len_bytes().cast(pl.Int64) + 2
    # Each text's offset in the texts laid end to end (its words, each with the double space after it, take its
    # length and two bytes), subtracted from the running offset of its words. Only the key is repeated for each
    # word: the article id was, and made the words twice as dear to lay out.
    return (
        text.select("key", word=pl.col("folded").str.split("  "), base=lengths.cum_sum() - lengths)
        .explode("word")
        .select("key", "word", end=((pl.col("word").str.len_bytes() + 2).cum_sum() - pl.col("base")).cast(pl.UInt32))
        .with_row_index("at")
    )


def word_start(word: pl.Expr) -> pl.Expr:
    """The byte offset of the space before a word of text_words (where a form opening on it starts), given the
    word as the row of text_words has it (its end is the row's)."""
    return (pl.col("end") - word.str.len_bytes() - 3).cast(pl.UInt32)


# What spelt_runs joins runs of n words to, for n = 1, 2 …: the spellings of n words, and the first n words of the
# longer ones (spelling_stages).
Stages = list[tuple[pl.DataFrame, pl.DataFrame]]


def spelling_stages(spelt: pl.DataFrame) -> Stages:
    """For spelt_runs, from spellings (their words in column `words`, a list, and any other columns): for n = 1, 2 …
    up to the longest, the spellings of n words (read: the words as the text has them; n; the other columns) and
    the reads of the first n words of the longer ones. The gazetteer's are made once per process: made at every
    call, they were most of a small batch's matching."""
    spelt = spelt.with_columns(n=pl.col("words").list.len().cast(pl.UInt32))
    longest = spelt.select(pl.col("n").max().fill_null(0)).item()
    return [
        (
            spelt.filter(pl.col("n") == n).with_columns(read=pl.col("words").list.join("  ")).drop("words"),
            spelt.filter(pl.col("n") > n).select(read=pl.col("words").list.head(n).list.join("  ")).unique(),
        )
        for n in range(1, longest + 1)
    ]


def spelt_runs(words: pl.DataFrame, openings: pl.DataFrame, stages: Stages) -> pl.DataFrame:
    """Every run of the texts' words (text_words) that spells one of the spellings of `stages` (spelling_stages):
    its first word's row (at, key, start), the columns `openings` gives it, and the spelling's row (n, its length
    in words, and the other columns).

    `openings` maps a word as written (column `word`) to the first word of spellings it may open (`read`), with
    other columns to carry (a clitic read off it). Runs may overlap, and stay inside a text: none takes in a text's
    last word, which lies past its end (a spelling ending on an empty word, محمد ب., would read it), nor goes on
    into the next text.
    """
    runs = words.join(openings, on="word", how="inner").select(
        pl.exclude("word", "end"), start=word_start(pl.col("word"))
    )
    found = []
    last = words.height - 1
    for n, (whole, begun) in enumerate(stages, start=1):
        if n > 1:
            following = words["word"].gather((runs["at"] + (n - 1)).clip(upper_bound=last))
            runs = runs.with_columns(read=pl.col("read") + "  " + following)
        found.append(runs.join(whole, on="read", how="inner"))
        runs = runs.join(begun, on="read", how="semi")
        if runs.is_empty():
            break
    if not found:
        return runs.head(0).with_columns(n=pl.lit(None, pl.UInt32))
    # The word after a run is of its text: the run neither ends on the text's last word nor crosses into the next.
    spelling = pl.concat(found)
    if spelling.is_empty():
        return spelling
    after = spelling["at"] + spelling["n"]
    inside = (after <= last) & (words["key"].gather(after.clip(upper_bound=last)) == spelling["key"])
    return spelling.filter(inside)
