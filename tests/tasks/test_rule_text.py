"""The flat reading of a list's leading words (leading_run) and its neighbour expressions; a read name's later
mentions found by its core."""

import polars as pl
from polars.testing import assert_frame_equal, assert_series_equal

from tasks.gazetteer import fold_plain, plain_text
from tasks.rule_text import (
    cores_of,
    earlier,
    first_in_list,
    forms_of,
    found_in_own_article,
    later,
    leading_run,
    occurrences,
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


def test_a_name_found_by_its_core_is_found_with_every_clitic_its_written_forms_have() -> None:
    # ل before the article (للأمم), before الل (للجنة), and with و (ولخالد): found_in_own_article reads the
    # clitic off a match of the core, and finds what a join on every written form (forms_of) finds; a name
    # of article 2 is not found in article 1's text.
    names = pl.DataFrame(
        {"key": [1, 1, 1, 2], "name": ["اللجنه الاولمبيه", "الامم المتحده", "خالد حدوشي", "سمير حدوشي"]},
        schema={"key": pl.UInt32, "name": pl.String},
    )
    body = "اللجنة الأولمبية وللجنة الأولمبية للأمم المتحدة بالأمم المتحدة ولخالد حدوشي فلخالد حدوشي وسمير حدوشي"
    text = pl.DataFrame(
        {"article_id": ["a", "b"], "key": [1, 2], "body": [body, "وقال سمير حدوشي"]},
        schema={"article_id": pl.String, "key": pl.UInt32, "body": pl.String},
    ).with_columns(folded=fold_plain(plain_text(pl.col("body"))))
    cores = cores_of(names, "name")
    found = occurrences(text, cores)
    by_core = found_in_own_article(found, cores).select("key", "name", "start").sort("key", "start")
    by_form = (
        found.join(forms_of(names, "name"), on=["key", "form"]).select("key", "name", "start").sort("key", "start")
    )
    assert_frame_equal(by_core, by_form)
    assert by_core["name"].to_list() == [
        "اللجنه الاولمبيه",
        "اللجنه الاولمبيه",
        "الامم المتحده",
        "الامم المتحده",
        "خالد حدوشي",
        "خالد حدوشي",
        "سمير حدوشي",
    ]
