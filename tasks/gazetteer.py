"""Gazetteer matching: every spelling of every listed name, with prefix clitics, found in whole text columns.

The texts are plain (marks dropped, words between double spaces, padded) and folded; the gazetteer's
patterns are matched leftmost, longest first, against the folded copy's words (tasks.word_runs).
"""

import re
from functools import cache

import polars as pl

# The fold's letter map alone: plain_text has already dropped the marks that fold_for_matching also drops.
from tasks.normalize import PERSIAN_TO_ARABIC, abd_apart, abd_joined, fold_for_matching, fold_letters
from tasks.reference import gazetteer, name_words, state_names, times_seen, word_series
from tasks.word_runs import Stages, spelling_stages, spelt_runs

# Prefix clitics a name may carry: conjunctions و ف, prepositions ب ك ل and their pairs.
_CLITICS = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
# ل before the article ال drops its alef: ل + العراق = للعراق.
_LAM = ("ل", "ول", "فل")
# Everything with_clitics writes before a name (ل's before ال as it is before any other word).
PREFIXES = (*_CLITICS, *_LAM)
# Those of PREFIXES that take the article's place before a definite name (rule_text reads a core off its forms).
LAM_PREFIXES = _LAM

# Tashkeel (U+064B–U+065F), superscript alef and tatweel: gone before padding, so that folded and unfolded
# padded texts have the same byte offsets (every fold below maps a two-byte Arabic letter to another).
# Dropped, and Persian letters mapped, in one pass over single characters. Not presentation forms: the bodies are
# canonical text already (tasks.normalize.canonical_text), and their 715 keys made this pass half as slow again.
_UNMARK = {chr(c): "" for c in (*range(0x064B, 0x0660), 0x0670, 0x0640)} | PERSIAN_TO_ARABIC
# A tatweel standing alone between words is a dash (بيروت ـ من فتحي محمود ـ القدس), not a letter's stretch; and
# the body's own \x01 and \x02, the placeholders plain_text writes for breaks, are spaces.
_TATWEEL_DASH = {" \u0640 ": " - ", "\x01": " ", "\x02": " "}
# Compass words before a country (جنوب لبنان، شمال العراق): both corpora's annotators leave them out of the
# country's span (ANERcorp lines 1–60,000: جنوب لبنان 7 of 7, شمال إسرائيل 4 of 4, جنوب العراق 3 of 3;
# Wojood train.txt: شرق سوريا، شمال العراق), so a listed name of that shape is a mention of the country.
# Not before a continent: Wojood tags وشمال إفريقيا whole, as a region.
_COMPASS = ("شمال", "جنوب", "شرق", "غرب", "وسط")


def where(matched: str) -> list[pl.Expr]:
    """Where a mention lies: its article (article_id, key), byte start, and the byte length of the text matched."""
    return [
        pl.col("article_id"),
        pl.col("key"),
        pl.col("start").cast(pl.Int64),
        pl.col(matched).str.len_bytes().cast(pl.Int64).alias("length"),
    ]


def tolerant(folded: str) -> str:
    """A regex for a folded word that accepts any spelling folding to it (hamza, ى, ة)."""
    classes = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]"}
    return "".join(classes.get(ch, ch) for ch in folded).replace(" ", "  ")


# Punctuation that ends a clause, and line breaks: a name never runs across one; nor across a closing bracket
# or quotation mark ((سلمان) أسوة). Not an opening one, which often holds a name after the word that cues it
# (صحيفة «الوطن»، جريدة (الجزيرة)).
_BREAKS = r"\n\r\t،,؛;:!?؟…)\]}»”"
_NOT_WORD = r"[^\p{L}\p{N}]"
# A run of non-letters holding a break, or a full stop with anything else (not the lone dot of إتش.إس.بي.سي).
_BREAK_RUN = rf"{_NOT_WORD}*[{_BREAKS}]{_NOT_WORD}*|{_NOT_WORD}*(?:\.{_NOT_WORD}+|{_NOT_WORD}+\.){_NOT_WORD}*"
# What a break becomes in the plain text: a word of its own, which no name, title or rule word is.
BREAK = "|"
# Opening brackets and dashes with a space beside them (جيرالد أوهارا (مالك, عاطف فتحي - صالح الحمصي, بيروت ـ من
# فتحي محمود ـ القدس): no name runs across one, but a nationality or an outlet's cue may stand before one
# (الفرنسي (إميل دوركايم)، صحيفة (الوطن)). Not one inside a word (بي-بي-سي), and not a closing one of _BREAKS,
# which is a break. Not quotation
# marks: they open a name after a head noun (تنظيم «القاعدة»، منظمة "هيومن رايتس ووتش"), which the head rule
# reads across (on the SaudiNewsNet articles, as soft breaks they cost 20 such rows).
_SOFT_MARKS = r"(\[{\-–—"
_SOFT_RUN = rf"[^\p{{L}}\p{{N}}\x01]*(?:\s[{_SOFT_MARKS}]|[{_SOFT_MARKS}]\s)[^\p{{L}}\p{{N}}\x01]*"
# What such a run becomes: a word of its own, as BREAK is, which the rules that read a name after a cue skip.
# Written with BREAK's character, which no letter class of the rules' regexes takes in: a new character there
# grew their lazy DFA past its cache on real news (the title scan of the SaudiNewsNet articles 0.14 s → 0.30 s).
SOFT_BREAK = BREAK * 2
# A soft break between a cue and the name it cues (الفرنسي (إميل دوركايم)، صحيفة (الوطن)), in a rule's regex: skipped.
# Not after a title: there it took 4 rows on the SaudiNewsNet articles, 3 of them wrong (مطلب شعبي), and doubled
# the title scan's time (its lazy DFA outgrew its cache).
AFTER_A_CUE = rf"(?:{re.escape(SOFT_BREAK)}  )?"


def plain_text(text: pl.Expr) -> pl.Expr:
    """Body without marks, Persian letters mapped, every run of non-letters a double space, padded; a run
    that ends a clause (tasks.gazetteer._BREAKS) is the word BREAK between double spaces, and one with an opening
    bracket or a dash beside a space (_SOFT_RUN) the word SOFT_BREAK."""
    unmarked = text.str.replace_many(_TATWEEL_DASH | _UNMARK, leftmost=True)
    broken = unmarked.str.replace_all(_BREAK_RUN, "\x01").str.replace_all(_SOFT_RUN, "\x02")
    # Most runs of non-letters are one space between words: replacing each by regex was the dearest step.
    # Only the other runs (longer, or one other character) go through the regex, to one space (a run takes every
    # non-letter up to the next letter or break, so no space is left beside it), then every space becomes two.
    marked = broken.str.replace_all(r"[^\p{L}\p{N}\x01\x02]{2,}|[^\p{L}\p{N} \x01\x02]", " ")
    words = (
        marked.str.replace_all(" ", "  ", literal=True)
        .str.replace_all("\x01", f"  {BREAK}  ", literal=True)
        .str.replace_all("\x02", f"  {SOFT_BREAK}  ", literal=True)
    )
    return pl.lit("  ") + words + pl.lit("  ")


def fold_plain(plain: pl.Expr) -> pl.Expr:
    """fold_for_matching of a plain_text, which has no marks left to drop."""
    return fold_letters(plain)


def with_clitics(name: pl.Expr) -> pl.Expr:
    """Every prefixed form of a folded name, as a list."""
    plain = [pl.lit(c) + name for c in _CLITICS]
    # ل + ال keeps the article's lam (للعراق), which a noun opening with ل absorbs as well: ل + اللاذقية is
    # للاذقية, ل + اللجنة للجنة (written لللاذقية, these forms were searched and never found).
    article = pl.when(name.str.starts_with("الل")).then(pl.lit("")).otherwise(pl.lit("ل"))
    lam = [
        pl.when(name.str.starts_with("ال")).then(pl.lit(c) + article + name.str.slice(2)).otherwise(pl.lit(c) + name)
        for c in _LAM
    ]
    return pl.concat_list([*plain, *lam])


# A kunya's أبو is declined: أبو مازن, عن أبي مازن, إن أبا مازن (folded ابو, ابي, ابا) are one name.
_KUNYA = r"(^|\s)([أا])ب[وايى](\s)"


def kunya_cases(folded: pl.Expr) -> pl.Expr:
    """A folded name in each case of its kunya (ابو، ابي، ابا), as a list; a name without one as itself."""
    cases = pl.concat_list([folded.str.replace_all(_KUNYA, f"${{1}}${{2}}{end}${{3}}") for end in ("بو", "بي", "با")])
    return pl.when(folded.str.contains(_KUNYA)).then(cases).otherwise(pl.concat_list(folded))


def kunya_nominative(name: pl.Expr) -> pl.Expr:
    """A name (written or folded) with its kunya as أبو: the spelling its cases are known by."""
    return name.str.replace_all(_KUNYA, "${1}${2}بو${3}")


def word_of_its_own(form: pl.Expr, name: pl.Expr) -> pl.Expr:
    """Whether a one-word name's clitic form (كريم for ك + ريم) is a word of its own in the training text.

    It is when it is a given name or a common word there, or a name word seen more often than the bare
    name (كريم 8 times, ريم once; وبلير, rarer than بلير, is Blair with و), or a plain word of real news
    (بريد "mail", not ب + ريد: the `news` words): that form is read as the whole word it spells, never as
    the name with a clitic.
    """
    seen = times_seen()
    form_seen = form.replace_strict(seen["word"], seen["seen"], default=0)
    name_seen = name.replace_strict(seen["word"], seen["seen"], default=0)
    return (
        (form != name)
        & ~name.str.contains(" ")
        & (
            form.is_in(word_series(_given_or_plain()))
            | (form.is_in(word_series(name_words()["name"])) & (form_seen > name_seen))
        )
    )


@cache
def _given_or_plain() -> frozenset[str]:
    """Given names, common words of the training text and plain words of real news, one set per process (a Python
    list of them, made into a Series at every call, cost ~2 ms each time)."""
    lists = name_words()
    return frozenset(lists["given"] | lists["common"] | lists["news"])


def as_pattern(form: pl.Expr) -> pl.Expr:
    """` form ` with single spaces inside doubled, as it occurs in the padded text."""
    return pl.lit(" ") + form.str.replace_all(" ", "  ") + pl.lit(" ")


@cache
def patterns() -> pl.DataFrame:
    """One row per searchable form: ` form ` (spaces around, doubled inside) to its entity.

    A form shared by two entities is ambiguous and left out rather than guessed.
    """
    names = (
        gazetteer()
        .with_columns(name=pl.concat_list(pl.col("canonical"), pl.col("variants")))
        .explode("name")
        .filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
        .with_columns(name=fold_for_matching(pl.col("name")).str.replace_all(r"[^\p{L}\p{N}]+", " "))
        # Each spelling with عبد apart from the word it links and joined to it (عبد الفتاح السيسي، عبدالفتاح السيسي).
        .with_columns(name=pl.concat_list("name", abd_apart(pl.col("name")), abd_joined(pl.col("name"))).list.unique())
        .explode("name")
        .with_columns(name=kunya_cases(pl.col("name")))
        .explode("name")
        .with_columns(form=with_clitics(pl.col("name")))
        .explode("form")
        .filter(~word_of_its_own(pl.col("form"), pl.col("name")))
        .select(
            pattern=as_pattern(pl.col("form")),
            entity=pl.col("canonical"),
            entity_type=pl.col("type"),
            name_en=pl.col("name_en"),
            # Only a curated or geographic name (one with an English name): a mined spelling may carry a
            # clitic itself (وليبيريا, لفرانس برس), and is no better reading than the clitic form it shares.
            whole=(pl.col("form") == pl.col("name")) & pl.col("name_en").is_not_null(),
        )
        .sort("whole", descending=True)
        .unique(["pattern", "entity"], keep="first", maintain_order=True)
    )
    # A form that is a listed name as written and another's with a clitic (بكين: Beijing, or ب + كين) is
    # read as the whole word; any other shared form is ambiguous.
    whole = pl.col("entity").filter("whole").n_unique().over("pattern")
    unambiguous = names.filter(
        (pl.col("entity").n_unique().over("pattern") == 1) | (pl.col("whole") & (whole == 1))
    ).drop("whole")
    # Longest first: among matches starting at the same place, the first listed pattern wins.
    ordered = unambiguous.sort(pl.col("pattern").str.len_chars(), "pattern", descending=[True, False])
    return ordered.with_columns(skip=_compass_skip(ordered))


def _compass_skip(table: pl.DataFrame) -> pl.Series:
    """Per pattern, the bytes its mention starts later: a compass word and its clitic before a country.

    جنوب لبنان is matched whole (the analyst still sees South Lebanon) but its mention is the span of
    لبنان, as the corpora tag it; not for a state named so (جنوب السودان، جنوب أفريقيا).
    """
    words = pl.col("pattern").str.strip_chars(" ").str.split("  ")
    first = words.list.first()
    rest = as_pattern(words.list.slice(1).list.join(" "))
    compass = [c + d for d in _COMPASS for c in PREFIXES]
    states = sorted(state_names())
    countries = table.filter(pl.col("entity").is_in(states))["pattern"].implode()
    shifted = (
        (pl.col("entity_type") == "LOC")
        & first.is_in(compass)
        & (words.list.len() >= 2)
        & rest.is_in(countries)
        & ~pl.col("entity").is_in(states)
    )
    return table.select(
        pl.when(shifted).then(first.str.len_bytes() + 2).otherwise(0).cast(pl.Int64).alias("skip")
    ).to_series()


@cache
def pattern_stages() -> tuple[pl.DataFrame, Stages]:
    """The gazetteer patterns as spelt_runs reads them, made once per process: each pattern's first word (word,
    read) and the spelling_stages of the patterns' words, with their rows of patterns (entity, skip …).

    The words are what is between the pattern's two padding spaces: a spelling ending on a mark (محمد ب.، جمهورية
    الصين (تايوان)) ends on an empty word, which only a mark's run at the end of a text matches.
    """
    inside = pl.col("pattern").str.slice(1, pl.col("pattern").str.len_chars() - 2)
    spellings = patterns().with_columns(words=inside.str.split("  "))
    openings = spellings.select(word=pl.col("words").list.first().unique()).with_columns(read="word")
    return openings, spelling_stages(spellings)


def gazetteer_mentions(text: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """Gazetteer matches in the texts, whose words text_words laid out (`words`): article_id, key, start (byte
    offset in padded text), length, entity, entity_type, name_en.

    Read left to right, the longest pattern starting at a word wins, and the next match starts after it: what
    one leftmost-first Aho–Corasick scan with the patterns longest first found (two scans, for the patterns and
    their starts, took 0.25 s on the SaudiNewsNet articles; the joins 0.13 s).
    """
    openings, stages = pattern_stages()
    longest = (
        spelt_runs(words, openings, stages)
        .sort("at", "n", descending=[False, True])
        .unique("at", keep="first", maintain_order=True)
    )
    return (
        _left_to_right(longest)
        .join(text.select("key", "article_id"), on="key", how="left")
        .select(
            "article_id",
            "key",
            start=pl.col("start").cast(pl.Int64) + pl.col("skip"),
            length=pl.col("pattern").str.len_bytes().cast(pl.Int64) - pl.col("skip"),
            entity="entity",
            entity_type="entity_type",
            name_en="name_en",
        )
        .sort("key", "start")
    )


def _left_to_right(found: pl.DataFrame) -> pl.DataFrame:
    """The matches (one per first word, `at`, in order; n words long) kept reading left to right: each one that
    starts inside the last kept one is dropped."""
    stop = pl.col("at") + pl.col("n")
    kept = pl.repeat(True, found.height, eager=True)
    # Each pass settles at least the next undecided match (the first is always kept), so this ends; matches
    # overlap in short chains, and two or three passes settle them all.
    while True:
        reach = found.select(pl.when(kept).then(stop).otherwise(0).cum_max().shift(1, fill_value=0)).to_series()
        now = found["at"] >= reach
        if now.equals(kept):
            return found.filter(kept)
        kept = now
