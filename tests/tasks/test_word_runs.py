"""The texts' words laid end to end (text_words), and the runs of them that spell given words (spelt_runs)."""

import polars as pl
from hypothesis import given
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from tasks.word_runs import spelling_stages, spelt_runs, text_words
from tests.tasks.entity_helpers import texts_of

WORDS = ["محمد", "ومحمد", "سعد", "العراق", "للعراق", "بن", "علي", "في", "ي"]


@given(st.lists(st.lists(st.sampled_from([*WORDS, "،", "(", "."]), max_size=12).map(" ".join), max_size=3))
def test_each_word_ends_where_the_folded_text_has_it(bodies: list[str]) -> None:
    text = texts_of(bodies)
    words = text_words(text).join(text.select("key", "folded"), on="key")
    for word, end, folded in words.select("word", "end", "folded").iter_rows():
        # The word, then the double space after it (after the last, empty, word of the padding: past the text).
        assert (folded + "  ").encode()[end - len(word.encode()) - 2 : end] == f"{word}  ".encode()
    # Every text's words, and nothing else: the last ends two bytes past its text.
    last = words.group_by("key").agg(pl.col("end").max(), pl.col("folded").first())
    assert last.filter(pl.col("end") != pl.col("folded").str.len_bytes() + 2).is_empty()
    assert sorted(last["key"]) == sorted(text["key"])


def test_runs_that_spell_a_name_are_found_overlapping_and_never_across_two_texts() -> None:
    # محمد ending text 3 and بن علي opening text 4 are no محمد بن علي. A spelling ending on an empty word (بن علي
    # and the double space of a mark after it) reads the mark's run of text 5, not the padding at text 4's end.
    text = texts_of(["قال محمد بن علي للعراق", "ومحمد بن", "محمد", "بن علي", "بن علي."])
    # و before محمد is read off (a clitic the opening carries along); محمد بن and بن علي overlap. A start is the
    # byte offset of the space before the first word: محمد of "  قال  محمد" at 10, so 9.
    openings = pl.DataFrame({"word": ["محمد", "ومحمد", "بن", "للعراق"], "read": ["محمد", "محمد", "بن", "العراق"]})
    openings = openings.with_columns(clitic=pl.Series(["", "و", "", "ل"]))
    spelt = pl.DataFrame(
        {
            "words": [["محمد", "بن"], ["محمد", "بن", "علي"], ["بن", "علي"], ["العراق"], ["بن", "علي", ""]],
            "id": [1, 2, 3, 4, 5],
        }
    )
    runs = spelt_runs(text_words(text), openings, spelling_stages(spelt)).select(
        "key", "start", "clitic", "read", "n", "id"
    )
    expected = pl.DataFrame(
        {
            "key": [1, 1, 1, 1, 2, 4, 5, 5],
            "start": [9, 9, 19, 33, 1, 1, 1, 1],
            "clitic": ["", "", "", "ل", "و", "", "", ""],
            "read": ["محمد  بن", "محمد  بن  علي", "بن  علي", "العراق", "محمد  بن", "بن  علي", "بن  علي", "بن  علي  "],
            "n": [2, 3, 2, 1, 2, 2, 2, 3],
            "id": [1, 2, 3, 4, 1, 3, 3, 5],
        },
        schema={
            "key": pl.UInt32,
            "start": pl.UInt32,
            "clitic": pl.String,
            "read": pl.String,
            "n": pl.UInt32,
            "id": pl.Int64,
        },
    )
    assert_frame_equal(runs.sort("key", "start", "n"), expected)
