"""Gazetteer matching on real strings: clitics, word boundaries, longest match, no guessing."""

import polars as pl
from polars.testing import assert_frame_equal

from tasks.entities import FOUND, entity_lists, find_entities, patterns


def found(*bodies: str) -> pl.DataFrame:
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(len(bodies))], "body": list(bodies)})
    return find_entities(articles)


def names(body: str) -> list[str]:
    return found(body)["entity"].to_list()


def test_prefix_clitics_are_accepted() -> None:
    body = "تسعى واشنطن وبغداد إلى علاقة، وللعراق مصلحة، فالعراق بالموصل والبصرة وكالأنبار"
    assert names(body) == ["واشنطن", "بغداد", "العراق", "الموصل", "البصرة", "الأنبار"]


def test_word_boundaries_are_respected() -> None:
    # بغدادي is not بغداد, and عراقيون is not العراق.
    assert names("مطبخ بغدادي وعراقيون في الغربة") == []


def test_longest_match_wins() -> None:
    assert names("صواريخ على قاعدة عين الأسد الجوية") == ["عين الأسد"]
    assert names("منذ سقوط نظام بشار الأسد") == ["بشار الأسد"]


def test_an_ambiguous_bare_name_is_not_guessed() -> None:
    assert names("قال الأسد في خطاب") == []


def test_spelling_variants_fold_to_one_canonical_name() -> None:
    # Hamza, ta marbuta and Persian ی all fold for matching; the canonical spelling is what is stored.
    assert names("في سورية و في سوريا و في الانبار و في الأنبار و في ایران") == ["سوريا", "الأنبار", "إيران"]


def test_mentions_are_counted_per_article() -> None:
    expected = pl.DataFrame(
        {
            "article_id": ["a0", "a0", "a1"],
            "entity": ["العراق", "الحشد الشعبي", "العراق"],
            "entity_type": ["LOC", "ORG", "LOC"],
            "mentions": [2, 1, 1],
            "name_en": ["Iraq", "Popular Mobilization Forces", "Iraq"],
        },
        schema=FOUND,
    )
    assert_frame_equal(found("العراق والحشد الشعبي في العراق", "في العراق"), expected)


def test_entity_lists_keep_order_of_first_mention() -> None:
    articles = pl.DataFrame(
        {"article_id": ["a0", "a1"], "body": ["الحشد الشعبي في الموصل وبشار الأسد", "لا شيء"]}
    )
    lists = entity_lists(articles, find_entities(articles))
    assert lists.select("locations", "organizations", "persons").rows() == [
        (["الموصل"], ["الحشد الشعبي"], ["بشار الأسد"]),
        ([], [], []),
    ]


def test_patterns_are_unambiguous_and_longest_first() -> None:
    table = patterns()
    assert table["pattern"].is_unique().all()
    lengths = table["pattern"].str.len_chars()
    assert (lengths.diff().drop_nulls() <= 0).all()
