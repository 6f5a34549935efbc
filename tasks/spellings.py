"""How each entity is written: every spelling of a name a rule read under one (one_spelling), and the spellings a
warehouse holds (SPELLINGS), which a later batch writes its names as (known_spellings).

A listed name is written as the lists write it; a name a rule read, as the batch writes it most often (عبد apart from
the word it links), and in a warehouse as it was first loaded.
"""

from functools import cache

import polars as pl

from tasks.normalize import abd_apart, abd_joined, fold_for_matching
from tasks.reference import gazetteer
from tasks.rule_text import FATHER_OR_FAMILY

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


def one_person(found: pl.DataFrame) -> pl.DataFrame:
    """The mentions (of one_spelling) with a person named in part and in full, in one article of the batch or more,
    under one name in every article: محمد بن نايف، محمد بن نايف بن عبد العزيز and محمد بن نايف بن عبد العزيز آل سعود,
    خالد الفيصل and خالد الفيصل بن عبد العزيز, عثمان المحرج and عثمان بن ناصر المحرج.

    A name is another cut before a link (بن، ابن، بنت، آل) with two words or more before it, or its given and family
    names without the father's (_one_line). Names so linked are one person where the longer ones make one line (none
    of two that go on differently, as صالح بن عبد الله بن حميد and صالح بن عبد الله بن طالب do) and each name read by
    rule is written beside another of them in some article. The person is written as the lists write them if one is
    listed, else as the batch writes them most often (then the shorter name, then code-point order); a listed name is
    never rewritten.
    """
    people = found.filter(pl.col("entity_type") == "PER")
    names = (
        people.group_by("entity")
        .agg(rows=pl.len(), name_en=pl.col("name_en").first())
        .with_columns(key=_name_key(pl.col("entity")), listed=pl.col("entity").is_in(_listed_names()))
    )
    lines = _one_line(names.select("entity", "key"))
    # Only names written beside another of their line in some article count: one article's evidence that the
    # shorter name is the longer one's.
    together = (
        people.select("article_id", "entity")
        .unique()
        .join(lines, on="entity", how="inner")
        .filter(pl.len().over("article_id", "top") > 1)
        .select("entity", "top")
        .unique()
        .join(names, on="entity", how="inner")
    )
    # A line with two listed names is two listed people (or one the lists name twice): left as it is.
    together = together.filter(pl.col("listed").cast(pl.UInt32).sum().over("top") <= 1)
    written = (
        together.sort(
            "listed", "rows", pl.col("entity").str.len_chars(), "entity", descending=[True, True, False, False]
        )
        .unique("top", keep="first", maintain_order=True)
        .select("top", person="entity", person_en="name_en")
    )
    renamed = (
        together.filter(~pl.col("listed"))
        .join(written, on="top")
        .select("entity", "person", "person_en", entity_type=pl.lit("PER"))
    )
    return (
        found.join(renamed, on=["entity", "entity_type"], how="left", maintain_order="left")
        .with_columns(
            entity=pl.coalesce("person", "entity"),
            name_en=pl.when(pl.col("person").is_not_null()).then("person_en").otherwise("name_en"),
        )
        .select(found.columns)
    )


# Second words of a given name of two (غرم الله، محيي الدين، زين العابدين، سيف الاسلام, folded): cut after one, a name
# is a given name alone, anyone's.
_GIVEN_TAILS = ("الله", "الدين", "العابدين", "الاسلام")


def _one_line(names: pl.DataFrame, across_batches: bool = False) -> pl.DataFrame:
    """Of names (entity, key: _name_key), those that are one person with another (one_person): entity, and top, the
    longest name of their line.

    A name is another cut before a link with two words or more before it (three across batches), or within a batch
    its first and last words where its second is بن and its last a family name (عادل الجبير of عادل بن أحمد الجبير).
    """
    words = pl.col("key").str.split(" ")
    # Only a name with a link after its first word goes on from another: the cuts are worked out for those alone
    # (of the 8,169 people of the SaudiNewsNet articles, 1,001; all of them took 30 ms, those 9).
    linked = names.filter(pl.col("key").str.contains(" (?:" + "|".join(FATHER_OR_FAMILY) + ") "))
    longest = linked.select(words.list.len().max()).item() or 0
    cuts = [
        pl.when(
            words.list.get(at, null_on_oob=True).is_in(FATHER_OR_FAMILY)
            & ((at > 2) | ~words.list.get(1, null_on_oob=True).is_in(_GIVEN_TAILS))
        ).then(words.list.head(at).list.join(" "))
        for at in range(3 if across_batches else 2, longest)
    ]
    if not across_batches:
        last = words.list.last()
        # Not a family name with آل (عبد الله بن محمد آل الشيخ is not عبد الله الشيخ), nor a given name's second word.
        family = last.str.starts_with("ال") & ~last.is_in(_GIVEN_TAILS) & ~words.list.contains("ال")
        cuts.append(
            pl.when((words.list.len() >= 4) & (words.list.get(1, null_on_oob=True) == "بن") & family).then(
                words.list.first() + " " + last
            )
        )
    if not cuts:
        return pl.DataFrame(schema={"entity": pl.String(), "top": pl.String()})
    # Each name with every shorter name among them it goes on from.
    longer = (
        linked.select("entity", shorter=pl.concat_list(cuts).list.drop_nulls())
        .explode("shorter")
        .join(names.select(short="entity", shorter="key"), on="shorter", how="inner")
        .select("short", long="entity")
        .unique()
    )
    # A name's tops: the longest names going on from it (none goes on from them). One, and it is of their line.
    tops = longer.join(longer.select(long="short").unique(), on="long", how="anti")
    one_top = tops.filter(pl.len().over("short") == 1).select(entity="short", top="long")
    # The tops themselves, of the lines that have one (a top is no shorter name: the two parts share no name).
    return pl.concat([one_top, one_top.select(entity="top", top="top").unique(maintain_order=True)])


def spellings(found: pl.DataFrame) -> pl.DataFrame:
    """Each name a rule read among entity rows (entity, entity_type, and rows, how many each stands for, if given)
    under one spelling (SPELLINGS): the commonest, then the first in code-point order."""
    return _commonest(_read_names(found))


def with_spellings(known: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """The spellings `known` (SPELLINGS) and those of the entity rows `found` of names it does not know yet."""
    return pl.concat([known, spellings(found)]).unique(["key", "entity_type"], keep="first", maintain_order=True)


def known_spellings(found: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """Entity rows (of find_entities) with each name a rule read written as `known` (SPELLINGS: the warehouse's, and
    the run's earlier batches') writes it, one row per article and entity still.

    So a name keeps the spelling it was first loaded under (أبو شوشة, not أبو شوشه in a later batch that writes it
    so more often), and a person the name they were first loaded under where the batch names them in part or in
    full on one line with it (_one_line: محمد بن نايف, loaded as محمد بن نايف بن عبد العزيز). Across batches no
    article shows both names, so here the shorter needs three words or more (a given name, بن, the father's: محمد بن
    نايف, not خالد الفيصل). A name the warehouse does not know keeps the batch's.
    """
    if known.is_empty() or found.is_empty():
        return found
    read = _read_names(found)
    respelt = read.join(known.rename({"entity": "known"}), on=["key", "entity_type"], how="inner")
    people = known.filter(pl.col("entity_type") == "PER").select("entity", "key")
    batch_people = read.filter(pl.col("entity_type") == "PER").join(people, on="key", how="anti")
    lines = _one_line(pl.concat([batch_people.select("entity", "key"), people]), across_batches=True)
    held = lines.join(people, on="entity", how="semi").filter(pl.len().over("top") == 1)
    joined = (
        lines.join(batch_people, on="entity", how="semi")
        .join(held.select("top", known="entity"), on="top", how="inner")
        .select("entity", entity_type=pl.lit("PER"), known="known")
    )
    renamed = pl.concat([respelt.select("entity", "entity_type", "known"), joined])
    return (
        found.join(renamed, on=["entity", "entity_type"], how="left", maintain_order="left")
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
    """What every spelling of a name shares: folded, words apart by one space, عبد joined to the word it links, and
    ابن after a name's first word written بن (فيصل بن خالد ابن عبد العزيز, سليمان الأسد ابن هلال الأسد)."""
    words = fold_for_matching(name).str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    return abd_joined(words.str.replace_all(" ابن ", " بن ", literal=True))


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
