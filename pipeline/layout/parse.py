"""``parse_minutes``: a Page to Minutes, by running the layout readers in order over the page's
content lines. Every line ends with one role (``Minutes.lines``, see ``roles.py``), so a line no
table takes is visible as set aside; every offset indexes ``page.text``."""
from __future__ import annotations

from bisect import bisect_left

from ..ingest.page import Page
from .attendance import APOLOGIES_RE, LIST_START_RE, SEPARATOR_RE, parse_attendance
from .body import HEADING_RE, INLINE_RE, NEW_ACTION_RE, item_heading, joins_above, parse_body
from .boilerplate import content_lines
from .deciding_body import deciding_body
from .header import Header, parse_header
from .lines import Line
from .model import ActionUpdateLine, Minutes
from .roles import LineRole, is_empty_table_row, is_fragment
from .next_meeting import find_next_meeting
from .people import strip_bullet
from .sentences import split_sentences
from .updates import UpdateReader, is_no_actions_due, parse_update_note

_HEADER_LINES_WITHOUT_ATTENDANCE = 6


def parse_minutes(page: Page) -> Minutes:
    """Header, attendance, action updates, next meeting and body sentences of one page, decided
    from the page alone (its rows are the same alone and in any batch)."""
    text = page.text
    lines, aside = content_lines(text)
    first_item = next((ln.index for ln in lines if item_heading(ln.text)), len(lines))
    att = parse_attendance(lines, first_item)
    if att.start is not None and att.at_head:
        header = parse_header(lines, att.start, text, meta=page.meta, source=page.source)
    else:
        header = parse_header(lines, min(first_item, _HEADER_LINES_WITHOUT_ATTENDANCE), text, claim_region=False,
                              meta=page.meta, source=page.source)
    used = header.used | att.used
    body_start = max(header.used | (att.used if att.at_head else set()), default=-1) + 1
    next_date, next_index = find_next_meeting(lines, header.meeting_date, used)
    if next_index is not None:
        used.add(next_index)

    minutes = Minutes(source=page.source, text=text, title=header.title, meeting_date=header.meeting_date,
                      venue=header.venue, next_meeting_date=next_date, attendees=att.attendees)
    roles: dict[int, LineRole] = {}

    def give(ln: Line, role: str, detail: str = "") -> None:
        roles[ln.index] = LineRole(ln.start, ln.end, ln.text, role, detail)

    for ln in lines[:body_start]:
        give(ln, _header_role(ln, header, att.used))
    body = []
    item = ""
    updates = UpdateReader(header.title)
    for ln in lines[body_start:]:
        if ln.index == next_index:
            give(ln, "next_meeting")
            continue
        if ln.index in used:
            give(ln, _header_role(ln, header, att.used))
            continue
        if is_apologies_line(ln.text):
            give(ln, "apologies")
            continue
        if is_no_actions_due(ln.text):
            give(ln, "update", "no actions due")
            continue
        if item_heading(ln.text):
            item = ln.text
        following = lines[ln.index + 1].text if ln.index + 1 < len(lines) else ""
        update = updates.read(ln.text, item, following)  # before set-aside: 'Action 12 – closed', log table rows
        if update:
            action_id, status, due_text, owner = update
            minutes.updates.append(ActionUpdateLine(action_id, status, due_text, ln.text, ln.start, ln.end, owner))
            give(ln, "update")
            continue
        note = parse_update_note(ln.text)
        if note and minutes.updates and body_since_update(body, minutes.updates[-1]):
            last = minutes.updates[-1]  # 'Update 18.01.22 – Complete' sets the status of the entry above
            minutes.updates[-1] = ActionUpdateLine(last.action_id, note[0], note[1], text[last.char_start:ln.end],
                                                   last.char_start, ln.end, last.owner)
            give(ln, "update", "status of the entry above")
            continue
        aside_role = _set_aside_role(ln.text, following)
        if aside_role:
            give(ln, *aside_role)
            continue
        body.append(ln)
        give(ln, "item" if item_heading(ln.text) and not INLINE_RE.match(ln.text) else "body")
    minutes.paragraphs, minutes.sentences = parse_body(body, text, lines[-1].index if lines else -1)
    starts = [s.char_start for s in minutes.sentences]  # in page order: bisect, not a scan per line
    for ln in body:
        first = bisect_left(starts, ln.start)
        holds = first < len(starts) and starts[first] < ln.end
        if roles[ln.index].role == "item" and holds:  # a numbered list line under an intro, read as body
            give(ln, "body")
        if roles[ln.index].role == "body" and not holds:
            joined = first > 0 and minutes.sentences[first - 1].char_end > ln.start
            give(ln, "body", "part of the sentence above") if joined else give(ln, "heading")
    ingest_aside = [LineRole(-1, -1, a.text, a.role, a.where) for a in page.set_aside]
    minutes.lines = ingest_aside + sorted([*roles.values(), *aside], key=lambda r: (r.start, r.end))
    minutes.body = deciding_body(_top_lines(minutes, lines[body_start].start if body_start < len(lines) else len(text)))
    return minutes


_TOP_ROLES = frozenset({"title", "header", "meeting_date", "venue"})


def _top_lines(minutes: Minutes, body_from: int) -> list[str]:
    """The title, the header lines above the body, then running headers (page furniture with words):
    where a page names the body meeting."""
    top = [r.text for r in minutes.lines if r.role in _TOP_ROLES and r.start < body_from]
    running = [r.text for r in minutes.lines if r.role == "page_furniture" and any(c.isalpha() for c in r.text)]
    return [minutes.title, *top, *running]


def _header_role(ln: Line, header: Header, attendance: set[int]) -> str:
    """Which header field a header-region line gave (for ``inspect``)."""
    if ln.index in attendance:
        return "apologies" if APOLOGIES_RE.match(strip_bullet(ln.text)) else "attendance"
    if header.title and header.title in ln.text:
        return "title"
    if header.date_text and header.date_text in ln.text:
        return "meeting_date"
    if header.venue and header.venue in ln.text:
        return "venue"
    return "header"


def _set_aside_role(text: str, following: str = "") -> tuple[str, str] | None:
    """(role, why) for a body line that cannot be a sentence, so it never reaches the classifier:
    a fragment, a table row holding no sentence or a table's header row, or a further attendance
    list in the body ('ALSO PRESENT: ...' of a joint session). Headings the body reads as context
    ('Decision:', 'New action: 9/24') and lines that complete the sentence above are kept."""
    line = strip_bullet(text)
    inline = INLINE_RE.match(line)
    rest = line[inline.end():] if inline else ""
    if inline and rest[:1].islower() and is_fragment(rest) and not joins_above(line):
        return "fragment", "a label with too little after it to be a sentence ('Action 23/23 - dis', cut off)"
    if inline or any(rx.match(line) for rx in (HEADING_RE, NEW_ACTION_RE)) or joins_above(line) or item_heading(line):
        return None
    if "|" in line and SEPARATOR_RE.match(following.strip()):
        return "table_row", "a table's header row"
    if is_empty_table_row(line):
        return "table_row", ""
    if LIST_START_RE.match(line):
        return "attendance_list", "an attendance list after the one read as the attendees"
    return ("fragment", "") if is_fragment(line) else None


def is_apologies_line(text: str) -> bool:
    """A line that only records apologies. A paragraph that opens with them and goes on
    ('Apologies were received from X. X to review ...') is body: dropping it would lose its items."""
    line = strip_bullet(text)
    return bool(APOLOGIES_RE.match(line)) and len(split_sentences(line, glued_tail=False)) <= 1


def body_since_update(body: list, update: ActionUpdateLine) -> bool:
    """No body line stands between the update and this line (the update line belongs to it)."""
    return not body or body[-1].end < update.char_start
