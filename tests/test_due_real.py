"""Due dates as council, NHS and government minutes write them: 'Due:' labels, deadline columns
of an action log, 'the third week in …', phrases that give no date. All examples invented."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.linking.due_dates import find_due

MEETING = date(2019, 3, 6)  # a Wednesday


def due_date(sentence: str, meeting: date | None = MEETING, nxt: date | None = None,
             spans: tuple[tuple[int, int], ...] = ()) -> date | None:
    d = find_due(sentence, meeting, nxt, spans)
    if d is not None:
        assert 0 <= d.start <= d.end <= len(sentence) and sentence[d.start:d.end] == d.text
    return d.date if d else None


@pytest.mark.parametrize("sentence, expected", [
    ("Estates Team to survey the roof. Due: May 2019", date(2019, 5, 31)),
    ("Estates Team to survey the roof.\nDue: May 2019", date(2019, 5, 31)),
    ("Estates Team to survey the roof Due: To be added to the forward plan for June 2019.", date(2019, 6, 30)),
    ("Mr Oyelaran to draft a scoping note. Due: Scope to be confirmed by April 2019", date(2019, 4, 30)),
    ("The panel to send comments. Due: Comments by 21 March", date(2019, 3, 21)),
    ("Members to be kept informed. Due: Written updates to the Board at the April and July meetings",
     date(2019, 4, 30)),
    ("Deadline: 2 April 2019 for the Clerk to file the return.", date(2019, 4, 2)),
])
def test_due_label(sentence, expected):
    assert due_date(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Estates Team to circulate the plan. Due: as soon as possible.",
    "Estates Team to circulate the plan. Due: ASAP",
    "Estates Team to keep the plan under review. Due: Ongoing",
    "Estates Team to invite the auditor. Due: From May 2019",
    "Estates Team to report in due course. Due: Planned, for now, for the June/July Board meeting.",
    "The Chair to report in due course, with a first note by 3 April. Due: to be confirmed",
])
def test_due_label_without_a_date(sentence):
    assert due_date(sentence) is None


def test_model_date_span_starting_with_from_is_not_a_deadline():
    s = "Estates Team to invite the auditor. Due: From May 2019"
    assert due_date(s, spans=((41, 54),)) is None


@pytest.mark.parametrize("sentence, meeting, expected", [
    ("Secretariat to arrange a call to take place by the third week in October 2019 to agree the criteria.",
     MEETING, date(2019, 10, 21)),
    ("Secretariat to set a date in the first week of April.", MEETING, date(2019, 4, 7)),
    ("The panel to receive an outline of the process by the end of the week.", MEETING, date(2019, 3, 8)),
    ("The clerk to collect the keys by the end of the month.", MEETING, date(2019, 3, 31)),
    ("Mr Oyelaran to report at the June Board.", MEETING, date(2019, 6, 30)),
    ("Staff to report back by September 14, 2019.", MEETING, date(2019, 9, 14)),
    ("Staff to report back by 14.09.19.", MEETING, date(2019, 9, 14)),
    ("All members to forward suggestions by 2 March as to how the register can be met.", MEETING,
     date(2020, 3, 2)),  # the next 2 March after the meeting
])
def test_deadline_phrases(sentence, meeting, expected):
    assert due_date(sentence, meeting) == expected


@pytest.mark.parametrize("sentence, meeting", [
    ("That the schedule of payments dated: May 9 and 23, 2019; totalling $12,400.00 be approved.", date(2019, 5, 28)),
    ("That we pass By-law 2019-04 to authorize borrowing during the fiscal year ending December 31, 2019.",
     MEETING),
    ("The board agreed that version 1 may be used where the tools allow.", MEETING),
    ("The Chair to report on the June/July Board meeting.", MEETING),
])
def test_not_deadlines(sentence, meeting):
    assert due_date(sentence, meeting) is None


# --- deadline columns of an action log (table rows as 'cell | cell |') ------------------------


@pytest.mark.parametrize("sentence, meeting, expected", [
    # a year-less deadline counts from the row's own date, when the action was raised
    ("04/02/2019 | Estates Team to send comments to the author | 21-Feb | Complete |", date(2019, 5, 1),
     date(2019, 2, 21)),
    ("14/01/2019 | Estates Team to meet the landlord | Mar-2019 | No action |", date(2019, 5, 1), date(2019, 3, 31)),
    ("14/01/2019 | Estates Team to work with the Home Office | April Board | On track |", None, date(2019, 4, 30)),
    ("Review the grit bin locations | Highways Team | 30 June |", MEETING, date(2019, 6, 30)),
])
def test_deadline_cell(sentence, meeting, expected):
    assert due_date(sentence, meeting) == expected


@pytest.mark.parametrize("sentence", [
    "04/02/2019 | Estates Team to share the draft | As soon as possible | Complete |",
    "04/02/2019 | Estates Team to invite the auditor | From May 2019 | On track |",
    "04/02/2019 | Estates Team to work with the Home Office | Ongoing | On track |",
    "Meeting date & number | Actions completed | Deadline | Progress |",
])
def test_deadline_cell_without_a_date(sentence):
    assert due_date(sentence, date(2019, 5, 1)) is None


def test_task_cell_deadline_used_when_no_deadline_column():
    s = "Estates Team to fix the fence by 30 June. | Clerk |"
    assert due_date(s) == date(2019, 6, 30)


def test_by_wins_over_an_earlier_before_in_a_relative_clause():
    s = "Mr Oyelaran to write to all staff whose permits expire before December 2019 by 30 April 2019."
    assert due_date(s) == date(2019, 4, 30)


def test_event_scheduled_for_a_date_is_not_a_deadline():
    assert due_date("(b) Agree to ask the Minister to consider postponing the polls scheduled for May 2019.") is None
    assert due_date("The survey is scheduled for May 2019.") == date(2019, 5, 31)


def test_rescheduled_item_keeps_its_date():
    assert due_date("Budget Notice to be re-scheduled for 02 April 2019 Board.") == date(2019, 4, 2)
