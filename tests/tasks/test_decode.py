"""Encoding detection: every common encoding reads back exactly; nothing else passes as Arabic."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.decode import decode_bytes, normalize_newlines

ARABIC = "صواريخ على قاعدة عين الأسد تستقبل نتائج المباحثات العراقية الأمريكية"

arabic_letters = st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى")
arabic_word = st.text(arabic_letters, min_size=2, max_size=9)
arabic_line = st.lists(arabic_word, min_size=3, max_size=12).map(" ".join)
arabic_text = st.lists(
    st.tuples(arabic_line, st.sampled_from(["", "،", ".", " 2024", ":"])).map("".join),
    min_size=1,
    max_size=6,
).map("\n".join)


@given(arabic_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1256"]))
def test_arabic_text_reads_back_exactly_in_every_encoding(text: str, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.reason is None
    assert decoded.text == text


@given(arabic_text)
def test_crlf_and_cr_become_lf(text: str) -> None:
    decoded = decode_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert decoded.text == text
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


@given(arabic_text)
def test_broken_utf8_never_passes_as_windows_1256(text: str) -> None:
    # A stray byte makes the UTF-8 invalid; read as Windows-1256 it would be mojibake.
    decoded = decode_bytes(text.encode("utf-8") + b"\xff")
    assert decoded.text is None
    assert decoded.reason is not None and decoded.reason.startswith("undecodable")


def test_windows_1256_dump_is_detected() -> None:
    decoded = decode_bytes((ARABIC + "\r\n26 يوليو، 2024\r\n").encode("cp1256"))
    assert (decoded.text, decoded.encoding) == (ARABIC + "\n26 يوليو، 2024\n", "windows-1256")


def test_utf8_bom_is_dropped() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (ARABIC, "utf-8")


def test_utf16_without_bom_is_recognised() -> None:
    decoded = decode_bytes(ARABIC.encode("utf-16-le"))
    assert (decoded.text, decoded.encoding) == (ARABIC, "utf-16-le")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file (0 bytes)"),
        (b" \n\r\n\t ", "blank file: whitespace only"),
        (bytes(range(256)) * 4, "binary file: 4 NUL bytes, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file: 3 NUL bytes, not text"),
        (
            codecs.BOM_UTF16_LE + b"\x00\xd8",
            "undecodable: utf-16-le declared by its byte-order mark, but invalid at byte 2",
        ),
    ],
)
def test_unreadable_files_get_one_line_reasons(data: bytes, reason: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text is None
    assert decoded.reason == reason


def test_latin1_european_text_is_not_taken_for_arabic() -> None:
    decoded = decode_bytes("Dürrenmatt schrieb über die Schweiz: größer, schöner.".encode("latin-1"))
    assert decoded.text is None
    assert decoded.reason == (
        "undecodable: not UTF-8 (invalid byte at offset 1) and not readable Arabic in Windows-1256 or ISO-8859-6"
    )


def test_english_utf8_text_is_accepted() -> None:
    assert decode_bytes(b"Rockets hit Ain al-Asad air base.").text == "Rockets hit Ain al-Asad air base."
