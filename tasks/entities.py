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
Every spelling of a name a rule read is one entity in the batch (one_spelling), a person named in part and in full
one person (one_person), and in a warehouse a name keeps the spelling it was first loaded under (spelt_as_known, which
the flow applies batch by batch).
"""

from concurrent.futures import ThreadPoolExecutor
from functools import cache

import polars as pl

from tasks.gazetteer import fold_plain, gazetteer_mentions, plain_text, tolerant
from tasks.lone_names import lone_given_mentions
from tasks.name_rules import rule_forms, rule_mentions, rule_scans
from tasks.normalize import fold_for_matching
from tasks.occurrences import occurrences
from tasks.reference import gazetteer
from tasks.rule_text import FATHER_OR_FAMILY, LETTER, batch_start, folded_bytes
from tasks.spellings import known_spellings, one_person, one_spelling
from tasks.surnames import surname_forms, surname_mentions
from tasks.word_runs import text_words

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


def article_texts(articles: pl.DataFrame) -> pl.DataFrame:
    """Each article's id, key (its rank in id order, sorting as the id does), plain and folded text; an id given
    twice is one article, read from its first row (ids are of the content: the same article)."""
    # Two rows of one key laid their words out twice, and a join on the key doubled every mention's row.
    articles = articles.unique("article_id", keep="first", maintain_order=True)
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
    """The texts with every rule's whole-text scan added, and their words laid out (text_words): the passes over
    whole texts that mention_spans makes before it matches any name, here one after the other (the benches time
    them so)."""
    return text.with_columns(**rule_scans()), text_words(text)


def mention_spans(articles: pl.DataFrame) -> pl.DataFrame:
    """Every mention in each body: article_id, start and length (bytes in the padded folded text), entity.

    Mentions never overlap: gazetteer ones are leftmost-longest among themselves, a titled person's (or a
    bare surname's) mention is dropped where it overlaps a gazetteer one or a longer one starting no later.
    """
    text = article_texts(articles)
    # The listed names need nothing the rules read: a thread lays the words out and finds them while this one scans
    # the texts and reads the rules' names. Each side leaves idle much of the cores' time the other fills (Python's
    # work, small frames' steps on one core): on the bench corpus's batches, 8.65 s → 8.17 s per 100,000 articles.
    with ThreadPoolExecutor(max_workers=1) as pool:
        listed = pool.submit(_words_and_listed, text)
        scanned = text.with_columns(**rule_scans())
        forms = rule_forms(scanned)
        words, gazetteer_found, lone = listed.result()
    spans = merged_mentions(scanned, words, forms, gazetteer_found, lone)
    return spans.with_columns(pl.col("article_id").cast(articles["article_id"].dtype))


def _words_and_listed(text: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The texts' words laid out (text_words), and the listed names in them (listed_mentions)."""
    words = text_words(text)
    return words, *listed_mentions(text, words)


def listed_mentions(text: pl.DataFrame, words: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The gazetteer's names in the texts' words, a listed person's with their father's names after it
    (with_patronymics), and the listed given names standing alone (lone_given_mentions)."""
    return with_patronymics(text, gazetteer_mentions(text, words)), lone_given_mentions(text, words)


def mentions_in(text: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """mention_spans of texts already scanned, with their words laid out (scanned_texts), article_id a string, one
    step after the other: the gazetteer's names found in their words, and the names read from the scans searched
    again, merged."""
    return merged_mentions(text, words, rule_forms(text), *listed_mentions(text, words))


def merged_mentions(
    text: pl.DataFrame, words: pl.DataFrame, forms: pl.DataFrame, gazetteer_found: pl.DataFrame, lone: pl.DataFrame
) -> pl.DataFrame:
    """The mentions of mention_spans, from the scanned texts, their words, the names the rules read (rule_forms) and
    the listed names found (listed_mentions): every form of those names searched for again, the surnames and given
    names of the people named, and all of them merged."""
    gazetteer_found = gazetteer_found.with_columns(source=pl.lit(0))
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
            lone.with_columns(source=pl.lit(3)).select(gazetteer_found.columns),
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
    links = FATHER_OR_FAMILY
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
    """One row per article and entity found in its body, with how often it is mentioned (FOUND); an article given
    twice (one id) has its rows once."""
    found = (
        one_person(one_spelling(mention_spans(articles)))
        .group_by("article_id", "entity", maintain_order=True)
        .agg(
            pl.col("entity_type").first(),
            pl.len().cast(pl.Int32).alias("mentions"),
            pl.col("name_en").first(),
        )
    )
    # Keep the articles' order, then the order of first mention within each article.
    order = articles.select(pl.col("article_id").cast(pl.String).unique(maintain_order=True)).with_row_index("row")
    found = (
        found.with_columns(pl.col("article_id").cast(pl.String))
        .join(order, on="article_id", how="left", maintain_order="left")
        .sort("row", maintain_order=True)
        .drop("row")
    )
    return found.select(pl.col(name).cast(dtype) for name, dtype in FOUND.items())


def spelt_as_known(
    articles: pl.DataFrame, found: pl.DataFrame, known: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A batch's articles and entity rows (of find_entities) with each name a rule read written as `known` spells it
    (tasks.spellings.known_spellings), and the articles' lists to match."""
    if known.is_empty() or found.is_empty():
        return articles, found
    respelt = known_spellings(found, known)
    return entity_lists(articles, respelt).select(articles.columns), respelt


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
