"""Bytes to text: saved pages come in UTF-8, UTF-16 and Windows code pages, often unlabelled."""
from __future__ import annotations

import codecs
import re

from .errors import IngestError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best reading, or None when it finds none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return str(best)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall as UTF-16 puts them in Latin text (every
    other byte, on one side), else None: a binary file."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = data[1::2], data[0::2]
    for nuls, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.9 * len(nuls) and other.count(0) == 0:
            return encoding
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a page: BOM first, then BOM-less UTF-16, UTF-8, charset-normalizer, cp1252.

    Raises ``IngestError`` for empty or binary content; NUL bytes mean binary unless they fall
    where UTF-16 puts them.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"undecodable {encoding} content ({exc.reason})") from None
            return _checked(text, source)
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise IngestError(source, "binary content (NUL bytes); not a text or HTML page")
        try:
            return _checked(data.decode(encoding), source)
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"undecodable {encoding} content ({exc.reason})") from None
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    text = _guess(data)
    if text is None:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(source, "undecodable content: not UTF-8, UTF-16 or a Windows code page") from None
    return _checked(text, source)


def _checked(text: str, source: str) -> str:
    """Reject text that decoded but is mostly control characters (a binary file by another name)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise IngestError(source, "empty file")
    if "\x00" in text or len(_CONTROL.findall(text)) > max(3, len(text) // 50):
        raise IngestError(source, "binary content (control characters); not a text or HTML page")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
