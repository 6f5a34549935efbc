"""Organizations beyond the gazetteer, read by rule from whole text columns: after a head noun (حزب، بلدية،
منظمة …), and a curated organization's bare name that is also a plain word or place (الجزيرة، الأهلي) after
a cue (قناة، مراسل، نادي، فريق، ذكرت …).
"""

from functools import cache

import polars as pl

from tasks.gazetteer import AFTER_A_CUE, as_pattern, patterns, tolerant
from tasks.normalize import fold_for_matching, fold_string
from tasks.plain_words import plain_form
from tasks.reference import curated_organizations, name_words, word_series
from tasks.rule_text import CLITIC, INSTITUTION_WORDS, LETTER, NAME_STOPS, matches, one_word_titles


@cache
def head_regex() -> str:
    """An organization head noun (حزب، بلدية، منظمة …, with a clitic or not), then up to four words (group 1)."""
    heads = "|".join(tolerant(h) for h in sorted(name_words()["head"], key=len, reverse=True))
    return rf"  (?:{CLITIC})?((?:{heads})(?:  {LETTER}{{2,}}){{1,4}})"


# Definite words that follow an organization's name and are none of it (folded): its spokesman, "affiliated
# to", "issued by" (اللجنة التنفيذية المتحدث الرسمي، اللجنة العليا للإغاثة التابعة للحكومة).
# A definite word of a name: with ال, or لل for a genitive (للطاقة الذرية), and two letters more.
_DEFINITE = "^(?:ال|لل)\\p{L}{2}"
_AFTER_A_NAME = frozenset({"المتحدث", "التابع", "التابعه", "التابعين", "الصادر", "الصادره"})
# Nor a day or a time (هيئة تنظيم الاتصالات البريطانية الخميس، اللجنة العليا للانتخابات الأسبوع المقبل): on the
# SaudiNewsNet articles 5 organizations ran on into one.
_TIMES = frozenset(
    [
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "الاسبوع",
        "البارحه",
        "الماضي",
        "الماضيه",
        "المقبل",
        "المقبله",
        "المنصرم",
        "المنصرمه",
    ]
)


def _no_genitive(word: pl.Expr) -> pl.Expr:
    """Whether a bare folded word after a head noun is none of its name: a verb, an accusative, a preposition on a
    plain word (بلدية تهتم، منظمة تندد، منظمة لمحاربة), or و on a known word (منظمة ومؤسسة، بلدية وهيئة).

    A word opening with و or ي is a town's name as often (بلدية وادي الدواسر، بلدية يطا): only a known word after
    و is taken for a conjunction.
    """
    conjunction = word.str.starts_with("و") & word.str.slice(1).is_in(word_series(_nouns_and_names()))
    return (plain_form(word) & ~word.str.contains("^[وي]")) | conjunction


@cache
def _nouns_and_names() -> frozenset[str]:
    """News words, names and head and institution nouns: the words و before which is a conjunction after a head.

    Nouns and names only: the common words hold verbs (ادي "led to" would make وادي a conjunction).
    """
    lists = name_words()
    return frozenset(lists["news"] | lists["given"] | lists["name"] | lists["head"] | INSTITUTION_WORDS)


def headed_organizations(text: pl.DataFrame) -> pl.DataFrame:
    """Organizations written as a mined head noun and what it governs: article_id, key, name, pattern, entity_type.

    After the head come definite words (الدول العربية), genitives with لل (للطاقة الذرية), and right after
    an indefinite head one bare word that is not a common word (بلدية نابلس، حزب الله); anything else, a title
    (المهندس) or an affiliation (التابعة) ends the name.
    """
    return matches(text, "headed", _read_headed).unique(["article_id", "pattern"])


def _read_headed(found: pl.DataFrame) -> pl.DataFrame:
    """The organization (and its pattern) each head-noun match reads, where it is not in the gazetteer."""
    lists = name_words()
    stops = list(lists["common"] | NAME_STOPS)
    # A title ends the name: the next person's (بلدية العمرة المهندس، هيئة الأركان العامة الفريق).
    ends = list(NAME_STOPS | one_word_titles() | _AFTER_A_NAME | _TIMES)
    name = pl.col("name")
    word = pl.element()
    folded = name.list.eval(fold_for_matching(word))
    # int_range, not cum_count (which counts from 1): the head is word 0, the bare word right after it word 1.
    position = pl.int_range(pl.len())
    # A relative pronoun or time word (التي، الذي، اليوم) is no definite word of the name. A bare word governed
    # by the head follows an indefinite head only (بلدية نابلس): after اللجنة it is a verb (اللجنة ستبدأ).
    definite = word.str.contains(_DEFINITE) & ~word.is_in(ends)
    fits = folded.list.eval(
        (position == 0) | definite | ((position == 1) & ~word.is_in(stops) & ~word.first().str.starts_with("ال"))
    )
    length = fits.list.eval((~word).cum_sum().eq(0).sum()).list.first()
    # Nor is a bare word right after the head that _no_genitive refuses (checked on that word alone: inside
    # list.eval its word lists were read for every word).
    second_word = folded.list.get(1, null_on_oob=True)
    refused = _no_genitive(second_word) & ~second_word.str.contains(_DEFINITE)
    length = pl.when(refused.fill_null(False)).then(pl.min_horizontal(length, 1)).otherwise(length)
    # A head and one plain word of real news, bare or definite, describes a body, it does not name one
    # (منظمة عالمية، اللجنة المنظمة): the news words are written with ال too.
    second = fold_for_matching(name.list.get(1, null_on_oob=True))
    news = word_series(lists["news"])
    described = (name.list.len() == 2) & (
        second.is_in(news) | (second.str.starts_with("ال") & second.str.slice(2).is_in(news))
    )
    return (
        found.with_columns(name.str.extract(head_regex(), 1).str.split("  "))
        .with_columns(name.list.head(length))
        .filter(name.list.len() >= 2, ~described)
        .with_columns(name.list.join(" "))
        .with_columns(pattern=as_pattern(fold_for_matching(name)), entity_type=pl.lit("ORG"))
        .join(patterns().select("pattern"), on="pattern", how="anti")
    )


# Words after which a curated organization's bare name is that organization, not the plain word or place it
# also spells: an outlet noun or a correspondent (قناة الجزيرة، مراسل الجزيرة), a sports noun or a match
# verb (نادي الأهلي، مدرب الهلال، فاز النصر), a verb of reporting (ذكرت الجزيرة). ANERcorp's training text
# tags the bare name alone after them (قناة الجزيرة، مراسل الجزيرة, الجزيرة B-ORG, the cue O), and the
# mention is the bare name's span.
_CUES = (
    *("قناه", "فضائيه", "تلفزيون", "شاشه", "صحيفه", "جريده", "مجله", "شبكه", "اذاعه", "موقع"),
    *("مراسل", "مراسله", "مراسلو", "مراسلي", "مذيع", "مذيعه"),
    *("نادي", "فريق", "لاعب", "لاعبو", "لاعبي", "مدرب", "مهاجم", "حارس", "مدافع", "جماهير", "مباراه", "لقاء"),
    *("فاز", "تغلب", "هزم", "تعادل", "خسر", "فوز", "ضد"),
    *("ذكرت", "افادت", "نقلت", "اوردت", "بثت", "نشرت", "اوضحت", "قالت", "اعلنت"),
)


@cache
def _bare_organizations() -> tuple[str, ...]:
    """Curated organizations' one-word bare names the gazetteer does not read alone (folded), longest first.

    A one-word spelling left out of the gazetteer as a plain word (الجزيرة، الوطن), and the definite first
    word of a club named with a nisba (الأهلي of الأهلي المصري, النصر of النصر السعودي).
    """
    listed = set(patterns()["pattern"].to_list())
    bare: set[str] = set()
    for spelling in curated_organizations():
        words = fold_string(spelling).split()
        nisba_club = len(words) == 2 and all(w.startswith("ال") for w in words) and words[1].endswith("ي")
        if len(words) == 1 or nisba_club:
            bare.add(words[0])
    # Not a common word of the training text (اليوم, الجيش): ذكرت اليوم is "reported today".
    common = name_words()["common"]
    kept = {w for w in bare if len(w) >= 4 and f" {w} " not in listed and w not in common}
    return tuple(sorted(kept, key=lambda w: (-len(w), w)))


@cache
def cue_regex() -> str:
    """A cue word (with a clitic or ال, or not), then a curated organization's bare name (group 1)."""
    cues = "|".join(tolerant(c) for c in sorted(set(_CUES), key=len, reverse=True))
    names = "|".join(tolerant(n) for n in _bare_organizations()) or "(?!)"
    return rf" (?:{CLITIC})?(?:ال|لل)?(?:{cues})  {AFTER_A_CUE}({names}) "


def cued_organizations(text: pl.DataFrame) -> pl.DataFrame:
    """Organizations known by a bare name that is also a plain word, after a cue: article_id, key, name, pattern."""
    return matches(text, "cued", _read_cued).unique(["article_id", "pattern"])


def _read_cued(found: pl.DataFrame) -> pl.DataFrame:
    """The bare name (and its pattern) each cue match reads."""
    name = pl.col("name").str.extract(cue_regex(), 1)
    return found.with_columns(name=name).with_columns(
        pattern=as_pattern(fold_for_matching(pl.col("name"))), entity_type=pl.lit("ORG")
    )
