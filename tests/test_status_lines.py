"""Status lines of earlier actions and action logs (pipeline/layout/updates.py): each shape the
minutes use, and the lines that must stay body (new actions, decisions, numbers, minute references).
All text is invented."""
from __future__ import annotations

import pytest

from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.layout.updates import UpdateReader, parse_update, progress_status

HEAD = "Title: Estates and Fleet Board\nDate: 4 June 2024\n"


def parse(body: str):
    return parse_minutes(Page("page.txt", HEAD + body))


def ups(m) -> list[tuple[str, str, str]]:
    return [(u.action_id, u.status, u.due_text) for u in m.updates]


# --- single status lines --------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("- Action FL-03: closed (fuel cards reissued).", ("FL-03", "closed", "")),
    ("Action 215 (station lift refurbishment) – discharged.", ("215", "discharged", "")),
    ("Action 2024/17 (Mr Okonjo): discharged.", ("2024/17", "discharged", "")),
    ("Action 31/25 – the board received the report and the action was discharged.", ("31/25", "discharged", "")),
    ("Action 31/25 – the report was received and the action discharged.", ("31/25", "discharged", "")),
    ("14/2022/C – repairs complete and the gate was back in use. Painting would be completed in June.",
     ("14/2022/C", "closed", "")),
    ("Action IT-14 – in progress.", ("IT-14", "ongoing", "")),
    ("IT-15 – complete.", ("IT-15", "closed", "")),
    ("Action 4/24 – superseded by the new fleet plan.", ("4/24", "closed", "")),
    ("Action 77 – to close.", ("77", "closed", "")),
    ("Action 78 – proposed to close.", ("78", "closed", "")),
    ("Action 79 - completed", ("79", "closed", "")),
    ("Action 80 – open", ("80", "open", "")),
    ("Action 81 – ongoing, the survey is half done.", ("81", "ongoing", "")),
    ("Action 12 – closed", ("12", "closed", "")),
    ("Ref 6/24 – closed.", ("6/24", "closed", "")),
    ("Action 9/24 – carried forward to the March meeting.", ("9/24", "carried_forward", "the March meeting")),
    ("Action 10/24 – survey delayed; revised date 30 June 2024.", ("10/24", "carried_forward", "30 June 2024")),
    ("Action 11/24 – the work remains open until 2 September 2024.", ("11/24", "open", "2 September 2024")),
    ("Action 6 – carried forward to October 2025 (radio survey).", ("6", "carried_forward", "October 2025")),
    ("Action 7 – ongoing; Insp. Kerr to report in May.", ("7", "ongoing", "May")),
])
def test_status_line_shapes(line: str, expected: tuple[str, str, str]) -> None:
    u = parse_update(line)
    assert u is not None, line
    assert (u.action_id, u.status, u.due_text) == expected


@pytest.mark.parametrize("line, owner", [
    ("Action 2024/17 (Mr Okonjo): discharged.", "Mr Okonjo"),
    ("Action 5/24 (Insp. Farrant) – complete.", "Insp. Farrant"),
    ("Action 6/24 (TKW) – ongoing.", "TKW"),
    ("Action 215 (station lift refurbishment) – discharged.", ""),
])
def test_bracket_after_the_reference_is_the_owner_only_when_it_names_a_person(line: str, owner: str) -> None:
    assert parse_update(line).owner == owner


@pytest.mark.parametrize("line", [
    "Action: Tom Reed is to check the fuel cards.",
    "Action 3: Priya to write to the supplier and confirm when the order is complete.",
    "Action 5: Open the new custody suite by May.",
    "Action: Presentation received.",
    "Decision 4/24 – approved.",
    "The board noted that 12 vehicles were closed for repair.",
    "In relation to minute 412(3) the paper was complete.",
    "Minute 412(3) – the paper was closed.",
    "2024/25 – the budget was closed with a small surplus.",
    "16/04/2024 – the meeting closed early.",
    "Action 7/24 – the depot will be closed once the lease ends.",
    "Action 8/24 – the audit has not been completed.",
    "12/2023/F – the policy went to the committee in May.",  # no status word, outside a log
    "Action 12: the Clerk to confirm that the works are complete.",
    "COVID-19 – the vaccination centre was closed in March.",
])
def test_lines_that_are_not_updates(line: str) -> None:
    assert parse_update(line) is None


def test_new_actions_and_decisions_stay_body() -> None:
    m = parse("3. Fleet\nAction: Tom Reed is to check the fuel cards.\n"
              "Action 3: Priya to write to the supplier and confirm when the order is complete.\n"
              "Decision: The board approved the van leases.\nAction 4/24 - discharged\n")
    assert ups(m) == [("4/24", "discharged", "")]
    texts = " ".join(s.text for s in m.sentences)
    assert "fuel cards" in texts and "supplier" in texts and "van leases" in texts


def test_short_status_line_is_an_update_not_set_aside() -> None:
    m = parse("2. Actions\nAction 12 – closed\nAction 13 - open\n3. Fleet\nThe board noted the fleet report.\n")
    assert ups(m) == [("12", "closed", ""), ("13", "open", "")]


def test_owner_reaches_the_update_line() -> None:
    m = parse("2. Actions\nAction 2024/17 (Mr Okonjo): discharged.\n")
    assert [(u.action_id, u.owner) for u in m.updates] == [("2024/17", "Mr Okonjo")]


# --- update lines following an entry --------------------------------------------------------------

def test_update_line_after_an_action_entry_sets_its_status_and_date() -> None:
    m = parse("5. Custody\nAction 88 – Supt Vale to audit the property store.\n"
              "Update 03.02.23 – Carried forward to 14.04.23\nThe board noted the custody figures.\n")
    assert ups(m) == [("88", "carried_forward", "14.04.23")]
    assert [s.text for s in m.sentences] == ["The board noted the custody figures."]


def test_update_line_with_a_revised_date() -> None:
    m = parse("5. Action log\nAction 89 – Insp. Kerr to test the radios.\n"
              "Update 3 May 2024: revised date 1 August 2024\n")
    assert ups(m) == [("89", "carried_forward", "1 August 2024")]


# --- outstanding references / action-log sections ------------------------------------------------

LOG = """Outstanding Actions
The board reviewed the outstanding actions from earlier meetings.
• 12/2023/F – the policy went to the committee in May.
• 15/2023/F – a training session was being planned for new members.
• 16/2023/F – costs of the replacement vans for the rural teams.
• 17/2023/F – works complete; a snagging visit would follow in July.
4. Budget
• 18/2023/F – the budget paper went to the finance panel.
"""


def test_progress_notes_under_an_action_log_are_updates() -> None:
    m = parse(LOG)
    assert ups(m) == [("12/2023/F", "closed", ""), ("15/2023/F", "ongoing", ""), ("16/2023/F", "open", ""),
                      ("17/2023/F", "closed", "")]
    # after the log, the same shape with no status word is a sentence, not an update
    assert any("finance panel" in s.text for s in m.sentences)
    assert not any("12/2023/F" in s.text for s in m.sentences)


@pytest.mark.parametrize("note, status", [
    ("the guidance was issued to all districts.", "closed"),
    ("the report went to the May board.", "closed"),
    ("a briefing will be held in the autumn.", "ongoing"),
    ("a survey was being arranged with the landlord.", "ongoing"),
    ("costs of the new radios.", "open"),
])
def test_progress_status(note: str, status: str) -> None:
    assert progress_status(note) == status


def test_matters_arising_item_heading_opens_a_log() -> None:
    m = parse("2. Matters arising\n- IT-21 – the laptops were delivered to the control room.\n"
              "3. Wellbeing\n- IT-22 – the laptops were delivered to the control room.\n")
    assert ups(m) == [("IT-21", "closed", "")]


# --- action-log tables --------------------------------------------------------------------------

TABLE = """2. Action log
Ref | Action | Owner | Due | Status |
---|---|---|---|---|
7/24 | Review the custody rota with the federation | Insp. Tan | 30 June 2024 | Open |
8/24 | Publish the stop and search data for the quarter | DCC Lowe | 1 May 2024 | Complete |
9/24 | Draft the estates plan for the rural stations | Ms Aziz | 1 July 2024 | |
10/24 | Replace the worn body armour in the north | ACC Bell | - | Carried forward to the September meeting |
3. Fleet
The board noted the fleet report.
"""


def test_action_log_table_rows_with_a_status_are_updates() -> None:
    m = parse(TABLE)
    assert [(u.action_id, u.status, u.due_text, u.owner) for u in m.updates] == [
        ("7/24", "open", "30 June 2024", "Insp. Tan"), ("8/24", "closed", "", "DCC Lowe"),
        ("10/24", "carried_forward", "the September meeting", "ACC Bell")]
    # a row without a status is an action: it stays body
    assert any("estates plan" in s.text for s in m.sentences)
    assert not any("custody rota" in s.text for s in m.sentences)


def test_tables_without_a_status_column_or_with_dates_for_references_give_no_updates() -> None:
    no_status = ("Ref | Action | Owner | Due |\n---|---|---|---|\n"
                 "7/24 | Review the custody rota now | Insp. Tan | Complete |\n")
    dated = ("Meeting date & action number | Action | Deadline | Progress |\n---|---|---|---|\n"
             "11/01/2024 | Team to publish the crime data for the quarter | May 2024 | Complete |\n")
    for table in (no_status, dated):
        reader = UpdateReader()
        assert [reader.read(row, "") for row in table.splitlines()] == [None] * len(table.splitlines())


def test_a_table_ends_at_the_first_line_outside_it() -> None:
    reader = UpdateReader()
    rows = ["Ref | Action | Status |", "---|---|---|", "3/24 | Check the fuel cards | Closed |",
            "The board thanked the team.", "4/24 | Tidy the yard | Closed |"]
    got = [reader.read(r, "") for r in rows]
    assert got[2] is not None and got[2].status == "closed"
    assert got[4] is None
