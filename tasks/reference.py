"""Reference data beside the code (outlets, months, gazetteer), loaded once per process."""

import csv
from functools import cache
from pathlib import Path

import polars as pl

from tasks.normalize import fold_string

REFERENCE_DIR = Path(__file__).parent / "reference"


@cache
def outlet_names() -> tuple[str, ...]:
    """Names of the outlets akhbar knows, longest first (for regex alternations)."""
    with (REFERENCE_DIR / "outlets.csv").open(encoding="utf-8", newline="") as handle:
        names = {row["name"] for row in csv.DictReader(handle)}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def gazetteer() -> pl.DataFrame:
    """The entity gazetteer: one row per name, with its type, English name and variants.

    The hand-curated entities.csv comes first; entities_generated.csv (scripts/build_reference.py) adds
    places and mined names, and extra spellings of curated entities under their curated canonical name.
    """
    frames = [
        pl.read_csv(REFERENCE_DIR / name, schema_overrides={"variants": pl.String, "name_en": pl.String}).select(
            "canonical", "type", "name_en", "variants"
        )
        for name in ("entities.csv", "entities_generated.csv")
    ]
    names = pl.concat(frames).with_columns(
        pl.col("name_en").replace("", None),
        pl.col("variants").fill_null("").str.split("|").list.eval(pl.element().str.strip_chars()),
    )
    # A row of extra spellings has the English name of its entity's other row (ألبانيا from the countries list,
    # بوتين of the curated فلاديمير بوتين): without it, a mention by those spellings had none.
    english = pl.col("name_en").forward_fill().backward_fill().over("canonical", "type")
    return names.with_columns(pl.col("name_en").fill_null(english))


@cache
def state_names() -> frozenset[str]:
    """Canonical names of the countries (entities_generated.csv rows whose source is the countries list)."""
    generated = pl.read_csv(REFERENCE_DIR / "entities_generated.csv", schema_overrides={"source": pl.String})
    return frozenset(generated.filter(pl.col("source") == "countries")["canonical"].to_list())


@cache
def _name_word_table() -> pl.DataFrame:
    """name_words.csv: each word the training text gives the rules, its kind, how often tagged and seen."""
    return pl.read_csv(REFERENCE_DIR / "name_words.csv", schema_overrides={"word": pl.String})


@cache
def name_words() -> dict[str, frozenset[str]]:
    """Given names, other name words, organization head nouns and common words mined from the training text,
    the words of real news that are plain words (news), verbs (verb) or accusative words (accusative), and
    nationality nisbas (nationality)."""
    table = _name_word_table()
    kinds = ("given", "name", "head", "common", "other", "news", "verb", "accusative", "nationality")
    return {kind: frozenset(table.filter(pl.col("kind") == kind)["word"].to_list()) for kind in kinds}


@cache
def curated_given_names() -> frozenset[str]:
    """given_names.csv's hand-curated given names, folded: with those the training text mostly uses as plain
    words (علي, also على), which name_words leaves out of its given names."""
    with (REFERENCE_DIR / "given_names.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(fold_string(row["name"]) for row in csv.DictReader(handle))


@cache
def idioms() -> frozenset[tuple[str, str]]:
    """idioms.csv: phrases a given name opens that name no one (حسن الجوار "good neighbourliness"), folded, as
    (given name, noun without ال)."""
    with (REFERENCE_DIR / "idioms.csv").open(encoding="utf-8", newline="") as handle:
        phrases = [fold_string(row["phrase"]).split(" ") for row in csv.DictReader(handle)]
    return frozenset((given, noun.removeprefix("ال")) for given, noun in phrases)


@cache
def times_seen() -> pl.DataFrame:
    """How often the training text has each word it has at least twice (name_words.csv lists them all)."""
    # The news, verb and accusative rows count real news, not the training text.
    return (
        _name_word_table()
        .filter(~pl.col("kind").is_in(["news", "verb", "accusative"]))
        .select("word", "seen")
        .unique("word")
    )


@cache
def curated_organizations() -> tuple[str, ...]:
    """Every spelling of the curated organizations: outlets.csv, organizations.csv and entities.csv's ORG rows.

    Unfiltered: build_reference.py leaves out of the gazetteer a spelling the training text mostly uses as
    a plain word (الجزيرة), which name_rules reads as an organization only in an organization's context.
    """
    spellings: list[str] = []
    for file, columns in (("outlets.csv", ("name", "aliases")), ("organizations.csv", ("name", "variants"))):
        with (REFERENCE_DIR / file).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                spellings += [s for column in columns for s in (row[column] or "").split("|") if s]
    with (REFERENCE_DIR / "entities.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["type"] == "ORG":
                spellings += [s for s in (row["canonical"], *(row["variants"] or "").split("|")) if s]
    return tuple(dict.fromkeys(spellings))


@cache
def word_series(words: frozenset[str]) -> pl.Series:
    """A word list as is_in takes it (a Series holding it as one list), made once per process (the lists are
    thousands of words; making one per call was a good part of a small batch's time)."""
    return pl.Series(sorted(words), dtype=pl.String).implode()
