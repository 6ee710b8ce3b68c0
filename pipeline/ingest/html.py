"""Saved web pages to the same line text a Kent ``.txt`` page has.

Block elements become lines, ``<li>`` become '• ' lines and each ``<table>`` becomes
``cell | cell |`` lines with a ``---|---|`` separator after its first row, so the layout stage
reads one format. Site furniture (scripts, navigation, cookie banners) is dropped here, where the
markup still says what it is. Nothing is fetched: lxml's HTML parser loads no DTD and resolves no
external entity, and the tree is walked without recursion so absurd nesting cannot overflow.
"""
from __future__ import annotations

import re
import warnings

from bs4 import (BeautifulSoup, Comment, Declaration, Doctype, MarkupResemblesLocatorWarning, NavigableString,
                 ProcessingInstruction, Tag, XMLParsedAsHTMLWarning)

from .decode import decode_bytes, normalise_newlines
from .errors import IngestError
from .tables import clean_cell, table_lines
from .page import Page

DROP_TAGS = frozenset({"script", "style", "noscript", "nav", "footer", "header", "form", "svg", "iframe", "template",
                       "head", "button", "select", "object", "embed", "canvas", "dialog"})
BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "ul", "ol", "dl", "dt", "dd",
                        "section", "article", "main", "aside", "blockquote", "pre", "address", "figure", "figcaption",
                        "caption", "hr", "body", "html", "details", "summary"})
FURNITURE_RE = re.compile(r"cookie|banner|skip-?link|skip-?to|consent|gdpr", re.I)
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")


def _is_furniture(tag: Tag) -> bool:
    if tag.name in DROP_TAGS:
        return True
    attrs = tag.attrs if isinstance(tag.attrs, dict) else {}
    ident = attrs.get("id") or ""
    classes = attrs.get("class") or []
    words = " ".join([ident] + (classes if isinstance(classes, list) else [str(classes)]))
    return bool(words and FURNITURE_RE.search(words))


def _cell_text(cell: Tag) -> str:
    return clean_cell(cell.get_text(" "))


def _table_lines(table: Tag) -> list[str]:
    """Rows of this table (not of tables nested in it) as pipe lines, separator after the first."""
    return table_lines([_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False)]
                       for tr in table.find_all("tr") if tr.find_parent("table") is table)


class _Lines:
    """Collects inline text into lines; a block boundary ends the current line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.bullet = False

    def add(self, text: str) -> None:
        text = _WS.sub(" ", text)
        if not text.strip() and not self.buf:
            return
        if self.bullet and not self.buf:
            self.buf.append("• ")
            self.bullet = False
        self.buf.append(text)

    def flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        if line and line != "•":
            self.lines.append(line)
        self.buf = []


def html_to_text(markup: str) -> str:
    """The page's visible text as lines (see the module docstring for the rules)."""
    with warnings.catch_warnings():  # XHTML and XML-looking pages are read as HTML on purpose (no entities)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "lxml")
    for tag in [t for t in soup.find_all(True) if _is_furniture(t)]:
        if not getattr(tag, "decomposed", False):
            tag.extract()
    out = _Lines()
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIP_STRINGS):
                out.add(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name or ""
        if leaving:
            if name in BLOCK_TAGS:
                out.flush()
            continue
        if name == "table":
            out.flush()
            out.lines.extend(_table_lines(node))
            continue
        if name in BLOCK_TAGS:
            out.flush()
        if name == "li":
            out.bullet = True
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    out.flush()
    return "\n".join(out.lines) + ("\n" if out.lines else "")


def html_page(data: bytes, source: str) -> Page:
    """An HTML file's bytes as a Page; ``IngestError`` when nothing visible is left (a page of scripts)."""
    text = html_to_text(normalise_newlines(decode_bytes(data, source)))
    if not text.strip():
        raise IngestError(source, "HTML page has no visible text")
    return Page(source=source, text=text)
