"""Status lines for earlier actions ('Action 4/24 - discharged', 'Action 515 – complete.',
'Action 26/24 - carried forward to 27 August 2024.', also after a paragraph number, '12.3 Action
9/24 - discharged.'): action updates, not new actions or sentences."""
from __future__ import annotations

import re

from ..dates import find_dates
from .people import strip_bullet

UPDATE_RE = re.compile(
    r"^(?:action(?:\s+(?:no\.?|number|ref\.?))?\s*(?P<id>\d+[a-z]?(?:/\d+)?)|(?P<id2>\d+/\d+))\s*(?:[-–—:.]\s*|\s+)"
    r"(?:(?:is|was|has\s+been|now|remains?)\s+)?"
    r"(?P<status>discharged|completed?|closed|carried\s+forward|c/f|brought\s+forward|deferred|ongoing|open|"
    r"in\s+progress|outstanding)\b(?P<rest>.*)$",
    re.I,
)
NO_ACTIONS_DUE_RE = re.compile(
    r"^(?:there\s+(?:were|are)\s+)?no\s+(?:outstanding\s+|open\s+)?actions?\s+(?:were\s+|are\s+)?"
    r"(?:due|outstanding|to\s+review)\b",
    re.I,
)
_PARAGRAPH_RE = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\d+\.|\(?[a-z]{1,4}\))\s+", re.I)   # '12.3 ', '4. ', '(b) '
_STATUS = {"discharged": "discharged", "complete": "closed", "completed": "closed", "closed": "closed",
           "carried forward": "carried_forward", "c/f": "carried_forward", "brought forward": "carried_forward",
           "deferred": "carried_forward", "ongoing": "ongoing", "in progress": "ongoing", "open": "open",
           "outstanding": "open"}
_PERIOD_RE = re.compile(
    r"\b(?:in|within|for)\s+(?:a\s+|an\s+|the\s+next\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b", re.I)
_TO_RE = re.compile(r"\b(?:to|until|till)\s+(?P<v>the\s+next\s+(?:\w+\s+)?meeting|.+)$", re.I)


def _due_text(rest: str) -> str:
    """The words a new due date comes from: a date, 'the next meeting', or a period ('in three months')."""
    spans = find_dates(rest)
    if spans:
        s, e = spans[0]
        return rest[s:e]
    m = re.search(r"\bthe\s+next\s+(?:\w+\s+)?meeting\b", rest, re.I)
    if m:
        return m.group()
    m = _PERIOD_RE.search(rest)
    if m:
        return re.sub(r"^for\s+", "", m.group(), flags=re.I)
    m = _TO_RE.search(rest)
    return m.group("v").strip(" .") if m else ""


def parse_update(text: str) -> tuple[str, str, str] | None:
    """(action_id, status, due_text) for a status line, else None."""
    m = UPDATE_RE.match(_PARAGRAPH_RE.sub("", strip_bullet(text), count=1))
    if not m:
        return None
    status = _STATUS[re.sub(r"\s+", " ", m.group("status").lower())]
    due = _due_text(m.group("rest")) if status in ("carried_forward", "ongoing", "open") else ""
    return m.group("id") or m.group("id2"), status, due


def is_no_actions_due(text: str) -> bool:
    """'There were no actions due': says there are no updates; neither an update nor a sentence."""
    return bool(NO_ACTIONS_DUE_RE.match(strip_bullet(text)))


# Action logs: '• Action 515 – Ch/Supt Hollis to review the rota. Proposed to close.' followed by
# 'Update 18.01.22 – Complete'. The entry names an earlier action; the update line sets its status.
LOG_ITEM_RE = re.compile(
    r"action\s*(?:log|tracker|register|sheet|schedule)|matters\s+arising|(?:previous|outstanding|open)\s+actions"
    r"|review\s+of\s+actions", re.I)
LOG_ENTRY_RE = re.compile(r"^action\s+(?:no\.?\s*)?(?P<id>\d+[a-z]?(?:/\d+)?)\s*[-–—:.]\s*(?P<desc>\S.*)$", re.I)
UPDATE_NOTE_RE = re.compile(r"^update(?:\s+(?:at|on)?\s*[\d./\-]+[\w ]*?)?\s*[-–—:]\s*(?P<status>\S.*)$", re.I)
_STATUS_PHRASE_RE = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:proposed|agreed|recommended|requested)\s+)?(?:to\s+)?(?:be\s+)?"
    r"(?P<status>discharged|completed?|closed?|carried\s+forward|c/f|brought\s+forward|deferred|ongoing|open|"
    r"in\s+progress|outstanding)\b(?P<rest>.*)$",
    re.I,
)
_STATUS["close"] = "closed"


def _status(text: str) -> tuple[str, str] | None:
    """(status, due_text) of a status phrase ('Complete', 'Proposed to close.', 'Carried forward to 15.03.22')."""
    m = _STATUS_PHRASE_RE.match(text.strip())
    if not m:
        return None
    status = _STATUS[re.sub(r"\s+", " ", m.group("status").lower())]
    due = _due_text(m.group("rest")) if status in ("carried_forward", "ongoing", "open") else ""
    return status, due


def parse_log_entry(text: str, in_log: bool, next_text: str = "") -> tuple[str, str, str] | None:
    """(action_id, status, due_text) of an action-log entry, else None.

    An 'Action N – <task>' line is an entry (not a new action) under an action-log item, when its
    last sentence is a status ('Proposed to close.'), or when an 'Update …' line follows it.
    Without a status of its own the entry is 'open' until its update line says otherwise.
    """
    m = LOG_ENTRY_RE.match(strip_bullet(text))
    if not m:
        return None
    parts = re.split(r"(?<=[.!?])\s+", m.group("desc").strip())
    found = _status(parts[-1]) if len(parts) > 1 else None
    if not (in_log or found or parse_update_note(next_text)):
        return None
    status, due = found or ("open", "")
    return m.group("id"), status, due


def parse_update_note(text: str) -> tuple[str, str] | None:
    """(status, due_text) of an 'Update 18.01.22 – Complete' line, else None."""
    m = UPDATE_NOTE_RE.match(strip_bullet(text))
    return _status(m.group("status")) if m else None


def is_log_item(item: str) -> bool:
    return bool(LOG_ITEM_RE.search(item))
