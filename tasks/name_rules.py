"""Names beyond the gazetteer, read by rule from whole text columns, and every later mention of them.

- people after a title or role (الرئيس، وزير الخارجية، الشيخ …), and people opened by a given name;
- organizations after a head noun (حزب، بلدية، منظمة …), and a curated organization's bare name that is
  also a plain word or place (الجزيرة، الأهلي) after a cue (قناة، مراسل، نادي، فريق، ذكرت …);
- a person's bare surname, in an article that named them in full before, or in any article of the batch
  (the column searched) when one person of the batch has that surname and the word is no plain one.

A name a rule reads counts wherever its article mentions it again; one the gazetteer lists is left to it.
"""

from collections.abc import Callable
from functools import cache

import polars as pl

from tasks.gazetteer import as_pattern, patterns, tolerant, where, with_clitics, word_of_its_own
from tasks.normalize import fold_for_matching, fold_string
from tasks.reference import curated_organizations, name_words

# A letter of a name: Arabic or Latin. Not \p{L}: with all of Unicode's letters the scans' lazy DFA outgrew
# its cache on real news (SaudiNewsNet: 4.8 s for 3,110 articles, 0.25 s with this class, the same matches).
_LETTER = r"[\p{Arabic}\p{Latin}&&\p{L}]"
# Titles and roles written before a person's name (folded spelling; hamza and ta marbuta are tolerated).
_TITLES = (
    "الرئيس",
    "الرئيسه",
    "رئيس الوزراء",
    "رئيسه الوزراء",
    "رئيس الحكومه",
    "رئيس الجمهوريه",
    "رئيس البرلمان",
    "رئيس مجلس النواب",
    "رئيس مجلس الوزراء",
    "رئيس اقليم كردستان",
    "نائب الرئيس",
    "ولي العهد",
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "السيد",
    "السيده",
    "الرئيس السابق",
    "المستشار",
    "المستشاره",
    "الامين العام",
    "المرشد الاعلي",
    "المرجع الديني",
    "ايه الله",
    "البابا",
    "الجنرال",
    "المشير",
    "الفريق",
    "الفريق اول",
    "اللواء",
    "العميد",
    "العقيد",
    "المقدم",
    "النائب",
    "السفير",
    "السفيره",
    "الدكتور",
    "الدكتوره",
    "القاضي",
    "المحامي",
    "الكاتب",
    "الصحفي",
    "الفنان",
    "الفنانه",
    "اللاعب",
    "المدرب",
    "الزعيم",
    # Writers, artists, players, clerics and princes: the roles a news story names people by.
    "الروائي",
    "الروائيه",
    "الاديب",
    "الاديبه",
    "الشاعر",
    "الشاعره",
    "المطرب",
    "المطربه",
    "المغني",
    "المغنيه",
    "الممثل",
    "الممثله",
    "المخرج",
    "النجم",
    "المهاجم",
    "الحارس",
    "الامام",
    "الخليفه",
    "السلطان",
    "الوزير",
    "الحاج",
    "المهندس",
    "الاستاذ",
    "البروفيسور",
    "الاب",
    "المطران",
    "الكاردينال",
    "الداعيه",
    "المفكر",
    "الباحث",
    "الناشط",
    "المعارض",
    "المؤرخ",
    "الفيلسوف",
    "الموسيقار",
    "الملحن",
    "الرسام",
    "سمو",
)
# Role nouns followed by what they head: وزير الخارجية، محافظ نينوى، قائد الجيش، زعيم التيار …
_ROLES = ("وزير", "وزيره", "محافظ", "قائد", "زعيم", "مدير", "رئيس", "سفير", "امين عام", "المتحدث باسم")
# Words that end a name read after a title: particles, common verbs of reporting, time words.
_STOP_WORDS = (
    "في من الي علي عن مع ان انه ان لا ما قد كان كانت قال قالت اكد اكدت اعلن اعلنت اضاف اشار ذكر اوضح "
    "يوم امس اليوم خلال بعد قبل عند حيث التي الذي الذين هو هي ثم او و بين حول منذ وقال واكد واضاف "
    "لدي ضد عبر اثناء يقول يري دعا بان بانه الا اما لقد وان فان"
)
_NAME_STOPS = frozenset(_STOP_WORDS.split())
# Words that link a name to the next word of it: بن راشد، آل مكتوم (folded ال)، عبد الله، أبو مازن، أبي وقاص.
_NAME_LINKS = ("بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "عبد")
_NAME_CONNECTORS = frozenset({*_NAME_LINKS, "اية"})
# عبد and the word it links are one given name (عبد الكريم): in the training text عبد opens a person or is
# inside one every time it is seen (ANERcorp lines 1–60,000: 21 and 29 times, never outside a name).
_ABD = tolerant("عبد")


def _chain(first: str) -> str:
    """The regex of a name opened by `first`: a word, linked words (بن راشد آل مكتوم), then one word more.

    It reads only as far as a name can go, so that a match does not swallow the next person's name
    (جورج غالاوي وأحمد حسون): extract_all does not overlap, and words read but cut later are lost to it.
    """
    link = "|".join(tolerant(c) for c in _NAME_LINKS)
    word = rf"{_LETTER}{{2,}}"
    # The one word more is read only when it is a name word of the corpora or definite (a family name,
    # الدليمي), as _name_length keeps it.
    known = "|".join(tolerant(w) for w in sorted(_extra_name_words(), key=len, reverse=True))
    return rf"{first}(?:  (?:{link}))?  {word}(?:  (?:{link})  {word})*(?:  (?:{known}|ال{word}))?"


def _title_regex() -> str:
    """The regex of a title, an optional nisba adjective, then up to four name words (group 1)."""
    titles = "|".join(tolerant(t) for t in sorted(_TITLES, key=len, reverse=True))
    roles = "|".join(tolerant(r) for r in _ROLES)
    title = rf"(?:[وفل]?(?:{titles})|[وفل]?(?:ال|لل)?(?:{roles})  {_LETTER}+)"
    # A nisba after the title (الرئيس الأمريكي، وزير الخارجية الإيراني) belongs to the title.
    nisba = rf"(?:  ال{_LETTER}+ي(?:ه|ة)?){{0,2}}"
    # A name opened by عبد takes its first two words as one (السفير عبد الكريم برهوم).
    name = _chain(rf"(?:{_ABD}  )?{_LETTER}{{2,}}")
    # One space before and after: a match ends inside the double space between words, so the next match
    # may start right after it, and the name's last word is whole (a Unicode \b would make the regex slow).
    return rf" {title}{nisba}  ({name}) "


def rule_scans() -> dict[str, pl.Expr]:
    """Each rule's whole-text scan of the plain texts: titled people, given names, headed organizations."""
    return {
        "titled": pl.col("plain").str.extract_all(_title_regex()),
        "given": pl.col("plain").str.extract_all(_given_name_regex()),
        "headed": pl.col("plain").str.extract_all(_head_regex()),
        "cued": pl.col("plain").str.extract_all(_cue_regex()),
    }


def _matches(text: pl.DataFrame, column: str, read: Callable[[pl.DataFrame], pl.DataFrame]) -> pl.DataFrame:
    """Every match of a rule (its column of rule_scans) in each text (article_id, key), with what `read` makes of it.

    `read` gets one row per distinct match text (in column name) and reads each row alone; a title and
    name, or a head noun and what follows, recur across a batch, so each distinct one is read once and its
    rows joined back to every match, in the matches' order.
    """
    found = text.select("article_id", "key", match=column).explode("match").drop_nulls("match")
    distinct = found.select(pl.col("match").unique()).with_columns(name=pl.col("match"))
    return found.join(read(distinct), on="match", how="inner", maintain_order="left").drop("match")


def _titled_people(text: pl.DataFrame) -> pl.DataFrame:
    """People named after a title in each article and not in the gazetteer: article_id, key, name, pattern."""
    return _matches(text, "titled", _read_titled).unique(["article_id", "pattern"])


def _read_titled(found: pl.DataFrame) -> pl.DataFrame:
    """The name (and its pattern) each title match reads, where it reads one not in the gazetteer."""
    # A name read after a title stops at the first particle, reporting verb or common word (folded).
    candidates = (
        found.with_columns(pl.col("name").str.extract(_title_regex(), 1).str.split("  "))
        # A name is 2–3 words, the first not a definite noun (الشؤون), none joined by و; a name ending on a
        # connector (بن، عبد، أبو …) was cut short; a one-word name after a title is too weak alone.
        .with_columns(pl.col("name").list.head(_name_length(pl.col("name").list.eval(fold_for_matching(pl.element())))))
        .filter(
            pl.col("name").list.len() >= 2,
            ~pl.col("name").list.first().str.contains("^(?:[وفبلك]?ال|لل)"),
            ~pl.col("name").list.eval(pl.element().str.contains("^و[اأإ]?ل")).list.any(),
            ~fold_for_matching(pl.col("name").list.last()).is_in(list(_NAME_CONNECTORS)),
        )
        .with_columns(pl.col("name").list.join(" "))
        .with_columns(pattern=as_pattern(fold_for_matching(pl.col("name"))))
    )
    known = patterns().select("pattern")
    return candidates.join(known, on="pattern", how="anti")


@cache
def _name_stops() -> frozenset[str]:
    """Folded words that end a name: common words, stop words, titles, a given name carrying و or ف."""
    lists = name_words()
    with_conjunction = {c + g for g in lists["given"] for c in ("و", "ف")}
    return frozenset(lists["common"] | _NAME_STOPS | with_conjunction | _title_words())


@cache
def _extra_name_words() -> frozenset[str]:
    """Name words of the corpora that may follow a name's first two words (none that ends a name)."""
    lists = name_words()
    return frozenset((lists["name"] | lists["given"]) - _name_stops())


@cache
def _title_words() -> frozenset[str]:
    """One-word titles, bare or with و: the next person's title ends a name (محمد الشيخ خليفة …)."""
    single = {fold_string(t) for t in _TITLES if " " not in t}
    return frozenset(single | {"و" + t for t in single})


def _name_length(words: pl.Expr) -> pl.Expr:
    """How many of a candidate's folded words (a list) make the name: two, more only through links or known words.

    The name stops before a common word of the training text (a verb, a noun, a particle), a stop word, or
    a given name carrying a conjunction (محمد علي ومحمود عباس). Past the first two words it goes on only
    through a link and the word it links (حمد بن جاسم بن جبر آل ثاني), and takes one more word when that
    is itself a name word of the corpora (علي عبد الله صالح) or a definite word that is not a common one,
    a family name (عمر حسن البشير): most names are two words.
    """
    stops = list(_name_stops())
    known_names = list(_extra_name_words())
    links = list(_NAME_LINKS)
    word = pl.element()
    # عبد and the word after it count as one word (عبد الكريم برهوم is a two-word name).
    position = pl.int_range(pl.len()) - (word.first() == "عبد").cast(pl.Int64)
    is_link = word.is_in(links)
    following = word.shift(-1)
    fits = (
        (
            (position < 2)
            | is_link.shift(1).fill_null(False)
            | (is_link & following.is_not_null() & ~following.is_in(stops))
            | (
                ((position == 2) | is_link.shift(2).fill_null(False))
                & (word.is_in(known_names) | word.str.starts_with("ال"))
            )
        )
        & ~word.is_in(stops)
        # The first word too, but for a و-word: after a title, a verb or a preposition is no name (الملك
        # يربط، الرئيس بالقول), while a foreign name may open with و (البروفيسور وانغ).
        & ~(((position >= 1) | ~word.str.starts_with("و")) & _plain_form(word))
    )
    return words.list.eval((~fits).cum_sum().eq(0).sum()).list.first()


def _plain_form(word: pl.Expr) -> pl.Expr:
    """Whether a folded word has a form no name word of the corpora has (a conjunction, a verb, a preposition).

    In the development build's training text (ANERcorp lines 1–40,000, Wojood train.txt), of the words
    after a given name that are no common word, one starting with و is outside the person 33 times of 37
    (وعنان، ويسمى: the name ended before "and"); one starting with ي 6 of 15, and those are verbs (يطلب،
    يكمل: a verb right after a name is typical), the rest name words (يوسف، يعقوب); a preposition on a
    definite or common word (بالاهتمام، للمؤتمرات، بارتكاب) is none. So such a word ends a name unless it
    is a given name or name word of the corpora (وجدي).
    """
    lists = name_words()
    bare = word.str.slice(1)
    plain = (
        word.str.contains("^[وي]")
        | word.str.contains("^(?:[بكلف]ال|لل)")
        | (word.str.contains("^[بكلف]") & bare.is_in(list(lists["common"])))
    )
    return plain & ~word.is_in(list(lists["given"] | lists["name"]))


@cache
def _given_name_regex() -> str:
    """A given name (with a clitic and kunya or not), then up to three words: the clitic is group 2, the name group 3.

    A given name after بن is a father's name (مكتوم بن راشد): the match takes بن in, as group 1, to be dropped.
    """
    names = "|".join(tolerant(g) for g in sorted(name_words()["given"], key=len, reverse=True))
    # A kunya before the given name is part of the name (لأبي خليل القباني): in the training text (ANERcorp
    # lines 1–60,000) أبو or أبي, bare or with a clitic, opens a person 50 of the 57 times it is not inside
    # one already (2 of the 7 others open a place or an organization), and its clitic is the name's (لأبي
    # is tagged whole).
    kunya = "|".join(tolerant(k) for k in ("ابو", "ابي"))
    name = rf"(?:(?:{kunya})  )?" + _chain(f"(?:{names})")
    son_of = "|".join(tolerant(link) for link in ("بن", "ابن", "بنت"))
    return rf" (?:({son_of})  )?([وفبلك]|وب|فب|وك|ول|فل)?({name}) "


def _given_name_people(text: pl.DataFrame) -> pl.DataFrame:
    """People written as a mined given name and one or two more name words: article_id, key, name, pattern.

    The words after the given name stop at the first common word of the training text (a verb, a noun,
    a particle), a stop word, or the next given name carrying a conjunction (محمد علي ومحمود عباس).
    """
    return _matches(text, "given", _read_given_name).unique(["article_id", "pattern"])


def _read_given_name(found: pl.DataFrame) -> pl.DataFrame:
    """The name (and its pattern) each given-name match reads, where it reads one not in the gazetteer."""
    name = pl.col("name")
    folded = name.list.eval(fold_for_matching(pl.element()))
    return (
        found.filter(name.str.extract(_given_name_regex(), 1).is_null())
        .with_columns(
            clitic=name.str.extract(_given_name_regex(), 2).fill_null(""),
            name=name.str.extract(_given_name_regex(), 3).str.split("  "),
        )
        # A clitic and given name that spell a word of their own (ك + ريم = كريم) are that whole word: a
        # name word opens the name (كريم حسن); a common word (ل + صالح = لصالح, "in favour of") opens none.
        # Not a clitic on a kunya (لأبي خليل): the kunya is a link, never the end of another word.
        .with_columns(
            name=pl.when(
                word_of_its_own(
                    fold_for_matching(pl.col("clitic") + name.list.first()), fold_for_matching(name.list.first())
                )
                & ~fold_for_matching(name.list.first()).is_in(list(_NAME_LINKS))
            )
            .then(pl.concat_list(pl.col("clitic") + name.list.first(), name.list.slice(1)))
            .otherwise(name)
        )
        .with_columns(name.list.head(_name_length(folded)))
        .filter(
            name.list.len() >= 2,
            ~folded.list.last().is_in(list(_NAME_CONNECTORS)),
            ~folded.list.first().is_in(list(name_words()["common"])),
        )
        .with_columns(name.list.join(" "))
        .with_columns(pattern=as_pattern(fold_for_matching(name)), entity_type=pl.lit("PER"))
        .join(patterns().select("pattern"), on="pattern", how="anti")
    )


@cache
def _head_regex() -> str:
    """An organization head noun (حزب، بلدية، منظمة …, with a clitic or not), then up to four words (group 1)."""
    heads = "|".join(tolerant(h) for h in sorted(name_words()["head"], key=len, reverse=True))
    return rf"  (?:[وفبلك]|وب|فب|وك|ول|فل)?((?:{heads})(?:  {_LETTER}{{2,}}){{1,4}})"


def _headed_organizations(text: pl.DataFrame) -> pl.DataFrame:
    """Organizations written as a mined head noun and what it governs: article_id, key, name, pattern, entity_type.

    After the head come definite words (الدول العربية), genitives with لل (للطاقة الذرية), and right after
    the head one bare word that is not a common word (بلدية نابلس، حزب الله); anything else ends the name.
    """
    return _matches(text, "headed", _read_headed).unique(["article_id", "pattern"])


def _read_headed(found: pl.DataFrame) -> pl.DataFrame:
    """The organization (and its pattern) each head-noun match reads, where it is not in the gazetteer."""
    lists = name_words()
    stops = list(lists["common"] | _NAME_STOPS)
    name = pl.col("name")
    word = pl.element()
    folded = name.list.eval(fold_for_matching(word))
    # int_range, not cum_count (which counts from 1): the head is word 0, the bare word right after it word 1.
    position = pl.int_range(pl.len())
    fits = folded.list.eval(
        (position == 0) | word.str.contains("^(?:ال|لل)\\p{L}{2}") | ((position == 1) & ~word.is_in(stops))
    )
    length = fits.list.eval((~word).cum_sum().eq(0).sum()).list.first()
    return (
        found.with_columns(name.str.extract(_head_regex(), 1).str.split("  "))
        .with_columns(name.list.head(length))
        .filter(name.list.len() >= 2)
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
def _cue_regex() -> str:
    """A cue word (with a clitic or ال, or not), then a curated organization's bare name (group 1)."""
    cues = "|".join(tolerant(c) for c in sorted(set(_CUES), key=len, reverse=True))
    names = "|".join(tolerant(n) for n in _bare_organizations()) or "(?!)"
    return rf" (?:[وفبلك]|وب|فب|وك|ول|فل)?(?:ال|لل)?(?:{cues})  ({names}) "


def _cued_organizations(text: pl.DataFrame) -> pl.DataFrame:
    """Organizations known by a bare name that is also a plain word, after a cue: article_id, key, name, pattern."""
    return _matches(text, "cued", _read_cued).unique(["article_id", "pattern"])


def _read_cued(found: pl.DataFrame) -> pl.DataFrame:
    """The bare name (and its pattern) each cue match reads."""
    name = pl.col("name").str.extract(_cue_regex(), 1)
    return found.with_columns(name=name).with_columns(
        pattern=as_pattern(fold_for_matching(pl.col("name"))), entity_type=pl.lit("ORG")
    )


def _forms_of(names: pl.DataFrame, column: str) -> pl.DataFrame:
    """One row per searchable form (clitics added, padded) of each row's folded name in `column`."""
    # A one-word name's clitic form that is a word of its own (لصالح "in favour of" for صالح) is not one.
    return (
        names.with_columns(form=with_clitics(pl.col(column)))
        .explode("form")
        .filter(~word_of_its_own(pl.col("form"), pl.col(column)))
        .with_columns(form=as_pattern(pl.col("form")))
    )


def _occurrences(text: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Every place any of `forms` occurs in the texts: article_id, key, form, start (one automaton, overlapping)."""
    searched = pl.lit(forms["form"].unique().sort().implode())
    return (
        text.select(
            "article_id",
            "key",
            form=pl.col("folded").str.extract_many(searched, overlapping=True),
            start=pl.col("folded").str.find_many(searched, overlapping=True),
        )
        .explode("form", "start")
        .drop_nulls("form")
    )


def _found_in_own_article(text: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Where each article's own forms occur in it: the rows of `forms` matched, with `start`.

    Only articles that own a form are searched, and a match is kept only where its article owns that form:
    what an article yields never depends on which other articles share its batch.
    """
    owners = text.join(forms.select("key").unique(), on="key", how="semi")
    return _occurrences(owners, forms).join(forms, on=["key", "form"], how="inner")


def _found_anywhere(text: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Where any of `forms` occurs in any text of the batch: the rows of `forms` matched, with key and start.

    Unlike _found_in_own_article, what an article yields depends on its batch.
    """
    return _occurrences(text, forms).join(forms, on="form", how="inner")


def rule_mentions(text: pl.DataFrame) -> pl.DataFrame:
    """Every mention, with clitics, of each name a rule read, in the article it was read in.

    The rules: a person after a title, a person opened by a given name, an organization after a head noun.
    """
    names = pl.concat(
        [
            _titled_people(text).with_columns(entity_type=pl.lit("PER")),
            _given_name_people(text).select("article_id", "key", "name", "pattern", "entity_type"),
            _headed_organizations(text).select("article_id", "key", "name", "pattern", "entity_type"),
            _cued_organizations(text).select("article_id", "key", "name", "pattern", "entity_type"),
        ]
    ).unique(["article_id", "pattern"], keep="first", maintain_order=True)
    if names.is_empty():
        return pl.DataFrame(
            schema={
                "article_id": pl.String,
                "key": text.schema["key"],
                "start": pl.Int64,
                "length": pl.Int64,
                "entity": pl.String,
                "entity_type": pl.String,
            }
        )
    # The canonical spelling is the first one written; every spelling folding alike is one entity.
    forms = _forms_of(
        names.group_by("key", "pattern", maintain_order=True)
        .agg(pl.col("name").first(), pl.col("entity_type").first())
        .with_columns(fold_for_matching(pl.col("name")).alias("folded_name")),
        "folded_name",
    )
    own = _found_in_own_article(text, forms)
    return own.select(
        *where(matched="form"),
        entity="name",
        entity_type="entity_type",
    )


# Last words that do not name a person alone: ordinals of kings and popes, and name connectors.
_NOT_SURNAMES = frozenset({"الثاني", "الاول", "الثالث", "الرابع", "الخامس", "السادس", "عشر", *_NAME_CONNECTORS})


def _surname(words: pl.Expr) -> pl.Expr:
    """The surname of a person's folded words (a list), null where no single surname stands for them.

    The last word, or the last two after عبد/أبو or before الله/الدين (عبد الناصر، نصر الله، شمس الدين);
    none after بن (حمد بن خليفة: خليفة is the father) or in a family name with آل (آل مكتوم is a family).
    """
    last = words.list.last()
    before = words.list.get(-2, null_on_oob=True)
    two = pl.concat_str([before, last], separator=" ")
    return (
        pl.when(words.list.contains("ال") | before.is_in(["بن", "ابن", "بنت"]))
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
    surnames = people.select("surname").unique()
    opening = [
        _forms_of(surnames.with_columns(name=pl.col("surname") + f" {link}"), "name").drop("name")
        for link in ("بن", "ابن")
    ]
    forms = pl.concat(
        [
            _forms_of(surnames, "surname").with_columns(opens_another=pl.lit(False)),
            *(part.with_columns(opens_another=pl.lit(True)) for part in opening),
        ]
    )
    # One scan of the whole batch for every surname's forms serves both the article's own and the batch's.
    found = _found_anywhere(text, forms)
    found = found.filter(~pl.col("opens_another")).join(
        found.filter("opens_another").select("key", "start"), on=["key", "start"], how="anti"
    )
    own = people.filter(pl.col("entity").n_unique().over("key", "surname") == 1)
    # After the full name only: a surname before it may be someone else's.
    in_article = found.join(own, on=["key", "surname"], how="inner").filter(pl.col("start") > pl.col("first"))
    return pl.concat(
        [
            part.select(*where(matched="form"), entity="entity", entity_type=pl.lit("PER"), name_en="name_en")
            for part in (in_article, _batch_surnames(text, found, people))
        ]
    )


def _batch_surnames(text: pl.DataFrame, found: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """Surnames (of `found`) in articles that named nobody of that surname, as the one person of the batch with it.

    محفوظ in one article is نجيب محفوظ when another article of the batch named him and no other person of
    the batch has that surname: two people sharing one (بشار الأسد، حافظ الأسد) are not guessed between.
    A lone word is weaker evidence than one after the full name, so, as measured on the development build:
    not a given name, a common word or a word the training text mostly uses outside a person's name
    (مجلس، الدولي); not a definite word (الأسد is also a lion, المقدسة an adjective); bare or with و only
    (ب، ل، ك before a lone word make a plain word: بارتكاب، للجزيرة); and not after a given name, a name
    word or a link (دودو سيلفا، أبي وقاص): that is someone else's full name, which no rule read.
    """
    lists = name_words()
    batch = (
        people.group_by("surname")
        .agg(pl.col("entity").first(), pl.col("name_en").first(), people=pl.col("entity").n_unique())
        .filter(
            pl.col("people") == 1,
            ~pl.col("surname").str.starts_with("ال"),
            ~pl.col("surname").is_in(list(lists["common"] | lists["given"] | lists["other"])),
        )
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
        candidates.join(text.select("key", "folded"), on="key", how="left")
        .select(
            pl.col("folded")
            .cast(pl.Binary)
            .bin.slice(0, pl.col("start"))
            .cast(pl.String)
            .str.extract(rf"({_LETTER}+) $", 1)
        )
        .to_series()
    )
    name_like = list(lists["given"] | lists["name"] | _NAME_CONNECTORS)
    return candidates.filter(~(before.is_in(name_like) | before.str.starts_with("عبد")).fill_null(False))
