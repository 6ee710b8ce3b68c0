"""Generate the annotated training pages for minutes-miner (``training_data/train.jsonl`` and
``training_data/dev.jsonl``) and, with ``--samples DIR``, four sample pages (one per layout).

Deterministic: everything is drawn from ``random.Random(seed)``.  Wording comes from the
hand-written banks in ``minutes_phrasebank.py``; train pages use ~80% of every bank, dev pages the
other ~20% and a disjoint pool of surnames (see ``split_bank``).

Usage: ``.venv/bin/python scripts/make_training_data.py [--seed 7] [--samples samples/]``
"""
from __future__ import annotations

import argparse
import calendar
import json
import re
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import minutes_phrasebank as pb  # noqa: E402
from pipeline.ranks import RANKS, canonical, split_prefix  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LAYOUTS = ("kent", "numbered", "bullets", "prose")
PAGES_PER_LAYOUT = {"train": 192, "dev": 16}

# ------------------------------------------------------------------------------------ dates
MONTHS = list(calendar.month_name)[1:]
NUMS = {1: "one", 2: "two", 3: "three", 4: "four", 6: "six"}


def add_months(d: date, n: int) -> date:
    """``d`` plus ``n`` calendar months (day clamped to the month's length)."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def month_end_on_or_after(meeting: date, month: int) -> date:
    """Last day of the next ``month`` on or after the meeting's month."""
    y = meeting.year if month >= meeting.month else meeting.year + 1
    return date(y, month, calendar.monthrange(y, month)[1])


def ordinal(n: int) -> str:
    """1 -> '1st', 22 -> '22nd'."""
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def f_full(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def f_wd(d: date) -> str:
    return f"{calendar.day_name[d.weekday()]} {f_full(d)}"


def f_dm(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def f_slash(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def f_dots(d: date) -> str:
    return d.strftime("%d.%m.%y")


def f_ord(d: date) -> str:
    return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"


# ------------------------------------------------------------------------------- fragments
@dataclass
class Frag:
    """A piece of text with entity spans (relative offsets), owners and due information."""
    text: str
    ents: list[tuple[int, int, str]] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    due: str | None = None
    due_text: str | None = None
    recurrence: str | None = None

    def __add__(self, other: "Frag") -> "Frag":
        n = len(self.text)
        return Frag(self.text + other.text, self.ents + [(s + n, e + n, l) for s, e, l in other.ents],
                    self.owners + other.owners, self.due or other.due, self.due_text or other.due_text,
                    self.recurrence or other.recurrence)


def F(text: str, label: str | None = None) -> Frag:
    """A fragment whose whole text is one entity (or none)."""
    return Frag(text, [(0, len(text), label)] if label else [])


def markup(text: str) -> Frag:
    """Parse inline ``[text|LABEL]`` markup."""
    out, pos = Frag(""), 0
    for m in re.finditer(r"\[([^\]|]+)\|([A-Z]+)\]", text):
        out = out + F(text[pos:m.start()]) + F(m.group(1), m.group(2))
        pos = m.end()
    return out + F(text[pos:])


# --------------------------------------------------------------------------------- people
# code -> (abbreviation in tables/body, full rank words, substantive rank used 'sparingly' in text)
RANKS: dict[str, tuple[str, str, str | None]] = {
    "CC": ("CC", "Chief Constable", None),
    "DCC": ("DCC", "Deputy Chief Constable", None),
    "A/DCC": ("A/DCC", "Acting Deputy Chief Constable", "ACC"),
    "DCO": ("DCO", "Deputy Chief Officer", None),
    "ACC": ("ACC", "Assistant Chief Constable", None),
    "A/ACC": ("A/ACC", "Acting Assistant Chief Constable", "DCS"),
    "T/ACC": ("T/ACC", "Temporary Assistant Chief Constable", "Ch/Supt"),
    "ACO": ("ACO", "Assistant Chief Officer", None),
    "Ch/Supt": ("Ch/Supt", "Chief Superintendent", None),
    "C/Supt.": ("C/Supt.", "Chief Superintendent", None),
    "T/CS": ("T/CS", "Temporary Chief Superintendent", "Supt."),
    "DCS": ("DCS", "Detective Chief Superintendent", None),
    "T/DCS": ("T/DCS", "Temporary Detective Chief Superintendent", "D/Supt."),
    "Supt.": ("Supt.", "Superintendent", None),
    "T/Supt": ("T/Supt", "Temporary Superintendent", None),
    "D/Supt.": ("D/Supt.", "Detective Superintendent", None),
    "DCI": ("DCI", "Detective Chief Inspector", None),
    "Insp.": ("Insp.", "Inspector", None),
    "PSE": ("PSE", "", None),
}
ROLE_REF_PREFIXES = ("Head of", "Director of", "Force Vetting Manager", "Staff Officer to")
ROLE_REFS = {"Chief Finance Officer": ["the CFO", "the Chief Finance Officer"],
             "Chief of Staff": ["the Chief of Staff"], "Head of Legal Services": ["the Head of Legal Services"]}
DIRECTORATES = ["Local Policing Directorate", "Crime Operations Directorate", "Serious Crime Directorate",
                "Central Operations Directorate", "Specialist Operations", "Protective Services"]
STAFF_ROLES = ["Head of Legal Services", "Head of Estates", "Head of Corporate Communications",
               "Director of Digital Services", "Head of Procurement", "Head of Information Management",
               "Force Vetting Manager", "Head of Fleet"]
OFFICER_ROLES = ["Head of Tactical Operations", "Head of Public Protection", "Head of Crime",
                 "Head of Partnerships Command", "Head of Professional Standards", "Head of Custody",
                 "Head of Contact Management", "District Commander"]


@dataclass
class Person:
    code: str
    first: str
    last: str
    gender: str
    role: str
    is_chair: bool = False
    flags: str = ""            # ' (MT)', ' (Item 4)' ...
    minutes: bool = False
    title: str = "Mr"          # for staff

    @property
    def abbr(self) -> str:
        return RANKS[self.code][0]

    @property
    def words(self) -> str:
        return RANKS[self.code][1]

    def table_rank(self, layout: str) -> str:
        """The rank as the attendance list of ``layout`` writes it."""
        if self.code == "PSE":
            return "PSE" if layout in ("kent",) else self.title
        if layout == "numbered" and self.code in ("CC", "DCC", "ACC", "Supt.", "DCI", "A/ACC", "T/ACC"):
            return self.words
        if layout == "prose" and self.code == "CC":
            return "Chief Constable"
        return self.abbr


def gold_rank(written: str) -> str:
    """The rank an attendance row records: full words as their abbreviation ('Acting Assistant Chief
    Constable' -> 'A/ACC', 'Superintendent' -> 'Supt.'), abbreviations as written."""
    prefix, core = split_prefix(written)
    is_abbreviation = core.rstrip(".") in {k.rstrip(".") for k in RANKS}
    return prefix + canonical(core) if canonical(core) and not is_abbreviation else written


def build_roster(rng: random.Random, surnames: list[str]) -> list[Person]:
    """A meeting's attendees (8-18) with a chair and a minute taker."""
    n = rng.randint(8, 18)
    names = rng.sample(surnames, n)
    firsts = rng.sample(pb.FIRST_NAMES, n)
    people: list[Person] = []

    def add(code: str, role: str) -> Person:
        first, g = firsts[len(people)]
        p = Person(code, first, names[len(people)], g, role,
                   title="Mr" if g == "m" else rng.choice(["Ms", "Ms", "Mrs"]))
        people.append(p)
        return p

    chair_cc = rng.random() < 0.85
    cc = add("CC", "Chief Constable") if chair_cc or rng.random() < 0.5 else None
    dcc = add(rng.choice(["DCC", "DCC", "A/DCC"]), "Deputy Chief Constable")
    (cc if chair_cc and cc else dcc).is_chair = True
    add("PSE", "Chief Finance Officer")
    add(rng.choice(["ACC", "ACC", "A/ACC", "T/ACC"]), rng.choice(DIRECTORATES))
    add("PSE", "Executive Assistant").minutes = True
    pool = ["ACC", "A/ACC", "T/ACC", "ACO", "ACO", "DCO", "Ch/Supt", "C/Supt.", "T/CS", "DCS", "T/DCS", "Supt.",
            "T/Supt", "D/Supt.", "DCI", "Insp.", "PSE", "PSE", "PSE"]
    extra_roles = ["Chief of Staff"] + rng.sample(STAFF_ROLES, 4)
    while len(people) < n:
        code = rng.choice(pool)
        if code == "DCO" and any(p.code == "DCO" for p in people):
            continue
        if code == "PSE":
            role = extra_roles.pop(0) if extra_roles else rng.choice(STAFF_ROLES)
        elif code in ("ACC", "A/ACC", "T/ACC"):
            role = rng.choice(DIRECTORATES)
        elif code == "ACO":
            role = rng.choice(["Director of People", "Director of Support Services", "Director of Finance",
                               "Director of Corporate Communications"])
        elif code == "DCO":
            role = "Deputy Chief Officer"
        elif code in ("DCI", "Insp."):
            role = rng.choice(["Staff Officer to the DCC", "Staff Officer to the Chief Constable", "Strategic Planning"])
        else:
            role = rng.choice(OFFICER_ROLES)
        p = add(code, role)
        if code not in ("CC", "DCC", "A/DCC") and rng.random() < 0.2:
            p.flags = rng.choice([" (MT)", f" (Item {rng.randint(2, 7)})", " (Observer)"])
    mt = [p for p in people if p.minutes][0]
    people.remove(mt)
    people.append(mt)
    return people


# ------------------------------------------------------------------------------ rendering
@dataclass
class Ctx:
    """What the sentence renderer needs to know about the page being written."""
    rng: random.Random
    split: str
    people: list[Person]
    meeting: date
    next_meeting: date
    layout: str
    focus: str | None = None   # the current item's topic (most sentences talk about it)
    hidden_roles: set[str] = field(default_factory=set)  # surnames whose post the page does not show

    def role_shown(self, p: Person) -> bool:
        """A post can name its holder only where the page says who holds it (never a guess)."""
        return p.last not in self.hidden_roles

    @property
    def chair(self) -> Person:
        return [p for p in self.people if p.is_chair][0]

    def bank(self, bank: list) -> list:
        return pb.split_bank(bank, self.split)


def mention(ctx: Ctx, p: Person, allow_refs: bool = True) -> Frag:
    """One way of naming attendee ``p`` in a sentence; its owner value is the surname."""
    rng = ctx.rng
    r = rng.random()
    if allow_refs and r < 0.3:
        if p.is_chair and rng.random() < 0.6:
            return Frag("the Chair", owners=[p.last])
        if p.code == "CC":
            w = rng.choice(["Chief Constable", "chief constable"])
            return F("the ") + F(w, "RANK") + Frag("", owners=[p.last])
        if p.code in ("DCC", "A/DCC") and rng.random() < 0.7:
            w = rng.choice(["DCC", "Deputy Chief Constable"])
            return F("the ") + F(w, "RANK") + Frag("", owners=[p.last])
        if p.role in ROLE_REFS and ctx.role_shown(p):
            ref = rng.choice(ROLE_REFS[p.role])
            return F("the ") + F(ref[4:], "ROLE") + Frag("", owners=[p.last])
        if (p.role.startswith(ROLE_REF_PREFIXES) and sum(q.role == p.role for q in ctx.people) == 1
                and ctx.role_shown(p) and rng.random() < 0.5):
            return F("the ") + F(p.role, "ROLE") + Frag("", owners=[p.last])
    if p.code == "PSE":
        rank = rng.choice([p.title + ".", p.title + ".", "PSE"])
    else:
        alt = RANKS[p.code][2]
        if alt and rng.random() < 0.04:
            rank = alt
        elif p.words and rng.random() < 0.2:
            rank = p.words.replace("Temporary ", rng.choice(["Temporary ", "T/"])) if p.code.startswith("T/") else p.words
        else:
            rank = p.abbr
    name = f"{p.first} {p.last}" if rng.random() < 0.1 else p.last
    return F(rank, "RANK") + F(" ") + F(name, "PERSON") + Frag("", owners=[p.last])


def pick_people(ctx: Ctx, k: int, exclude: list[Person] = ()) -> list[Person]:
    """``k`` distinct attendees (not the minute taker, not in ``exclude``)."""
    pool = [p for p in ctx.people if not p.minutes and p not in exclude]
    return ctx.rng.sample(pool, k)


def owner_frag(ctx: Ctx, two: bool, exclude: list[Person]) -> tuple[Frag, list[Person]]:
    """An owner mention: a person, two people, or (sometimes) a collective."""
    rng = ctx.rng
    if rng.random() < 0.08:
        text, label, value = rng.choice(pb.COLLECTIVES)
        if text.startswith("the "):
            f = F("the ") + F(text[4:], label)
        else:
            f = F(text, label)
        f.owners = [value]
        return f, []
    ps = pick_people(ctx, 2 if two else 1, exclude)
    f = mention(ctx, ps[0])
    if two:
        f = f + F(rng.choice([" and ", " and ", " & "])) + mention(ctx, ps[1])
    return f, ps


def role_owner_frag(ctx: Ctx, exclude: list[Person]) -> tuple[Frag, list[Person]]:
    """An owner named by their post ('the Head of Estates', 'the CFO', 'the Director of People'),
    resolved to the one attendee who holds it; a plain owner mention when no post is unique."""
    rng = ctx.rng
    cands = [p for p in ctx.people if not p.minutes and p not in exclude and not p.is_chair and ctx.role_shown(p)
             and (p.role in ROLE_REFS or p.role.startswith(ROLE_REF_PREFIXES))
             and sum(q.role == p.role for q in ctx.people) == 1]
    if not cands:
        return owner_frag(ctx, False, exclude)
    p = rng.choice(cands)
    ref = rng.choice(ROLE_REFS[p.role])[4:] if p.role in ROLE_REFS and rng.random() < 0.6 else p.role
    return F("the ") + F(ref, "ROLE") + Frag("", owners=[p.last]), [p]


def maker_frag(ctx: Ctx) -> tuple[Frag, list[Person]]:
    """Who makes a decision: the Chair, a chief officer, or chief officers collectively."""
    rng = ctx.rng
    r = rng.random()
    if r < 0.35:
        w = rng.choice(["Chief officers", "Chief Officers", "chief officers"])
        return Frag(w, owners=[w]), []
    if r < 0.42:  # other bodies decide too; 'the board' is kept as the owner, the looser ones are not
        w = rng.choice(["the board", "the Board", "Members", "the committee", "the group", "the team",
                        "the executive", "the panel", "the working group", "the project board"])
        return Frag(w, owners=[w] if w.lower() == "the board" else []), []
    if r < 0.65:
        return mention(ctx, ctx.chair), [ctx.chair]
    seniors = [p for p in ctx.people if p.code in ("CC", "DCC", "A/DCC", "ACC", "A/ACC", "T/ACC", "DCO", "ACO")
               and not p.minutes]
    p = rng.choice(seniors)
    return mention(ctx, p), [p]


def deadline(ctx: Ctx) -> Frag:
    """A deadline phrase (with a leading space) and its gold due date."""
    rng, M, N = ctx.rng, ctx.meeting, ctx.next_meeting
    d = M + timedelta(days=rng.randint(7, 150))
    kind = rng.choice(["full", "prior", "slash", "dots", "ord", "wd", "dm_on", "dm_by", "eom", "eom",
                       "in_month", "weeks", "weeks", "months", "next", "next", "cob"])
    if kind in ("dm_on", "dm_by") and d.month == 2 and d.day == 29:
        d = d + timedelta(days=1)
    def mk(pre: str, dt: str, post: str, iso: date, lead: str = "") -> Frag:
        f = F(" " + lead) + F(pre) + F(dt, "DATE" if dt else None) + F(post)
        f.due, f.due_text = iso.isoformat(), pre + dt + post
        return f
    if kind == "full":
        return mk(rng.choice(["by ", "by ", "before "]), f_full(d), "", d)
    if kind == "prior":
        return mk(rng.choice(["prior to the ", "prior to "]), f_full(d), "", d)
    if kind == "slash":
        return mk(rng.choice(["no later than ", "by "]), f_slash(d), "", d)
    if kind == "dots":
        return mk("by ", f_dots(d), "", d)
    if kind == "ord":
        return mk(rng.choice(["by the ", "by "]), f_ord(d), "", d)
    if kind == "wd":
        return mk(rng.choice(["by ", "before "]), f_wd(d), "", d)
    if kind == "dm_on":
        f = mk("on ", f_dm(d), "", d, lead=rng.choice(["at the strategic board ", "at the chief officer meeting ",
                                                         "at the performance board "]))
        return f
    if kind == "dm_by":
        return mk("by ", f_dm(d), "", d)
    if kind in ("eom", "in_month"):
        m = (M.month - 1 + rng.randint(0, 5)) % 12 + 1
        iso = month_end_on_or_after(M, m)
        if kind == "eom":
            pre = rng.choice(["by the end of ", "before the end of "])
            f = F(" " + pre[:-11]) + F("the end of " + MONTHS[m - 1], "DATE")
            f.due, f.due_text = iso.isoformat(), pre + MONTHS[m - 1]
            return f
        lead = rng.choice(["and report back to the board ", "and report back ", ""])
        f = F(" " + lead) + F("in ") + F(MONTHS[m - 1], "DATE")
        f.due, f.due_text = iso.isoformat(), "in " + MONTHS[m - 1]
        return f
    if kind == "weeks":
        n, unit, days = rng.choice([(1, "week", 7), (2, "weeks", 14), (2, "weeks", 14), (4, "weeks", 28),
                                    (6, "weeks", 42), (14, "days", 14), (28, "days", 28)])
        word = str(n) if unit == "days" else NUMS[n]
        return mk("within ", f"{word} {unit}", "", M + timedelta(days=days))
    if kind == "months":
        n = rng.choice([1, 2, 3, 3, 6])
        unit = "month" if n == 1 else "months"
        pre = rng.choice(["in ", "within "])
        post = rng.choice(["", "' time"]) if pre == "in " and n > 1 else ""
        return mk(pre, f"{NUMS[n]} {unit}", post, add_months(M, n))
    if kind == "next":
        return mk(rng.choice(["at the next meeting", "at the next meeting", "before the next meeting",
                              "in time for the next meeting", "to the next board meeting"]), "", "", N)
    return mk("by close of business on ", f_full(d), "", d)


def recurrence(ctx: Ctx) -> Frag:
    """A recurrence phrase (leading space): no due date, a recurrence instead."""
    pre, word, post, rec = ctx.rng.choice([
        ("", "quarterly", "", "quarterly"), ("on a ", "quarterly", " basis", "quarterly"),
        ("", "every quarter", "", "quarterly"), ("", "monthly", "", "monthly"),
        ("on a ", "monthly", " basis", "monthly"), ("", "every month", "", "monthly"),
        ("", "every six months", "", "six-monthly"), ("", "twice a year", "", "six-monthly"),
        ("", "annually", "", "annually"), ("on an ", "annual", " basis", "annually")])
    f = F(" " + pre) + F(word, "DATE") + F(post)
    f.recurrence = rec
    return f


def nondeadline(ctx: Ctx, past: bool) -> Frag:
    """A date that is not a deadline: before the meeting (past) or after it."""
    rng, M = ctx.rng, ctx.meeting
    d = M - timedelta(days=rng.randint(5, 150)) if past else M + timedelta(days=rng.randint(10, 300))
    if d.month == 2 and d.day == 29:
        d += timedelta(days=1)
    txt = rng.choice([f_full(d), f_full(d), f_dm(d), f_slash(d)])
    return F(txt, "DATE")


def fill(template: str, ctx: Ctx, label: str) -> Frag:
    """Render one template into a sentence fragment, resolving owners by the slot rules."""
    rng = ctx.rng
    tpl_ents = re.split(r"(\{[A-Za-z0-9_?!]+\})", template)
    used: list[Person] = []
    owner_slots = [s for s in ("{owner}", "{owners}", "{roleowner}") if s in template]
    out = Frag("")
    maker_owners: list[str] = []
    topics = rng.sample(ctx.bank(pb.TOPICS), 2)
    if ctx.focus and rng.random() < 0.75:
        topics = [ctx.focus, topics[1] if topics[1] != ctx.focus else topics[0]]
    for part in tpl_ents:
        if not part:
            continue
        if not (part.startswith("{") and part.endswith("}")):
            out = out + markup(part)
            continue
        slot = part[1:-1]
        if slot in ("owner", "owners"):
            f, ps = owner_frag(ctx, slot == "owners" and rng.random() < 0.35, used)
            used += ps
        elif slot == "roleowner":
            f, ps = role_owner_frag(ctx, used)
            used += ps
        elif slot == "fy":
            y = ctx.meeting.year + rng.choice([0, 0, 1, 1, -1]) + (0 if ctx.meeting.month >= 4 else -1)
            f = F(rng.choice([f"{y}/{(y + 1) % 100:02d}", f"{y}/{y + 1}", f"{y}-{(y + 1) % 100:02d}"]), "DATE")
        elif slot == "maker":
            f, ps = maker_frag(ctx)
            used += ps
            maker_owners, f = f.owners, Frag(f.text, f.ents)
        elif slot == "chair":
            f = Frag("the Chair")
            used.append(ctx.chair)
            maker_owners = [ctx.chair.last]
        elif slot == "asker":
            choices = [ctx.chair] + [p for p in ctx.people if p.code in ("CC", "DCC", "A/DCC") and p not in used]
            if rng.random() < 0.25:
                f = Frag(rng.choice(["Chief officers", "Chief Officers"]))
            else:
                p = rng.choice([c for c in choices if c not in used] or [ctx.chair])
                used.append(p)
                f = mention(ctx, p)
            f = Frag(f.text, f.ents)
        elif slot in ("other", "speaker"):
            p = pick_people(ctx, 1, used)[0]
            used.append(p)
            f = mention(ctx, p)
            f = Frag(f.text, f.ents)
        elif slot == "speakers":
            k = 2 if rng.random() < 0.4 else 1
            ps = pick_people(ctx, k, used)
            used += ps
            f = mention(ctx, ps[0])
            if k == 2:
                f = f + F(rng.choice([" and ", " & "])) + mention(ctx, ps[1])
            f = Frag(f.text, f.ents)
        elif slot in ("topic", "topic2"):
            f = markup(topics[0 if slot == "topic" else 1])
        elif slot == "doc":
            f = F(rng.choice(pb.DOCS))
        elif slot == "org":
            org = rng.choice(pb.ORGS)
            if org in NO_THE and out.text.endswith("the "):
                out = Frag(out.text[:-4], out.ents, out.owners, out.due, out.due_text, out.recurrence)
            f = F(org, "ORG")
        elif slot == "role":
            f = F(rng.choice(pb.ROLES), "ROLE")
        elif slot == "money":
            f = F(rng.choice(["250,000", "75,000", "480,000", "1.2 million", "90,000", "2 million"]))
        elif slot == "num":
            f = F(str(rng.choice([rng.randint(12, 99), rng.randint(100, 480)])))
        elif slot == "pct":
            f = F(str(rng.randint(4, 35)))
        elif slot == "time":
            f = F(f"{rng.randint(11, 16)}:{rng.choice(['05', '15', '30', '40', '50'])}")
        elif slot in ("task", "task_ing"):
            t = rng.choice(ctx.bank(pb.TASKS))
            if slot == "task_ing":
                verb, _, rest = t.partition(" ")
                t = gerund(verb) + " " + rest
            f = fill_inner(t, ctx, used)
        elif slot == "due?":
            r = rng.random()
            f = deadline(ctx) if r < 0.62 else recurrence(ctx) if r < 0.72 else Frag("")
        elif slot == "due":
            f = deadline(ctx) if rng.random() < 0.85 else recurrence(ctx)
        elif slot == "deadline":
            f = deadline(ctx)
        elif slot == "recur":
            f = recurrence(ctx)
        elif slot == "dueL":
            f = deadline(ctx)
            while f.text.startswith(" at ") or f.text.startswith(" and ") or f.text.startswith(" to "):
                f = deadline(ctx)
            f = Frag(f.text[1:], [(s - 1, e - 1, l) for s, e, l in f.ents], [], f.due, f.due_text, None)
        elif slot == "pdate":
            f = nondeadline(ctx, True)
        elif slot == "fdate":
            f = nondeadline(ctx, False)
        else:
            raise KeyError(slot)
        out = out + f
    if label == "decision" and not owner_slots:
        out.owners = maker_owners
    if label == "note":
        out.owners, out.due, out.due_text, out.recurrence = [], None, None, None
    if label == "action" and not owner_slots:
        out.owners = []
    if out.text and out.text[0].islower():
        out.text = out.text[0].upper() + out.text[1:]
    return out


def fill_inner(t: str, ctx: Ctx, used: list[Person]) -> Frag:
    """Render a task phrase (topics, orgs, roles, docs only)."""
    sub = Ctx(ctx.rng, ctx.split, ctx.people, ctx.meeting, ctx.next_meeting, ctx.layout, ctx.focus)
    f = fill(t, sub, "note")
    f.text = t[0] + f.text[1:] if t else f.text    # keep lower-case start
    return f


NO_THE = {"NHS England", "Tactical Operations"}
_DOUBLE = {"set", "run", "map", "submit", "refer", "plan", "get"}


def gerund(verb: str) -> str:
    """'review' -> 'reviewing', 'set' -> 'setting', 'circulate' -> 'circulating'."""
    if verb in _DOUBLE:
        return verb + verb[-1] + "ing"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    return verb + "ing"


FRONT_P = 0.12  # the same for every label, from the same phrases: an opener must not hint at the label
FRONT_BANKS = ("FRONTED_COMMON", "FRONTED_DECISION", "FRONTED_ACTION", "FRONTED_NOTE")


# Templates that open with their own clause; a second fronted phrase would stack two openers.
OPENS_WITH_CLAUSE = ("That ", "In ", "After ", "Following ", "On ", "By ", "According ", "Subject ", "Because ",
                     "Given ", "Rather ", "At ", "As ", "With ", "So ", "Recognising ", "Although ", "While ",
                     "Once ", "Until ", "Having ", "Despite ", "Before ", "When ", "If ", "Unless ", "Since ",
                     "Using ", "Under ", "Owing ", "Due ", "Whether ", "Now ", "Last ", "Drawing ", "Accepting ")


def front(ctx: Ctx, template: str, f: Frag, label: str) -> Frag:
    """Now and then put a fronted phrase ('Following discussion, ', 'Subject to legal advice, ') in
    front of a rendered sentence, lower-casing its first word where that is an ordinary word."""
    rng = ctx.rng
    if rng.random() >= FRONT_P:
        return f
    if template.startswith("{dueL}") or "," in template.split("{", 1)[0] or "}:" in template or "} –" in template:
        return f
    if template.startswith(OPENS_WITH_CLAUSE):
        return f
    if label == "note" and ("{topic}" not in template or template.startswith("{chair}")):
        return f        # procedure, welcomes and thanks read oddly after a fronted phrase
    first, text = f.text.split(" ", 1)[0], f.text
    # a name, rank or other entity that leads the sentence is kept as written
    acronym = first.isupper() and len(first) > 1
    if first[:1].isupper() and not acronym and not any(s == 0 for s, _, _ in f.ents):
        if first != "Chief" or text.startswith("Chief officers"):
            text = first.lower() + text[len(first):]
    bank = [phrase for name in FRONT_BANKS for phrase in ctx.bank(getattr(pb, name))]
    pre = fill(rng.choice(bank), ctx, "note")
    out = Frag(pre.text, pre.ents) + Frag(text, f.ents, f.owners, f.due, f.due_text, f.recurrence)
    return out


TAIL_P = 0.18  # the same for every label: a tail must not hint at the label


def tail(ctx: Ctx, f: Frag) -> Frag:
    """Now and then end a sentence with a label-neutral clause (``pb.TAILS``) before its full stop."""
    if not f.text.endswith(".") or ctx.rng.random() >= TAIL_P:
        return f
    end = markup(ctx.rng.choice(ctx.bank(pb.TAILS)))
    body = Frag(f.text[:-1], f.ents, f.owners, f.due, f.due_text, f.recurrence)
    return body + end + F(".")


@dataclass
class Sent:
    frag: Frag
    label: str
    alt: str | None = None


def make(ctx: Ctx, kind: str) -> Sent:
    """Draw a sentence of ``kind``: note, decision, action, alt (note, alt decision), minutes,
    deferral, resolution, apology."""
    rng = ctx.rng
    if kind == "note":
        t, alt = rng.choice(ctx.bank(pb.NOTES))
        return Sent(tail(ctx, front(ctx, t, fill(t, ctx, "note"), "note")), "note", alt)
    if kind == "decision":
        t, alt = rng.choice(ctx.bank(pb.DECISIONS))
        return Sent(tail(ctx, front(ctx, t, fill(t, ctx, "decision"), "decision")), "decision", alt)
    if kind == "action":
        t, alt = rng.choice(ctx.bank(pb.ACTIONS))
        return Sent(tail(ctx, front(ctx, t, fill(t, ctx, "action"), "action")), "action", alt)
    if kind in ("minutes", "deferral"):
        idx = pb.MINUTES_APPROVED_IDX if kind == "minutes" else pb.DEFERRAL_IDX
        t = rng.choice(ctx.bank([t for i, t in enumerate(pb.NOTES_ALT_DECISION) if i in idx]))
        return Sent(fill(t, ctx, "note"), "note", "decision")
    if kind == "resolution":
        t, label, alt = rng.choice(ctx.bank(pb.RESOLUTIONS))
        return Sent(fill(t, ctx, label), label, alt)
    if kind == "verdict":
        return Sent(fill(rng.choice(ctx.bank(pb.VERDICTS)), ctx, "decision"), "decision")
    if kind == "request":
        t = rng.choice(ctx.bank(pb.APPROVAL_REQUESTS))
        return Sent(fill(t, ctx, "note"), "note")
    if kind == "apology":
        return Sent(fill(rng.choice(ctx.bank(pb.APOLOGY_NOTES)), ctx, "note"), "note")
    raise KeyError(kind)


def pair(ctx: Ctx) -> tuple[Sent, Sent]:
    """A minimal pair from ``CONTRAST_PAIRS``: a note and the action/decision that shares its words."""
    note_t, other_t, label, alt = ctx.rng.choice(ctx.bank(pb.CONTRAST_PAIRS))
    return Sent(fill(note_t, ctx, "note"), "note"), Sent(fill(other_t, ctx, label), label, alt)


PAIR_PREFIX = {"numbered": {"action": ["ACTION:", "Action:"], "decision": ["DECISION:"]},
               "bullets": {"action": ["Action:"], "decision": ["Decision:"]}}


# -------------------------------------------------------------------------------- page writer
ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Insp|Supt|C/Supt|D/Supt|Dr)\.|re:)$")


def segment(line: str) -> list[str]:
    """The project's sentence rule: split on . ! ? + whitespace + capital/digit, except after
    known rank abbreviations."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](\s+)(?=[A-Z0-9£])", line):
        if ABBREV_END.search(line[start:m.start() + 1]):
            continue
        out.append(line[start:m.start() + 1])
        start = m.end()
    out.append(line[start:])
    return [s for s in out if s.strip()]


class Page:
    """Accumulates a page's text, entities, sentence records and action updates."""

    def __init__(self) -> None:
        self.text = ""
        self.ents: list[list] = []
        self.sents: list[dict] = []
        self.updates: list[dict] = []
        self.heading = ""
        self.saved_heading = ""
        self.item = ""
        self.new_action: str | None = None

    def line(self, s: str) -> None:
        """A non-sentence line (header, attendance, heading, status line)."""
        self.text += ("\n" if self.text else "") + s

    def set_item(self, s: str) -> None:
        self.line(s)
        self.item, self.heading, self.new_action = s, "", None

    def set_heading(self, s: str, new_action: str | None = None) -> None:
        self.line(s)
        if new_action:
            self.saved_heading = self.heading
            self.new_action = new_action
        self.heading = s

    def status(self, s: str, action_id: str, status: str, due: date | None) -> None:
        self.line(s)
        self.updates.append({"action_id": action_id, "status": status, "due": due.isoformat() if due else None})

    def para(self, sents: list[Sent], lead: str = "", prefix: str = "", action_id: str | None = None) -> None:
        """One line of body text: optional bullet ``lead``, optional inline ``prefix`` (its
        context), then the sentences joined by single spaces."""
        base = len(self.text) + (1 if self.text else 0)
        body = " ".join(s.frag.text for s in sents)
        pre = lead + (prefix + " " if prefix else "")
        line = pre + body
        got = segment(body)
        want = [s.frag.text for s in sents]
        assert got == want, (got, want)
        self.line(line)
        pos = base + len(pre)
        ctx_heading = prefix or self.heading
        aid = action_id or self.new_action
        for s in sents:
            f = s.frag
            self.sents.append({
                "start": pos, "end": pos + len(f.text), "label": s.label, "alt_label": s.alt,
                "context": ctx_heading, "item": self.item,
                "owner": list(f.owners) if s.label != "note" else [],
                "due": f.due if s.label != "note" else None,
                "due_text": f.due_text if s.label != "note" else None,
                "recurrence": f.recurrence if s.label != "note" else None,
                "action_id": aid if s.label == "action" else None,
            })
            self.ents += [[pos + a, pos + b, lab] for a, b, lab in f.ents]
            pos += len(f.text) + 1
        if self.new_action:
            self.heading, self.new_action = self.saved_heading, None


# ------------------------------------------------------------------------------ page parts
def status_lines(ctx: Ctx, pg: Page, ids: list[str], style: str, lead: str = "") -> None:
    """Status lines for earlier actions."""
    rng, M, N = ctx.rng, ctx.meeting, ctx.next_meeting
    dash = rng.choice([" - ", " – "])
    for aid in ids:
        r = rng.random()
        end = "." if style == "numbered" or rng.random() < 0.3 else ""
        if r < 0.3:
            pg.status(f"{lead}Action {aid}{dash}discharged{end}", aid, "discharged", None)
        elif r < 0.45:
            d = M + timedelta(days=rng.randint(14, 120))
            pg.status(f"{lead}Action {aid}{dash}carried forward to {f_full(d)}.", aid, "carried_forward", d)
        elif r < 0.55:
            pg.status(f"{lead}Action {aid}{dash}carried forward to the next meeting{end}", aid, "carried_forward", N)
        elif r < 0.62:
            pg.status(f"{lead}Action {aid}{dash}carried forward for a further update in three months{end}", aid,
                      "carried_forward", add_months(M, 3))
        elif r < 0.8:
            w = rng.choice(["complete", "closed", "completed"])
            pg.status(f"{lead}Action {aid}{dash}{w}{end}", aid, "closed", None)
        elif r < 0.9:
            pg.status(f"{lead}Action {aid}{dash}ongoing{end}", aid, "ongoing", None)
        else:
            pg.status(f"{lead}Action {aid}{dash}{rng.choice(['open', 'remains open'])}{end}", aid, "open", None)


def earlier_ids(ctx: Ctx, style: str) -> tuple[list[str], int]:
    """Ids of earlier actions for the status lines, and the next free action number."""
    rng = ctx.rng
    yy = ctx.meeting.year % 100
    if style == "numbered":
        start = rng.randint(300, 700)
        ids = sorted(rng.sample(range(start - 30, start), rng.randint(2, 5)))
        return [str(i) for i in ids], start
    start = rng.randint(6, 40)
    ids = sorted(rng.sample(range(1, start), min(start - 1, rng.randint(2, 5))))
    return [f"{i}/{yy}" for i in ids], start


def title_of(topic: str) -> str:
    t = re.sub(r"\[([^\]|]+)\|[A-Z]+\]", r"\1", topic)
    return t[0].upper() + t[1:]


def mix(ctx: Ctx, n_notes: tuple[int, int]) -> list[str]:
    """Kinds of the note sentences opening an item."""
    return ["note"] * ctx.rng.randint(*n_notes)


# --------------------------------------------------------------------------------- layouts
def follow_on_notes(ctx: Ctx, pg: Page) -> None:
    """Kent pages: after a 'Decisions:' block the page often goes straight on, with no item heading,
    to the presentation of the next topic, so note paragraphs sit 2+ paragraphs below the heading
    (which, by the layout rules, still applies to them)."""
    rng = ctx.rng
    if rng.random() >= 0.55:
        return
    if rng.random() < 0.6:
        ctx.focus = rng.choice(ctx.bank(pb.TOPICS))
    for _ in range(rng.randint(1, 2)):
        pg.para([make(ctx, "note") for _ in range(rng.choice([1, 1, 2]))])
    if rng.random() < 0.3:
        pg.para([make(ctx, rng.choice(["decision", "action"]))])


def kent_page(ctx: Ctx) -> Page:
    rng, pg = ctx.rng, Page()
    if rng.random() < 0.5:
        for s in rng.sample(pb.BOILERPLATE_TOP, rng.randint(2, 5)):
            pg.line(s)
    pg.line("Title: " + rng.choice(["Chief Officer Management Board - Strategic",
                                     "Chief Officers' Management Board - Operational",
                                     "Chief Officer Group - Strategic"]))
    pg.line(f"Date: {f_wd(ctx.meeting)}")
    pg.line("Venue: " + rng.choice(pb.VENUES))
    pipes = rng.random() < 0.8
    pg.line("Name | Role |" if pipes else "Name | Role")
    pg.line("---|---|" if pipes else "---|---")
    invited = rng.random() < 0.25
    cut = len(ctx.people) - rng.randint(1, 3) if invited else len(ctx.people)
    for i, p in enumerate(ctx.people):
        if invited and i == cut:
            pg.line("By invitation")
        flags = (" (Chair)" if p.is_chair else "") + p.flags + (" (Minutes)" if p.minutes else "")
        who = f"{p.table_rank('kent')} {p.first} {p.last}{flags}"
        if rng.random() < 0.08:
            pg.line(f"{who} |")
            pg.line(f"{p.role} |")
        else:
            pg.line(f"{who} | {p.role} |" if pipes else f"{who} | {p.role}")
    pg.line("Apologies")
    # opening: minutes approved, maybe with a welcome note
    ids, nxt = earlier_ids(ctx, "kent")
    first = [make(ctx, "minutes")]
    if rng.random() < 0.5:
        first.insert(0, make(ctx, "note"))
    pg.para(first)
    if rng.random() < 0.1:
        pg.line("There were no actions due")
    else:
        status_lines(ctx, pg, ids, "kent")
    yy = ctx.meeting.year % 100
    use_items = rng.random() < 0.45
    n_item = rng.randint(2, 5)
    for b in range(rng.randint(4, 6)):
        topic = ctx.focus = rng.choice(ctx.bank(pb.TOPICS))
        if use_items:
            pg.set_item(f"{n_item + b}{rng.choice(['', '', 'a'])}. {title_of(topic)}")
        opening = [make(ctx, k) for k in mix(ctx, (1, 2))]
        if rng.random() < 0.12:     # a decision or action with no heading at all, inside the opening
            opening.append(make(ctx, rng.choice(["decision", "decision", "action"])))
        pg.para(opening)
        if rng.random() < 0.1:
            pg.para([make(ctx, "note")])
        modes = ["dec", "newact", "acts", "defer", "inline", "none", "dec", "newact", "dec2", "bare", "pair"]
        for mode in rng.sample(modes, rng.choice([1, 2, 2, 3])):
            if mode in ("dec", "dec2") and rng.random() < 0.4:
                pg.para([make(ctx, "request")] + ([make(ctx, "note")] if rng.random() < 0.15 else []))
            if mode == "dec":
                pg.set_heading(rng.choice(["Decision:", "Decisions:", "Decision", "Decisions:"]))
                for _ in range(rng.randint(1, 3)):
                    kind = "action" if rng.random() < 0.3 else "decision"
                    pg.para([make(ctx, kind)] + ([make(ctx, "note")] if rng.random() < 0.1 else []))
                follow_on_notes(ctx, pg)
            elif mode == "dec2":
                pg.set_heading(rng.choice(["Decisions:", "Decision:"]))
                pg.para([make(ctx, "decision"), make(ctx, "decision")])
                follow_on_notes(ctx, pg)
            elif mode == "bare":       # decisions (or an action) as plain paragraphs, no heading line
                for _ in range(rng.randint(1, 2)):
                    pg.para([make(ctx, "decision" if rng.random() < 0.75 else "action")])
            elif mode == "pair":          # a note and its look-alike action/decision, same or next paragraph
                a, b2 = pair(ctx)
                if rng.random() < 0.5:
                    pg.para([a, b2])
                else:
                    pg.para([a])
                    if b2.label == "decision" and rng.random() < 0.6:
                        pg.set_heading(rng.choice(["Decision:", "Decisions:"]))
                    elif b2.label == "action" and rng.random() < 0.4:
                        pg.set_heading("Actions:")
                    pg.para([b2])
            elif mode == "newact":
                aid = f"{nxt}/{yy}"
                nxt += 1
                pg.set_heading(rng.choice([f"New action: {aid}", f"New action {aid}:", f"New action: {aid}"]),
                               new_action=aid)
                pg.para([make(ctx, "action")])
            elif mode == "acts":
                pg.set_heading("Actions:")
                for _ in range(rng.randint(1, 2)):
                    pg.para([make(ctx, "action")])
            elif mode == "defer":
                pg.set_heading(rng.choice(["Decision", "Decision:"]))
                pg.para([make(ctx, "deferral")])
            elif mode == "inline":
                kinds = ["note", rng.choice(["decision", "action"])]
                rng.shuffle(kinds)
                pg.para([make(ctx, k) for k in kinds])
            else:
                pg.para([Sent(fill(rng.choice(ctx.bank(pb.NO_ACTION_NOTES)), ctx, "note"), "note")])
    end = f_wd(ctx.next_meeting) + "."
    if rng.random() < 0.15:
        end += rng.choice(pb.BOILERPLATE_END)
    pg.line(end)
    return pg


def numbered_page(ctx: Ctx) -> Page:
    rng, pg = ctx.rng, Page()
    pg.line(rng.choice(["CHIEF OFFICER GROUP", "FORCE EXECUTIVE BOARD", "CHIEF OFFICER TEAM"]))
    pg.line(f"Minutes of the meeting held on {f_wd(ctx.meeting)} at {rng.choice(['09:30', '10:00', '14:00'])}, "
            f"{rng.choice(['Conference Room 2', 'The Boardroom', 'Meeting Room 4'])}, Force Headquarters")
    pg.line("Present:")
    split_at = len(ctx.people) - rng.randint(2, 4)
    for i, p in enumerate(ctx.people):
        if i == split_at:
            pg.line("In attendance:")
        role = "" if p.role in (p.words, "Chief Constable", "Deputy Chief Constable") or rng.random() < 0.15 \
            else f", {p.role}"
        if not role:
            ctx.hidden_roles.add(p.last)
        flags = " (Chair)" if p.is_chair else " (Minutes)" if p.minutes else ""
        pg.line(f"{p.table_rank('numbered')} {p.first} {p.last}{role}{flags}")
    absent = rng.choice(pb.SURNAMES_DEV if ctx.split == "dev" else pb.SURNAMES_TRAIN)
    while any(p.last == absent for p in ctx.people):
        absent = rng.choice(pb.SURNAMES_DEV if ctx.split == "dev" else pb.SURNAMES_TRAIN)
    pg.line(f"Apologies: {rng.choice(['DCI', 'ACC', 'Supt.', 'Ms', 'Mr'])} {rng.choice(pb.FIRST_NAMES)[0]} {absent}")
    ids, nxt = earlier_ids(ctx, "numbered")
    n = rng.randint(100, 700)
    pg.set_item(f"{n}. APOLOGIES")
    pg.para([make(ctx, "apology")])
    pg.set_item(f"{n + 1}. MINUTES OF THE PREVIOUS MEETING")
    pg.para([make(ctx, "minutes")])
    pg.set_item(f"{n + 2}. ACTION LOG")
    status_lines(ctx, pg, ids, "numbered")
    upper = rng.random() < 0.6
    yy = ctx.meeting.year % 100
    for k in range(rng.randint(4, 6)):
        ctx.focus = rng.choice(ctx.bank(pb.TOPICS))
        t = title_of(ctx.focus)
        pg.set_item(f"{n + 3 + k}. {t.upper() if upper else t}")
        pg.para([make(ctx, "note") for _ in range(rng.choice([1, 1, 2]))])
        if rng.random() < 0.3:
            pg.para([make(ctx, rng.choice(["note", "decision", "action"])), make(ctx, "note")])
        if rng.random() < 0.3:
            a, b2 = pair(ctx)
            pg.para([a])
            pg.para([b2], prefix=rng.choice(PAIR_PREFIX["numbered"][b2.label]))
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.4:
                if rng.random() < 0.2:
                    pg.para([make(ctx, "request")])
                pg.para([make(ctx, "resolution")], prefix=rng.choice(["RESOLVED:", "RESOLVED:", "RESOLVED –"]))
            elif r < 0.5:
                if rng.random() < 0.35:
                    pg.para([make(ctx, "verdict")], prefix=rng.choice(["DECISION:", "DECISION –", "Decision –"]))
                else:
                    pg.para([make(ctx, rng.choice(["decision", "decision", "deferral"]))], prefix="DECISION:")
            elif r < 0.62:
                aid = f"{nxt}/{yy}"
                nxt += 1
                pg.para([make(ctx, "action")], prefix=f"ACTION {aid}:", action_id=aid)
            else:
                pg.para([make(ctx, "action")], prefix=rng.choice(["ACTION:", "ACTION:", "Action:"]))
    ctx.focus = None
    pg.set_item(f"{n + 9}. ANY OTHER BUSINESS")
    pg.para([make(ctx, "note")])
    pg.line(f"Date of next meeting: {rng.choice([f_full, f_wd])(ctx.next_meeting)}")
    return pg


def bullets_page(ctx: Ctx) -> Page:
    rng, pg = ctx.rng, Page()
    b = rng.choice(["• ", "• ", "- ", "* ", "– "])
    pg.line(rng.choice(["Force Executive Board – Notes", "Chief Officer Briefing – Notes", "Strategic Board – Notes"]))
    pg.line(f"Date: {f_slash(ctx.meeting)}")
    pg.line(rng.choice(["Attendees:", "Present:"]))
    for p in ctx.people:
        flags = " (Chair)" if p.is_chair else " (Notes)" if p.minutes else ""
        pg.line(f"{b}{p.table_rank('bullets')} {p.first} {p.last}{flags} – {p.role}")
    absent = rng.choice(pb.SURNAMES_DEV if ctx.split == "dev" else pb.SURNAMES_TRAIN)
    while any(p.last == absent for p in ctx.people):
        absent = rng.choice(pb.SURNAMES_DEV if ctx.split == "dev" else pb.SURNAMES_TRAIN)
    pg.line(f"Apologies: {rng.choice(['ACC', 'DCI', 'Supt', 'Mr', 'Ms'])} {absent}")
    pg.set_item("1. Welcome and apologies")
    pg.para([make(ctx, "apology")], lead=b)
    pg.set_item("2. Notes and actions from the last meeting")
    pg.para([make(ctx, "minutes")], lead=b)
    ids, nxt = earlier_ids(ctx, "bullets")
    status_lines(ctx, pg, ids, "bullets", lead=b)
    for k in range(rng.randint(4, 6)):
        ctx.focus = rng.choice(ctx.bank(pb.TOPICS))
        pg.set_item(f"{k + 3}. {title_of(ctx.focus)}")
        for _ in range(rng.choice([1, 1, 2])):
            pg.para([make(ctx, "note")], lead=b)
        if rng.random() < 0.3:
            a, b2 = pair(ctx)
            if rng.random() < 0.5:
                pg.para([a, b2], lead=b)
            else:
                pg.para([a], lead=b)
                pg.para([b2], lead=b, prefix=rng.choice(PAIR_PREFIX["bullets"][b2.label]))
        for _ in range(rng.randint(2, 4)):
            r = rng.random()
            if r < 0.3:
                if rng.random() < 0.25:
                    pg.para([make(ctx, "request")], lead=b)
                if rng.random() < 0.25:
                    pg.para([make(ctx, "verdict")], lead=b, prefix=rng.choice(["Decision:", "Decision –", "DECISION –"]))
                else:
                    pg.para([make(ctx, "decision")], lead=b, prefix="Decision:")
            elif r < 0.37:
                pg.para([make(ctx, rng.choice(["action", "deferral"]))], lead=b, prefix="Decision:")
            elif r < 0.62:
                pg.para([make(ctx, "action")], lead=b, prefix="Action:")
            elif r < 0.82:
                pg.para([make(ctx, rng.choice(["decision", "action"]))], lead=b)
            else:
                pg.para([make(ctx, "note"), make(ctx, rng.choice(["decision", "action"]))], lead=b)
    pg.line(f"Next meeting: {rng.choice([f_full, f_full, f_slash])(ctx.next_meeting)}")
    return pg


def prose_page(ctx: Ctx) -> Page:
    rng, pg = ctx.rng, Page()
    name = rng.choice(["Chief Officer Team meeting", "Chief Officer Group meeting", "Executive Board meeting"])
    pg.line(f"{name} – {f_full(ctx.meeting)}")
    parts = []
    for p in ctx.people:
        s = f"{p.table_rank('prose')} {p.first} {p.last}"
        if p.is_chair:
            s += " (Chair)"
        elif p.minutes:
            s += " (minutes)"
        elif rng.random() < 0.5:
            s += f" ({p.role})"
        elif rng.random() < 0.1:
            s += f" (item {rng.randint(3, 6)} only)"
        if f"({p.role})" not in s:
            ctx.hidden_roles.add(p.last)
        parts.append(s)
    pg.line("Present: " + ", ".join(parts[:-1]) + " and " + parts[-1] + ".")
    pg.set_item("Item 1: Apologies and minutes")
    pg.para([make(ctx, "apology"), make(ctx, "minutes")])
    pg.set_item("Item 2: Action log")
    ids, _ = earlier_ids(ctx, "prose")
    status_lines(ctx, pg, ids, "prose")
    for k in range(rng.randint(4, 6)):
        ctx.focus = rng.choice(ctx.bank(pb.TOPICS))
        pg.set_item(f"Item {k + 3}: {title_of(ctx.focus)}")
        for _ in range(rng.randint(1, 2)):
            kinds = ["note"] * rng.choice([1, 1, 2]) + rng.sample(["decision", "action", "decision", "action", "deferral",
                                                               "decision"], rng.randint(1, 3))
            first, rest = kinds[0], kinds[1:]
            rng.shuffle(rest)
            if "decision" in rest and rng.random() < 0.35:
                rest.insert(rest.index("decision"), "request")
            sents = [make(ctx, k2) for k2 in [first] + rest]
            if rng.random() < 0.25:
                a, b2 = pair(ctx)
                at = rng.randint(1, len(sents))
                sents[at:at] = [a, b2]
            pg.para(sents)
    pg.line(f"The next meeting will be held on {f_full(ctx.next_meeting)}.")
    return pg


BUILDERS = {"kent": kent_page, "numbered": numbered_page, "bullets": bullets_page, "prose": prose_page}
WEEKDAY = {"kent": 1, "numbered": 2, "prose": 3}


def meeting_dates(rng: random.Random, layout: str) -> tuple[date, date]:
    """A meeting date between 2023 and mid-2025 on the layout's usual weekday, and the next one."""
    d = date(2023, 1, 2) + timedelta(days=rng.randint(0, 900))
    want = WEEKDAY.get(layout, rng.randint(0, 4))
    d += timedelta(days=(want - d.weekday()) % 7)
    return d, d + timedelta(days=rng.choice([14, 21, 28, 28, 35, 42]))


def page_record(layout: str, idx: int, split: str, rng: random.Random, meeting: tuple[date, date] | None = None,
                nlp=None) -> tuple[dict, Page]:
    """Build one page and its JSON record."""
    m, nm = meeting or meeting_dates(rng, layout)
    people = build_roster(rng, pb.SURNAMES_DEV if split == "dev" else pb.SURNAMES_TRAIN)
    ctx = Ctx(rng, split, people, m, nm, layout)
    pg = BUILDERS[layout](ctx)
    rec = {
        "id": f"{layout}-{idx:03d}", "layout": layout, "split": split, "text": pg.text,
        "meeting_date": m.isoformat(), "next_meeting_date": nm.isoformat(),
        "attendees": [{"rank": gold_rank(p.table_rank(layout)), "name": f"{p.first} {p.last}", "role": p.role,
                       "is_chair": p.is_chair} for p in people],
        "entities": pg.ents, "sentences": pg.sents, "updates": pg.updates,
    }
    if nlp is not None:
        check(rec, nlp)
    return rec, pg


def check(rec: dict, nlp) -> None:
    """Entities align to spaCy tokens and do not overlap."""
    doc = nlp.make_doc(rec["text"])
    last = -1
    for s, e, lab in sorted(rec["entities"]):
        assert s >= last, ("overlap", rec["id"], rec["text"][s:e])
        assert doc.char_span(s, e) is not None, ("misaligned", rec["id"], rec["text"][s:e])
        last = e


def blank_en():
    """``spacy.blank('en')``; if a broken entry point of an installed package stops spaCy from
    starting, retry without loading entry points."""
    import spacy
    try:
        return spacy.blank("en")
    except Exception:  # pragma: no cover - depends on the environment
        from spacy import util
        util.registry._entry_point_factories.get_entry_points = lambda: {}
        return spacy.blank("en")


SAMPLES = {"kent": ("kent_style_2025-01-14.txt", date(2025, 1, 14), date(2025, 2, 11)),
           "numbered": ("numbered_2024-09-11.txt", date(2024, 9, 11), date(2024, 10, 9)),
           "bullets": ("bullets_2025-03-14.txt", date(2025, 3, 14), date(2025, 4, 11)),
           "prose": ("prose_2024-10-03.txt", date(2024, 10, 3), date(2024, 11, 7))}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=str(ROOT / "training_data"))
    ap.add_argument("--samples", default=None, help="also write four sample pages to this folder")
    args = ap.parse_args(argv)
    nlp = blank_en()
    out = Path(args.out)
    for split in ("train", "dev"):
        # one generator per split, so that more or fewer train pages leave the dev pages as they are
        rng = random.Random(f"{args.seed}-{split}")
        recs = []
        for layout in LAYOUTS:
            for i in range(PAGES_PER_LAYOUT[split]):
                idx = i + (0 if split == "train" else PAGES_PER_LAYOUT["train"])
                recs.append(page_record(layout, idx, split, rng, nlp=nlp)[0])
        with open(out / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        n_s = sum(len(r["sentences"]) for r in recs)
        print(f"{split}: {len(recs)} pages, {n_s} sentences")
    if args.samples:
        folder = Path(args.samples)
        folder.mkdir(parents=True, exist_ok=True)
        srng = random.Random(args.seed + 1000)
        for layout, (name, m, nm) in SAMPLES.items():
            rec, _ = page_record(layout, 900, "train", srng, meeting=(m, nm), nlp=nlp)
            (folder / name).write_text(rec["text"] + "\n", encoding="utf-8")
        print(f"samples written to {folder}")


if __name__ == "__main__":
    main()
