"""When a decision or action is due: find the date expressions of a sentence, keep the one that is
a deadline (judged by the words just before it), and turn it into an ISO date.

Dates that are not deadlines ('the report, published on 19 July', 'from 2 April', 'since May',
'was launched on 3 March') are dropped by their cue words, and so is any date before the meeting.
Recurrences ('quarterly', 'every six months') carry no date: they are returned as ``recurrence``.
Relative phrases ('the next meeting', 'within two weeks', 'by the end of March') are worked out
here from the meeting's date; absolute dates go through :func:`pipeline.dates.parse_date` only.
A 'Due:' label or the deadline cell of a table row ('task | Owner | Mar-2011 |') is the deadline
when it holds one, and rules out the sentence's other dates when it says 'ASAP' or 'From May'.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from pipeline.dates import MONTHS, find_dates, parse_date


@dataclass
class Due:
    """A due date (or a recurrence) and the words it came from; ``start``/``end`` index the sentence."""

    date: date | None
    text: str
    recurrence: str | None
    start: int
    end: int


# ---------------------------------------------------------------------------------------------
# Phrases

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
            "other": 2, "eighteen": 18, "twenty": 20, "thirty": 30}
_NUM = r"(?P<n>\d{1,3}|a\s+couple\s+of|" + "|".join(k for k in _NUMBERS if " " not in k) + r")"
_MONTH_CAP = r"(?P<mon>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

NEXT_MEETING_RE = re.compile(r"\b(?:the\s+)?next\s+(?:[\w'’/-]+\s+){0,3}?(?:meeting|board|session)\b", re.I)
DURATION_RE = re.compile(
    r"\b(?:within|in)\s+(?:the\s+next\s+)?" + _NUM + r"\s+(?P<unit>hour|day|week|month|year)s?(?:['’]?\s+time)?\b"
    r"|\b(?:within|in)\s+a\s+(?P<fortnight>fortnight)\b", re.I)
END_RE = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(?P<unit>financial\s+year|calendar\s+year|month|year|week|quarter)"
    r"|" + _MONTH_CAP + r"(?:\s+(?P<yr>(?:19|20)\d\d))?)\b", re.I)
NEXT_UNIT_RE = re.compile(r"\bnext\s+(?P<unit>week|month)\b(?!['’]s)", re.I)
# 'at the February (COMB) meeting': the next meeting if it falls in that month, else that month's end
MONTH_RE = re.compile(r"\b(?:(?:early|mid|late)[\s-]+)?" + _MONTH_CAP + r"(?:\s+(?P<yr>(?:19|20)\d\d))?\b"
                      r"(?:\s+(?:[A-Z]{2,6}\s+)?meeting\b)?")
WEEKDAY_RE = re.compile(r"\b(?P<wd>" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")\b")
# 'the third week in December 2015': the last day of that week (days 15-21 -> the 21st)
WEEK_OF_RE = re.compile(r"\b(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+(?:the\s+)?"
                        + _MONTH_CAP + r"(?:\s+(?P<yr>(?:19|20)\d\d))?\b", re.I)
_WEEK_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

RECURRENCE_RE = re.compile(
    r"\b(?:on\s+an?\s+)?(?P<adv>quarterly|monthly|weekly|fortnightly|annually|yearly|daily|bi-?monthly|"
    r"bi-?annually|biannually|six[- ]monthly|half[- ]yearly|twice[- ]yearly)(?:\s+basis)?\b"
    r"|\b(?:every|each)\s+(?:(?P<n>other|two|three|four|six|twelve|\d{1,2})\s+)?"
    r"(?P<unit>day|week|fortnight|month|quarter|year)s?\b"
    r"|\b(?P<times>once|twice)\s+(?:a|per|every)\s+(?P<unit2>week|month|quarter|year)\b"
    r"|\b(?P<annual>annual)(?=\s+(?:review|update|report|return|audit|assessment|refresh)\b)",
    re.I)

# ---------------------------------------------------------------------------------------------
# Date arithmetic


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """Calendar months, clamping the day ('31 January' + 1 month -> 28/29 February)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_end(month: int, year: int | None, meeting: date | None) -> date | None:
    """Last day of ``month``: the given year, else the next such month on or after the meeting's."""
    if year:
        return _last_day(year, month)
    if not meeting:
        return None
    return _last_day(meeting.year + (month < meeting.month), month)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# ---------------------------------------------------------------------------------------------
# normalise_due


def normalise_due(text: str, meeting_date: date | None, next_meeting_date: date | None) -> date | None:
    """The date a due phrase alone means ('27 August 2024', 'the next meeting', 'in three months')."""
    text = (text or "").strip()
    if not text:
        return None
    if NEXT_MEETING_RE.search(text):
        return next_meeting_date
    spans = find_dates(text)
    if spans:
        s, e = spans[0]
        return parse_date(text[s:e], base=meeting_date)
    m = DURATION_RE.search(text)
    if m:
        if not meeting_date:
            return None
        if m["fortnight"]:
            return meeting_date + timedelta(days=14)
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[re.sub(r"\s+", " ", m["n"].lower())]
        unit = m["unit"].lower()
        if unit == "hour":   # 'within 48 hours': whole days, rounded up
            return meeting_date + timedelta(days=-(-n // 24))
        if unit == "day":
            return meeting_date + timedelta(days=n)
        if unit == "week":
            return meeting_date + timedelta(weeks=n)
        return add_months(meeting_date, n * (12 if unit == "year" else 1))
    m = END_RE.search(text)
    if m:
        return _end_of(m, meeting_date)
    m = WEEK_OF_RE.search(text)
    if m:
        end = _month_end(_month_number(m["mon"]), int(m["yr"]) if m["yr"] else None, meeting_date)
        n = _WEEK_ORDINALS.get(m["ord"].lower())
        return end.replace(day=7 * n) if end and n else end
    m = NEXT_UNIT_RE.search(text)
    if m:
        if not meeting_date:
            return None
        if m["unit"].lower() == "week":
            return meeting_date + timedelta(days=7)
        nxt = add_months(meeting_date.replace(day=1), 1)
        return _last_day(nxt.year, nxt.month)
    m = MONTH_RE.search(text)
    if m:
        month = _month_number(m["mon"])
        if m.group().lower().endswith("meeting") and next_meeting_date and next_meeting_date.month == month:
            return next_meeting_date   # 'at the October meeting' when the next meeting is in October
        return _month_end(month, int(m["yr"]) if m["yr"] else None, meeting_date)
    m = WEEKDAY_RE.search(text)
    if m:
        if not meeting_date:
            return None
        ahead = (_WEEKDAYS.index(m["wd"].lower()) - meeting_date.weekday() - 1) % 7 + 1
        return meeting_date + timedelta(days=ahead)
    return parse_date(text, base=meeting_date)


def _end_of(m: re.Match, meeting: date | None) -> date | None:
    if m["mon"]:
        return _month_end(_month_number(m["mon"]), int(m["yr"]) if m["yr"] else None, meeting)
    if not meeting:
        return None
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if unit == "month":
        return _last_day(meeting.year, meeting.month)
    if unit in ("year", "calendar year"):
        return date(meeting.year, 12, 31)
    if unit == "financial year":  # UK public sector: April to March
        return date(meeting.year + (meeting.month >= 4), 3, 31)
    if unit == "quarter":
        q_end = ((meeting.month - 1) // 3 + 1) * 3
        return _last_day(meeting.year, q_end)
    return meeting + timedelta(days=(4 - meeting.weekday()) % 7)  # end of the week: its Friday


# ---------------------------------------------------------------------------------------------
# Recurrence


def find_recurrence(sentence: str) -> tuple[str, int, int, str] | None:
    """(canonical recurrence, start, end, words) of the first recurrence phrase, or None."""
    m = RECURRENCE_RE.search(sentence)
    if not m:
        return None
    if m["adv"]:
        word = re.sub(r"[\s-]+", "-", m["adv"].lower())
        canon = {"yearly": "annually", "bimonthly": "bi-monthly", "biannually": "six-monthly",
                 "bi-annually": "six-monthly", "half-yearly": "six-monthly", "twice-yearly": "six-monthly"}.get(word, word)
    elif m["annual"]:
        canon = "annually"
    elif m["times"]:
        unit = m["unit2"].lower()
        if m["times"].lower() == "once":
            canon = {"week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "annually"}[unit]
        else:
            canon = {"year": "six-monthly", "month": "fortnightly"}.get(unit, f"twice a {unit}")
    else:
        unit = m["unit"].lower()
        n = m["n"].lower() if m["n"] else "one"
        n = 2 if n == "other" else (int(n) if n.isdigit() else _NUMBERS.get(n, 1))
        canon = {("day", 1): "daily", ("week", 1): "weekly", ("fortnight", 1): "fortnightly", ("week", 2): "fortnightly",
                 ("month", 1): "monthly", ("month", 2): "bi-monthly", ("month", 3): "quarterly",
                 ("quarter", 1): "quarterly", ("month", 6): "six-monthly", ("month", 12): "annually",
                 ("year", 1): "annually"}.get((unit, n), f"every {n} {unit}s")
    return canon, m.start(), m.end(), m.group()


# ---------------------------------------------------------------------------------------------
# Deadline or not: the cue words before a date

_STRONG = re.compile(r"\b(?:by|before|prior\s+to|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|ahead\s+of|"
                     r"in\s+time\s+for|deadline(?:\s+of)?|due(?:\s+(?:on|by|for|date))?|completion\s+date|target\s+date|"
                     r"timescales?|deadline\s+date)\s*[:\-–]?\s*(?:the\s+)?$", re.I)
_NON_DEADLINE = re.compile(r"\b(?:from|since|until|till|between|as\s+(?:of|at)|effective|dated|of|starting|"
                           r"ending|ended|"
                           r"commencing|beginning|period|w/c|week\s+commencing)\s*(?:the\s+)?$", re.I)
_STARTS_NON_DEADLINE = re.compile(r"\s*(?:from|since|until|till|between|starting|commencing|beginning|effective|"
                                  r"dated|w/c|week\s+commencing)\b", re.I)
_BY = re.compile(r"(?:by|no\s+later\s+than|not\s+later\s+than)\b", re.I)
_LABELLED_NON_DEADLINE = re.compile(r"\b(?:dated|since|effective|as\s+of|period)\s*:\s*(?:the\s+)?$", re.I)
_WEAK = re.compile(r"\b(?P<cue>on|at|for|to|in|within|during|back)\s*(?:the\s+)?$", re.I)
_PAST_EVENT_WORDS = {
    "published", "held", "started", "commenced", "began", "begun", "launched", "introduced", "received", "issued",
    "occurred", "happened", "place", "live", "submitted", "sent", "signed", "released", "announced", "incident",
    "dated", "opened", "closed", "went", "came", "took", "made", "last", "previous", "earlier", "ago", "written",
    "visit", "inspection", "letter", "email", "minutes", "publication",
}
_TASK_PARTICIPLES = {"asked", "tasked", "requested", "required", "invited", "instructed", "directed", "scheduled",
                     "planned", "expected", "needed", "due", "arranged", "timetabled", "booked", "deferred",
                     "forwarded", "postponed", "moved", "rescheduled", "added"}
_EVENT_PARTICIPLES = {"scheduled", "planned", "timetabled", "booked"}
_BE_WORDS = {"is", "are", "was", "were", "be", "been", "being", "now", "currently", "provisionally", "tentatively",
             "also", "already", "still", "then", "re"}  # 're' of 'to be re-scheduled for
_PAST_PASSIVE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?P<v>[a-z]+(?:ed|en|t))\b", re.I)
_FUTURE_BE = re.compile(r"\b(?:to|will|shall|should|would|must|is\s+to|are\s+to)\s+be\s*$", re.I)
# 'read a third time and passed this 19th day of January, 2026': the date of the act, not a deadline
_ENACTED_ON = re.compile(r"\bthis\s+$", re.I)
_DAY_OF = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?\s+day\s+of\b", re.I)
# 'the statements dated 31 March and 30 June': a date joined to a non-deadline date is one too
_JOINED_TO_NON_DEADLINE = re.compile(r"\b(?:dated|from|since|effective|of|between)\s+(?:the\s+)?(?=[^,;]*\d)"
                                     r"[\w ,.'/-]{3,40}?\s*(?:,\s*(?:and\s+|or\s+)?|\band\s+|\bor\s+|&\s*)$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|-|–|—|and)\s*$", re.I)


def _clause_before(sentence: str, start: int) -> str:
    """The words before ``start`` in the same clause (cut at ';', ':', '(', a table cell's '|')."""
    before = sentence[:start]
    cut = max(before.rfind(ch) for ch in ";:(|")
    return before[cut + 1:] if cut >= 0 else before


def _score(sentence: str, start: int, inherent: bool) -> tuple[int, int]:
    """(score, cue start): 3 strong deadline cue, 2 weak cue, 1 none, 0 not a deadline."""
    if _LABELLED_NON_DEADLINE.search(sentence[:start]):  # 'accounts dated: 10 June': the clause cut hid the cue
        return 0, start
    before = _clause_before(sentence, start)
    if _ENACTED_ON.search(before) and _DAY_OF.match(sentence, start):
        return 0, start
    m = _STRONG.search(before)
    if m:
        return 3, len(sentence[:start]) - len(before) + m.start()
    if _NON_DEADLINE.search(before) or _JOINED_TO_NON_DEADLINE.search(before):
        return 0, start
    offset = len(sentence[:start]) - len(before)
    words = re.findall(r"[a-z’']+", before.lower())
    weak = _WEAK.search(before)
    head = words[:-1] if weak else words
    if head and (head[-1] in _PAST_EVENT_WORDS or (head[-1].endswith("ed") and head[-1] not in _TASK_PARTICIPLES)):
        ctx = " ".join(words[:-1] if weak else words)
        if not _FUTURE_BE.search(re.sub(r"\s+\w+$", "", ctx)):
            return 0, start
    if len(head) >= 2 and head[-1] in _EVENT_PARTICIPLES and head[-2] not in _BE_WORDS:
        return 0, start  # 'postponing the elections scheduled for May': the date of an event, not a deadline
    recent = " ".join(words[-8:])
    for p in _PAST_PASSIVE.finditer(recent):
        if p["v"].lower() not in _TASK_PARTICIPLES:
            return 0, start
    if weak:
        return 2, offset + weak.start()
    return (2 if inherent else 1), start


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # absolute | meeting | duration | end | next | month | weekday | ner
    value: date | None


def _spans(sentence: str, meeting: date | None, next_meeting: date | None,
           date_spans: Sequence[tuple[int, int]]) -> list[_Span]:
    found: list[_Span] = []
    for s, e in find_dates(sentence):
        if _MODAL_MONTH.search(sentence[s:e]):
            continue  # 'version 1 may be used': a verb, not May
        found.append(_Span(s, e, "absolute", parse_date(sentence[s:e], base=meeting)))
    for kind, rx in (("meeting", NEXT_MEETING_RE), ("duration", DURATION_RE), ("end", END_RE), ("next", NEXT_UNIT_RE),
                     ("month", WEEK_OF_RE), ("month", MONTH_RE), ("weekday", WEEKDAY_RE)):
        for m in rx.finditer(sentence):
            if kind == "month" and _PAIRED_MONTH.search(sentence[max(0, m.start() - 12):m.end() + 12]):
                continue  # 'the June/July Board': no one month is the deadline
            found.append(_Span(m.start(), m.end(), kind, normalise_due(m.group(), meeting, next_meeting)))
    for s, e in date_spans:
        found.append(_Span(s, e, "ner", normalise_due(sentence[s:e], meeting, next_meeting)))
    kept: list[_Span] = []
    for sp in sorted(found, key=lambda x: (-(x.end - x.start), x.start)):  # longest wins an overlap
        if not any(k.start < sp.end and sp.start < k.end for k in kept):
            kept.append(sp)
    return sorted(kept, key=lambda x: x.start)


_MODAL_MONTH = re.compile(r"\b(?:may|march)\b")  # case-sensitive: minutes capitalise months
_MONTH_WORD = r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_PAIRED_MONTH = re.compile(_MONTH_WORD + r"\s*/\s*" + _MONTH_WORD + r"\b")
# 'Due: March 2011', 'Deadline: end of June': a label whose words after it are the deadline
_DUE_LABEL = re.compile(r"(?:^|(?<=[\s.;,)\]]))(?:due(?:\s+date)?|deadline|target\s+date|timescales?|completion\s+date|"
                        r"by\s+when)\s*:\s*", re.I)
# A progress cell of an action log ('Complete', 'No action taken yet'): never a deadline or an owner.
STATUS_CELL = re.compile(r"^\s*(?:complete[d]?|compete|done|closed|open|discharged|in\s+progress|on\s+track|"
                         r"not\s+started|no\s+action(?:\s+taken)?(?:\s+yet)?|superseded|withdrawn|carried\s+forward|"
                         r"n/?a)\b", re.I)


def table_cells(sentence: str) -> list[tuple[int, int]]:
    """Cell spans (stripped) of a table row written as 'cell | cell |'; [] when the sentence is not one.
    Ingestion writes an action log or a right-margin owner column this way."""
    if "|" not in sentence or not re.search(r"\s\|(?:\s|$)|^\|", sentence):
        return []
    cells, pos = [], 0
    for part in sentence.split("|"):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        if text:
            cells.append((pos + lead, pos + lead + len(text)))
        pos += len(part) + 1
    return cells if len(cells) > 1 else []


def task_cell(sentence: str, cells: list[tuple[int, int]]) -> int:
    """Index of the cell that holds the task: the one with the most words."""
    return max(range(len(cells)), key=lambda i: len(sentence[cells[i][0]:cells[i][1]].split()))


def _best(sentence: str, meeting: date | None, next_meeting: date | None, date_spans: Sequence[tuple[int, int]],
          lo: int = 0, hi: int | None = None, labelled: bool = False,
          not_before: date | None = None) -> tuple[int, int, _Span] | None:
    """(score, cue start, span) of the likeliest deadline in ``sentence[lo:hi]``. ``labelled``: the
    words sit under a 'Due:' label or in a deadline cell, so a date needs no cue word of its own."""
    hi = len(sentence) if hi is None else hi
    spans = [sp for sp in _spans(sentence, meeting, next_meeting, date_spans) if lo <= sp.start and sp.end <= hi]
    rejected: set[int] = set()
    for i in range(1, len(spans)):  # '1 April to 30 June', 'between 1 and 3 May': a period, not a deadline
        join = _RANGE_JOIN.match(sentence[spans[i - 1].end:spans[i].start])
        if join and (join.group().strip().lower() != "and" or spans[i - 1].kind != "month"):
            rejected |= {i - 1, i}  # but 'at the April and June meetings': two deadlines, the first counts
    floor = not_before or meeting
    best: tuple[int, int, _Span] | None = None
    for i, sp in enumerate(spans):
        if i in rejected or sp.value is None:
            continue
        if floor and sp.value < floor:
            continue
        if _STARTS_NON_DEADLINE.match(sentence[sp.start:sp.end]):  # a model DATE span 'From May 2011'
            continue
        inherent = sp.kind in ("meeting", "duration", "end", "next")
        score, cue = _score(sentence[:hi], sp.start, inherent or labelled)
        cue = max(cue, lo)
        if sp.kind in ("month", "weekday") and score < 2:
            continue
        if sp.kind == "absolute" and score == 1 and not meeting:
            continue
        if score and (best is None or score > best[0]
                      or (score == best[0] == 3 and _BY.match(sentence, cue) and not _BY.match(sentence, best[1]))):
            best = (score, cue, sp)  # '… expires before December by 30 April': the later 'by' is the task's
    return best


def _due(sentence: str, best: tuple[int, int, _Span] | None, rec: tuple[str, int, int, str] | None) -> Due | None:
    if best:
        _, cue, sp = best
        return Due(sp.value, sentence[cue:sp.end].strip(), rec[0] if rec else None, cue, sp.end)
    if rec:
        return Due(None, rec[3], rec[0], rec[1], rec[2])
    return None


def _dehyphen(text: str) -> str:
    """'23-Mar', 'Mar-2011' -> '23 Mar', 'Mar 2011' (same length, so offsets hold)."""
    return re.sub(r"(?<=\d)-(?=[A-Za-z]{3})|(?<=\b[A-Za-z]{3})-(?=\d)", " ", text)


def _table_due(sentence: str, cells: list[tuple[int, int]], meeting: date | None,
               next_meeting: date | None) -> tuple[bool, Due | None]:
    """(decided, due) for a table row: the first cell after the task that holds a date is the
    deadline; a year-less one counts from the row's own date cell (when the action was raised).
    Without a deadline cell, only the task cell's own words can set one."""
    task = task_cell(sentence, cells)
    base = meeting
    for s, e in cells[:task]:
        raised = parse_date(sentence[s:e]) if re.search(r"(?:19|20)?\d\d\s*$", sentence[s:e]) else None
        if raised and (meeting is None or raised <= meeting):
            base = raised
    flat = _dehyphen(sentence)
    for s, e in cells[task + 1:]:
        cell = sentence[s:e]
        if STATUS_CELL.match(cell):
            continue
        best = _best(flat, base, next_meeting, (), lo=s, hi=e, labelled=True, not_before=base)
        if best:
            return True, _due(sentence, best, None)
        if NO_DATE_RE.search(cell) or MONTH_RE.search(cell) or find_dates(cell):
            return True, None  # 'From May 2011', 'ASAP': the deadline column says there is none
    ts, te = cells[task]
    return True, _due(sentence, _best(sentence, meeting, next_meeting, (), lo=ts, hi=te), None)


NO_DATE_RE = re.compile(r"\b(?:as\s+soon\s+as\s+(?:possible|practicable)|asap|ongoing|on-going|in\s+due\s+course|"
                        r"tbc|tbd|to\s+be\s+(?:confirmed|agreed|determined))\b", re.I)


def find_due(sentence: str, meeting_date: date | None, next_meeting_date: date | None,
             date_spans: Sequence[tuple[int, int]] = ()) -> Due | None:
    """The deadline of a decision/action sentence (with its recurrence, if any), a bare recurrence, or None.

    A deadline cell of a table row, or the words after a 'Due:' label, is the deadline when it
    has one; where it says 'as soon as possible' or 'from May' the sentence has no due date, even
    if other dates sit in its text."""
    rec = find_recurrence(sentence)
    cells = table_cells(sentence)
    if cells:
        _, due = _table_due(sentence, cells, meeting_date, next_meeting_date)
        return due or _due(sentence, None, rec)
    label = None
    for label in _DUE_LABEL.finditer(sentence):
        pass
    if label:
        best = _best(sentence, meeting_date, next_meeting_date, date_spans, lo=label.end(), labelled=True)
        if best:
            best = (best[0], max(best[1], label.start()), best[2])
        return _due(sentence, best, rec)
    return _due(sentence, _best(sentence, meeting_date, next_meeting_date, date_spans), rec)
