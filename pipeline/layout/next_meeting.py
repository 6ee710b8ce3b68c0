"""The next meeting's date: 'Date of next meeting: ...', 'Next meeting: ...', 'The next meeting
[of the Committee] will be held on ...' or '... will take place on ...', or a page whose last line
is just a date (Kent pages)."""
from __future__ import annotations

import re
from datetime import date

from ..dates import find_dates, parse_date
from .lines import Line

LABEL_RE = re.compile(
    r"^(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|next\s+meeting(?:\s+date)?)"
    r"\s*(?:[:\-–—]\s*|\s+(?:is|will\s+be)\s+)",
    re.I,
)
PROSE_RE = re.compile(   # 'The next meeting [of the Committee] will be held on / will take place on ...'
    r"^the\s+next\s+(?:\w+\s+)?meeting(?:\s+of\s+(?:the\s+)?[\w'’&\- ]+?)?\s+"
    r"(?:(?:will\s+be|is\s+to\s+be|is\s+due\s+to\s+be|has\s+been|is)\s+(?:held\s+|scheduled\s+|arranged\s+)?"
    r"|(?:will|is\s+to|is\s+due\s+to)\s+take\s+place\s+|takes\s+place\s+)"
    r"(?:on\s+|for\s+)?", re.I)
_LEFTOVER_RE = re.compile(  # what may follow the date on a date-only line: a time, punctuation
    r"^[\s.,;:–—-]*(?:(?:at|from)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|hrs)?)?[\s.,;:–—-]*$", re.I)


def is_date_line(text: str) -> bool:
    """A line that is only a date (weekday, optional time, trailing full stop allowed)."""
    spans = find_dates(text)
    if len(spans) != 1:
        return False
    s, e = spans[0]
    return not text[:s].strip() and bool(_LEFTOVER_RE.match(text[e:]))


def find_next_meeting(lines: list[Line], meeting_date: date | None, skip: set[int]) -> tuple[date | None, int | None]:
    """(date, index of the line it came from); a year-less date is the next one after the meeting."""
    for ln in reversed(lines):
        if ln.index in skip:
            continue
        m = LABEL_RE.match(ln.text) or PROSE_RE.search(ln.text)
        if m:
            return parse_date(ln.text[m.end():], base=meeting_date), ln.index
    last = next((ln for ln in reversed(lines) if ln.index not in skip), None)
    if last is not None and is_date_line(last.text):
        return parse_date(last.text, base=meeting_date), last.index
    return None, None
