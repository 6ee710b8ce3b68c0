"""The next meeting's date, only where the page states it:

- a label: 'Date of next meeting: ...', 'Next meeting: ...', or a 'Next meeting details' heading
  with the date on the line under it;
- a sentence: 'The next meeting [of the Committee] will be held on ...', 'Next regular meeting to be
  held ...', 'Next plenary session on ...' — in the closing part of the page only, since a report
  in the middle of the minutes may give the next meeting of another body;
- an agenda front sheet announcing this body's coming meeting ('A meeting of the Committee will
  be held: / Date: ...');
- a page whose last line is just a date (Kent pages).

A date on or before the meeting's own date is not a next meeting."""
from __future__ import annotations

import re
from datetime import date

from ..dates import find_dates, parse_date
from .lines import Line

# A minute number or item code before the label: '14/25', 'P/25/38', 'F25/69', '12.', '7)'.
_NUMBER = r"(?:(?:(?i:minute)\s+|[A-Z]{1,4}\s?/?\s?)?\d{1,4}(?:[./]\d{1,4})*[.):]?(?:\s+[-–—])?\s+)?"
# What the next gathering is called: 'meeting', 'SIG', 'board', 'call' ('Next SIG: 14 May').
_GATHERING = r"(?:(?i:meeting|session|call|board|committee|council|forum|panel|group)|[A-Z]{2,6})"
LABEL_RE = re.compile(
    r"^" + _NUMBER + r"(?i:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting"
    r"|next\s+(?:(?i:[a-z]+)\s+)?" + _GATHERING + r"(?i:\s+date)?)"
    r"\s*(?:[:\-–—]\s*|\s+(?i:is|will\s+be)\s+)",
)
HEADING_RE = re.compile(
    r"^" + _NUMBER + r"(?:date\s+of\s+)?(?:the\s+)?next\s+meeting(?:\s+(?:details|date))?\s*:?$", re.I)
PROSE_RE = re.compile(   # a sentence about the next meeting, anywhere in a line
    r"(?:^|(?<=[.!?;]\s))(?:the\s+)?(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?)?next\s+(?:[a-z]+\s+){0,2}?"
    r"(?:meeting|session|plenary)\b(?!\s+(?:of\s+)?(?:questions|papers|agenda))"
    r"|(?:^|(?<=[.!?;]\s))next\s+(?:meeting|session|call|board|committee|council|forum|panel|group)\s*:"
    r"|\bwill\s+next\s+meet\b"
    r"|\badjourned\b.{0,40}?\bto\s+(?:the\s+)?(?:next\s+)?(?:[a-z]+\s+)?meeting\b", re.I)
UPCOMING_RE = re.compile(r"\bwill\s+be\s+held\s*:?\s*$|\bnotice\s+of\s+(?:the\s+)?meeting\b", re.I)
_DATE_LABEL_RE = re.compile(r"^(?:meeting\s+)?date\s*[:\-–]\s*", re.I)
_LEFTOVER_RE = re.compile(  # what may follow the date on a date-only line: a time or time range, punctuation
    r"^[\s.,;:–—-]*(?:(?:at|from)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs)?"
    r"(?:\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs)?)?)?[\s.,;:–—-]*$", re.I)
_NEXT_HEADING_RE = re.compile(r"^(?:\d{1,3}|[A-Z])[.)]\s+[A-Z]")
_CLOSE_WORDS_RE = re.compile(r"ADJOURN|CLOS(?:E|ING)|SIGNED|CHAIR|DATE|NEXT", re.I)
_TAIL = 0.5  # a sentence about the next meeting counts from this fraction of the page on
_MARKUP_RE = re.compile(r"<[^>]+>|[\u200b-\u200d\u2060\ufeff]|\*\*|^#{1,6}\s*|^[_*](?=\S)|(?<=\S)[_*]$")


def is_date_line(text: str) -> bool:
    """A line that is only a date (weekday, optional time or time range, trailing full stop allowed)."""
    spans = find_dates(text)
    if len(spans) != 1:
        return False
    s, e = spans[0]
    return not text[:s].strip() and bool(_LEFTOVER_RE.match(text[e:]))


_BULLET_RE = re.compile(r"^[•\-*–·▪●◦]\s+")


def _clean(text: str) -> str:
    return _BULLET_RE.sub("", _MARKUP_RE.sub("", text).strip())


def _after(meeting_date: date | None, d: date | None) -> date | None:
    return d if d and (meeting_date is None or d > meeting_date) else None


def _sentence_date(text: str, start: int, meeting_date: date | None) -> date | None:
    """The first date in the sentence that runs from ``start``."""
    rest = text[start:]
    end = re.search(r"(?<![A-Z])[.!?]\s+(?=[A-Z])", rest)
    rest = rest[:end.start()] if end else rest
    spans = find_dates(rest)
    return parse_date(rest[spans[0][0]:spans[0][1]], base=meeting_date) if spans else None


def _stated(lines: list[Line], meeting_date: date | None, skip: set[int]) -> tuple[date | None, int | None]:
    tail = int(len(lines) * _TAIL)
    for ln in reversed(lines):
        if ln.index in skip:
            continue
        text = _clean(ln.text)
        m = LABEL_RE.match(text)
        if m:
            d = _after(meeting_date, parse_date(text[m.end():], base=meeting_date))
            if d:
                return d, ln.index
        if HEADING_RE.match(text):
            for nxt in lines[ln.index + 1:ln.index + 3]:
                spans = find_dates(_clean(nxt.text))
                d = _after(meeting_date, parse_date(_clean(nxt.text), base=meeting_date)) if spans else None
                if d:
                    return d, nxt.index
        if (ln.index >= tail or ln.index >= len(lines) - 3) and _closing(lines, ln.index):
            for p in PROSE_RE.finditer(text):
                d = _after(meeting_date, _sentence_date(text, p.end(), meeting_date))
                if d:
                    return d, ln.index
    return None, None


def _closing(lines: list[Line], index: int) -> bool:
    """No item or report heading follows the line: it is in the minutes' closing part, not in a
    report on another body ('B. Joint Board – ... The next meeting is ...' then 'C. ...')."""
    for ln in lines[index + 1:]:
        text = _clean(ln.text)
        if _NEXT_HEADING_RE.match(text) or (text.isupper() and len(text.split()) > 1
                                            and not _CLOSE_WORDS_RE.search(text)):
            return False
    return True


def _announced(lines: list[Line], meeting_date: date | None) -> date | None:
    """'A meeting of the Committee will be held: / Date: 22 October 2009' on a front sheet."""
    for ln in lines:
        if not UPCOMING_RE.search(_clean(ln.text)):
            continue
        for nxt in lines[ln.index + 1:ln.index + 4]:
            text = _clean(nxt.text)
            m = _DATE_LABEL_RE.match(text)
            if m or is_date_line(text):
                return _after(meeting_date, parse_date(text[m.end():] if m else text, base=meeting_date))
    return None


def find_next_meeting(lines: list[Line], meeting_date: date | None, skip: set[int]) -> tuple[date | None, int | None]:
    """(date, index of the line it came from); a year-less date is the next one after the meeting."""
    d, index = _stated(lines, meeting_date, skip)
    if d:
        return d, index
    announced = _announced(lines, meeting_date)
    if announced:
        return announced, None
    last = next((ln for ln in reversed(lines) if ln.index not in skip), None)
    if last is not None and is_date_line(last.text):
        d = _after(meeting_date, parse_date(last.text, base=meeting_date))
        return (d, last.index) if d else (None, None)
    return None, None
