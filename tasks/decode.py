"""Turn a file's bytes into text by detecting its encoding, or say in one line why it cannot be read."""

import codecs
import re
from dataclasses import dataclass

# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Legacy single-byte Arabic code pages, tried only when the bytes are not UTF-8.
_LEGACY_ARABIC: tuple[tuple[str, str], ...] = (("windows-1256", "cp1256"), ("iso-8859-6", "iso8859_6"))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# An Arabic letter glued to a Latin one inside a word: the mark of text decoded with the wrong table.
_MIXED_SCRIPT = re.compile(r"[\u0621-\u064a][A-Za-z\u00c0-\u024f]|[A-Za-z\u00c0-\u024f][\u0621-\u064a]")
# UTF-8 Arabic read as Windows-1256: each letter's lead byte D8/D9 becomes ط or ظ, and its continuation byte
# (0x80–0xBF) one of the symbols or Persian letters Windows-1256 puts there.
_CONTINUATIONS = bytes(range(0x80, 0xC0)).decode("cp1256", errors="ignore")
_MOJIBAKE_PAIRS = re.compile(f"[طظ][{re.escape(_CONTINUATIONS)}]")

RAW_PREVIEW_BYTES = 1 << 20  # what a quarantine row keeps of an unreadable file


@dataclass(frozen=True)
class Decoded:
    """The text of a file and the encoding it was read with, or the reason it could not be read."""

    text: str | None
    encoding: str | None
    reason: str | None


def decode_bytes(data: bytes) -> Decoded:
    """Detect the encoding of a news dump and decode it; never pass a wrong decode off as Arabic."""
    if not data:
        return Decoded(None, None, "empty file (0 bytes)")
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            return _checked(data, name, codec, declared=True)
    if not data.strip():
        return Decoded(None, None, "blank file: whitespace only")
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is not None:
            return _checked(data, utf16, utf16, declared=False)
        return Decoded(None, None, f"binary file: {data.count(0)} NUL bytes, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        return _readable(text, "utf-8")
    for name, codec in _LEGACY_ARABIC:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        problem = arabic_decode_problem(text)
        if problem is None:
            return _readable(text, name)
    return Decoded(
        None,
        None,
        f"undecodable: not UTF-8 (invalid byte at offset {utf8_error.start}) "
        "and not readable Arabic in Windows-1256 or ISO-8859-6",
    )


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def arabic_decode_problem(text: str) -> str | None:
    """Say why a legacy-code-page decode does not read as Arabic, or None when it does."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == 0:
        return "no Arabic letters"
    if arabic < 0.3 * (arabic + latin):
        return f"mostly non-Arabic letters ({arabic} Arabic, {latin} Latin)"
    if len(_MIXED_SCRIPT.findall(text)) > 0.01 * arabic:
        return "Arabic and Latin letters mixed inside words"
    pairs = len(_MOJIBAKE_PAIRS.findall(text))
    if pairs >= 3 and pairs > 0.1 * arabic:
        return "looks like UTF-8 read as a single-byte code page"
    return None


def raw_preview(data: bytes) -> str:
    """What a quarantine row keeps of bytes that could not be decoded: readable where possible."""
    head = data[:RAW_PREVIEW_BYTES]
    return head.decode("utf-8", errors="backslashreplace")


def _sniff_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a byte-order mark by where its NUL bytes fall."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    # Arabic code units are 0x06xx and ASCII ones 0x00xx: one byte of each pair is 0x00 or 0x06.
    high_odd = odd_nuls + data[1::2].count(6)
    high_even = even_nuls + data[0::2].count(6)
    if odd_nuls > even_nuls and high_odd > 0.9 * half:
        return "utf-16-le"
    if even_nuls > odd_nuls and high_even > 0.9 * half:
        return "utf-16-be"
    return None


def _checked(data: bytes, name: str, codec: str, *, declared: bool) -> Decoded:
    """Decode with a known codec, rejecting bytes that do not fit it."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        how = "declared by its byte-order mark" if declared else "detected"
        return Decoded(None, None, f"undecodable: {name} {how}, but invalid at byte {error.start}")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _readable(text, name)


def _readable(text: str, encoding: str) -> Decoded:
    """Accept decoded text unless it is blank or full of control characters."""
    if not text.strip():
        return Decoded(None, None, "blank file: whitespace only")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        return Decoded(None, None, f"binary file: {controls} control characters in {encoding} text")
    return Decoded(normalize_newlines(text), encoding, None)
