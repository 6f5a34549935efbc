"""Find the places, organizations and people of the gazetteer in article bodies, over whole columns."""

from functools import cache

import polars as pl

from tasks.normalize import fold_for_matching
from tasks.reference import gazetteer

# Prefix clitics a name may carry: conjunctions و ف, prepositions ب ك ل and their pairs.
_CLITICS = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
# ل before the article ال drops its alef: ل + العراق = للعراق.
_LAM = ("ل", "ول", "فل")

ENTITY_TYPES = {"LOC": "locations", "ORG": "organizations", "PER": "persons"}

FOUND = pl.Schema(
    {
        "article_id": pl.String(),
        "entity": pl.String(),
        "entity_type": pl.String(),
        "mentions": pl.Int32(),
        "name_en": pl.String(),
    }
)


def _with_clitics(name: pl.Expr) -> pl.Expr:
    """Every prefixed form of a folded name, as a list."""
    starts_with_al = name.str.starts_with("ال")
    plain = [pl.lit(c) + name for c in _CLITICS]
    lam = [
        pl.when(starts_with_al).then(pl.lit(c) + "ل" + name.str.slice(2)).otherwise(pl.lit(c) + name)
        for c in _LAM
    ]
    return pl.concat_list([*plain, *lam])


def _token_text(text: pl.Expr) -> pl.Expr:
    """Folded words, each wrapped in two spaces, so that literal patterns respect word boundaries."""
    words = fold_for_matching(text).str.replace_all(r"[^\p{L}\p{N}]+", "  ")
    return pl.lit("  ") + words + pl.lit("  ")


@cache
def patterns() -> pl.DataFrame:
    """One row per searchable form: ` form ` (spaces around, doubled inside) to its entity.

    A form shared by two entities is ambiguous and left out rather than guessed.
    """
    names = (
        gazetteer()
        .with_columns(name=pl.concat_list(pl.col("canonical"), pl.col("variants")))
        .explode("name")
        .filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
        .with_columns(name=fold_for_matching(pl.col("name")).str.replace_all(r"[^\p{L}\p{N}]+", " "))
        .with_columns(form=_with_clitics(pl.col("name")))
        .explode("form")
        .select(
            pattern=pl.lit(" ") + pl.col("form").str.replace_all(" ", "  ") + pl.lit(" "),
            entity=pl.col("canonical"),
            entity_type=pl.col("type"),
            name_en=pl.col("name_en"),
        )
        .unique(["pattern", "entity"])
    )
    unambiguous = names.filter(pl.col("entity").n_unique().over("pattern") == 1)
    # Longest first: among matches starting at the same place, the first listed pattern wins.
    return unambiguous.sort(pl.col("pattern").str.len_chars(), "pattern", descending=[True, False])


def find_entities(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per article and entity found in its body, with how often it is mentioned (FOUND)."""
    table = patterns()
    found = (
        articles.select(
            "article_id",
            match=_token_text(pl.col("body")).str.extract_many(
                table["pattern"].to_list(), overlapping=False, leftmost=True
            ),
        )
        .explode("match")
        .drop_nulls("match")
        .join(table, left_on="match", right_on="pattern", how="inner", maintain_order="left")
        .group_by("article_id", "entity", maintain_order=True)
        .agg(
            pl.col("entity_type").first(),
            pl.len().cast(pl.Int32).alias("mentions"),
            pl.col("name_en").first(),
        )
    )
    return found.select(pl.col(name).cast(dtype) for name, dtype in FOUND.items())


def entity_lists(articles: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """The articles with their locations, organizations and persons lists (in order of first mention)."""
    lists = found.group_by("article_id", maintain_order=True).agg(
        pl.col("entity").filter(pl.col("entity_type") == kind).alias(column)
        for kind, column in ENTITY_TYPES.items()
    )
    joined = articles.drop(ENTITY_TYPES.values(), strict=False).join(
        lists, on="article_id", how="left", maintain_order="left"
    )
    return joined.with_columns(
        pl.col(column).fill_null(pl.lit([], dtype=pl.List(pl.String))) for column in ENTITY_TYPES.values()
    )
