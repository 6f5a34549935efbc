"""Cleaning lines and folding text for matching, checked against plain-Python statements of the rules."""

import itertools
import re
import unicodedata

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from tasks.normalize import abd_apart, abd_joined, ascii_digits, canonical_text, clean_line, fold_for_matching

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


# Every letter the tables map, their targets, marks, digits of three scripts and a few others, side by side.
ONE_FOR_ONE = st.sampled_from([*"أإآٱىةیکايهكب ًَـ", *"٠١٩۰۴۹09"])
FOLDED = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
DIGITS = str.maketrans({**{chr(0x660 + i): str(i) for i in range(10)}, **{chr(0x6F0 + i): str(i) for i in range(10)}})


@given(st.lists(st.text(ONE_FOR_ONE, max_size=30), max_size=20))
def test_the_one_for_one_tables_map_every_character_alone(texts: list[str]) -> None:
    column = pl.Series(texts, dtype=pl.String)
    folded, canonical, digits = pl.select(
        fold_for_matching(column), canonical_text(column).alias("c"), ascii_digits(column).alias("d")
    ).get_columns()
    assert folded.to_list() == [re.sub("[\u064b-\u065f\u0670\u0640]", "", t).translate(FOLDED) for t in texts]
    assert canonical.to_list() == [t.translate(str.maketrans("یک", "يك")) for t in texts]
    assert digits.to_list() == [t.translate(DIGITS) for t in texts]


def test_presentation_forms_are_written_as_the_letters_they_stand_for() -> None:
    # As SaudiNewsNet articles hold them: lam-alef ligatures, a word in contextual shapes, a Farsi yeh's final form.
    text = "اﻷمنية للاتصاﻻت في ﺑﻐﺪﺍﺩ ﯼ وﻹيران"
    assert pl.select(canonical_text(pl.lit(text))).item() == "الأمنية للاتصالات في بغداد ي ولإيران"


# Letters, marks, presentation forms of letters and ligatures, and those whose decomposition holds a space (a mark
# shown alone ﹰ, the honorific ﷺ), which stay as written.
PRESENTATION = st.sampled_from([*"بلا أً ", *"ﻻﻷﺑﻐﺪﺍﯼﭖﱃﷲ", "\ufe70", "\ufdfa", "\ufc60"])


def decomposed(ch: str) -> str:
    """A presentation form's decomposition (NFKC), but one that holds a space; any other character as it is."""
    if not ("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"):
        return ch
    letters = unicodedata.normalize("NFKC", ch)
    return ch if " " in letters else letters


def compatibility_letters(text: str) -> str:
    """canonical_text's rule in plain Python: each presentation form decomposed, then Persian letters mapped."""
    return "".join(map(decomposed, text)).translate(str.maketrans("یک", "يك"))


@given(st.lists(st.text(PRESENTATION, max_size=30), max_size=20))
def test_canonical_text_decomposes_each_presentation_form(texts: list[str]) -> None:
    out = pl.select(canonical_text(pl.Series(texts, dtype=pl.String))).to_series().to_list()
    assert out == [compatibility_letters(t) for t in texts]


def test_abd_is_written_apart_from_or_joined_to_the_word_it_links() -> None:
    names = pl.Series(["عبدالله بن عبد العزيز", "عبد ربه منصور هادي", "عبدالرحمن", "محمد عبده", "عبدون", "عبد"])
    assert pl.select(abd_apart(pl.lit(names))).to_series().to_list() == [
        "عبد الله بن عبد العزيز",
        "عبد ربه منصور هادي",
        "عبد الرحمن",
        # عبده (Abduh) and عبدون are names of their own: only the article or رب is split off.
        "محمد عبده",
        "عبدون",
        "عبد",
    ]
    assert pl.select(abd_joined(pl.lit(names))).to_series().to_list() == [
        "عبدالله بن عبدالعزيز",
        "عبدربه منصور هادي",
        "عبدالرحمن",
        "محمد عبده",
        "عبدون",
        "عبد",
    ]


# Names drawn from words around عبد: the article, رب, other words, and عبد itself; عبد links a name's next word,
# which is no other عبد (عبد عبدالله is no name, and its spellings have no one key).
NAME = (
    st.lists(st.sampled_from(["عبد", "عبدال", "الله", "ربه", "عبده", "منصور", "بن", "العزيز"]), max_size=6)
    .filter(lambda words: not any(a == "عبد" and b.startswith("عبد") for a, b in itertools.pairwise(words)))
    .map(lambda words: " ".join(words).replace("عبدال ", "عبدال"))
)


@given(st.lists(NAME, max_size=20))
def test_both_spellings_of_abd_share_a_joined_key(names: list[str]) -> None:
    # Spacing is all that changes: the letters stay, and apart or joined, a name keys alike.
    frame = pl.DataFrame({"name": names}, schema={"name": pl.String})
    out = frame.select(
        apart=abd_apart(pl.col("name")),
        key=abd_joined(pl.col("name")),
        key_of_apart=abd_joined(abd_apart(pl.col("name"))),
    )
    assert out["key"].to_list() == out["key_of_apart"].to_list()
    assert out["apart"].str.replace_all(" ", "").to_list() == [name.replace(" ", "") for name in names]
    assert out["key"].str.replace_all(" ", "").to_list() == [name.replace(" ", "") for name in names]
