"""Saved web pages to the same line text a Kent ``.txt`` page has.

Block elements become lines, ``<li>`` become '• ' lines ('3. ' inside ``<ol>``) and each
``<table>`` becomes ``cell | cell |`` lines with a ``---|---|`` separator after its first row, so
the layout stage reads one format. The page is reduced to its main content, where the markup
still says what it is: the ``<main>`` element (or ``role="main"``, or a page's only ``<article>``)
when there is one; otherwise the whole body less navigation, headers, footers, asides, cookie
banners and link-dense blocks (lists or boxes whose text is mostly link text: menus printed as
plain ``<ul>``). This rule, rather than a boilerplate library (trafilatura, readability, which
score paragraphs by length), keeps every short line and table of the content, which minutes are
made of. What is removed and was visible goes into ``Page.set_aside``; scripts and styles are not
text and are dropped. Nothing is fetched: lxml's HTML parser loads no DTD and resolves no external entity, and
the tree is walked without recursion so absurd nesting cannot overflow.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Callable

from bs4 import (BeautifulSoup, Comment, Declaration, Doctype, MarkupResemblesLocatorWarning, NavigableString,
                 ProcessingInstruction, Tag, XMLParsedAsHTMLWarning)

from .decode import decode_bytes, normalise_newlines
from .errors import IngestError
from .page import Page, SetAside
from .tables import clean_cell, table_lines
from .unwrap import is_page_line

INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "svg", "template", "head", "object", "embed", "canvas",
                            "iframe"})
NAVIGATION_TAGS = frozenset({"nav", "footer", "header", "aside", "menu"})
FORM_TAGS = frozenset({"form", "button", "select", "dialog"})
DROP_TAGS = INVISIBLE_TAGS | NAVIGATION_TAGS | FORM_TAGS
BLOCK_TAGS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "ul", "ol", "dl", "dt", "dd",
                        "section", "article", "main", "aside", "blockquote", "pre", "address", "figure", "figcaption",
                        "caption", "hr", "body", "html", "details", "summary"})
FURNITURE_RE = re.compile(r"cookie|banner|skip-?link|skip-?to|consent|gdpr", re.I)
_LINK_BLOCKS = ("ul", "ol", "div", "section", "table", "p", "dl")
_MAIN_SHARE = 0.2  # a main element with less of the page's text than this is not where the content is
_LINK_DENSITY = 0.6  # a block whose text is at least this share link text, with 3+ links, is a menu
TableRenderer = Callable[[list[list[str]]], list[str]]
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")


@dataclass
class HtmlText:
    """What :func:`html_extract` read: the lines, what it removed, and the page's ``<title>``."""

    lines: list[str]
    set_aside: list[SetAside] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def _words(tag: Tag) -> str:
    return _WS.sub(" ", tag.get_text(" ")).strip()


def _furniture_role(tag: Tag, keep_headers: bool) -> str | None:
    """'navigation' / 'boilerplate' for site furniture, '' for invisible markup, None for content."""
    if tag.name in INVISIBLE_TAGS:
        return ""
    if tag.name in NAVIGATION_TAGS:
        return None if tag.name == "header" and keep_headers else "navigation"
    if tag.name in FORM_TAGS:
        return "boilerplate"
    attrs = tag.attrs if isinstance(tag.attrs, dict) else {}
    classes = attrs.get("class") or []
    words = " ".join([attrs.get("id") or ""] + (classes if isinstance(classes, list) else [str(classes)]))
    return "boilerplate" if words.strip() and FURNITURE_RE.search(words) else None


def _visible_chars(tag: Tag) -> int:
    return sum(len(t.strip()) for t in tag.find_all(string=True)
               if not isinstance(t, _SKIP_STRINGS) and t.parent is not None and t.parent.name not in INVISIBLE_TAGS)


def _main_content(soup: BeautifulSoup) -> Tag | None:
    """The element the page itself marks as its main content, if it marks one."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if not isinstance(main, Tag):
        articles = soup.find_all("article")
        main = articles[0] if len(articles) == 1 else None
    if main is None or _visible_chars(main) < _MAIN_SHARE * _visible_chars(soup):
        return None  # a stray or empty <main>: the content is elsewhere
    return main


def _text_stats(tag: Tag, stats: dict[int, tuple[int, int, int]]) -> tuple[int, int, int]:
    """(links, characters of link text, characters) of ``tag``, from its children's stats: one
    bottom-up pass, so deep nesting costs no more than flat markup."""
    links = link_chars = chars = 0
    for child in tag.children:
        if isinstance(child, Tag):
            a, b, c = stats.get(id(child), (0, 0, 0))
            links, link_chars, chars = links + a, link_chars + b, chars + c
        elif isinstance(child, NavigableString) and not isinstance(child, _SKIP_STRINGS):
            chars += len(child.strip())
    if tag.name == "a":
        links, link_chars = links + 1, chars
    stats[id(tag)] = (links, link_chars, chars)
    return links, link_chars, chars


def _link_dense(links: int, link_chars: int, chars: int) -> bool:
    return links >= 3 and chars > 0 and link_chars >= _LINK_DENSITY * chars


def _set_aside(tag: Tag, role: str, where: str, out: list[SetAside]) -> None:
    text = _words(tag)
    if text:
        out.append(SetAside(text, role, where))


def _cell_text(cell: Tag) -> str:
    return clean_cell(cell.get_text(" "))


def _table_rows(table: Tag) -> list[list[str]]:
    """Cells of this table's rows (not of tables nested in it)."""
    return [[_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False)]
            for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _list_marker(li: Tag, bullet: str) -> str:
    parent = li.parent
    if isinstance(parent, Tag) and parent.name == "ol":
        if str(li.get("value") or "").isdigit():
            return f"{li['value']}. "
        try:
            start = int(str(parent.get("start") or 1))
        except ValueError:
            start = 1
        return f"{start + len(li.find_previous_siblings('li'))}. "
    return bullet


class _Lines:
    """Collects inline text into lines; a block boundary ends the current line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.marker = ""

    def add(self, text: str) -> None:
        text = _WS.sub(" ", text)
        if not text.strip() and not self.buf:
            return
        if self.marker and not self.buf:
            self.buf.append(self.marker)
            self.marker = ""
        self.buf.append(text)

    def flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        if line and line not in ("•", "-") and not re.fullmatch(r"\d+\.", line):
            self.lines.append(line)
        self.buf = []


def _parse(markup: str) -> BeautifulSoup:
    with warnings.catch_warnings():  # XHTML and XML-looking pages are read as HTML on purpose (no entities)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "lxml")


def _render(root: Tag, bullet: str, render_table: TableRenderer = table_lines) -> list[str]:
    out = _Lines()
    stack: list[tuple[object, bool]] = [(root, False)]
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
            out.lines.extend(render_table(_table_rows(node)))
            continue
        if name in BLOCK_TAGS:
            out.flush()
        if name == "li":
            out.marker = _list_marker(node, bullet)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    out.flush()
    return out.lines


def html_extract(markup: str, whole_page: bool = True, bullet: str = "• ",
                 render_table: TableRenderer = table_lines) -> HtmlText:
    """The visible text of ``markup`` as lines (see the module docstring for the rules).

    ``whole_page`` False reads a fragment (HTML inside a Markdown file): everything in it is
    content, so no main-content or link-density choice is made. ``render_table`` turns a table's
    rows into lines (pipe rows with a separator after the first, unless told otherwise).
    """
    soup = _parse(markup)
    out = HtmlText(lines=[])
    title = soup.find("title")
    if isinstance(title, Tag) and _words(title):
        out.meta["title"] = _words(title)
    main = _main_content(soup) if whole_page else None
    if main is not None:
        main.extract()
        for line in _render(_strip(soup, out.set_aside, False, whole_page), bullet):
            out.set_aside.append(SetAside(line, "navigation", "outside the main content"))
        root: Tag = main
    else:
        root = soup
    _strip(root, out.set_aside, main is not None, whole_page)
    for n, line in enumerate(_render(root, bullet, render_table), 1):
        if is_page_line(line):  # a PDF's 'Page 2 of 4' pasted into the page
            out.set_aside.append(SetAside(line, "page_furniture", f"line {n}"))
        else:
            out.lines.append(line)
    return out


def _strip(root: Tag, set_aside: list[SetAside], in_main: bool, whole_page: bool) -> Tag:
    """Remove site furniture (and, on a page with no marked main content, link-dense blocks) from ``root``."""
    head = root.find("head")
    if isinstance(head, Tag):
        head.extract()
    removed: list[SetAside] = []
    stats: dict[int, tuple[int, int, int]] = {}
    for tag in reversed(root.find_all(True)):  # inner blocks first: a menu goes before its page's density is read
        if tag.parent is None:
            continue
        role = _furniture_role(tag, keep_headers=in_main)
        if role is None and whole_page and not in_main and tag.name in _LINK_BLOCKS and _link_dense(*_text_stats(tag, stats)):
            role = "navigation"
        elif role is None:
            _text_stats(tag, stats)
        if role is None:
            continue
        if role:
            _set_aside(tag, role, f"<{tag.name}>", removed)
        tag.extract()
    set_aside.extend(reversed(removed))  # in page order
    return root


def html_to_text(markup: str) -> str:
    """The page's visible main-content text as lines (see the module docstring for the rules)."""
    lines = html_extract(markup).lines
    return "\n".join(lines) + ("\n" if lines else "")


def html_page(data: bytes, source: str) -> Page:
    """An HTML file's bytes as a Page; ``IngestError`` when nothing visible is left (a page of scripts)."""
    got = html_extract(normalise_newlines(decode_bytes(data, source)))
    if not got.lines:
        raise IngestError(source, "HTML page has no visible text")
    return Page(source=source, text="\n".join(got.lines) + "\n", meta=got.meta, set_aside=got.set_aside)
