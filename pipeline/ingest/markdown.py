"""Markdown minutes (.md, .markdown): the text a reader sees, not the markup.

Minutes published from static sites and wikis are Markdown, often with YAML front matter and
sometimes with an HTML body. The Markdown is parsed with markdown-it-py (a CommonMark-compliant
parser, well kept, with GFM tables; already installed with Typer's ``rich``) into HTML, and that
HTML is read by the HTML reader, so inline or block HTML, emphasis, headings and lists all end as
plain lines and no tag or marker reaches the text. Rules:

- front matter: short values go to ``Page.meta`` ('title', 'date' from ``date``/``start``) and the
  block to ``set_aside``; long multi-line values (a CMS keeps the minutes or agenda there) are
  Markdown content and are read as the body;
- headings become plain lines, list items '- ' lines ('2. ' in a numbered list), tables
  ``cell | cell |`` rows without the ``|---|`` separator row;
- fenced code blocks (JSON, YAML, code) are set aside; an indented block is text unless it holds data;
- soft line breaks are joined, so each paragraph is one line.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from .decode import decode_bytes, normalise_newlines
from .errors import IngestError
from .html import html_extract
from .page import Page, SetAside
from .tables import clean_cell

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_FRONT_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_DATE_KEYS = ("date", "meeting_date", "start", "start_date")
_CONTENT_MIN = 200  # a front-matter string this long, or with a line break, is content, not metadata
_DATA_START = ("{", "[", "<")
_STRAY_MARK_RE = re.compile(r"(?:(?<=\s)|^)(?:\*\*|__)(?=\s|$)")  # an emphasis mark the author never closed


def _yaml(block: str) -> dict[str, Any] | None:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _meta_value(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return html.unescape(str(value)).strip()


def front_matter(text: str) -> tuple[dict[str, str], list[str], str, str]:
    """(meta, content values, the rest of the block as 'key: value' lines, body) of a page that
    opens with YAML front matter."""
    m = _FRONT_RE.match(text)
    if not m:
        return {}, [], "", text
    block, body = m.group(1) or "", text[m.end():]
    data = _yaml(block)
    if data is None:  # not YAML after all (a '---' rule opening the page): read it as Markdown
        return {}, [], "", text
    meta: dict[str, str] = {}
    content: list[str] = []
    rest: list[str] = []
    for key, value in data.items():
        if isinstance(value, str) and ("\n" in value.strip() or len(value) >= _CONTENT_MIN):
            content.append(value)
            continue
        rest.append(f"{key}: {_meta_value(value) if value is not None else ''}")
        if isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool) and str(value).strip():
            meta[str(key)] = _meta_value(value)
    date = next((meta[k] for k in _DATE_KEYS if k in meta), None)
    if date:
        meta["date"] = date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else date
    return meta, content, "\n".join(rest), body


def _pipe_rows(rows: list[list[str]]) -> list[str]:
    """Markdown table rows as ``cell | cell |`` lines; the ``|---|`` row is markup, not a row."""
    return [" | ".join(clean_cell(c) for c in cells) + " |" for cells in rows if any(cells)]


def _parser(set_aside: list[SetAside]):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

    def fence(renderer, tokens, idx, options, env) -> str:
        tok = tokens[idx]
        if tok.content.strip():
            lang = tok.info.strip().split()[0] if tok.info.strip() else "code"
            set_aside.append(SetAside(tok.content.rstrip("\n"), "code_block", f"{lang} block, line {tok.map[0] + 1}"
                                      if tok.map else f"{lang} block"))
        return ""

    def code_block(renderer, tokens, idx, options, env) -> str:
        tok = tokens[idx]
        if tok.content.lstrip().startswith(_DATA_START):
            return fence(renderer, tokens, idx, options, env)
        lines = [ln.strip() for ln in tok.content.split("\n") if ln.strip()]
        return "".join(f"<p>{html.escape(ln)}</p>" for ln in lines)

    def list_item_open(renderer, tokens, idx, options, env) -> str:
        number = tokens[idx].info  # the number the author wrote ('3.'), which HTML would renumber
        return f'<li value="{html.escape(number)}">' if number.isdigit() else "<li>"

    md.add_render_rule("list_item_open", list_item_open)
    md.add_render_rule("fence", fence)
    md.add_render_rule("code_block", code_block)
    return md


def markdown_extract(text: str) -> tuple[list[str], dict[str, str], list[SetAside]]:
    """(lines, meta, set aside) of Markdown source text (see the module docstring)."""
    text = _INVISIBLE.sub("", text)
    meta, content, block, body = front_matter(text)
    set_aside: list[SetAside] = []
    if block.strip():
        set_aside.append(SetAside(block.rstrip("\n"), "front_matter", "front matter"))
    md = _parser(set_aside)
    lines: list[str] = []
    for source in content + [body]:
        got = html_extract(md.render(source), whole_page=False, bullet="- ", render_table=_pipe_rows)
        lines += got.lines
        set_aside += got.set_aside
    return [_STRAY_MARK_RE.sub("", ln).strip() for ln in lines], meta, set_aside


def markdown_page(data: bytes, source: str) -> Page:
    """A Markdown file's bytes as a Page; ``IngestError`` when only front matter or code is left."""
    lines, meta, set_aside = markdown_extract(normalise_newlines(decode_bytes(data, source)))
    if not lines:
        raise IngestError(source, "Markdown page has no text outside its front matter and code blocks")
    return Page(source=source, text="\n".join(lines) + "\n", meta=meta, set_aside=set_aside)
