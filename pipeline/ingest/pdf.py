"""PDF minutes (pdfplumber): the text layer, with ruled tables rendered as ``cell | cell |`` rows.

Lines wrapped at the right margin are joined back into their paragraph: a line is a wrap when
the next line's first word would not have fitted after it and the two sit at line spacing (no
paragraph gap). Page numbers ('Page 2 of 5', a bare number) are dropped; an unmapped glyph
('(cid:127)') opening a line is read as a bullet.
"""
from __future__ import annotations

import io
import re

from .errors import IngestError
from .tables import clean_cell, table_lines
from .page import Page
from .unwrap import continues, is_structural, join_broken_lines

_PAGE_NO_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)
_WS = re.compile(r"\s+")
# A glyph the font maps to no character: at a line's start it is a bullet symbol.
_LEADING_CID_RE = re.compile(r"^\(cid:\d+\)\s*")


def _table_lines(rows: list[list[str | None]]) -> list[str]:
    return table_lines([clean_cell(c) for c in row if c is not None] for row in rows)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _wrapped(line: dict, nxt: dict, right: float) -> bool:
    """``nxt`` continues ``line``'s paragraph: its first word would not fit after ``line``."""
    height = max(line["bottom"] - line["top"], 1.0)
    if nxt["top"] - line["bottom"] > 0.45 * height or is_structural(nxt["text"]) or line["text"].rstrip().endswith(":"):
        return False
    chars = nxt.get("chars") or []
    first = next((i for i, c in enumerate(chars) if c["text"].isspace()), len(chars))
    word = (chars[first - 1]["x1"] - chars[0]["x0"]) if first and chars else 0.0
    space = height * 0.3
    return line["x1"] + space + word > right


def _page_lines(page) -> list[tuple[float, str]]:
    """(top, text) of the page's text lines and table rows, in reading order."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda o: not _inside(o, boxes)) if boxes else page
    lines = [ln for ln in text_page.extract_text_lines(return_chars=True) if ln["text"].strip()
             and not _PAGE_NO_RE.match(ln["text"].strip())]
    left = min((ln["x0"] for ln in lines), default=0.0)
    right = max([page.width - left] + [ln["x1"] for ln in lines]) - 1.0
    out: list[tuple[float, str]] = []
    prev = None
    for ln in lines:
        text = _LEADING_CID_RE.sub("• ", _WS.sub(" ", ln["text"]).strip())
        if prev is not None and out and (_wrapped(prev, ln, right) or continues(out[-1][1], text)):
            out[-1] = (out[-1][0], out[-1][1] + " " + text)
        else:
            out.append((ln["top"], text))
        prev = ln
    for t in tables:
        rows = _table_lines(t.extract())
        out += [(t.bbox[1] + i * 1e-3, row) for i, row in enumerate(rows)]
    out.sort(key=lambda x: x[0])
    return out


def pdf_to_text(data: bytes, source: str) -> str:
    """The PDF's text (see the module docstring); ``IngestError`` for encrypted, corrupt or image-only files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines = [text for page in pdf.pages for _, text in _page_lines(page)]
    except PDFPasswordIncorrect:
        raise IngestError(source, "encrypted PDF (password protected); cannot read its text") from None
    except Exception as exc:  # pdfminer raises many types for damaged files; pdfplumber wraps them
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        name = type(inner).__name__
        if isinstance(inner, PDFPasswordIncorrect) or "password" in name.lower() or "encrypt" in str(inner).lower():
            raise IngestError(source, "encrypted PDF (password protected); cannot read its text") from None
        raise IngestError(source, f"corrupt or unreadable PDF ({name}: {inner})"[:300]) from None
    if not lines:
        raise IngestError(source, "PDF has no text layer (a scanned image?); nothing to read")
    return join_broken_lines("\n".join(lines)) + "\n"


def pdf_page(data: bytes, source: str) -> Page:
    """A PDF file's bytes as a Page."""
    return Page(source=source, text=pdf_to_text(data, source))
