"""Due dates: which date in a sentence is a deadline, and what a due phrase means as an ISO date."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.linking.due_dates import add_months, find_due, find_recurrence, normalise_due

MEETING = date(2024, 7, 30)
NEXT = date(2024, 8, 13)


def due(sentence: str, meeting: date = MEETING, nxt: date | None = NEXT):
    return find_due(sentence, meeting, nxt)


# --- normalise_due --------------------------------------------------------------------------


@pytest.mark.parametrize("text, meeting, expected", [
    ("27 August 2024", MEETING, date(2024, 8, 27)),
    ("on 27 August", MEETING, date(2024, 8, 27)),
    ("by 30 June", MEETING, date(2025, 6, 30)),  # year-less: the next 30 June after the meeting
    ("by 15 January", date(2024, 12, 10), date(2025, 1, 15)),  # across the new year
    ("by 20 December", date(2024, 12, 10), date(2024, 12, 20)),
    ("the next meeting", MEETING, NEXT),
    ("at the next COMB meeting", MEETING, NEXT),
    ("in three months", MEETING, date(2024, 10, 30)),
    ("in three months' time", date(2024, 11, 30), date(2025, 2, 28)),  # day clamped
    ("within two weeks", MEETING, date(2024, 8, 13)),
    ("in 14 days", MEETING, date(2024, 8, 13)),
    ("within 28 days", MEETING, date(2024, 8, 27)),
    ("within a fortnight", MEETING, date(2024, 8, 13)),
    ("by the end of March", MEETING, date(2025, 3, 31)),
    ("by the end of July", MEETING, date(2024, 7, 31)),  # the meeting's own month
    ("end of February 2024", MEETING, date(2024, 2, 29)),
    ("report back in November", MEETING, date(2024, 11, 30)),
    ("in March", date(2024, 12, 10), date(2025, 3, 31)),
    ("by the end of the month", MEETING, date(2024, 7, 31)),
    ("end of the year", MEETING, date(2024, 12, 31)),
    ("end of the financial year", MEETING, date(2025, 3, 31)),
    ("next week", MEETING, date(2024, 8, 6)),
    ("next month", date(2024, 12, 10), date(2025, 1, 31)),
    ("by Friday", MEETING, date(2024, 8, 2)),  # 30 July 2024 is a Tuesday
    ("within 48 hours", MEETING, date(2024, 8, 1)),
    ("within 36 hours", MEETING, date(2024, 8, 1)),  # whole days, rounded up
    ("at the August meeting", MEETING, NEXT),  # the next meeting falls in August: that meeting
    ("at the September meeting", MEETING, date(2024, 9, 30)),  # it does not: the month's end
])
def test_normalise_due(text, meeting, expected):
    assert normalise_due(text, meeting, NEXT) == expected


def test_normalise_due_needs_meeting_for_relative():
    assert normalise_due("within two weeks", None, None) is None
    assert normalise_due("on 27 August", None, None) is None
    assert normalise_due("27 August 2024", None, None) == date(2024, 8, 27)
    assert normalise_due("the next meeting", None, None) is None
    assert normalise_due("", MEETING, NEXT) is None


def test_add_months_clamps():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 3) == date(2025, 2, 15)


# --- find_due: deadlines --------------------------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("ACC Harman to arrange a briefing for the PCC prior to the 21 March 2025.", date(2025, 3, 21)),
    ("ACO Medhurst to provide an update to Chief Officers at COMB Strategic on 27 August.", date(2024, 8, 27)),
    ("Chief officers approved the agenda item at the next away day on Friday 19 April 2025.", date(2025, 4, 19)),
    ("ACC Wilson to report back to the next meeting.", NEXT),
    ("ACC Wilson to present the findings at the next meeting.", NEXT),
    ("Mr. Castle to circulate the figures within two weeks.", date(2024, 8, 13)),
    ("DCS Price to report back in November.", date(2024, 11, 30)),
    ("The review to be completed by the end of March.", date(2025, 3, 31)),
    ("PSE Brown to provide the costs no later than 15 September 2024.", date(2024, 9, 15)),
    ("ACC Wilson to review the policy and report in three months.", date(2024, 10, 30)),
    ("ACC Wilson to provide the data by 30 June.", date(2025, 6, 30)),
    ("ACC Wilson to update chief officers by the end of the month.", date(2024, 7, 31)),
    ("ACC Wilson to brief the PCC before 9 August 2024.", date(2024, 8, 9)),
])
def test_deadline_found(sentence, expected):
    d = due(sentence)
    assert d is not None and d.date == expected
    assert sentence[d.start:d.end] == d.text


def test_due_text_keeps_its_cue():
    d = due("ACC Harman to arrange a briefing prior to the 21 March 2025.")
    assert d.text == "prior to the 21 March 2025"


def test_new_year_from_the_sentence():
    d = find_due("ACC Wilson to respond by 15 January.", date(2024, 12, 10), None)
    assert d.date == date(2025, 1, 15)


# --- find_due: dates that are not deadlines -------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The Chair asked Chief Officers to review the above report, published on 19 July with a focus on the findings.",
    "Chief officers approved the scheme from 2 April 2025.",
    "Chief officers approved the rate effective from 1 September 2024.",
    "ACC Wilson to review all seizures since 1 March 2024.",
    "ACC Wilson to review all seizures since March.",
    "The interim policy applies until 31 March 2025 and ACC Wilson to monitor it.",
    "ACC Wilson to review the cases between 1 September and 30 November.",
    "Chief officers approved the plan for the period 1 April 2025 to 31 March 2026.",
    "The scheme, which was launched on 3 September, is to be reviewed by ACC Wilson.",
    "ACC Wilson to review the incident on 12 August.",
    "ACC Wilson to respond to the letter dated 5 August 2024.",
    "ACC Wilson to respond to the HMICFRS letter of 20 August 2024.",
    "ACC Wilson to review the events held on 10 August 2024.",
    "ACC Wilson to review the report of 2 March 2024.",  # before the meeting: the past
    "ACC Wilson to discuss the findings outside of the meeting.",
    "The Chair thanked ACC Wilson.",
])
def test_not_a_deadline(sentence):
    d = due(sentence)
    assert d is None or d.date is None


# --- recurrences ----------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, recurrence", [
    ("The fleet policy is to be looked at again on a quarterly basis.", "quarterly"),
    ("T/CS Alland to present a quarterly update to chief officers.", "quarterly"),
    ("ACC Wilson to report monthly.", "monthly"),
    ("The policy to be reviewed every six months.", "six-monthly"),
    ("The policy to be reviewed annually.", "annually"),
    ("ACC Wilson to provide bi-monthly updates.", "bi-monthly"),
    ("ACC Wilson to provide weekly figures.", "weekly"),
    ("The board to receive an annual report.", "annually"),
])
def test_recurrence(sentence, recurrence):
    d = due(sentence)
    assert d is not None and d.date is None and d.recurrence == recurrence
    assert sentence[d.start:d.end] == d.text


def test_recurrence_with_deadline():
    d = due("ACC Wilson to report quarterly, starting at the next meeting.")
    assert d.date == NEXT and d.recurrence == "quarterly"
    d = due("Mr. Castle to provide monthly figures, the first by 31 August 2024.")
    assert d.date == date(2024, 8, 31) and d.recurrence == "monthly"


def test_annual_pay_award_is_not_a_recurrence():
    assert find_recurrence("the annual pay award of 4.25%") is None


# --- NER spans ------------------------------------------------------------------------------


def test_ner_date_spans_used():
    s = "ACC Wilson to report back before COMB Strategic."
    assert due(s) is None
    d = find_due("ACC Wilson to report back by the autumn deadline of 27 September 2024.", MEETING, NEXT,
                 date_spans=[(49, 66)])
    assert d.date == date(2024, 9, 27)


def test_no_dates_no_due():
    assert due("ACC Wilson to discuss compliance testing with PSE Neiles.") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("abcdefgh ABCD0123456789/.,-") + [
    " by ", " on ", " the next meeting", " 27 August", " March", " within two weeks", " quarterly", " from "]),
    max_size=30).map("".join))
def test_find_due_never_breaks(sentence):
    d = find_due(sentence, MEETING, NEXT)
    if d is not None:
        assert 0 <= d.start <= d.end <= len(sentence)
        assert d.date is not None or d.recurrence is not None


def test_a_model_date_span_that_took_in_the_due_label_colon_still_gives_the_deadline() -> None:
    from datetime import date

    from pipeline.linking.due_dates import find_due
    from pipeline.nlp.due_dates import _trimmed

    text = "Treasurer to send the revised reserves note to members\nDue: April 2026"
    start = text.index(": April")
    span = _trimmed(text, start, len(text))
    assert text[span[0]:span[1]] == "April 2026"
    assert find_due(text, date(2026, 2, 3), None, [span]).date == date(2026, 4, 30)


# --- the formal 'Nth day of Month' -----------------------------------------------------------


def test_the_day_of_an_act_is_not_a_deadline():
    """'passed this 4th day of March, 2026' dates the by-law's enactment; with or without the
    model's DATE span over it, no due date comes of it."""
    sentence = "That By-law 2026-09 be read a first, second and third time and passed this 4th day of March, 2026."
    assert find_due(sentence, date(2026, 3, 4), None) is None
    start = sentence.index("4th")
    assert find_due(sentence, date(2026, 3, 4), None, [(start, start + len("4th day of March, 2026"))]) is None


def test_a_formal_day_of_month_after_a_deadline_cue_is_read_whole():
    d = find_due("The Treasurer to file the return on or before the 30th day of June, 2026.", date(2026, 3, 4), None)
    assert d is not None and d.date == date(2026, 6, 30) and d.text.endswith("30th day of June, 2026")


def test_a_date_joined_to_a_non_deadline_date_is_not_a_deadline():
    """The model's DATE span can cut across two dates ('2025 and January 7' of 'dated December 31,
    2025 and January 7 and 14, 2026'): what follows 'dated …,' is still not a deadline."""
    sentence = "That the statement of accounts dated December 31, 2025 and January 7 and 14, 2026 be approved."
    start = sentence.index("2025 and")
    assert find_due(sentence, date(2026, 1, 19), None, [(start, start + len("2025 and January 7"))]) is None


def test_a_deadline_after_a_joined_non_deadline_date_is_kept():
    d = find_due("The Treasurer to pay the invoices of 3 January and 10 January by 31 January.", date(2026, 1, 19), None)
    assert d is not None and d.date == date(2026, 1, 31)
