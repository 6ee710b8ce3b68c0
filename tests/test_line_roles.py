"""Every line of a page gets one role, decided from the page alone; set-aside lines stay visible
(``Minutes.lines``, ``minutes inspect``) and never reach the classifier."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.layout.lines import split_lines
from pipeline.layout.roles import is_fragment, is_heading_like

PAGE = """Harbourside Fire Authority - Resources Committee
Minutes of the meeting held on Thursday 6 March 2025 at Quay House
Present: Cllr M Arkwright (Chair), Cllr T Obi, Cllr S Lindqvist
Apologies: Cllr R Dunmore
Harbourside Fire Authority  Resources Committee
1. Budget Monitoring
Workforce Planning Update
The Treasurer presented the quarter three monitoring report.
Page 1 of 3
Harbourside Fire Authority  Resources Committee
RESOLVED: That the revised capital programme be approved.
AGM
Page 2 of 3
Harbourside Fire Authority  Resources Committee
Signed ______________ Chair
The Treasurer to circulate the reserves strategy to members
"""


def roles(text: str) -> list[tuple[str, str]]:
    return [(r.role, r.text) for r in parse_minutes(Page("p.txt", text)).lines]


def test_each_line_has_a_role_and_set_aside_lines_are_not_sentences() -> None:
    m = parse_minutes(Page("p.txt", PAGE))
    got = {text: role for role, text in roles(PAGE)}
    assert got["Page 1 of 3"] == "page_furniture"
    assert got["Signed ______________ Chair"] == "page_furniture"
    assert got["AGM"] == "fragment"
    assert got["Workforce Planning Update"] == "heading"
    assert got["1. Budget Monitoring"] == "item"
    assert got["Apologies: Cllr R Dunmore"] == "apologies"
    sentences = [s.text for s in m.sentences]
    assert sentences == ["The Treasurer presented the quarter three monitoring report.",
                         "That the revised capital programme be approved.",
                         "The Treasurer to circulate the reserves strategy to members"]
    assert m.sentences[0].item == "Workforce Planning Update"


def test_running_header_is_set_aside_after_its_first_occurrence() -> None:
    lines = [r for r in parse_minutes(Page("p.txt", PAGE)).lines if r.text.startswith("Harbourside Fire Authority  ")]
    assert [r.role for r in lines][1:] == ["page_furniture"] * 2
    assert lines[0].role != "page_furniture"


def test_an_action_on_the_last_line_without_a_full_stop_is_kept() -> None:
    text = "Board minutes\nDate: 3 June 2025\nThe board noted the report.\nACC Hale to brief the staff associations"
    m = parse_minutes(Page("p.txt", text))
    assert m.sentences[-1].text == "ACC Hale to brief the staff associations"


def test_a_sentence_repeated_on_the_page_is_never_a_running_header() -> None:
    text = "Board minutes\n" + "The report was noted.\nSome discussion followed.\n" * 4
    m = parse_minutes(Page("p.txt", text))
    assert [s.text for s in m.sentences].count("The report was noted.") == 4


def test_ingestion_set_aside_is_listed_first() -> None:
    from pipeline.ingest.page import SetAside

    page = Page("p.md", "Board minutes\nThe board met.\n", set_aside=[SetAside('{"a": 1}', "code_block", "line 3")])
    first = parse_minutes(page).lines[0]
    assert (first.role, first.text, first.start) == ("code_block", '{"a": 1}', -1)


def test_fragments_and_headings() -> None:
    assert is_fragment("AGM") and is_fragment("Accounts?") and is_fragment("12 | 4 |")
    assert not is_fragment("Approved.") and not is_fragment("Clerk to write")
    assert is_fragment("https://example.org/board/2031-05-14") and is_fragment("(Ruth Ames, Head of Estates)")
    assert not is_fragment("(a) Agree the revised fees schedule.")
    assert is_heading_like("DEEP DIVE: CUSTODY SUITES") and is_heading_like("Ana Ruiz, Leeward College")
    assert not is_heading_like("HC to look at this") and not is_heading_like("Clerk to write")
    assert not is_heading_like("RESOLVED THAT THE COMMITTEE APPROVES THE REVISED FEES SCHEDULE")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Title: X", "Date: 1 May 2024", "Name | Role |", "Page 3 of 9", "AGM",
                                 "RESOLVED: That the plan be approved.", "Present: Cllr A Bee, Cllr C Dee",
                                 "Action 4/24 - discharged.", "Clerk to write", "Running Header Line",
                                 "Apologies: Cllr E Eff", "The board noted it. It agreed.", "Decision:"]),
                max_size=25).map("\n".join))
def test_every_line_of_the_text_has_exactly_one_role(text: str) -> None:
    m = parse_minutes(Page("p.txt", text))
    covered = sorted((r.start, r.end) for r in m.lines if r.start >= 0)
    assert all(a[1] <= b[0] for a, b in zip(covered, covered[1:]))  # no line twice
    for ln in split_lines(text):
        assert any(s <= ln.start < e for s, e in covered), ln.text


def test_inspect_prints_roles(tmp_path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "pipeline", "inspect", "--no-model", str(page)],
                         capture_output=True, text=True, check=True).stdout
    assert "[page_furniture]" in out and "Page 2 of 3" in out
    assert "[fragment]" in out and "[apologies]" in out
    assert "# attendees: 3" in out


def test_due_and_owner_lines_join_the_task_above() -> None:
    text = ("Data board notes\n1. Registers\nAction 3: The secretariat to publish the asset register.\n"
            "Due: March 2025\nAction: A review is to be drafted jointly by the Force and the OPCC. Action: KT/LM\n")
    m = parse_minutes(Page("p.txt", text))
    assert [s.text for s in m.sentences] == [
        "The secretariat to publish the asset register.\nDue: March 2025",
        "A review is to be drafted jointly by the Force and the OPCC. Action: KT/LM"]
    assert m.sentences[0].action_id == "3"
    due = next(r for r in m.lines if r.text == "Due: March 2025")
    assert (due.role, due.detail) == ("body", "part of the sentence above")


def test_signature_lines_are_page_furniture() -> None:
    text = "Parish council minutes\nThe council noted the accounts.\nSigned by the Chair\nChairman:\n"
    aside = {r.text: r.role for r in parse_minutes(Page("p.txt", text)).lines if r.set_aside}
    assert aside == {"Signed by the Chair": "page_furniture", "Chairman:": "page_furniture"}


def test_a_due_date_after_the_task_on_the_same_line_stays_with_it() -> None:
    text = "Panel notes\nAction 4: Secretariat to publish the summary. Due: May 2025\nRESOLUTION: That the profile be adopted.\n"
    m = parse_minutes(Page("p.txt", text))
    assert [(s.text, s.heading) for s in m.sentences] == [
        ("Secretariat to publish the summary. Due: May 2025", "Action 4:"),
        ("That the profile be adopted.", "RESOLUTION:")]


def test_a_verdict_joins_the_motion_it_carries() -> None:
    text = ("Township council minutes\n5. By-laws\nR2026-014 A. Brandt, C. Ilves: That we pass By-Law No. 2026-14, "
            "being a by-law to appoint a deputy clerk.\nCARRIED\nThat the grant be refused. Motion lost.\n")
    m = parse_minutes(Page("p.txt", text))
    assert [s.text.split(": ", 1)[-1] for s in m.sentences] == [
        "That we pass By-Law No. 2026-14, being a by-law to appoint a deputy clerk.\nCARRIED",
        "That the grant be refused. Motion lost."]


def test_table_headers_and_later_attendance_lists_are_set_aside() -> None:
    text = ("Joint committee minutes\nPresent: Cllr A Vance (Chair), Cllr B Oduya\n1. Joint session\n"
            "ALSO PRESENT: Cllr C Brandt, Cllr D Ilves\nThe committees met jointly to consider the accounts.\n"
            "Raised | Action | Owner |\n---|---|---|\n12/03 | Treasurer to reissue the accounts timetable | KT |\n"
            "Update 02.04 - complete\n")
    m = parse_minutes(Page("p.txt", text))
    aside = {r.text: (r.role, r.detail) for r in m.lines if r.set_aside}
    assert aside["Raised | Action | Owner |"] == ("table_row", "a table's header row")
    assert aside["ALSO PRESENT: Cllr C Brandt, Cllr D Ilves"][0] == "attendance_list"
    assert m.sentences[-1].text.endswith("| KT |\nUpdate 02.04 - complete")


def test_a_numbered_task_is_not_an_agenda_item() -> None:
    text = "Network group notes\nActions\n1. To collect the audit returns from each site [new for Ravi]\n"
    m = parse_minutes(Page("p.txt", text))
    assert [s.text for s in m.sentences] == ["1. To collect the audit returns from each site [new for Ravi]"]


@pytest.mark.parametrize("line", ["Fleet telematics – for decision (Papers)", "Custody estate (Paper) (closed)",
                                  "AUDIT AND STANDARDS COMMITTEE (JOINT SESSION)"])
def test_agenda_titles_are_headings(line) -> None:
    assert is_heading_like(line)


def test_a_progress_note_joins_its_task() -> None:
    text = "Board notes\n4. Fleet\nKB will reissue the fleet costings.\nUpdate 04.02.26 costings confirmed – Complete\n"
    m = parse_minutes(Page("p.txt", text))
    assert [s.text for s in m.sentences] == [
        "KB will reissue the fleet costings.\nUpdate 04.02.26 costings confirmed – Complete"]


def test_a_privacy_notice_link_is_site_furniture_but_a_task_about_one_is_minutes() -> None:
    page = ("Example Board\nMinutes of the meeting held on 3 March 2026\n1. Data protection\n"
            "The DPO to publish the updated privacy notice on the force website by 30 April.\n"
            "Read our privacy notice\n")
    found = dict((text, role) for role, text in roles(page))
    assert found["The DPO to publish the updated privacy notice on the force website by 30 April."] == "body"
    assert found["Read our privacy notice"] == "boilerplate"
