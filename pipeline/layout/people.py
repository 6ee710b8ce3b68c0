"""One person as an attendance list writes them: '<rank> <Name>[, <Role>] [(<note>)...]'.

Ranks are kept as the page writes them ('Insp.', 'A/ACC', 'T/CS'); only full rank words
('Deputy Chief Constable') become the canonical abbreviation, with any acting/temporary prefix.
"""
from __future__ import annotations

import re

from ..ranks import RANK_AT_START_RE, RANKS, canonical, split_prefix
from .model import Attendee

# A parenthesised note about attendance rather than a role.
NOTE_RE = re.compile(
    r"^(?:(?:acting |vice[- ])?chair(?:man|woman|person|ing)?|minutes?|minute[- ]?taker|note[- ]?taker|secretary"
    r"|mt|vc|teams|ms teams|virtual(?:ly)?|remote(?:ly)?|online|in person|by phone|observer|observing|part(?: only)?"
    r"|(?:for |agenda )?items?\b.*|from \d.*|until \d.*|to \d.*|left .*|arrived .*|joined .*|[A-Z]{2,4})$",
    re.I,
)
_ABBREV_KEYS = {k.rstrip(".").lower() for k in RANKS}
_NAME_WORD = re.compile(r"^(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]\.|(?:de|van|von|der|den|la|le|da|di|du|bin|al|st)\b)$")
_ROLE_SPLIT = re.compile(r"\s*,\s*|\s+[–—-]\s+|\s*:\s+")
_BULLET_RE = re.compile(r"^[•\-*–·▪●◦]\s+")


def display_rank(written: str) -> str:
    """'Insp.' -> 'Insp.', 'A/ACC' -> 'A/ACC'; 'Deputy Chief Constable' -> 'DCC'; 'Acting Chief Constable' -> 'A/CC'."""
    written = re.sub(r"\s+", " ", written.strip())
    prefix, core = split_prefix(written)
    if core.rstrip(".").lower().replace(" ", "/") in _ABBREV_KEYS or " " not in core and len(core) <= 7:
        return written
    return prefix + (canonical(core) or core)


def is_chair_note(note: str) -> bool:
    return bool(re.match(r"^(?:acting )?chair", note.strip(), re.I))


def initials_of(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", text.strip(), count=1)


def _is_name(name: str, has_rank: bool) -> bool:
    words = name.split()
    if not words or len(words) > 5 or not words[0][0].isupper():
        return False
    return len(words) >= (1 if has_rank else 2) and all(_NAME_WORD.match(w) for w in words)


def parse_person(text: str, *, role: str = "", strict: bool = True) -> Attendee | None:
    """An Attendee from one person's text, or None when it does not read as a person.

    ``role`` comes from a table's role column; ``strict`` (lists, not tables) also requires the
    name to look like a name, so body sentences such as 'ACO Medhurst presented ...' are refused.
    """
    notes: list[str] = []
    paren_role = ""
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = m.group(1).strip()
        if not inner:
            continue
        if NOTE_RE.match(inner):
            notes.append(inner)
        elif not paren_role:
            paren_role = inner
        else:
            notes.append(inner)
    rest = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", text)).strip().rstrip(";,")
    rank = ""
    m = RANK_AT_START_RE.match(rest + " ")
    if m and rest[m.end(1):m.end(1) + 1] in (" ", ".", ""):
        rank = display_rank(m.group(1))
        rest = (rest + " ")[m.end():].strip()
    parts = _ROLE_SPLIT.split(rest, maxsplit=1)
    name = parts[0].strip().rstrip(".").strip()
    split_role = parts[1].strip().rstrip(".") if len(parts) > 1 else ""
    if not name or not name[0].isupper():
        return None
    if strict and not _is_name(name, bool(rank)):
        return None
    if not strict and len(name.split()) > 8:
        return None
    return Attendee(rank=rank, name=name, role=role or split_role or paren_role, notes=notes,
                    is_chair=any(is_chair_note(n) for n in notes), initials=initials_of(name))


def split_people(text: str) -> list[str]:
    """A 'Present: A, B (Role) and C.' paragraph into one string per person (commas, semicolons
    and a last 'and', never inside brackets)."""
    text = text.strip().rstrip(".")
    pieces: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;":
            pieces.append(text[start:i])
            start = i + 1
        elif depth == 0 and text.startswith(" and ", i):
            pieces.append(text[start:i])
            start = i + 5
            i += 4
        elif depth == 0 and text.startswith(" & ", i):
            pieces.append(text[start:i])
            start = i + 3
            i += 2
        i += 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]
