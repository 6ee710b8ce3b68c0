"""Who attended: a pipe table (Kent pages), 'Present:' / 'In attendance:' / 'Attendees:' lists
(one person a line, bullets, or one comma-separated paragraph) and 'By invitation' people.
'Apologies' end the attendance and are never attendees."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ranks import RANK_AT_START_RE
from .lines import Line
from .model import Attendee
from .people import parse_person, split_people, strip_bullet

SEPARATOR_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
LIST_START_RE = re.compile(
    r"^(?:members\s+)?(?:present|in\s+attendance|attendees|attendance|attending|also\s+(?:present|in\s+attendance)"
    r"|by\s+invitation|invited|guests?)\b(?:\s*(?:[:\-–—]\s*(?P<rest>.*)|\s*$))",
    re.I,
)
APOLOGIES_RE = re.compile(
    r"^apologies(?:\s+for\s+absence)?"
    r"(?:\s*[:\-–—]\s*(?P<rest>.*)|\s+(?:were\s+)?received\s+from\s+(?P<from>.*))?\s*$",
    re.I,
)
_HEADER_NAME = ("name", "attendee", "member", "officer", "present")
_HEADER_ROLE = ("role", "title", "position", "department", "post", "representing", "directorate")


@dataclass
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # line indices that belong to the attendance section
    start: int | None = None  # first line of the section


@dataclass
class _Columns:
    n: int = 2
    name: int = 0
    role: int | None = 1
    rank: int | None = None


def cells(text: str) -> list[str]:
    """'| a | b |', 'a | b |' and 'a | b' all give ['a', 'b']; an empty middle cell is kept."""
    parts = text.split("|")
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return [p.strip() for p in parts]


def _columns(header: list[str]) -> _Columns:
    low = [h.lower() for h in header]
    rank = next((i for i, h in enumerate(low) if h in ("rank", "grade")), None)
    name = next((i for i, h in enumerate(low) if any(w in h for w in _HEADER_NAME)), 0)
    role = next((i for i, h in enumerate(low) if i != name and any(w in h for w in _HEADER_ROLE)), None)
    if role is None:
        role = next((i for i in range(len(header)) if i not in (name, rank)), None)
    return _Columns(max(len(header), 2), name, role, rank)


def _is_header(text: str) -> bool:
    c = [x.lower() for x in cells(text)]
    return "|" in text and len(c) >= 2 and any(x in ("name", "names", "attendee", "attendees", "member") for x in c)


def _starts_new_row(text: str) -> bool:
    """A wrapped row's second line is a role; a line opening with an abbreviated rank and a name is a new row."""
    first = cells(text)[0] if "|" in text else text
    m = RANK_AT_START_RE.match(first + " ")
    return bool(m) and " " not in m.group(1).strip() and first[m.end():m.end() + 1].isupper()


def _row_person(row: list[str], cols: _Columns) -> Attendee | None:
    get = lambda i: row[i] if i is not None and i < len(row) else ""  # noqa: E731
    who = get(cols.name)
    if cols.rank is not None and get(cols.rank):
        who = f"{get(cols.rank)} {who}"
    if not who or _is_header("|".join(row) + "|"):
        return None
    return parse_person(who, role=get(cols.role), strict=False)


def find_start(lines: list[Line]) -> int | None:
    """Index of the attendance section's first line (table header or list keyword), or None."""
    for ln in lines:
        if _is_header(ln.text) or LIST_START_RE.match(strip_bullet(ln.text)):
            return ln.index
        if SEPARATOR_RE.match(ln.text) and ln.index > 0 and "|" in lines[ln.index - 1].text:
            return ln.index - 1
        following = lines[ln.index + 1].text if ln.index + 1 < len(lines) else ""
        if "|" in ln.text and "|" in following and _starts_new_row(ln.text):
            return ln.index  # a table without a header row
    return None


def parse_attendance(lines: list[Line]) -> Attendance:
    """The attendance section from its start to the line after it (or 'Apologies', which it takes)."""
    out = Attendance(start=find_start(lines))
    if out.start is None:
        return out
    cols = _Columns()
    pending: list[str] | None = None
    mode = "list"

    def flush() -> None:
        nonlocal pending
        if pending:
            person = _row_person(pending, cols)
            if person:
                out.attendees.append(person)
        pending = None

    i = out.start
    while i < len(lines):
        ln = lines[i]
        text = strip_bullet(ln.text)
        apologies = APOLOGIES_RE.match(text)
        start = LIST_START_RE.match(text)
        if apologies:
            flush()
            out.used.add(i)
            if apologies.group("rest") is not None and not apologies.group("rest").strip():
                while i + 1 < len(lines) and parse_person(strip_bullet(lines[i + 1].text)):
                    i += 1
                    out.used.add(i)
            break
        if SEPARATOR_RE.match(ln.text):
            out.used.add(i)
        elif _is_header(ln.text):
            flush()
            cols, mode = _columns(cells(ln.text)), "table"
            out.used.add(i)
        elif start:
            flush()
            mode = "list"
            out.used.add(i)
            for piece in split_people(start.group("rest") or ""):
                person = parse_person(piece)
                if person:
                    out.attendees.append(person)
                elif out.attendees and not out.attendees[-1].role:
                    out.attendees[-1].role = piece
        elif "|" in ln.text:
            row = cells(ln.text)
            if pending is not None and len(pending) + len(row) <= cols.n and not _starts_new_row(ln.text):
                pending += row
            else:
                flush()
                pending = row
            out.used.add(i)
        elif pending is not None and len(pending) < cols.n and not _starts_new_row(ln.text):
            pending.append(ln.text)
            out.used.add(i)
        elif mode == "list" and (person := parse_person(text)):
            flush()
            out.attendees.append(person)
            out.used.add(i)
        else:
            break
        i += 1
    flush()
    return out
