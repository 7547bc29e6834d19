"""Turn the bytes of a saved page or text file into text.

Government sites serve UTF-8 and the GB family, often without declaring it, and
sometimes declaring the wrong one. The order below is chosen so that valid UTF-8
always wins (GBK text is almost never valid UTF-8), then a declared charset that
actually decodes, then GB18030 (a superset of GBK and GB2312), then a guess.
"""

from __future__ import annotations

import codecs
import re

from reader.core.errors import BinaryInputError, EmptyInputError, UndecodableInputError
from reader.core.text_utils import plausible_text_ratio

_DECLARED_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_MIN_PLAUSIBLE = 0.85
# Bytes that may appear in text: everything but the C0 controls other than tab, newlines, form feed, escape.
_TEXT_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\f\r\x1b"


# A few bytes that fit no encoding (a damaged download, one bad character) are replaced
# rather than rejecting the file, when one encoding reads all the rest.
_MAX_REPLACED_SHARE = 0.002
_MAX_REPLACED_FLOOR = 16
_replaced_counter: list[int] = [0]


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)  # registered for decoding only
    _replaced_counter[0] += error.end - error.start
    return "\ufffd", error.end


codecs.register_error("reader-count-replace", _count_and_replace)


def _lenient(data: bytes, declared: str | None) -> tuple[str, str, int] | None:
    """Decode with replacement in the encoding that needs the fewest replacements, if it needs very few."""
    declared = declared or declared_charset(data)
    candidates = ["utf-8", "gb18030"]
    if declared and declared not in _GB_FAMILY and declared not in candidates:
        candidates.insert(1, declared)
    best: tuple[str, str, int] | None = None
    for encoding in candidates:
        _replaced_counter[0] = 0
        try:
            text = data.decode(encoding, errors="reader-count-replace")
        except LookupError:
            continue
        replaced = _replaced_counter[0]
        if best is None or replaced < best[2]:
            best = (text, encoding, replaced)
    if best is None:
        return None
    text, encoding, replaced = best
    if replaced > max(_MAX_REPLACED_FLOOR, len(data) * _MAX_REPLACED_SHARE):
        return None
    if plausible_text_ratio(text.replace("\ufffd", "")) < _MIN_PLAUSIBLE:
        return None
    return text, encoding, replaced


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page declares in its first 4 KB, lower-cased."""
    match = _DECLARED_RE.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a document's bytes (see ``decode_bytes_noting``)."""
    text, encoding, _replaced = decode_bytes_noting(data, declared)
    return text, encoding


def decode_bytes_noting(data: bytes, declared: str | None = None) -> tuple[str, str, int]:
    """Decode a document's bytes, saying how many bytes had to be replaced.

    Args:
        data: The raw bytes.
        declared: A charset given out of band (an HTTP header); the page's own
            ``<meta charset>`` is read when this is None.

    Returns:
        ``(text, encoding, replaced)``: the encoding actually used, and how many bytes
        fit it not and were replaced by U+FFFD (0 for a clean decode).

    Raises:
        EmptyInputError: No bytes, or only whitespace.
        BinaryInputError: The bytes are not text.
        UndecodableInputError: No encoding yields plausible text.

    """
    if not data.strip():
        raise EmptyInputError("the file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding), encoding, 0
    _reject_binary(data)
    candidates = ["utf-8"]
    declared = declared or declared_charset(data)
    if declared:
        candidates.append("gb18030" if declared in _GB_FAMILY else declared)
    candidates.append("gb18030")
    for encoding in candidates:
        try:
            text = _decode_allowing_cut_tail(data, encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if plausible_text_ratio(text) >= _MIN_PLAUSIBLE:
            return text, encoding, 0
    lenient = _lenient(data, declared)  # a few bad bytes in a file one encoding reads: no guessing
    if lenient is not None:
        return lenient
    return (*_guess(data), 0)


def _decode_allowing_cut_tail(data: bytes, encoding: str) -> str:
    """Decode strictly, but forgive a multi-byte character cut off at the very end.

    A download or copy interrupted mid-character must not turn a UTF-8 page
    into mojibake.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.end == len(data):
            return data[: error.start].decode(encoding)
        raise


def _reject_binary(data: bytes) -> None:
    sample = data[:65536]
    if b"\x00" in sample:
        raise BinaryInputError(
            "the file is binary and not a document the reader opens (web page, text, PDF, Word or OFD)"
        )
    controls = len(sample.translate(None, _TEXT_BYTES))
    if controls > len(sample) * 0.01:
        raise BinaryInputError(
            "the file is binary and not a document the reader opens (web page, text, PDF, Word or OFD)"
        )


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported lazily: only for odd files

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if plausible_text_ratio(text) >= _MIN_PLAUSIBLE:
            return text, best.encoding
    raise UndecodableInputError("the file's character set could not be recognised")


def _checked(text: str, encoding: str) -> str:
    if plausible_text_ratio(text) < _MIN_PLAUSIBLE:
        raise UndecodableInputError(f"the file claims {encoding} but does not decode as text")
    return text
