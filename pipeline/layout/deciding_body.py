"""The body whose meeting the minutes record ('Cabinet', 'Audit Committee', 'Open Standards Board'),
read from the top of the page: the title, the header lines above the body and running headers.

Why: a decision that names nobody ('RESOLVED that the report be noted.', 'The transfer was approved.')
was made by the body meeting (ANNOTATION.md: a decision's owner is who must carry it out where the
minutes name someone, otherwise who made it). The owner linker falls back to this body for such
decisions and says so in ``owner_basis``; actions never take it (an action with no named owner
stays without one).

A meeting of a committee or board of a larger body ('KENT COUNTY COUNCIL' / 'CABINET') is that
committee's: a committee-like noun beats 'Council' or 'Authority' wherever both appear.
"""
from __future__ import annotations

import re
from typing import Iterable

# A meeting's own body: these nouns beat the parent body's nouns below.
_MEETING_NOUNS = (r"Sub-?Committee|Committee|Cabinet|Board|Panel|Steering\s+Group|Working\s+Group|Group|Executive|"
                  r"Forum|Commission|Trustees|Partnership|Network|Assembly|SIG")
_PARENT_NOUNS = r"Council|Authority|Corporation"
_CAP = r"(?:[A-Z][\w'’&.-]*|&|and|of|for|the)"
# Up to ten capitalised words before the noun ('Chief Officer's Management Board'), and an 'of …' tail
# ('Board of Directors', 'Board of Fire Commissioners').
_PHRASE = (r"(?<![\w-])(?P<phrase>(?:[A-Z][\w'’&.-]*\s+(?:" + _CAP + r"\s+){0,9})?(?P<noun>{nouns})"
           r"(?!\s+(?!(?:Minutes|Meetings?|Actions?|Notes|Agenda|Record|Summary)\b)[A-Z][a-z])"  # 'Cabinet Office', 'Board Room'
           r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}(?:Directors|Trustees|Governors|Commissioners|Management|"
           r"Education|Health))?)(?![\w-])")
_MEETING_RE = re.compile(_PHRASE.replace("{nouns}", _MEETING_NOUNS))
_PARENT_RE = re.compile(_PHRASE.replace("{nouns}", _PARENT_NOUNS))
_LEADING = re.compile(r"^(?:(?:minutes|notes|meeting|record|draft|unconfirmed|confirmed|special|extraordinary|ordinary|"
                      r"regular|annual|joint|the|of|and|a|an|held|spring|summer|autumn|winter|january|february|march|april|may|june|"
                      r"july|august|september|october|november|december)\s+)+", re.I)
_TRAILING_SMALL = re.compile(r"(?:\s+(?:of|for|the|and|&))+$")
_MAX_WORDS = 12


def _tidy(phrase: str) -> str:
    phrase = _TRAILING_SMALL.sub("", _LEADING.sub("", re.sub(r"\s+", " ", phrase).strip()))
    if phrase.isupper():  # 'AUDIT COMMITTEE' -> 'Audit Committee'; initialisms stay ('SIG', 'COMB')
        phrase = " ".join(w if len(w) <= 4 and w.isalpha() else w.capitalize()
                          for w in phrase.split())
    return phrase


def _titled(line: str) -> str:
    """An all-capitals line in title case, so the capitalised-word pattern reads it ('KENT COUNTY COUNCIL')."""
    if not line.isupper():
        return line
    return re.sub(r"\b(Of|The|And|For)\b", lambda m: m[1].lower(), line.title())


def _first(pattern: re.Pattern, lines: Iterable[str]) -> str:
    for line in lines:
        for m in pattern.finditer(_titled(line)):
            phrase = _tidy(m["phrase"])
            if phrase and len(phrase.split()) <= _MAX_WORDS:
                return phrase
    return ""


def deciding_body(lines: Iterable[str]) -> str:
    """The meeting's body from the page's top lines (in page order), '' when none names one."""
    lines = [ln.strip() for ln in lines if ln and ln.strip()]
    return _first(_MEETING_RE, lines) or _first(_PARENT_RE, lines)
