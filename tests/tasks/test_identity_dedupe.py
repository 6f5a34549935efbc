"""Article ids are stable and content-based; duplicates are set aside, the best copy kept."""

import hashlib
import re
from datetime import date

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from tasks.dedupe import drop_duplicates, known_ids, lost_ids, remember, retired
from tasks.identity import identity_key, with_article_ids
from tasks.normalize import fold_for_matching


def articles(bodies: list[str | None], **columns: list[object]) -> pl.DataFrame:
    n = len(bodies)
    frame = pl.DataFrame(
        {
            "body": bodies,
            "source_sha256": columns.get("source_sha256", ["h"] * n),
            "position": columns.get("position", list(range(n))),
            "source_path": columns.get("source_path", ["/a.txt"] * n),
            "published_date": columns.get("published_date", [date(2024, 1, 1)] * n),
            "title": columns.get("title", ["t"] * n),
        },
        schema_overrides={"body": pl.String, "published_date": pl.Date, "title": pl.String},
    )
    return with_article_ids(frame)


def test_same_story_text_gets_same_id_whatever_spacing_and_marks() -> None:
    ids = articles(["قال الوزير إنَّ الأمن مستتب.", "قال  الوزير  إن الأمن مستتب.\n", "خبر آخر."])["article_id"]
    assert ids[0] == ids[1] != ids[2]
    assert len(ids[0]) == 32


def test_ids_are_sha256_of_the_folded_story_text() -> None:
    # The definition, computed apart: an id must never change meaning between versions of akhbar.
    expected = hashlib.sha256("body:قال الوزير ان الامن مستتب.".encode()).hexdigest()[:32]
    assert articles(["قال الوزيرُ إنّ الأمن مستتب."])["article_id"][0] == expected


@given(
    st.lists(st.text(st.sampled_from([*"الوزير إنَّ", " ", "\n", "\t", "\u00a0", "\u2003"]), max_size=30), max_size=10)
)
def test_the_identity_key_is_the_folded_text_with_each_run_of_white_space_one_space(bodies: list[str]) -> None:
    keys = pl.select(identity_key(pl.Series(bodies, dtype=pl.String))).to_series().to_list()
    folded = pl.select(fold_for_matching(pl.Series(bodies, dtype=pl.String))).to_series().to_list()
    assert keys == [re.sub(r"\s+", " ", text).strip() for text in folded]


def test_empty_articles_never_share_an_id() -> None:
    ids = articles(["", None, ""], position=[0, 1, 2])["article_id"]
    assert ids.n_unique() == 3


def test_duplicates_in_batch_keep_the_most_complete_copy() -> None:
    frame = articles(
        ["نص واحد.", "نص واحد.", "نص آخر."],
        published_date=[None, date(2024, 1, 1), date(2024, 1, 2)],
        position=[0, 1, 2],
    )
    result = drop_duplicates(frame, pl.Series([], dtype=pl.String))
    assert result.unique["position"].to_list() == [1, 2]
    assert result.duplicates["position"].to_list() == [0]


def test_articles_already_loaded_are_duplicates() -> None:
    frame = articles(["نص واحد.", "نص آخر."])
    result = drop_duplicates(frame, frame["article_id"].head(1))
    assert (result.unique.height, result.duplicates["body"].to_list()) == (1, ["نص واحد."])


def test_a_reloaded_file_does_not_count_its_own_old_articles_as_known() -> None:
    live = pl.DataFrame({"article_id": ["x", "y"], "source_path": ["/a.txt", "/b.txt"]})
    sources = pl.DataFrame(
        {"source_path": ["/a.txt", "/b.txt"], "status": ["new", "unchanged"], "source_sha256": ["h2", "h1"]}
    )
    assert known_ids(live, sources).to_list() == ["y"]
    loaded = pl.DataFrame({"article_id": ["z"], "source_path": ["/a.txt"]})
    assert remember(live, sources, loaded).rows() == [("y", "/b.txt"), ("z", "/a.txt")]


def test_a_file_rejected_with_new_content_retires_its_articles_and_an_unreadable_one_keeps_them() -> None:
    live = pl.DataFrame({"article_id": ["x", "y"], "source_path": ["/a.txt", "/b.txt"]})
    # /a.txt now holds something that is not news (new bytes, recorded); /b.txt could not be read (no hash).
    sources = pl.DataFrame(
        {"source_path": ["/a.txt", "/b.txt"], "status": ["rejected", "rejected"], "source_sha256": ["h2", None]}
    )
    assert known_ids(live, sources).to_list() == ["y"]
    assert retired(live, sources).rows() == [("x", "/a.txt")]


def test_lost_ids_are_those_retired_and_not_loaded_again() -> None:
    live = pl.DataFrame({"article_id": ["x", "y", "z"], "source_path": ["/a.txt", "/a.txt", "/b.txt"]})
    sources = pl.DataFrame({"source_path": ["/a.txt"], "status": ["new"], "source_sha256": ["h2"]})
    gone = retired(live, sources)
    # The new /a.txt still holds y, and a later batch met x nowhere: x is lost, y is not.
    after = remember(live, sources, pl.DataFrame({"article_id": ["y"], "source_path": ["/a.txt"]}))
    assert lost_ids(gone, after).to_list() == ["x"]
    # Found again in another file later in the run: not lost.
    later = pl.concat([after, pl.DataFrame({"article_id": ["x"], "source_path": ["/c.txt"]})])
    assert lost_ids(gone, later).to_list() == []
