"""The rank vocabulary: one place that the tokenizer, the entity ruler, the layout parser and the
owner linker all read, so a new rank is added once.

Abbreviations map to their canonical full form; full words ('Chief Superintendent') map to the
canonical abbreviation used in attendance tables. Acting/temporary prefixes (A/, T/) are handled
by :func:`split_prefix`, so 'T/DCS' and 'A/ACC' need no entries of their own.
"""
from __future__ import annotations

import re

# canonical abbreviation -> full rank words (lower case). Order matters only for readability.
RANKS: dict[str, tuple[str, ...]] = {
    "CC": ("chief constable",),
    "DCC": ("deputy chief constable",),
    "ACC": ("assistant chief constable",),
    "DCO": ("deputy chief officer",),
    "ACO": ("assistant chief officer",),
    "CS": ("chief superintendent", "chief supt", "ch supt", "c supt"),
    "Ch/Supt": ("chief superintendent",),
    "C/Supt.": ("chief superintendent",),
    "DCS": ("detective chief superintendent", "det chief superintendent", "det ch supt"),
    "D/Supt.": ("detective superintendent", "det supt"),
    "DSU": ("detective superintendent",),
    "Supt.": ("superintendent", "supt"),
    "DCI": ("detective chief inspector",),
    "C/Insp.": ("chief inspector", "ch insp", "c insp"),
    "CI": ("chief inspector",),
    "DI": ("detective inspector",),
    "Insp.": ("inspector", "insp"),
    "DS": ("detective sergeant",),
    "PS": ("police sergeant", "sergeant", "sgt"),
    "DC": ("detective constable",),
    "PC": ("police constable",),
    "PSE": ("police staff employee", "police staff"),
    "Mr.": ("mr", "mister"),
    "Mrs.": ("mrs",),
    "Ms.": ("ms",),
    "Miss": ("miss",),
    "Dr.": ("dr", "doctor"),
    "Prof.": ("prof", "professor"),
    "Cllr": ("councillor", "cllr"),
}

# Every written form of a rank (abbreviation with and without its dot, and full words), longest first.
_PREFIX = r"(?:(?:A|T|Acting|Temporary|Act|Temp)(?:/|\s+|\.\s*))?"
_ABBREV_FORMS = sorted(
    {f for k in RANKS for f in {k, k.rstrip(".")}} | {"Ch/Supt.", "C/Supt", "D/Supt", "C/Insp", "Det/Supt", "Det Supt",
                                                      "Ch Supt", "Ch Insp", "Det Insp", "T/Supt", "Supt", "Insp", "Sgt"},
    key=len, reverse=True,
)
_WORD_FORMS = sorted({w for forms in RANKS.values() for w in forms if len(w) > 4}, key=len, reverse=True)

RANK_PATTERN = (
    _PREFIX
    + r"(?:"
    + "|".join(re.escape(f) + (r"(?![A-Za-z])" if not f.endswith(".") else "") for f in _ABBREV_FORMS)
    + r"|"
    + "|".join(r"(?i:" + re.escape(w).replace(r"\ ", r"\s+") + r")(?![a-z])" for w in _WORD_FORMS)
    + r")"
)
RANK_RE = re.compile(RANK_PATTERN)
RANK_AT_START_RE = re.compile(r"^\s*(" + RANK_PATTERN + r")\.?\s+")

# Single tokens the tokenizer must keep whole (slash ranks) and dotted abbreviations that never end a sentence.
SLASH_RANKS = sorted(
    {f"{p}/{r.rstrip('.')}" for p in ("A", "T") for r in RANKS if r.isupper() and len(r) <= 4}
    | {"Ch/Supt", "C/Supt", "D/Supt", "C/Insp", "T/Supt", "A/Supt", "T/Insp", "A/Insp", "Det/Supt", "T/CS", "A/CS"},
)
NON_FINAL_ABBREVIATIONS = sorted(
    {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Insp.", "Supt.", "C/Supt.", "D/Supt.", "Ch/Supt.", "C/Insp.", "T/Supt.",
     "Det.", "Sgt.", "Cllr.", "St.", "re:", "Ch.", "Supt"}
)


def split_prefix(rank: str) -> tuple[str, str]:
    """'A/ACC' -> ('A/', 'ACC'); 'Acting ACC' -> ('A/', 'ACC'); 'ACC' -> ('', 'ACC')."""
    m = re.match(r"^(A|T|Acting|Temporary|Act|Temp)(?:/|\s+|\.\s*)(.+)$", rank.strip())
    if m and canonical(m.group(2)):
        return ("A/" if m.group(1).upper().startswith("A") else "T/"), m.group(2)
    return "", rank.strip()


def canonical(rank: str) -> str:
    """Map any written form of a rank to its canonical abbreviation ('' when unknown).

    'Superintendent' -> 'Supt.', 'Supt' -> 'Supt.', 'Chief Superintendent' -> 'CS', 'A/ACC' -> 'ACC'.
    """
    _, core = split_prefix(rank)
    key = re.sub(r"\s+", " ", core.strip().lower().replace("/", " ").replace(".", "")).strip()
    for abbrev in RANKS:
        if key == abbrev.lower().replace("/", " ").replace(".", ""):
            return abbrev
    for abbrev, words in RANKS.items():
        if key in words:
            return abbrev
    aliases = {"det supt": "D/Supt.", "t supt": "Supt.", "sgt": "PS", "det insp": "DI"}
    return aliases.get(key, "")


# Ranks that name the same post, so 'Chief Superintendent Hall' matches a 'Ch/Supt Hall' row.
EQUIVALENT = [{"CS", "Ch/Supt", "C/Supt."}, {"D/Supt.", "DSU"}, {"C/Insp.", "CI"}, {"Mr.", "Mrs.", "Ms.", "Miss", "Dr."}]


def same_rank(a: str, b: str) -> bool:
    ca, cb = canonical(a), canonical(b)
    if not ca or not cb:
        return False
    return ca == cb or any(ca in group and cb in group for group in EQUIVALENT)


def is_rank(text: str) -> bool:
    return bool(canonical(text))


# Civic, honorific and office titles written before a name in attendance lists ('Cllr', 'Mayor',
# 'Vice President', 'Baroness'). Kept apart from RANKS so the entity ruler and owner linker, which
# read RANKS, do not start reading 'Director' or 'Chief' as police ranks. Longest first.
TITLES: tuple[str, ...] = (
    "Deputy Police and Crime Commissioner", "Police and Crime Commissioner", "County Councillor",
    "Deputy Mayor", "Vice President", "Vice Chair", "Vice-Chair", "Fire Chief", "Deputy Chief", "Board Clerk",
    "Councillor", "Commissioner", "Director", "Reverend", "Professor", "Baroness", "President", "Alderman",
    "Council Member", "Councilmember", "Trustee", "Supervisor", "Alderwoman",
    "Chairman", "Mayor", "Chief", "Judge", "Dame", "Lady", "Lord", "Sir", "Rev", "Hon", "PCSO", "Cllr", "Prof",
    "DCFO", "ACFO", "CFO", "Deputy Reeve", "Reeve", "Father", "Aunty", "Uncle", "Cr",
)
# Fire service ranks written as two letters ('GM Jo Hale', 'WM R Lee'). Two letters are as often
# someone's initials ('GM to circulate the paper'), so they read as a rank only before a full name.
SHORT_FIRE_RANKS: tuple[str, ...] = ("AM", "GM", "SM", "WM", "CM")
_SHORT_FIRE = r"(?:" + "|".join(SHORT_FIRE_RANKS) + r")(?=\s+[A-Z][\w'’\-]*\.?\s+[A-Z])"
# Plural titles that apply to every name after them: 'Councillors A, B and C'.
PLURAL_TITLES: dict[str, str] = {
    "councillors": "Councillor", "cllrs": "Cllr", "commissioners": "Commissioner", "directors": "Director",
    "county councillors": "County Councillor", "messrs": "Mr", "aldermen": "Alderman", "drs": "Dr",
    "councilmembers": "Councilmember", "council members": "Council Member", "trustees": "Trustee",
    "supervisors": "Supervisor", "crs": "Cr",
}
TITLE_AT_START_RE = re.compile(
    r"^\s*((?:Acting\s+|Interim\s+)?(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in TITLES)
    + r"|" + _SHORT_FIRE + r"))\.?\s+")
PLURAL_TITLE_AT_START_RE = re.compile(
    r"^\s*(" + "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in PLURAL_TITLES), key=len, reverse=True))
    + r")(?:\s*:)?\s+", re.I)  # 'Councillors: A, B' as well
