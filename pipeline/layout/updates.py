"""Status lines for earlier actions: action updates, not new actions or sentences.

Shapes read (the status may stand anywhere in the line):

- 'Action 4/24 - discharged', 'Action 26/24 - carried forward to 27 August 2024.', after a paragraph
  number ('12.3 Action 9/24 - discharged.') or a bullet ('- Action DF-07: closed (licences renewed).');
- a bracket after the reference: a person is the owner ('Action 2025/41 (Ms Vane): discharged.'),
  anything else a description ('Action 104 (station lift) – discharged.');
- the status inside the note ('Action 44/24 – the update was noted and the action discharged.',
  '12/2019/P – works complete and ...'), or a new date ('revised date 30 June 2024');
- a reference without the word Action ('12/2019/P', 'IT-14', 'Ref 4/24') when a status follows it;
- outstanding-references / action-log sections: a bullet that opens with a reference and a dash is
  an update even without a status word; its progress note decides the status (:func:`progress_status`);
- action-log entries 'Action 515 – <task>. Proposed to close.' and a following 'Update 18.01.22 – Complete';
- action-log tables: rows under a 'Ref | Action | Owner | Due | Status |' header (see :class:`UpdateReader`).

New actions ('Action 3: Ann to write ...'), decisions and lines that merely mention a number are not updates.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..dates import find_dates
from .people import parse_person, strip_bullet
from .roles import is_heading_like


class Update(NamedTuple):
    action_id: str
    status: str  # discharged | closed | carried_forward | open | ongoing
    due_text: str  # the words a new due date comes from, or ''
    owner: str = ""  # from a bracket after the reference or an owner column, or ''


# A reference after the word Action: '4/24', '104', '2025/41', '37/2019/P', 'IT-14', 'DF07'.
_ACTION_REF = r"\d{1,4}[a-z]?(?:/\d{1,4}){0,2}(?:/[A-Z]{1,3})?|(?-i:[A-Z]{1,6})-?\d{1,4}[a-z]?"
# A reference standing alone (no 'Action' before it): needs a slash or a letter prefix with a dash.
_BARE_REF = r"\d{1,4}(?:/\d{1,4}){1,2}(?:/(?-i:[A-Z]{1,3}))?|(?-i:[A-Z]{1,6})-\d{1,4}[a-z]?"
LINE_RE = re.compile(
    r"^(?:(?:action(?:\s+(?:no\.?|number|ref\.?|reference))?|ref(?:erence)?\.?)\s*(?:#|no\.?)?\s*"
    rf"(?P<id>{_ACTION_REF})|(?P<bare>{_BARE_REF}))(?![\w/])"
    r"\s*(?:\((?P<paren>[^()]{1,60})\))?\s*(?:(?P<sep>[-–—:.])\s*|\s+)(?P<note>.*)$",
    re.I,
)
NO_ACTIONS_DUE_RE = re.compile(
    r"^(?:there\s+(?:were|are)\s+)?no\s+(?:outstanding\s+|open\s+)?actions?\s+(?:were\s+|are\s+)?"
    r"(?:due|outstanding|to\s+review)\b",
    re.I,
)
_PARAGRAPH_RE = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\d+\.|\(?[a-z]{1,4}\))\s+", re.I)   # '12.3 ', '4. ', '(b) '
_STATUS = {"discharged": "discharged", "complete": "closed", "completed": "closed", "closed": "closed",
           "close": "closed", "superseded": "closed", "carried forward": "carried_forward",
           "c/f": "carried_forward", "brought forward": "carried_forward", "deferred": "carried_forward",
           "ongoing": "ongoing", "in progress": "ongoing", "on track": "ongoing", "underway": "ongoing",
           "open": "open", "outstanding": "open", "overdue": "open"}
_WORDS = (r"discharged|completed?|closed?|superseded|carried\s+forward|c/f|brought\s+forward|deferred|ongoing|"
          r"in\s+progress|on\s+track|underway|open|outstanding|overdue")
# At the start of a note: 'Complete', 'Proposed to close.', 'Carried forward to 15.03.22'. The word must
# end the status ('Open the depot by May' is a task, not a status).
_STATUS_PHRASE_RE = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:proposed|agreed|recommended|requested)\s+)?(?:to\s+)?(?:be\s+)?"
    rf"(?P<status>{_WORDS})(?=\s*$|\s*[.,;:()\-–—]|\s+(?:to|until|till|and|as|at|for|pending|with|on|in|by|"
    r"following|since|subject|but)\b)(?P<rest>.*)$",
    re.I,
)
# Inside a note: 'the action discharged', 'repairs complete', 'has now been closed', 'remains open'. A closing
# word may follow any word but a determiner ('the closed session'); an open one needs a verb before it.
_MID_STATUS_RE = re.compile(
    r"\b(?:(?!(?:the|a|an|this|that|its|their|our|his|her|be|to|being)\b)[a-z][\w'’-]*\s+"
    r"(?:(?:now|duly|formally|therefore|subsequently|fully)\s+)?(?P<done>discharged|closed|completed?|superseded)\b"
    r"|(?:is|was|were|are|been|now|remains?|remained|still|kept)\s+(?:(?:now|still)\s+)?"
    r"(?P<status>carried\s+forward|ongoing|open|in\s+progress|underway))\b"
    r"(?P<rest>.*)$",
    re.I,
)
_NOT_DONE_RE = re.compile(r"\b(?:not|never|will|would|shall|should|could|can|may|might|must|once|when|until|"
                          r"unless|if|whether|confirm|check|ensure|verify|establish)\b", re.I)
# A new due date: 'revised date 30 June 2024', 'deadline extended to May', 'deferred to the next meeting'.
_NEW_DATE_RE = re.compile(
    r"\b(?:(?:revised|new|amended|extended)\s+(?:due\s+|target\s+|completion\s+)?(?:date|deadline)"
    r"|(?:due\s+date|deadline|target\s+date)\s+(?:now\s+)?(?:revised|extended|moved|changed|deferred)"
    r"|deferred|rescheduled|postponed)\b(?P<rest>.*)$",
    re.I,
)
# A task: 'Ann to write ...', 'Insp. Rowe will ...', 'To report back ...' (a new action, not a status).
_TASK_RE = re.compile(
    r"^(?:to\s+[a-z]|(?:the\s+)?(?:(?:[A-Z][\w'’./&-]*\s+){1,5}|(?:clerk|chair|secretary|officers?|team|board|"
    r"committee|council|force|director|manager|lead|members?)\s+)(?:is\s+|are\s+)?(?:to|will|shall)\s+[a-z])")
_PERIOD_RE = re.compile(
    r"\b(?:in|within|for)\s+(?:a\s+|an\s+|the\s+next\s+)?(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b", re.I)
_MEETING_RE = re.compile(r"\bthe\s+(?:next\s+)?(?:[A-Z][a-z]+\s+(?:\d{4}\s+)?)?(?:\w+\s+)?meeting\b")
_MONTH_RE = re.compile(
    r"\b(?:(?:[Tt]he\s+)?(?:[Ee]nd|[Mm]iddle|[Ss]tart|[Bb]eginning)\s+of\s+|(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?\b")
_TO_RE = re.compile(r"\b(?:to|until|till)\s+(?P<v>the\s+next\s+(?:\w+\s+)?meeting|.+)$", re.I)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*$")


def _due_text(rest: str) -> str:
    """The words a new due date comes from: a date, 'the next meeting', 'the March meeting', or a
    period ('in three months')."""
    spans = find_dates(rest)
    if spans:
        s, e = spans[0]
        return rest[s:e]
    m = (_MEETING_RE.search(rest) or re.search(r"\bthe\s+next\s+(?:\w+\s+)?meeting\b", rest, re.I)
         or _MONTH_RE.search(rest))
    if m:
        return m.group()
    m = _PERIOD_RE.search(rest)
    if m:
        return re.sub(r"^for\s+", "", m.group(), flags=re.I)
    m = _TO_RE.search(rest)
    return m.group("v").strip(" .") if m else ""


def _with_due(status_word: str, rest: str) -> tuple[str, str]:
    status = _STATUS[re.sub(r"\s+", " ", status_word.lower())]
    return status, (_due_text(rest) if status in ("carried_forward", "ongoing", "open") else "")


def _status(text: str) -> tuple[str, str] | None:
    """(status, due_text) of a note that opens with a status ('Complete', 'Proposed to close.',
    'Carried forward to 15.03.22')."""
    m = _STATUS_PHRASE_RE.match(text.strip())
    return _with_due(m.group("status"), m.group("rest")) if m else None


def _mid_status(note: str) -> tuple[str, str] | None:
    """A status inside the note ('... and the action discharged', 'works complete and ...'); not in a
    task, a future or a condition ('would be completed in May', 'once it is complete', 'not closed')."""
    if _TASK_RE.match(note):
        return None
    for m in _MID_STATUS_RE.finditer(note):
        clause = re.split(r"[,;:.!?–—]\s|\band\b|\bbut\b", note[:m.start()])[-1]
        if _NOT_DONE_RE.search(clause):
            continue
        return _with_due(m.group("done") or m.group("status"), m.group("rest"))
    return None


def _new_date(note: str) -> tuple[str, str] | None:
    """'revised date 30 June 2024': carried forward to a new date (only with a date to carry it to)."""
    m = _NEW_DATE_RE.search(note)
    if not m or _TASK_RE.match(note):
        return None
    due = _due_text(m.group("rest"))
    return ("carried_forward", due) if due else None


_DONE_RE = re.compile(
    r"\b(?:done|complete|completed|finished|delivered|resolved|achieved|went|sent|circulated|issued|published|"
    r"submitted|presented|provided|held|signed|agreed|approved|received|implemented|arranged\s+and\s+held"
    r"|(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en|t))\b", re.I)
_PENDING_RE = re.compile(
    r"\b(?:being|will|would|to\s+be|is\s+to|are\s+to|underway|under\s+way|pending|awaited|awaiting|planned|"
    r"expected|scheduled|continu\w*|ongoing|in\s+progress|further|yet|not|still|intends?|"
    r"working|progressing|due\s+to)\b", re.I)


def progress_status(note: str) -> str:
    """The status of a progress note under an outstanding-references / action-log item, where no status
    word is given: 'closed' when it reports the work as done in the past tense ('the report went to the
    May meeting', 'guidance was issued'); 'ongoing' when it reports work still going on or to come
    ('a briefing was being arranged', 'will report in June'); else 'open' (still on the log).
    Only the first sentence counts: later ones often add unrelated follow-on work."""
    first = _SENTENCE_END_RE.split(note.strip(), maxsplit=1)[0]
    if _PENDING_RE.search(first):
        return "ongoing"
    return "closed" if _DONE_RE.search(first) else "open"


def _owner(paren: str | None) -> str:
    """A bracket after the reference names the owner when it reads as a person ('Ms Vane', 'Insp. Rowe', 'DB')."""
    if not paren:
        return ""
    paren = paren.strip()
    if _INITIALS_RE.match(paren):
        return paren
    person = parse_person(paren)
    return paren if person and (person.rank or len(person.name.split()) >= 2) else ""


def note_status(note: str) -> tuple[str, str] | None:
    """(status, due_text) that a note states (at its start, in its last sentence, inside it, or as a new date)."""
    note = note.strip()
    parts = _SENTENCE_END_RE.split(note)
    return (_status(note) or (_status(parts[-1]) if len(parts) > 1 else None) or _mid_status(note)
            or _new_date(note))


def parse_update(text: str, in_log: bool = False) -> Update | None:
    """The update a status line states, else None. ``in_log``: the line stands under an action-log /
    outstanding-references item, where a reference and a progress note are an update without a status word."""
    m = LINE_RE.match(_PARAGRAPH_RE.sub("", strip_bullet(text), count=1))
    if not m:
        return None
    ref = m.group("id") or m.group("bare")
    if m.group("bare") and (_is_date_or_year(ref) or m.group("sep") in (None, ".")):
        return None  # a bare reference needs a dash or colon after it: '12/2019/P – ...'
    note = m.group("note").strip()
    found = note_status(note)
    if found and m.group("bare") and "/" not in ref and not in_log and not _status(note):
        found = None  # 'IT-14 – complete', but not 'COVID-19 – the unit was closed' outside a log
    if found is None and in_log and len(note.split()) >= 3 and not _TASK_RE.match(note):
        found = (progress_status(note), "")
    if found is None:
        return None
    return Update(ref, found[0], found[1], _owner(m.group("paren")))


def _is_date_or_year(ref: str) -> bool:
    """'16/04/2021' (a date) or '2024/25' (a financial year), not a reference."""
    parts = ref.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return True
    if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[0]) == 4 and len(parts[1]) == 2:
        return (int(parts[0]) + 1) % 100 == int(parts[1])
    return False


def is_no_actions_due(text: str) -> bool:
    """'There were no actions due': says there are no updates; neither an update nor a sentence."""
    return bool(NO_ACTIONS_DUE_RE.match(strip_bullet(text)))


# Action logs: '• Action 515 – Ch/Supt Hollis to review the rota. Proposed to close.' followed by
# 'Update 18.01.22 – Complete'. The entry names an earlier action; the update line sets its status.
LOG_ITEM_RE = re.compile(
    r"action\s*(?:log|tracker|register|sheet|schedule|updates?)|matters\s+arising|(?:previous|outstanding|open)\s+"
    r"(?:actions|references)|review\s+of\s+(?:the\s+)?actions|progress\s+on\s+actions", re.I)
LOG_ENTRY_RE = re.compile(r"^action\s+(?:no\.?\s*)?(?P<id>\d+[a-z]?(?:/\d+)?)\s*[-–—:.]\s*(?P<desc>\S.*)$", re.I)
UPDATE_NOTE_RE = re.compile(
    r"^update(?:\s+(?:at|on|as\s+at)?\s*(?:[\d./\-]+|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)[\w ]*?)?\s*[-–—:]\s*"
    r"(?P<status>\S.*)$", re.I)


def parse_log_entry(text: str, in_log: bool, next_text: str = "") -> tuple[str, str, str] | None:
    """(action_id, status, due_text) of an action-log entry, else None.

    An 'Action N – <task>' line is an entry (not a new action) under an action-log item, when its
    last sentence is a status ('Proposed to close.'), or when an 'Update …' line follows it.
    Without a status of its own the entry is 'open' until its update line says otherwise.
    """
    m = LOG_ENTRY_RE.match(strip_bullet(text))
    if not m:
        return None
    parts = _SENTENCE_END_RE.split(m.group("desc").strip())
    found = _status(parts[-1]) if len(parts) > 1 else None
    if not (in_log or found or parse_update_note(next_text)):
        return None
    status, due = found or ("open", "")
    return m.group("id"), status, due


def parse_update_note(text: str) -> tuple[str, str] | None:
    """(status, due_text) of an 'Update 18.01.22 – Complete' line, else None."""
    m = UPDATE_NOTE_RE.match(strip_bullet(text))
    return note_status(m.group("status")) if m else None


def is_log_item(item: str) -> bool:
    return bool(LOG_ITEM_RE.search(item))


# --- action-log tables ------------------------------------------------------------------------

_REF_COL_RE = re.compile(r"^(?:action\s+)?(?:ref(?:erence)?\.?(?:\s+no\.?)?|no\.?|number|id|#|item)$"
                         r"|\baction\s+(?:no\.?|number|ref\.?|id)$", re.I)
_STATUS_COL_RE = re.compile(r"^(?:(?:current|rag)\s+)?(?:status|progress|position)(?:\s+update)?$|^update$|^rag$",
                            re.I)
_OWNER_COL_RE = re.compile(r"^(?:action\s+)?(?:owner|lead|responsible|by\s+whom|who|assigned\s+to)$", re.I)
_DUE_COL_RE = re.compile(r"^(?:due(?:\s+date)?|deadline|target(?:\s+date)?|by\s+when|date\s+due|timescale)$", re.I)
_SEPARATOR_ROW_RE = re.compile(r"^[\s|:\-–—]+$")
_EMPTY_CELL_RE = re.compile(r"^(?:|-+|–|—|n/?a|tbc)$", re.I)


def _cells(row: str) -> list[str]:
    cells = [c.strip() for c in row.strip().split("|")]
    return cells[:-1] if cells and cells[-1] == "" else cells


class UpdateReader:
    """Reads the action updates of a page line by line. It remembers what a single line cannot show:
    the section the line stands in (an action-log item makes bare references updates) and the header
    of the table it is in. A table row is an update when the header has a reference and a status
    column and the row gives both; rows without a status (a table of new actions) stay body."""

    def __init__(self, title: str = "") -> None:
        self.title = title
        self.item = ""
        self.section = ""
        self.columns: dict[str, int] | None = None

    def in_log(self) -> bool:
        return is_log_item(self.section or ("" if self.item else self.title))

    def read(self, text: str, item: str, following: str = "") -> Update | None:
        """The update ``text`` states, else None (``item``: the agenda item it stands under)."""
        if item != self.item:
            self.item, self.section = item, item
        if "|" in text:
            return self._row(text)
        self.columns = None
        line = text.strip()
        if strip_bullet(line) == line and len(line.split()) <= 8 and is_heading_like(line):
            self.section = line  # a heading line ('Matters arising', 'Estates') opens a section
        update = parse_update(text, self.in_log())
        if update:
            return update
        entry = parse_log_entry(text, self.in_log(), following)
        return Update(*entry) if entry else None

    def _row(self, text: str) -> Update | None:
        if _SEPARATOR_ROW_RE.match(text):
            return None
        cells = _cells(text)
        header = self._header(cells)
        if header:
            self.columns = header
            return None
        cols = self.columns
        if not cols or max(cols.values()) >= len(cells):
            return None
        ref = cells[cols["ref"]]
        if not re.fullmatch(_ACTION_REF, ref, re.I) or _is_date_or_year(ref):
            return None
        found = note_status(cells[cols["status"]])
        if not found:
            return None
        status, due = found
        if "due" in cols and not due and status in ("carried_forward", "open", "ongoing"):
            cell = cells[cols["due"]]
            due = "" if _EMPTY_CELL_RE.match(cell) else cell
        owner = cells[cols["owner"]] if "owner" in cols else ""
        return Update(ref, status, due, "" if _EMPTY_CELL_RE.match(owner) else owner)

    @staticmethod
    def _header(cells: list[str]) -> dict[str, int] | None:
        """Column positions of a header row with a reference and a status column, else None."""
        cols: dict[str, int] = {}
        for i, cell in enumerate(cells):
            for name, rx in (("ref", _REF_COL_RE), ("status", _STATUS_COL_RE), ("owner", _OWNER_COL_RE),
                             ("due", _DUE_COL_RE)):
                if name not in cols and rx.search(cell.strip(" *:")):
                    cols[name] = i
        return cols if "ref" in cols and "status" in cols else None
