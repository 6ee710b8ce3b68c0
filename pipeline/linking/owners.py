"""Who is responsible for a decision or action sentence, resolved against the attendance table.

Three steps, each kept simple so it generalises to other forces' minutes:
1. find every *mention* that could name an owner (rank + name, 'Mr. X', attendee surnames and
   initials, 'the Chair' / 'the chief constable' / 'the CFO', posts such as 'Head of Crime',
   collectives such as 'Chief Officers' and capitalised unit names), from NER spans when given
   and from our own patterns always;
2. pick the responsible mention(s) by the sentence's structure: a *skeleton* of the sentence with
   each mention replaced by ``@i@`` is matched against a few patterns ('X to …', 'asked X to …',
   '… from X', 'X approved …');
3. resolve each chosen mention to one attendance row, or keep it as written (collectives, people
   not in the table) — never a guess: ambiguity gives ``None``.

Council, NHS and government minutes add shapes the police boards rarely use: initials ('RHL is to
check …', 'Action: RJ/DB'), posts with no name ('Clerk to write …', 'the Secretariat'), a body or
team that opens the action ('Transparency Team to contact …'), an owner column that ingestion
renders as table cells ('task | Clerk | 30 June |'), and bare-verb parts of a resolution whose
body is named in the lead-in ('RESOLVED that Cabinet:' / '(a) Agree to …').
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from pipeline.dates import find_dates
from pipeline.linking.due_dates import MONTH_RE, NO_DATE_RE, STATUS_CELL, table_cells, task_cell
from pipeline.layout.model import Attendee
from pipeline.ranks import RANK_RE, canonical, same_rank

# ---------------------------------------------------------------------------------------------
# Public types


@dataclass
class OwnerMention:
    """One responsible mention; ``start``/``end`` are character offsets in the sentence."""

    text: str
    start: int
    end: int
    attendee: Attendee | None
    collective: bool
    # how the owner was found: 'named' (in the sentence), 'lead-in' (the resolution's heading names the
    # deciding body), 'meeting body' (a decision naming nobody: the body meeting made it)
    basis: str = "named"


@dataclass
class _Cand:
    """A candidate mention before the structure decides whether it is an owner."""

    start: int
    end: int
    kind: str  # person | role | collective
    priority: int  # lower wins a tie between overlapping spans of the same length

    def text(self, sentence: str) -> str:
        return sentence[self.start:self.end]


# ---------------------------------------------------------------------------------------------
# Vocabulary

_NAME = r"[A-Z][a-zA-Z]*(?:[-'’][A-Z][a-zA-Z]+)*"
# Capitalised words that follow a rank but are not names ('the ACC Team', 'DCC Portfolio').
_NOT_NAMES = {
    "The", "And", "Chief", "Officer", "Officers", "Head", "Police", "Team", "Board", "Group", "Portfolio",
    "Strategic", "Action", "Actions", "Decision", "Decisions", "Update", "Report", "Paper", "Office", "Meeting",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "COMB", "Item",
    "Commitments", "Pledge", "Staff", "Force", "Command", "Unit", "Directorate",
}
_RANK_NAME_RE = re.compile(r"(?P<rank>" + RANK_RE.pattern + r")\.?\s+(?P<name>(?:[A-Z]\.?\s+(?=[A-Z]))*" + _NAME
                           + r"(?:\s+" + _NAME + r")?)")

# 'the <post>' forms and what they resolve to: a canonical rank, role words, or the chair flag.
_POSTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "chair": ("", ("chair",)),
    "chief constable": ("CC", ("chief constable",)),
    "deputy chief constable": ("DCC", ("deputy chief constable",)),
    "assistant chief constable": ("ACC", ("assistant chief constable",)),
    "deputy chief officer": ("DCO", ("deputy chief officer",)),
    "assistant chief officer": ("ACO", ("assistant chief officer",)),
    "chief finance officer": ("", ("chief finance officer", "chief financial officer", "director of finance",
                                   "finance director", "cfo")),
    "chief of staff": ("", ("chief of staff",)),
    "police and crime commissioner": ("", ("police and crime commissioner", "pcc")),
}
_POST_ALIASES = {
    "chairman": "chair", "chairperson": "chair", "chairwoman": "chair", "cc": "chief constable",
    "dcc": "deputy chief constable", "acc": "assistant chief constable", "dco": "deputy chief officer",
    "aco": "assistant chief officer", "cfo": "chief finance officer", "chief financial officer": "chief finance officer",
    "director of finance": "chief finance officer", "finance director": "chief finance officer",
    "pcc": "police and crime commissioner", "commissioner": "police and crime commissioner", "cos": "chief of staff",
}
_POST_FORMS = sorted(set(_POSTS) | set(_POST_ALIASES), key=len, reverse=True)
# Lower-case posts need 'the' ('the chief constable'); capitalised 'Chair' and abbreviations may stand alone.
_POST_RE = re.compile(
    r"\bthe\s+(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _POST_FORMS) + r")\b"
    r"|\b(?:Chair(?:man|person|woman)?|CFO|DCC|DCO|PCC)\b(?!\s*[-/]?\s*[A-Z][a-z])",
    re.I,
)
# Posts that councils, boards and panels name without a person ('the Clerk', 'Secretariat to draft …',
# 'the Mayor'): kept as written, resolved where one attendance row holds the post.
_GENERIC_POSTS = ("Town Clerk|Parish Clerk|County Clerk|Committee Clerk|Deputy Clerk|Clerk|Secretariat|Secretary|"
                  "Treasurer|Deputy Mayor|Mayor|Reeve|Deputy Leader|Leader|Chief Executive(?: Officer)?|"
                  "Monitoring Officer|Section 151 Officer|Fire Chief|Chief Fire Officer|Vice[- ]Chair(?:man|person)?|"
                  "Vice[- ]President|President|Director|Administrator|Coordinator|Co-ordinator")
_GENERIC_POST_RE = re.compile(r"(?:\bthe\s+(?i:" + _GENERIC_POSTS.replace(" ", r"\s+") + r")|\b(?:"
                              + _GENERIC_POSTS.replace(" ", r"\s+") + r"))\b(?!\s+(?:of|for)\b)(?![-'’]\w)")
# 'the challenge owner', 'Risk owner'
_OWNER_ROLE_RE = re.compile(r"(?:\bthe\s+)?\b(?!(?:the|an?|each|every|all|responsible|accountable|sole|joint|its|"
                            r"their|his|her)\b)[A-Za-z]{3,}\s+owners?\b", re.I)
# 'each department', 'all forces': the body that must act, as written
_EACH_BODY_RE = re.compile(r"\b(?:each|every|all)\s+(?:(?:the|of\s+the|[a-z]+)\s+)?(?:departments?|forces?|members|"
                           r"organisations?|organizations?|teams?|trusts?|councils?|agencies|agency|bodies|body|"
                           r"partners?|"
                           r"authorities|authority|directorates?|services?|boards?)\b", re.I)
# 'the executive team', 'the project board': a body written in lower case
_LOWER_BODY_RE = re.compile(r"\bthe\s+(?:[a-z][a-z-]+\s+){1,2}(?:team|group|board|panel|committee|unit|department|"
                            r"directorate|secretariat|office)\b")
# A body after 'by' in a passive ('to be supplied by the board', 'prepared jointly by the Force and OPCC')
_AGENT_BODY_RE = re.compile(r"(?<=\bby\s)(?:the\s+)?(?:board|panel|committee|council|cabinet|authority|group|members|"
                            r"secretariat|force|constabulary|service|executive|trust)\b", re.I)
# Initialisms that are words or labels, never owners
_NOT_INITIALS = {
    "OR", "AND", "TO", "OF", "IN", "ON", "AT", "BY", "IT", "IS", "NO", "AOB", "AGM", "THE", "FOR", "NB", "PS", "UK",
    "EU", "US", "USA", "TBC", "TBD", "ASAP", "NA", "N/A", "OK", "AM", "PM", "RAG", "KPI", "KPIS", "FAQ", "ID", "IT",
    "ICT", "HR", "PDF", "HTML", "URL", "CSV", "XML", "API", "Q1", "Q2", "Q3", "Q4", "VAT", "GDPR", "FOI", "MP", "MPS",
    "BAU", "ROI", "SLA", "MOU", "ToR", "TOR", "WIP", "RE", "CC", "BCC", "ETA", "PPE", "ALL", "NOT", "ANY", "NEW",
    "NOTE", "ITEM", "LEAD", "DUE", "WHEN", "WHAT", "THIS", "THAT", "WITH", "FROM", "DATE", "TIME", "NONE", "OPEN",
    "DONE", "TASK", "ALSO", "WILL", "BE", "AS", "IF", "SO", "UP", "WE", "HE", "ME", "MY", "OUR", "ARE", "WAS", "HAS",
    "YES", "TBA", "APPX", "ANNEX", "PART", "PLAN", "CASE", "RISK", "COST", "FUND", "LIST", "MINS", "AIMS",
}
# 'RHL', 'OPCC', and mixed forms with two capitals ('ShEx', 'DfT'); not after 'B-' ('B-APCO')
_INITIALISM_RE = re.compile(r"(?<![\w])(?<![A-Z0-9]-)(?:[A-Z]{2,4}|(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])(?=\w*[a-z])"
                            r"[A-Z][A-Za-z]{1,5})(?![\w-])")
# Verbs after 'X to …' that say what will happen, not who does it ('Work to continue', 'Papers to follow')
_HAPPEN_VERBS = re.compile(r"^\s+to\s+(?:be|continue|follow|proceed|remain|go|come|take\s+place|happen|stay|run|end|"
                           r"close|start|begin|apply|include|cover|reflect|show|say|state|reach|arrive)\b", re.I)
_POST_WORDS = re.compile(r"\b(?:officer|head|director|chief|constable|manager|lead|secretary|treasurer|commander|"
                         r"adviser|advisor|solicitor|controller|superintendent|chair|commissioner|executive)\b", re.I)
_GENERIC_ROLE_RE = re.compile(
    r"(?:\bthe\s+)?\b(?:(?:Deputy|Assistant|Interim|Acting|Corporate|Executive|Strategic|Managing|Service)\s+)?"
    r"(?:Head|Director|Lead|Manager)\s+(?:of|for)\s+"
    r"(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w&’'-]*)*"
    r"|\bStaff\s+Officer\s+to\s+the\s+[A-Z]{2,4}\b"
    r"|(?:\bthe\s+)?\bChief\s+(?:[A-Z]\w+\s+){1,2}Officer\b"
)
_COLLECTIVE_RE = re.compile(
    r"\b(?:all\s+)?chief\s+officers(?:['’]\s+group|\s+group|\s+team)?\b|\bchief\s+officer\s+(?:group|team)\b"
    # the body itself as the one that decided or must act: 'the Panel resolved', 'Members rejected', 'asked members to'
    r"|(?:(?<![a-z] )|(?<=asked )|(?<=invited )|(?<=tasked )|(?<=that ))\b(?:the\s+)?"
    r"(?:board|panel|committee|authority|"
    r"group|members|cabinet|council|executive|assembly|commission|forum|"
    r"command\s+team|executive\s+team|(?:senior\s+)?leadership\s+team|management\s+board)\b"
    r"(?=\s+(?:(?:also|then|formally|unanimously)\s+)?(?:to|will|approved|agreed|endorsed|noted|decided|resolved|"
    r"supported|declined|rejected|ratified|accepted|chose|authori[sz]ed|signed|adopted|requested|deferred|refused|"
    r"recommended|delegated|notes?|agrees?|approves?|endorses?|resolves?|recommends?|requests?|asks?|authori[sz]es?|"
    r"delegates?|supports?|accepts?|adopts?|receives?|received)\b)",
    re.I,
)
_UNIT_NOUNS = ("Operations|Team|Unit|Department|Directorate|Command|Services|Service|Board|Group|Taskforce|"
               "Committee|Office|Section|Branch|Division|Function|Hub|Programme|Partnership|Panel|Centre|Bureau")
_UNIT_RE = re.compile(
    r"(?:\bthe\s+)?\b[A-Z][\w&’'-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w&’'-]*)*\s+(?:" + _UNIT_NOUNS + r")\b"
    r"(?:\s+(?:Command|Team|Unit))?(?:\s+(?i:members|officers|representatives|colleagues|staff)\b)?"
    # 'Department for Transport', 'Office for National Statistics'
    r"|(?:\bthe\s+)?\b(?:Department|Ministry|Office|Agency|Commission)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&’'-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w&’'-]*)*"
    r"|(?:\bthe\s+)?\b[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*)*\s+(?:team|unit|department|directorate)\b"
)

# ---------------------------------------------------------------------------------------------
# Step 1: candidate mentions


def _attendee_initials(a: Attendee) -> str:
    if a.initials:
        return a.initials.upper()
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", a.name)).upper()


def _short_forms(a: Attendee) -> set[str]:
    """Every short form the minutes may use for a person: given initials, bracketed aliases ('RHL'),
    and computed initials with a double-barrelled surname read both ways ('RH', 'RHL')."""
    forms = {x.upper().strip() for x in a.aliases if x and x.strip()}
    forms.add(_attendee_initials(a))
    words = re.findall(r"[A-Za-z][\w'’]*", a.name)
    if len(words) > 1:
        forms.add("".join(w[0] for w in words).upper())
    return {f for f in forms if len(f) >= 2}


def _by_initials(token: str, attendees: Sequence[Attendee]) -> Attendee | None:
    """The one row whose short forms include ``token`` ('RHL', 'KC'); None when none or several."""
    key = token.upper()
    forms = _table_patterns(attendees).short_forms
    rows = [a for a, f in zip(attendees, forms) if key in f]
    return rows[0] if len(rows) == 1 else None


@dataclass(frozen=True)
class _TablePatterns:
    """What the candidate search needs of one attendance table, compiled once per table rather than
    once per sentence: a page's sentences share its table, and a batch of pages holds more patterns
    than ``re``'s own cache."""

    short_forms: tuple[frozenset[str], ...]  # per row, in table order
    roles: tuple[re.Pattern, ...]  # posts named in the table ('the Head of Estates'), longest first
    surnames: tuple[re.Pattern, ...]  # '(First )?Surname' per row with a surname
    first_names: tuple[re.Pattern, ...]  # first names that name one row only


def _table_key(attendees: Sequence[Attendee]) -> tuple:
    return tuple((a.rank, a.name, a.role, a.initials, tuple(a.aliases), tuple(a.notes), a.is_chair) for a in attendees)


def _table_patterns(attendees: Sequence[Attendee]) -> _TablePatterns:
    key = _table_key(attendees)
    hit = _TABLE_CACHE.get(key)
    if hit is None:
        roles = {p for a in attendees for p in _role_parts(a.role) if _POST_WORDS.search(p)}
        role_rx = [re.compile(r"(?:\bthe\s+)?\b" + re.escape(r).replace(r"\ ", r"\s+") + r"\b", re.I)
                   for r in sorted(roles, key=len, reverse=True)]
        surname_rx = [re.compile(r"\b(?:" + re.escape(a.first_name) + r"\s+)?" + re.escape(a.surname) + r"\b"
                                 if a.first_name else r"\b" + re.escape(a.surname) + r"\b")
                      for a in attendees if a.surname]
        first_rx = [re.compile(r"\b" + re.escape(first) + r"\b(?!\s+[A-Z])") for first in _first_name_rows(attendees)]
        hit = _TablePatterns(tuple(frozenset(_short_forms(a)) for a in attendees), tuple(role_rx), tuple(surname_rx),
                             tuple(first_rx))
        if len(_TABLE_CACHE) >= _TABLE_CACHE_SIZE:
            _TABLE_CACHE.pop(next(iter(_TABLE_CACHE)))
        _TABLE_CACHE[key] = hit
    return hit


_TABLE_CACHE: dict[tuple, _TablePatterns] = {}
_TABLE_CACHE_SIZE = 64


# Single words that open a sentence before 'to …' without naming who acts ('Papers to be circulated').
_NOT_OPENERS = {
    "it", "this", "that", "there", "these", "those", "they", "he", "she", "we", "you", "i", "work", "paper", "papers",
    "minutes", "details", "comments", "updates", "update", "options", "plans", "plan", "reports", "report",
    "proposals", "proposal", "actions", "action", "decisions", "decision", "figures", "results", "notes", "note",
    "terms", "costs", "funds", "item", "items", "discussion", "consideration", "progress", "feedback", "further",
    "more", "next", "training", "funding", "recruitment", "guidance", "documents", "data", "information", "agenda",
    "meetings", "meeting", "invitations", "letters", "letter", "emails", "dates", "date", "arrangements", "issues",
    "concerns", "questions", "responses", "response", "steps", "matters", "members'", "thanks", "also", "however",
    # words that open a phrase, not a name: 'In Response to …', 'Subject to …', 'Prior to …'
    "in", "on", "at", "with", "for", "from", "as", "by", "under", "after", "before", "following", "prior", "due",
    "subject", "according", "owing", "up", "then", "if", "when", "once", "where", "a", "an", "any", "some", "no",
}
_OPENER_PREFIX = re.compile(r"^(?:\s+|<[^>]+>|[-–—•*#>]+|\\?\[[^\]]*\]|\(?[a-z0-9]{1,3}[.)]\s|"
                            r"(?:new\s+)?actions?\s*[\d/.]*\s*[:\-–—]|owner\s*:)*", re.I)
_CAP = r"[A-Z][\w&’'.-]*"
_COLLECTIVE_HEADS = (r"(?i:members|team|group|officers|managers|leads|colleagues|partners|representatives|owners?|"
                     r"staff|secretariat|councillors)")
_OPENER_NP = re.compile(
    r"(?:(?:All|The|Each|Every)\s+)?(?P<np>"
    r"Representatives?\s+(?:from|of)\s+(?:the\s+)?" + _CAP + r"(?:\s+(?:(?:of|for|and|&)\s+)?" + _CAP + r")*"
    r"|(?:(?:" + _CAP + r"|board|committee|panel|council|project|programme|working|steering|service|challenge|action|"
    r"risk|senior|local|task)\s+){0,5}" + _COLLECTIVE_HEADS + r"\b"
    r"|" + _CAP + r"(?:\s+(?:(?:of|for|and|&)\s+)?" + _CAP + r"){0,5})"
    r"(?=\s+(?:(?:also|then|jointly|now)\s+)?(?:to\s+[a-z]|is\s+to\b|are\s+to\b|will\b|shall\b|should\b|must\b|"
    r"would\b|undert(?:ook|akes)\b|(?:has\s+|have\s+)?(?:agreed|offered|volunteered)\s+to\b)"
    r"|\s+(?:and|&)\s+|\s*/\s*[A-Z])")
# '… station data [new for Gary Lamb]', '(Owner: Ann Vale)': a name in a closing bracket that says whose it is
_BRACKET_OWNER_RE = re.compile(r"[\(\[]\s*(?:new\s+)?(?:action\s+)?(?:for|owner|lead)\s*:?\s*(?P<who>" + _CAP
                               + r"(?:\s+" + _CAP + r"){0,3})\s*[\)\]]\s*\.?\s*$", re.I)
_ACTIVE_BE = re.compile(r"^\s+to\s+be\s+(?:\w+ly\s+)?(?:involved|engaged|responsible|represented|available)\b", re.I)


def _opener(sentence: str, attendees: Sequence[Attendee]) -> _Cand | None:
    """The noun phrase that opens an action as its doer: 'Transparency Team to contact …',
    'Board Members to provide …', 'ShEx to provide …', 'Trusts to then commence …'."""
    start = _OPENER_PREFIX.match(sentence).end()
    m = _OPENER_NP.match(sentence, start)
    if not m:
        return None
    rest = sentence[m.end():]
    if _HAPPEN_VERBS.match(rest) and not _ACTIVE_BE.match(rest):
        return None
    words = m["np"].split()
    if len(words) == 1:
        w = words[0].rstrip(".")
        if w.lower() in _NOT_OPENERS or not (
                _INITIALISM_RE.fullmatch(w) or _GENERIC_POST_RE.fullmatch(w) or re.fullmatch(r"[A-Z][a-z]{3,}s", w)
                or any(w in (a.surname, a.first_name) for a in attendees)):
            return None
    elif words[0].lower() in _NOT_OPENERS:
        return None
    kind = "person" if len(words) <= 3 and resolve_mention(m.group(), list(attendees)) else "collective"
    return _Cand(m.start(), m.end(), kind, 3)


# First names that are also common words: never read as a person on their own.
_WORDY_FIRST_NAMES = {"will", "may", "mark", "bill", "grant", "rose", "pat", "sue", "frank", "joy", "hope", "faith",
                      "art", "dawn", "chase", "ray", "don", "guy", "rich", "june", "april", "august", "summer", "jack",
                      "bob", "rob", "sky", "amber", "ruby", "victor", "chip", "drew", "gene", "max", "miles", "norman"}


def _first_name_rows(attendees: Sequence[Attendee]) -> dict[str, Attendee]:
    """First names that name one attendee only, and no attendee's surname: 'Paul to write …'."""
    firsts: dict[str, list[Attendee]] = {}
    for a in attendees:
        if a.first_name and len(a.first_name) >= 3 and a.first_name.lower() not in _WORDY_FIRST_NAMES:
            firsts.setdefault(a.first_name, []).append(a)
    surnames = {a.surname for a in attendees}
    return {f: rows[0] for f, rows in firsts.items() if len(rows) == 1 and f not in surnames}


def _role_parts(role: str) -> list[str]:
    """'Rep: Chief Information Officer, Head of IT' -> ['chief information officer', 'head of it']."""
    role = re.sub(r"^\s*rep\s*:\s*", "", role, flags=re.I)
    return [_norm(p) for p in re.split(r"[,;/]|\band\b(?=\s+head\b)", role) if p.strip()]


def _norm(text: str) -> str:
    text = text.replace("’", "'").lower()
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[.,;:]+$", "", text)).strip()


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """An entity span without the brackets and quotes the model sometimes takes in ('Gary Lamb]')."""
    while start < end and sentence[start] in "[](){}\"'“”‘,;: ":
        start += 1
    while end > start and sentence[end - 1] in "[](){}\"“”‘,;: ":
        end -= 1
    return start, end


def _candidates(sentence: str, attendees: Sequence[Attendee], entities: Sequence[tuple[int, int, str]]) -> list[_Cand]:
    cands: list[_Cand] = []
    ents = sorted(_trim(sentence, s, e) + (label,) for s, e, label in entities)
    for i, (s, e, label) in enumerate(ents):
        if _IMPERATIVE.fullmatch(sentence[s:e]):  # '(b) Agree to …' read as a name by the model
            continue
        if label == "PERSON":
            prev = ents[i - 1] if i else None
            if prev and prev[2] == "RANK" and not sentence[prev[1]:s].strip(" ."):
                s = prev[0]
            cands.append(_Cand(s, e, "person", 0))
        elif label == "ROLE":
            cands.append(_Cand(s, e, "role", 0))
        elif label == "ORG":
            cands.append(_Cand(s, e, "collective", 0))
    for m in _RANK_NAME_RE.finditer(sentence):
        words = m["name"].split()
        while words and words[-1] in _NOT_NAMES:
            words.pop()
        if words:
            end = m.start("name") + len(" ".join(words))
            cands.append(_Cand(m.start(), end, "person", 1))
    for m in _POST_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "role", 1))
    for m in _GENERIC_ROLE_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "role", 2))
    table = _table_patterns(attendees)
    for rx in table.roles:
        for m in rx.finditer(sentence):
            cands.append(_Cand(m.start(), m.end(), "role", 2))
    for m in _COLLECTIVE_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "collective", 1))
    for m in _UNIT_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "collective", 3))
    for rx in table.surnames:
        for m in rx.finditer(sentence):
            cands.append(_Cand(m.start(), m.end(), "person", 4))
    for m in _INITIALISM_RE.finditer(sentence):
        tok = m.group()
        if canonical(tok) or tok.lower() in _POST_ALIASES:
            continue
        if _by_initials(tok, attendees):
            cands.append(_Cand(m.start(), m.end(), "person", 5))
        elif tok.upper() not in _NOT_INITIALS:  # not in the table: kept as written ('DfT', 'OPCC', 'HC')
            cands.append(_Cand(m.start(), m.end(), "initials", 7))
    for rx in table.first_names:
        for m in rx.finditer(sentence):
            cands.append(_Cand(m.start(), m.end(), "person", 6))
    for m in _GENERIC_POST_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "role", 2))
    for rx, kind in ((_OWNER_ROLE_RE, "role"), (_EACH_BODY_RE, "collective"), (_AGENT_BODY_RE, "collective"),
                     (_LOWER_BODY_RE, "collective")):
        for m in rx.finditer(sentence):
            cands.append(_Cand(m.start(), m.end(), kind, 3))
    m = _BRACKET_OWNER_RE.search(sentence)
    if m:
        cands.append(_Cand(m.start("who"), m.end("who"), "person", 3))
    opener = _opener(sentence, attendees)
    if opener:
        cands.append(opener)
    return _non_overlapping(sentence, cands)


def _non_overlapping(sentence: str, cands: list[_Cand]) -> list[_Cand]:
    """Longest span wins; mentions inside a written date ('by 30 May') are dropped."""
    dates = find_dates(sentence)
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(s < c.end and c.start < e for s, e in dates):
            continue
        if not any(k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# Step 2: which mentions are responsible

_G = r"(?P<g>@\d+@(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+and/or\s+|\s*/\s*)@\d+@)*)"
_CLAUSE = r"(?:\s*\([^)]*\))?(?:\s*,[^,@]{1,60},)?"
# Someone named as the one to carry a task or decision out, wherever the sentence's subject is:
# these win over the subject ('Chief officers agreed to delegate the sign-off to DCC X' -> X).
_CARRIER_PATTERNS = [
    # 'delegated (authority) to X to agree …', 'be delegated to X': whoever must carry the decision out
    re.compile(r"\bdelegat\w*\s+(?:[^@.;]{0,80}?\s)?to\s+" + _G, re.I),
    # 'granted approval for X to recruit …', 'X would like Y to …'
    re.compile(r"\b(?:approval|permission|authority|agreement|consent)\s+for\s+" + _G + r"\s+to\b", re.I),
    re.compile(r"\bwould\s+like\s+" + _G + r"\s+to\b", re.I),
    # 'the appointment of X as lead', 'confirmed X in post as …', 'a working group be set up under X'
    re.compile(r"\b(?:appoint\w*\s+(?:of\s+)?|confirmed\s+)" + _G + r"\s+(?:in\s+post\s+)?as\b", re.I),
    # 'X was appointed as the Committee's representative', 'X be nominated to the board'
    re.compile(_G + r"\s+(?:was|were|is|are|be|has\s+been|have\s+been)\s+(?:duly\s+)?(?:appointed|nominated|elected|"
               r"co-opted|designated)\s+(?:as|to)\b", re.I),
    # 'approved the plan, with X as senior responsible owner / lead officer'
    re.compile(r"\bwith\s+" + _G + r"\s+as\s+(?:the\s+)?(?:senior\s+responsible|sro\b|lead|accountable|"
               r"executive\s+lead|project\s+lead|single\s+point)", re.I),
    re.compile(r"\b(?:set\s+up|established|formed|convened|chaired)\s+under\s+" + _G, re.I),
]
_TASK_PATTERNS = [
    # 'Action: X to …', 'Owner: X', 'Lead - X'
    re.compile(r"\b(?:action\s+owner|owners?|lead(?:\s+officer)?|responsible(?:\s+officer)?|actionee|"
               r"action(?:\s+[\d/]+)?)\s*[:\-–—]\s*" + _G, re.I),
    # 'Action on X to …', 'an action was placed on X'
    re.compile(r"\baction\s+(?:was\s+|is\s+)?(?:placed\s+|put\s+)?on\s+" + _G, re.I),
    # 'responsibility for … sits with / would transfer to X'
    re.compile(r"\bresponsib\w*\b[^@.;]{0,120}?\b(?:transfer\w*|pass\w*|move\w*|sits?|rests?|lies|lie|remains?)"
               r"\s+(?:\w+\s+)?(?:to|with)\s+" + _G, re.I),
    # 'a report to come back from X', 'a progress report is due from X'
    re.compile(r"\b(?:(?:come|comes|coming|brought|report(?:ing)?)\s+back|due)\s+from\s+" + _G, re.I),
    # 'asked/requested/tasked/invited X to …', 'requested that X …'
    re.compile(r"\b(?:ask|asks|asked|request|requests|requested|task|tasks|tasked|invite|invites|invited|instructs?|"
               r"instructed|directs?|directed|commissioned|charged|required|encouraged|urged|mandated|"
               r"call(?:ed)?\s+(?:on|upon)|nominated|appointed|look(?:s|ed)?\s+to|authori[sz]e[sd]?|empower(?:s|ed)?|"
               r"permit(?:s|ted)?)\s+(?:that\s+)?" + _G
               + r"(?!\s*['’]s\b)", re.I),
    # 'the action … was assigned to X'
    re.compile(r"\b(?:assigned|allocated|passed|handed)\s+to\s+" + _G, re.I),
    # 'requested an update … from X'
    re.compile(r"\b(?:requests|requested|sought|asked\s+for|look(?:s|ed)?\s+for|call(?:s|ed)?\s+for|requires?|"
               r"required|expects?|expected|"
               r"awaits?|awaiting)\b[^.;@]*(?:@\d+@[^.;@]*)*?\bfrom\s+" + _G, re.I),
    # 'agreed that X would …'
    re.compile(r"\bthat\s+" + _G + r"\s+(?:should|would|will|shall|must|is\s+to|are\s+to|to|be|take|takes|lead|"
               r"leads|(?:asks|writes|requests|contacts|arranges|seeks|invites|appoints|instructs|commissions|"
               r"obtains|purchases|pays|organises|organizes|informs|responds|replies))\b", re.I),
    # 'to be completed by X'
    re.compile(r"\b(?:to|will|should|would|shall|must|that\b[^@.;]{0,80}?)\s+be\s+\w+(?:\s+(?:[a-z]+|@\d+@)){0,8}?"
               r"\s+by\s+(?:the\s+)?" + _G, re.I),
    # 'Pineal cyst referral on HC's to-do list'
    re.compile(r"\b(?:on|to|onto)\s+" + _G + r"['’]s?\s+(?:to[- ]do|action|task)\s+list", re.I),
    # 'RESOLVED: That X report back …', 'That X be asked to …'
    re.compile(r"^\s*that\s+" + _G + r"\s+(?:be\s+)?[a-z]+", re.I),
    # subject: 'X to …', 'X will …', 'X is to …', 'X undertook/agreed to …', 'X was tasked with …'
    re.compile(_G + _CLAUSE + r"\s+(?:to|will(?!\s+look\s+to)|shall|would(?!\s+like)|should|must|needs?\s+to|(?:is|are)\s+to|"
               r"(?:is|are|was|were|be|has\s+been|have\s+been)\s+(?:tasked|actioned|given|granted|requested|required|asked|invited|"
               r"responsible|to)|undert(?:ook|akes)|(?:has\s+|have\s+)?(?:agreed|agrees|offered|volunteered|"
               r"committed)(?:\s*,[^,]{1,60},)?\s+to|(?:took|accepted|takes|has)\s+(?:away\s+)?(?:an|the)\s+action|"
               r"(?:confirmed|said|stated|advised|indicated)\s+(?:that\s+)?(?:s?he|they)\s+(?:would|will))\b", re.I),
]
_SUBJECT_INDEX = len(_TASK_PATTERNS) - 1
# 'X would need to be provided by Y', 'X is to be prepared by Y': X is what is done, not who does it
_PASSIVE_AFTER = re.compile(r"^\s+(?:(?:need|have|has|needs)\s+to\s+)?be\s+(?:\w+ly\s+)?(?!involved\b|engaged\b|"
                            r"responsible\b|represented\b|available\b)[a-z][a-z-]*(?:ed|en|t)\b", re.I)
_TRAILING = re.compile(r"(?:[\(\[]\s*(?:(?:new\s+)?(?:action\s+)?(?:for|owner|lead|by)\s*:?\s*)?" + _G
                       + r"\s*[\)\]]|[-–—]\s*" + _G.replace("?P<g>", "?P<h>") + r")\s*\.?\s*$", re.I)
# A label after the task that names its owner: '… paid into. Action: RJ/DB', '… (Owner: Clerk)'
_OWNER_LABEL = re.compile(r"(?:[.;]\s+|\s)(?:actions?|owners?|lead|responsible|actionee|by\s+whom)\s*[:\-–—]\s*"
                          + _G + r"\s*\.?\s*$", re.I)
_DECISION_VERBS = (r"approved?|approves|agreed?|agrees|notes?|endorsed?|endorses|supported|supports?|resolved|decided|"
                   r"ratified|accepted|authori[sz]ed|rejected|declined|signed\s+off|noted|confirmed|determined|"
                   r"delegated|granted|gave|chose|selected|recommended|adopted|upheld|refused|deferred|elected|"
                   r"approval\s+was\s+given")
_DECISION = re.compile(_G + _CLAUSE + r"\s+(?:(?:has|have|had|also|formally|unanimously|then|duly)\s+)*(?:"
                       + _DECISION_VERBS + r")\b", re.I)
_DECISION_BY = re.compile(r"\b(?:approved|agreed|endorsed|supported|ratified|accepted|authori[sz]ed|rejected|"
                          r"signed\s+off|decided|adopted)(?:\s+(?:in\s+principle|formally|fully|unanimously))?\s+by\s+"
                          r"(?:the\s+)?" + _G, re.I)
_POSSESSIVE_OBJECT = re.compile(r"^['’]s?\s+(?:\w+\s+){0,2}?(?:proposals?|recommendations?|requests?|papers?|plans?|"
                                r"reports?|bids?|business\s+case|options?|submissions?|suggestions?|approach)\b", re.I)
# a mention opening the sentence (or the clause after a fronted phrase) followed by a verb-like word
_SUBJECT_VERB = re.compile(r"(?:^\s*|^[^,]{0,100},\s*)" + _G + _CLAUSE
                           + r"\s+(?:(?:has|have|had|also|formally|unanimously|then|duly)\s+)*"
                           r"(?!(?:of|and|or|to|for|with|on|in|at|from|by|as|the|a|an|is|are|was|were)\b)[a-z]+\b")
_OPENING = re.compile(r"^\s*(?:(?:new\s+)?actions?\s*[\d/]*\s*[:\-–—]?\s*)?" + _G)
_REQUESTER = re.compile(r"\s+(?:(?:has|have|had|also)\s+)*(?:asked|requested|sought|thanked|invited|tasked|"
                        r"instructed|directed|commissioned|noted|presented|provided|congratulated|praised)\b", re.I)
_NOT_SUBJECT_BEFORE = {
    "to", "with", "from", "for", "by", "of", "on", "at", "in", "into", "onto", "about", "than", "against", "between",
    "among", "via", "through", "under", "over", "without", "within", "towards", "toward", "regarding", "re",
    "including", "thanked", "provide", "brief", "inform", "update", "support", "congratulated", "praised",
}


def _skeleton(sentence: str, cands: list[_Cand]) -> tuple[str, list[int]]:
    """The sentence with mention i written as '@i@', and each mention's offset in the skeleton."""
    out, pos, offsets = [], 0, []
    length = 0
    for i, c in enumerate(cands):
        out.append(sentence[pos:c.start])
        length += c.start - pos
        offsets.append(length)
        token = f"@{i}@"
        out.append(token)
        length += len(token)
        pos = c.end
    out.append(sentence[pos:])
    return "".join(out), offsets


def _ids(group: str) -> list[int]:
    return [int(x) for x in re.findall(r"@(\d+)@", group)]


def _can_be_subject(skel: str, start: int) -> bool:
    words = re.findall(r"[A-Za-z]+|@\d+@|[^\sA-Za-z]", skel[:start])
    while words and words[-1].lower() in ("the", "a", "an"):  # 'from the HMICFRS to share …'
        words.pop()
    return not words or words[-1].lower() not in _NOT_SUBJECT_BEFORE


def _select(sentence: str, label: str, cands: list[_Cand]) -> list[int]:
    """Indexes of the responsible mentions, in order; [] when none is named."""
    skel, _ = _skeleton(sentence, cands)
    m = _OWNER_LABEL.search(skel)
    if m:
        return _ids(m["g"])
    for rx in _CARRIER_PATTERNS:
        m = rx.search(skel)
        if m:
            return _ids(m["g"])
    best: tuple[int, int, list[int]] | None = None  # (group start, pattern rank, ids)
    for rank, rx in enumerate(_TASK_PATTERNS):
        for m in rx.finditer(skel):
            if rank == _SUBJECT_INDEX and (not _can_be_subject(skel, m.start("g"))
                                           or _PASSIVE_AFTER.match(skel[m.end():])):
                continue
            key = (m.start("g"), rank, _ids(m["g"]))
            if best is None or key[:2] < best[:2]:
                best = key
            break
    if best:
        return best[2]
    m = _TRAILING.search(skel)
    if m:
        return _ids(m["g"] or m["h"])
    m = _DECISION_BY.search(skel)
    if m:
        return _ids(m["g"])
    for m in _DECISION.finditer(skel):
        if not _can_be_subject(skel, m.start("g")):
            continue
        makers = _ids(m["g"])
        proposers = [i for i in _ids(skel[m.end():]) if i not in makers
                     and _POSSESSIVE_OBJECT.match(sentence[cands[i].end:])]
        return proposers + makers
    if label in ("decision", "action"):  # 'Given the pressures, CC Trounson sanctioned …': the clause's subject
        m = _SUBJECT_VERB.search(skel)
        if m and (label == "decision" or not _REQUESTER.match(skel[m.end("g"):])):
            return _ids(m["g"])
    if label == "action":  # 'ACC Wilson – review the policy': the opening name, unless it is the one asking
        m = _OPENING.match(skel)
        if m and not _REQUESTER.match(skel[m.end():]):
            return _ids(m["g"])
    return []


# ---------------------------------------------------------------------------------------------
# Step 3: resolution


def _by_post(post: str, attendees: Sequence[Attendee]) -> Attendee | None:
    """The post as written wins over its family: 'the Director of Finance' is that row even where
    another row is the Chief Finance Officer; 'the CFO' is the Chief Finance Officer's row."""
    written, post = post, _POST_ALIASES.get(post, post)
    if post != "chair":
        for key in dict.fromkeys((written, post)):  # as written, then its canonical name
            row = _by_role(key, attendees)
            if row:
                return row
    if post == "chair":
        rows = [a for a in attendees if a.is_chair] or \
            [a for a in attendees if any(n.strip().lower() == "chair" for n in a.notes)]
        return rows[0] if len(rows) == 1 else None
    rank, words = _POSTS.get(post, ("", (post,)))
    rows = [a for a in attendees if (rank and canonical(a.rank) == rank) or any(p in words for p in _role_parts(a.role))]
    rows = list({id(a): a for a in rows}.values())
    return rows[0] if len(rows) == 1 else None


def _by_role(text: str, attendees: Sequence[Attendee]) -> Attendee | None:
    """The one row whose role (or one part of it) is ``text``: a post as written, including one the
    NER took for a body ('the Committee Clerk')."""
    rows = [a for a in attendees if _norm(text) in _role_parts(a.role)]
    return rows[0] if len(rows) == 1 else None


def resolve_mention(mention: str, attendees: list[Attendee]) -> Attendee | None:
    """The one attendance row a mention names, or None when there is none or it is ambiguous."""
    text = re.sub(r"['’]s?$", "", mention.strip().rstrip(".,;:")).strip()
    key = _norm(text)
    if not key:
        return None
    if key in _POSTS or key in _POST_ALIASES:
        return _by_post(key, attendees)
    rank, rest = "", text
    m = RANK_RE.match(text)
    if m and (m.end() == len(text) or not text[m.end()].isalpha()):
        rank, rest = m.group(), text[m.end():].lstrip(". ").strip()
    names = [w for w in rest.split() if w]
    if rank and not names:  # 'the ACC': only if one row holds that rank
        rows = [a for a in attendees if same_rank(a.rank, rank)]
        return rows[0] if len(rows) == 1 else None
    if len(names) == 1 and _INITIALISM_RE.fullmatch(names[0]):  # 'RHL', 'ACC RJ'
        row = _by_initials(names[0], attendees)
        if row:
            return row
    if not rank:  # a post written out: 'Head of Crime', 'Chief Information Officer', 'the Clerk'
        row = _by_role(key, attendees) or _by_post_word(key, attendees)
        if row:
            return row
    if not names:
        return None
    if not rank and len(names) == 1 and names[0] in _first_name_rows(attendees) \
            and not any(a.surname.lower() == names[0].lower() for a in attendees):
        return _first_name_rows(attendees)[names[0]]
    surname, first = names[-1].lower(), (names[0].lower() if len(names) > 1 else "")
    rows = [a for a in attendees if a.surname.lower() == surname]
    if first:
        rows = [a for a in rows if not a.first_name or _same_first(a.first_name.lower(), first)]
    if len(rows) > 1 and rank:  # 'County Councillor' is a councillor too: 'Cllr. J. Davies' stays ambiguous
        rows = [a for a in rows if same_rank(a.rank, rank) or _rank_core(a.rank) == _rank_core(rank)
                or (a.rank.split() and same_rank(a.rank.split()[-1], rank))]
    return rows[0] if len(rows) == 1 else None


def _by_post_word(key: str, attendees: Sequence[Attendee]) -> Attendee | None:
    """'the Clerk', 'the Mayor', 'Treasurer': the one row whose title or post ends in those words."""
    if not _GENERIC_POST_RE.fullmatch(key.title()) and not _GENERIC_POST_RE.fullmatch(key):
        return None
    rows = [a for a in attendees if _norm(a.rank) == key
            or any(p == key or p.endswith(" " + key) for p in _role_parts(a.role))
            or any(_norm(n) == key for n in a.notes)]
    return rows[0] if len(rows) == 1 else None


def _same_first(a: str, b: str) -> bool:
    """'Tim' and 'Timothy' are one first name; a bare initial ('T') matches too."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(b) == 1 and a.startswith(b)) or (len(a) == 1 and b.startswith(a)) or \
        (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))


def _rank_core(rank: str) -> str:
    return canonical(rank) or rank.strip().rstrip(".").upper()


# ---------------------------------------------------------------------------------------------
# API


_CELL_SPLIT = re.compile(r"\s*(?:/|,|;|&|\band\b)\s*")


def _owner_cell(sentence: str, start: int, end: int, attendees: list[Attendee]) -> list[OwnerMention]:
    """The owners an owner column's cell names ('Clerk', 'Cllr. P. Harries', 'RJ/DB', 'Finance Team'),
    or [] when the cell does not read as owners (a date, a status, a note)."""
    cell = sentence[start:end]
    if len(cell.split()) > 8 or re.search(r"\d", cell) or STATUS_CELL.match(cell) or NO_DATE_RE.search(cell) \
            or MONTH_RE.search(cell):
        return []
    out, pos = [], start
    for part in _CELL_SPLIT.split(cell):
        at = sentence.index(part, pos) if part else pos
        pos = at + len(part)
        if not part:
            continue
        words = part.rstrip(".").split()
        attendee = resolve_mention(part, attendees)
        looks = attendee or _INITIALISM_RE.fullmatch(part) or _RANK_NAME_RE.fullmatch(part) \
            or _GENERIC_POST_RE.fullmatch(part) or _POST_RE.fullmatch(part) or _UNIT_RE.fullmatch(part) \
            or _COLLECTIVE_RE.fullmatch(part) \
            or (2 <= len(words) <= 3 and all(w[:1].isupper() and w.lower() not in _NOT_OPENERS for w in words))
        if not looks:
            return []
        collective = attendee is None and bool(_UNIT_RE.fullmatch(part) or re.search(_COLLECTIVE_HEADS, part))
        out.append(OwnerMention(part, at, at + len(part), attendee, collective))
    return out


def _table_owners(sentence: str, cells: list[tuple[int, int]], label: str, attendees: list[Attendee],
                  entities: Sequence[tuple[int, int, str]]) -> list[OwnerMention]:
    """A table row: the first owner-like cell after the task (or before it) names the owners; else the
    task's own words."""
    task = task_cell(sentence, cells)
    for s, e in cells[task + 1:] + cells[:task][::-1]:  # an owner column after the task, else before it
        owners = _owner_cell(sentence, s, e, attendees)
        if owners:
            return owners
    ts, te = cells[task]
    inner = [(s - ts, e - ts, lab) for s, e, lab in entities if ts <= s and e <= te]
    return [OwnerMention(m.text, m.start + ts, m.end + ts, m.attendee, m.collective)
            for m in find_owner_mentions(sentence[ts:te], label, attendees, inner)]


def find_owner_mentions(sentence: str, label: str, attendees: list[Attendee],
                        entities: Sequence[tuple[int, int, str]] = ()) -> list[OwnerMention]:
    """The responsible mention(s) of a ``decision`` or ``action`` sentence, in order, each resolved
    against ``attendees`` where it names one row; [] when the sentence names nobody responsible.
    A table row ('task | Owner | Due |') takes its owners from its owner cell."""
    cells = table_cells(sentence)
    if cells:
        return _table_owners(sentence, cells, label, attendees, entities)
    cands = _candidates(sentence, attendees, entities)
    if not cands:
        return []
    out = []
    for i in _select(sentence, label, cands):
        c = cands[i]
        text = c.text(sentence)
        text = re.sub(r"['’]s?$", "", text) if text.endswith(("'s", "’s")) else text
        collective = c.kind == "collective"  # 'initials' not in the table stay as written, not a body
        attendee = _by_role(text, attendees) if collective else resolve_mention(text, attendees)
        collective = collective and attendee is None   # 'the Committee Clerk' read as a body is a row
        if c.kind == "role" and attendee is None and _COLLECTIVE_RE.fullmatch(text):
            collective = True
        out.append(OwnerMention(text, c.start, c.start + len(text), attendee, collective))
    return out


def find_owners(sentence: str, label: str, attendees: list[Attendee],
                entities: Sequence[tuple[int, int, str]] = ()) -> list[OwnerMention]:
    """Like :func:`find_owner_mentions`, with one mention per person (the first) when a row is named twice."""
    seen: set[int] = set()
    out = []
    for m in find_owner_mentions(sentence, label, attendees, entities):
        if m.attendee is not None:
            if id(m.attendee) in seen:
                continue
            seen.add(id(m.attendee))
        out.append(m)
    return out


# A resolution's parts written as bare verbs under 'RESOLVED that Cabinet:' ('(a) Agree to submit …',
# 'Note the report', '(b) to defer …', '(c) that the fees be approved'): the body named in the lead-in decides.
_IMPERATIVE = re.compile(r"^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:(?:to|that)\s+(?=\w)|agree|approve|note|endorse|delegate|authori[sz]e|request|"
                         r"adopt|accept|confirm|support|reject|defer|recommend|ask|instruct|refer|receive|welcome)s?\b",
                         re.I)
_LEAD_IN = re.compile(r"(?:^|[\s.])(?i:resolved|agreed|decided|recommended)\s*[:\-–—]?\s*(?i:that\s+)?"
                      r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&'’-]*){0,4})"
                      r"\s*(?:[:\-–—]|\s+(?i:to|will|should|shall|resolves?|agrees?))?\s*$"
                      r"|(?:^|[\s.])(?P<who2>(?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})\s+"
                      r"(?i:resolved|agreed|decided)(?:\s+to)?(?:\s+(?i:the\s+following|as\s+follows))?\s*:\s*$")


def owners_from_lead_in(sentence: str, lead_ins: Sequence[str], attendees: list[Attendee]) -> list[OwnerMention]:
    """The deciding body or person of a bare-verb resolution part, from the heading or agenda item
    it sits under ('RESOLVED that Cabinet:', 'The Committee agreed to:'); [] when there is none.
    The mention is not in the sentence, so its offsets are (0, 0)."""
    if not _IMPERATIVE.match(sentence):
        return []
    for text in lead_ins:
        m = _LEAD_IN.search((text or "").strip())
        if m:
            who = m["who"] or m["who2"]
            attendee = resolve_mention(who, attendees)
            return [OwnerMention(who, 0, 0, attendee, attendee is None, "lead-in")]
    return []

