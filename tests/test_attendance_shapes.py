"""Attendance shapes beyond the seeds' table: civic titles, prose and labelled blocks, roll calls,
two-column tables, Markdown lists, 'Name, Organisation' chains, and what is not attendance
(apologies, absentees, membership lists, people merely mentioned). All pages are invented."""
from __future__ import annotations

from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.layout.model import Minutes
from pipeline.layout.people import parse_person, split_people


def parse(text: str, source: str = "t.txt") -> Minutes:
    return parse_minutes(Page(source=source, text=text))


def names(m: Minutes) -> list[str]:
    return [a.name for a in m.attendees]


def chair(m: Minutes) -> str:
    return m.chair.name if m.chair else ""


def test_plural_title_then_names_split_only_by_initials():
    m = parse("HARBOUR TOWN COUNCIL\nMinutes of the meeting held on 3 May 2022\n"
              "Present: Councillors D Fenwick (Chair) R Olley, M Prentice and P Quayle\n"
              "1. Apologies\nNone were received.\n")
    assert names(m) == ["D Fenwick", "R Olley", "M Prentice", "P Quayle"]
    assert {a.rank for a in m.attendees} == {"Councillor"}
    assert chair(m) == "D Fenwick"


def test_civic_titles_are_the_rank_and_in_attendance_officers_count():
    m = parse("COUNTY CABINET\nMINUTES of a meeting of the Cabinet held at County Hall on Monday, 6 March 2023.\n"
              "PRESENT: Mr T J Arden (Chairman), Mrs L Boyce, Mr K Dale, OBE, Ms F Grey and Mr S Holt\n"
              "IN ATTENDANCE: Dr N Iqbal (Director of Public Health), Mrs J Keane (Chief Executive) and "
              "Mr P Lomax (General Counsel)\nUNRESTRICTED ITEMS\n12. Apologies\nNo apologies were received.\n")
    assert names(m) == ["T J Arden", "L Boyce", "K Dale", "F Grey", "S Holt", "N Iqbal", "J Keane", "P Lomax"]
    assert [a.rank for a in m.attendees[:3]] == ["Mr", "Mrs", "Mr"] and m.attendees[5].rank == "Dr"
    assert m.attendees[5].role == "Director of Public Health"
    assert chair(m) == "T J Arden"
    assert m.meeting_date.isoformat() == "2023-03-06"


def test_bulleted_people_with_initials_chair_flag_and_dash_role():
    m = parse("Northshire Governance Board\nNotes of Meeting\nMonday 7 February 2022, 10:00-12:00\nRiver Room, Headquarters\n"
              "- Gwen Harlow (GH) Chair – Police & Crime Commissioner\n"
              "- Tobias Linden-Reyes (TLR) – Chief Executive Officer\n"
              "- Priya Okafor (PO) – Treasurer\n"
              "Ref 01/07/02/2022\nMinutes of the last meeting were agreed.\n")
    assert names(m) == ["Gwen Harlow", "Tobias Linden-Reyes", "Priya Okafor"]
    assert chair(m) == "Gwen Harlow"
    assert m.attendees[1].role == "Chief Executive Officer"
    assert m.attendees[1].aliases[0] == "TLR" and "GH" in m.attendees[0].aliases
    assert m.meeting_date.isoformat() == "2022-02-07"


def test_prose_blocks_with_labels_and_an_unlabelled_line_after_the_minute_taker():
    m = parse("Strategy Board Minutes 4 April 2019\n"
              "Minutes of the meeting held at Force Headquarters at 2:00pm on Thursday 4 April 2019.\n"
              "In the Chair: Commissioner Maya Trent (MT).\n"
              "Officers: Chief Constable Iain Royle (IR); Head of Audit and Risk Dana Quill (DQ); "
              "Commissioner’s Chief of Staff Omar Bello (OB).\n"
              "Minute taker: Governance Officer Rhea Stone (RS).\n"
              "Commissioner’s Treasurer Carl Pike (CP); Director of Estates Una Vance (UV).\n"
              "The minutes of the last meeting were approved.\n")
    assert names(m) == ["Maya Trent", "Iain Royle", "Dana Quill", "Omar Bello", "Rhea Stone"]
    assert m.attendees[0].rank == "Commissioner" and chair(m) == "Maya Trent"
    assert m.attendees[2].role == "Head of Audit and Risk"
    assert "DQ" in m.attendees[2].aliases


def test_roll_call_with_absentees_and_staff_after_a_call_to_order():
    m = parse("RIVERSIDE FIRE DISTRICT\nBOARD OF DIRECTORS\nWednesday, March 8, 2023\n"
              "The meeting was called to order at 6:00 pm by Vice President Okoro. Board members present: Abbott, "
              "Okoro, Pruitt and Vance. Board members absent: Whitlow.\nStaff present: Chief Dunmore and Board Clerk Ames.\n"
              "PUBLIC COMMENTS\nNo public comments were received.\n")
    assert names(m) == ["Abbott", "Okoro", "Pruitt", "Vance", "Dunmore", "Ames"]
    assert chair(m) == "Okoro"
    assert m.meeting_date.isoformat() == "2023-03-08"


def test_inline_regrets_and_staff_labels_and_role_before_name():
    m = parse("TOWNSHIP OF ELMVALE\nTuesday, May 2, 2023\nA regular meeting of Council was held on Tuesday, May 2, 2023.\n"
              "Present: Mayor Ada Kerr and Councillors Ben Lyle, Cora Moss and Dev Nair. Regrets: Councillor Eli Ortiz "
              "Staff: Roads Superintendent Finn Page and Municipal Administrator-Clerk Gia Quinn.\n"
              "Disclosure of pecuniary interest: None.\n")
    assert names(m) == ["Ada Kerr", "Ben Lyle", "Cora Moss", "Dev Nair", "Finn Page", "Gia Quinn"]
    assert m.attendees[0].rank == "Mayor" and m.attendees[1].rank == "Councillor"
    assert m.attendees[4].role == "Roads Superintendent"


def test_two_column_table_with_labels_in_the_cells():
    m = parse("Digital Board Minutes\n14.03.12\nMinutes of a meeting held on 14 March at the Treasury:\n"
              "Present: |  | Officials: |\n---|---|---|\n"
              "Jo Abbot (Chair) | Kim Best (Treasury) |\nProfessor Lee Cole | Sam Dunn (Home Office) |\n"
              "Guests: | Ria Ess (Secretary) |\nDr Ola Fenn (City University) |  |\n"
              "Apologies: | Apologies: |\nSir Ned Gale | Ivy Hart (No 10) |\n"
              "The meeting opened with a demonstration.\n")
    assert sorted(names(m)) == sorted(["Jo Abbot", "Kim Best", "Lee Cole", "Sam Dunn", "Ria Ess", "Ola Fenn"])
    assert chair(m) == "Jo Abbot"
    assert m.meeting_date.isoformat() == "2012-03-14"


def test_glued_cells_are_two_people():
    m = parse("Panel Minutes\nPresent:\nAnn Ray (Chair)\nAlso present:\n"
              "Baroness Tull (Local Government) Lord Vine (Justice)\nBudget\nThe budget was discussed.\n")
    assert names(m) == ["Ann Ray", "Tull", "Vine"]
    assert [a.rank for a in m.attendees[1:]] == ["Baroness", "Lord"]


def test_markdown_attendees_at_the_end_with_apologies_between_and_other_attendees():
    m = parse("Standards Board - Meeting 5 (12 June 2016)\nContext\nThe board met to consider two proposals.\n"
              "1. The board agreed the first proposal.\nAttendees\n"
              "Rosa Vale, Digital Service (acting chair) Omar Pike, Riverside University Lin Choi, ORR Tim Kahn, Surefield\n"
              "Board member apologies:\nNed Ash, Health Service Ivy Bond, Jisc\nOther attendees:\n"
              "Paul Ruiz, Department for Transport Paul is chair of the Technical Panel\n"
              "Zoe Fry, Cabinet Office\n")
    assert names(m) == ["Rosa Vale", "Omar Pike", "Lin Choi", "Tim Kahn", "Paul Ruiz", "Zoe Fry"]
    assert chair(m) == "Rosa Vale"
    assert m.attendees[1].role == "Riverside University"
    assert [s.text for s in m.sentences][:1] == ["The board met to consider two proposals."]
    assert m.meeting_date.isoformat() == "2016-06-12"


def test_name_organisation_lines_and_bullets_under_a_heading():
    m = parse("Data Panel\nThe panel met.\nThe following people attended the meeting:\n"
              "- Hal Moore, Digital Services (chair)\n- Ines Ruiz, Health and Social Care Centre\n"
              "- Jon Webb - Met Office\nPost meeting note\nNothing further.\n")
    assert names(m) == ["Hal Moore", "Ines Ruiz", "Jon Webb"]
    assert chair(m) == "Hal Moore" and m.attendees[1].role == "Health and Social Care Centre"


def test_semicolon_list_dedupes_spellings_and_chair_line_elsewhere():
    m = parse("2024 Plenary, 2024-02-08\nAgenda\n1. Attendees and Apologies\nMinutes\n"
              "Attendees: Ana Bell; Carl Dunn; Carl DUNN; Eva Ford.\nApologies: Gus Hale.\nPlenary\n"
              "Chair: Carl Dunn\nNotes: Eva Ford\nNext meeting details\nNext plenary session on Thursday 7th March 2024.\n")
    assert names(m) == ["Ana Bell", "Carl Dunn", "Eva Ford"]
    assert chair(m) == "Carl Dunn"
    assert m.meeting_date.isoformat() == "2024-02-08" and m.next_meeting_date.isoformat() == "2024-03-07"


def test_membership_list_is_not_attendance_and_apologies_received_from():
    m = parse("Borough Council\nAudit Committee\nMembership:\nCouncillors:\nAnn Lowe\nBen Marsh\nCal Nunn\n"
              "A meeting of the Audit Committee will be held:\nDate: 9 November 2018\nAudit Committee\n"
              "AUDIT COMMITTEE\n11 OCTOBER 2018\n"
              "PRESENT: Ann Lowe (Chairman), Councillors Ben Marsh and Dot Owen.\n"
              "Fay Pryor (Head of Finance), Gil Rees (Audit Office)\n"
              "Apologies for absence were received from Councillor Cal Nunn\n1 DECLARATIONS OF INTEREST\nNone.\n")
    assert names(m) == ["Ann Lowe", "Ben Marsh", "Dot Owen", "Fay Pryor", "Gil Rees"]
    assert m.meeting_date.isoformat() == "2018-10-11"
    assert m.next_meeting_date.isoformat() == "2018-11-09"


def test_a_person_who_joined_the_meeting_counts_but_people_mentioned_later_do_not():
    m = parse("VALE COMMUNITY COUNCIL\nMEETING 9th MAY 2018\nThe Council held their meeting at 7pm on the 9th May 2018.\n"
              "PRESENT Councillors Ann Hale, Bo Ives and County Councillor Cy Judd.\n"
              "PCSO Di Kemp joined the meeting and reported on local thefts.\n"
              "1. APOLOGIES Apologies received from Councillor Ed Lamb.\n"
              "2. MINUTES It was proposed by Cllr. A. Hale and agreed that the minutes were correct.\n")
    assert names(m) == ["Ann Hale", "Bo Ives", "Cy Judd", "Di Kemp"]
    assert m.attendees[2].rank == "County Councillor" and m.attendees[3].rank == "PCSO"
    assert m.meeting_date.isoformat() == "2018-05-09"


def test_members_of_the_public_and_body_sentences_are_not_people():
    assert parse_person("Members of the public") is None
    assert parse_person("Ch/Supt Lowe introduced the paper") is None
    assert parse_person("Apologies for absence were received from Councillors Rod Vale") is None
    assert parse_person("Bolton University") is None


def test_split_people_keeps_roles_with_and_in_semicolon_lists():
    assert split_people("Chief Accountant and Treasurer Jo Hale (JH); Head of Legal Sam Ng (SN)") == [
        "Chief Accountant and Treasurer Jo Hale (JH)", "Head of Legal Sam Ng (SN)"]
    assert split_people("A Lee, B Ross and C Young") == ["A Lee", "B Ross", "C Young"]


def test_aliases_take_matching_bracketed_initials_and_the_computed_ones():
    a = parse_person("Rhona Hartley-Lane (RHL) – Director of Business Services")
    assert a.aliases == ["RHL"] and a.initials == "RHL"
    b = parse_person("A/ACC Lucy Morris (MT)")  # a note that is not her initials is no alias
    assert b.aliases == ["LM"] and b.notes == ["MT"]


def test_roll_call_present_and_absent_in_one_line():
    m = parse("Licensing Board Minutes\nDate: 3 May 2021\nPresent: Commissioners Ann Lee, Bo Hale; Absent: Cy Moss\n"
              "1. Licences\nThe board granted two licences.\n")
    assert names(m) == ["Ann Lee", "Bo Hale"] and {a.rank for a in m.attendees} == {"Commissioner"}
    m = parse("Licensing Board Minutes\nDate: 3 May 2021\nPRESENT: Commissioners Lee, Hale and Moss. ABSENT: "
              "Commissioner Ng.\nOFFICIALS: Executive Director Amy Cole; Clerk Raj Patel\n1. Licences\nNone.\n")
    assert names(m) == ["Lee", "Hale", "Moss", "Amy Cole", "Raj Patel"]
    assert m.attendees[3].role == "Executive Director"


def test_initials_close_the_name_and_the_post_follows():
    m = parse("Trust Board\nMinutes of the meeting held on Wednesday 5 October 2022\nPresent:\n"
              "Dr Jan Smit (JS) Medical Director (Chair)\nMr Tam Brook (TB) Finance Director\n"
              "In attendance:\nMs Kay Pratt (KP) Board Secretary (minutes)\nApologies:\nProf Ian Hall (IH) Non-Executive\n"
              "1. Welcome\nThe Chair welcomed everyone.\n")
    assert [(a.rank, a.name, a.role) for a in m.attendees] == [
        ("Dr", "Jan Smit", "Medical Director"), ("Mr", "Tam Brook", "Finance Director"), ("Ms", "Kay Pratt", "Board Secretary")]
    assert chair(m) == "Jan Smit" and m.attendees[1].aliases == ["TB"]


def test_a_body_line_opening_with_a_label_is_not_attendance():
    m = parse("Board Minutes\nDate: 3 May 2021\n1. Policy\nThe board discussed the policy.\n"
              "Officers: Chief Superintendent Hale and Inspector Moss to review the policy.\n")
    assert m.attendees == []
    assert len(m.sentences) == 2
