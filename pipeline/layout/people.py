"""One person as an attendance list writes them: '<rank or title> <Name>[, <Role>] [(<note>)...]',
'<Role> <Name>' ('Operations Superintendent Dan Hale'), '<Name> <Organisation>' without a comma, or
'<Name> (<initials>) Chair – <Role>'.

Ranks are kept as the page writes them ('Insp.', 'A/ACC', 'T/CS', 'Mr', 'Cllr'); only full police
rank words ('Deputy Chief Constable') become the canonical abbreviation, with any acting/temporary prefix.
"""
from __future__ import annotations

import re
import unicodedata

from ..ranks import (PLURAL_TITLE_AT_START_RE, PLURAL_TITLES, RANK_AT_START_RE, RANKS, TITLE_AT_START_RE,
                     canonical, split_prefix)
from .model import Attendee

# A parenthesised note about attendance rather than a role.
NOTE_RE = re.compile(
    r"^(?:(?:acting |interim |independent |vice[- ])?chair(?:man|woman|person|ing)?|minutes?|minute[- ]?taker"
    r"|note[- ]?taker|secretary|mt|vc|teams|ms teams|virtual(?:ly)?|remote(?:ly)?|online|in person|by phone|via phone"
    r"|via (?:teams|zoom|video)|observer|observing|part(?: only)?|guest"
    r"|(?:for |agenda )?items?\b.*|from \d.*|until \d.*|to \d.*|left .*|arrived .*|joined .*|[A-Z]{2,4})$",
    re.I,
)
_ABBREV_KEYS = {k.rstrip(".").lower() for k in RANKS}
_COURTESY = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Cllr"})
# Name particles written in lower case ('Rhian ap Gwynfor', 'Jan van der Berg', 'Omar bin Said', 'Aisha al-Amin').
_PARTICLES = ("de|del|della|der|den|des|van|von|ver|ten|ter|zu|la|le|da|das|dos|di|du|bin|binti|bint|ibn|al|el|ap|ab"
              "|st")
_NAME_WORD = re.compile(
    r"^(?:[A-Z](?:[a-z'’]+|[A-Z]?[a-z'’]+)(?:[-’'][A-Z]?[a-z'’]+)*|[A-Z]\.?"
    r"|(?:Mc|Mac|O[’']|[Dd][’']|(?:al|el|bin|ben|abu)-)[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|(?:" + _PARTICLES + r")\b)$")
_ROLE_SPLIT = re.compile(r"\s*,\s*|\s+[–—-]\s+|\s*:\s+")
_BULLET_RE = re.compile(r"^[•\-*–·▪●◦]\s+")
_MARKUP_RE = re.compile(r"<[^>]+>|[\u200b-\u200d\u2060\ufeff]|\*\*|__|(?<![A-Za-z])[*_](?=\S)|(?<=\S)[*_](?![A-Za-z])")
_HEADING_MARK_RE = re.compile(r"^#{1,6}\s*")
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}$")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]+[A-Z]?s?$")
_CONNECTORS = frozenset({"of", "and", "for", "to", "the", "&", "in", "at"})
_TRAILING_CHAIR_RE = re.compile(r"\s+(?:(?:acting|interim)\s+)?chair(?:man|woman|person)?$", re.I)

# Words of posts and bodies: a run of capitalised words holding one is a role or an organisation, not a name.
ROLE_WORDS = frozenset("""
chief deputy assistant officer officers executive clerk treasurer administrator superintendent manager managers
director directors head secretary secretariat mayor councillor councillors commissioner chair chairman chairwoman
chairperson president vice interim acting fire police finance financial legal services service governance support
staff operations operational planning technology accountant analyst counsel corporate constable inspector sergeant
member members board lead coordinator co-ordinator adviser advisor consultant engineer solicitor monitoring
democratic committee council development organisation organization programme program project public health social
care team unit department government university office ministry institute centre center digital publishing archives
labs associates ltd limited plc group trust authority agency commission panel partnership network national county
borough district city town parish community regional strategy policy performance communications resources human
information data standards transport justice education learning audit risk assurance business commercial estates
contact partnerships intelligence crime policing representative rep guest guests observer minutes notetaker
apologies present attendance attendees items item agenda reports report declarations declaration none nil all
unrestricted restricted exempt welcome introductions introduction matters arising any other the officials regrets
absent apology notes action actions decision decisions resolved update updates summary meeting meetings attended
attending attorney auditor planner librarian registrar surveyor controller comptroller medical clinical nursing
nurse radiologist radiographer pharmacist therapist room suite chamber floor headquarters hq teams zoom virtual
""".split())


def display_rank(written: str) -> str:
    """'Insp.' -> 'Insp.', 'A/ACC' -> 'A/ACC'; 'Deputy Chief Constable' -> 'DCC'; 'Acting Chief Constable' -> 'A/CC'."""
    written = re.sub(r"\s+", " ", written.strip())
    prefix, core = split_prefix(written)
    if canonical(core) in _COURTESY:
        return written  # 'Professor', 'Doctor', 'Mrs' are titles, kept as the page writes them
    if core.rstrip(".").lower().replace(" ", "/") in _ABBREV_KEYS or " " not in core and len(core) <= 7:
        return written
    return prefix + (canonical(core) or core)


def is_chair_note(note: str) -> bool:
    return bool(re.match(r"^(?:acting |interim |independent )?chair(?:man|woman|person)?\b", note.strip(), re.I))


def initials_of(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def clean_markup(text: str) -> str:
    """Text without HTML tags, zero-width characters, Markdown emphasis or a heading's '#' marks."""
    return _HEADING_MARK_RE.sub("", _MARKUP_RE.sub("", text)).strip()


def strip_bullet(text: str) -> str:
    return _BULLET_RE.sub("", clean_markup(text), count=1)


def is_role_word(word: str) -> bool:
    w = word.strip(".,;:()").lower()
    return w in ROLE_WORDS or w.endswith(("’s", "'s")) or any(p in ROLE_WORDS for p in w.split("-") if p)


_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae", "ß": "ss",
                      "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th", "ð": "d"})


def _folded(word: str) -> str:
    """'Rāwiri' -> 'Rawiri', 'Sørensen' -> 'Sorensen': accented names read as names."""
    plain = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in plain if not unicodedata.combining(c))


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(_folded(word))) and not is_role_word(word)


def _is_name(name: str, has_rank: bool) -> bool:
    words = name.split()
    if not words or len(words) > 5 or not words[0][0].isupper():
        return False
    return len(words) >= (1 if has_rank else 2) and all(_name_word(w) for w in words)


def _split_name(text: str) -> tuple[str, str]:
    """(name, role) from words with no separator between them: 'Operations Manager Dan Hale' ->
    ('Dan Hale', 'Operations Manager'); 'Ann Lee City Archives' -> ('Ann Lee', 'City Archives')."""
    words = text.split()
    if len(words) <= 1 or all(_name_word(w) for w in words):
        return text, ""
    lead = 0
    while lead < len(words) and _name_word(words[lead]):
        lead += 1
    if lead >= 2 and not words[lead][:1].islower():  # 'Ann Lee joined ...' is a sentence, not name + body
        return " ".join(words[:lead]), " ".join(words[lead:])
    tail = 0
    while tail < len(words) and tail < 4 and _name_word(words[-1 - tail]):
        tail += 1
    prefix = words[:-tail] if tail else []
    title_like = all(w[:1].isupper() or w in _CONNECTORS for w in prefix) and len(prefix) <= 9
    if tail and title_like and is_role_word(prefix[-1]):
        return " ".join(words[-tail:]), " ".join(prefix)
    return text, ""


def split_trailing_name(piece: str) -> tuple[str, str] | None:
    """('Open Data Institute', 'Ann Lee') for 'Open Data Institute Ann Lee': in a 'Name, Org Name, Org'
    paragraph (lines joined by the reader) each middle piece is one person's organisation and the
    next person's name. Two name words, three when the middle one is an initial."""
    words = piece.split()
    if len(words) < 3:
        return None
    n = 3 if len(words) >= 4 and re.match(r"^[A-Z]\.?$", words[-2]) else 2
    name, prefix = words[-n:], words[:-n]
    if not all(_name_word(w) for w in name) or all(_name_word(w) for w in prefix):
        return None
    return " ".join(prefix), " ".join(name)


def _aliases(bracketed: list[str], name: str) -> list[str]:
    """Bracketed initials that fit the name ('JC' for John Campion, 'RHL' for Rachel Hartland-Lane)
    and the initials computed from the name: what the minutes use to name the person later."""
    first = name[:1].upper()
    out = [b for b in bracketed if b[0] == first]
    computed = initials_of(name)
    if len(computed) >= 2:
        out.append(computed)
    return list(dict.fromkeys(out))


def parse_person(text: str, *, role: str = "", strict: bool = True, title: str = "",
                 surname_ok: bool = False) -> Attendee | None:
    """An Attendee from one person's text, or None when it does not read as a person.

    ``role`` comes from a table's role column; ``strict`` (lists, not tables) also requires the
    name to look like a name, so body sentences such as 'ACO Medhurst presented ...' are refused.
    ``title`` is a plural title read earlier in the list ('Councillors A, B'); ``surname_ok``
    accepts a bare surname where a label has said these are people ('Board members present: Hale').
    """
    text = clean_markup(text)
    notes: list[str] = []
    bracketed: list[str] = []
    paren_role = ""
    for m in re.finditer(r"\(([^()]*)\)", text):
        inner = m.group(1).strip()
        if not inner:
            continue
        if _INITIALS_RE.match(inner):
            bracketed.append(inner)
        if NOTE_RE.match(inner):
            notes.append(inner)
        elif not paren_role:
            paren_role = inner
        else:
            notes.append(inner)
    glued = re.match(r"^(?P<who>[^()]*?)\s*\((?P<ini>[A-Z]{2,4})\)\s*(?P<after>[^\s–—\-,:(].*)$", text)
    if glued:  # 'Dr Jo Hale (JH) Medical Director': the initials close the name; the post follows
        after = glued.group("after")
        if (lead := re.match(r"^(?:(?:acting|interim)\s+)?chair(?:man|woman|person)?\b\s*", after, re.I)):
            notes.append(lead.group().strip())
            after = after[lead.end():].lstrip(" –—-:")
        text = f"{glued.group('who')} ({glued.group('ini')})" + (f" – {after}" if after else "")
    rest = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", text)).strip().rstrip(";,.–—- ")
    rank = ""
    title_words = ""  # a civic title read off the front, given back to the role if it was the role's start
    m = RANK_AT_START_RE.match(rest + " ")
    if m and rest[m.end(1):m.end(1) + 1] in (" ", ".", ""):
        rank = display_rank(m.group(1))
        rest = (rest + " ")[m.end():].strip()
    elif (t := TITLE_AT_START_RE.match(rest + " ")) and rest[t.end():t.end() + 1][:1].isupper():
        rank = title_words = re.sub(r"\s+", " ", t.group(1))
        rest = (rest + " ")[t.end():].strip()
        if (t2 := TITLE_AT_START_RE.match(rest + " ")) and rest[t2.end():t2.end() + 1][:1].isupper():
            rank = title_words = rank + " " + " ".join(t2.group(1).split())  # 'Mayor Cr Ann Lee'
            rest = (rest + " ")[t2.end():].strip()
    rank = rank or title
    parts = _ROLE_SPLIT.split(rest, maxsplit=1)
    name = parts[0].strip().rstrip(".").strip()
    split_role = parts[1].strip().rstrip(".") if len(parts) > 1 else ""
    chair_word = _TRAILING_CHAIR_RE.search(name)
    if chair_word:
        name = name[:chair_word.start()].strip()
        notes.append(chair_word.group().strip())
    if strict:
        written = name
        name, prefix_role = _split_name(name)
        if prefix_role and title_words and written.endswith(name):
            # 'Chief Accountant Jo Hale': 'Chief' began the post; it was not her title
            rank, prefix_role = title or "", f"{title_words} {prefix_role}"
        split_role = split_role or prefix_role
    if not name or not name[0].isupper():
        return None
    if strict and not _is_name(name, bool(rank) or surname_ok):
        return None
    if not strict and len(name.split()) > 8:
        return None
    role = role or split_role or paren_role
    if not rank and (r := RANK_AT_START_RE.match(role + " ")) and role[r.end(1):r.end(1) + 1] in (" ", ".", ",", ""):
        rank = display_rank(r.group(1))  # 'Jo Hale – ACC Local Policing': the post names her rank
    return Attendee(rank=rank, name=name, role=role, notes=notes,
                    is_chair=any(is_chair_note(n) for n in notes) or is_chair_note(paren_role),
                    initials=initials_of(name),
                    aliases=_aliases(bracketed, name))


def plural_title(text: str) -> tuple[str, str]:
    """('Councillor', 'Ann Lee') for 'Councillors Ann Lee'; ('', text) when no plural title opens it."""
    m = PLURAL_TITLE_AT_START_RE.match(text)
    if not m or not text[m.end():m.end() + 1].isupper():
        return "", text
    return PLURAL_TITLES[re.sub(r"\s+", " ", m.group(1).lower())], text[m.end():]


def _split_top(text: str, seps: tuple[str, ...]) -> list[str]:
    """Split on any of ``seps`` outside brackets."""
    pieces: list[str] = []
    depth = start = i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = next((s for s in seps if text.startswith(s, i)), None)
            if sep:
                pieces.append(text[start:i])
                start = i + len(sep)
                i += len(sep)
                continue
        i += 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _split_initials_run(piece: str) -> list[str]:
    """'D Lee (Chair) R Hale M Ross' -> ['D Lee (Chair)', 'R Hale', 'M Ross']: in a list written
    initials-first, an initial after a surname starts the next person."""
    words = piece.split()
    if not words or not re.match(r"^[A-Z]\.?$", words[0]):
        return [piece]
    out, cur = [], []
    for w in words:
        if cur and re.match(r"^[A-Z]\.?$", w) and (re.search(r"[a-z]{2}[’']?$", cur[-1]) or cur[-1].endswith(")")):
            out.append(" ".join(cur))
            cur = []
        cur.append(w)
    out.append(" ".join(cur))
    return out


def _listed(piece: str) -> list[str]:
    """'Councillors Ann Lee, Bo Chan and Di Roe' between semicolons: a list of its own when every
    comma or 'and' part reads as a person ('Ann Lee, Head of Audit' stays one person and a post)."""
    title, rest = plural_title(piece)
    parts = _split_top(rest, (",", " and ", " & "))
    if len(parts) < 2 or any(is_role_word(p.split()[0]) for p in parts[1:]) \
            or not all(parse_person(p, title=title) for p in parts):
        return [piece]
    return [f"{piece[:len(piece) - len(rest)]}{parts[0]}"] + parts[1:]


def split_people(text: str) -> list[str]:
    """A 'Present: A, B (Role) and C.' paragraph into one string per person (commas, semicolons
    and a last 'and', never inside brackets). Where semicolons separate the people, commas and
    'and' belong to roles ('Head of Audit and Risk Jo Hale; ...') and do not split."""
    text = clean_markup(text).strip().rstrip(".;, ")
    if ";" in re.sub(r"\([^()]*\)", "", text):
        pieces = _split_top(text, (";",))
        pieces = [q for p in pieces for q in _listed(re.sub(r"^(?:and|&)\s+", "", p))]
    else:
        pieces = _split_top(text, (",", " and ", " & "))
    out: list[str] = []
    for p in pieces:
        out += _split_initials_run(p)
    return [p for p in out if p]
