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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from pipeline.dates import find_dates
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
_RANK_NAME_RE = re.compile(r"(?P<rank>" + RANK_RE.pattern + r")\.?\s+(?P<name>" + _NAME + r"(?:\s+" + _NAME + r")?)")

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
_POST_WORDS = re.compile(r"\b(?:officer|head|director|chief|constable|manager|lead|secretary|treasurer|commander|"
                         r"adviser|advisor|solicitor|controller|superintendent|chair|commissioner|executive)\b", re.I)
_GENERIC_ROLE_RE = re.compile(
    r"(?:\bthe\s+)?\b(?:(?:Deputy|Assistant|Interim|Acting)\s+)?(?:Head|Director|Lead)\s+of\s+"
    r"(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w&’'-]*)*"
    r"|\bStaff\s+Officer\s+to\s+the\s+[A-Z]{2,4}\b"
    r"|(?:\bthe\s+)?\bChief\s+(?:[A-Z]\w+\s+){1,2}Officer\b"
)
_COLLECTIVE_RE = re.compile(
    r"\b(?:all\s+)?chief\s+officers(?:['’]\s+group|\s+group|\s+team)?\b|\bchief\s+officer\s+(?:group|team)\b"
    # the body itself as the one that decided or must act: 'the Panel resolved', 'Members rejected', 'asked members to'
    r"|(?:(?<![a-z] )|(?<=asked )|(?<=invited )|(?<=tasked ))\b(?:the\s+)?(?:board|panel|committee|authority|group|members|"
    r"command\s+team|executive\s+team|(?:senior\s+)?leadership\s+team|management\s+board)\b"
    r"(?=\s+(?:(?:also|then|formally|unanimously)\s+)?(?:to|will|approved|agreed|endorsed|noted|decided|resolved|"
    r"supported|declined|rejected|ratified|accepted|chose|authori[sz]ed|signed|adopted|requested|deferred|refused)\b)",
    re.I,
)
_UNIT_NOUNS = ("Operations|Team|Unit|Department|Directorate|Command|Services|Service|Board|Group|Taskforce|"
               "Committee|Office|Section|Branch|Division|Function|Hub|Programme|Partnership|Panel|Centre|Bureau")
_UNIT_RE = re.compile(
    r"(?:\bthe\s+)?\b[A-Z][\w&’'-]*(?:\s+(?:(?:and|&|of|for)\s+)?[A-Z][\w&’'-]*)*?\s+(?:" + _UNIT_NOUNS + r")\b"
    r"(?:\s+(?:Command|Team|Unit))?"
    r"|(?:\bthe\s+)?\b[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*)*\s+(?:team|unit|department|directorate)\b"
)

# ---------------------------------------------------------------------------------------------
# Step 1: candidate mentions


def _attendee_initials(a: Attendee) -> str:
    if a.initials:
        return a.initials.upper()
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", a.name)).upper()


def _role_parts(role: str) -> list[str]:
    """'Rep: Chief Information Officer, Head of IT' -> ['chief information officer', 'head of it']."""
    role = re.sub(r"^\s*rep\s*:\s*", "", role, flags=re.I)
    return [_norm(p) for p in re.split(r"[,;/]|\band\b(?=\s+head\b)", role) if p.strip()]


def _norm(text: str) -> str:
    text = text.replace("’", "'").lower()
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[.,;:]+$", "", text)).strip()


def _candidates(sentence: str, attendees: Sequence[Attendee], entities: Sequence[tuple[int, int, str]]) -> list[_Cand]:
    cands: list[_Cand] = []
    ents = sorted(entities)
    for i, (s, e, label) in enumerate(ents):
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
    roles = {p for a in attendees for p in _role_parts(a.role) if _POST_WORDS.search(p)}
    for role in sorted(roles, key=len, reverse=True):
        rx = r"(?:\bthe\s+)?\b" + re.escape(role).replace(r"\ ", r"\s+") + r"\b"
        for m in re.finditer(rx, sentence, re.I):
            cands.append(_Cand(m.start(), m.end(), "role", 2))
    for m in _COLLECTIVE_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "collective", 1))
    for m in _UNIT_RE.finditer(sentence):
        cands.append(_Cand(m.start(), m.end(), "collective", 3))
    for a in attendees:
        if not a.surname:
            continue
        rx = r"\b(?:" + re.escape(a.first_name) + r"\s+)?" + re.escape(a.surname) + r"\b" if a.first_name else \
            r"\b" + re.escape(a.surname) + r"\b"
        for m in re.finditer(rx, sentence):
            cands.append(_Cand(m.start(), m.end(), "person", 4))
    initials = [_attendee_initials(a) for a in attendees]
    for m in re.finditer(r"\b[A-Z]{2,3}\b", sentence):
        if initials.count(m.group()) == 1 and not canonical(m.group()) and m.group().lower() not in _POST_ALIASES:
            cands.append(_Cand(m.start(), m.end(), "person", 5))
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
               r"call(?:ed)?\s+(?:on|upon)|nominated|appointed|look(?:s|ed)?\s+to)\s+(?:that\s+)?" + _G
               + r"(?!\s*['’]s\b)", re.I),
    # 'the action … was assigned to X'
    re.compile(r"\b(?:assigned|allocated|passed|handed)\s+to\s+" + _G, re.I),
    # 'requested an update … from X'
    re.compile(r"\b(?:requests|requested|sought|asked\s+for|look(?:s|ed)?\s+for|call(?:s|ed)?\s+for|requires?|"
               r"required|expects?|expected|"
               r"awaits?|awaiting)\b[^.;@]*(?:@\d+@[^.;@]*)*?\bfrom\s+" + _G, re.I),
    # 'agreed that X would …'
    re.compile(r"\bthat\s+" + _G + r"\s+(?:should|would|will|shall|must|is\s+to|are\s+to|to|be|take|takes|lead|"
               r"leads)\b", re.I),
    # 'to be completed by X'
    re.compile(r"\b(?:to|will|should|would|shall|must|that\b[^@.;]{0,80}?)\s+be\s+\w+(?:\s+(?:[a-z]+|@\d+@)){0,8}?\s+by\s+"
               + _G, re.I),
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
_TRAILING = re.compile(r"(?:[\(\[]\s*" + _G + r"\s*[\)\]]|[-–—]\s*" + _G.replace("?P<g>", "?P<h>") + r")\s*\.?\s*$")
_DECISION_VERBS = (r"approved?|approves|agreed?|agrees|endorsed?|endorses|supported|supports?|resolved|decided|"
                   r"ratified|accepted|authori[sz]ed|rejected|declined|signed\s+off|noted|confirmed|determined|"
                   r"delegated|granted|gave|chose|selected|recommended|adopted|upheld|refused|deferred|elected|"
                   r"approval\s+was\s+given")
_DECISION = re.compile(_G + _CLAUSE + r"\s+(?:(?:has|have|had|also|formally|unanimously|then|duly)\s+)*(?:"
                       + _DECISION_VERBS + r")\b", re.I)
_DECISION_BY = re.compile(r"\b(?:approved|agreed|endorsed|supported|ratified|accepted|authori[sz]ed|rejected|"
                          r"signed\s+off|decided|adopted)\s+by\s+" + _G, re.I)
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
    for rx in _CARRIER_PATTERNS:
        m = rx.search(skel)
        if m:
            return _ids(m["g"])
    best: tuple[int, int, list[int]] | None = None  # (group start, pattern rank, ids)
    for rank, rx in enumerate(_TASK_PATTERNS):
        for m in rx.finditer(skel):
            if rank == _SUBJECT_INDEX and not _can_be_subject(skel, m.start("g")):
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
    if not rank and len(names) == 1 and re.fullmatch(r"[A-Z]{2,3}", names[0]):
        rows = [a for a in attendees if _attendee_initials(a) == names[0]]
        if len(rows) == 1:
            return rows[0]
    if not rank:  # a post written out: 'Head of Crime', 'Chief Information Officer'
        row = _by_role(key, attendees)
        if row:
            return row
    if not names:
        return None
    surname, first = names[-1].lower(), (names[0].lower() if len(names) > 1 else "")
    rows = [a for a in attendees if a.surname.lower() == surname]
    if first:
        rows = [a for a in rows if not a.first_name or _same_first(a.first_name.lower(), first)]
    if len(rows) > 1 and rank:
        rows = [a for a in rows if same_rank(a.rank, rank) or _rank_core(a.rank) == _rank_core(rank)]
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


def find_owner_mentions(sentence: str, label: str, attendees: list[Attendee],
                        entities: Sequence[tuple[int, int, str]] = ()) -> list[OwnerMention]:
    """The responsible mention(s) of a ``decision`` or ``action`` sentence, in order, each resolved
    against ``attendees`` where it names one row; [] when the sentence names nobody responsible."""
    cands = _candidates(sentence, attendees, entities)
    if not cands:
        return []
    out = []
    for i in _select(sentence, label, cands):
        c = cands[i]
        text = c.text(sentence)
        text = re.sub(r"['’]s?$", "", text) if text.endswith(("'s", "’s")) else text
        collective = c.kind == "collective"
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
