"""Layout: the seeds against their gold records, plus invented pages for each layout in
docs/LAYOUTS.md and the sentence-splitting rules."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import Page, read_page
from pipeline.layout import parse_minutes, split_sentences
from pipeline.layout.model import Minutes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
GOLD = SHARED / "gold" / "seeds.jsonl"
needs_seeds = pytest.mark.skipif(not SEEDS or not GOLD.exists(),
                                 reason=f"seed pages or gold not found under {SHARED}")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse(text: str) -> Minutes:
    return parse_minutes(Page(source="t.txt", text=text))


def assert_offsets(m: Minutes) -> None:
    for s in m.sentences:
        assert m.text[s.char_start:s.char_end] == s.text
    for p in m.paragraphs:
        assert m.text[p.char_start:p.char_end] == p.text
    for u in m.updates:
        assert m.text[u.char_start:u.char_end] == u.text
    assert [s.index for s in m.sentences] == list(range(len(m.sentences)))


# --- the seeds against gold -------------------------------------------------------------------

@needs_seeds
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_matches_gold(seed: Path) -> None:
    gold = [g for g in _gold() if g["source"] == seed.name]
    meeting = next(g for g in gold if g["type"] == "meeting")
    m = parse_minutes(read_page(seed, seed.name))
    assert_offsets(m)
    assert m.meeting_date == date.fromisoformat(meeting["date"])
    assert m.next_meeting_date == date.fromisoformat(meeting["next_meeting"])
    assert len(m.attendees) == meeting["attendees"]
    assert [(a.rank, a.name) for a in m.attendees] == [(g["rank"], g["name"]) for g in gold if g["type"] == "attendee"]
    assert [a.role for a in m.attendees] == [g["role"] for g in gold if g["type"] == "attendee"]
    assert m.chair is not None and m.chair.surname == meeting["chair"]
    due = {"2024-08-27": "27 August 2024"}
    assert [(u.action_id, u.status, u.due_text) for u in m.updates] == [
        (g["action_id"], g["status"], due.get(g["due"], "") if g["due"] else "") for g in gold
        if g["type"] == "action_update"]


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_body_is_only_minutes(seed: Path) -> None:
    m = parse_minutes(read_page(seed, seed.name))
    texts = [s.text for s in m.sentences]
    assert texts[0].startswith("The ")
    assert not any("cookie" in t.lower() or "|" in t or t == "Apologies" or "exit this site" in t for t in texts)
    assert not any(t.startswith(("Action ", "Decision", "New action", "Title:", "Date:", "Venue:")) for t in texts)
    assert m.next_meeting_date is not None and m.next_meeting_date.strftime("%B %Y") not in texts[-1]
    items = {g["text"] for g in _gold() if g["source"] == seed.name and "text" in g}
    for item in items:  # every gold sentence lies inside exactly one body sentence
        assert sum(item in t for t in texts) == 1, item


@needs_seeds
def test_seed_context() -> None:
    by_text = {}
    for seed in SEEDS:
        for s in parse_minutes(read_page(seed, seed.name)).sentences:
            by_text[s.text[:40]] = s
    alland = by_text["T/CS Alland & T/Superintendent Hall pres"]
    assert alland.text.endswith("seizure of XL bully/dangerous dogs.")
    assert by_text["T/CS Alland to liaise with Head of Legal"].action_id == "9/24"
    assert by_text["T/CS Alland to liaise with Head of Legal"].heading == "New action: 9/24"
    assert by_text["ACC Wilson to discuss compliance testing"].action_id == "28/24"
    assert by_text["ACC Wilson to discuss compliance testing"].heading == "New action 28/24:"
    assert by_text["ACC Wilson and DCS Banks presented the b"].heading == "Decisions:"  # heading before 'New action' resumes
    approved = by_text["Chief officers approved that car salary "]
    assert (approved.heading, approved.item) == ("Decision", "8a. Car Salary Sacrifice Scheme mileage rate")


# --- invented pages, one per layout -----------------------------------------------------------

KENT = """We use some essential cookies to make this website work.
This site is a beta, which means things may change.
Title: Force Leadership Board
Date: Wednesday 6 March 2024
Venue: Room 4 and Teams
| Name | Role |
|---|---|
| CC Ruth Okafor (Chair) | Chief Constable |
| A/DCO Harry Penn (MT) |
| Director of Support Services |
| T/CS Neil Ash (vc) (Items 3 and 4) | Rep: Operations |
| Insp. Maya Green (Minutes) | Staff Officer |
By invitation
C/Supt. Omar Reid (from 13:30) | Head of Custody |
Apologies
The record was approved.
Action 11/24 - discharged
Action 12/24 – carried forward to the next meeting
Action 13/24 - carried forward for a further update in three months
There were no actions due
C/Supt. Reid presented the custody paper. Mr. Penn asked about costs.
Decisions:
The Chair approved the custody rota.
New action: 14/24
T/CS Ash to brief district commanders.
Insp. Green noted the date.
3b. Fleet replacement
Decision
The board agreed the fleet plan.
Wednesday 3 April 2024.Quickly exit this site by pressing the Escape key Leave this site
"""


def test_kent_layout() -> None:
    m = parse(KENT)
    assert_offsets(m)
    assert (m.title, m.meeting_date, m.venue) == ("Force Leadership Board", date(2024, 3, 6), "Room 4 and Teams")
    assert m.next_meeting_date == date(2024, 4, 3)
    assert [(a.rank, a.name, a.role) for a in m.attendees] == [
        ("CC", "Ruth Okafor", "Chief Constable"), ("A/DCO", "Harry Penn", "Director of Support Services"),
        ("T/CS", "Neil Ash", "Rep: Operations"), ("Insp.", "Maya Green", "Staff Officer"),
        ("C/Supt.", "Omar Reid", "Head of Custody")]
    assert m.chair.name == "Ruth Okafor"
    assert m.attendees[2].notes == ["vc", "Items 3 and 4"]
    assert m.attendees[4].notes == ["from 13:30"]
    assert m.attendees[0].initials == "RO"
    assert [(u.action_id, u.status, u.due_text) for u in m.updates] == [
        ("11/24", "discharged", ""), ("12/24", "carried_forward", "the next meeting"),
        ("13/24", "carried_forward", "in three months")]
    got = [(s.text, s.item, s.heading, s.action_id) for s in m.sentences]
    assert got == [
        ("The record was approved.", "", "", ""),
        ("C/Supt. Reid presented the custody paper.", "", "", ""),
        ("Mr. Penn asked about costs.", "", "", ""),
        ("The Chair approved the custody rota.", "", "Decisions:", ""),
        ("T/CS Ash to brief district commanders.", "", "New action: 14/24", "14/24"),
        ("Insp. Green noted the date.", "", "Decisions:", ""),
        ("The board agreed the fleet plan.", "3b. Fleet replacement", "Decision", ""),
    ]


NUMBERED = """EXECUTIVE POLICING GROUP
Minutes of the meeting held on Thursday 9 November 2023 at 14:00, Room 12, Northgate Police Station
Present:
Chief Constable Alan Brierley (Chair)
Deputy Chief Constable Fatima Noor
Acting Assistant Chief Constable Leo Grant
T/ACC Ivy Marsh
Mr Colin Rudd, Director of Finance
In attendance:
Ms Hana Vale, Head of Estates (Item 802)
Apologies: DCI Tom Pryce
801. APOLOGIES
Apologies were noted as above.
802. ACTION LOG
Action 790 – complete.
Action 791 – carried forward to 14 December 2023.
Action 792 - ongoing
803. ESTATES STRATEGY
Ms Vale presented the estates strategy. Members asked about the timetable.
RESOLVED: That the estates strategy be approved.
RESOLVED – That the depot sale proceed.
ACTION: DCC Noor to write to the landlord by 1 December 2023.
Date of next meeting: 14 December 2023
"""


def test_numbered_layout() -> None:
    m = parse(NUMBERED)
    assert_offsets(m)
    assert m.title == "EXECUTIVE POLICING GROUP"
    assert m.meeting_date == date(2023, 11, 9)
    assert m.venue == "Room 12, Northgate Police Station"
    assert m.next_meeting_date == date(2023, 12, 14)
    assert [(a.rank, a.name, a.role) for a in m.attendees] == [
        ("CC", "Alan Brierley", ""), ("DCC", "Fatima Noor", ""), ("A/ACC", "Leo Grant", ""),
        ("T/ACC", "Ivy Marsh", ""), ("Mr", "Colin Rudd", "Director of Finance"),
        ("Ms", "Hana Vale", "Head of Estates")]
    assert m.attendees[0].is_chair and m.attendees[5].notes == ["Item 802"]
    assert not any(a.name == "Tom Pryce" for a in m.attendees)
    assert [(u.action_id, u.status, u.due_text) for u in m.updates] == [
        ("790", "closed", ""), ("791", "carried_forward", "14 December 2023"), ("792", "ongoing", "")]
    got = [(s.text, s.item, s.heading) for s in m.sentences]
    assert got == [
        ("Apologies were noted as above.", "801. APOLOGIES", ""),
        ("Ms Vale presented the estates strategy.", "803. ESTATES STRATEGY", ""),
        ("Members asked about the timetable.", "803. ESTATES STRATEGY", ""),
        ("That the estates strategy be approved.", "803. ESTATES STRATEGY", "RESOLVED:"),
        ("That the depot sale proceed.", "803. ESTATES STRATEGY", "RESOLVED –"),
        ("DCC Noor to write to the landlord by 1 December 2023.", "803. ESTATES STRATEGY", "ACTION:"),
    ]


BULLETS = """Joint Operations Board – Notes
Date: 05/02/2025
Attendees:
• DCC Rosa Lind (Chair) – Deputy Chief Constable
- ACO Piet Mol – Director of People
* T/Supt Kim Doyle – Estates
Apologies: ACC Webb
1. Estates update
• ACO Mol updated the board on the depot.
• Decision: The board endorsed the lease.
• Action: T/Supt Doyle to confirm the rent by the end of March.
2. Any other business
• None raised.
Next meeting: 5 March 2025
"""


def test_bullets_layout() -> None:
    m = parse(BULLETS)
    assert_offsets(m)
    assert (m.title, m.meeting_date, m.next_meeting_date) == (
        "Joint Operations Board – Notes", date(2025, 2, 5), date(2025, 3, 5))
    assert [(a.rank, a.name, a.role, a.is_chair) for a in m.attendees] == [
        ("DCC", "Rosa Lind", "Deputy Chief Constable", True), ("ACO", "Piet Mol", "Director of People", False),
        ("T/Supt", "Kim Doyle", "Estates", False)]
    assert [(s.text, s.item, s.heading) for s in m.sentences] == [
        ("ACO Mol updated the board on the depot.", "1. Estates update", ""),
        ("The board endorsed the lease.", "1. Estates update", "Decision:"),
        ("T/Supt Doyle to confirm the rent by the end of March.", "1. Estates update", "Action:"),
        ("None raised.", "2. Any other business", ""),
    ]


PROSE = """Chief Officer Team meeting – 14 January 2025
Present: Chief Constable Eve Hart (Chair), DCC Raj Bhatt, ACO Lena Moss (Director of Finance) and Supt. Ray Kemp (item 2 only).
Item 1: Custody estate
Ch/Supt Lowe introduced the custody paper. After discussion it was agreed that works would proceed. Ms. Moss undertook to confirm the budget.
Item 2: Road safety
Supt. Kemp reported a fall in collisions.
The next meeting will be held on 11 February 2025.
"""


def test_prose_layout() -> None:
    m = parse(PROSE)
    assert_offsets(m)
    assert (m.title, m.meeting_date, m.next_meeting_date) == (
        "Chief Officer Team meeting", date(2025, 1, 14), date(2025, 2, 11))
    assert [(a.rank, a.name, a.role, a.notes) for a in m.attendees] == [
        ("CC", "Eve Hart", "", ["Chair"]), ("DCC", "Raj Bhatt", "", []), ("ACO", "Lena Moss", "Director of Finance", []),
        ("Supt.", "Ray Kemp", "", ["item 2 only"])]
    assert [(s.text, s.item) for s in m.sentences] == [
        ("Ch/Supt Lowe introduced the custody paper.", "Item 1: Custody estate"),
        ("After discussion it was agreed that works would proceed.", "Item 1: Custody estate"),
        ("Ms. Moss undertook to confirm the budget.", "Item 1: Custody estate"),
        ("Supt. Kemp reported a fall in collisions.", "Item 2: Road safety"),
    ]


def test_table_without_leading_pipe_and_missing_year() -> None:
    m = parse("Title: Strategic Board\nDate: Monday 3 June\nRef 04/03/06/2024\nName | Role\n---|---\n"
              "ACC Jo Hill (Chair) | Crime\nPSE Sam Fox | Finance\nApologies\nThe record was approved.\n")
    assert m.meeting_date == date(2024, 6, 3)
    assert [(a.rank, a.name, a.role) for a in m.attendees] == [("ACC", "Jo Hill", "Crime"), ("PSE", "Sam Fox", "Finance")]
    assert [s.text for s in m.sentences] == ["The record was approved."]
    assert m.next_meeting_date is None


def test_paragraph_opening_with_apologies_keeps_its_items() -> None:
    """An apologies line is dropped, but a paragraph that opens with apologies and goes on is body."""
    m = parse("Chief Officer Team meeting - 14 January 2025\nPresent: CC Eve Hart (Chair), DCC Raj Bhatt\n"
              "Item 1: Custody estate\nApologies were received from Supt. Kemp.\n"
              "Apologies were received from ACO Moss. DCC Bhatt to review the custody rota by 1 March.\n")
    assert [s.text for s in m.sentences] == ["Apologies were received from ACO Moss.",
                                             "DCC Bhatt to review the custody rota by 1 March."]


def test_no_date_gives_none() -> None:
    m = parse("Some board\nThe board met and talked.\n")
    assert m.meeting_date is None and m.next_meeting_date is None


# --- boilerplate ------------------------------------------------------------------------------

def test_known_boilerplate_is_set_aside_and_nothing_depends_on_other_pages() -> None:
    banner = "Follow the county force on social media for updates"
    m = parse(f"{banner}\nSkip to main content\nBody line one.\nTuesday 4 June 2024.Quickly exit this site now")
    assert [s.text for s in m.sentences] == ["Body line one."]
    assert m.title == banner  # an unknown first line is kept (as the title), never dropped
    assert m.next_meeting_date == date(2024, 6, 4)
    aside = {r.text: r.role for r in m.lines if r.set_aside}
    assert aside["Skip to main content"] == "boilerplate"
    assert aside["Quickly exit this site now"] == "boilerplate"


# --- sentences ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Mr. Castle presented. The board noted it.", ["Mr. Castle presented.", "The board noted it."]),
    ("Insp. Green and C/Supt. Reid spoke. T/CS Ash agreed.", ["Insp. Green and C/Supt. Reid spoke.", "T/CS Ash agreed."]),
    ("The paper went to Supt. Kemp for review. It was agreed.", ["The paper went to Supt. Kemp for review.", "It was agreed."]),
    ("Costs rose by 4.25%. The Chair noted “the risk.” Next steps follow.",
     ["Costs rose by 4.25%.", "The Chair noted “the risk.”", "Next steps follow."]),
    ("A press release, re: the plan. Done.", ["A press release, re: the plan.", "Done."]),
    ("First line\nsecond line. Third", ["First line", "second line.", "Third"]),
    ("Ends 2024.Quickly exit", ["Ends 2024.", "Quickly exit"]),
    ("Mid 2024.Quickly here\nlast line", ["Mid 2024.Quickly here", "last line"]),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["Title: X", "Date: 1 May 2024", "Name | Role |", "---|---|", "CC A B (Chair) |",
                                   "| Role |", "Apologies", "Decision:", "New action: 3/24", "Action 2/24 - open",
                                   "1. Item", "RESOLVED: That.", "Mr. A spoke. B.", "Present:", "• DCC X Y",
                                   "12 May.Quickly exit this site", "", " ", "\t"]), max_size=30).map("\n".join))
def test_parse_never_raises_and_offsets_hold(text: str) -> None:
    m = parse(text)
    assert_offsets(m)
    assert all(s.text and s.text == s.text.strip() for s in m.sentences)
