"""Gaps in reading headers, attendance and the next-meeting line: group labels after 'Present:'
('Councillors:', 'Bureau:'), a 'Minutes – <date> – <venue>' line, item codes ending the attendance,
fire ranks, name particles and accented names, titles of other countries, and next-meeting lines
with a minute number or another word for the meeting. All pages and names are invented."""
from __future__ import annotations

from datetime import date

from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.layout.attendance import coded_heading
from pipeline.layout.model import Minutes
from pipeline.layout.people import parse_person


def parse(text: str) -> Minutes:
    return parse_minutes(Page(source="t.txt", text=text))


def names(m: Minutes) -> list[str]:
    return [a.name for a in m.attendees]


BODY = "The Committee noted the update on the library refit.\n"


def test_plural_title_with_colon_after_present():
    m = parse("Tarnford Borough Council\nMinutes of the Cabinet held on 2 March 2026\n"
              "PRESENT: Councillor E. Marwood (Leader) – in the Chair\nCouncillors: J. Pellow, K. Ansty, L. Dunmore\n"
              "4. Library refit\n" + BODY)
    assert names(m) == ["E. Marwood", "J. Pellow", "K. Ansty", "L. Dunmore"]
    assert m.attendees[1].rank == "Councillor"


def test_group_labels_after_chair_and_members_lines():
    m = parse("Rates Advisory Panel\nMinutes of meeting held 9 February 2026\nChair: Odile Brackley (Director)\n"
              "Members: Tomas Feeny (Valuation Lead), Ines Carradine (Head of Data)\n"
              "Bureau: Dr Piet Hallam (Statistician)\nSecretary: Wyn Arbery\n1 Welcome\n" + BODY)
    assert names(m) == ["Odile Brackley", "Tomas Feeny", "Ines Carradine", "Piet Hallam", "Wyn Arbery"]
    assert m.chair is not None and m.chair.name == "Odile Brackley"


def test_members_line_alone_opens_the_attendance():
    m = parse("Survey Methods Committee\nMinutes of the meeting held on 5 May 2026, Lyle House\n"
              "Members: Professor Ada Quennell (Chair), Dr Rufus Yelland\n1. Introductions\n" + BODY)
    assert names(m) == ["Ada Quennell", "Rufus Yelland"]


def test_topic_label_is_not_a_group_of_people():
    m = parse("Minutes of the meeting held on 5 May 2026\nPresent: Cllr Ada Quennell, Cllr Rufus Yelland\n"
              "Declarations of interest: Cllr Yelland.\n1. Budget\n" + BODY)
    assert names(m) == ["Ada Quennell", "Rufus Yelland"]


def test_minutes_date_venue_line_is_header_not_attendance():
    for line, venue in (("Minutes – 4 March 2026 – Orchard Hall, Bexcombe", "Orchard Hall, Bexcombe"),
                        ("Minutes: 4 March 2026, 6.30 pm, Orchard Hall (hybrid)", "Orchard Hall (hybrid)")):
        m = parse("Bexcombe Audit Committee\n" + line + "\nPresent: Cllr Ada Quennell (Chair); Cllr Rufus Yelland\n"
                  "AC/12 Statement of Accounts\n" + BODY)
        assert names(m) == ["Ada Quennell", "Rufus Yelland"]
        assert m.meeting_date == date(2026, 3, 4)
        assert m.venue == venue


def test_notes_with_weekday_date_is_not_attendance():
    m = parse("Estates Board\nNotes – Tuesday 16 June 2026, Kestrel House, Dunmore Road\n"
              "Attendees: Ada Quennell (Chair); Rufus Yelland\n1. Welcome\n" + BODY)
    assert names(m) == ["Ada Quennell", "Rufus Yelland"]
    assert m.meeting_date == date(2026, 6, 16)
    assert m.venue == "Kestrel House, Dunmore Road"


def test_item_code_heading_ends_the_attendance():
    m = parse("Transport Committee\nMinutes of the meeting held on 3 June 2026\n"
              "Present: Cllr Ada Quennell (Chair), Cllr Rufus Yelland\n"
              "In attendance: Mira Tolland (Director of Transport)\nTC/19 Bus Network Review Plan\n" + BODY)
    assert names(m) == ["Ada Quennell", "Rufus Yelland", "Mira Tolland"]


def test_coded_headings():
    for text in ("TC/19 Bus Network Review", "EB/25/40 Estates Strategy", "F25/69 Grants",
                 "OS 41 Leisure Centres Task Group – final report", "14/25 Date of next meeting"):
        assert coded_heading(text), text
    for text in ("PC 1234 Jo Hale", "TC/19 The Committee noted the report.", "Present: Jo Hale"):
        assert not coded_heading(text), text


def test_fire_ranks_before_names():
    m = parse("Westmere Fire and Rescue Service\nChief Officer Group – 13 January 2026\n"
              "In the Chair: CFO Nadia Brell (NB)\n"
              "Present: DCFO Silas Ogunde (SO), ACFO Petra Marlow (PM), GM Hal Ferris, Ivo Redd, Director of Finance\n"
              "1. Previous notes\n" + BODY)
    assert names(m) == ["Nadia Brell", "Silas Ogunde", "Petra Marlow", "Hal Ferris", "Ivo Redd"]
    assert [a.rank for a in m.attendees][:4] == ["CFO", "DCFO", "ACFO", "GM"]
    assert parse_person("GM to circulate the paper") is None


def test_name_particles_and_accents():
    for text, name in (("Cllr Rhodri ap Tegid (Chair)", "Rhodri ap Tegid"), ("Aisha al-Marri", "Aisha al-Marri"),
                       ("Karim bin Tahir", "Karim bin Tahir"), ("Jan van der Molen, Treasurer", "Jan van der Molen"),
                       ("Mayor Tane Rāwhiti", "Tane Rāwhiti"), ("Signe Lindström", "Signe Lindström")):
        person = parse_person(text)
        assert person is not None and person.name == name, text
    m = parse("Minutes of the meeting held on 24 November 2026\n"
              "Present: Cllr Rhodri ap Tegid (Chair); Cllr Idwal Vance\n1. Plan\n" + BODY)
    assert m.chair is not None and m.chair.name == "Rhodri ap Tegid"


def test_stacked_and_other_countries_titles():
    m = parse("Minutes of the Ordinary Meeting held on 22 July 2025\n"
              "Present: Mayor Cr Della Voss (Chair), Cr Ned Ambry, Reeve Colm Easton\n1. Apologies\nNil.\n" + BODY)
    assert names(m) == ["Della Voss", "Ned Ambry", "Colm Easton"]
    assert [a.rank for a in m.attendees] == ["Mayor Cr", "Cr", "Reeve"]


def test_membership_front_sheet_opens_no_attendance():
    m = parse("Tarnford Council\nAudit Committee\nMembership:\nCouncillors:\nAda Quennell\nRufus Yelland\n"
              "Mira Tolland\n1. Declarations of interest\n" + BODY)
    assert names(m) == []


def test_next_meeting_lines():
    page = ("Parish Council\nMinutes of the meeting held on 12 March 2026\nPresent: Cllr Ada Quennell\n1. Budget\n"
            + BODY)
    for last, expected in (("26/50 Date of next meeting: Wednesday 10 June 2026 at 7.00pm.", date(2026, 6, 10)),
                           ("P/25/38 Date of next meeting – 14 April 2026", date(2026, 4, 14)),
                           ("Next SIG: 14 May 2026", date(2026, 5, 14)),
                           ("• Next meeting: 2 April 2026.", date(2026, 4, 2)),
                           ("_Next meeting: 2026-04-09_", date(2026, 4, 9)),
                           ("None. Next board: 7 May 2026.", date(2026, 5, 7)),
                           ("The Council will next meet on 4 June 2026.", date(2026, 6, 4)),
                           ("The meeting adjourned at 8:02 p.m. to the regular meeting of April 21, 2026.",
                            date(2026, 4, 21))):
        m = parse(page + last + "\n")
        assert m.next_meeting_date == expected, last
    m = parse(page + "Minute 2026/093 - Date of Next Meeting\nThursday 7 May 2026 at 7pm.\n")
    assert m.next_meeting_date == date(2026, 5, 7)


def test_plural_title_list_between_semicolons():
    m = parse("Minutes of the meeting held on 8 July 2026\n"
              "Present: Councillor Ada Quennell (Chair); Councillors Ned Ambry, Ivo Redd and Petra Marlow; "
              "Tomas Feeny, Chief Building Official\n1. Apologies\n" + BODY)
    assert names(m) == ["Ada Quennell", "Ned Ambry", "Ivo Redd", "Petra Marlow", "Tomas Feeny"]
    assert m.attendees[-1].role == "Chief Building Official"


def test_qualified_members_label_opens_the_attendance():
    m = parse("Harbour Water Corporation\nMinutes of the meeting held on 21 August 2025\n"
              "Directors: N Ostrander (Chair), W Pellow (Deputy Chair)\n"
              "Management: M Quist (Managing Director)\n1. Conflicts of interest\n" + BODY)
    assert names(m) == ["N Ostrander", "W Pellow", "M Quist"]
    m = parse("Minutes of the meeting held on 21 August 2025\n"
              "Panel members: Ada Quennell (Chair); Ned Ambry (Treasury)\n1. Welcome\n" + BODY)
    assert names(m) == ["Ada Quennell", "Ned Ambry"]
