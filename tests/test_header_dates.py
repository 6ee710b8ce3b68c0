"""The meeting's date and the next meeting's date: the statements minutes make about them, which
one wins when several dates stand at the top, and where a next meeting is not ours. Invented pages."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.dates import parse_date
from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.layout.model import Minutes


def parse(text: str, source: str = "t.txt", meta: dict | None = None) -> Minutes:
    return parse_minutes(Page(source=source, text=text, meta=meta or {}))


BODY = "1. Finance\nThe board noted the report.\n"


@pytest.mark.parametrize("top, expected", [
    ("Estates Board\nNotes of Meeting\nThursday 20 January 2022, 09:30-11:00\nBlue Room\n", date(2022, 1, 20)),
    ("RIVER TOWNSHIP\nMINUTES\nJanuary 27, 2020\n", date(2020, 1, 27)),
    ("Working Group plenary, 2020-09-14\n", date(2020, 9, 14)),
    ("Open Data Board - Meeting 4 (21 May 2015)\nContext\n", date(2015, 5, 21)),
    ("Finance Board Minutes 2 April 2016\n", date(2016, 4, 2)),
    ("Finance Board\nMinutes of the meeting held in Room 4, Headquarters at 9:15am on Monday 11 July 2016.\n",
     date(2016, 7, 11)),
    ("COUNTY CABINET\nMINUTES of a meeting of the Cabinet held at County Hall, Lewes on Thursday, 8 June 2023.\n",
     date(2023, 6, 8)),
    ("Harbour Council\nThe Council held their meeting at 7pm on the 6th June 2018 at the Hall.\n", date(2018, 6, 6)),
    ("Board Minutes\n17.10.12\nMinutes of a meeting held on 17 October at the Treasury:\n", date(2012, 10, 17)),
    ("Group on Openness\nMinutes of the 2nd Meeting: 9th February 2012\n", date(2012, 2, 9)),
])
def test_meeting_date_statements(top, expected):
    assert parse(top + "Present: Ann Lee, Bo Marsh\n" + BODY).meeting_date == expected
    assert parse(top + BODY).meeting_date == expected


def test_a_held_statement_wins_over_an_agenda_front_sheet_date():
    m = parse("Borough Council\nAudit Committee\nA meeting of the Audit Committee will be held:\nDate: 9 November 2018\n"
              "Venue: Committee Room\n1. Apologies\n2. Minutes of the meeting held on 11 October 2018\n"
              "Members are advised to declare interests. Forms are available on request from the clerk.\n"
              "AUDIT COMMITTEE\n11 OCTOBER 2018\nPRESENT: Ann Lowe (Chairman), Ben Marsh, Cal Nunn\n"
              "1 DECLARATIONS OF INTEREST\nNone were declared.\n")
    assert m.meeting_date == date(2018, 10, 11)
    assert m.next_meeting_date == date(2018, 11, 9)  # the meeting the front sheet announces


def test_a_us_numeric_footer_is_read_month_first_and_never_the_meeting_date():
    assert parse_date("3.28.2024") == date(2024, 3, 28)
    m = parse("FIRE DISTRICT\nThursday, March 14, 2024\nMembers present: Abel, Brook and Cane.\n"
              "1. Consent items\nThe consent calendar was adopted.\n3.14.2024 Board Minutes Page 2 of 3\n")
    assert m.meeting_date == date(2024, 3, 14)


def test_front_matter_and_file_name_are_the_last_resorts():
    body = "Attendance\nAnn Lee, Bo Marsh, Cy Nunn\nKey points\nThe group discussed training rooms.\n"
    assert parse(body, meta={"date": "2021-10-08", "title": "October Group Meeting"}).meeting_date == date(2021, 10, 8)
    assert parse(body, source="group-minutes-2019-05-02.md").meeting_date == date(2019, 5, 2)
    assert parse(body).meeting_date is None
    # a date in the text beats the file's name
    assert parse("Group Meeting 4 June 2020\n" + body, source="x-2019-05-02.md").meeting_date == date(2020, 6, 4)


@pytest.mark.parametrize("closing, expected", [
    ("Date of next meeting: 14 December 2023\n", date(2023, 12, 14)),
    ("The next meeting will be held on 14 December 2023.\n", date(2023, 12, 14)),
    ("That the meeting be adjourned. Time: 8:10 p.m. Next regular meeting to be held December 14, 2023. Carried.\n",
     date(2023, 12, 14)),
    ("5. Next meeting details\nNext plenary session on Thursday 14th December.\n", date(2023, 12, 14)),
    ("The next meeting is Thursday 14th December, 10.00 – 11.30, Room 5.\n", date(2023, 12, 14)),
    ("For next meeting questions should be sent to the chair.\n", None),
])
def test_next_meeting_statements(closing, expected):
    m = parse("Finance Board\nDate: 9 November 2023\nPresent: Ann Lee, Bo Marsh\n" + BODY + closing)
    assert m.meeting_date == date(2023, 11, 9)
    assert m.next_meeting_date == expected


def test_another_bodys_next_meeting_in_a_report_is_not_ours():
    m = parse("FIRE DISTRICT\nThursday, March 14, 2024\nMembers present: Abel, Brook and Cane.\n"
              "REPORTS\nA. Dispatch Authority - (Director Abel)\nThe authority met last week.\n"
              "The next meeting is scheduled for April 2, 2024 in this room.\n"
              "B. Finance Committee - (Director Brook)\nThe committee reviewed the accounts.\n"
              "BOARD MEMBER COMMENTS\nDirector Cane thanked the staff.\nADJOURNMENT\nThe meeting was adjourned at 8 p.m.\n")
    assert m.next_meeting_date is None


def test_a_next_meeting_before_the_meeting_is_not_taken():
    m = parse("Finance Board\nDate: 9 November 2023\nPresent: Ann Lee, Bo Marsh\n" + BODY + "Next meeting: 2 March 2023\n")
    assert m.next_meeting_date is None


def test_title_skips_a_protective_marking_and_prefers_front_matter():
    page = "OFFICIAL\nData Board Minutes\n08.02.11\nPresent: Ann Lee, Bo Hale\n" + BODY
    assert parse(page).title == "Data Board Minutes"
    assert parse(page, meta={"title": "Data Board, February"}).title == "Data Board, February"
