"""Build tasks/reference/entities_generated.csv from public data in ../shared/data (run by hand).

    .venv/bin/python -m scripts.build_reference

Inputs, each credited in tasks/reference/NOTICE.md: countries (mledoze/countries), Iraqi governorates,
districts and subdistricts (m7amad-t/iraq_geo_data), major cities (jamsshhayd/world-cities-translations),
and names mined from the gold spans of ANERcorp lines 1–60,000 and Wojood train.txt (never from the
evaluation splits), and the hand-curated organizations.csv (clubs, outlets, companies, agencies) filtered
by the training text. The hand-curated tasks/reference/entities.csv is read, never written: a generated
name it already knows is left out, and a generated row never takes a spelling that it uses.
"""

import csv
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from functools import cache
from pathlib import Path

import polars as pl

from evaluation.entities import ANERCORP, ANERCORP_TYPES, TYPE_MAP, WOJOOD_TRAIN, Doc, make_doc, read_tagged
from tasks.normalize import abd_joined, fold_for_matching
from tasks.reference import curated_given_names
from tasks.rule_text import CLITICS, one_word_titles

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
REFERENCE = ROOT / "tasks" / "reference"
OUT = REFERENCE / "entities_generated.csv"
NAME_WORDS = REFERENCE / "name_words.csv"
# ANERcorp lines the build may read (1–60,000); the evaluation scores 60,001–120,000.
TRAIN_LINES = 60_000

# Mined names: seen at least this often as an entity, and tagged as one at least this share of the times
# the same words occur in the training text at all (so common words tagged once are left out).
MIN_COUNT = 2
# A name of two words or more is rarely a common phrase: once is enough when it is mostly tagged.
MIN_COUNT_LONG = 1
# ... unless every word of it is mostly a plain word (inside an entity at most this share of its uses).
MAX_ONCE_ENTITY_SHARE = 0.5
MIN_ENTITY_SHARE = 0.5
MIN_TYPE_SHARE = 0.8
MIN_SURNAME = 2
# Given names: the first word of a tagged person at least this often, and opening a person at least this
# share of the times the word occurs at all. Common words: seen at least this often, inside an entity
# at most this share of the times; a name read by the person rule stops at one.
MIN_GIVEN = 2
MIN_GIVEN_SHARE = 0.5
MIN_COMMON = 3
# Organization heads (حزب، بلدية، منظمة): the first word of a tagged organization of two words or more
# at least this often and this share of all their uses.
MIN_HEAD = 3
MIN_HEAD_SHARE = 0.6
MIN_HEAD_NAMES = 3
MAX_COMMON_ENTITY_SHARE = 0.1
# Words no bare surname stands for across a batch: seen at least this often in the training text, and
# inside a person's name less than this share of the times (a place's or organization's word, a plain word).
MIN_OTHER = 2
MAX_OTHER_PERSON_SHARE = 0.5
# Place names from the geographic lists are dropped when the training text uses them as plain words.
MAX_PLAIN_SHARE = 0.5
# A one-word person's other form (with or without ال) seen this often in real news makes it a plain word.
MIN_NEWS_OTHER = 3
# A town under this population whose name is a word of real news is left out (a capital never is).
MIN_PLAIN_CITY = 500_000
# Cities: any city this large, or any city this large in the region the news covers.
WORLD_POPULATION = 1_000_000
REGION_POPULATION = 100_000
REGION = {
    "IQ", "SY", "LB", "JO", "PS", "IL", "SA", "KW", "BH", "QA", "AE", "OM", "YE", "EG", "LY", "TN", "DZ",
    "MA", "SD", "IR", "TR", "AF", "PK", "MR", "SO", "DJ",
}  # fmt: skip
# Countries the cities file names as mledoze/countries does not (folded).
_CITY_COUNTRIES = {"الارض الفلسطينيه المحتله": "PS"}
# Words that are never a name on their own, whatever a corpus tagged.
_STOP_WORDS = (
    "في من الى إلى على عن مع أن ان إن لا ما قد كان قال يوم امس أمس اليوم بعد قبل عند التي الذي هو هي "
    "بين حول منذ ضد عبر شمال جنوب شرق غرب وسط مدينة دولة ولاية محافظة قرية بلدة جمهورية مملكة منطقة "
    "حكومة وزارة وزير رئيس الرئيس شركة مجلس حزب جامعة الدولة الحكومة العاصمة البلاد المدينة الشعب "
    # Place names (mostly Baghdad quarters and small towns) that are first of all common words.
    "الحي الدورة الوحدة الحرية الامام الإمام المشروع البيضاء الجزيرة الأمين الغدير الرشيد القاسم "
    "الحمزة التأميم السلام النصر الكرامة الخضر بلد الدور الديار المدينة الشعلة البنوك الصالحية"
)
STOP = set(_STOP_WORDS.split())
# Kurdish and Persian letters that Arabic spelling does not use (ی and ک are mapped, not refused).
NOT_ARABIC = re.compile(r"[ەێۆڕڵڤپچگژھۊۇ]")
# Lexicon entries that are credits, not organizations ("agencies", "compiled"), or first of all something
# else: بنا is a common word ("with us"), قنا an Egyptian city, الأناضول Anatolia.
NOT_AN_ORGANIZATION = {"وكالات", "متابعات", "بنا", "قنا", "الأناضول"}
# A one-word definite name ending like an adjective (الرياضية، الاقتصادية) is an adjective first.
ADJECTIVE = re.compile(r"^ال\S+(?:ي|ية|يه)$")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
ADMIN_PREFIX = re.compile(r"^(?:محافظة|قضاء|ناحية|ولاية|مدينة|مقاطعة|إقليم|اقليم) ")
# City rows whose Arabic name is an institution, not the city (the file links some cities wrongly).
NOT_A_CITY = re.compile(r"(?:ملعب|نادي|ستاد|مطار|جامعة|فندق|مستشفى|كنيسة|مسجد|قلعة|متحف|جسر|شركة)")
FIRST_LETTER = {
    "ا": "aeiou", "أ": "aeiou", "إ": "ie", "آ": "a", "ب": "bp", "ت": "t", "ث": "t", "ج": "gjy", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dz", "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "dz", "ع": "aeiou", "غ": "g", "ف": "fpv", "ق": "qkg", "ك": "kcq", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "wvo", "ي": "yjie",
}  # fmt: skip


def fold_all(names: list[str]) -> list[str]:
    """fold_for_matching over a list, words separated by single spaces (the key two spellings share)."""
    if not names:
        return []
    folded = (
        pl.Series(names, dtype=pl.String)
        .to_frame("n")
        .select(fold_for_matching(pl.col("n")).str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars())
    )
    return folded.to_series().to_list()


def name_keys(names: list[str]) -> list[str]:
    """The key two spellings of one name share: fold_all's, with عبد joined to the word it links (عبدالله)."""
    joined = pl.Series(fold_all(names), dtype=pl.String).to_frame("n").select(abd_joined(pl.col("n")))
    return joined.to_series().to_list()


class Gazetteer:
    """Generated rows keyed by folded spelling, refusing any spelling the curated list or another row has."""

    def __init__(self, curated: list[dict[str, str]]) -> None:
        """Start from the curated rows' spellings, which always win."""
        self.owner: dict[str, str] = {}
        self.type_of: dict[str, str] = {}
        for row in curated:
            spellings = [row["canonical"], *filter(None, row["variants"].split("|"))]
            for key in name_keys(spellings):
                self.owner[key] = row["canonical"]
            self.type_of[row["canonical"]] = row["type"]
        self.curated = {row["canonical"] for row in curated}
        self.rows: dict[str, dict[str, object]] = {}

    def knows(self, name: str) -> bool:
        """Whether any spelling folding like this one is already taken."""
        return name_keys([name])[0] in self.owner

    def add(self, canonical: str, kind: str, name_en: str, variants: list[str], source: str) -> None:
        """Add a row (or variants to a known row of the same type); spellings already taken are skipped."""
        keys = name_keys([canonical, *variants])
        owner = self.owner.get(keys[0])
        if owner is not None and self.type_of.get(owner) != kind:
            return
        target = owner or canonical
        if target not in self.rows and owner is None:
            self.rows[target] = {"canonical": canonical, "type": kind, "name_en": name_en, "variants": []}
            self.type_of[target] = kind
        elif target not in self.rows:
            # Extra spellings for a curated entity: a row with the curated canonical name and type.
            self.rows[target] = {"canonical": target, "type": kind, "name_en": "", "variants": []}
        row = self.rows[target]
        for spelling, key in zip([canonical, *variants], keys, strict=True):
            if key and key not in self.owner:
                self.owner[key] = target
                if spelling != row["canonical"]:
                    row["variants"].append(spelling)  # type: ignore[attr-defined]
        # A country's row stays marked as one when other sources add spellings to it.
        if row.get("source") != "countries":
            row["source"] = source

    def write(self, path: Path) -> int:
        """Write the rows sorted by type and name; returns how many."""
        rows = sorted(self.rows.values(), key=lambda r: (str(r["type"]), str(r["canonical"])))
        # A curated entity with no new spelling gets no row, but for a country: the row says it is one
        # (tasks/gazetteer.py reads which names are states).
        rows = [r for r in rows if r["variants"] or r["canonical"] not in self.curated or r["source"] == "countries"]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["canonical", "type", "name_en", "variants", "source"])
            for row in rows:
                variants = "|".join(row["variants"])  # type: ignore[arg-type]
                writer.writerow([row["canonical"], row["type"], row["name_en"], variants, row["source"]])
        return len(rows)


@cache
def training_docs(anercorp_lines: int = TRAIN_LINES) -> list[Doc]:
    """The training text: ANERcorp's first lines as one document, Wojood train.txt one per sentence."""
    documents = []
    lines = ANERCORP.read_text(encoding="utf-8").splitlines()[:anercorp_lines]
    documents.append(make_doc(*read_tagged(lines), ANERCORP_TYPES))
    for block in WOJOOD_TRAIN.read_text(encoding="utf-8").split("\n\n"):
        documents.append(make_doc(*read_tagged(block.splitlines()), TYPE_MAP))
    return documents


def training_stats(
    anercorp_lines: int = TRAIN_LINES,
) -> tuple[Counter[tuple[str, str]], Counter[str], dict[str, Counter[str]]]:
    """From the training splits: entity spans (key, type) counted, every n-gram counted, spellings per key."""
    documents = training_docs(anercorp_lines)
    spans: Counter[tuple[str, str]] = Counter()
    grams: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in documents:
        words = fold_all(doc.tokens)
        for n in range(1, 5):
            for i in range(len(words) - n + 1):
                grams[" ".join(words[i : i + n])] += 1
        for span in doc.gold:
            written = " ".join(doc.tokens[span.start : span.end])
            key = " ".join(words[span.start : span.end])
            spans[(key, span.label)] += 1
            spellings[key][written] += 1
    return spans, grams, spellings


# A clitic before the article: وال، بال، فال، كال are the clitic and ال, لل is ل and ال with one lam.
_ARTICLE_CLITICS = (("وال", "ال"), ("بال", "ال"), ("فال", "ال"), ("كال", "ال"), ("لل", "ال"))


def strip_clitic(
    key: str, known: set[str], given: frozenset[str], words: Mapping[str, Counter[str]], grams: Counter[str]
) -> str:
    """The name without a prefix clitic the corpora keep on the token, when the bare name is seen too, or
    when it is a person's name opening with و or ل on a given name (وأحمد حسام، لمحمد السعدني) that is no
    given name with the clitic (وسام), or a name of several words whose opening word is a word of names with a
    clitic (bare_openings, from the training text's word_stats `words`; `grams`, its n-grams counted).
    """
    for prefix, replacement in _ARTICLE_CLITICS:
        if key.startswith(prefix) and replacement + key[len(prefix) :] in known:
            return replacement + key[len(prefix) :]
    if key[:1] in "وبلفك" and key[1:] in known:
        return key[1:]
    first, _, rest = key.partition(" ")
    if rest and first[:1] in "ول" and first[1:] in given and first not in given:
        return key[1:]
    if not rest:
        return key
    # Of the bare forms, the one the training text writes most, whole or its first two words (اللجنة الوزارية for
    # للجنة الوزارية, لجنة القدس for للجنة القدس), else the first in bare_openings' order.
    bare = [f"{word} {rest}" for word in bare_openings(first, words)]
    return max(bare, key=lambda name: (grams[name], grams[" ".join(name.split(" ")[:2])]), default=key)


def bare_openings(first: str, words: Mapping[str, Counter[str]]) -> list[str]:
    """The opening word of a name without the prefix clitic the corpora keep on it, in each way that is a word of
    names: the bare word seen twice or more in the training text, more often than with the clitic, and inside an
    entity (ودول → دول، لمجلس → مجلس، والشرق → الشرق، للجنة → اللجنة or لجنة). A word that only looks like a clitic
    and a word keeps its letters: none (فيصل، كوفي، وادي، ليلى: يصل، وفي، ادي، يلي are in no entity)."""
    seen, inside = words["seen"], words["inside"]
    forms = [replacement + first[len(prefix) :] for prefix, replacement in _ARTICLE_CLITICS if first.startswith(prefix)]
    forms += [first[1:]] if first[:1] in "وبلفك" else []
    # ل before an article and a lam writes two lams, not three (ل + اللجنة = للجنة).
    forms += ["ال" + first[1:]] if first.startswith("لل") else []
    return [f for f in forms if seen[f] >= 2 and seen[f] > seen[first] and inside[f] >= 1]


def strip_written(spelling: str, key: str, bare: str) -> str:
    """The written spelling with the same clitic removed as from its folded key."""
    if bare == key:
        return spelling
    if key.startswith("لل") and bare.startswith("ال") and len(bare) == len(key):
        return "ال" + spelling[2:]
    if key.startswith("لل") and len(bare) == len(key) + 1:
        return "ا" + spelling  # ل + اللجنة was written للجنة
    return spelling[len(key) - len(bare) :]


def plain_share(key: str, spans: Counter[tuple[str, str]], grams: Counter[str]) -> float:
    """How often these words occur in the training text outside an entity, as a share of all occurrences."""
    total = grams.get(key, 0)
    tagged = sum(spans.get((key, t), 0) for t in ("LOC", "ORG", "PER"))
    return (total - tagged) / total if total else 0.0


def add_mined(gazetteer: Gazetteer, spans: Counter[tuple[str, str]], grams: Counter[str],
              spellings: dict[str, Counter[str]], common: set[str], given: set[str],
              stats: Mapping[str, Counter[str]]) -> int:  # fmt: skip
    """Names from the training gold spans that are frequent, mostly one type and mostly tagged.

    A name tagged once only is taken when it has two words or more and one of them is mostly inside
    entities (القوات العراقية, tagged once, is two mostly plain words: a description more than a name).
    A one-word person that is a given name (موسى، عماد) is anyone so named, and a one-word name whose other
    form is a word of real news (غريب، يوان، الحكيم; الهيئة، التنظيم، البورصة; بورصة، الريف، الحيرة) is a plain
    word or a family: neither is taken, nor a one-word place or organization that is a clitic on such a word
    (لاتحاد).
    """
    # A clitic comes off where the bare name is a gold span or a name the gazetteer already holds:
    # لفرانس برس is ل + فرانس برس (an agency), not a person's name.
    known = {key for key, _ in spans} | gazetteer.owner.keys()
    given_names = frozenset(given)
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for (key, label), count in spans.items():
        bare = strip_clitic(key, known, given_names if label == "PER" else frozenset(), stats, grams)
        by_key[bare][label] += count
        for spelling, n in spellings[key].items():
            written[bare][strip_written(spelling, key, bare)] += n
    titles = one_word_titles()
    # The last word of each listed person's spellings, and the people whose it is (بوتين: فلاديمير بوتين); the first,
    # each person's given names.
    surnames: dict[str, set[str]] = defaultdict(set)
    given_of: dict[str, set[str]] = defaultdict(set)
    for spelling, owner in gazetteer.owner.items():
        if " " in spelling and gazetteer.type_of[owner] == "PER":
            surnames[spelling.rsplit(" ", 1)[1]].add(owner)
            given_of[owner].add(spelling.split(" ", 1)[0])
    before = given_names_before({key for key in by_key if key in surnames}, given_names | curated_given_names())
    # عبد and the word it links are one word (عبد القوي is the given name عبدالقوي).
    joined = dict(zip(by_key, name_keys(list(by_key)), strict=True))
    added = 0
    for key, labels in sorted(by_key.items()):
        label, count = labels.most_common(1)[0]
        total = sum(labels.values())
        words = key.split()
        one_word = " " not in joined[key]
        if (
            total < (MIN_COUNT if len(words) == 1 else MIN_COUNT_LONG)
            or (total < MIN_COUNT and all(w in common for w in words))
            or count / total < MIN_TYPE_SHARE
            or len(key.replace(" ", "")) < 3
            or any(w in STOP for w in words)
            or words[-1] in {"ال"}
            or (grams.get(key, 0) and total / max(grams[key], total) < MIN_ENTITY_SHARE)
            # A one-word person name is a surname shared by many people: not a name on its own.
            or (label == "PER" and one_word and (total < MIN_SURNAME or joined[key] in given))
            or (len(words) == 1 and plain_in_news(key))
            # A clitic on such a word (لاتحاد: ل + اتحاد, "to a union") is no place or body either.
            or (label in ("LOC", "ORG") and len(words) == 1 and key[:1] in "وبلفك" and plain_in_news(key[1:]))
            # A place or body opening with a person's title is a name cut short (مستشفى الملك فيصل التخصصي, tagged
            # الملك فيصل ORG): alone, in news, it is the person.
            or (label in ("LOC", "ORG") and words[0] in titles)
            # Two listed names joined by و, tagged as one (فلسطين ولبنان، أوروبا والولايات المتحدة الأمريكية): matched
            # whole, it would hide both.
            or _two_listed(joined[key], gazetteer.owner.keys())
            or not written[key]
        ):
            continue
        canonical = written[key].most_common(1)[0][0]
        variants = [s for s, _ in written[key].most_common() if s != canonical]
        people = surnames.get(key, set()) if label == "PER" and one_word else set()
        if people:
            # A listed person's surname alone (بوتين) is that person, a spelling of theirs, where real news writes it
            # after no given name but theirs (فلاديمير); else it is anyone's (المالكي: نوري، رياض، صالح …; زيدان: زين
            # الدين and the listed فائق), and not guessed: the surname rules read it after a full name.
            person = next(iter(people)) if len(people) == 1 else None
            if person is not None and before[key] <= given_of[person]:
                gazetteer.add(person, label, "", [canonical, *variants], "mined")
                added += 1
            continue
        gazetteer.add(canonical, label, "", variants, "mined")
        added += 1
    return added


def _two_listed(key: str, listed: Collection[str]) -> bool:
    """Whether a name's key is two listed names' keys joined by و (فلسطين ولبنان)."""
    words = key.split()
    return any(
        word.startswith("و") and " ".join(words[:i]) in listed and " ".join([word[1:], *words[i + 1 :]]) in listed
        for i, word in enumerate(words)
        if i > 0
    )


@cache
def word_stats(anercorp_lines: int = TRAIN_LINES) -> dict[str, Counter[str]]:
    """Per folded word of the training text: times seen, inside an entity, inside a person, opening a person
    or an organization of two words or more (a clitic is taken off an opening word whose bare form is commoner).
    """
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    governed: dict[str, set[str]] = defaultdict(set)
    for doc in training_docs(anercorp_lines):
        words = fold_all(doc.tokens)
        stats["seen"].update(words)
        for span in doc.gold:
            stats["inside"].update(words[span.start : span.end])
            if span.label == "PER":
                stats["in_person"].update(words[span.start : span.end])
            if span.end - span.start > 1 and span.label in ("PER", "ORG"):
                stats[f"opens_{span.label}"][words[span.start]] += 1
            if span.end - span.start > 1 and span.label == "ORG":
                governed[words[span.start]].add(words[span.start + 1])
    seen = stats["seen"]
    # A head noun governs many names (بلدية نابلس، بلدية بيرزيت …); a word opening one name (مانشستر) is not one.
    stats["opens_ORG"] = Counter({w: n for w, n in stats["opens_ORG"].items() if len(governed[w]) >= MIN_HEAD_NAMES})
    for kind in ("opens_PER", "opens_ORG"):
        bare: Counter[str] = Counter()
        for word, count in stats[kind].items():
            bare[word[1:] if word[:1] in "وفبلك" and seen[word[1:]] > seen[word] else word] += count
        stats[kind] = bare
    openers = stats["opens_PER"].keys() | stats["opens_ORG"].keys()
    for word in list(seen):
        # An opening word's count includes its clitic forms, as the rules accept them.
        if word[:1] in "وفبلك" and word[1:] in openers and seen[word[1:]] > seen[word]:
            seen[word[1:]] += seen[word]
    # A token of marks alone folds to the empty word: no word of any list.
    for counts in stats.values():
        counts.pop("", None)
    return stats


def common_words(anercorp_lines: int = TRAIN_LINES, share: float = MAX_COMMON_ENTITY_SHARE) -> set[str]:
    """Words seen at least MIN_COMMON times in the training text and inside an entity at most `share` of them."""
    stats = word_stats(anercorp_lines)
    return {
        word for word, count in stats["seen"].items() if count >= MIN_COMMON and stats["inside"][word] / count <= share
    }


@cache
def news_texts() -> pl.DataFrame:
    """Real news: the SaudiNewsNet crawls' article texts (unannotated), one row each, as written."""
    texts: list[str] = []
    for day in sorted((DATA / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for member in archive.namelist():
                texts += [record["content"] for record in json.loads(archive.read(member)) if record.get("content")]
    return pl.Series("text", texts, dtype=pl.String).to_frame()


def _counts(words: pl.Expr) -> Counter[str]:
    """How often each word of real news that `words` (a list of words per text) yields occurs."""
    counted = news_texts().select(words.alias("word").explode()).to_series().value_counts()
    return Counter(dict(counted.iter_rows()))


# Real news folded, each run of non-letters one space: its words between single spaces.
_NEWS_FOLDED = fold_for_matching(pl.col("text")).str.replace_all(r"[^\p{L}]+", " ")


@cache
def news_words() -> Counter[str]:
    """How often each folded word occurs in real news."""
    return _counts(_NEWS_FOLDED.str.split(" "))


@cache
def tanwin_words() -> Counter[str]:
    """How often real news writes each folded word with the accusative's tanwin (فهماً، حفلاً: the fathatan)."""
    written = pl.col("text").str.extract_all(r"[\p{L}\p{M}]*\x{064B}[\p{L}\p{M}]*")
    return _counts(written.list.eval(fold_for_matching(pl.element()).str.replace_all(r"[^\p{L}]+", "")))


def given_names_before(surnames: Collection[str], given: Collection[str]) -> dict[str, set[str]]:
    """For each folded surname, the given names real news writes right before it (بوتين: فلاديمير; المالكي: نوري،
    رياض …)."""
    found: dict[str, set[str]] = defaultdict(set)
    if not surnames:
        return found
    pairs = rf"\S+ (?:{'|'.join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))})(?: |$)"
    for pair in news_texts().select(_NEWS_FOLDED.str.extract_all(pairs)).to_series().explode().drop_nulls():
        first, surname = pair.split()
        if first in given:
            found[surname].add(first)
    return found


def plain_in_news(key: str) -> bool:
    """Whether a one-word name's other form is a word of real news: with ال added (غريب → الغريب "the stranger",
    يوان → اليوان "the yuan") or taken off (الحكيم → حكيم, الحسين → حسين), at least a tenth as often as it.
    """
    other = key[2:] if key.startswith("ال") else "ال" + key
    news = news_words()
    return news[other] >= MIN_NEWS_OTHER and news[other] >= news[key] / 10


def nationality_words() -> list[str]:
    """Nationality nisbas (الكيني، السويسري), folded: one per one-word country name, and the curated irregular ones.

    A country's nisba is its name without ال and a final ا، يا or ة, then ي (كينيا → الكيني، المغرب → المغربي,
    السعودية → السعودي); a name written with ال that is no article (ألمانيا) gives both readings (الألماني,
    الماني: the wrong one matches nothing). nationalities.csv lists the nisbas no one-word name gives.
    """
    countries = json.loads((DATA / "gazetteers" / "countries" / "countries.json").read_text("utf-8"))
    arabic = [c["translations"]["ara"] for c in countries if c["translations"].get("ara")]
    names = {key for key in fold_all([a[kind] for a in arabic for kind in ("common", "official")]) if " " not in key}
    nisbas: set[str] = set()
    for name in names - {""}:
        for stem in {name, name.removeprefix("ال")}:
            stem = re.sub("(?:يا|ا|ه)$", "", stem)
            if len(stem) >= 3:
                nisbas.add("ال" + stem + ("" if stem.endswith("ي") else "ي"))
    with (REFERENCE / "nationalities.csv").open(encoding="utf-8", newline="") as handle:
        nisbas |= set(fold_all([row["nisba"] for row in csv.DictReader(handle)]))
    return sorted(nisbas)


def frequent_in(counts: Counter[str], seen: Counter[str], least: int, share: float) -> list[str]:
    """Sorted words of `counts` counted at least `least` times there and `share` of all their uses; no stop word."""
    return [w for w, n in sorted(counts.items()) if n >= least and n / seen[w] >= share and w not in STOP]


def given_words(anercorp_lines: int = TRAIN_LINES) -> set[str]:
    """Given names, folded: the curated ones and the words opening persons often enough in the training text."""
    stats = word_stats(anercorp_lines)
    mined = frequent_in(stats["opens_PER"], stats["seen"], MIN_GIVEN, MIN_GIVEN_SHARE)
    return set(mined) | set(curated_given_names())


def write_name_words(
    path: Path, anercorp_lines: int = TRAIN_LINES, places: frozenset[str] = frozenset()
) -> dict[str, int]:
    """Write the rules' word lists mined from the training text: given, name, head, common and other words; and
    real news's plain words, verbs and accusatives (none of `places`, the gazetteer's one-word places, folded)."""
    stats = word_stats(anercorp_lines)
    seen = stats["seen"]
    rows: list[tuple[str, str, int, int]] = []

    def pick(counts: Counter[str], kind: str, least: int, share: float) -> None:
        """Add the words of `counts` seen at least `least` times there and `share` of all their uses."""
        taken = {row[0] for row in rows}
        rows.extend((w, kind, counts[w], seen[w]) for w in frequent_in(counts, seen, least, share) if w not in taken)

    pick(stats["opens_PER"], "given", MIN_GIVEN, MIN_GIVEN_SHARE)
    common = common_words(anercorp_lines)
    # The curated given names, but for those the training text uses mostly as plain words (علي is also على),
    # or whose form with a prefix clitic is one (يان: بيان is a statement, and the rule accepts ب + name).
    taken = {row[0] for row in rows}
    curated = set(curated_given_names())
    clitic_common = {w for w in curated if any(c + w in common for c in CLITICS)}
    for word in sorted(curated - taken - STOP - common - clitic_common):
        rows.append((word, "given", stats["opens_PER"][word], seen[word]))
    pick(stats["in_person"], "name", MIN_GIVEN, MIN_GIVEN_SHARE)
    pick(stats["opens_ORG"], "head", MIN_HEAD, MIN_HEAD_SHARE)
    names = {row[0] for row in rows}
    for word in sorted(common - names):
        rows.append((word, "common", stats["inside"][word], seen[word]))
    listed = names | common
    for word, count in sorted(seen.items()):
        if count >= MIN_OTHER and stats["in_person"][word] / count < MAX_OTHER_PERSON_SHARE and word not in listed:
            rows.append((word, "other", stats["in_person"][word], count))
    # Words of real news that are plain words: their form with ال is written there too, at least a tenth as
    # often (ساعة/الساعة، سبيل/السبيل). The training text is too small to show most of them; a name word, a
    # head noun or a given name stays a name, while a common or other word of the training text may be one
    # too (its counts here are the news', not the training text's).
    news = news_words()
    names = {row[0] for row in rows if row[1] in ("given", "name", "head")} | given_words(anercorp_lines)
    for word, count in sorted(news.items()):
        plain = news["ال" + word]
        if not word.startswith("ال") and len(word) >= 3 and word not in names and plain_in_news(word):
            rows.append((word, "news", plain, count))
    # Verbs of real news: a word opening with ت (تنطلق، ترشح: second person or feminine) of four letters or
    # more, or with ا but not ال (اعتذر، امتدح، استند: the past) of five or more, whose form with ي instead is
    # written there too (ينطلق، يعتذر), at least MIN_NEWS_OTHER times; a name word stays one. Four-letter
    # words with ا were names as often (امين، اميل، ادين، اندي: يمين، يميل، يدين are words).
    # With ن ("we": نشعر، نعتقد) of four letters or more, the forms with ي and with ت must both be written:
    # surnames open with ن on a verb's letters too (نشار: يشار, نزال، نديم، ناني).
    for word, count in sorted(news.items()):
        verb = news["ي" + word[1:]]
        opening = (
            (word.startswith("ت") and len(word) >= 4)
            or (word.startswith("ا") and not word.startswith("ال") and len(word) >= 5)
            or (word.startswith("ن") and len(word) >= 4 and news["ت" + word[1:]] >= MIN_NEWS_OTHER)
        )
        if opening and verb >= MIN_NEWS_OTHER and word not in names:
            rows.append((word, "verb", verb, count))
    # And an imperfect verb with the future س or the ل of purpose before it (سيذهب، ستشكل، لينضم): five
    # letters or more, the verb itself written in real news at least MIN_NEWS_OTHER times.
    for word, count in sorted(news.items()):
        verb = news[word[1:]]
        future = word[:1] in "سل" and word[1:2] in "يتن" and len(word) >= 5
        if future and verb >= MIN_NEWS_OTHER and word not in names:
            rows.append((word, "verb", verb, count))
    # Accusative words of real news (تعميما، استعدادا، عنوانا: a noun or adjective with its case ending): five
    # letters or more ending in ا whose stem is a common or news word, but for a nisba (كوريا is كوري + ا).
    plain_words = {row[0] for row in rows if row[1] in ("common", "news")}
    for word, count in sorted(news.items()):
        stem = word[:-1]
        if (
            len(word) >= 5
            and word.endswith("ا")
            and stem in plain_words
            and not stem.endswith("ي")
            and word not in names
        ):
            rows.append((word, "accusative", news[stem], count))
    # And a nisba's accusative (رسميا، قانونيا، سريا: an adverb, "officially"): five letters or more ending in يا
    # whose nisba with ال (الرسمي) real news writes at least MIN_NEWS_OTHER times; no place (سوريا، ماليزيا: the
    # country's nisba is written too) and no given, name or head word.
    # The words no accusative may be: names, places, and words already of a list (the union made once, not per word).
    excluded = names | places | {row[0] for row in rows}
    for word, count in sorted(news.items()):
        nisba = news["ال" + word[:-1]]
        if (
            len(word) >= 5
            and word.endswith("يا")
            and not word.startswith("ال")
            and nisba >= MIN_NEWS_OTHER
            and word not in excluded
        ):
            rows.append((word, "accusative", nisba, count))
    # And a word real news writes with the tanwin of the accusative (فهماً، حفلاً، سرياً، مخاطباً: an ending no name
    # takes) at least MIN_NEWS_OTHER times: four letters or more ending in ا, neither it nor its stem a given, name
    # or head word (خالداً، سعيداً، طالباً are names too), and no place. `tagged` is the count with tanwin.
    excluded = names | places | {row[0] for row in rows}
    for word, count in sorted(tanwin_words().items()):
        if (
            len(word) >= 4
            and word.endswith("ا")
            and not word.startswith("ال")
            and count >= MIN_NEWS_OTHER
            and word not in excluded
            and word[:-1] not in names
        ):
            rows.append((word, "accusative", count, news[word]))
    # Nationality nisbas: before a name, one is its cue (السويسري روجيه فيدرر); `tagged` is their count in real news.
    rows.extend((word, "nationality", news[word], seen[word]) for word in nationality_words())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["word", "kind", "tagged", "seen"])
        writer.writerows(rows)
    return dict(Counter(row[1] for row in rows))


def add_countries(gazetteer: Gazetteer) -> None:
    """Every country: its Arabic common name, official name as a variant, English common name."""
    for country in json.loads((DATA / "gazetteers" / "countries" / "countries.json").read_text("utf-8")):
        arabic = country["translations"].get("ara")
        if not arabic:
            continue
        names = [arabic["common"], arabic["official"]]
        gazetteer.add(names[0], "LOC", country["name"]["common"], names[1:], "countries")


def iraq_places(known: frozenset[str] = frozenset()) -> list[tuple[str, str, list[str]]]:
    """(Arabic, English, other spellings) of every governorate, district and subdistrict, cleaned and deduplicated.

    A one-word name that is also a plain word of real news or a person's name (الغرف "the rooms", الصدر, الناصر,
    الرفاعي, رشا) is kept only with its administrative noun (ناحية الغرف، مدينة الصدر، قضاء الرفاعي): bare, it is
    not guessed; but for a name `known` already (folded: the curated places, البصرة، الكوت), which stays bare.
    A district and a subdistrict of the same name are one place, the district's name first.
    """
    data = json.loads((DATA / "gazetteers" / "iraq" / "iraq_geo.json").read_text("utf-8"))
    found: dict[str, list[str]] = {}
    english_of: dict[str, str] = {}
    nouns = {"provinces": "محافظة", "districts": "قضاء", "subdistricts": "ناحية"}

    def visit(node: dict[str, object], level: str) -> None:
        written = str(node.get("arbName") or "").replace("ی", "ي").replace("ک", "ك")
        english = re.sub(r"\s*\(.*\)|\s+(District|Governorate|Subdistrict)$", "", str(node.get("engName", "")))
        # Drop parenthesised alternatives, administrative words and Kurdish-script names.
        written = re.sub(r"\s*\(.*?\)", "", written).strip()
        arabic = ADMIN_PREFIX.sub("", written).strip()
        if arabic and not NOT_ARABIC.search(arabic) and ARABIC_NAME.match(arabic):
            noun = written[: len(written) - len(arabic)].strip() or nouns[level]
            bare = fold_all([arabic])[0]
            name = f"{noun} {arabic}" if bare not in known and _ambiguous_place(arabic) else arabic
            found.setdefault(bare, [])
            if name not in found[bare]:
                found[bare].insert(0, name) if level == "districts" else found[bare].append(name)
            english_of.setdefault(bare, english.strip())
        for key in ("districts", "subdistricts"):
            for child in node.get(key, []) or []:  # type: ignore[attr-defined]
                visit(child, key)

    for province in data["provinces"]:
        visit(province, "provinces")
    return [(names[0], english_of[bare], names[1:]) for bare, names in found.items()]


def _ambiguous_place(arabic: str) -> bool:
    """Whether a one-word Iraqi place name is also a plain word of real news or a person's name."""
    key = fold_all([arabic])[0]
    if " " in key:
        return False
    nisba = key.startswith("ال") and key.endswith("ي")
    return plain_in_news(key) or nisba or key in given_words()


def add_places(gazetteer: Gazetteer, places: list[tuple[str, str, list[str]]], source: str,
               spans: Counter[tuple[str, str]], grams: Counter[str]) -> None:  # fmt: skip
    """Place names (Arabic, English, other spellings), unless stop words or used mostly as plain words in the
    training text."""
    seen: set[str] = set()
    for arabic, english, variants in places:
        key = fold_all([arabic])[0]
        if key in seen or len(key.replace(" ", "")) < 3 or key in STOP or arabic in STOP:
            continue
        seen.add(key)
        if grams.get(key, 0) >= 2 and plain_share(key, spans, grams) > MAX_PLAIN_SHARE:
            continue
        gazetteer.add(arabic, "LOC", english, variants, source)


def lexicon_names() -> list[tuple[str, str, list[str]]]:
    """News agencies and outlets of the newsroom lexicon (agencies.csv, outlets.csv): name, English name and other
    spellings."""
    found: list[tuple[str, str, list[str]]] = []
    for file, aliases in (("agencies.csv", "variants"), ("outlets.csv", "aliases")):
        with (REFERENCE / file).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["name"] not in NOT_AN_ORGANIZATION:
                    found.append((row["name"], row["name_en"], [v for v in (row[aliases] or "").split("|") if v]))
    return found


def curated_spellings(spellings: list[str], spans: Counter[tuple[str, str]], grams: Counter[str],
                       common: set[str], words: dict[str, Counter[str]] | None = None) -> list[str]:  # fmt: skip
    """The spellings of a curated name kept: none the training text uses mostly as a plain word, a common
    or stop word, or (for an organization) a one-word definite adjective (الرياضية، الأهلي); none under
    three letters.

    With `words` (word_stats, for people) a one-word spelling is a surname: it is plain where the word is
    mostly outside every entity, for the training text tags a surname inside the full name (فؤاد
    السنيورة) more often than alone; and a nisba (البرادعي) is a surname, not an adjective.
    """

    def plain(key: str) -> bool:
        if words is not None and " " not in key:
            seen = words["seen"][key]
            return seen >= 2 and (seen - words["inside"][key]) / seen > MAX_PLAIN_SHARE
        return grams.get(key, 0) >= 2 and plain_share(key, spans, grams) > MAX_PLAIN_SHARE

    return [
        s for s in spellings
        if len((key := fold_all([s])[0]).replace(" ", "")) >= 3
        and not plain(key) and key not in STOP and key not in common
        and (words is not None or not ADJECTIVE.match(s))
    ]  # fmt: skip


def add_lexicon(gazetteer: Gazetteer, spans: Counter[tuple[str, str]], grams: Counter[str], common: set[str]) -> None:
    """Agencies and outlets as organizations, unless a plain word of the training text or another type's name.

    The filter is the places' one: الجزيرة، اليوم، الوطن، المدينة are mostly plain words (or a peninsula)
    in the training text and are left out; a name a place already took (الرياض) stays a place.
    """
    for name, english, variants in lexicon_names():
        kept = curated_spellings([name, *variants], spans, grams, common)
        if kept:
            gazetteer.add(kept[0], "ORG", english, kept[1:], "lexicon")


def add_organizations(gazetteer: Gazetteer, spans: Counter[tuple[str, str]], grams: Counter[str],
                      common: set[str], source: Path = REFERENCE) -> None:  # fmt: skip
    """The curated clubs, outlets, companies and agencies of organizations.csv, filtered as the lexicon is.

    A spelling the filter refuses is left out, the others stay (the first kept is the canonical one); a
    name a place already took stays a place. A one-word name the curator marked a plain word (الهلال
    "the crescent", النهار "the day") is left out too, however rare it is in the training text: the
    name rules read it only after a cue (نادي الهلال، صحيفة النهار).
    """
    with (source / "organizations.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spellings = [row["name"], *filter(None, (row["variants"] or "").split("|"))]
            if row["plain_word"] == "yes":
                spellings = [s for s in spellings if " " in s.strip()]
            kept = curated_spellings(spellings, spans, grams, common)
            if kept:
                gazetteer.add(kept[0], "ORG", row["name_en"], kept[1:], "organizations")


def add_people(gazetteer: Gazetteer, spans: Counter[tuple[str, str]], grams: Counter[str], common: set[str],
               words: dict[str, Counter[str]], source: Path = REFERENCE) -> None:  # fmt: skip
    """The curated leaders and public figures of people.csv, filtered as the organizations are.

    A bare surname is listed as a variant only where it names that one person in the news (شيراك، السنيورة);
    the filter still refuses one the training text uses mostly as a plain word.
    """
    with (source / "people.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            spellings = [row["name"], *filter(None, (row["variants"] or "").split("|"))]
            kept = curated_spellings(spellings, spans, grams, common, words)
            if kept:
                gazetteer.add(kept[0], "PER", row["name_en"], kept[1:], "people")


def cities(known: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Major cities, and cities of the region, whose Arabic name plausibly is that city (one `known` already, folded,
    stays bare: the curated الحلة).

    A smaller town whose one-word name is a word of real news (فرح "joy", ميدان "square", العقبة "the
    obstacle") is listed as مدينة and the name, unless it is a capital: in news the word is far commoner than the
    town. One that is a verb (ينبع "springs") is left out.
    """
    countries = json.loads((DATA / "gazetteers" / "countries" / "countries.json").read_text("utf-8"))
    # The cities file names a country by its common or its official name (المملكة العربية السعودية), with
    # diacritics at times (عُمان): both are looked up folded.
    named = [(c["translations"]["ara"][kind], c["cca2"]) for c in countries for kind in ("common", "official")
             if c["translations"].get("ara")]  # fmt: skip
    codes = dict(zip(fold_all([name for name, _ in named]), [code for _, code in named], strict=True))
    codes.update(_CITY_COUNTRIES)
    capitals = {capital for c in countries for capital in c.get("capital", [])}
    frame = pl.read_csv(DATA / "gazetteers" / "world-cities" / "world-cities.csv", encoding="utf8-lossy")
    frame = frame.rename({frame.columns[0]: "CountryNameAr"})
    picked: list[tuple[str, str]] = []
    countries_folded = fold_all(frame["CountryNameAr"].to_list())
    for country, arabic, english, population in zip(
        countries_folded, *frame.select("CityNameAr", "CityNameEn", "Population"), strict=True
    ):
        population = population or 0
        regional = codes.get(country) in REGION
        if population < (REGION_POPULATION if regional else WORLD_POPULATION):
            continue
        arabic = ADMIN_PREFIX.sub("", (arabic or "").strip())
        if not arabic or NOT_A_CITY.search(arabic) or not ARABIC_NAME.match(arabic) or len(arabic.split()) > 3:
            continue
        # A wrong link (a drug's name for Mosul) rarely starts with a letter the English one could.
        bare = arabic[2:] if arabic.startswith("ال") else arabic
        latin = re.sub(r"^(?:a[lnrsdtz][- ]|el[- ])", "", english.lower().replace("`", "").replace("'", ""))
        if not latin or latin[0] not in FIRST_LETTER.get(bare[0], ""):
            continue
        key = fold_all([arabic])[0]
        # A name that is a plain word of real news is listed as مدينة and the name (مدينة مشهد: مشهد is "a scene"),
        # for a town under MIN_PLAIN_CITY, or a city whose other form real news writes as often as the name
        # (المشهد 117 times, مشهد 64; البورصة 86, بورصة 49); not a capital, nor a city whose name is mostly its
        # own (حماة 73, الحماة 13).
        news = news_words()
        other = news[key[2:] if key.startswith("ال") else "ال" + key]
        plain = " " not in key and english not in capitals and plain_in_news(key)
        if plain and key not in known and (population < MIN_PLAIN_CITY or other >= news[key]):
            arabic = f"مدينة {arabic}"
        # Nor one that is an imperfect verb: its form with ت is written too (ينبع "springs", يزد "increases").
        if population < MIN_PLAIN_CITY and key.startswith("ي") and news["ت" + key[1:]] >= MIN_NEWS_OTHER:
            continue
        picked.append((arabic, english))
    return picked


def build(directory: Path = REFERENCE, anercorp_lines: int = TRAIN_LINES, source: Path = REFERENCE) -> str:
    """Build the generated files into `directory` from the training lines; a line saying what each source gave.

    A smaller `anercorp_lines` (and another directory) gives a development build whose lists never saw
    ANERcorp beyond that line, so rules and thresholds can be tuned on lines the build did not read.
    `source` holds the curated organizations.csv and people.csv read (the evaluation's copy leaves rows out).
    """
    with (REFERENCE / "entities.csv").open(encoding="utf-8", newline="") as handle:
        curated = list(csv.DictReader(handle))
    gazetteer = Gazetteer(curated)
    spans, grams, spellings = training_stats(anercorp_lines)
    add_countries(gazetteer)
    add_places(gazetteer, iraq_places(frozenset(gazetteer.owner)), "iraq", spans, grams)
    listed = frozenset(gazetteer.owner)
    add_places(gazetteer, [(arabic, english, []) for arabic, english in cities(listed)], "cities", spans, grams)
    add_lexicon(gazetteer, spans, grams, common_words(anercorp_lines))
    add_organizations(gazetteer, spans, grams, common_words(anercorp_lines), source)
    stats = word_stats(anercorp_lines)
    add_people(gazetteer, spans, grams, common_words(anercorp_lines), stats, source)
    once_common = common_words(anercorp_lines, MAX_ONCE_ENTITY_SHARE)
    mined = add_mined(gazetteer, spans, grams, spellings, once_common, given_words(anercorp_lines), stats)
    total = gazetteer.write(directory / OUT.name)
    sources = Counter(str(r["source"]) for r in gazetteer.rows.values())
    places = frozenset(k for k, owner in gazetteer.owner.items() if " " not in k and gazetteer.type_of[owner] == "LOC")
    words = write_name_words(directory / NAME_WORDS.name, anercorp_lines, places)
    return (
        f"{total} rows written to {OUT.name}: {dict(sources)}; {mined} mined names accepted; {NAME_WORDS.name}: {words}"
    )


def main() -> int:
    """Build tasks/reference's generated files and print what each source gave."""
    print(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
