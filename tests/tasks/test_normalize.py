"""Cleaning lines and folding text for matching, checked against plain-Python statements of the rules."""

import re

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from tasks.normalize import clean_line, fold_for_matching

# Text drawn from what pages hold: Arabic letters and marks, spaces of every kind, invisible marks.
ALPHABET = st.sampled_from([*"بغداد العراقية أإآٱىة ًٌٍَُِّْـ", " ", "\t", "\f", "\v", "\u00a0", "\u2009", "\u200b", "\ufeff"])


def cleaned(text: str) -> str:
    """clean_line's rules, one by one, in plain Python."""
    text = re.sub("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text)
    text = re.sub("[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    return re.sub("[ \t\f\v]+", " ", text).strip()


@given(st.lists(st.text(ALPHABET, max_size=40), max_size=20))
def test_clean_line_collapses_spaces_and_drops_invisible_marks(lines: list[str]) -> None:
    out = pl.select(clean_line(pl.Series(lines, dtype=pl.String))).to_series().to_list()
    assert out == [cleaned(line) for line in lines]


def test_folding_for_matching_drops_marks_and_unifies_letters() -> None:
    out = pl.select(fold_for_matching(pl.lit("إِلى الولایات المتحدةِ والعراقیة"))).item()
    assert out == "الي الولايات المتحده والعراقيه"
