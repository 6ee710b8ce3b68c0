"""The meeting's title, date and venue: 'Title:'/'Date:'/'Venue:' lines, 'Minutes of the meeting
held on ...' or 'Held on ...', a line that is only a date ('Wednesday 21 June', the year then taken from elsewhere
on the page), or a first line ending in a date ('Chief Officer Team meeting – 3 October 2024')."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import find_dates, parse_date
from .lines import Line
from .next_meeting import is_date_line

TITLE_RE = re.compile(r"^(?:title|meeting|meeting\s+title|board)\s*:\s*(?P<v>.+)$", re.I)
DATE_RE = re.compile(
    r"^(?:meeting\s+)?date(?:\s+(?:and|&)\s+time)?(?:\s+of\s+(?:the\s+)?meeting)?\s*[:\-–]\s*(?P<v>.+)$", re.I)
VENUE_RE = re.compile(r"^(?:venue|location|place|where)\s*[:\-–]\s*(?P<v>.+)$", re.I)
HELD_RE = re.compile(   # 'Minutes of the meeting held on ...', or a line opening 'Meeting held on' / 'Held on'
    r"\b(?:minutes|notes|record)\s+of\s+(?:the\s+)?(?:[\w'’\- ]+?\s)?meeting\s+(?:held\s+)?(?:on\s+)?"
    r"|^(?:(?:the\s+)?meeting\s+)?held\s+(?:on\s+)?", re.I)
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs|hours)?"
_TIME_RE = re.compile(r"^\s*(?:at\s+|from\s+)?" + _CLOCK + r"(?:\s*[-–]\s*" + _CLOCK + ")?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class Header:
    title: str = ""
    date_text: str = ""
    meeting_date: date | None = None
    venue: str = ""
    used: set[int] = field(default_factory=set)


def _after_date(text: str) -> tuple[str, str]:
    """(date words, the rest) of text that starts with, or contains, a date."""
    spans = find_dates(text)
    if not spans:
        return "", text
    s, e = spans[0]
    return text[s:e], text[e:]


def _venue_from(rest: str) -> str:
    rest = _TIME_RE.sub("", rest, count=1)
    return re.sub(r"^[\s,;.–-]*(?:(?:at|in)\s+)?", "", rest).strip(" .,;")


def year_hint(text: str) -> int | None:
    """A year from elsewhere on the page (a full date, or a reference like 'Ref 01/21/06/2023')."""
    for s, e in find_dates(text):
        d = parse_date(text[s:e]) if _YEAR_RE.search(text[s:e]) else None
        if d:
            return d.year
    m = _YEAR_RE.search(text)
    return int(m.group()) if m else None


def _ends_in_date(text: str) -> tuple[str, str] | None:
    """(title, date words) for 'Chief Officer Team meeting – 3 October 2024'."""
    spans = find_dates(text)
    if not spans:
        return None
    s, e = spans[-1]
    if text[e:].strip(" .") or s == 0:
        return None
    return text[:s].strip(" –—-:,|"), text[s:e]


def parse_header(lines: list[Line], stop: int, page: str, *, claim_region: bool = True) -> Header:
    """Header fields from the lines before ``stop`` (the attendance section or first agenda item).

    With ``claim_region`` every line before ``stop`` belongs to the header (nothing before the
    attendance is body); without it only the lines read as header fields do.
    """
    h = Header()
    region = lines[:stop]
    for ln in region:
        for rx, attr in ((TITLE_RE, "title"), (VENUE_RE, "venue")):
            m = rx.match(ln.text)
            if m and not getattr(h, attr):
                setattr(h, attr, m.group("v").strip())
                h.used.add(ln.index)
        m = DATE_RE.match(ln.text)
        if m and not h.date_text and "next" not in ln.text.lower():
            h.date_text = m.group("v").strip()
            h.used.add(ln.index)
            continue
        # 'Wednesday 21 June' on a line of its own, above the attendance or among the first two lines
        near_top = ln.index < 2 and not any(x.text.endswith(".") for x in region[:ln.index])
        if not h.date_text and (claim_region or near_top) and is_date_line(ln.text):
            h.date_text = ln.text.strip(" .")
            h.used.add(ln.index)
            continue
        m = HELD_RE.search(ln.text)
        if m and not h.date_text:
            words, rest = _after_date(ln.text[m.end():])
            if words:
                h.date_text = words
                h.venue = h.venue or _venue_from(rest)
                h.used.add(ln.index)
    first = next((ln for ln in region if ln.index not in h.used), None)
    if first is not None and len(first.text) < 140 and not first.text.endswith(".") and not h.title:
        ended = _ends_in_date(first.text)
        if ended and not h.date_text:
            h.title, h.date_text = ended
        else:
            h.title = first.text
        h.used.add(first.index)
    if claim_region:
        h.used |= {ln.index for ln in region}
    if h.date_text:
        h.meeting_date = parse_date(h.date_text) or parse_date(h.date_text, year=year_hint(page))
    return h
