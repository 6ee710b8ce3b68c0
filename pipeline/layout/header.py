"""The meeting's title, date and venue.

The date is the best of several statements, in this order: a 'Date:' line (not one announcing a
meeting to come: 'A meeting of the Committee will be held: / Date: ...' on an agenda front sheet);
'Minutes of the meeting held ... on <date>', 'A meeting of X was held on <date>', 'X held their
meeting ... on <date>'; a line that is only a date (the one nearest the attendance, since a front
sheet's own date comes first); a title line holding a date ('Board - Meeting 3 (25 March 2014)');
the file's front matter (``Page.meta``); then the same statements a little further down the page;
then a date in the file's name. A year-less date takes its year from the other statements, else
from elsewhere on the page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import ISO_RE, find_dates, parse_date
from .lines import Line
from .next_meeting import is_date_line
from .people import clean_markup

TITLE_RE = re.compile(r"^(?:title|meeting|meeting\s+title|board)\s*:\s*(?P<v>.+)$", re.I)
DATE_RE = re.compile(
    r"^(?:meeting\s+)?date(?:\s+(?:and|&)\s+time)?(?:\s+of\s+(?:the\s+)?meeting)?\s*[:\-–]\s*(?P<v>.+)$", re.I)
VENUE_RE = re.compile(r"^(?:venue|location|place|where)\s*[:\-–]\s*(?P<v>.+)$", re.I)
HELD_RE = re.compile(  # a statement of when this meeting was held; the date is the first one after it
    r"^(?:here\s+are\s+)?(?:the\s+)?(?:minutes|notes|record)\s+of\s+(?:the\s+|a\s+)?(?:[\w'’\-]+\s+){0,6}?meeting\b"
    r"|^(?:a|the)\s+(?:[\w'’\-]+\s+){0,3}meeting\s+of\s+.{0,100}?\bwas\s+held\b"
    r"|^.{0,100}?\bheld\s+(?:their|its|a|the)\s+(?:[\w\-]+\s+)?meeting\b"
    r"|^(?:(?:the\s+)?meeting\s+)?held\s+(?:on\s+)?"
    r"|^(?:minutes|notes)\s*(?::|[-–—]\s)\s*(?=(?:mon|tue|wed|thu|fri|sat|sun|\d))",  # 'Minutes – 4 May 2026 – Hall'
    re.I)
UPCOMING_RE = re.compile(r"\bwill\s+be\s+held\b|\bnotice\s+of\s+(?:the\s+)?meeting\b|\bsummon", re.I)
_PREVIOUS_RE = re.compile(r"\b(?:previous|last|prior)\b", re.I)
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs|hours)?"
_TIME_RE = re.compile(r"^\s*(?:at\s+|from\s+)?" + _CLOCK + r"(?:\s*[-–]\s*" + _CLOCK + ")?", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_MARKING_RE = re.compile(  # a protective marking at the top of a page is not its title
    r"^(?:(?:un)?classified|official(?:[- ]sensitive)?|restricted|protect|not\s+protectively\s+marked|draft)$", re.I)
_WINDOW = 15  # lines searched for a date when the header region has none
_TITLE_LINES = 4  # lines at the top that may be a title holding the date


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
    rest = _TIME_RE.sub("", rest.lstrip(" ,;–—-"), count=1)
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
    if text[e:].strip(" .)") or s == 0:
        return None
    return text[:s].strip(" –—-:,|("), text[s:e]


@dataclass(order=True)
class _Candidate:
    rank: tuple[int, int]  # (outside the header region, kind of statement): lower is better
    order: int  # tie-break: position (negative to prefer the later line)
    index: int = field(compare=False)
    words: str = field(compare=False)
    venue: str = field(compare=False, default="")


def _held_date(text: str) -> tuple[str, str] | None:
    m = HELD_RE.search(text)
    if not m:
        return None
    words, rest = _after_date(text[m.end():])
    if not words or _PREVIOUS_RE.search(text[:text.find(words)]):
        return None
    return words, rest


def _date_candidates(lines: list[Line], stop: int, at_head: bool) -> list[_Candidate]:
    found: list[_Candidate] = []
    window = lines[:max(stop, min(len(lines), _WINDOW))]
    for ln in window:
        text = clean_markup(ln.text)
        outside = int(ln.index >= stop)
        m = DATE_RE.match(text)
        if m and "next" not in text.lower():
            above = " ".join(x.text for x in lines[max(0, ln.index - 3):ln.index + 1])
            if not UPCOMING_RE.search(above) and find_dates(m.group("v")):
                found.append(_Candidate((outside, 1), ln.index, ln.index, m.group("v").strip()))
            continue
        held = _held_date(text)
        if held:
            found.append(_Candidate((outside, 2), ln.index, ln.index, held[0], _venue_from(held[1])))
            continue
        if is_date_line(text):  # without an attendance above the body, only the top lines are header
            if at_head or not any(x.text.endswith(".") for x in lines[:ln.index]):
                found.append(_Candidate((outside, 3), -ln.index if at_head else ln.index, ln.index, text.strip(" .")))
            continue
        if ln.index < _TITLE_LINES and len(text) < 160:
            dated = [text[s:e] for s, e in find_dates(text) if _YEAR_RE.search(text[s:e])]
            if dated:
                found.append(_Candidate((outside, 4), ln.index, ln.index, dated[0]))
    return sorted(found)


def _resolve(words: str, others: list[str], page: str) -> date | None:
    """A date from ``words``; a year-less one takes the year of another statement, else of the page."""
    d = parse_date(words)
    if d:
        return d
    for other in others:
        o = parse_date(other)
        if o:
            return parse_date(words, year=o.year)
    return parse_date(words, year=year_hint(page))


def _file_date(source: str) -> date | None:
    m = ISO_RE.search(source.replace("_", "-"))
    return parse_date(m.group()) if m else None


def parse_header(lines: list[Line], stop: int, page: str, *, claim_region: bool = True,
                 meta: dict[str, str] | None = None, source: str = "") -> Header:
    """Header fields from the lines before ``stop`` (the attendance section or first agenda item).

    With ``claim_region`` every line before ``stop`` belongs to the header (nothing before the
    attendance is body); without it only the lines read as header fields do.
    """
    meta = meta or {}
    h = Header()
    region = lines[:stop]
    for ln in region:
        text = clean_markup(ln.text)
        for rx, attr in ((TITLE_RE, "title"), (VENUE_RE, "venue")):
            m = rx.match(text)
            if m and not getattr(h, attr):
                setattr(h, attr, m.group("v").strip())
                h.used.add(ln.index)
    candidates = _date_candidates(lines, stop, claim_region)
    words = [c.words for c in candidates]
    best = next((c for c in candidates if c.rank[0] == 0), None)
    if best:
        h.date_text = best.words
        h.venue = h.venue or best.venue
        if best.rank[1] != 4:  # a title holding the date is read as the title below
            h.used.add(best.index)
        h.meeting_date = _resolve(best.words, [w for w in words if w != best.words], page)
    if h.meeting_date is None:
        for key in ("date", "title"):
            d = parse_date(meta.get(key, "")) if meta.get(key) and find_dates(meta.get(key, "")) else None
            if d:
                h.date_text, h.meeting_date = meta[key], d
                break
    if h.meeting_date is None:
        outside = next((c for c in candidates if c.rank[0] == 1), None)
        if outside:
            h.date_text = outside.words
            h.meeting_date = _resolve(outside.words, [w for w in words if w != outside.words], page)
    if h.meeting_date is None and source:
        h.meeting_date = _file_date(source)
    h.title = h.title or meta.get("title", "").strip()  # the file's own statement beats a guess from its first line
    first = next((ln for ln in region if ln.index not in h.used and not _MARKING_RE.match(clean_markup(ln.text))), None)
    if first is not None and not h.title:
        text = clean_markup(first.text)
        if len(text) < 140 and not text.endswith(".") and not text.endswith(":"):
            ended = _ends_in_date(text)
            h.title = ended[0] if ended else text
            h.used.add(first.index)
    if claim_region:
        h.used |= {ln.index for ln in region}
    return h
