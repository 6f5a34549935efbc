"""What the name rules share: a name's letters, the titles that introduce one, the words that end or link one, a
rule's matches read once per distinct text, and a read name's searchable forms (tasks.occurrences finds them).
"""

import re
from collections.abc import Callable
from functools import cache

import polars as pl

from tasks.gazetteer import BREAK, LAM_PREFIXES, PREFIXES, as_pattern, kunya_cases, with_clitics, word_of_its_own
from tasks.normalize import fold_string

# A letter of a name, in the plain text (tasks.gazetteer.plain_text), which holds only letters, digits, the
# double spaces between words, the break word (|) where a clause ends and the soft break (||) at an opening
# bracket or a dash: so anything but those. A class of a few bytes keeps the scans' lazy DFA small: a Unicode
# class (\p{L}, or Arabic and Latin letters) made it outgrow its cache on real news (the 8,978 SaudiNewsNet
# articles: titles 0.49 s → 0.13 s, given names 0.62 s → 0.20 s, the same matches; [^ \p{N}] took 3.2 s and
# 7.3 s).
LETTER = rf"[^ {re.escape(BREAK)}0-9٠-٩۰-۹]"
# Words that end a name read after a title: particles, common verbs of reporting, time words.
STOP_WORDS = (
    "في من الي علي عن مع ان انه ان لا ما قد كان كانت قال قالت اكد اكدت اعلن اعلنت اضاف اشار ذكر اوضح "
    "يوم امس اليوم خلال بعد قبل عند حيث التي الذي الذين اللذان اللذين اللتان اللتين اللاتي اللواتي اللائي "
    "هو هي ثم او و بين حول منذ وقال واكد واضاف انما "
    "لدي ضد عبر اثناء يقول يري دعا بان بانه الا اما لقد وان فان "
    # Blessings after a name (حفظه الله، رحمه الله، أيده الله، رضي الله عنه، صلى الله عليه), and "praised his
    # Lord" (حمد ربه): they follow a name, never make one.
    "حفظه حفظها حفظهم حفظهما يحفظه رعاه رعاها رعاهم يرعاه رحمه رحمها رحمهم يرحمه ايده ايدهم "
    "رضي صلي صلوات ربه ربها ربهم ربك ربي ربنا"
)
NAME_STOPS = frozenset(STOP_WORDS.split())
# Titles and roles written before a person's name (folded spelling; hamza and ta marbuta are tolerated): they
# introduce a person, and end the name before them (محمد الشيخ خليفة …).
TITLES = (
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
    # ركن, "staff", after a rank is part of it (اللواء ركن خالد الحربي).
    "الفريق ركن",
    "الفريق اول ركن",
    "اللواء ركن",
    "العميد ركن",
    "العقيد ركن",
    "المقدم ركن",
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


@cache
def one_word_titles() -> frozenset[str]:
    """The titles of one word, folded: the next person's title ends a name, or an organization's (… المهندس)."""
    return frozenset(fold_string(t) for t in TITLES if " " not in t)


# Nouns of places and institutions (folded): after a title they open the place or body it heads, not a person
# (أمير منطقة نجران، رئيس شركة الكهرباء، محافظ محافظة تعز، مدير عام فرع الهيئة); the training text is too small to
# list them.
_INSTITUTIONS = (
    "منطقه محافظه اماره مدينه ولايه قضاء ناحيه بلديه قريه حي شارع سوق ميناء مطار جزيره اقليم "
    "شركه مؤسسه هيئه مجلس وزاره مديريه اداره قسم دائره مكتب مصلحه جهاز قياده قوات جيش شرطه "
    "محكمه نيابه سفاره قنصليه جامعه كليه مدرسه معهد مستشفي مركز بنك صندوق حزب حركه جبهه منظمه جمعيه "
    "لجنه اتحاد نادي فريق منتخب برنامج مشروع مهرجان مسابقه بطوله دوري كاس مجموعه غرفه فرع رئاسه امانه وكاله قطاع"
)
INSTITUTION_WORDS = frozenset(_INSTITUTIONS.split())
# Words before a father's name: son of, daughter of (بن راشد، بنت عبد العزيز).
SON_OF = ("بن", "ابن", "بنت")
# Words after which a person's name goes on with the father's or the family's names (بن، ابن، بنت، folded آل).
FATHER_OR_FAMILY = (*SON_OF, "ال")
# Words that link a name to the next word of it: بن راشد، ولد الشيخ (Mauritanian names)، آل مكتوم (folded ال)، عبد الله،
# أبو مازن، أبي وقاص، أبا الخيل.
NAME_LINKS = (*SON_OF, "ولد", "ابو", "ابي", "ابا", "ام", "ال", "عبد")
NAME_CONNECTORS = frozenset({*NAME_LINKS, "اية"})
# Prefix clitics a rule accepts before a name or a head noun: و ف ب ل ك alone, and their pairs.
CLITIC_LETTERS = "وفبلك"
CLITIC_PAIRS = ("وب", "فب", "وك", "ول", "فل")
CLITICS = (*CLITIC_LETTERS, *CLITIC_PAIRS)
# Single letters first, as written in the rules' regexes since they were first written.
CLITIC = f"[{CLITIC_LETTERS}]|" + "|".join(CLITIC_PAIRS)


def matches(
    text: pl.DataFrame, column: str | tuple[str, ...], read: Callable[[pl.DataFrame], pl.DataFrame]
) -> pl.DataFrame:
    """Every match of a rule (its column of rule_scans, or several's) in each text (article_id, key), with what
    `read` makes of it.

    `read` gets one row per distinct match text (in column name) and rule (the column it came from, in column
    rule) and reads each row alone; a title and name, or a head noun and what follows, recur across a batch,
    so each distinct one is read once and its rows joined back to every match, in the matches' order.
    """
    columns = (column,) if isinstance(column, str) else column
    found = (
        pl.concat([text.select("article_id", "key", match=c, rule=pl.lit(c)) for c in columns])
        .explode("match")
        .drop_nulls("match")
    )
    distinct = found.select("match", "rule").unique().with_columns(name=pl.col("match"))
    return found.join(read(distinct), on=["match", "rule"], how="inner", maintain_order="left").drop("match", "rule")


def forms_of(names: pl.DataFrame, column: str) -> pl.DataFrame:
    """One row per searchable form (kunya cases and clitics added, padded) of each row's folded name in `column`.

    Each row also has its form's core: the padded form without a clitic or the space before it, which is
    what occurrences searches for.
    """
    return _with_clitics(_kunya_cores(names, column), column)


def cores_of(names: pl.DataFrame, column: str) -> pl.DataFrame:
    """forms_of, but for a name of two words or more one row per kunya case, with its core and a null form.

    Such a name is searched by its core (occurrences) and found_in_own_article tells its clitic forms from the
    matches, so they are not written out: 205,502 rows for the 22,868 names the rules read in the SaudiNewsNet
    articles, most of the time of forms_of.
    """
    cased = _kunya_cores(names, column)
    several = pl.col("core").str.contains("  ")
    return pl.concat(
        [
            _with_clitics(cased.filter(~several), column),
            cased.filter(several).with_columns(form=pl.lit(None, dtype=pl.String)),
        ]
    )


def _kunya_cores(names: pl.DataFrame, column: str) -> pl.DataFrame:
    """One row per kunya case (form) of each row's folded name in `column`, with its core."""
    return (
        names.with_columns(form=kunya_cases(pl.col(column)))
        .explode("form")
        .with_columns(core=as_pattern(pl.col("form")).str.slice(1))
    )


def _with_clitics(cased: pl.DataFrame, column: str) -> pl.DataFrame:
    """One row per clitic form (padded) of each kunya case (form) of _kunya_cores."""
    # A one-word name's clitic form that is a word of its own (لصالح "in favour of" for صالح) is not one.
    return (
        cased.with_columns(form=with_clitics(pl.col("form")))
        .explode("form")
        .filter(~word_of_its_own(pl.col("form"), pl.col(column)))
        .with_columns(form=as_pattern(pl.col("form")))
    )


def _spelt_cores(form: pl.Expr) -> list[tuple[pl.Expr, pl.Expr]]:
    """Where `form` is a clitic form (with_clitics, padded) of a core of two words or more, and that core: one
    (condition, core) for each way to read a clitic off (conditions met at once give distinct cores).

    A form is a clitic and a core, but for ل and its pairs before the article: ل + ال is لل (للعراق), and a core
    opening with الل loses its alef and the article's lam (ل + اللجنة = للجنة).
    """
    rest = form.str.slice(1)
    read = [(rest.str.starts_with(c), rest.str.slice(len(c))) for c in PREFIXES if c not in LAM_PREFIXES]
    for c in LAM_PREFIXES:
        after = rest.str.slice(len(c))
        lam = rest.str.starts_with(c)
        read += [
            (lam & ~after.str.starts_with("ال"), after),
            (lam & after.str.starts_with("ل") & ~after.str.starts_with("لل"), pl.lit("ا") + after),
            (lam & after.str.starts_with("ل"), pl.lit("ال") + after),
        ]
    return read


def batch_start(start: str = "start") -> pl.Expr:
    """A byte offset (column `start`) made unique across the batch, the article's key in its high bits.

    So a running maximum of ends, or the next start, needs no window per article: another article's offsets are
    all below or all above this article's, and compare as no earlier or no later mention would.
    """
    return pl.col("key").cast(pl.Int64) * (1 << 32) + pl.col(start)


def folded_bytes(found: pl.DataFrame, text: pl.DataFrame, offset: pl.Expr, length: pl.Expr | int) -> pl.Series:
    """The bytes of each row's folded text (by key) from `offset` (expressions of `found`'s columns), `length` long.

    What stands next to a match in the padded text; byte offsets, so a cut may fall inside a letter.
    """
    return (
        found.join(text.select("key", "folded"), on="key", how="left", maintain_order="left")
        .select(pl.col("folded").cast(pl.Binary).bin.slice(offset, length))
        .to_series()
    )


def found_in_own_article(found: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Where each article's own forms occur in it: the rows of `forms` matched, with `start`, of the occurrences
    `found` (of these forms and maybe others: one scan serves every reading).

    A match is kept only where its article owns that form: what an article yields never depends on which
    other articles share its batch, or on what else was searched with its forms.
    """
    written = found.join(forms.drop_nulls("form"), on=["key", "form"], how="inner")
    # A name of cores_of with no form written: the cores each match of two words or more spells, joined to it.
    cored = forms.filter(pl.col("form").is_null()).drop("form")
    spelt = found.filter(pl.col("form").str.contains("  "))
    # One frame per way to read a clitic off: a list of candidate cores made with when/then took 8 times as long.
    candidates = pl.concat([spelt.filter(when).with_columns(core=core) for when, core in _spelt_cores(pl.col("form"))])
    by_core = candidates.join(cored, on=["key", "core"], how="inner")
    return pl.concat([written, by_core.select(written.columns)])


def found_anywhere(found: pl.DataFrame, forms: pl.DataFrame) -> pl.DataFrame:
    """Where any of `forms` occurs in any text of the batch: the rows of `forms` matched, with key and start, of the
    occurrences `found` (of these forms and maybe others).

    Unlike found_in_own_article, what an article yields depends on its batch.
    """
    return found.join(forms, on="form", how="inner")


def leading_run(words: pl.Series, fits: Callable[[pl.Expr], pl.Expr]) -> pl.Series:
    """How many of each list's words (a Series of lists) fit, from its first up to the first that does not.

    `fits` makes a boolean expression of the column of all lists' words laid end to end; it may read a word's
    place in its list (place_in_list) and its neighbours there (earlier, later, first_in_list). Flat columns,
    not list.eval: that ran each step that is not word by word once per list (4 times slower on the 31,500
    names the rules read in the SaudiNewsNet articles).
    """
    flat = pl.DataFrame({"row": pl.int_range(words.len(), dtype=pl.UInt32, eager=True), "word": words})
    opens = (pl.col("row") != pl.col("row").shift(1)).fill_null(True)
    flat = flat.explode("word", empty_as_null=True).with_columns(
        first=pl.when(opens).then(pl.int_range(pl.len())).forward_fill()
    )
    misfit = (~fits(pl.col("word")).fill_null(False)).cast(pl.UInt32).alias("misfit")
    flat = flat.with_columns(misfit).with_columns(misfits=pl.col("misfit").cum_sum())
    # Misfits from the list's first word up to this one: none, and the word is one of the leading run.
    misfits_so_far = pl.col("misfits") - first_in_list(pl.col("misfits")) + first_in_list(pl.col("misfit"))
    leading = (misfits_so_far == 0) & pl.col("word").is_not_null()
    counted = flat.with_columns(leading=leading).group_by("row", maintain_order=True).agg(pl.col("leading").sum())
    return counted["leading"].alias(words.name)


def place_in_list() -> pl.Expr:
    """In leading_run's `fits`: the word's place in its list, from 0."""
    return pl.int_range(pl.len()) - pl.col("first")


def first_in_list(value: pl.Expr) -> pl.Expr:
    """In leading_run's `fits`: the value at the first word of the word's list."""
    return value.gather(pl.col("first"))


def earlier(value: pl.Expr, by: int = 1) -> pl.Expr:
    """In leading_run's `fits`: the value `by` words before, in the word's list (null before its first)."""
    return pl.when(place_in_list() >= by).then(value.shift(by))


def later(value: pl.Expr) -> pl.Expr:
    """In leading_run's `fits`: the value at the next word of the word's list (null after its last)."""
    return pl.when(pl.col("row").shift(-1) == pl.col("row")).then(value.shift(-1))
