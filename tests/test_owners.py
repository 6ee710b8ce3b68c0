"""Owner linking: which mention is responsible, and which attendance row it names."""
from __future__ import annotations

import pytest

from pipeline.layout.model import Attendee
from pipeline.linking.owners import find_owner_mentions, find_owners, resolve_mention


@pytest.fixture
def table() -> list[Attendee]:
    return [
        Attendee("CC", "Tim Smith", "Chief Constable", is_chair=True),
        Attendee("A/DCC", "Tracey Harman", "Local Policing Directorate"),
        Attendee("DCO", "Ian Drysdale", "Deputy Chief Officer"),
        Attendee("A/ACC", "Lucy Morris", "Rep: Serious Crime Directorate"),
        Attendee("ACC", "Simon Wilson", "Crime Operations Directorate"),
        Attendee("T/CS", "Simon Alland", "Rep: Central Operations Directorate"),
        Attendee("PSE", "Jonathan Castle", "Chief Finance Officer"),
        Attendee("PSE", "Sonya Gransden", "Chief of Staff"),
        Attendee("DCI", "Garry Cook", "Staff Officer to the DCC"),
        Attendee("Supt.", "Peter Steenhuis", "Head of Partnerships Command"),
        Attendee("PSE", "Richard Jones", "Head of Estates", initials="RJ"),
        Attendee("ACO", "Claire Medhurst", "Director of Support Services"),
        Attendee("PSE", "Fiona Brown", "Chief Information Officer, Head of IT"),
    ]


@pytest.fixture
def two_morrises() -> list[Attendee]:
    return [
        Attendee("CC", "Tim Smith", "Chief Constable", is_chair=True),
        Attendee("A/ACC", "Lucy Morris", ""),
        Attendee("DCI", "Paul Morris", ""),
        Attendee("Supt.", "Anne Hall", ""),
        Attendee("Supt.", "Ben Hall", ""),
    ]


def names(mentions) -> list[str]:
    return [m.attendee.name if m.attendee else m.text for m in mentions]


# --- resolve_mention ------------------------------------------------------------------------


@pytest.mark.parametrize("mention, expected", [
    ("ACC Harman", "Tracey Harman"),  # table says A/DCC: rank changed, surname unique
    ("DCS Morris", "Lucy Morris"),  # table says A/ACC
    ("Superintendent Steenhuis", "Peter Steenhuis"),  # full rank words
    ("Mr. Castle", "Jonathan Castle"),
    ("Mr Castle", "Jonathan Castle"),
    ("PSE Castle", "Jonathan Castle"),
    ("Jonathan Castle", "Jonathan Castle"),
    ("Castle", "Jonathan Castle"),
    ("the Chair", "Tim Smith"),
    ("Chair", "Tim Smith"),
    ("the chief constable", "Tim Smith"),
    ("the Chief Constable", "Tim Smith"),
    ("the DCC", "Tracey Harman"),  # acting DCC by rank; 'Staff Officer to the DCC' is not the DCC
    ("the DCO", "Ian Drysdale"),
    ("the Deputy Chief Officer", "Ian Drysdale"),
    ("the CFO", "Jonathan Castle"),
    ("the Chief Finance Officer", "Jonathan Castle"),
    ("the Chief of Staff", "Sonya Gransden"),
    ("Head of IT", "Fiona Brown"),
    ("RJ", "Richard Jones"),
    ("Drysdale’s", "Ian Drysdale"),
])
def test_resolve_mention(table, mention, expected):
    found = resolve_mention(mention, table)
    assert found is not None and found.name == expected


@pytest.mark.parametrize("mention", ["T/Superintendent Hall", "PSE Beautridge", "the PCC", "XY", "Head of Legal Services"])
def test_resolve_unknown_is_none(table, mention):
    assert resolve_mention(mention, table) is None


def test_initials_only_when_unique(table):
    table.append(Attendee("DCI", "Rachel James", ""))
    assert resolve_mention("RJ", table) is None


def test_same_surname_told_apart_by_rank(two_morrises):
    assert resolve_mention("ACC Morris", two_morrises).name == "Lucy Morris"
    assert resolve_mention("A/ACC Morris", two_morrises).name == "Lucy Morris"
    assert resolve_mention("DCI Morris", two_morrises).name == "Paul Morris"


def test_same_surname_told_apart_by_first_name(two_morrises):
    assert resolve_mention("Paul Morris", two_morrises).name == "Paul Morris"
    assert resolve_mention("Supt. Ben Hall", two_morrises).name == "Ben Hall"


def test_same_surname_ambiguous_is_none(two_morrises):
    assert resolve_mention("Morris", two_morrises) is None
    assert resolve_mention("Mr. Morris", two_morrises) is None
    assert resolve_mention("DCS Morris", two_morrises) is None  # rank matches neither: no guess
    assert resolve_mention("Superintendent Hall", two_morrises) is None  # same rank, no first name


def test_post_as_written_wins_over_its_family(table):
    """'the Director of Finance' is that row even where another row is the Chief Finance Officer."""
    table.append(Attendee("ACO", "Dana Lumsden", "Director of Finance"))
    assert resolve_mention("the Director of Finance", table).name == "Dana Lumsden"
    assert resolve_mention("the CFO", table).name == "Jonathan Castle"
    assert resolve_mention("the Chief Finance Officer", table).name == "Jonathan Castle"


def test_chair_needs_one_chair_row(table):
    table[0].is_chair = False
    assert resolve_mention("the Chair", table) is None


# --- find_owners: structure -----------------------------------------------------------------


@pytest.mark.parametrize("sentence, label, expected", [
    ("ACC Harman to ensure the points are featured in the press release.", "action", ["Tracey Harman"]),
    ("Action: ACC Wilson to circulate the paper.", "action", ["Simon Wilson"]),
    ("ACC Wilson will circulate the paper to chief officers.", "action", ["Simon Wilson"]),
    ("ACC Wilson is to circulate the paper.", "action", ["Simon Wilson"]),
    ("ACC Wilson undertook to circulate the paper.", "action", ["Simon Wilson"]),
    ("PSE Brown agreed to provide DCC Harman with details of the costs.", "action", ["Fiona Brown"]),
    ("The chief constable asked ACC Harman to arrange a briefing for the PCC.", "action", ["Tracey Harman"]),
    ("The Chair requested an update on the system from ACO Medhurst.", "action", ["Claire Medhurst"]),
    ("Superintendent Steenhuis was tasked with reviewing the protocol.", "action", ["Peter Steenhuis"]),
    ("The Chair invited Mr. Castle to present the budget at the next meeting.", "action", ["Jonathan Castle"]),
    ("It was agreed that the CFO would write to the Home Office.", "action", ["Jonathan Castle"]),
    ("The review is to be completed by DCS Morris.", "action", ["Lucy Morris"]),
    ("ACC Wilson to ask DCI Cook to review the figures.", "action", ["Simon Wilson"]),
    ("The chief constable approved the delegation of authority.", "decision", ["Tim Smith"]),
    ("The Chair agreed to sign the draft letter, on behalf of Chief Officers, to support the bid.", "decision",
     ["Tim Smith"]),
    ("The chief constable agreed, at the appropriate time, to issue a joint press release.", "decision", ["Tim Smith"]),
    ("The proposal was approved by the chief constable.", "decision", ["Tim Smith"]),
    ("RJ to arrange the room.", "action", ["Richard Jones"]),
    ("Chief officers looked for reassurance from ACC Wilson regarding staffing levels.", "action", ["Simon Wilson"]),
    ("The Committee will look to ACO Medhurst to draft terms of reference.", "action", ["Claire Medhurst"]),
    ("The action to refresh the plan was assigned to DCS Morris.", "action", ["Lucy Morris"]),
    ("The item to be added to the agenda of the performance board by Supt. Steenhuis.", "action",
     ["Peter Steenhuis"]),
    ("Chief officers approved the plan, with ACC Wilson as senior responsible owner.", "decision", ["Simon Wilson"]),
    ("The Panel confirmed DCS Morris in post as the Head of Crime.", "decision", ["Lucy Morris"]),
])
def test_responsible_mention(table, sentence, label, expected):
    assert names(find_owners(sentence, label, table)) == expected


def test_several_owners_in_order(table):
    s = "The Chair asked PSE Brown and ACO Medhurst to pass on his appreciation."
    assert names(find_owners(s, "action", table)) == ["Fiona Brown", "Claire Medhurst"]
    s = "T/CS Alland & Superintendent Steenhuis to review the scheme."
    assert names(find_owners(s, "action", table)) == ["Simon Alland", "Peter Steenhuis"]
    s = "ACC Wilson, Mr. Castle and the Chief of Staff to agree the plan."
    assert names(find_owners(s, "action", table)) == ["Simon Wilson", "Jonathan Castle", "Sonya Gransden"]


def test_proposer_and_decision_makers(table):
    s = "Chief officers approved DCO Drysdale’s proposal for an agenda item at the away day."
    owners = find_owners(s, "decision", table)
    assert names(owners) == ["Ian Drysdale", "Chief officers"]
    assert owners[1].collective and owners[1].attendee is None


@pytest.mark.parametrize("sentence, expected", [
    ("Chief officers approved that the rates would be paid in line with HMRC advice.", "Chief officers"),
    ("Chief officers requested reassurance from Tactical Operations that costs are managed.", "Tactical Operations"),
    ("The Chair asked Chief Officers to review the above report.", "Chief Officers"),
    ("The Chair asked the Estates team to find a new site.", "the Estates team"),
    ("The Panel resolved to write to the Home Secretary about the funding formula.", "The Panel"),
    ("Members rejected the option of closing the fire station.", "Members"),
    ("After discussion, the Board declined to approve the sale of the clinic site.", "the Board"),
    ("The group declined the proposal to run paid advertising this year.", "The group"),
    ("The Director of Communities asked members to submit topics for scrutiny by 31 July.", "members"),
])
def test_collectives_kept_as_written(table, sentence, expected):
    owners = find_owners(sentence, "action", table)
    assert [o.text for o in owners] == [expected]
    assert owners[0].collective and owners[0].attendee is None


def test_person_not_in_table_kept_unresolved(table):
    owners = find_owners("T/Superintendent Hall to brief the dogs unit.", "action", table)
    assert [(o.text, o.attendee, o.collective) for o in owners] == [("T/Superintendent Hall", None, False)]


@pytest.mark.parametrize("sentence", [
    "Chief officers requested a review of the health and safety advice for response officers.",
    "The fleet policy is to be looked at again on a quarterly basis.",
    "A review of the policy to be completed by the end of March.",
])
def test_no_owner_named(table, sentence):
    assert find_owners(sentence, "action", table) == []


@pytest.mark.parametrize("sentence, expected", [
    ("T/CS Alland to liaise with Head of Legal Services to draft the policy.", ["Simon Alland"]),
    ("ACC Wilson to write to the Home Office about the costs.", ["Simon Wilson"]),
    ("ACO Medhurst to provide an update to Chief Officers at COMB on 27 August.", ["Claire Medhurst"]),
    ("ACC Wilson to discuss the testing with PSE Beautridge and PSE Neiles.", ["Simon Wilson"]),
])
def test_objects_are_not_owners(table, sentence, expected):
    assert names(find_owners(sentence, "action", table)) == expected


def test_surname_inside_a_date_is_not_a_mention():
    table = [Attendee("Supt.", "Theresa May", ""), Attendee("ACC", "Simon Wilson", "")]
    assert names(find_owners("ACC Wilson to report by 30 May 2024.", "action", table)) == ["Simon Wilson"]


def test_offsets_and_entities(table):
    s = "The Chair asked DCS Morris to review the protocol."
    owners = find_owner_mentions(s, "action", table, entities=[(16, 19, "RANK"), (20, 26, "PERSON")])
    assert [(o.text, o.start, o.end) for o in owners] == [("DCS Morris", 16, 26)]
    assert s[owners[0].start:owners[0].end] == "DCS Morris"
    assert owners[0].attendee.name == "Lucy Morris"


def test_post_read_as_a_body_still_resolves_to_its_row():
    table = [Attendee("Cllr", "Ann Lee", "Chair", is_chair=True), Attendee("Ms.", "Niamh Cullen", "Committee Clerk"),
             Attendee("Mr.", "Peter Vance", "Police and Crime Commissioner")]
    s = "The Committee Clerk to publish the grant decisions on the council website by 30 June."
    owners = find_owners(s, "action", table, entities=[(4, 19, "ORG")])
    assert names(owners) == ["Niamh Cullen"] and not owners[0].collective
    owners = find_owners("The Chair asked the Commissioner to provide a written update.", "action", table)
    assert names(owners) == ["Peter Vance"]


@pytest.mark.parametrize("sentence", [
    "Ms. Gransden was appointed as the Committee's representative on the partnership board.",
    "RESOLVED: That PSE Gransden be nominated to the regional collaboration board.",
])
def test_person_appointed_is_the_owner(table, sentence):
    assert names(find_owners(sentence, "decision", table)) == ["Sonya Gransden"]


def test_body_named_in_passing_is_not_an_owner(table):
    s = "ACC Wilson to brief the board members before the audit committee meets."
    assert names(find_owners(s, "action", table)) == ["Simon Wilson"]


def test_ner_org_used_as_collective(table):
    s = "The Chair asked the College of Policing to confirm the accreditation."
    owners = find_owners(s, "action", table, entities=[(20, 39, "ORG")])
    assert [o.text for o in owners] == ["College of Policing"] and owners[0].collective


def test_same_person_twice_is_one_owner(table):
    s = "ACC Wilson will lead, and ACC Wilson will report back."
    assert names(find_owners(s, "action", table)) == ["Simon Wilson"]


def test_no_attendees_still_finds_mentions():
    owners = find_owners("DCS Banks to review the accreditation options.", "action", [])
    assert [(o.text, o.attendee) for o in owners] == [("DCS Banks", None)]


# --- acceptance: the seed minutes and their gold owners and due dates -------------------------

import json  # noqa: E402
import re  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.linking.due_dates import find_due  # noqa: E402

_ROOT = Path(__file__).resolve().parents[1]
_SHARED = next((p for p in (_ROOT / "shared", _ROOT.parent / "shared") if (p / "gold" / "seeds.jsonl").exists()), None)
# A sentence ends at a full stop that is not a title's ('Mr.', 'Supt.'), or at a line end.
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSupt)(?<!\bInsp)\.(?=\s|$)|\n")


def _seed_cases() -> list:
    if _SHARED is None:
        return []
    gold = [json.loads(line) for line in (_SHARED / "gold" / "seeds.jsonl").read_text().splitlines() if line.strip()]
    cases = []
    for g in gold:
        label = g["type"] if g["type"] in ("decision", "action") else g.get("alt_type")
        if label not in ("decision", "action") or "text" not in g:
            continue
        meeting = next(m for m in gold if m["source"] == g["source"] and m["type"] == "meeting")
        people = [a for a in gold if a["source"] == g["source"] and a["type"] == "attendee"]
        cases.append(pytest.param(g, label, meeting, people, id=f"{g['source'][:3]}:{g['text'][:40]}"))
    return cases


def _seed_link(g: dict, label: str, meeting: dict, people: list[dict]):
    text = (_SHARED / "seeds" / g["source"]).read_text(encoding="utf-8")
    start = text.index(g["text"])
    end = _SENTENCE_END.search(text, start + len(g["text"]) - 1)
    sentence = text[start:end.end() if end else len(text)].strip()
    attendees = [Attendee(p["rank"], p["name"], p.get("role", ""), is_chair=p["name"].split()[-1] == meeting["chair"])
                 for p in people]
    owners = find_owners(sentence, label, attendees)
    joined = " | ".join(o.attendee.display if o.attendee else o.text for o in owners).lower()
    d = find_due(sentence, date.fromisoformat(meeting["date"]),
                 date.fromisoformat(meeting["next_meeting"]) if meeting.get("next_meeting") else None)
    return joined, (d.date.isoformat() if d and d.date else None), (d.recurrence if d else None)


_SEEDS = _seed_cases()


@pytest.mark.skipif(not _SEEDS, reason="shared/gold/seeds.jsonl not found beside the repo")
@pytest.mark.parametrize("g, label, meeting, people", _SEEDS or [pytest.param(None, None, None, None, id="none")])
def test_seed_gold_owner_and_due(g, label, meeting, people):
    joined, due, recurrence = _seed_link(g, label, meeting, people)
    if g.get("owner"):
        assert all(o.lower() in joined for o in g["owner"]), (g["owner"], joined)
    elif "owner" in g:  # gold says nobody is named
        assert joined == ""
    if "due" in g:
        assert due == g["due"]
    if g.get("recurrence"):
        assert recurrence == g["recurrence"]


@pytest.mark.skipif(not _SEEDS, reason="shared/gold/seeds.jsonl not found beside the repo")
def test_seed_accuracy_at_least_95_percent():
    """score_minutes.py's owner_ok (any gold owner is a substring) and exact due dates."""
    owner_hits, owner_n, due_hits, due_n = 0, 0, 0, 0
    for case in _SEEDS:
        g, label, meeting, people = case.values
        joined, due, _ = _seed_link(g, label, meeting, people)
        if g.get("owner"):
            owner_n += 1
            owner_hits += any(o.lower() in joined for o in g["owner"])
        if "due" in g and g["type"] in ("decision", "action"):
            due_n += 1
            due_hits += due == g["due"]
    assert owner_hits / owner_n >= 0.95 and due_hits / due_n >= 0.95


def test_table_patterns_follow_the_table_not_the_cache():
    """The per-table pattern cache is keyed on the rows' contents: two tables that share a surname
    but differ in roles give each sentence the owners of its own table."""
    from pipeline.layout.model import Attendee
    from pipeline.linking.owners import find_owners

    first = [Attendee("Cllr", "Rhys Hale", "Chair of Finance"), Attendee("", "Maria Dunn", "Clerk")]
    second = [Attendee("Cllr", "Rhys Hale", ""), Attendee("", "Tom Dunn", "Head of Estates")]
    sentence = "The Head of Estates to obtain three quotes for the roof."
    assert [m.attendee for m in find_owners(sentence, "action", first, [])] != \
        [m.attendee for m in find_owners(sentence, "action", second, [])]
    got = find_owners(sentence, "action", second, [])
    assert got and got[0].attendee is not None and got[0].attendee.name == "Tom Dunn"
