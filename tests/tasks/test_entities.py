"""find_entities on real strings: mention counts, entity lists in order of first mention, overlapping mentions."""

import polars as pl
from polars.testing import assert_frame_equal

from tasks.entities import FOUND, entity_lists, find_entities, spelt_as_known
from tasks.spellings import SPELLINGS
from tests.tasks.entity_helpers import found, spans_read


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
    articles = pl.DataFrame({"article_id": ["a0", "a1"], "body": ["الحشد الشعبي في الموصل وبشار الأسد", "لا شيء"]})
    lists = entity_lists(articles, find_entities(articles))
    assert lists.select("locations", "organizations", "persons").rows() == [
        (["الموصل"], ["الحشد الشعبي"], ["بشار الأسد"]),
        ([], [], []),
    ]


def test_a_batch_with_nothing_to_read_finds_nothing() -> None:
    # No article; an empty, a missing and a punctuation-only body beside one that names a place (its words are
    # laid end to end with theirs); and a body ending on a listed name right at the text's end.
    none = pl.DataFrame({"article_id": [], "body": []}, schema={"article_id": pl.String, "body": pl.String})
    assert_frame_equal(find_entities(none), pl.DataFrame(schema=FOUND))
    bodies = pl.DataFrame({"article_id": ["a0", "a1", "a2", "a3"], "body": ["", None, "،،، - (!)", "في بغداد"]})
    assert find_entities(bodies).select("article_id", "entity").rows() == [("a3", "بغداد")]


def test_an_article_given_twice_is_read_once() -> None:
    # One id is one article (ids are of the content): its rows once, its lists on each of its rows. The listed
    # person followed by his father's name is read past its end, where a doubled article once broke the batch.
    body = "استقبل الملك سلمان بن عبد العزيز في الرياض وزير الخارجية العراقي فؤاد حسين"
    articles = pl.DataFrame({"article_id": ["a0", "a1", "a0"], "body": [body, "زار نوري المالكي بغداد", body]})
    assert_frame_equal(find_entities(articles), find_entities(articles.head(2)))
    lists = entity_lists(articles, find_entities(articles))
    assert lists["persons"].to_list() == [
        ["سلمان بن عبد العزيز", "فؤاد حسين"],
        ["نوري المالكي"],
        ["سلمان بن عبد العزيز", "فؤاد حسين"],
    ]


def test_the_gazetteer_wins_over_a_title_rule() -> None:
    rows = found("قال الرئيس السوري بشار الأسد").select("entity", "name_en").rows()
    assert rows == [("بشار الأسد", "Bashar al-Assad")]


def test_a_curated_persons_spellings_are_one_entity_in_articles_naming_either() -> None:
    # SaudiNewsNet: عادل الجبير (44 articles) and عادل بن أحمد الجبير (14), read by the rules, were two people wherever
    # no article named both; listed, both are the one person, with his English name.
    rows = found("وقال وزير الخارجية عادل بن أحمد الجبير إن", "وأكد عادل الجبير أن").select(
        "article_id", "entity", "name_en"
    )
    assert rows.rows() == [("a0", "عادل الجبير", "Adel al-Jubeir"), ("a1", "عادل الجبير", "Adel al-Jubeir")]


def test_a_listed_surname_ending_a_name_a_rule_read_is_that_persons_only_if_the_names_agree() -> None:
    # SaudiNewsNet. المالكي alone is listed for نوري المالكي; رياض المالكي, read after a title, is someone else.
    body = "أعلن وزير الخارجية الفلسطيني رياض المالكي عن حراك دولي"
    assert found(body).select("entity", "name_en").rows() == [("رياض المالكي", None)]
    # فرنسوا هولاند is فرانسوا هولاند spelt otherwise: the listed person, with the span the rule read.
    body = "على رأسهم الرئيس الفرنسي فرنسوا هولاند والرئيس الروسي"
    assert spans_read(body) == [("فرنسوا هولاند", "فرانسوا هولاند", "PER")]
    # سعود بن نايف بن عبدالعزيز is the son of the listed نايف بن عبد العزيز, not he (as محمد بن نايف was, read by the
    # rules before he was listed).
    body = "أمير المنطقة الشرقية الأمير سعود بن نايف بن عبدالعزيز لإمارات المناطق"
    assert [entity for _, entity, _ in spans_read(body)] == ["سعود بن نايف بن عبدالعزيز"]


def test_a_surname_inside_a_longer_name_stays_with_that_name() -> None:
    rows = found("سقط نظام بشار الأسد، وسقطت صواريخ على قاعدة عين الأسد الجوية.")
    assert rows.select("entity", "entity_type", "mentions").rows() == [
        ("بشار الأسد", "PER", 1),
        ("عين الأسد", "LOC", 1),
    ]


def test_two_rules_reading_one_span_give_the_same_name_in_every_article() -> None:
    # A title reads "لمحمد جمعة الحربي" (clitic and all), the given-name rule ل + "محمد جمعة الحربي": the same
    # span (SaudiNewsNet 2015-08-08). The name with its clitic read off wins wherever the article sits.
    body = "أطلق الرئيس الذهبي الكرسي لمحمد جمعة الحربي اليوم."
    rows = found(*[body] * 40).filter(pl.col("entity_type") == "PER")
    assert rows["entity"].unique().to_list() == ["محمد جمعة الحربي"]
    assert rows.height == 40


def test_a_batch_writes_a_name_as_the_warehouse_first_wrote_it() -> None:
    articles = pl.DataFrame({"article_id": ["a0", "a1"], "body": ["وسجل اللاعب اندير هيريرا هدفا في العراق", "لا شيء"]})
    found_rows = find_entities(articles)
    with_lists = entity_lists(articles, found_rows)
    assert found_rows["entity"].to_list() == ["اندير هيريرا", "العراق"]
    known = pl.DataFrame(
        {"key": ["اندير هيريرا"], "entity_type": ["PER"], "entity": ["أندير هيريرا"]}, schema=SPELLINGS
    )
    respelt_articles, respelt = spelt_as_known(with_lists, found_rows, known)
    assert_frame_equal(respelt, found_rows.with_columns(entity=pl.Series(["أندير هيريرا", "العراق"])))
    assert respelt_articles.select("persons", "locations").rows() == [(["أندير هيريرا"], ["العراق"]), ([], [])]
    assert respelt_articles.columns == with_lists.columns
    # Nothing known: the batch's own spellings stand.
    unchanged = spelt_as_known(with_lists, found_rows, pl.DataFrame(schema=SPELLINGS))
    assert_frame_equal(unchanged[1], found_rows)


def test_a_person_named_in_full_then_in_part_is_one_entity_with_every_mention() -> None:
    rows = found(
        "استقبل ولي العهد الأمير محمد بن نايف بن عبد العزيز وزير الخارجية. وقال الأمير محمد بن نايف إن المملكة ماضية",
        "وأكد الأمير محمد بن نايف أن الأمن أولوية",
    )
    assert rows.select("article_id", "entity", "mentions").rows() == [
        ("a0", "محمد بن نايف", 2),
        ("a1", "محمد بن نايف", 1),
    ]
