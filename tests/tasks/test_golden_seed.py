"""Golden test on the real seed page: every expectation of the foundation issue, exactly."""

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from tasks.extract import read_sources
from tasks.normalize import canonical_text
from tasks.schemas import ARTICLES
from tasks.transform import ARTICLE_ROWS, add_entities, pages_to_articles
from tests.conftest import SAMPLES, SEED

BOILERPLATE = (
    "المسلة – متابعة",
    "النص الذي يتضمن",
    "About Post Author",
    "كلمات دلالية",
    "إقرأ أيضاً",
    "المصدر:",
)


def transform(*paths: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    return add_entities(pages_to_articles(read_sources(list(paths), {})))


@pytest.fixture(scope="module")
def seed() -> tuple[pl.DataFrame, pl.DataFrame]:
    return transform(SEED)


def test_seed_has_two_articles_in_the_contract_schema(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    articles, _ = seed
    assert articles.schema == ARTICLE_ROWS
    assert articles.select(ARTICLES.names()).schema == ARTICLES
    assert articles["position"].to_list() == [0, 1]


def test_seed_main_article(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    main = seed[0].row(0, named=True)
    assert main["title"] == "صواريخ على قاعدة عين الأسد تستقبل نتائج المباحثات العراقية الأمريكية"
    assert main["published_date"] == date(2024, 7, 26)
    assert (main["date_text"], main["date_source"]) == ("26 يوليو، 2024", "page")
    assert main["dateline"] == "بغداد"
    assert main["outlet"] == "المسلة"
    assert main["author"] == "Admin"
    assert main["credit"] == "متابعة – وكالات"
    assert main["keywords"] == ["الولايات المتحدة"]
    assert main["url"] is None
    assert main["body"].startswith("الهجوم الأخير على قاعدة عين الأسد الجوية")
    assert main["body"].endswith("الاستقرار وسط ضغوط داخلية وخارجية متزايدة.")
    assert main["body"].count("\n") == 10  # eleven paragraphs
    assert main["word_count"] == len([w for w in main["body"].split() if any(c.isalnum() for c in w)])


def test_seed_related_article(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    related = seed[0].row(1, named=True)
    assert related["title"] == "البيئة السنية على طرفي الحدود العراقية السورية.. تواصل أم تهديد ؟"
    assert related["published_date"] == date(2024, 12, 20)
    assert related["dateline"] == "بغداد"
    assert related["outlet"] == "المسلة"
    assert related["author"] == "moh moh"
    assert related["credit"] == "متابعة – وكالات"
    assert related["keywords"] == []
    assert related["body"].startswith("بعد سنوات طويلة من الفوضى والاضطرابات")
    assert related["body"].endswith("والكاميرات الحرارية.")


def test_seed_bodies_carry_no_boilerplate(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    for body in seed[0]["body"]:
        for marker in BOILERPLATE:
            assert marker not in body


def test_seed_offsets_point_into_the_decoded_page(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for row in seed[0].iter_rows(named=True):
        span = text[row["char_start"] : row["char_end"]]
        assert span.startswith(row["title"])
        assert row["body"][:40] in span
    assert seed[0]["char_end"][1] == len(text)


def test_seed_entities(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    articles, found = seed
    main, related = articles.row(0, named=True), articles.row(1, named=True)
    assert {"عين الأسد", "العراق", "واشنطن"} <= set(main["locations"])
    assert {"البوكمال", "القائم", "سوريا", "العراق"} <= set(related["locations"])
    assert "بشار الأسد" in related["persons"]
    for row in (main, related):
        assert "عين الأسد" not in row["persons"]
        assert "بشار الأسد" not in row["locations"]
    counted = found.filter(pl.col("article_id") == main["article_id"], pl.col("entity") == "عين الأسد")
    assert counted.select("entity_type", "mentions", "name_en").row(0) == ("LOC", 2, "Ain al-Asad Air Base")


def test_no_persian_letters_in_any_text_column(seed: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    text_columns = [c for c, t in ARTICLES.items() if t in (pl.String, pl.List(pl.String))]
    for column in text_columns:
        values = seed[0].select(
            pl.col(column).cast(pl.String) if seed[0][column].dtype == pl.String else pl.col(column).list.join(" ")
        )
        assert not values.to_series().str.contains("[یک]").any(), column


def test_a_seed_in_presentation_forms_reads_as_the_seed(
    seed: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path
) -> None:
    # The lam-alef ligatures some sites write (ﻻ، ﻷ), and a name in contextual shapes (ﺑﺸﺎﺭ اﻷﺳﺪ).
    text = SEED.read_text(encoding="utf-8").replace("الأسد", "اﻷﺳﺪ").replace("بشار", "ﺑﺸﺎﺭ").replace("لا", "ﻻ")
    assert "ﻻ" in text
    page = tmp_path / SEED.name
    page.write_text(text, encoding="utf-8")
    articles, found = transform(page)
    same = ["title", "dateline", "author", "credit", "keywords", "body", "word_count", "locations", "persons"]
    assert_frame_equal(articles.select(same), seed[0].select(same))
    assert_frame_equal(found.drop("article_id"), seed[1].drop("article_id"))
    # The offsets point into the page as decoded, ligatures and all.
    for row in articles.iter_rows(named=True):
        assert (
            pl.select(canonical_text(pl.lit(text[row["char_start"] : row["char_end"]]))).item().startswith(row["title"])
        )
    assert articles["char_end"][1] == len(text)


GOLDEN = json.loads((Path(__file__).parents[1] / "golden" / "samples_expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_bundled_samples_read_as_written(name: str) -> None:
    articles, _ = transform(SAMPLES / name)
    expected = GOLDEN[name]
    assert articles.height == len(expected)
    for row, want in zip(articles.iter_rows(named=True), expected, strict=True):
        assert row["position"] == want["position"]
        assert row["title"] == want["title"]
        assert row["published_date"] == date.fromisoformat(want["published_date"])
        assert row["dateline"] == want["dateline"]
        assert row["author"] == want["author"]
        assert row["credit"] == want["credit"]
        assert row["keywords"] == want["keywords"]
        assert row["body"].startswith(want["body_starts"])
        assert row["body"].endswith(want["body_ends"])
        assert row["body"].count("\n") + 1 == want["paragraphs"]
