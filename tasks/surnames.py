"""A person's bare surname: after their full name in the same article, or as the one person of the batch
(the column searched) named in full with it.
"""

import polars as pl

from tasks.gazetteer import as_pattern, where
from tasks.normalize import fold_for_matching
from tasks.reference import name_words
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
        .when(before.is_in(["عبد", "ابو", "ابي", "ام"]) | (last.is_in(["الله", "الدين"]) & (words.list.len() >= 3)))
        .then(two)
        .otherwise(last)
    )


def surname_mentions(text: pl.DataFrame, earlier: pl.DataFrame) -> pl.DataFrame:
    """A person's bare surname, after their full name in the article or anywhere in the batch: شيراك for جاك شيراك.

    In an article that named people of that surname, it is theirs only after the full name and only where one
    person there has it (not الأسد with both بشار الأسد and حافظ الأسد); elsewhere in the batch (the column
    searched), see _batch_surnames. Where it overlaps another mention (عين الأسد) that mention wins; a surname
    followed by بن opens someone else's name (مكتوم بن راشد after محمد بن راشد آل مكتوم): not a mention.
    """
    columns = ["article_id", "key", "start", "length", "entity", "entity_type", "name_en"]
    people = (
        earlier.filter(pl.col("entity_type") == "PER")
        .group_by("key", "entity", maintain_order=True)
        .agg(pl.col("name_en").first(), pl.col("start").min().alias("first"))
        .with_columns(words=fold_for_matching(pl.col("entity")).str.split(" "))
        .with_columns(surname=_surname(pl.col("words")))
        .filter(
            pl.col("surname").str.count_matches(" ") + 1 < pl.col("words").list.len(),
            pl.col("surname").str.len_chars() >= 3,
            ~pl.col("surname").is_in(list(_NOT_SURNAMES)),
        )
    )
    if people.is_empty():
        return earlier.clear().select(columns)
    forms = forms_of(people.select("surname").unique(), "surname")
    # One scan of the whole batch for every surname's forms serves both the article's own and the batch's.
    found = found_anywhere(text, forms)
    # The padded text after a match (which ends on the first space after the surname): " بن " or " ابن " there
    # opens another name. Read off the text rather than searched as forms of their own, which tripled the
    # automaton (187,285 forms on the SaudiNewsNet articles).
    after = folded_bytes(found, text, pl.col("start") + pl.col("form").str.len_bytes(), len(_OPENS_ANOTHER[-1]))
    found = found.filter(~pl.any_horizontal(after.bin.starts_with(link) for link in _OPENS_ANOTHER))
    # How often each person is named in full in the batch: a surname the batch writes mostly apart from it is a
    # word (ساعة after a misread أكرم ساعة), not that person.
    full_mentions = earlier.filter(pl.col("entity_type") == "PER").group_by("entity").agg(full=pl.len())
    own = people.filter(pl.col("entity").n_unique().over("key", "surname") == 1)
    # After the full name only: a surname before it may be someone else's.
    in_article = found.join(own, on=["key", "surname"], how="inner").filter(pl.col("start") > pl.col("first"))
    return pl.concat(
        [
            part.select(*where(matched="form"), entity="entity", entity_type=pl.lit("PER"), name_en="name_en")
            for part in (in_article, _batch_surnames(text, found, people, full_mentions))
        ]
    )


def _batch_surnames(text: pl.DataFrame, found: pl.DataFrame, people: pl.DataFrame, full: pl.DataFrame) -> pl.DataFrame:
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
    the batch uses mostly on its own is a word.
    """
    lists = name_words()
    written = found.group_by("surname").agg(written=pl.len())
    batch = (
        people.group_by("surname")
        .agg(pl.col("entity").first(), pl.col("name_en").first(), people=pl.col("entity").n_unique())
        .join(full, on="entity", how="left")
        .join(written, on="surname", how="left")
        .filter(
            pl.col("people") == 1,
            ~pl.col("surname").str.starts_with("ال"),
            ~pl.col("surname").is_in(list(lists["common"] | lists["given"] | lists["other"] | lists["news"])),
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
    name_like = list(lists["given"] | lists["name"] | NAME_CONNECTORS)
    return candidates.filter(~(before.is_in(name_like) | before.str.starts_with("عبد")).fill_null(False))
