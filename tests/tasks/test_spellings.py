"""Which spellings name one entity: a name a rule read under every spelling, and as a warehouse first wrote it."""

import polars as pl
from polars.testing import assert_frame_equal

from tasks.spellings import SPELLINGS, one_spelling, spellings, with_spellings
from tests.tasks.entity_helpers import found


def test_every_spelling_of_a_name_a_rule_read_is_one_entity() -> None:
    # SaudiNewsNet: عمر إبراهيم in 17 articles and عمر ابراهيم in 5 were two people; عبدالله العنزي and عبد الله
    # العنزي too. The batch's commonest spelling wins (عمر ابراهيم here, though إ sorts before ا), then the first in
    # code-point order, عبد apart as the lists write it.
    mentions = pl.DataFrame(
        {
            "article_id": ["a0", "a1", "a2", "a2", "a3", "a3", "a4"],
            "entity": [
                "عمر ابراهيم",
                "عمر إبراهيم",
                "عمر ابراهيم",
                "عبدالله العنزي",
                "عبد الله العنزي",
                "العراق",
                "عبدالله بن عبد العزيز",
            ],
            "entity_type": ["PER", "PER", "PER", "PER", "PER", "LOC", "PER"],
            "name_en": [None, None, None, None, None, "Iraq", None],
        }
    )
    # A spelling of a listed name that the lists' spellings miss (عبد spaced in one place and joined in another, as
    # 3 mentions of the SaudiNewsNet articles write King Abdullah) is that name; a listed name stays as it is.
    expected = mentions.with_columns(
        entity=pl.Series(
            [
                "عمر ابراهيم",
                "عمر ابراهيم",
                "عمر ابراهيم",
                "عبد الله العنزي",
                "عبد الله العنزي",
                "العراق",
                "عبد الله بن عبد العزيز",
            ]
        ),
        name_en=pl.Series([None, None, None, None, None, "Iraq", "King Abdullah of Saudi Arabia"]),
    )
    assert_frame_equal(one_spelling(mentions), expected)
    # In find_entities: one row per article and entity, its mentions under either spelling counted together.
    rows = found("قال عبدالله العنزي إن عبد الله العنزي سيحضر").select("entity", "mentions").rows()
    assert rows == [("عبد الله العنزي", 2)]


def test_the_spellings_a_warehouse_holds_are_one_per_name_read_by_rule() -> None:
    # The commonest spelling of each name a rule read (then code-point order); listed names are not respelt.
    stored = pl.DataFrame(
        {
            "entity": ["أبو شوشة", "أبو شوشه", "اندير هيريرا", "أندير هيريرا", "العراق"],
            "entity_type": ["PER", "PER", "PER", "PER", "LOC"],
            "rows": [8, 11, 2, 2, 40],
        }
    )
    expected = pl.DataFrame(
        {"key": ["ابو شوشه", "اندير هيريرا"], "entity_type": ["PER", "PER"], "entity": ["أبو شوشه", "أندير هيريرا"]},
        schema=SPELLINGS,
    )
    assert_frame_equal(spellings(stored), expected, check_row_order=False)
    # A later batch adds the names it is the first to write, and changes none already held.
    batch = pl.DataFrame(
        {
            "entity": ["ابو شوشة", "عمر ابراهيم", "عمر إبراهيم", "عمر ابراهيم"],
            "entity_type": ["PER", "PER", "PER", "PER"],
        }
    )
    grown = with_spellings(expected, batch)
    assert grown.sort("key").rows() == [
        ("ابو شوشه", "PER", "أبو شوشه"),
        ("اندير هيريرا", "PER", "أندير هيريرا"),
        ("عمر ابراهيم", "PER", "عمر ابراهيم"),
    ]
