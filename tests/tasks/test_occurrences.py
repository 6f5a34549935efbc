"""Finding a read name's forms in the texts word by word (occurrences), against a plain search of the text."""

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from tasks.gazetteer import PREFIXES, fold_plain, plain_text
from tasks.occurrences import occurrences
from tasks.rule_text import cores_of, forms_of, found_in_own_article
from tests.tasks.entity_helpers import texts_of

# Words that are names, names with clitics (ل before the article too), names inside longer words, and others.
WORDS = ["محمد", "ومحمد", "لمحمد", "مسعد", "سعد", "وسعد", "العراق", "للعراق", "والعراق", "لعراق", "بن", "علي", "في"]
NAMES = ["محمد", "سعد", "العراق", "محمد سعد", "سعد العراق", "محمد بن علي", "العراق في", "لعراق في"]


def searched_plainly(folded: str, forms: pl.DataFrame) -> set[tuple[str, int]]:
    """occurrences' contract, by searching the bytes: each one-word form wherever it occurs, and each core of two
    words or more (or a definite one without its alef) wherever a prefix and the space before it precede it."""
    text = folded.encode()
    found = set()

    def every(needle: bytes) -> list[int]:
        return [at for at in range(len(text)) if text.startswith(needle, at)]

    for form, core in forms.select("form", "core").unique().iter_rows():
        if "  " not in core:
            found |= {(form, at) for at in every(form.encode())}
            continue
        for searched in {core, core[1:] if core.startswith("ال") else core}:
            for at in every(searched.encode()):
                prefix = next((p for p in PREFIXES if text[:at].endswith(f" {p}".encode())), None)
                if prefix is not None:
                    found.add((f" {prefix}{searched}", at - 1 - len(prefix.encode())))
    return found


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([*WORDS, "،", "-"]), max_size=12).map(" ".join), min_size=1, max_size=3),
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True),
    st.booleans(),
)
def test_every_form_is_found_where_a_plain_search_of_the_text_finds_it(
    bodies: list[str], names: list[str], by_core: bool
) -> None:
    text = texts_of(bodies)
    named = pl.DataFrame({"name": names})
    forms = cores_of(named, "name") if by_core else forms_of(named, "name")
    found = occurrences(text, forms)
    for article_id, key, folded in text.select("article_id", "key", "folded").iter_rows():
        own = found.filter(pl.col("key") == key)
        assert set(own["article_id"]) <= {article_id}
        assert set(own.select("form", "start").iter_rows()) == searched_plainly(folded, forms)
    assert found.height == found.unique().height


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
