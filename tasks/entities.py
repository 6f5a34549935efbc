"""Find places, organizations and people in article bodies, over whole columns.

Two sources of mentions, both over the whole body column (Polars expressions and joins, no loop per article):

- the gazetteer (tasks/gazetteer.py, lists in tasks/reference): every spelling of every name, with prefix
  clitics, matched (leftmost, longest first) against the words of a folded, space-padded copy of the body;
- rules (tasks/name_rules.py): people introduced by a title or role (الرئيس، وزير الخارجية، الشيخ …) or
  opened by a given name, organizations after a head noun; every later mention of a name read in the same
  article counts too, and so does a person's bare surname after their full name, or in another article of
  the same call when one person of the batch has that surname (so a surname's reading depends on the batch),
  and a person's bare given name after their full name; and a listed given name standing alone as a clause, a
  speaker's label or a name in a list (tasks/lone_names.py), where nothing else reads it.

A gazetteer mention wins over a title-rule mention it overlaps, but for a listed person's that ends a person
a rule read (… المالكي, … هولاند): the rule's span wins, as the listed person if it read one of their spellings
loosely, else as the person it read. A listed person's mention takes in the father's names after it (بن …).
Every spelling of a name a rule read is one entity in the batch (one_spelling), and in a warehouse it keeps the
spelling it was first loaded under (spelt_as_known, which the flow applies batch by batch).
"""

from functools import cache

import polars as pl

from tasks.gazetteer import fold_plain, gazetteer_mentions, plain_text, tolerant
from tasks.lone_names import lone_given_mentions
from tasks.name_rules import rule_forms, rule_mentions, rule_scans
from tasks.normalize import abd_apart, abd_joined, fold_for_matching
from tasks.occurrences import occurrences
from tasks.reference import gazetteer
from tasks.rule_text import LETTER, SON_OF, batch_start, folded_bytes
from tasks.surnames import surname_forms, surname_mentions
from tasks.word_runs import split_words, text_words

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

# How a warehouse spells each name a rule read: key (_name_key), entity_type, entity (the spelling).
SPELLINGS = pl.Schema({"key": pl.String(), "entity_type": pl.String(), "entity": pl.String()})


def article_texts(articles: pl.DataFrame) -> pl.DataFrame:
    """Each article's id, key (its rank in id order, sorting as the id does), plain and folded text."""
    # A string kernel runs on one core: cut the rows into one slice per thread, which Polars runs side by side.
    size = max(1, -(-articles.height // pl.thread_pool_size()))
    slices = [
        articles.slice(offset, size)
        .lazy()
        .select(pl.col("article_id").cast(pl.String), plain=plain_text(pl.col("body").fill_null("")))
        .with_columns(folded=fold_plain(pl.col("plain")))
        for offset in range(0, max(articles.height, 1), size)
    ]
    return (
        pl.concat(slices)
        .collect()
        .with_columns(key=pl.col("article_id").rank("dense"))
        .select("article_id", "key", "plain", "folded")
    )


def scanned_texts(text: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The texts with every rule's whole-text scan added, and their words laid out (text_words): the scans and the
    split into words in one frame-wide step that Polars runs side by side on the cores it has."""
    scanned = text.with_columns(words=split_words(), **rule_scans())
    words = text_words(scanned)
    # Laid out, the words' lists go: a word costs ~28 bytes a row already (on 100,000 real articles in one call,
    # the lists kept to the end made the peak 3.42 GB against 3.19 GB).
    return scanned.drop("words"), words


def mention_spans(articles: pl.DataFrame) -> pl.DataFrame:
    """Every mention in each body: article_id, start and length (bytes in the padded folded text), entity.

    Mentions never overlap: gazetteer ones are leftmost-longest among themselves, a titled person's (or a
    bare surname's) mention is dropped where it overlaps a gazetteer one or a longer one starting no later.
    """
    spans = mentions_in(*scanned_texts(article_texts(articles)))
    return spans.with_columns(pl.col("article_id").cast(articles["article_id"].dtype))


def mentions_in(text: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """mention_spans of texts already scanned, with their words laid out (scanned_texts), article_id a string: the
    gazetteer's names found in their words, and the names read from the scans searched again, merged."""
    gazetteer_found = with_patronymics(text, gazetteer_mentions(text, words)).with_columns(source=pl.lit(0))
    forms = rule_forms(text)
    # One search of the batch for every form searched later: the rules' names, and the surnames and given names
    # of every person the lists or the rules named (of whom each reading keeps its own).
    person = pl.col("entity_type") == "PER"
    people = pl.concat([gazetteer_found.filter(person)["entity"], forms.filter(person)["name"]])
    named_by = surname_forms(people)
    found = occurrences(text, pl.concat([forms.select("form", "core"), named_by.select("form", "core")]), words)
    titled = rule_mentions(forms, found).with_columns(name_en=pl.lit(None, dtype=pl.String), source=pl.lit(1))
    gazetteer_found = _read_in_full(gazetteer_found, titled)
    # Surnames of people named in full, by the lists or by the rules, before in the article or in the batch.
    earlier = pl.concat([gazetteer_found, titled.select(gazetteer_found.columns)])
    surnames = surname_mentions(text, earlier, named_by, found)
    # In the sort: two rules' names may share a span (لمنصور لترويج after a title, منصور لترويج by the given
    # name with its clitic read off); the shorter name wins, the one that read a clitic off, then code-point
    # order, so that which is kept never depends on the rows' order (it did, from run to run).
    both = pl.concat(
        [
            gazetteer_found,
            titled.select(gazetteer_found.columns),
            surnames.with_columns(source=pl.lit(2)).select(gazetteer_found.columns),
            lone_given_mentions(text, words).with_columns(source=pl.lit(3)).select(gazetteer_found.columns),
        ]
    ).sort(
        "key",
        "start",
        "source",
        pl.col("length"),
        pl.col("entity").str.len_bytes(),
        "entity",
        descending=[False, False, False, True, False, False],
    )
    start = batch_start()
    end = start + pl.col("length")
    from_gazetteer = pl.col("source") == 0
    # For each titled mention: the furthest end of any earlier mention, and the next gazetteer start.
    reach_before = end.cum_max().shift(1)
    next_gazetteer = pl.when(from_gazetteer).then(start).shift(-1).backward_fill()
    kept = both.filter(
        from_gazetteer
        | ((reach_before.is_null() | (start >= reach_before)) & (next_gazetteer.is_null() | (next_gazetteer >= end)))
    )
    return kept.drop("source", "key")


def _skeleton(name: pl.Expr) -> pl.Expr:
    """A person's name loosely: folded, without long vowels, hamza seats and spaces (فرنسوا هولاند = فرانسوا هولاند)."""
    return fold_for_matching(name).str.replace_all("[اويءئؤ ]", "")


@cache
def _listed_people() -> pl.DataFrame:
    """Each listed person's canonical name with the skeleton of each of its spellings."""
    people = gazetteer().filter(pl.col("type") == "PER")
    spellings = people.select(entity="canonical", name=pl.concat_list("canonical", "variants")).explode("name")
    return spellings.select("entity", skeleton=_skeleton(pl.col("name"))).unique()


def with_patronymics(text: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """Listed people's mentions (found, of gazetteer_mentions) stretched over the father's names after them.

    A listed person followed by بن، ابن or بنت and a name, or آل and a family (الملك حسين بن طلال، محمد بن راشد آل
    مكتوم), is mentioned by all of it: both corpora tag the whole. The entity stays the listed one.
    """
    links = (*SON_OF, "ال")
    end = pl.col("start") + pl.col("length")
    # The mention ends after one of the two spaces between words: a link follows the other. Only those mentions
    # read the rest of their text, as a string (a cut at a fixed length may fall inside a letter).
    head = folded_bytes(found, text, end, 8)
    linked = pl.any_horizontal(head.bin.starts_with(f" {link}  ".encode()) for link in links)
    person = found.filter((pl.col("entity_type") == "PER") & linked)
    if person.is_empty():
        return found
    after = folded_bytes(person, text, end, 1 << 31).cast(pl.String)
    pattern = "|".join(tolerant(link) for link in links)
    stretch = after.str.extract(rf"^((?: (?:{pattern})  {LETTER}{{2,}} )+)", 1).str.len_bytes().fill_null(0)
    stretched = person.with_columns(pl.col("length") + stretch.cast(pl.Int64))
    both = pl.concat([found.filter(~((pl.col("entity_type") == "PER") & linked)), stretched]).sort("key", "start")
    # A listed name inside the father's names (عبد العزيز of بن عبد العزيز) is part of the person's mention.
    at = batch_start()
    return both.filter((at >= (at + pl.col("length")).cum_max().shift(1)).fill_null(True))


def _read_in_full(listed: pl.DataFrame, read: pl.DataFrame) -> pl.DataFrame:
    """The gazetteer mentions, where a listed person's ends a person a rule read (… هولاند, … قسيس) taking that
    rule's span: as the listed person when the rule read one of its spellings loosely (فرنسوا هولاند), else
    left to the rule (رياض المالكي is not نوري المالكي, جريس قسيس not the mined قسيس, محمد بن نايف بن عبد العزيز
    not his father)."""
    person = pl.col("entity_type") == "PER"
    ends = read.filter(person).select(
        "key", end=pl.col("start") + pl.col("length"), first=pl.col("start"), skeleton=_skeleton(pl.col("entity"))
    )
    inside = (
        listed.filter(person)
        .join(ends, left_on=["key", pl.col("start") + pl.col("length")], right_on=["key", "end"], how="inner")
        .filter(pl.col("first") < pl.col("start"))
    )
    # Not where the rule read across another listed name too (وزير خارجية روسيا سيرغي لافروف): that reading
    # is dropped for overlapping it, and the listed person stands.
    crossed = (
        inside.select("key", "first", end="start")
        .join(listed.select("key", other="start", other_end=pl.col("start") + pl.col("length")), on="key")
        .filter((pl.col("other") < pl.col("end")) & (pl.col("other_end") > pl.col("first")))
        .select("key", start="end")
    )
    inside = inside.join(crossed, on=["key", "start"], how="anti")
    same = inside.join(_listed_people(), on=["entity", "skeleton"], how="semi")
    stretched = same.with_columns(
        length=pl.col("start") + pl.col("length") - pl.col("first"), start=pl.col("first")
    ).select(listed.columns)
    kept = listed.join(inside.select("key", "start"), on=["key", "start"], how="anti", maintain_order="left")
    return pl.concat([kept, stretched]).sort("key", "start")


def find_entities(articles: pl.DataFrame) -> pl.DataFrame:
    """One row per article and entity found in its body, with how often it is mentioned (FOUND)."""
    found = (
        one_spelling(mention_spans(articles))
        .group_by("article_id", "entity", maintain_order=True)
        .agg(
            pl.col("entity_type").first(),
            pl.len().cast(pl.Int32).alias("mentions"),
            pl.col("name_en").first(),
        )
    )
    # Keep the articles' order, then the order of first mention within each article.
    order = articles.select(pl.col("article_id").cast(pl.String)).with_row_index("row")
    found = (
        found.with_columns(pl.col("article_id").cast(pl.String))
        .join(order, on="article_id", how="left", maintain_order="left")
        .sort("row", maintain_order=True)
        .drop("row")
    )
    return found.select(pl.col(name).cast(dtype) for name, dtype in FOUND.items())


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


def spelt_as_known(
    articles: pl.DataFrame, found: pl.DataFrame, known: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A batch's articles and entity rows (of find_entities) with each name a rule read written as `known` (SPELLINGS:
    the warehouse's, and the run's earlier batches') spells it, and the articles' lists to match.

    So a name keeps the spelling it was first loaded under (أبو شوشة, not أبو شوشه in a later batch that writes it
    so more often); a name the warehouse does not know keeps the batch's.
    """
    if known.is_empty() or found.is_empty():
        return articles, found
    renamed = _read_names(found).join(known.rename({"entity": "known"}), on=["key", "entity_type"], how="inner")
    respelt = (
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
    return entity_lists(articles, respelt).select(articles.columns), respelt


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


def entity_lists(articles: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """The articles with their locations, organizations and persons lists (in order of first mention)."""
    lists = found.group_by("article_id", maintain_order=True).agg(
        pl.col("entity").filter(pl.col("entity_type") == kind).alias(column) for kind, column in ENTITY_TYPES.items()
    )
    joined = articles.drop(ENTITY_TYPES.values(), strict=False).join(
        lists, on="article_id", how="left", maintain_order="left"
    )
    return joined.with_columns(
        pl.col(column).fill_null(pl.lit([], dtype=pl.List(pl.String))) for column in ENTITY_TYPES.values()
    )
