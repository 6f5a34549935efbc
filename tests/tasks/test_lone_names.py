"""A listed given name standing alone as a clause, on real strings: a transcript's speaker, a list of sons."""

import polars as pl

from tests.tasks.entity_helpers import found


def _people(*bodies: str) -> list[tuple[str, int]]:
    """The people found in the bodies, with their mentions, in the order found."""
    rows = found(*bodies).filter(pl.col("entity_type") == "PER")
    return rows.select("entity", "mentions").rows()


def test_a_speakers_label_is_a_person() -> None:
    # Wojood's transcripts (val.txt: شراء المجلس له. سمير: ماما).
    assert _people("طلبت الأم شراء المجلس له. سمير: ماما. الأم: نعم.") == [("سمير", 1)]


def test_the_names_of_a_list_are_people_where_the_lists_name_them() -> None:
    # An obituary of the SaudiNewsNet articles; أمين and منى are no listed given names, so they are not read.
    body = "والفقيد والد كل من: حاتم، أمين، سامي، منى، أيمن. وتستقبل أسرة الفقيد المواسين في جدة."
    assert _people(body) == [("حاتم", 1), ("سامي", 1), ("أيمن", 1)]


def test_only_between_two_breaks() -> None:
    # After a word (وقال سمير:) or before one (سمير يقول), a lone given name is no one: it is often a plain word.
    assert _people("وقال سمير: ماما. سمير يقول لأمه إنه جائع.") == []


def test_after_the_full_name_it_is_that_person() -> None:
    assert _people("وصل سمير جعجع إلى القاعة. سمير: لن نتراجع.") == [("سمير جعجع", 2)]


def test_a_bracket_or_a_dash_beside_it_makes_no_clause() -> None:
    # A soft break (an opening bracket, a dash) is no clause break, even where the article has the name alone elsewhere.
    assert _people("والد كل من: سامي، أيمن. وجاء (سامي، ثم ذهب).") == [("سامي", 1), ("أيمن", 1)]
    assert _people("وقال: سامي (ابن عمه) ذهب.") == []
