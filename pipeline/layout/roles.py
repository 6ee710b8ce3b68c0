"""One role for every line of a page, so that nothing the layout stage reads is lost without a
trace: ``minutes inspect`` prints these, and the lines no table takes are exported as set aside.

The roles, decided from the page alone (never from other pages of a batch):

- header fields: ``title``, ``meeting_date``, ``venue``, ``header`` (other lines above the attendance);
- ``attendance`` and ``apologies``;
- ``item`` (an agenda item heading) and ``heading`` (a heading line: 'Decisions:', 'Summary of
  outcomes', 'DEEP DIVE: CUSTODY'), which give the sentences below them their context;
- ``body`` (sentences the classifier labels) and ``update`` (the status of an earlier action);
- ``next_meeting``;
- set aside, never classified: ``fragment`` (too short or no words to be a sentence), ``table_row``
  (a table row holding no sentence, or a header row), ``attendance_list`` (a further list of people
  in the body), ``boilerplate`` (site furniture), and whatever ingestion set
  aside (``page_furniture``, ``signature``, ``front_matter``, ``code_block``, ``navigation``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SET_ASIDE_ROLES = frozenset({"fragment", "table_row", "attendance_list", "boilerplate", "page_furniture", "signature",
                             "front_matter", "code_block", "navigation"})


@dataclass(frozen=True)
class LineRole:
    """A line of the page and the role the layout stage gave it. ``start``/``end`` index the page's
    text; lines that ingestion set aside (not in the text) have -1."""

    start: int
    end: int
    text: str
    role: str
    detail: str = ""  # why, where it helps: 'repeated 3 times on the page', 'page 2'

    @property
    def set_aside(self) -> bool:
        return self.role in SET_ASIDE_ROLES


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with vs via per re".split())
_TERMINAL = tuple(".!?;")
# Page furniture that any format can carry in its text: 'Page 2 of 4', '- 3 -', a bare page number,
# 'Signed ______ Dated ______'.
FURNITURE_RE = re.compile(
    r"^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*/\s*\d{1,4})$"
    r"|\bpage\s+\d{1,4}\s+of\s+\d{1,4}\s*$|[–—-]\s*page\s+\d{1,4}\s*$"
    r"|^(?:signed|signature|chair(?:man|person)?|dated?)\b[\s.:]*_{3,}.*$"
    r"|^signed(?:\s+by)?\s+(?:the\s+)?(?:chair(?:man|person|woman)?|mayor|president|clerk|secretary)\b[\s.:_]*$"
    r"|^(?:signed|chair(?:man|person)?|date[d]?)\s*[:.]?\s*$"
    r"|^_{4,}[\s_.]*$",
    re.I,
)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


# A line that is only a web or mail address, or only an aside in brackets ('(Chief Officer, Estates)').
_ADDRESS_OR_ASIDE_RE = re.compile(r"^(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\([^()]*\))[.;,]?$", re.I)


def is_fragment(text: str) -> bool:
    """Too little to be a sentence: no words, one or two words without a full stop ('AGM',
    'Accounts?', '2.'), or only an address or a bracketed aside; 'Approved.' and 'Agreed.' stay
    sentences (terse decisions)."""
    found = words(text)
    if not found or _ADDRESS_OR_ASIDE_RE.match(text.strip()):
        return True
    return len(found) <= 2 and not text.rstrip().endswith(".")


# Agenda-title tags: 'Telematics – for decision (Papers)', 'Estates (Paper) (closed)'.
_AGENDA_TAG_RE = re.compile(
    r"(?:[–—-]\s*for\s+(?:decision|information|noting|discussion|approval|assurance)\b[^.]*"
    r"|\((?:papers?|report|verbal(?:\s+update)?|presentation|closed|open|for\s+\w+)\)\s*)$", re.I)
# Words that make a line in capitals a sentence ('RESOLVED THAT THE REPORT BE NOTED'), not a heading.
_SHOUTED_VERBS = frozenset("that be is was were will would should shall agreed resolved approved noted to".split())


def is_heading_like(text: str) -> bool:
    """A heading or a list of names rather than a sentence: no closing punctuation and every
    content word capitalised ('Learning Management System Business Case', 'Ann Lee, Bo Chan'), or an
    agenda title tagged 'for decision' / '(Paper)'. A task always has a lower-case verb ('Clerk to
    write', 'HC to look at this'), so it never reads as one. A line in capitals is a sentence when it
    has a verb or 'that' ('RESOLVED THAT THE REPORT BE NOTED'); bracketed asides are not counted."""
    stripped = text.strip()
    if not stripped or stripped.endswith(_TERMINAL) or "|" in stripped:
        return False
    if _AGENDA_TAG_RE.search(stripped) and len(words(stripped)) <= 14:
        return True
    found = words(re.sub(r"\([^()]*\)", " ", stripped))
    content = [w for w in found if w.lower() not in _SMALL_WORDS]
    if not content or not all(w[0].isupper() for w in content):
        return False
    shouting = all(w.isupper() for w in content if len(w) > 1)
    return not shouting or (len(content) <= 8 and not any(w.lower() in _SHOUTED_VERBS for w in found))


def is_furniture(text: str) -> bool:
    return bool(FURNITURE_RE.search(text.strip()))


def is_empty_table_row(text: str) -> bool:
    """A table row none of whose cells reads as a sentence (four words, one of them lower case)."""
    if "|" not in text:
        return False
    for cell in text.split("|"):
        found = words(cell)
        if len(found) >= 4 and any(w[0].islower() for w in found):
            return False
    return True
