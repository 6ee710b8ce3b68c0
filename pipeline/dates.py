"""Reading one written date ('Tuesday 27 February 2024', '18.01.22', '21st June 2023', '27 August')
into a ``datetime.date``. Common shapes go through fast regexes; the rest through dateparser,
configured for British day-month order and English only, and never for relative words
('tomorrow'), which the due-date rules handle with the meeting date in hand."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
DAY_MONTH_RE = re.compile(
    r"\b" + _WEEKDAY + r"(?:the\s+)?" + _DAY + r"(?:\s+day)?(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b", re.I)
MONTH_DAY_RE = re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b", re.I)
NUMERIC_RE = re.compile(r"\b(?P<day>[0-3]?\d)[./-](?P<month>[01]?\d)[./-](?P<year>(?:19|20)?\d\d)\b")
ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:\b|(?=T\d))")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def next_occurrence(month: int, day: int, after: date) -> date | None:
    """The first ``day``/``month`` on or after ``after`` (a year-less date in minutes looks forward)."""
    for year in (after.year, after.year + 1):
        d = _make(year, month, day)
        if d and d >= after:
            return d
    return None


def parse_date(text: str, *, base: date | None = None, year: int | None = None) -> date | None:
    """The first date written in ``text``, or None.

    A year-less date takes ``year`` when given, else the next such date on or after ``base``;
    with neither, it is not a date we can place and None is returned.
    """
    if not text:
        return None
    m = ISO_RE.search(text)
    if m:
        return _make(int(m["year"]), int(m["month"]), int(m["day"]))
    found = [m for m in (DAY_MONTH_RE.search(text), MONTH_DAY_RE.search(text), NUMERIC_RE.search(text)) if m]
    if found:
        m = min(found, key=lambda x: x.start())
        month_txt = m["month"].lower()
        month = MONTHS[month_txt] if month_txt in MONTHS else int(month_txt)
        day = int(m["day"])
        if m.re is NUMERIC_RE and month > 12 >= day:
            day, month = month, day  # '2.27.2025': US order, the only reading that is a date
        if m["year"]:
            y = int(m["year"])
            return _make(y + 2000 if y < 100 else y, month, day)
        if year:
            return _make(year, month, day)
        if base:
            return next_occurrence(month, day, base)
        return None
    return _dateparser(text, base)


_MONTH_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)


def _could_be_absolute(text: str) -> bool:
    """A day, a month and a year must all be written: three numbers, or a month name and two numbers.
    Bare years ('2026/27'), periods ('28 days') and words never are, and dateparser costs
    milliseconds per call to say so."""
    numbers = len(re.findall(r"\d+", text))
    return numbers >= 3 or (numbers >= 2 and bool(_MONTH_WORD_RE.search(text)))


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date | None) -> date | None:
    """Fallback for shapes the regexes do not know; only accepts absolute dates."""
    if len(text) > 80 or not _could_be_absolute(text):
        return None
    import dateparser  # imported late: it costs half a second at start-up

    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "future", "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time"]}
    if base:
        from datetime import datetime
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        dt = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises many types on odd input; a non-date is simply not a date
        return None
    return dt.date() if dt else None


def find_dates(text: str) -> list[tuple[int, int]]:
    """Character spans of the written dates in ``text`` (for the layout stage and rule fallbacks)."""
    spans: list[tuple[int, int]] = []
    for rx in (ISO_RE, DAY_MONTH_RE, MONTH_DAY_RE, NUMERIC_RE):
        for m in rx.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)
