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
from .sentences import split_sentences
from .updates import is_log_item, is_no_actions_due, parse_log_entry, parse_update, parse_update_note

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
    item = ""
    for ln in lines[body_start:]:
        if ln.index in used or is_apologies_line(ln.text) or is_no_actions_due(ln.text):
            continue
        if item_heading(ln.text):
            item = ln.text
        following = lines[ln.index + 1].text if ln.index + 1 < len(lines) else ""
        update = parse_update(ln.text) or parse_log_entry(ln.text, is_log_item(item), following)
        if update:
            action_id, status, due_text = update
            minutes.updates.append(ActionUpdateLine(action_id, status, due_text, ln.text, ln.start, ln.end))
            continue
        note = parse_update_note(ln.text)
        if note and minutes.updates and body_since_update(body, minutes.updates[-1]):
            last = minutes.updates[-1]  # 'Update 18.01.22 – Complete' sets the status of the entry above
            minutes.updates[-1] = ActionUpdateLine(last.action_id, note[0], note[1], text[last.char_start:ln.end],
                                                   last.char_start, ln.end)
            continue
        body.append(ln)
    minutes.paragraphs, minutes.sentences = parse_body(body, text, lines[-1].index if lines else -1)
    if next_index is None and lines and body and body[-1].index == lines[-1].index:
        _drop_cut_tail(minutes, lines)
    return minutes


def is_apologies_line(text: str) -> bool:
    """A line that only records apologies. A paragraph that opens with them and goes on
    ('Apologies were received from X. X to review ...') is body: dropping it would lose its items."""
    line = strip_bullet(text)
    return bool(APOLOGIES_RE.match(line)) and len(split_sentences(line, glued_tail=False)) <= 1


def body_since_update(body: list, update: ActionUpdateLine) -> bool:
    """No body line stands between the update and this line (the update line belongs to it)."""
    return not body or body[-1].end < update.char_start


_TERMINAL = tuple(".!?:;)\"'’”")


def _drop_cut_tail(minutes: Minutes, lines: list) -> None:
    """A page cut off mid-way (no next-meeting line, last line unfinished): drop a cut table row
    (the last line follows a table row) or a cut sentence (the page's other paragraphs end in
    sentence punctuation and this one does not)."""
    last = lines[-1]
    if last.text.endswith(_TERMINAL) or not minutes.sentences or minutes.sentences[-1].char_end != last.end:
        return
    cut_row = len(lines) > 1 and "|" in lines[-2].text and "|" not in last.text
    others = [p for p in minutes.paragraphs if p.char_end != last.end]
    finished = sum(p.text.endswith(_TERMINAL) for p in others)
    if cut_row or (len(others) >= 2 and finished * 2 >= len(others)):
        minutes.sentences.pop()
        if minutes.paragraphs and minutes.paragraphs[-1].char_end == last.end and cut_row:
            minutes.paragraphs.pop()
