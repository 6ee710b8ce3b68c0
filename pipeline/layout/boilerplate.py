"""Site furniture in saved pages: cookie banners, beta notices, 'Quickly exit this site'.

Decided from each page alone, never from the other pages of a batch (a board's archive repeats
its attendance list every month, and those lines are the meeting's, not the site's): wording known
from police and council sites (:data:`KNOWN_RE`), page furniture ('Page 2 of 4', signature
lines), and running headers repeated on the page. Lines that carry the minutes' own structure
(headings, table rows, item numbers, sentences) are never taken for a running header.
"""
from __future__ import annotations

import re
from collections import Counter

from .lines import Line, reindex, split_lines
from .next_meeting import is_date_line
from .roles import LineRole, is_furniture

# Phrases distinctive enough to mark a whole line, and to cut it where glued onto real text.
KNOWN_RE = re.compile(
    r"we use (?:some )?(?:essential |necessary )?cookies|cookie (?:settings|preferences|policy|notice)"
    r"|manage your (?:cookie )?preferences|(?:accept|reject) (?:all |additional |analytics )?cookies"
    r"|customi[sz]e cookies|this site is a beta|this is a (?:new|beta) service|quickly exit this site"
    r"|leave this site|exit this site|skip to (?:main )?content|sorry, there was a technical problem"
    r"|your feedback (?:helps|will help) us|javascript (?:is )?(?:disabled|required|turned off)"
    r"|back to top|all rights reserved|share this page|print this page|was this page (?:useful|helpful)"
    r"|sign up (?:to|for) (?:our )?(?:newsletter|email)|follow us on|(?:leave|hide|exit) this page"
    r"|press(?:ing)? (?:the )?esc|quick(?:ly)? exit|something went wrong|please refresh"
    r"|^(?:read |view |see )?(?:our |the )?privacy notice\b"  # a link line; 'to publish the privacy notice' is minutes
    r"|cookie choices|(?:use|uses) (?:\w+ )?cookies",
    re.I,
)
# Furniture that saved pages glue onto the end of the last real line, cut off where found.
GLUED_RE = re.compile(
    r"quickly exit this site|we use (?:some )?essential cookies|skip to main content|this site is a beta"
    r"|sorry, there was a technical problem|(?:leave|hide|exit) this (?:page|site)|quick exit",
    re.I,
)
# Lines the minutes themselves use, never boilerplate even when every page has them.
PROTECTED_RE = re.compile(
    r"\||^-{3,}|^(?:title|date|venue|present|attendees|in attendance|apologies|by invitation)\b"
    r"|^(?:new )?(?:decisions?|actions?|resolved|recommendations?)\b|^(?:item\s+)?\d{1,3}[a-z]?[.):]\s"
    r"|\b(?:minutes|record|apologies|agenda|meeting|chair|approved|agreed|noted|resolved|decision|action)\b",
    re.I,
)


# Lines never taken for a running header however often a page repeats them: table rows, item
# numbers, headings of the minutes' own ('Decision:', 'Action: RJ/DB'), finished sentences.
PROTECTED_LINE_RE = re.compile(
    r"\||^(?:[•*·▪●◦–-]\s*)?(?:new\s+)?(?:decisions?|actions?|resolved|resolutions?|recommendations?|agreed|update|outcome"
    r"|due|deadline|owner|lead|target|timescale|responsible)\b"
    r"|^(?:item\s+)?\d{1,3}[a-z]?[.):]\s|[.!?:;]$",
    re.I,
)
REPEATS = 3

# 'Tuesday 12 March 2024.Leave this page ...': a date line with anything glued after its full stop.
_GLUED_AFTER_DATE_RE = re.compile(r"^(?P<date>.*?\d\.)(?=[A-Z][a-z])")


def normalise(line: str) -> str:
    """The form repeated lines are compared in."""
    return re.sub(r"\s+", " ", line).strip().lower()


def is_boilerplate(line: str) -> bool:
    """A whole line of site furniture: known wording, at the line's start, or anywhere in a line
    without the minutes' own vocabulary."""
    protected = PROTECTED_RE.search(line)
    m = KNOWN_RE.search(line)
    return bool(m) and (not line[: m.start()].strip() or not protected)


def _repeat_key(line: str) -> str:
    """Running headers differ only in their numbers ('Minutes - Page 2', '... Page 3')."""
    return re.sub(r"\d+", "#", normalise(line))


def content_lines(page: str) -> tuple[list[Line], list[LineRole]]:
    """The page's lines without boilerplate, and the lines set aside with their role.

    Decided from this page alone: known site wording, page furniture ('Page 2 of 4', signature
    lines) and a line repeated :data:`REPEATS` times or more on the page (a running header; its
    first occurrence is kept, as it may be the page's title). Furniture glued onto the end of a
    real line ('Tuesday 12 March 2024.Quickly exit this site ...') is cut off by narrowing the line.
    """
    kept: list[Line] = []
    aside: list[LineRole] = []
    lines = split_lines(page)
    counts = Counter(_repeat_key(ln.text) for ln in lines)
    seen: set[str] = set()
    for line in lines:
        m = GLUED_RE.search(line.text)
        head = line.text[: m.start()] if m else ""
        if m and head.strip() and (not head[-1].isspace() or head.rstrip()[-1] in ".!?"):
            narrowed = line.trimmed(line.start, line.start + m.start(), page)
            aside.append(LineRole(narrowed.end, line.end, page[narrowed.end:line.end].strip(), "boilerplate",
                                  "site furniture glued onto a line"))
            line = narrowed
        d = _GLUED_AFTER_DATE_RE.match(line.text)
        if d and is_date_line(d.group("date")):
            narrowed = line.trimmed(line.start, line.start + d.end("date"), page)
            aside.append(LineRole(narrowed.end, line.end, page[narrowed.end:line.end].strip(), "boilerplate",
                                  "glued after a date"))
            line = narrowed
        key = _repeat_key(line.text)
        if is_boilerplate(line.text):
            aside.append(LineRole(line.start, line.end, line.text, "boilerplate", "site furniture"))
        elif is_furniture(line.text):
            aside.append(LineRole(line.start, line.end, line.text, "page_furniture", "page number or signature line"))
        elif counts[key] >= REPEATS and key in seen and not PROTECTED_LINE_RE.search(line.text):
            aside.append(LineRole(line.start, line.end, line.text, "page_furniture",
                                  f"repeated {counts[key]} times on the page"))
        else:
            kept.append(line)
        seen.add(key)
    return reindex(kept), aside
