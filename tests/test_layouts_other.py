"""Layouts other than Kent's web pages: numbered minutes with RESOLVED/ACTION lines, action logs
with update lines, owners given as initials, 'Present:' paragraphs, bullet notes and truncated
pages. Fixtures (tests/fixtures/*.txt, invented text) with gold in the scorer's format beside them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.scoring import read_gold, score
from pipeline.ingest import Page, read_page
from pipeline.layout import parse_minutes

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str):
    path = FIXTURES / f"{name}.txt"
    return parse_minutes(read_page(path, path.name))


def parse(text: str):
    return parse_minutes(Page("page.txt", text))


def people(m) -> list[str]:
    return [f"{a.rank} {a.name}".strip() for a in m.attendees]


def headed(m) -> list[tuple[str, str]]:
    return [(s.heading, s.text) for s in m.sentences]


# --- numbered minutes, RESOLVED / ACTION --------------------------------------------------------

def test_numbered_minutes_items_and_resolutions():
    m = fixture("numbered_resolved")
    assert m.meeting_date == date(2023, 6, 21) and m.next_meeting_date == date(2023, 7, 19)
    assert m.venue == "Conference Room 2, Force Headquarters"
    assert people(m) == ["CC Helen Marsh", "DCC Owen Pryce", "ACC Nadia Kerr", "Mr Colin Baird", "Ms Ruth Ellery"]
    assert m.chair.name == "Helen Marsh"
    assert "Frank Tolley" not in " ".join(people(m))  # apologies are not attendees
    assert {s.item for s in m.sentences} >= {"540. DECISIONS REQUIRED", "541. FLEET STRATEGY"}
    h = headed(m)
    assert ("RESOLVED:", "That the body worn video contract be extended for two years.") in h
    assert ("RESOLVED –", "That the storage budget be increased by five per cent.") in h
    assert ("ACTION:", "ACC Kerr to brief district commanders on the extended contract by 12 July 2023.") in h


def test_decision_and_action_prefixes():
    m = fixture("bullets")
    h = headed(m)
    assert ("Decision:", "The board endorsed the disposal of the depot site.") in h
    assert ("DECISION –", "Not Supported.") in h
    assert ("Action –", "Insp. Morgan to write to the local councillors explaining the decision.") in h
    assert ("Action:", "T/Supt Kaur to report the final sale price by the end of April.") in h


# --- owners as initials -------------------------------------------------------------------------

def test_initials_only_action_line_keeps_the_initials_with_its_sentence():
    m = fixture("initials_owners")
    s = next(s for s in m.sentences if s.text.startswith("District commanders"))
    assert s.heading == "Action:"
    assert s.text.endswith("Action: RJ/DB/AC")
    assert m.text[s.char_start:s.char_end] == s.text
    assert not any(x.text == "RJ/DB/AC" for x in m.sentences)
    assert [a.initials for a in m.attendees] == ["RJ", "DB", "AC", "LH"]
    assert ("Action:", "LH to share the survey findings with district commanders by 28 January 2022.") in headed(m)


# --- action logs --------------------------------------------------------------------------------

def test_action_log_entries_and_update_lines_are_updates_not_actions():
    m = fixture("action_log")
    assert [(u.action_id, u.status, u.due_text) for u in m.updates] == [
        ("515", "closed", ""), ("516", "carried_forward", "15.03.22"), ("517", "ongoing", "")]
    assert not any("Action 51" in s.text or s.text.startswith("Update") for s in m.sentences)
    assert any(s.heading == "Action –" for s in m.sentences)


def test_action_with_number_outside_a_log_stays_a_new_action():
    m = parse("Title: Board\nDate: 4 June 2024\nName | Role |\n---|---|\nCC Al Roe (Chair) | Chief Constable |\n"
              "Apologies\n3. Estates\nAction 9/24: ACC Roe to review the depot lease.\nTuesday 2 July 2024.\n")
    assert not m.updates
    assert [(s.action_id, s.text) for s in m.sentences] == [("9/24", "ACC Roe to review the depot lease.")]


def test_status_lines_under_paragraph_numbers_are_updates():
    m = parse("Title: Board\nDate: 4 June 2024\n12. Minutes\n12.1 The minutes were agreed.\n"
              "12.2 Action 9/24 - discharged.\n12.3 Action 11/24 – carried forward to 2 July 2024.\n"
              "(c) Action 12/24 - ongoing.\n")
    assert [(u.action_id, u.status, u.due_text) for u in m.updates] == [
        ("9/24", "discharged", ""), ("11/24", "carried_forward", "2 July 2024"), ("12/24", "ongoing", "")]
    assert [s.text for s in m.sentences] == ["12.1 The minutes were agreed."]


def test_single_line_log_entry_with_status():
    m = parse("Board\nDate: 4 June 2024\n2. Matters arising\n• Action 12 – Supt Lee to check the rota. Complete.\n")
    assert [(u.action_id, u.status) for u in m.updates] == [("12", "closed")]
    assert not m.sentences


# --- attendees ----------------------------------------------------------------------------------

def test_present_paragraph_and_bullet_attendees():
    m = fixture("present_paragraph")
    assert people(m) == ["CC Amy Stone", "DCC Ben Hale", "ACO Cara Jones", "Supt. Dan Mistry"]
    assert m.attendees[2].role == "Director of Finance"
    b = fixture("bullets")
    assert people(b) == ["DCC Sam Ortiz", "ACO Rita Finch", "T/Supt Dev Kaur", "Insp. Lee Morgan"]
    assert [a.role for a in b.attendees][:2] == ["Deputy Chief Constable", "Director of Finance"]
    assert "Bell" not in " ".join(people(b))


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,meeting,nxt", [
    ("action_log", date(2022, 1, 18), date(2022, 3, 15)),  # 18.01.22
    ("initials_owners", date(2022, 1, 18), date(2022, 2, 15)),  # 18/01/2022
    ("truncated", date(2023, 6, 21), None),  # 21st June 2023
    ("present_paragraph", date(2023, 6, 21), date(2023, 7, 19)),  # 'Wednesday 21 June' + 'Ref 01/21/06/2023'
])
def test_date_shapes(name, meeting, nxt):
    m = fixture(name)
    assert (m.meeting_date, m.next_meeting_date) == (meeting, nxt)


@pytest.mark.parametrize("held, nxt", [
    ("Held on Thursday 5 October 2023", "Next meeting: Thursday 7 December 2023 at 10:00"),
    ("Meeting held on Wednesday, 5 October 2023 at 10.30am", "The next meeting will be held on 7 December 2023."),
    ("Minutes of the meeting held on 5 October 2023", "The next meeting of the Committee will take place on "
                                                       "Thursday 7 December 2023 at 2.00pm."),
    ("Date: 5 October 2023", "The next meeting is to take place on 7 December 2023."),
])
def test_held_on_and_take_place_lines(held, nxt):
    m = parse(f"Valeshire Fire Authority – Strategy Board\n{held}\nVenue: Lecture Theatre\n\nName | Role |\n"
              f"Ms. Ann Lee (Chair) | Chair of the Authority |\n\n1. Budget\nThe Board approved the budget.\n{nxt}\n")
    assert (m.meeting_date, m.next_meeting_date) == (date(2023, 10, 5), date(2023, 12, 7))
    assert m.title == "Valeshire Fire Authority – Strategy Board"


def test_reference_line_is_not_a_sentence():
    assert not any("Ref" in s.text for s in fixture("present_paragraph").sentences)


def test_page_without_a_date_leaves_it_empty():
    m = parse("Estates Board – Notes\nPresent: DCC Sam Ortiz (Chair), ACO Rita Finch\n1. Depot\n"
              "The board endorsed the sale of the depot.\n")
    assert m.meeting_date is None and m.next_meeting_date is None
    assert people(m) == ["DCC Sam Ortiz", "ACO Rita Finch"]


# --- truncated pages ----------------------------------------------------------------------------

def test_cut_sentence_at_the_end_is_kept():
    """A page cut off mid-sentence keeps its last words: dropping them would also drop a last-line
    action written without a full stop. The gold accepts the cut sentence as a note or a decision."""
    m = fixture("truncated")
    assert m.sentences[-2].text == "Supt. Reyes to review the card limits of all departments by 31 August 2023."
    assert m.sentences[-1].text.endswith("be raised to")


def test_cut_table_row_at_the_end_is_skipped():
    m = fixture("truncated_table")
    assert people(m) == ["DCC Fiona Grant", "Ch/Supt Alan Moyes", "PSE Kerry Lund"]
    assert not m.sentences


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_any_cut_of_a_fixture_parses(path):
    text = path.read_text(encoding="utf-8")
    for cut in range(0, len(text), 5):
        m = parse_minutes(Page(path.name, text[:cut]))
        for s in m.sentences:
            assert m.text[s.char_start:s.char_end] == s.text


# --- through the scorer -------------------------------------------------------------------------

NON_KENT = sorted(p.name.removesuffix(".gold.jsonl") for p in FIXTURES.glob("*.gold.jsonl"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("layouts") / "out"
    extract(sorted(FIXTURES.glob("*.txt")), out, nlp, warn=lambda m: None)
    return {name: score(read_gold([FIXTURES / f"{name}.gold.jsonl"]), out) for name in NON_KENT}


@pytest.mark.parametrize("name", NON_KENT)
def test_attendees_through_the_scorer(scores, name):
    assert scores[name]["attendees"]["f1"] >= 0.95
    assert scores[name]["meeting_fields_accuracy"] == 1.0


@pytest.mark.parametrize("name", [n for n in NON_KENT if n != "truncated_table"])
def test_items_through_the_scorer(scores, name):
    assert scores[name]["items"]["micro"]["f1"] >= 0.9


def test_action_updates_through_the_scorer(scores):
    assert scores["action_log"]["action_updates"]["f1"] == 1.0
