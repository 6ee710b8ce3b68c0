"""Site furniture in saved pages: cookie banners, beta notices, 'Quickly exit this site'.

Two sources: wording known from police and council sites (:data:`KNOWN_RE`), and lines repeated
across many pages of one archive (:func:`find_repeated_lines`). Lines that carry the minutes'
own structure (headings, table rows, 'Apologies', meeting vocabulary) are never boilerplate,
however often they repeat.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .lines import Line, reindex, split_lines
from .next_meeting import is_date_line

# Phrases distinctive enough to mark a whole line, and to cut it where glued onto real text.
KNOWN_RE = re.compile(
    r"we use (?:some )?(?:essential |necessary )?cookies|cookie (?:settings|preferences|policy|notice)"
    r"|manage your (?:cookie )?preferences|(?:accept|reject) (?:all |additional |analytics )?cookies"
    r"|customi[sz]e cookies|this site is a beta|this is a (?:new|beta) service|quickly exit this site"
    r"|leave this site|exit this site|skip to (?:main )?content|sorry, there was a technical problem"
    r"|your feedback (?:helps|will help) us|javascript (?:is )?(?:disabled|required|turned off)"
    r"|back to top|all rights reserved|share this page|print this page|was this page (?:useful|helpful)"
    r"|sign up (?:to|for) (?:our )?(?:newsletter|email)|follow us on|(?:leave|hide|exit) this page"
    r"|press(?:ing)? (?:the )?esc|quick(?:ly)? exit|something went wrong|please refresh|privacy notice"
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


# 'Tuesday 12 March 2024.Leave this page ...': a date line with anything glued after its full stop.
_GLUED_AFTER_DATE_RE = re.compile(r"^(?P<date>.*?\d\.)(?=[A-Z][a-z])")


def normalise(line: str) -> str:
    """The form repeated lines are compared in."""
    return re.sub(r"\s+", " ", line).strip().lower()


def find_repeated_lines(texts: Iterable[str], min_pages: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Normalised lines found on at least ``min_pages`` pages and on ``min_share`` of all pages.

    Pass the result to ``parse_minutes``: a line every page of an archive carries is the site's,
    not the meeting's. Protected lines (see :data:`PROTECTED_RE`) are left out.
    """
    counts: Counter[str] = Counter()
    n = 0
    for text in texts:
        if not text.strip():  # an unreadable page is no page: it must not dilute the share
            continue
        n += 1
        counts.update({normalise(ln.text) for ln in split_lines(text)})
    if not n:
        return frozenset()
    return frozenset(line for line, c in counts.items()
                     if c >= min_pages and c / n >= min_share and not PROTECTED_RE.search(line))


def is_boilerplate(line: str, repeated: frozenset[str] = frozenset()) -> bool:
    """A whole line of site furniture: known wording (at the line's start, or anywhere in a line
    without the minutes' own vocabulary), or a line the archive repeats on most pages."""
    protected = PROTECTED_RE.search(line)
    if repeated and not protected and normalise(line) in repeated:
        return True
    m = KNOWN_RE.search(line)
    return bool(m) and (not line[: m.start()].strip() or not protected)


def content_lines(page: str, repeated: frozenset[str] = frozenset()) -> list[Line]:
    """The page's lines without boilerplate; furniture glued onto the end of a real line
    ('Tuesday 12 March 2024.Quickly exit this site ...') is cut off by narrowing the line."""
    kept: list[Line] = []
    for line in split_lines(page):
        m = GLUED_RE.search(line.text)
        head = line.text[: m.start()] if m else ""
        if m and head.strip() and (not head[-1].isspace() or head.rstrip()[-1] in ".!?"):
            line = line.trimmed(line.start, line.start + m.start(), page)
        d = _GLUED_AFTER_DATE_RE.match(line.text)
        if d and is_date_line(d.group("date")):
            line = line.trimmed(line.start, line.start + d.end("date"), page)
        if not is_boilerplate(line.text, repeated):
            kept.append(line)
    return reindex(kept)
