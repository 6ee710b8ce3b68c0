"""Plain data types the layout stage produces: what a page of minutes says, before any NLP.

Every piece keeps ``char_start``/``char_end`` into ``Minutes.text`` (the page's extracted
text) so any exported row can be traced back to the input.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .roles import LineRole


@dataclass
class Attendee:
    """One row of the attendance table."""

    rank: str  # 'A/ACC', 'Insp.', 'PSE', '' when none given
    name: str  # full name as written: 'Lucy Morris'
    role: str = ""  # 'Rep: Serious Crime Directorate'
    notes: list[str] = field(default_factory=list)  # ['Chair', 'MT', 'Items 3 and 4']
    is_chair: bool = False
    initials: str = ""  # 'LM' (from the name) or as given by the page
    # Short forms the minutes use for the person: bracketed initials ('RHL') and the computed
    # initials, so 'Action: RJ/DB' and 'RHL is to check' resolve to this row.
    aliases: list[str] = field(default_factory=list)

    @property
    def surname(self) -> str:
        parts = self.name.split()
        return parts[-1] if parts else ""

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if len(parts) > 1 else ""

    @property
    def display(self) -> str:
        """'ACC Tracey Harman' — the form the exports use."""
        return f"{self.rank} {self.name}".strip()


@dataclass
class ActionUpdateLine:
    """A status line for an earlier action: 'Action 26/24 - carried forward to 27 August 2024.'"""

    action_id: str  # '26/24'
    status: str  # discharged | carried_forward | closed | open | ongoing
    due_text: str  # the words a new due date came from ('27 August 2024', 'the next meeting'), or ''
    text: str
    char_start: int
    char_end: int
    owner: str = ""  # 'Ms Vane' from 'Action 2025/41 (Ms Vane): discharged.' or an owner column, or ''


@dataclass
class Paragraph:
    """A run of body text (one or more sentences) with the context it sits in."""

    text: str
    char_start: int
    char_end: int
    item: str = ""  # agenda item heading: '8a. Car Salary Sacrifice Scheme mileage rate'
    heading: str = ""  # nearest heading line above it in the item: 'Decisions:', 'New action: 9/24'
    action_id: str = ""  # from a 'New action: 9/24' heading directly above it
    heading_gap: int = 0  # paragraphs between the heading and this one (0: directly under it)


@dataclass
class Sentence:
    """One body sentence: the unit the classifier labels. ``heading``/``item`` are its context."""

    index: int  # position among the page's body sentences, from 0
    text: str
    char_start: int
    char_end: int
    item: str = ""
    heading: str = ""
    action_id: str = ""  # from a 'New action: 9/24' heading (or an inline 'Action 12:' label)
    heading_gap: int = 0  # paragraphs between the heading and this sentence's paragraph


@dataclass
class Minutes:
    """One meeting's page, parsed into header, attendance, body and action updates."""

    source: str
    text: str
    title: str = ""
    body: str = ""  # the body meeting, from the top of the page ('Cabinet'): deciding_body.py
    meeting_date: date | None = None
    venue: str = ""
    next_meeting_date: date | None = None
    attendees: list[Attendee] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    updates: list[ActionUpdateLine] = field(default_factory=list)
    lines: list[LineRole] = field(default_factory=list)  # every line with its role (roles.py)

    @property
    def chair(self) -> Attendee | None:
        return next((a for a in self.attendees if a.is_chair), None)
