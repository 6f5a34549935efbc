"""A person's bare surname: after their full name in the same article, or as the one person of the batch
(the column searched) named in full with it; and a person's bare given name after their full name in the article.
"""

from functools import cache

import polars as pl

from tasks.gazetteer import as_pattern, where
from tasks.normalize import fold_for_matching
from tasks.plain_words import common_and_news_words, opens_with_idiom
from tasks.reference import curated_given_names, name_words, word_series
from tasks.rule_text import LETTER, NAME_CONNECTORS, SON_OF, folded_bytes, forms_of, found_anywhere

# The least share of a surname's occurrences in the batch that are inside its person's full name for the
# batch rule to read it alone. On SaudiNewsNet's 8,978 articles the misread ones were under it (ساعة 0.002
# after one أكرم ساعة, 442 articles), most real ones over 0.3; 0.1 would cost the development build.
MIN_FULL_SHARE = 0.05

# Last words that do not name a person alone: ordinals of kings and popes, الله (God), and name connectors.
_NOT_SURNAMES = frozenset({"الثاني", "الاول", "الثالث", "الرابع", "الخامس", "السادس", "عشر", "الله", *NAME_CONNECTORS})
# What follows a surname that opens someone else's name (مكتوم بن راشد), in the padded folded text; longest last.
_OPENS_ANOTHER = (" بن ".encode(), " ابن ".encode())


def _surname(words: pl.Expr) -> pl.Expr:
    """The surname of a person's folded words (a list), null where no single surname stands for them.

    The last word, or the last two after عبد/أبو or before الله/الدين (عبد الناصر، نصر الله، شمس الدين);
    none after بن (حمد بن خليفة: خليفة is the father) or in a family name with آل (آل مكتوم is a family).
    """
    last = words.list.last()
    before = words.list.get(-2, null_on_oob=True)
    two = pl.concat_str([before, last], separator=" ")
    return (
        pl.when(words.list.contains("ال") | before.is_in(list(SON_OF)))
        .then(pl.lit(None, dtype=pl.String))
        .when(
            before.is_in(["عبد", "ابو", "ابي", "ابا", "ام"]) | (last.is_in(["الله", "الدين"]) & (words.list.len() >= 3))
        )
        .then(two)
        .otherwise(last)
    )


def _given_name(words: pl.Expr) -> pl.Expr:
    """The given name of a person's folded words (a list) that may stand for them alone, else null: the first
    word, where it is a listed given name of three letters or more (سمير of سمير جعجع)."""
    first = words.list.first()
    listed = first.is_in(word_series(name_words()["given"])) & (first.str.len_chars() >= 3)
    return pl.when((words.list.len() >= 2) & listed).then(first)


def _family_name(word: pl.Expr) -> pl.Expr:
    """Whether a folded word is definite and no plain word, a family name (الدوسري; not الجوار، الي)."""
    return (
        word.str.starts_with("ال")
        & ~word.str.slice(2).is_in(word_series(common_and_news_words()))
        & ~word.is_in(word_series(name_words()["common"]))
    )


def surname_forms(people: pl.Series) -> pl.DataFrame:
    """The forms (forms_of) of every word surname_mentions may search for people of these names (folded or not).

    Every surname and given name of theirs, the given names not yet narrowed to those of one person of an
    article: so a scan for these forms, run before it is known which people an article names, holds every
    occurrence surname_mentions reads.
    """
    named = people.unique().to_frame("entity").with_columns(words=_words())
    words = pl.concat([_with_surname(named).select(word="surname"), _with_given_name(named).select(word="given")])
    return forms_of(words.unique(), "word")


def _words() -> pl.Expr:
    """A person's folded words (a list), of their name (column entity)."""
    return fold_for_matching(pl.col("entity")).str.split(" ")


def _with_surname(named: pl.DataFrame) -> pl.DataFrame:
    """The people (rows with their words) who have a surname that may stand for them alone, with it (surname)."""
    return named.with_columns(surname=_surname(pl.col("words"))).filter(
        pl.col("surname").str.count_matches(" ") + 1 < pl.col("words").list.len(),
        pl.col("surname").str.len_chars() >= 3,
        ~pl.col("surname").is_in(list(_NOT_SURNAMES)),
    )


def _with_given_name(named: pl.DataFrame) -> pl.DataFrame:
    """The people (rows with their words) who have a given name that may stand for them alone, with it (given)."""
    return named.with_columns(given=_given_name(pl.col("words"))).drop_nulls("given")


def surname_mentions(
    text: pl.DataFrame, earlier: pl.DataFrame, forms: pl.DataFrame, searched: pl.DataFrame
) -> pl.DataFrame:
    """A person's bare surname, after their full name in the article or anywhere in the batch: شيراك for جاك شيراك;
    and their bare given name after their full name in the article (see _given_names).

    In an article that named people of that surname, it is theirs only after the full name and only where one
    person there has it (not الأسد with both بشار الأسد and حافظ الأسد); elsewhere in the batch (the column
    searched), see _batch_surnames. Where it overlaps another mention (عين الأسد) that mention wins; a surname
    followed by بن opens someone else's name (مكتوم بن راشد after محمد بن راشد آل مكتوم): not a mention.

    `forms`: surname_forms of every person of `earlier` (and maybe others); `searched`: their occurrences in the
    batch (rule_text.occurrences), and maybe others'.
    """
    columns = ["article_id", "key", "start", "length", "entity", "entity_type", "name_en"]
    named = (
        earlier.filter(pl.col("entity_type") == "PER")
        .group_by("key", "entity", maintain_order=True)
        .agg(pl.col("name_en").first(), pl.col("start").min().alias("first"))
        .with_columns(words=_words())
    )
    people = _with_surname(named)
    # A given name is theirs only where one person of the article has it (not محمد for محمد بن سلمان and محمد عباس).
    given = _with_given_name(named).filter(pl.col("entity").n_unique().over("key", "given") == 1)
    if people.is_empty() and given.is_empty():
        return earlier.clear().select(columns)
    words = pl.concat([people.select(word="surname"), given.select(word="given")]).unique()
    forms = forms.join(words, on="word", how="semi")
    # One search of the whole batch (`searched`) for every surname's and given name's forms serves all three readings.
    found = found_anywhere(searched, forms)
    # The padded text after a match (which ends on the first space after the surname): " بن " or " ابن " there
    # opens another name. Read off the text rather than searched as forms of their own, which tripled the forms
    # searched (187,285 on the SaudiNewsNet articles).
    after = folded_bytes(found, text, pl.col("start") + pl.col("form").str.len_bytes(), len(_OPENS_ANOTHER[-1]))
    found = found.filter(~pl.any_horizontal(after.bin.starts_with(link) for link in _OPENS_ANOTHER)).rename(
        {"word": "surname"}
    )
    # How often each person is named in full in the batch, against how often the batch writes their surname: a
    # surname the batch writes mostly apart from the name is a word (ساعة after a misread أكرم ساعة, تعهد after
    # صالح تعهد "Saleh pledged"), and the name no person's.
    full_mentions = earlier.filter(pl.col("entity_type") == "PER").group_by("entity").agg(full=pl.len())
    written = found.group_by("surname").agg(written=pl.len())
    mostly_apart = (
        people.join(full_mentions, on="entity", how="left")
        .join(written, on="surname", how="left")
        .filter(pl.col("full") < MIN_FULL_SHARE * pl.col("written"))
        .select("key", "entity")
    )
    own = people.filter(pl.col("entity").n_unique().over("key", "surname") == 1)
    # After the full name only: a surname before it may be someone else's.
    in_article = found.join(own, on=["key", "surname"], how="inner").filter(pl.col("start") > pl.col("first"))
    surnames = pl.concat([in_article, _batch_surnames(text, found, people, full_mentions, written)], how="diagonal")
    # A word that is one person's surname and another's given name is the surname: news names people by it.
    given_found = found.join(
        given.join(mostly_apart, on=["key", "entity"], how="anti"),
        left_on=["key", "surname"],
        right_on=["key", "given"],
        how="inner",
    ).rename({"surname": "given"})
    given_names = _given_names(text, given_found).join(surnames, on=["key", "start"], how="anti")
    return pl.concat(
        [
            part.select(*where(matched="form"), entity="entity", entity_type=pl.lit("PER"), name_en="name_en")
            for part in (surnames, given_names)
        ]
    )


def _given_names(text: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """Bare given names (of `found`, joined to their person) after that person's full name in the article.

    سمير after سمير جعجع is him: in the training text (ANERcorp lines 1–60,000, Wojood train.txt) a listed given
    name standing alone after the full name of the one person of the document it opens is a person 28 times of 29.
    Not next to a word that may be part of another name, which no rule read: a given name, a name word or a link
    before or after it (صلاد حسن، ولد محمد، محمد علي السعدي), a family name after it (محمد الزفزاف), or one letter,
    an initial (محمد ب.); nor before the noun of an idiom (حسن الجوار).
    """
    after_name = found.filter(pl.col("start") > pl.col("first")).join(
        text.select("key", "folded"), on="key", how="left", maintain_order="left"
    )
    # The text before the match, cut at the space it starts on, is whole letters; the next word is read at the
    # match's end counted in characters.
    before = pl.col("folded").cast(pl.Binary).bin.slice(0, pl.col("start")).cast(pl.String)
    at = before.str.len_chars() + pl.col("form").str.len_chars()
    previous = before.str.extract(rf"({LETTER}+) $", 1)
    following = pl.col("folded").str.slice(at, 64).str.extract(rf"^ ({LETTER}+) ", 1)
    near_a_name = (
        _name_like(previous)
        | _name_like(following)
        | _family_name(following)
        | opens_with_idiom(pl.concat_list("given", following))
        | (following.str.len_chars() == 1)
    )
    return after_name.filter(~near_a_name.fill_null(False)).drop("folded")


def _batch_surnames(
    text: pl.DataFrame, found: pl.DataFrame, people: pl.DataFrame, full: pl.DataFrame, written: pl.DataFrame
) -> pl.DataFrame:
    """Surnames (of `found`) in articles that named nobody of that surname, as the one person of the batch with it.

    محفوظ in one article is نجيب محفوظ when another article of the batch named him and no other person of
    the batch has that surname: two people sharing one (بشار الأسد، حافظ الأسد) are not guessed between.
    A lone word is weaker evidence than one after the full name, so, as measured on the development build:
    not a given name, a common word, a word the training text mostly uses outside a person's name
    (مجلس، الدولي) or a plain word of real news (ساعة: the `news` words); not a definite word (الأسد is
    also a lion, المقدسة an adjective); bare or with و only (ب، ل، ك before a lone word make a plain word:
    بارتكاب، للجزيرة); and not after a given name, a name word or a link (دودو سيلفا، أبي وقاص): that is
    someone else's full name, which no rule read. And the batch must write the word as part of the full name
    at least MIN_FULL_SHARE of the times it writes it at all (`full`: each person's mentions in full): a word
    the batch uses mostly on its own is a word (`written`: how often the batch writes each surname).
    """
    batch = (
        people.group_by("surname")
        .agg(pl.col("entity").first(), pl.col("name_en").first(), people=pl.col("entity").n_unique())
        .join(full, on="entity", how="left")
        .join(written, on="surname", how="left")
        .filter(
            pl.col("people") == 1,
            ~pl.col("surname").str.starts_with("ال"),
            ~pl.col("surname").is_in(word_series(_plain_or_given())),
            pl.col("full") >= MIN_FULL_SHARE * pl.col("written"),
        )
        .drop("full", "written")
    )
    surname = pl.col("surname")
    candidates = (
        found.join(people.select("key", "surname").unique(), on=["key", "surname"], how="anti")
        .join(batch, on="surname", how="inner")
        .filter((pl.col("form") == as_pattern(surname)) | (pl.col("form") == as_pattern(pl.lit("و") + surname)))
    )
    # The word before: the padded text up to the match (which starts on the space before the surname) ends
    # with it and one space. Byte offsets, so the bytes are cut; a cut at a space leaves valid UTF-8.
    before = (
        folded_bytes(candidates, text, pl.lit(0), pl.col("start")).cast(pl.String).str.extract(rf"({LETTER}+) $", 1)
    )
    return candidates.filter(~_name_like(pl.lit(before)).fill_null(False))


@cache
def _plain_or_given() -> frozenset[str]:
    """Words no lone surname is: given names, common words, words the training text mostly uses outside a name, and
    plain words of real news (one set per process: a union made at every call took milliseconds)."""
    lists = name_words()
    return frozenset(lists["common"] | lists["given"] | lists["other"] | lists["news"])


@cache
def _name_like_words() -> frozenset[str]:
    """Given names (curated ones too), name words of the corpora and links (one set per process)."""
    lists = name_words()
    return frozenset(lists["given"] | curated_given_names() | lists["name"] | NAME_CONNECTORS)


def _name_like(word: pl.Expr) -> pl.Expr:
    """Whether a folded word may be part of a name no rule read: a given name (curated ones too: علي), a name word
    of the corpora, or a link (عبد and its compounds, بن، أبي …)."""
    return word.is_in(word_series(_name_like_words())) | word.str.starts_with("عبد")
