"""``parse_minutes``: a Page to Minutes, by running the layout readers in order over the page's
content lines (boilerplate removed). Every offset indexes ``page.text``."""
from __future__ import annotations

from ..ingest.page import Page
from .attendance import APOLOGIES_RE, parse_attendance
from .body import item_heading, parse_body
from .boilerplate import content_lines
from .header import parse_header
from .model import ActionUpdateLine, Minutes
from .next_meeting import find_next_meeting
from .people import strip_bullet
from .updates import is_no_actions_due, parse_update

_HEADER_LINES_WITHOUT_ATTENDANCE = 6


def parse_minutes(page: Page, boilerplate: frozenset[str] = frozenset()) -> Minutes:
    """Header, attendance, action updates, next meeting and body sentences of one page.

    ``boilerplate`` is what :func:`find_repeated_lines` found across the page's archive.
    """
    text = page.text
    lines = content_lines(text, boilerplate)
    first_item = next((ln.index for ln in lines if item_heading(ln.text)), len(lines))
    att = parse_attendance(lines[:first_item])
    if att.start is not None:
        header = parse_header(lines, att.start, text)
    else:
        header = parse_header(lines, min(first_item, _HEADER_LINES_WITHOUT_ATTENDANCE), text, claim_region=False)
    used = header.used | att.used
    body_start = max(used, default=-1) + 1
    next_date, next_index = find_next_meeting(lines, header.meeting_date, used)
    if next_index is not None:
        used.add(next_index)

    minutes = Minutes(source=page.source, text=text, title=header.title, meeting_date=header.meeting_date,
                      venue=header.venue, next_meeting_date=next_date, attendees=att.attendees)
    body = []
    for ln in lines[body_start:]:
        if ln.index in used or APOLOGIES_RE.match(strip_bullet(ln.text)) or is_no_actions_due(ln.text):
            continue
        update = parse_update(ln.text)
        if update:
            action_id, status, due_text = update
            minutes.updates.append(ActionUpdateLine(action_id, status, due_text, ln.text, ln.start, ln.end))
            continue
        body.append(ln)
    minutes.paragraphs, minutes.sentences = parse_body(body, text, lines[-1].index if lines else -1)
    return minutes
