"""Who attended. The attendance is one cluster of blocks, each opened by a label ('Present:',
'Also present', 'In attendance:', 'Officers:', 'Staff present:', 'Guests', 'In the Chair:',
'Minute taker:', a Markdown 'Attendees' heading) or by a pipe table (a Name/Role table, or columns
headed 'Present: | Officials:'), and holding people one a line, as bullets, or as a comma or
semicolon paragraph. Absence blocks ('Apologies', 'Regrets:', 'Absent:', 'Board members absent:')
belong to the cluster but give no attendees. The cluster may stand above the body (the usual
place), under an agenda front sheet, or at the end of the page; a run of three or more person
lines near the top with no label is a cluster too. Who chaired comes from a '(Chair)' note, a
'Chair:' line, or 'called to order by ...' / '... acted as chair'."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_dates
from ..ranks import PLURAL_TITLE_AT_START_RE, RANK_AT_START_RE, TITLE_AT_START_RE, is_rank
from .header import HELD_RE
from .lines import Line
from .model import Attendee
from .next_meeting import is_date_line
from .people import clean_markup, parse_person, plural_title, split_people, split_trailing_name, strip_bullet

SEPARATOR_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# The common list openers alone ('Present:', 'In attendance', 'Attendees –'); test writers and
# page generators use it to lay out the same shapes the reader below takes.
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
# A label opening a block: what kind of people follow it. 'closes': one post ('Minute taker:'),
# after which an unlabelled line is not more attendance.
_ATTEND = (r"(?:(?:[A-Z][\w’'\-]*\s+){0,3})?(?:present|in\s+attendance|attendees|attendance|attendace|attending)"
           r"|(?:[A-Z][\w’'\-]*\s+)?(?:members|councillors|trustees|governors|directors)"
           r"|the\s+following\s+(?:people|members|officers)\s+(?:attended|were\s+present)(?:\s+the\s+meeting)?"
           r"|by\s+invitation|invited|guests?|officials|officers|staff|secretariat|observers?")
_ABSENT = (r"(?:(?:[A-Z][\w’'\-]*\s+){0,3})?(?:apologies(?:\s+for\s+absence)?|absent|absentees|not\s+present)"
           r"|regrets")
_CLOSES = (r"in\s+the\s+chair|chair(?:man|person)?|presiding|minute[- ]?taker|note[- ]?taker|minutes|notes"
           r"|secretary|clerk")
LABEL_RE = re.compile(
    r"^(?:(?P<attend>" + _ATTEND + r")|(?P<absent>" + _ABSENT + r")|(?P<closes>" + _CLOSES + r"))"
    r"(?:\s*(?::|[-–—]\s)\s*(?P<rest>.*)|\s*$)", re.I)
# 'PRESENT Councillors A, B': the bare keyword with the list on the same line.
_BARE_PRESENT_RE = re.compile(r"^(?:PRESENT|Present)\s+(?=[A-Z])(?P<rest>.+)$")
# A label inside a line, after a sentence or a name: 'Dave Lee. Regrets: Councillor Ann Hale Staff: ...'.
INLINE_LABEL_RE = re.compile(
    r"(?:(?<=^)|(?<=[.;]\s)|(?<=\s))(?=[A-Z])"
    r"(?P<label>(?:[A-Z][\w’'\-]*\s+(?:[a-z][\w’'\-]*\s+)?)?(?i:present|absent)"
    r"|(?i:regrets|apologies|staff|officers|officials|guests?|also\s+present|in\s+attendance|in\s+the\s+chair"
    r"|minute\s+taker))\s*:\s*")
_CHAIR_RE = re.compile(
    r"called\s+to\s+order\b[^.]*?\bby\s+(?P<by>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})"
    r"|^(?:in\s+the\s+chair|chair(?:man|person)?|presiding(?:\s+officer)?)\s*:\s*(?P<label>[^.;]+)"
    r"|^(?P<subject>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){1,3})(?:,[^.]*?,)?\s+(?:acted\s+as|took\s+the)\s+chair"
    r"|^(?P<caller>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3})\s+called\s+the\s+meeting\s+to\s+order"
    r"|^(?P<presided>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){1,3})\s+(?:presided|chaired\s+the\s+meeting)", re.I)
_JOINED_RE = re.compile(r"^(?P<who>.+?)\s+(?:joined\s+the\s+meeting|was\s+also\s+(?:present|in\s+attendance))\b")
_ITEM_START_RE = re.compile(r"^(?:\d{1,3}[a-z]?[.):]?\s+[A-Z]|item\s+\d|ref\s+\d)", re.I)
# A minute or item code before a heading: 'TC/19 Bus Review', 'EB/25/40 Estates', 'F25/69 Grants',
# '14/25 Date of next meeting', 'OS 41 Leisure Centres' (letters then a number: not a rank and collar number).
ITEM_CODE_RE = re.compile(
    r"^(?:[A-Z]{1,5}\s?/\s?\d{1,4}(?:/\d{1,4})*|[A-Z]{1,4}\d{1,4}(?:/\d{1,4})+|\d{1,4}/\d{1,4}"
    r"|(?P<letters>[A-Z]{2,5})\s\d{1,4})[a-z]?[.:)]?\s+(?=[A-Z])")
_GROUP_WORD_RE = re.compile(
    r"^(?:[A-Z][\w’'\-]*\s+)?(?:members|councillors|trustees|governors|directors)\s*(?:[:\-–—]|$)", re.I)
# 'Councillors:', 'Bureau:', 'External audit:' over people, inside an attendance cluster: one more block.
_GROUP_LABEL_RE = re.compile(r"^(?P<label>[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,3})\s*:\s+(?P<rest>\S.*)$")
# Labels over a topic, not a group of people: 'Decision: Ann Lee', 'Disclosure of interest: Cllr Hale'.
_NOT_GROUP = re.compile(r"^(?:actions?|decisions?|resolved|resolutions?|owner|due|deadline|update|item|agenda|re"
                        r"|subject|note|noted|purpose|summary|outcome|status|recommendations?)$"
                        r"|\b(?:of|for|to|on|in|the|by|from|with|interests?|declarations?|disclosures?|conflicts?"
                        r"|pecuniary|membership)\b", re.I)
_BODY_MARK_RE = re.compile(r"^(?:resolved|decision|action)\b|\bresolved\s+that\b", re.I)
_HEADER_NAME = ("name", "attendee", "member", "officer", "present")
_HEADER_ROLE = ("role", "title", "position", "department", "post", "representing", "directorate")
_TITLE_START_RE = re.compile(f"(?:{RANK_AT_START_RE.pattern})|(?:{TITLE_AT_START_RE.pattern})")
_MEMBERSHIP_REACH = 12  # lines under a 'Membership' heading that still list members, not attendance
_UNLABELLED_RUN = 3  # person lines in a row that make an attendance list with no label
_TOP_LINES = 15  # where an unlabelled list may start


@dataclass
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # line indices that belong to the attendance section
    start: int | None = None  # first line of the section
    at_head: bool = False  # the section stands above the body (lines before it are header)


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


def _label_cells(text: str) -> list[str] | None:
    """The cells of a table row whose filled cells are all block labels ('Present: | Officials: |')."""
    if "|" not in text:
        return None
    row = cells(text)
    filled = [c for c in row if c]
    if not filled or not all(_label(c) and not (_label(c)[1] or "").strip() for c in filled):
        return None
    return row


def _starts_new_row(text: str) -> bool:
    """A wrapped row's second line is a role; a line opening with an abbreviated rank and a name is a new row."""
    row = cells(text) if "|" in text else [text]
    first = row[0] if row else ""
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


def _label(text: str) -> tuple[str, str | None] | None:
    """(kind, rest) for a line that opens a block: kind is 'attend', 'absent' or 'closes'."""
    m = LABEL_RE.match(text)
    if m:
        kind = next(k for k in ("attend", "absent", "closes") if m.group(k))
        if kind == "closes" and not (m.group("rest") or "").strip():
            return None  # a bare 'Minutes' or 'Notes' line is a heading, not a label
        if kind == "closes" and find_dates(m.group("rest")):
            return None  # 'Minutes – 4 March 2026 – Civic Centre': the meeting's date and venue
        title = PLURAL_TITLE_AT_START_RE.match(text)
        rest = (m.group("rest") or "").strip()
        if kind == "attend" and title and rest and text[title.end(1):].lstrip()[:1] in ":-–—":
            return kind, f"{title.group(1)} {rest}"  # 'Councillors: A, B': the title goes with the names
        return kind, m.group("rest")
    m = _BARE_PRESENT_RE.match(text)
    if m:
        return "attend", m.group("rest")
    m = APOLOGIES_RE.match(text)
    if m and m.group("from"):
        return "absent", m.group("from")
    return None


def _glued(piece: str) -> list[str]:
    """'Ann Lee (Audit) Lord Hale (Justice)' -> two people: text extraction joined two cells."""
    parts = re.split(r"(?<=\))\s+(?=[A-Z])", piece)
    if len(parts) == 1:
        return parts
    out = [parts[0]]
    for p in parts[1:]:
        if parse_person(p) and not re.match(r"^(?:acting\s+)?chair", p, re.I):
            out.append(p)
        else:
            out[-1] += " " + p
    return out


def people_in(text: str, *, labelled: bool) -> list[Attendee]:
    """The people of one list segment. A piece that is not a person ('OBE', 'Open Data Institute')
    is the role of the person before it; a plural title ('Councillors') applies to the names after it.
    'Name, Org Name, Org' (one person a line, joined into a paragraph) is read as that chain."""
    title, text = plural_title(clean_markup(text).strip())
    pieces = split_people(text)
    chain = _chain(pieces)
    if chain is not None:
        return chain
    out: list[Attendee] = []
    surname_ok = labelled and all(len(re.sub(r"\([^()]*\)", "", p).split()) <= 3 for p in pieces)
    if len(pieces) > 1 and not any(parse_person(p, surname_ok=surname_ok) for p in pieces[1:]):
        whole = parse_person(text, title=title, surname_ok=surname_ok)  # 'Ann Lee, Health and Care Centre'
        first = parse_person(pieces[0], title=title, surname_ok=surname_ok)
        if whole and first and whole.name == first.name:
            return [whole]
    last = ""  # the text the last person was read from
    for raw in pieces:
        for piece in _glued(raw):
            t, piece = plural_title(piece)
            title = t or title
            person = parse_person(piece, title=title, surname_ok=surname_ok)
            if person:
                out.append(person)
                last = piece
                continue
            if not out or len(pieces) == 1 or not piece[:1].isupper():  # '3 members of the public': nobody's role
                continue
            again = parse_person(f"{last}, {piece}", title=title, surname_ok=surname_ok)
            if again and again.name == out[-1].name:  # 'Ann Lee, Head of Audit (item 4)': her role and note
                out[-1], last = again, f"{last}, {piece}"
            else:
                extra = clean_markup(piece).strip(" .")
                out[-1].role = f"{out[-1].role}, {extra}" if out[-1].role else extra
    return out


def _chain(pieces: list[str]) -> list[Attendee] | None:
    """People of 'Ann Lee, City Archives Tom Hale, Digital Service (chair) Jo Bell, Ofcom', or None."""
    first = parse_person(pieces[0]) if len(pieces) >= 3 else None
    if not first or first.rank or parse_person(pieces[-1]) or not pieces[-1][:1].isupper():
        return None
    splits = [split_trailing_name(p) for p in pieces[1:-1]]
    if not all(splits) or any(_TITLE_START_RE.match(org + " ") for org, _ in splits):
        return None
    people = [pieces[0]] + [name for _, name in splits]
    roles = [org for org, _ in splits] + [pieces[-1]]
    out = []
    for who, org in zip(people, roles):
        person = parse_person(f"{who}, {org}")
        if not person:
            return None
        out.append(person)
    return out


def _segments(text: str, kind: str, rest: str | None) -> list[tuple[str, str]]:
    """A labelled line as (kind, text) segments, split again at labels inside it."""
    rest = rest or ""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in INLINE_LABEL_RE.finditer(rest):
        if m.start() == 0:
            continue
        out.append((kind, rest[pos:m.start()]))
        found = _label(m.group("label") + ":")
        kind = found[0] if found else kind
        pos = m.end()
    out.append((kind, rest[pos:]))
    return [(k, s) for i, (k, s) in enumerate(out) if s.strip() or i == len(out) - 1]


def _inline_start(text: str) -> list[tuple[str, str]]:
    """Segments of a line whose attendance starts mid-line, after a sentence:
    'The meeting opened at 7 pm. Members present: Hale, Ross. Members absent: Lee.'"""
    for m in INLINE_LABEL_RE.finditer(text):
        after_sentence = re.search(r"[.;]\s*$", text[:m.start()])
        if m.start() and after_sentence and re.search(r"present|attendance", m.group("label"), re.I):
            found = _label(m.group("label") + ":")
            if found:
                return _segments(text, found[0], text[m.end():])
    return []


class _Reader:
    """Reads one cluster from its first line; ``attendance`` is what it found."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.out = Attendance()
        self.mode = "attend"  # what an unlabelled line is: attend | absent | closed
        self.skipped = False
        self.plain_ok = True

    def add(self, people: list[Attendee], kind: str) -> None:
        if kind != "absent":
            self.out.attendees += people

    def segments(self, segs: list[tuple[str, str]]) -> None:
        for kind, seg in segs:
            self.add(people_in(seg, labelled=True), kind)
            self.mode = "closed" if kind == "closes" else kind

    def read(self, i: int, unlabelled: bool = False) -> Attendance:
        self.out.start = i
        cols = _Columns()
        col_modes: list[str] | None = None
        pending: list[str] | None = None
        table = False

        def flush() -> None:
            nonlocal pending
            if pending:
                person = _row_person(pending, cols)
                if person:
                    self.out.attendees.append(person)
            pending = None

        while i < len(self.lines):
            ln = self.lines[i]
            text = strip_bullet(ln.text)
            label = _label(text)
            if SEPARATOR_RE.match(ln.text):
                pass
            elif (row := _label_cells(ln.text)) is not None:
                flush()  # 'Present: |  | Officials: |': a column per list; empty header cells are spacing
                col_modes = [c for c in (_label(c)[0] if c else "" for c in row) if c]
            elif col_modes is not None and "|" in ln.text:
                self.label_columns(cells(ln.text), col_modes)
            elif _is_header(ln.text):
                flush()
                cols, table, col_modes = _columns(cells(ln.text)), True, None
                self.plain_ok = False  # under a table, a line without cells is a cut row or the body
            elif label:
                flush()
                col_modes = None
                kind, rest = label
                self.plain_ok = True
                self.segments(_segments(text, kind, rest))
                self.mode = "closed" if kind == "closes" else kind
            elif "|" in ln.text and table:
                row = cells(ln.text)
                if pending is not None and len(pending) + len(row) <= cols.n and not _starts_new_row(ln.text):
                    pending += row
                else:
                    flush()
                    pending = row
            elif table and pending is not None and len(pending) < cols.n and not _starts_new_row(ln.text):
                pending.append(ln.text)
            elif i == self.out.start and (segs := _inline_start(text)):
                self.segments(segs)
            elif self.continued(text):
                pass
            elif not self.unlabelled_line(text, unlabelled):
                break
            self.out.used.add(ln.index)
            i += 1
        flush()
        return self.out

    def label_columns(self, row: list[str], modes: list[str]) -> None:
        """One row of a table whose columns are lists: a cell is a label ('Guests:', 'Apologies:')
        that sets its column's kind from here down, or a person of that kind."""
        for c, cell in enumerate(row):
            if not cell:
                continue
            if c >= len(modes):
                modes.append(modes[-1] if modes else "attend")
            lab = _label(cell)
            if lab:
                modes[c] = lab[0]
                self.add(people_in(lab[1] or "", labelled=True), lab[0])
            elif modes[c] != "absent" and (person := parse_person(cell)):
                self.out.attendees.append(person)

    def group_label(self, text: str) -> bool:
        """'Councillors: A, B', 'Bureau: Dr Jo Hale (Statistician)': a block of people under a label
        this reader does not list; the first piece must read as a person on its own."""
        m = _GROUP_LABEL_RE.match(text)
        if not m or _NOT_GROUP.search(m.group("label")) or find_dates(m.group("rest")):
            return False
        pieces = split_people(m.group("rest"))
        people = people_in(m.group("rest"), labelled=True)
        if not people or not pieces or not parse_person(plural_title(pieces[0])[1]):
            return False
        self.add(people, "attend")
        self.mode = "attend"
        return True

    def continued(self, text: str) -> bool:
        """A line that goes on with the current block and opens another mid-line:
        'Hale and Ross. Staff present: Chief Lee.'"""
        segs = _segments(text, self.mode, text)
        if self.mode == "closed" or len(segs) < 2 or not people_in(segs[0][1], labelled=True):
            return False
        self.segments(segs)
        return True

    def unlabelled_line(self, text: str, unlabelled: bool) -> bool:
        """Take a line with no label as more of the current block; False ends the cluster."""
        if not self.plain_ok or is_item_code(text) or _ITEM_START_RE.match(text):
            return False
        if self.group_label(text):
            return True
        if self.mode == "closed":
            return False
        if text.isupper() and len(text.split()) > 1:  # 'UNRESTRICTED ITEMS': a heading
            return False
        people = people_in(text, labelled=False)
        if unlabelled and len(people) != 1:
            return False
        pieces = split_people(text)
        if people and (parse_person(pieces[0]) or _chain(pieces)):
            self.add(people, self.mode)
            self.skipped = False
            return True
        joined = _JOINED_RE.match(text)
        if joined and (person := parse_person(joined.group("who"))):
            self.add([person], "attend")
            self.mode = "closed"
            return True
        last = self.out.attendees[-1] if self.out.attendees else None
        if last and not self.skipped and text.split() and text.split()[0] in (last.first_name, last.surname):
            self.skipped = True  # 'Ann is chair of the panel' under 'Ann Lee, City Archives'
            return True
        return False


def is_item_code(text: str) -> bool:
    """A line opening with a minute or item code ('TC/19 Bus Review', 'PR/26/13 Pay'): an agenda item heading."""
    m = ITEM_CODE_RE.match(text)
    return bool(m) and not (m.group("letters") and is_rank(m.group("letters")))


def coded_heading(text: str) -> bool:
    """'TC/19 Bus Service Review', 'OS 41 Leisure Centres – final report': an item code before a short
    title that is not a sentence (for the body reader's item headings)."""
    m = ITEM_CODE_RE.match(text)
    if not m or not is_item_code(text):
        return False
    title = text[m.end():].strip()
    return 1 <= len(title.split()) <= 14 and not title.endswith((".", ";", ","))


def _unlabelled_run(lines: list[Line], i: int) -> bool:
    """Three person lines in a row, each with a role or initials ('Ann Lee (AL) – Treasurer'), under
    no heading of their own ('Membership:' lists members, not who came)."""
    if i > 0 and lines[i - 1].text.rstrip().endswith(":"):
        return False
    run = lines[i:i + _UNLABELLED_RUN]
    if len(run) < _UNLABELLED_RUN or any("|" in ln.text or len(ln.text) > 160 for ln in run):
        return False
    if len({ln.text.strip()[:1] if strip_bullet(ln.text) != ln.text.strip() else "" for ln in run}) > 1:
        return False  # a venue line above bullets is not one of them
    people = [people_in(strip_bullet(ln.text), labelled=False) for ln in run]
    return all(len(p) == 1 and (p[0].role or p[0].notes or len(p[0].aliases) > 1) for p in people)


def _membership(lines: list[Line], i: int) -> bool:
    """'Councillors:' or 'Other members:' under a 'Membership' heading is a front sheet's list of
    the body's members: it opens no attendance by itself."""
    if not _GROUP_WORD_RE.match(strip_bullet(lines[i].text)):
        return False
    above = [clean_markup(ln.text) for ln in lines[max(0, i - _MEMBERSHIP_REACH):i]]
    return any(re.match(r"^membership\b", a, re.I) for a in above)


def _candidates(lines: list[Line], first_item: int):
    """(line index, unlabelled) for each line that may open the attendance, in page order."""
    for ln in lines:
        text = strip_bullet(ln.text)
        label = _label(text)
        if label and label[0] != "absent" and not _membership(lines, ln.index) or _is_header(ln.text) \
                or _label_cells(ln.text):
            yield ln.index, False
        elif SEPARATOR_RE.match(ln.text) and ln.index > 0 and "|" in lines[ln.index - 1].text:
            yield ln.index - 1, False
        elif "|" in ln.text and "|" in (lines[ln.index + 1].text if ln.index + 1 < len(lines) else "") \
                and _starts_new_row(ln.text):
            yield ln.index, False  # a table without a header row
        elif _inline_start(text):
            yield ln.index, False
        elif ln.index < max(first_item, _TOP_LINES) and _unlabelled_run(lines, ln.index):
            yield ln.index, True


def _mark_chair(lines: list[Line], attendees: list[Attendee]) -> None:
    """One chair: the first row noted '(Chair)', else the person a 'Chair:' line, 'called to
    order by ...' or '... acted as chair' names."""
    chairs = [a for a in attendees if a.is_chair]
    for a in chairs[1:]:
        a.is_chair = False
    if chairs or not attendees:
        return
    for ln in lines:
        text = strip_bullet(ln.text)
        for sentence in re.split(r"(?<=[.;])\s+", text):
            m = _CHAIR_RE.search(sentence)
            if not m:
                continue
            who = next(g for g in m.groups() if g)
            person = parse_person(who, surname_ok=True)
            if not person:
                continue
            hit = next((a for a in attendees if a.name.lower() == person.name.lower()), None) or next(
                (a for a in attendees if a.surname.lower() == person.surname.lower()), None)
            if hit:
                hit.is_chair = True
                return


def _dedupe(attendees: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for a in attendees:
        key = re.sub(r"\s+", " ", a.name.lower())
        if key not in seen:
            seen[key] = a
    return list(seen.values())


def _list_like(first: Line, out: Attendance) -> bool:
    """Below the first agenda item, a cluster must read as a list, not as a body line that opens
    with a label ('Officers: Supt. Hale to review the policy.'): a heading over people, or three people."""
    label = _label(strip_bullet(first.text))
    return bool(label and not (label[1] or "").strip()) or len(out.attendees) >= 3


def _prose_above(lines: list[Line], index: int) -> int:
    """Sentence lines above the attendance that are not the meeting's own 'held on' statement:
    more than one and the attendance follows the body (it is listed at the end)."""
    n = 0
    for ln in lines[:index]:
        text = clean_markup(ln.text)
        words = len(text.split())
        if (words >= 5 and text.endswith(".") or words >= 12) and not HELD_RE.search(text):
            n += 1
    return n


def _dated_above(lines: list[Line], index: int) -> bool:
    """The minutes' own date stands just above the attendance: they start here, under an agenda
    front sheet ('AUDIT COMMITTEE / 11 OCTOBER 2018 / PRESENT: ...')."""
    for ln in lines[max(0, index - 3):index]:
        text = clean_markup(ln.text)
        if is_date_line(text) or HELD_RE.search(text) and find_dates(text):
            return not any(_BODY_MARK_RE.search(x.text) for x in lines[:index])
    return False


def find_start(lines: list[Line], first_item: int | None = None) -> int | None:
    """Index of the attendance section's first line, or None."""
    return parse_attendance(lines, first_item).start


def parse_attendance(lines: list[Line], first_item: int | None = None) -> Attendance:
    """The first cluster of attendance blocks on the page that names anyone (see the module doc).

    ``first_item`` is the first agenda item line; the cluster is ``at_head`` when it starts above
    it, or under a front sheet (in the first half of the page, with no resolution or action above).
    """
    first_item = len(lines) if first_item is None else first_item
    read: set[int] = set()
    for index, unlabelled in _candidates(lines, first_item):
        if index in read:
            continue  # inside a cluster already read (one of apologies only)
        out = _Reader(lines).read(index, unlabelled)
        read |= out.used
        if not out.attendees or index > first_item and not _list_like(lines[index], out):
            continue
        out.attendees = _dedupe(out.attendees)
        _mark_chair(lines, out.attendees)
        out.at_head = index <= first_item and _prose_above(lines, index) <= 1 or _dated_above(lines, index)
        return out
    return Attendance()
