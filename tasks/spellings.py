"""How each entity is written: every spelling of a name a rule read under one (one_spelling), and the spellings a
warehouse holds (SPELLINGS), which a later batch writes its names as (known_spellings).

A listed name is written as the lists write it; a name a rule read, as the batch writes it most often (عبد apart from
the word it links), and in a warehouse as it was first loaded.
"""

from functools import cache

import polars as pl

from tasks.normalize import abd_apart, abd_joined, fold_for_matching
from tasks.reference import gazetteer

# How a warehouse spells each name a rule read: key (_name_key), entity_type, entity (the spelling).
SPELLINGS = pl.Schema({"key": pl.String(), "entity_type": pl.String(), "entity": pl.String()})


def one_spelling(found: pl.DataFrame) -> pl.DataFrame:
    """The mentions (entity, entity_type, name_en …) with every spelling of a name a rule read under one: a listed
    name's where it is one of its spellings (عبد الله بن عبدالعزيز is King Abdullah's), else the batch's commonest
    (then the first in code-point order), with عبد apart from the word it links, as the lists write it.

    عبد الفتاح السيسي، عبدالفتاح السيسي and عبدالفتاح السيسى are one person, عمر إبراهيم and عمر ابراهيم one
    entity; the spelling depends on the batch, as a bare surname's reading does.
    """
    # Worked out once per name and type (a batch mentions each many times), then joined back to the mentions.
    keyed = _read_names(found).join(_listed_keys(), on=["key", "entity_type"], how="left")
    commonest = _commonest(keyed.filter(pl.col("listed").is_null())).select(
        "key", "entity_type", spelt=abd_apart(pl.col("entity"))
    )
    renamed = keyed.join(commonest, on=["key", "entity_type"], how="left").select(
        "entity", "entity_type", "listed_en", spelling=pl.coalesce("listed", "spelt")
    )
    return (
        found.join(renamed, on=["entity", "entity_type"], how="left", maintain_order="left")
        .with_columns(entity=pl.coalesce("spelling", "entity"), name_en=pl.coalesce("listed_en", "name_en"))
        .select(found.columns)
    )


def spellings(found: pl.DataFrame) -> pl.DataFrame:
    """Each name a rule read among entity rows (entity, entity_type, and rows, how many each stands for, if given)
    under one spelling (SPELLINGS): the commonest, then the first in code-point order."""
    return _commonest(_read_names(found))


def with_spellings(known: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """The spellings `known` (SPELLINGS) and those of the entity rows `found` of names it does not know yet."""
    return pl.concat([known, spellings(found)]).unique(["key", "entity_type"], keep="first", maintain_order=True)


def known_spellings(found: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """Entity rows (of find_entities) with each name a rule read written as `known` (SPELLINGS: the warehouse's, and
    the run's earlier batches') spells it, one row per article and entity still.

    So a name keeps the spelling it was first loaded under (أبو شوشة, not أبو شوشه in a later batch that writes it
    so more often); a name the warehouse does not know keeps the batch's.
    """
    if known.is_empty() or found.is_empty():
        return found
    renamed = _read_names(found).join(known.rename({"entity": "known"}), on=["key", "entity_type"], how="inner")
    return (
        found.join(
            renamed.select("entity", "entity_type", "known"),
            on=["entity", "entity_type"],
            how="left",
            maintain_order="left",
        )
        .with_columns(entity=pl.coalesce("known", "entity"))
        # One row per article and entity whatever `known` holds (two rows coming to one spelling add up).
        .group_by("article_id", "entity", maintain_order=True)
        .agg(pl.col("entity_type").first(), pl.col("mentions").sum(), pl.col("name_en").first())
        .select(pl.col(name).cast(found.schema[name]) for name in found.columns)
    )


def _read_names(found: pl.DataFrame) -> pl.DataFrame:
    """The names a rule read among rows (entity, entity_type, and rows, how many each stands for, if given), once
    each: entity, entity_type, rows and key (_name_key)."""
    rows = pl.col("rows").sum() if "rows" in found.columns else pl.len()
    return (
        found.group_by("entity", "entity_type")
        .agg(rows=rows)
        .filter(~pl.col("entity").is_in(_listed_names()))
        .with_columns(key=_name_key(pl.col("entity")))
    )


def _commonest(names: pl.DataFrame) -> pl.DataFrame:
    """Of names (_read_names), the commonest spelling of each key and type, then the first in code-point order
    (SPELLINGS)."""
    return (
        names.sort("rows", "entity", descending=[True, False])
        .unique(["key", "entity_type"], keep="first", maintain_order=True)
        .select(pl.col(name).cast(dtype) for name, dtype in SPELLINGS.items())
    )


def _name_key(name: pl.Expr) -> pl.Expr:
    """What every spelling of a name shares: folded, words apart by one space, عبد joined to the word it links."""
    return abd_joined(fold_for_matching(name).str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars())


@cache
def _listed_names() -> pl.Series:
    """The gazetteer's canonical names as is_in takes them, once per process."""
    return gazetteer()["canonical"].unique().sort().implode()


@cache
def _listed_keys() -> pl.DataFrame:
    """Each key (_name_key) of a listed name's spellings, with the name (listed) and its English one (listed_en);
    none that two names of one type share."""
    named = gazetteer().select(
        "canonical", entity_type="type", listed_en="name_en", spelling=pl.concat_list("canonical", "variants")
    )
    keys = (
        named.explode("spelling")
        .filter(pl.col("spelling") != "")
        .select(key=_name_key(pl.col("spelling")), entity_type="entity_type", listed="canonical", listed_en="listed_en")
        .unique(["key", "entity_type", "listed"])
    )
    return keys.filter(pl.col("listed").n_unique().over("key", "entity_type") == 1)
