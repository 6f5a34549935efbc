"""Names beyond the gazetteer, read by rule from whole text columns, and every later mention of them.

- people after a title or role (الرئيس، وزير الخارجية، الشيخ …), and people opened by a given name;
- every rule's whole-text scan, with the organizations' (tasks/organization_rules.py), and every later
  mention of each name a rule read; a bare surname is tasks/surnames.py's.

A name a rule reads counts wherever its article mentions it again; one the gazetteer lists is left to it.
"""

from concurrent.futures import ThreadPoolExecutor
from functools import cache

import polars as pl

from tasks.gazetteer import AFTER_A_CUE, as_pattern, kunya_nominative, patterns, tolerant, where, word_of_its_own
from tasks.normalize import fold_for_matching
from tasks.organization_rules import cue_regex, cued_organizations, head_regex, headed_organizations
from tasks.plain_words import common_and_news_words, opens_with_idiom, plain_form, rule_words
from tasks.reference import name_words, word_series
from tasks.rule_text import (
    CLITIC,
    CLITICS,
    INSTITUTION_WORDS,
    LETTER,
    NAME_CONNECTORS,
    NAME_LINKS,
    NAME_STOPS,
    SON_OF,
    TITLES,
    cores_of,
    earlier,
    first_in_list,
    found_in_own_article,
    later,
    leading_run,
    matches,
    one_word_titles,
    place_in_list,
)

# Role nouns followed by what they head: وزير الخارجية، محافظ نينوى، قائد الجيش، زعيم التيار …
_ROLES = ("وزير", "وزيره", "محافظ", "قائد", "زعيم", "مدير", "رئيس", "سفير", "امين عام", "المتحدث باسم")
# عبد and the word it links are one given name (عبد الكريم): in the training text عبد opens a person or is
# inside one every time it is seen (ANERcorp lines 1–60,000: 21 and 29 times, never outside a name).
_ABD = tolerant("عبد")


def _chain(first: str, split: bool = False) -> str:
    """The regex of a name opened by `first`: a word, linked words (بن راشد آل مكتوم), then one word more.

    It reads only as far as a name can go, so that a match does not swallow the next person's name
    (جورج غالاوي وأحمد حسون): extract_all does not overlap, and words read but cut later are lost to it.
    With `split`, the one word more is any word: for splitting a match the full regex made into its
    groups, where the word is known to be one it takes, with a regex that runs faster (see _title_regex).
    """
    link = "|".join(tolerant(c) for c in NAME_LINKS)
    word = rf"{LETTER}{{2,}}"
    # The one word more is read only when it is a name word of the corpora or definite (a family name,
    # الدليمي), as _name_length keeps it.
    known = "|".join(tolerant(w) for w in sorted(_extra_name_words(), key=len, reverse=True))
    last = f"{LETTER}+" if split else rf"(?:{known}|ال{word})"
    return rf"{first}(?:  (?:{link}))?  {word}(?:  (?:{link})  {word})*(?:  {last})?"


# Nouns of places and bodies named after people (folded): an airport, a university, a hospital, a street …
_NAMED_AFTER = (
    "مطار جامعه كليه معهد مدرسه مستشفي مدينه مركز مؤسسه مسجد جامع ملعب استاد شارع طريق جسر ميناء حي "
    "قصر قاعه قاعده برج ميدان مجمع مكتبه جائزه كرسي صندوق واحه"
)
_FACILITIES = frozenset(_NAMED_AFTER.split())
# The titles before the person a place or body is named after (جامعة الإمام محمد بن سعود، مستشفى الأمير سلطان).
_NAMING_TITLES = ("الملك", "الملكه", "الامير", "الاميره", "الامام", "الشيخ", "الشيخه", "السلطان")
# A nisba after a title or nationality (الرئيس الأمريكي، وزير الخارجية الإيراني، الكوري الجنوبي) belongs to it; two
# letters or more before its ي, so that الذي is none (الرئيس الذي …).
_NISBA = rf"(?:  ال{LETTER}{{2,}}ي(?:ه|ة)?){{0,2}}"


@cache
def _title_regex(split: bool = False) -> str:
    """The regex of a title, an optional nisba adjective, then up to four name words (group 1).

    With `split`, the regex that reads group 1 out of a match of the full one: the same but for the chain's
    last word (any word), as the 1,800 name words made a capture slow on each of a batch's distinct matches
    (15,001 on the SaudiNewsNet articles: 0.14 s → 0.07 s, the same groups).
    """
    titles = "|".join(tolerant(t) for t in sorted(TITLES, key=len, reverse=True))
    roles = "|".join(tolerant(r) for r in _ROLES)
    # ل before a title's article keeps one lam (للسيد، للرئيس): the title's stem after لل. Not للفريق, "for the
    # team" far more often than "to General" (للفريق بشرح مفصل).
    lam = sorted((t for t in TITLES if t.startswith("ال") and not t.startswith("الفريق")), key=len, reverse=True)
    definite = "|".join(tolerant(t[2:]) for t in lam)
    title = rf"(?:[وفل]?(?:{titles})|[وف]?لل(?:{definite})|[وفل]?(?:ال|لل)?(?:{roles})  {LETTER}+)"
    # One space before and after: a match ends inside the double space between words, so the next match
    # may start right after it, and the name's last word is whole (a Unicode \b would make the regex slow).
    # A place or body named after a person (مطار الملك عبدالعزيز الدولي، جامعة الإمام محمد بن سعود الإسلامية) is
    # read with its noun, group 1, and names no one: the words after the title are its name.
    facilities = "|".join(tolerant(w) for w in sorted(_FACILITIES, key=len, reverse=True))
    return rf" (?:((?:{CLITIC})?(?:{facilities}))  )?{title}{_NISBA}  ({_cued_name(split)}) "


def _cued_name(split: bool) -> str:
    """The regex of the name after a cue: up to four name words, a name opened by عبد taking its first two as one
    (السفير عبد الكريم برهوم)."""
    return _chain(rf"(?:{_ABD}  )?{LETTER}{{2,}}", split)


@cache
def _nationality_regex(split: bool = False) -> str:
    """The regex of a nationality used as a noun (السويسري روجيه فيدرر، والعماني عبد الله بامخالف), then a name
    (group 1).

    Masculine only: a feminine one (الكينية) mostly qualifies a noun (الكتابات الصينية لمؤرخين). A scan of its own
    (in a title's alternation it made that scan 2.4 times slower); after a title, the title's scan reads the name
    too (المدرب الهولندي لويس فان خال), and the two readings are one.
    """
    stems = "|".join(tolerant(n.removeprefix("ال")) for n in sorted(name_words()["nationality"], key=len, reverse=True))
    return rf" (?:[وف]?[بك]?ا|[وف]?ل)ل(?:{stems}){_NISBA}  {AFTER_A_CUE}({_cued_name(split)}) "


def _titled_people(text: pl.DataFrame) -> pl.DataFrame:
    """People named after a title or a nationality in each article and not in the gazetteer: article_id, key,
    name, pattern."""
    return matches(text, ("titled", "national"), _read_titled).unique(["article_id", "pattern"])


def _read_titled(found: pl.DataFrame) -> pl.DataFrame:
    """The name (and its pattern) each title or nationality match reads, where it reads one not in the gazetteer.

    A nationality is a weaker cue than a title: no name after it opens with a plain word of news or a word of a
    form no name word has (الجيش اللبناني وقوى الأمن، الاتحاد السعودي لكرة القدم).
    """
    # Each rule's matches split by that rule's regex alone (a when/then would run every regex on every row).
    groups = pl.col("name").str.extract_groups(_title_regex(split=True)).struct
    titled = (
        found.filter(pl.col("rule") == "titled")
        .with_columns(named_after=groups.field("1"), name=groups.field("2"))
        .filter(pl.col("named_after").is_null())
        .drop("named_after")
    )
    # A role heading an institution (رئيس مجلس، مدير شركة) is followed by the institution's name, not a person's
    # (رئيس مجلس محلي البيرة): the match's words before the name are that role and noun alone.
    roles = "|".join(tolerant(r) for r in _ROLES)
    institutions = "|".join(sorted(INSTITUTION_WORDS))
    cue = fold_for_matching(
        pl.col("match").str.head(-(pl.col("name").str.len_chars().cast(pl.Int64) + 3)).str.strip_chars(" ")
    )
    of_a_body = cue.str.contains(rf"^[وفل]?(?:ال|لل)?(?:{roles})  (?:{institutions})(?:  ال\S+ي[هة]?)*$")
    national = (
        found.filter(pl.col("rule") == "national")
        .with_columns(pl.col("name").str.extract(_nationality_regex(split=True), 1).str.split("  "))
        .filter(~_plain_after_nationality(fold_for_matching(pl.col("name").list.first())))
    )
    titled = titled.filter(~of_a_body.fill_null(False)).with_columns(pl.col("name").str.split("  "))
    return _read_after_cue(pl.concat([titled, national]))


def _read_after_cue(found: pl.DataFrame) -> pl.DataFrame:
    """The name (and its pattern) read from each cue's words (name, a list), where it reads one not in the gazetteer."""
    # A name read after a title stops at the first particle, reporting verb or common word (folded).
    candidates = (
        # A name is 2–3 words, the first not a definite noun (الشؤون), none joined by و; a name ending on a
        # connector (بن، عبد، أبو …) was cut short; a one-word name after a title is too weak alone.
        found.with_columns(pl.col("name").list.head(_name_length(rule_words(pl.col("name")))))
        .filter(
            pl.col("name").list.len() >= 2,
            ~pl.col("name").list.first().str.contains("^(?:[وفبلك]?ال|لل)"),
            ~pl.col("name").list.eval(pl.element().str.contains("^و[اأإ]?ل")).list.any(),
            ~fold_for_matching(pl.col("name").list.last()).is_in(list(NAME_CONNECTORS)),
        )
        .with_columns(pl.col("name").list.join(" "))
        .with_columns(pattern=as_pattern(kunya_nominative(fold_for_matching(pl.col("name")))))
    )
    known = patterns().select("pattern")
    return candidates.join(known, on="pattern", how="anti")


def _plain_after_nationality(word: pl.Expr) -> pl.Expr:
    """Whether a folded word opening a name after a nationality is a plain word: a news or common word, bare or
    after a preposition (لكرة القدم), or a word of a form no name word has."""
    plain = word_series(common_and_news_words())
    return plain_form(word) | word.is_in(plain) | (word.str.contains("^[بكلف]") & word.str.slice(1).is_in(plain))


@cache
def _name_stops() -> frozenset[str]:
    """Folded words that end a name: common words, stop words, titles, a given name or a link (عبد، أبو) carrying و
    or ف, and the nouns of places and institutions, bare or with a clitic (منطقة، لمحافظة، شركة)."""
    lists = name_words()
    with_conjunction = {c + g for g in lists["given"] | set(NAME_LINKS) for c in ("و", "ف")}
    institutions = {c + w for w in INSTITUTION_WORDS for c in ("", *CLITICS)}
    return frozenset(lists["common"] | NAME_STOPS | with_conjunction | _title_words() | institutions)


@cache
def _extra_name_words() -> frozenset[str]:
    """Name words of the corpora that may follow a name's first two words (none that ends a name)."""
    lists = name_words()
    return frozenset((lists["name"] | lists["given"]) - _name_stops())


@cache
def _title_words() -> frozenset[str]:
    """One-word titles, bare or with و: the next person's title ends a name (محمد الشيخ خليفة …)."""
    single = one_word_titles()
    return frozenset(single | {"و" + t for t in single})


def _name_length(words: pl.Expr) -> pl.Expr:
    """How many of a candidate's folded words (a list) make the name: two, more only through links or known words.

    The name stops before a common word of the training text (a verb, a noun, a particle), a stop word, or
    a given name carrying a conjunction (محمد علي ومحمود عباس). Past the first two words it goes on only
    through a link and the word it links (حمد بن جاسم بن جبر آل ثاني), and takes one more word when that
    is itself a name word of the corpora (علي عبد الله صالح) or a definite word that is not a common one,
    a family name (عمر حسن البشير): most names are two words.
    """
    return words.map_batches(lambda lists: leading_run(lists, _fits_a_name), return_dtype=pl.UInt32)


def _fits_a_name(word: pl.Expr) -> pl.Expr:
    """Whether a word of a candidate name (in leading_run) may be in it, given the words before it (_name_length)."""
    stops = word_series(_name_stops())
    links = word_series(frozenset(NAME_LINKS))
    # عبد and the word after it count as one word (عبد الكريم برهوم is a two-word name).
    position = place_in_list() - (first_in_list(word) == "عبد").cast(pl.Int64)
    is_link = word.is_in(links)
    following = later(word)
    return (
        (
            (position < 2)
            | earlier(is_link).fill_null(False)
            # آل (folded ال) takes the family after it whatever it is: آل الشيخ is a family, not a title.
            | (is_link & following.is_not_null() & (~following.is_in(stops) | (word == "ال")))
            | (
                ((position == 2) | earlier(is_link, 2).fill_null(False))
                & (word.is_in(word_series(_extra_name_words())) | word.str.starts_with("ال"))
                # A link but عبد (a name word itself: منير فخري عبد النور) is one only before a word it links: a name
                # ending on it was dropped whole (الشيخ عبدالعزيز بن عبدالله آل الشيخ، خالد حدوشي بن علي: على).
                & ~(is_link & (word != "عبد"))
            )
        )
        # The family after آل ends the name (… آل الشيخ الحادثة), but for a tribe's nisba (… آل شنان القحطاني).
        & ~((earlier(word, 2) == "ال") & ~word.str.contains("^ال.+ي$")).fill_null(False)
        & (
            # The word عبد or آل links is part of the name whatever else it is (عبد السلام: السلام is a common word).
            earlier(word).is_in(["عبد", "ال"]).fill_null(False)
            | (
                ~word.is_in(stops)
                # The first word too, but for a و-word: after a title, a verb or a preposition is no name (الملك
                # يربط، الرئيس بالقول), while a foreign name may open with و (البروفيسور وانغ).
                & ~(((position >= 1) | ~word.str.starts_with("و")) & plain_form(word))
            )
        )
    )


@cache
def _given_name_regex(split: bool = False) -> str:
    """A given name (with a clitic and kunya or not), then up to three words: the clitic is group 2, the name group 3.

    A given name after بن is a father's name (مكتوم بن راشد): the match takes بن in, as group 1, to be dropped.
    With `split`, the regex that reads the groups out of a match of the full one (as _title_regex's).
    """
    names = "|".join(tolerant(g) for g in sorted(name_words()["given"], key=len, reverse=True))
    # A kunya before the given name is part of the name (لأبي خليل القباني): in the training text (ANERcorp
    # lines 1–60,000) أبو or أبي, bare or with a clitic, opens a person 50 of the 57 times it is not inside
    # one already (2 of the 7 others open a place or an organization), and its clitic is the name's (لأبي
    # is tagged whole).
    kunya = "|".join(tolerant(k) for k in ("ابو", "ابي"))
    # عبد and the definite word it links are a given name too (عبد الرحمن عبد العال; not عبد خيرا): see _ABD.
    name = rf"(?:(?:{kunya})  )?" + _chain(rf"(?:{_ABD}  ال{LETTER}{{2,}}|{names})", split)
    son_of = "|".join(tolerant(link) for link in SON_OF)
    # Or the noun of a place or body named after a person, and a royal or clerical title (مطار الملك خالد الدولي،
    # مدرسة أسامة بن زيد الابتدائية): the title rule reads no one there, and neither does this one. Not طريق: عن
    # طريق "by way of" comes before people (عن طريق حسني عبد ربه).
    facilities = "|".join(tolerant(w) for w in sorted(_FACILITIES - {"طريق"}, key=len, reverse=True))
    royal = "|".join(tolerant(t) for t in _NAMING_TITLES)
    named_after = rf"(?:{CLITIC})?(?:{facilities})(?:  (?:{royal}))?"
    return rf" (?:({son_of}|{named_after})  )?({CLITIC})?({name}) "


def _given_name_people(text: pl.DataFrame) -> pl.DataFrame:
    """People written as a mined given name and one or two more name words: article_id, key, name, pattern.

    The words after the given name stop at the first common word of the training text (a verb, a noun,
    a particle), a stop word, or the next given name carrying a conjunction (محمد علي ومحمود عباس).
    """
    return matches(text, "given", _read_given_name).unique(["article_id", "pattern"])


def _read_given_name(found: pl.DataFrame) -> pl.DataFrame:
    """The name (and its pattern) each given-name match reads, where it reads one not in the gazetteer."""
    name = pl.col("name")
    folded = name.list.eval(fold_for_matching(pl.element()))
    # The regex's groups, numbered: 1 بن before the name, 2 the clitic, 3 the name (one pass, not three).
    group = pl.col("groups").struct.field
    return (
        found.with_columns(groups=name.str.extract_groups(_given_name_regex(split=True)))
        .filter(group("1").is_null())
        .with_columns(clitic=group("2").fill_null(""), name=group("3").str.split("  "))
        .drop("groups")
        # A clitic and given name that spell a word of their own (ك + ريم = كريم) are that whole word: a
        # name word opens the name (كريم حسن); a common word (ل + صالح = لصالح, "in favour of") or a plain word
        # of real news (ب + عوض = بعوض, "mosquitoes") opens none.
        # Not a clitic on a kunya (لأبي خليل): the kunya is a link, never the end of another word.
        .with_columns(
            name=pl.when(
                word_of_its_own(
                    fold_for_matching(pl.col("clitic") + name.list.first()), fold_for_matching(name.list.first())
                )
                & ~fold_for_matching(name.list.first()).is_in(list(NAME_LINKS))
            )
            .then(pl.concat_list(pl.col("clitic") + name.list.first(), name.list.slice(1)))
            .otherwise(name)
        )
        .with_columns(name.list.head(_name_length(rule_words(name))))
        .filter(
            # Two words, عبد and the word it links counting as one (عبد الرحمن alone is a given name).
            name.list.len() >= 2 + (folded.list.first() == "عبد").cast(pl.Int64),
            ~folded.list.last().is_in(list(NAME_CONNECTORS)),
            ~folded.list.first().is_in(word_series(common_and_news_words())),
            ~((name.list.len() == 2) & (folded.list.last() == "الله") & (folded.list.first() != "عبد")),
            ~opens_with_idiom(folded),
        )
        .with_columns(name.list.join(" "))
        .with_columns(pattern=as_pattern(kunya_nominative(fold_for_matching(name))), entity_type=pl.lit("PER"))
        .join(patterns().select("pattern"), on="pattern", how="anti")
    )


def rule_scans() -> dict[str, pl.Expr]:
    """Each rule's whole-text scan of the plain texts: people after a title or a nationality, given names, headed
    and cued organizations."""
    return {
        "titled": pl.col("plain").str.extract_all(_title_regex()),
        "national": pl.col("plain").str.extract_all(_nationality_regex()),
        "given": pl.col("plain").str.extract_all(_given_name_regex()),
        "headed": pl.col("plain").str.extract_all(head_regex()),
        "cued": pl.col("plain").str.extract_all(cue_regex()),
    }


def rule_forms(text: pl.DataFrame) -> pl.DataFrame:
    """Each name a rule read (in the article it read it in), one row per searchable form or core (cores_of): key,
    name (canonical), entity_type, form and core.

    The rules: a person after a title, a person opened by a given name, an organization after a head noun.
    """
    # The rules read side by side, in threads: each reading is mostly a regex capture per distinct match, which
    # Polars runs on one core, and lets go of the interpreter while it does (on the SaudiNewsNet articles, on two
    # cores, 0.41 s → 0.24 s; one lazy query per rule, collected together, ran them one after another).
    readers = (_titled_people, _given_name_people, headed_organizations, cued_organizations)
    with ThreadPoolExecutor(max_workers=pl.thread_pool_size()) as pool:
        read = list(pool.map(lambda reader: reader(text), readers))
    columns = ("article_id", "key", "name", "pattern", "entity_type")
    names = pl.concat([read[0].with_columns(entity_type=pl.lit("PER")), *read[1:]], how="diagonal").select(columns)
    names = names.unique(["article_id", "pattern"], keep="first", maintain_order=True)
    # A person's name is written in one script: Latin and Arabic words together are an acronym and a verb
    # (البريطاني BSI تأسس), not a name.
    mixed = pl.col("name").str.contains("[A-Za-z]") & pl.col("name").str.contains("[\u0621-\u064a]")
    names = names.filter(~((pl.col("entity_type") == "PER") & mixed))
    # The canonical spelling is the first one written, its kunya as أبو; every spelling folding alike (and
    # every case of a kunya) is one entity.
    return cores_of(
        names.with_columns(kunya_nominative(pl.col("name")))
        .group_by("key", "pattern", maintain_order=True)
        .agg(pl.col("name").first(), pl.col("entity_type").first())
        .with_columns(fold_for_matching(pl.col("name")).alias("folded_name")),
        "folded_name",
    )


def rule_mentions(forms: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """Every mention, with clitics, of each name a rule read (`forms`, of rule_forms), in the article it was read
    in: the occurrences `found` (rule_text.occurrences of these forms and maybe others) of its forms there."""
    own = found_in_own_article(found, forms)
    return own.select(
        *where(matched="form"),
        entity="name",
        entity_type="entity_type",
    )
