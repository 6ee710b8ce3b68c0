"""Joining lines a converter broke mid-sentence ('be\\nnoted.') back into one line.

A line is joined to the next when it does not end in sentence punctuation and the next line
starts with a lowercase letter; table rows, separators, bullets and numbered lines are never
joined. The PDF reader adds its own, geometric test for lines wrapped at the right margin.
"""
from __future__ import annotations

import re

_END_RE = re.compile(r"[.!?:;|]['\"’”)\]]*$")
_REGARDING_RE = re.compile(r"\b(?:re|viz|ref)[.:]$", re.I)  # 'a press release, re:' runs on: not an intro
_BULLET_RE = re.compile(r"^(?:[•\-*–·▪●◦]\s|\d{1,3}[a-z]?[.)]\s|\(?[ivx]{1,5}[.)]\s|\([a-z]\)\s|[a-z]\)\s)")


def is_structural(line: str) -> bool:
    """Table rows, separators, bullets and numbered lines: never joined to a neighbour."""
    s = line.strip()
    return not s or "|" in s or bool(_BULLET_RE.match(s)) or set(s) <= set("-|: ")


def continues(line: str, following: str) -> bool:
    """``following`` carries on the sentence ``line`` broke off."""
    a, b = line.strip(), following.strip()
    if not a or not b or (_END_RE.search(a) and not _REGARDING_RE.search(a)) or is_structural(b) or "|" in a:
        return False
    return b[0].islower()


def join_broken_lines(text: str) -> str:
    """``text`` with every broken sentence joined back onto one line (see the module docstring)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and continues(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


_PAGE_LINE_RE = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-)$"  # 'Page 2', 'Page 2 of 4', '- 2 -'
    r"|(?:[-–—|]|\s{3,})\s*page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$"  # 'Minutes – 4 May – Page 2'
    r"|\bpage\s+\d{1,3}\s+of\s+\d{1,3}\b",  # 'Page 2 of 4' anywhere
    re.I)


def is_page_line(line: str) -> bool:
    """A printed page's header or footer naming the page, carried into text by a converter or a
    copy from a PDF ('Page 2 of 4', 'Minutes – 4 May 2031 – Page 2'): page furniture, not text."""
    s = line.replace("\f", "").strip()
    return bool(s) and len(s.split()) <= 12 and bool(_PAGE_LINE_RE.search(s))
