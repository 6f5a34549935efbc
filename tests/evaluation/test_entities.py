"""The entity evaluation's harness: documents as the extractor reads articles, and matches mapped back to tokens."""

from evaluation.entities import Doc, Span, predict


def test_matches_map_back_to_the_tokens_they_cover() -> None:
    """Punctuation is passed as written: a token of punctuation makes no word, a hyphenated pair two."""
    tokens = ["قال", "الرئيس", "الفرنسي", "جاك", "شيراك", "(", "في", "باريس", ")", "إن", "بي-بي-سي", "كذبت", "."]
    assert predict([Doc(tokens)]) == [[Span(3, 5, "PER"), Span(7, 8, "LOC"), Span(10, 11, "ORG")]]


def test_a_clause_break_reaches_the_extractor() -> None:
    """A speaker's label between two breaks is read as one (a placeholder word for the colon hid it)."""
    tokens = ["وصل", "الضيف", ".", "سمير", ":", "أهلا", "$#$", "وقال", "آخر"]
    assert predict([Doc(tokens)]) == [[Span(3, 4, "PER")]]
