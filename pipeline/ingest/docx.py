"""Word minutes (python-docx): paragraphs and tables in document order, tables rendered as
``cell | cell |`` rows with a separator after the first, list paragraphs as '• ' lines.

The file is parsed once, in time linear in its size: the list styles are looked up once per
document, and each paragraph's style is read from its own XML (python-docx's ``Paragraph.style``
scans every style of the document on each call, which made long documents quadratic)."""
from __future__ import annotations

import io
import re

from .errors import IngestError
from .tables import clean_cell, table_lines
from .page import Page
from .unwrap import join_broken_lines

_WS = re.compile(r"[ \t\u00a0]+")


def _row_cells(row) -> list[str]:
    cells, seen = [], set()
    for cell in row.cells:  # a merged cell is returned once per grid column it spans
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(clean_cell(cell.text))
    return cells


def _table_lines(table) -> list[str]:
    return table_lines(_row_cells(row) for row in table.rows)


def list_style_ids(doc) -> frozenset[str]:
    """The ids of the document's paragraph styles named as lists ('List Bullet', 'List Number 2')."""
    return frozenset(s.style_id for s in doc.styles if "list" in (s.name or "").lower())


def _is_list(paragraph, list_styles: frozenset[str]) -> bool:
    ppr = paragraph._p.pPr
    if ppr is None:
        return False
    style = ppr.pStyle.val if ppr.pStyle is not None else None
    return ppr.numPr is not None or style in list_styles


def _paragraph_lines(paragraph, list_styles: frozenset[str] = frozenset()) -> list[str]:
    text = paragraph.text.replace("\r", "\n")
    lines = [_WS.sub(" ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if lines and _is_list(paragraph, list_styles) and not re.match(r"^[•\-*–·▪●◦]\s", lines[0]):
        lines[0] = "• " + lines[0]
    return lines


def docx_to_text(data: bytes, source: str) -> str:
    """The document body's text (see the module docstring); ``IngestError`` for empty or damaged files."""
    if not data.strip():
        raise IngestError(source, "empty file (zero bytes); not a Word document")
    from docx import Document
    from docx.table import Table

    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # zip errors, missing parts, bad XML
        raise IngestError(source, f"corrupt or unreadable Word document ({type(exc).__name__}: {exc})"[:300]) from None
    lists = list_style_ids(doc)
    lines: list[str] = []
    for block in doc.iter_inner_content():
        lines += _table_lines(block) if isinstance(block, Table) else _paragraph_lines(block, lists)
    if not lines:
        raise IngestError(source, "Word document has no text")
    return join_broken_lines("\n".join(lines)) + "\n"


def docx_page(data: bytes, source: str) -> Page:
    """A .docx file's bytes as a Page."""
    return Page(source=source, text=docx_to_text(data, source))
