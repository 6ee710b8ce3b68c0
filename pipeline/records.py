"""The row types of every table the product writes, in one place, so the CLI, the exports and
later stages (register, report) share one schema. Column order here is the column order on disk."""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class MeetingRow:
    source: str
    title: str
    meeting_date: str
    venue: str
    next_meeting_date: str
    n_attendees: int
    n_decisions: int
    n_actions: int
    body: str = ""  # the body meeting, read from the top of the page ('Cabinet', 'Audit Committee')


@dataclass
class AttendeeRow:
    source: str
    meeting_date: str
    rank: str
    name: str
    role: str
    notes: str
    is_chair: bool
    aliases: str = ""  # initials the page gives in brackets, and the name's own ('RHL; RH'): how owners are matched


@dataclass
class DecisionRow:
    source: str
    meeting_date: str
    item: str
    sentence_index: int
    char_start: int
    char_end: int
    text: str
    owner: str
    owner_rank: str
    owner_name: str
    owner_role: str
    due_date: str
    due_text: str
    recurrence: str
    confidence: float
    owner_basis: str = ""  # named | lead-in | meeting body (a decision naming nobody: the body meeting made it) | ''


@dataclass
class ActionRow(DecisionRow):
    action_id: str = ""


@dataclass
class ActionUpdateRow:
    source: str
    meeting_date: str
    action_id: str
    status: str
    due_date: str
    text: str
    owner: str = ""  # as the status line names it: 'Action 2025/41 (Ms Quayle): discharged.'


@dataclass
class SentenceRow:
    source: str
    sentence_index: int
    char_start: int
    char_end: int
    item: str
    label: str
    confidence: float
    text: str


@dataclass
class SetAsideRow:
    """A line of a page that no other table takes and the classifier never saw (page furniture, a
    fragment, a table row without a sentence, site boilerplate), so nothing goes without a trace.
    ``char_start``/``char_end`` are -1 for what the reader kept out of the text (front matter, code)."""

    source: str
    char_start: int
    char_end: int
    role: str
    detail: str
    text: str


@dataclass
class ErrorRow:
    source: str
    stage: str
    error: str


TABLES: dict[str, type] = {
    "meetings": MeetingRow,
    "attendees": AttendeeRow,
    "decisions": DecisionRow,
    "actions": ActionRow,
    "action_updates": ActionUpdateRow,
    "sentences": SentenceRow,
    "set_aside": SetAsideRow,
    "errors": ErrorRow,
}


def columns(row_type: type) -> list[str]:
    return [f.name for f in fields(row_type)]


@dataclass
class PageRecords:
    """Everything one input contributes, so a page's rows are written together or not at all."""

    meetings: list[MeetingRow]
    attendees: list[AttendeeRow]
    decisions: list[DecisionRow]
    actions: list[ActionRow]
    action_updates: list[ActionUpdateRow]
    sentences: list[SentenceRow]
    set_aside: list[SetAsideRow] = field(default_factory=list)

    def tables(self) -> dict[str, list]:
        return {name: getattr(self, name) for name in TABLES if name != "errors"}


@dataclass
class RegisterRow:
    """One action followed from the meeting that raised it to its latest update (register.csv)."""

    board: str
    action_id: str
    raised_on: str
    source: str
    owner: str
    text: str
    due_date: str
    status: str
    last_update_on: str
    n_updates: int
    overdue: str  # 'true' or 'false', as the register's readers expect


@dataclass
class OwnerRow:
    """Per owner: how many of their register actions are open, overdue and closed (owners.csv)."""

    owner: str
    open: int
    overdue: int
    closed: int
