"""Words that are no part of a name, for the name rules: a verb, an accusative, a preposition on a plain word,
a possessive, a feminine nisba (tasks/name_rules.py reads a name up to the first of them); and the idioms a
given name opens (حسن الجوار), which name no one.
"""

from functools import cache

import polars as pl

from tasks.gazetteer import patterns
from tasks.normalize import fold_for_matching
from tasks.reference import idioms, name_words, word_series


def rule_words(words: pl.Expr) -> pl.Expr:
    """A name's words (a list) folded for the word lists, a possessive or a feminine nisba as a stop word.

    A noun with "his", "her", "their", "our" or "your" (انتقاله، هجماتها، سيطرته، مستقبلنا: a plain word of four
    letters or more and ه، ها، هم، هما، نا or كم, as written, not the ة folding makes ه; of three, قومه، برأسه, see
    below), or with ب or ل before it too (بتنفيذه، لإعارته), follows a name and is none of it: صلاح انتقاله was a
    person in 39 SaudiNewsNet articles, إسماعيل بتنفيذه in 13, حسين برأسه in 14. Not ك "your": foreign names end
    so on a plain word (ناميك: نامي).
    """
    return words.map_batches(_rule_words, return_dtype=pl.List(pl.String))


def _rule_words(lists: pl.Series) -> pl.Series:
    """rule_words on a Series of lists, its words laid end to end: each form (folded, bare, stem) made once.

    In list.eval, each use of a form computed it again: the folding ran a dozen times a word (0.29 s against
    0.09 s for the 31,500 names the rules read in the SaudiNewsNet articles).
    """
    flat = pl.DataFrame({"row": pl.int_range(lists.len(), dtype=pl.UInt32, eager=True), "word": lists})
    word, folded, bare, stem = pl.col("word"), pl.col("folded"), pl.col("bare"), pl.col("stem")
    pronoun = "(?:ه|ها|هم|هما|نا|كم)$"
    # The word without its pronoun (and its preposition), and as a stem: a feminine noun's ت back to its ة
    # (سيطرته is سيطرة + ه).
    flat = (
        flat.explode("word", empty_as_null=True)
        .with_columns(folded=fold_for_matching(word))
        .with_columns(bare=folded.str.replace(pronoun, ""))
        .with_columns(stem=bare.str.replace("ت$", "ه"))
    )
    preposition = bare.str.contains("^[بل]")

    def any_noun_in(words: frozenset[str]) -> pl.Expr:
        """Whether the bare word or its stem, or either after ب or ل, is one of `words`."""
        listed = word_series(words)
        after = bare.str.slice(1).is_in(listed) | stem.str.slice(1).is_in(listed)
        return bare.is_in(listed) | stem.is_in(listed) | (preposition & after)

    # A noun of three letters only with ه، ها، هم or هما (فيسنا, Vesna, is no "our فيس"), and where the whole word
    # is no plain word itself: جمعه is Friday (جمعة), فقيه a jurist, طلبه students, and all three surnames.
    shortly = (
        any_noun_in(_short_possessed())
        & word.str.contains("(?:ه|ها|هم|هما)$")
        & ~folded.is_in(word_series(common_and_news_words()))
    )
    possessive = word.str.contains(pronoun) & (any_noun_in(_possessed()) | shortly)
    # A feminine nisba adjective on a plain word or a listed name (الانقلابية، الخيرية، الإيرانية, with ة as
    # written) follows a name too: صالح الانقلابية was a person in 17 SaudiNewsNet articles.
    feminine = word.str.contains("^ال.+ية$") & folded.str.slice(2).str.head(-2).is_in(word_series(_nisba_bases()))
    ends = (possessive | feminine) & ~folded.is_in(word_series(_name_words()))
    # An empty list is a row of one null word, dropped again: it stays empty.
    read = flat.select("row", read=pl.when(ends).then(pl.lit(_STOP)).otherwise(folded))
    return read.group_by("row", maintain_order=True).agg(pl.col("read").drop_nulls())["read"].alias(lists.name)


@cache
def _name_words() -> frozenset[str]:
    """Given names and name words of the corpora: never a plain word, whatever their form."""
    lists = name_words()
    return frozenset(lists["given"] | lists["name"])


# A word of NAME_STOPS, standing for a word that ends a name.
_STOP = "في"


@cache
def _possessed() -> frozenset[str]:
    """Plain words of four letters or more (common words of the training text, news words) a possessive may end."""
    return frozenset(word for word in common_and_news_words() if len(word) >= 4)


@cache
def _short_possessed() -> frozenset[str]:
    """Plain words of three letters (common words of the training text, news words) a possessive may end (قومه،
    برأسه، صيته)."""
    return frozenset(word for word in common_and_news_words() if len(word) == 3)


@cache
def common_and_news_words() -> frozenset[str]:
    """The common words of the training text and the plain words of real news."""
    lists = name_words()
    return frozenset(lists["common"] | lists["news"])


@cache
def _nisba_bases() -> frozenset[str]:
    """Words a nisba adjective of no name is made from: common words, news words, one-word listed names."""
    lists = name_words()
    return frozenset(lists["common"] | lists["news"] | _one_word_listed())


def plain_form(word: pl.Expr) -> pl.Expr:
    """Whether a folded word has a form no name word of the corpora has (a conjunction, a verb, a preposition).

    In the development build's training text (ANERcorp lines 1–40,000, Wojood train.txt), of the words
    after a given name that are no common word, one starting with و is outside the person 33 times of 37
    (وعنان، ويسمى: the name ended before "and"); one starting with ي 6 of 15, and those are verbs (يطلب،
    يكمل: a verb right after a name is typical), the rest name words (يوسف، يعقوب); a preposition on a
    definite or common word (بالاهتمام، للمؤتمرات، بارتكاب) is none. Nor is a verb opening with ت or ا whose
    form with ي real news writes too (the `verb` words: الملك سلمان تنطلق, read as a person in 83 SaudiNewsNet
    articles; حسين اعتذر in 20), an accusative word (the `accusative` words: ظريف عنوانا in 19), or ب، ك or
    ل on a plain word of real news (of four letters or more, or three after ل) or a one-word listed name (لكرة،
    بتونس: the SaudiNewsNet articles had بتونس متوجها as a person in 34, لكرة القدم in 18). So such a word ends
    a name unless it is a given name or name word of the corpora (وجدي).
    """
    lists = name_words()
    bare = word.str.slice(1)
    verbs = word_series(lists["verb"])
    # A past verb of "they" (وا) or "she" (ت) whose present with ت is a `verb` word (حرصوا: تحرص، قابلت: تقابل):
    # بولوني حرصوا was a person in 13 SaudiNewsNet articles, ليزا قابلت in 7. Stems of three letters or more, not
    # -ات plurals: a four-letter word in ت is often a given name (رفعت، عزت).
    past = (word.str.contains("^..+وا$") & (pl.lit("ت") + word.str.head(-2)).is_in(verbs)) | (
        word.str.contains("^...+[^ا]ت$") & (pl.lit("ت") + word.str.head(-1)).is_in(verbs)
    )
    plain = (
        word.str.contains("^[وي]")
        | word.is_in(verbs)
        | past
        | word.is_in(word_series(lists["accusative"]))
        | word.str.contains("^(?:[بكلف]ال|لل)")
        | (word.str.contains("^[بكلف]") & bare.is_in(word_series(lists["common"])))
        | (word.str.contains("^[بكل]") & bare.is_in(word_series(_preposition_objects())))
        | (word.str.starts_with("ل") & bare.is_in(word_series(_short_news_words())))
    )
    return plain & ~word.is_in(word_series(_name_words()))


@cache
def _preposition_objects() -> frozenset[str]:
    """Folded words a preposition (ب، ك، ل) on them makes no name word: news words and one-word listed forms.

    A news word of four letters or more: with ك or ب a shorter one spells names as often (كمال، كروس، باسي).
    """
    news = {word for word in name_words()["news"] if len(word) >= 4}
    return frozenset(news | _one_word_listed())


@cache
def _short_news_words() -> frozenset[str]:
    """Plain words of real news of three letters: with ل before them no name word (لكرة القدم، لحشد، لسوء الحظ),
    as ب or ك before them spell names as often (باسي، كمال)."""
    return frozenset(word for word in name_words()["news"] if len(word) == 3)


@cache
def _one_word_listed() -> frozenset[str]:
    """The gazetteer's one-word forms (clitic forms too), folded."""
    listed = patterns()["pattern"].str.strip_chars(" ")
    return frozenset(listed.filter(~listed.str.contains(" ")).to_list())


def opens_with_idiom(folded: pl.Expr) -> pl.Expr:
    """Whether a name's folded words (a list) open with an idiom of idioms.csv, its noun bare, definite or with a
    possessive (حسن الجوار، حسن جوار، حسن خلقه، حسن ظنهم "good neighbourliness, character, opinion").

    حسن، سهل and رغد are given names and adjectives: before such a noun they are the adjective. In the SaudiNewsNet
    articles حسن الجوار alone was a person in 28 of them.
    """
    phrases = pl.Series([f"{given} {noun}" for given, noun in idioms()]).implode()
    first = folded.list.first() + " "
    noun = folded.list.get(1, null_on_oob=True).str.replace("^ال", "")
    bare = noun.str.replace("(?:ه|ها|هم|هما|ك|كم|نا)$", "")
    return ((first + noun).is_in(phrases) | (first + bare).is_in(phrases)).fill_null(False)
