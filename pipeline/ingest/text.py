"""Plain-text pages (.txt, .text): decoded and newline-normalised, otherwise kept as written,
except for what a printer or a PDF-to-text converter added:

- page furniture: a form feed is a page break, and a short line naming the page ('Page 2 of 4',
  'Minutes 2.3.2025      Page 2 of 4') is set aside (``Page.set_aside``), not text;
- hard wraps: in a page wrapped at a fixed width (most lines end near the same column, none runs
  far past it) a line that reaches that column and is followed, in the same block and at the same
  indent, by more text is joined to it, so a sentence is one line again;
- a line broken mid-sentence before a lowercase word is joined back (``unwrap.join_broken_lines``).
"""
from __future__ import annotations

import re

from .decode import decode_bytes, normalise_newlines
from .page import Page, SetAside
from .unwrap import is_page_line, is_structural, join_broken_lines

_LABEL_RE = re.compile(r"^\s*[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}:")  # 'Recommendation:' opens its own line
_REACH = 0.8  # a line this share of the wrap width long reached the margin
_SENTENCE_END_RE = re.compile(r"[.!?:;)]['\"’”]?$")
_MIN_LINES = 20  # fewer lines than this say nothing about a wrap width
_WRAP_MAX = 110  # a wrap column past this is a page of long lines, not a wrapped one


def _furniture(lines: list[str]) -> tuple[list[str], list[SetAside]]:
    kept, aside = [], []
    for n, line in enumerate(lines, 1):
        clean = line.replace("\f", "")
        if is_page_line(clean):
            aside.append(SetAside(clean.strip(), "page_furniture", f"line {n}"))
        else:
            kept.append(clean)
    return kept, aside


def _wrap_width(lines: list[str]) -> int | None:
    """The column the page is wrapped at, or None when it is not a fixed-width wrapped page."""
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if len(lengths) < _MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > _WRAP_MAX or lengths[-1] > 1.3 * width or sum(n >= 0.7 * width for n in lengths) < 0.3 * len(lengths):
        return None
    long = [ln.rstrip() for ln in lines if len(ln.rstrip()) >= _REACH * width]
    open_ends = sum(not _SENTENCE_END_RE.search(ln) for ln in long)
    return width if open_ends >= 0.5 * len(long) else None  # wrapped lines stop mid-sentence


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _text_indent(line: str) -> int:
    """Where a line's text starts, after a bullet or number ('•    Text' -> the column of 'Text')."""
    m = re.match(r"^(\s*(?:[•\-*–·▪●◦]|\d{1,3}[.)]|[A-Z][.)])\s+)", line)
    return len(m.group(1)) if m else _indent(line)


def unwrap_fixed_width(lines: list[str]) -> list[str]:
    """Join the hard-wrapped lines of a fixed-width page (see the module docstring)."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    reach = False  # the last line of ``out`` ended near the wrap column
    for line in lines:
        prev = out[-1] if out else ""
        if (reach and line.strip() and prev.strip() and not prev.rstrip().endswith(":") and not _LABEL_RE.match(line)
                and not is_structural(line) and abs(_indent(line) - _text_indent(prev)) <= 2):
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
        reach = len(line.rstrip()) >= _REACH * width
    return out


def text_page(data: bytes, source: str) -> Page:
    """A text file's bytes as a Page."""
    lines, aside = _furniture(normalise_newlines(decode_bytes(data, source)).split("\n"))
    text = join_broken_lines("\n".join(unwrap_fixed_width(lines)))
    return Page(source=source, text=text, set_aside=aside)
