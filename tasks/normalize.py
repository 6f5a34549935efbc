"""Canonical Arabic text for storage, and a folded form of it for matching names."""

import unicodedata

import polars as pl

# Persian letters that stand for Arabic ones. One character for one, so offsets into the text still hold.
# Every table here maps single characters, so no two keys overlap and replace_many's leftmost matching finds what
# its default one does, faster (folding 45 MB of plain bodies: 0.14 s → 0.08 s).
PERSIAN_TO_ARABIC = {"ی": "ي", "ک": "ك"}


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (a letter's contextual shape, a ligature: ﻻ، ﻷ، ﺑ) as the letters they stand for.

    Their compatibility decomposition (NFKC), Persian letters mapped; not the forms it writes with a space (a mark
    shown alone, the honorifics ﷺ and ﷻ), which stay as written. Some sites' text holds them (56 of the 8,978
    SaudiNewsNet articles: اﻷمنية، للاتصاﻻت), and a word written so matched no name and no search.
    """
    forms = (chr(code) for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)))
    table = {form: unicodedata.normalize("NFKC", form) for form in forms}
    persian = str.maketrans(PERSIAN_TO_ARABIC)
    return {form: text.translate(persian) for form, text in table.items() if text != form and " " not in text}


# Every compatibility character canonical text writes as plain Arabic letters: Persian letters, presentation forms.
ARABIC_LETTERS = PERSIAN_TO_ARABIC | _presentation_forms()

# Folded for matching only: hamza carriers to bare alef, alef maqsura to ya, ta marbuta to ha.
_MATCH_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    **PERSIAN_TO_ARABIC,
}
# Tashkeel (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640) carry no identity for matching.
_MARKS = r"[\u064b-\u065f\u0670\u0640]"
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_EASTERN_ARABIC_INDIC = "۰۱۲۳۴۵۶۷۸۹"
# Spaces that are not plain spaces: no-break, narrow, zero-width, and the bidi marks that scrapers leave.
_ODD_SPACES = r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_INVISIBLES = r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"


def canonical_text(text: pl.Expr) -> pl.Expr:
    """Map Persian ی and ک to Arabic ي and ك, and presentation forms to the letters they stand for; everything else
    stays as written. A ligature is several letters (ﻻ is لا): offsets after one move."""
    # Keys of one character each still: no two overlap.
    return text.str.replace_many(ARABIC_LETTERS, leftmost=True)


def clean_line(text: pl.Expr) -> pl.Expr:
    """Odd spaces to plain ones, invisible marks dropped, runs of spaces collapsed, ends trimmed."""
    return (
        text.str.replace_all(_INVISIBLES, "")
        .str.replace_all(_ODD_SPACES, " ")
        # A lone space is left alone: matching every space between words made this the dearest step of a page.
        .str.replace_all(r"[ \t\f\v]{2,}|[\t\f\v]", " ")
        .str.strip_chars()
    )


def fold_for_matching(text: pl.Expr) -> pl.Expr:
    """The form two spellings of one name share: no marks, no hamza carriers, ى→ي, ة→ه."""
    return fold_letters(text.str.replace_all(_MARKS, ""))


def fold_letters(text: pl.Expr) -> pl.Expr:
    """fold_for_matching for text whose marks are already gone: the letters alone."""
    return text.str.replace_many(_MATCH_FOLD, leftmost=True)


# عبد and the word it links are written apart or as one word (عبد الله، عبدالله; عبد ربه، عبدربه; عبد الفتاح
# السيسي, 53 articles of the SaudiNewsNet days, عبدالفتاح السيسي 39): one name either way.
_ABD_APART = r"(^|\s)عبد\s+(\S)"
# Split only before the article or رب: عبده (Abduh) and عبدون are names of their own, not عبد + a word.
_ABD_JOINED = r"(^|\s)عبد(ال|رب)"


def abd_joined(name: pl.Expr) -> pl.Expr:
    """A name with عبد written as one word with the word it links (عبد الله → عبدالله)."""
    return name.str.replace_all(_ABD_APART, "${1}عبد${2}")


def abd_apart(name: pl.Expr) -> pl.Expr:
    """A name with عبد apart from the definite word or رب it links (عبدالله → عبد الله), as the lists write it."""
    return name.str.replace_all(_ABD_JOINED, "${1}عبد ${2}")


def fold_string(text: str) -> str:
    """fold_for_matching for one Python string (reference data, built once)."""
    out = pl.select(fold_for_matching(pl.lit(text))).item()
    assert isinstance(out, str)
    return out


def ascii_digits(text: pl.Expr) -> pl.Expr:
    """Arabic-Indic and Eastern Arabic-Indic digits to ASCII, one for one."""
    table = {d: str(i) for i, d in enumerate(_ARABIC_INDIC)} | {d: str(i) for i, d in enumerate(_EASTERN_ARABIC_INDIC)}
    return text.str.replace_many(table, leftmost=True)
