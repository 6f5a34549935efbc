"""Which spellings name one entity: a name a rule read under every spelling, a person named in part and in full, and
a name as a warehouse first wrote it."""

import polars as pl
from polars.testing import assert_frame_equal

from tasks.entities import FOUND
from tasks.spellings import SPELLINGS, known_spellings, one_person, one_spelling, spellings, with_spellings
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


def _mentions(*rows: tuple[str, str, str | None]) -> pl.DataFrame:
    """Person mentions (article_id, entity, name_en) as one_spelling leaves them."""
    article_id, entity, name_en = zip(*rows, strict=True)
    return pl.DataFrame(
        {"article_id": article_id, "entity": entity, "entity_type": ["PER"] * len(rows), "name_en": name_en},
        schema={"article_id": pl.String, "entity": pl.String, "entity_type": pl.String, "name_en": pl.String},
    )


def test_a_person_named_in_part_and_in_full_is_one_person_in_every_article() -> None:
    # SaudiNewsNet: محمد بن نايف (64 articles), محمد بن نايف بن عبد العزيز (97) and … آل سعود (54) were three
    # people (listed since, he is one; his brother سعود بن نايف, whom the rules read, stands in for him here);
    # فيصل بن خالد ابن عبد العزيز (ابن for بن) is one of them too. Written as the batch writes the person most
    # often, in every article, even one that names them one way only (a2). تركي الفيصل stands in for خالد الفيصل,
    # listed since too.
    mentions = _mentions(
        ("a0", "سعود بن نايف بن عبد العزيز", None),
        ("a0", "سعود بن نايف", None),
        ("a1", "سعود بن نايف بن عبد العزيز آل سعود", None),
        ("a1", "سعود بن نايف", None),
        ("a2", "سعود بن نايف", None),
        ("a3", "تركي الفيصل بن عبد العزيز", None),
        ("a3", "تركي الفيصل", None),
        ("a4", "فيصل بن خالد ابن عبد العزيز", None),
        ("a4", "فيصل بن خالد بن عبد العزيز", None),
        ("a5", "فيصل بن خالد بن عبد العزيز", None),
    )
    # As often in full as in part: the shorter name (a longer reading is likelier to have run on).
    expected = mentions.with_columns(
        entity=pl.Series(["سعود بن نايف"] * 5 + ["تركي الفيصل"] * 2 + ["فيصل بن خالد بن عبد العزيز"] * 3)
    )
    assert_frame_equal(one_person(one_spelling(mentions)), expected)


def test_a_person_named_by_given_and_family_name_is_the_one_named_with_the_fathers_too() -> None:
    # SaudiNewsNet: عثمان بن ناصر المحرج and عثمان المحرج (15 articles), one spokesman. Not a family name with آل,
    # and not where two fathers' names share the given and family names.
    mentions = _mentions(
        ("a0", "عثمان بن ناصر المحرج", None),
        ("a0", "عثمان المحرج", None),
        ("a1", "عثمان المحرج", None),
        ("a2", "عبد الله بن محمد آل الشيخ", None),
        ("a2", "عبد الله الشيخ", None),
        ("a3", "محمد بن علي القحطاني", None),
        ("a3", "محمد القحطاني", None),
        ("a4", "محمد بن سعد القحطاني", None),
        ("a4", "محمد القحطاني", None),
    )
    expected = mentions.with_columns(entity=pl.Series(["عثمان المحرج"] * 3 + mentions["entity"].tail(6).to_list()))
    assert_frame_equal(one_person(mentions), expected)


def test_a_name_two_longer_names_go_on_from_differently_is_left_as_it_is() -> None:
    # صالح بن عبد الله بن حميد and صالح بن عبد الله بن طالب are two imams: صالح بن عبد الله may be either.
    mentions = _mentions(
        ("a0", "صالح بن عبد الله بن حميد", None),
        ("a0", "صالح بن عبد الله", None),
        ("a1", "صالح بن عبد الله بن طالب", None),
        ("a1", "صالح بن عبد الله", None),
    )
    assert_frame_equal(one_person(mentions), mentions)


def test_names_never_written_in_one_article_stay_apart() -> None:
    # No article says محمد بن عبد الرحمن is محمد بن عبد الرحمن بن X: nothing ties them.
    mentions = _mentions(("a0", "محمد بن عبد الرحمن بن سعيد", None), ("a1", "محمد بن عبد الرحمن", None))
    assert_frame_equal(one_person(mentions), mentions)


def test_a_person_the_lists_name_is_written_as_listed_and_a_listed_name_never_changes() -> None:
    mentions = _mentions(
        ("a0", "حمد بن عيسى آل خليفة", "Hamad bin Isa Al Khalifa"),
        ("a0", "حمد بن عيسى", None),
        ("a1", "حمد بن عيسى", None),
        ("a2", "حمد بن عيسى", None),
        # Two listed people the lists name in part and in full: each stays as listed.
        ("a3", "علي بن أبي طالب", None),
        ("a3", "علي بن أبي طالب بن عبد المطلب الهاشمي القرشي", None),
    )
    expected = mentions.with_columns(
        entity=pl.Series(["حمد بن عيسى آل خليفة"] * 4 + mentions["entity"].tail(2).to_list()),
        name_en=pl.Series(["Hamad bin Isa Al Khalifa"] * 4 + [None, None]),
    )
    assert_frame_equal(one_person(mentions), expected)


def test_a_given_name_is_no_part_of_a_person() -> None:
    # عبد العزيز alone is anyone, محمد آل زلفة is not every محمد, nor محيي الدين بن يحيى every محيي الدين.
    mentions = _mentions(
        ("a0", "عبد العزيز آل سعود", None),
        ("a0", "عبد العزيز", None),
        ("a1", "محمد آل زلفة", None),
        ("a1", "محمد", None),
        ("a2", "محيي الدين بن يحيى", None),
        ("a2", "محيي الدين", None),
    )
    assert_frame_equal(one_person(mentions), mentions)


def test_only_people_are_named_in_part() -> None:
    mentions = pl.DataFrame(
        {
            "article_id": ["a0", "a0"],
            "entity": ["اللجنة العليا", "اللجنة العليا بن سالم"],
            "entity_type": ["ORG", "PER"],
            "name_en": [None, None],
        }
    )
    assert_frame_equal(one_person(mentions), mentions)


def test_a_batch_writes_a_person_as_the_warehouse_first_wrote_them_on_one_line() -> None:
    known = spellings(
        pl.DataFrame(
            {
                "entity": [
                    "سعود بن نايف بن عبد العزيز",
                    "سلطان بن سلمان",
                    "تركي الفيصل بن عبد العزيز",
                    "صالح بن عبد الله بن حميد",
                    "صالح بن عبد الله بن طالب",
                ],
                "entity_type": ["PER"] * 5,
            }
        )
    )
    batch = pl.DataFrame(
        {
            "article_id": ["a0", "a0", "a1", "a2", "a3"],
            "entity": [
                "سعود بن نايف",
                "سعود بن نايف بن عبد العزيز آل سعود",
                "سلطان بن سلمان بن عبد العزيز",
                "تركي الفيصل",
                "صالح بن عبد الله",
            ],
            "entity_type": ["PER"] * 5,
            "mentions": [1, 2, 1, 1, 1],
            "name_en": [None] * 5,
        },
        schema=FOUND,
    )
    # Named in part or at more length, on the line of one name the warehouse holds: that name (a0's two rows are
    # one). تركي الفيصل is two words only (across batches no article ties it), and صالح بن عبد الله may be either imam.
    expected = pl.DataFrame(
        {
            "article_id": ["a0", "a1", "a2", "a3"],
            "entity": ["سعود بن نايف بن عبد العزيز", "سلطان بن سلمان", "تركي الفيصل", "صالح بن عبد الله"],
            "entity_type": ["PER"] * 4,
            "mentions": [3, 1, 1, 1],
            "name_en": [None] * 4,
        },
        schema=FOUND,
    )
    assert_frame_equal(known_spellings(batch, known), expected)
