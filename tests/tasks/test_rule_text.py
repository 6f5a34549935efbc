"""The flat reading of a list's leading words (leading_run) and its neighbour expressions."""

import polars as pl
from polars.testing import assert_series_equal

from tasks.rule_text import (
    earlier,
    first_in_list,
    later,
    leading_run,
    place_in_list,
)

# Candidate names as the rules pass them (folded words), with an empty list and a null among them.
WORDS = pl.Series("name", [["محمد", "علي", "في", "بغداد"], [], None, ["في"], ["عبد", "الله", "صالح"]])


def counts(fits: pl.Expr) -> list[int]:
    return leading_run(WORDS, lambda word: fits).to_list()


def test_leading_run_counts_up_to_the_first_misfit_and_keeps_every_row() -> None:
    word = pl.col("word")
    assert_series_equal(
        leading_run(WORDS, lambda word: word != "في"), pl.Series("name", [2, 0, 0, 0, 3], dtype=pl.UInt32)
    )
    # A word that fits after a misfit does not count: بغداد fits, but في before it ends the run.
    assert counts(word.is_in(["محمد", "علي", "بغداد", "عبد", "الله"])) == [2, 0, 0, 0, 2]


def test_neighbours_stay_inside_their_list() -> None:
    word = pl.col("word")
    # The first word has nothing before it; the last nothing after it (not the next list's first word).
    assert counts((place_in_list() == 0) | (earlier(word) == "محمد") | (earlier(word, 2) == "محمد")) == [3, 0, 0, 1, 1]
    assert counts(later(word).is_not_null()) == [3, 0, 0, 0, 2]
    assert counts(first_in_list(word) == "عبد") == [0, 0, 0, 0, 3]
