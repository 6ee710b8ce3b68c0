"""The action register over an invented archive of two boards, checked against a hand-worked register.

Board A ('Chief Officers' Management Board - Strategic') meets 12 March, 9 April and 9 July 2024;
action 9/24 is carried forward twice and is overdue on 1 October; 7/24 and 8/24 were raised at a
meeting not in the archive. Board B ('Force Executive Board') numbers its own 9/24 and 10/24, which
must not mix with board A's. Every name and sentence here is invented.
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import MODEL, REPO
from pipeline.records import TABLES, columns
from pipeline.register import board_key, build_register, owner_counts, read_table

AS_OF = "2024-10-01"
A = "chief officers management board strategic"
B = "force executive board"

# The tables exactly as `minutes extract` writes them: the header is records.py's column order.
ARCHIVE = {
    "meetings": """source,title,meeting_date,venue,next_meeting_date,n_attendees,n_decisions,n_actions,body
a_2024-03-12.txt,Chief Officers' Management Board - Strategic,2024-03-12,Boardroom,2024-04-09,5,1,3,
a_2024-04-09.txt,Chief Officer's Management Board – Strategic 9 April 2024,2024-04-09,Boardroom,2024-07-09,5,0,1,
a_2024-07-09.txt,CHIEF OFFICERS' MANAGEMENT BOARD (STRATEGIC),2024-07-09,Boardroom,,4,1,0,
b_2024-05-14.txt,Force Executive Board,2024-05-14,Room 2,2024-06-11,6,0,2,
b_2024-06-11.txt,Force Executive Board,2024-06-11,Room 2,,6,0,0,
""",
    "attendees": """source,meeting_date,rank,name,role,notes,is_chair,aliases
a_2024-03-12.txt,2024-03-12,ACC,Piers Foulds,Serious Crime Directorate,,False,PF
""",
    "decisions": """source,meeting_date,item,sentence_index,char_start,char_end,text,owner,owner_rank,owner_name,owner_role,due_date,due_text,recurrence,confidence,owner_basis
a_2024-03-12.txt,2024-03-12,2. Fleet,1,100,160,ACC Foulds approved the fleet plan by 30 April 2024.,ACC Piers Foulds,ACC,Piers Foulds,Serious Crime Directorate,2024-04-30,by 30 April 2024,,0.98,
a_2024-07-09.txt,2024-07-09,,0,50,100,The board agreed the <b>estates</b> strategy & timetable.,,,,,,,,0.91,
""",
    "actions": """source,meeting_date,item,sentence_index,char_start,char_end,text,owner,owner_rank,owner_name,owner_role,due_date,due_text,recurrence,confidence,owner_basis,action_id
a_2024-03-12.txt,2024-03-12,2. Fleet,2,170,240,ACC Foulds to cost the fleet plan by 30 April 2024.,ACC Piers Foulds,ACC,Piers Foulds,Serious Crime Directorate,2024-04-30,by 30 April 2024,,0.97,,9/24
a_2024-03-12.txt,2024-03-12,3. Custody,4,300,360,The Chair to brief the custody inspectors.,DCC Niall Wetherall,DCC,Niall Wetherall,Deputy Chief Constable,,,,0.95,,10/24
a_2024-03-12.txt,2024-03-12,3. Custody,5,361,420,Mrs. Pattinson to revise the custody budget by 1 May 2024.,PSE Tamsin Pattinson,PSE,Tamsin Pattinson,Chief Finance Officer,2024-05-01,by 1 May 2024,,0.9,,
a_2024-04-09.txt,2024-04-09,,3,200,260,ACC Foulds to report on drones by 31 December 2024.,ACC Piers Foulds,ACC,Piers Foulds,Serious Crime Directorate,2024-12-31,by 31 December 2024,,0.93,,11/24
b_2024-05-14.txt,2024-05-14,1. Estates,1,40,90,ACO Finch to report the sale price by 1 June 2024.,ACO Rita Finch,ACO,Rita Finch,Director of Finance,2024-06-01,by 1 June 2024,,0.96,,9/24
b_2024-05-14.txt,2024-05-14,1. Estates,2,91,130,The depot keys to be returned.,,,,,,,,0.8,,10/24
""",
    "action_updates": """source,meeting_date,action_id,status,due_date,text,owner
a_2024-04-09.txt,2024-04-09,9/24,carried_forward,2024-06-30,Action 9/24 – carried forward to 30 June 2024.,
a_2024-04-09.txt,2024-04-09,10/24,ongoing,,Action 10/24 – ongoing.,
a_2024-04-09.txt,2024-04-09,7/24,discharged,,Action 7/24 – discharged.,
a_2024-07-09.txt,2024-07-09,9/24,carried_forward,2024-09-10,Action 9/24 – carried forward to 10 September 2024.,
a_2024-07-09.txt,2024-07-09,10/24,discharged,,Action 10/24 – discharged.,
a_2024-07-09.txt,2024-07-09,8/24,carried_forward,2024-11-30,Action 8/24 – carried forward to 30 November 2024.,
b_2024-06-11.txt,2024-06-11,9/24,closed,,Action 9/24 – complete.,
""",
    "sentences": """source,sentence_index,char_start,char_end,item,label,confidence,text
a_2024-03-12.txt,2,170,240,2. Fleet,action,0.97,ACC Foulds to cost the fleet plan by 30 April 2024.
""",
    "errors": """source,stage,error
""",
}

T, F = "true", "false"
COLS = ["board", "action_id", "raised_on", "source", "owner", "text", "due_date", "status", "last_update_on",
        "n_updates", "overdue"]
# Worked by hand from ARCHIVE at AS_OF.
EXPECTED = [
    [A, "7/24", "", "", "", "", "", "discharged", "2024-04-09", "1", F],
    [A, "8/24", "", "", "", "", "2024-11-30", "carried_forward", "2024-07-09", "1", F],
    [A, "9/24", "2024-03-12", "a_2024-03-12.txt", "ACC Piers Foulds",
     "ACC Foulds to cost the fleet plan by 30 April 2024.", "2024-09-10", "carried_forward", "2024-07-09", "2", T],
    [A, "10/24", "2024-03-12", "a_2024-03-12.txt", "DCC Niall Wetherall",
     "The Chair to brief the custody inspectors.", "", "discharged", "2024-07-09", "2", F],
    [A, "11/24", "2024-04-09", "a_2024-04-09.txt", "ACC Piers Foulds",
     "ACC Foulds to report on drones by 31 December 2024.", "2024-12-31", "open", "", "0", F],
    [A, "", "2024-03-12", "a_2024-03-12.txt", "PSE Tamsin Pattinson",
     "Mrs. Pattinson to revise the custody budget by 1 May 2024.", "2024-05-01", "open", "", "0", T],
    [B, "9/24", "2024-05-14", "b_2024-05-14.txt", "ACO Rita Finch",
     "ACO Finch to report the sale price by 1 June 2024.", "2024-06-01", "closed", "2024-06-11", "1", F],
    [B, "10/24", "2024-05-14", "b_2024-05-14.txt", "", "The depot keys to be returned.", "", "open", "", "0", F],
]
EXPECTED_OWNERS = [
    ["owner", "open", "overdue", "closed"],
    ["ACC Piers Foulds", "2", "1", "0"],
    ["PSE Tamsin Pattinson", "1", "1", "0"],
    ["", "2", "0", "1"],
    ["ACO Rita Finch", "0", "0", "1"],
    ["DCC Niall Wetherall", "0", "0", "1"],
]


def write_archive(out: Path) -> Path:
    """The invented archive as CSV tables in ``out``; the headers must match records.py."""
    out.mkdir(parents=True, exist_ok=True)
    for name, text in ARCHIVE.items():
        assert text.splitlines()[0] == ",".join(columns(TABLES[name])), f"{name} fixture drifted from records.py"
        (out / f"{name}.csv").write_text(text, encoding="utf-8")
    return out


def minutes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO)


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture()
def archive(tmp_path) -> Path:
    return write_archive(tmp_path / "out")


def test_board_key_ignores_dates_case_and_punctuation():
    assert board_key("Chief Officers' Management Board - Strategic") == A
    assert board_key("Chief Officer's Management Board – Strategic 9 April 2024") == A
    assert board_key("CHIEF OFFICERS' MANAGEMENT BOARD (STRATEGIC)") == A
    assert board_key("Force Executive Board – Notes") == B
    assert board_key("Chief Officer Team meeting – Thursday 3rd October 2024") == "chief officer team"
    assert board_key("Chief Officers' Management Board - Operational") != A


def test_register_cli_writes_the_hand_worked_register(archive):
    res = minutes("register", str(archive), "--as-of", AS_OF)
    assert res.returncode == 0, res.stderr
    assert "8 actions: 5 open, 2 overdue" in res.stdout
    rows = read_csv(archive / "register.csv")
    assert rows[0] == COLS
    for got, want in zip(rows[1:], EXPECTED):
        assert dict(zip(COLS, got)) == dict(zip(COLS, want))
    assert len(rows) - 1 == len(EXPECTED)
    assert read_csv(archive / "owners.csv") == EXPECTED_OWNERS


def test_overdue_depends_on_the_as_of_date(archive):
    meetings, actions, updates = (read_table(archive, n) for n in ("meetings", "actions", "action_updates"))
    before = {(r.board, r.action_id): r.overdue for r in build_register(meetings, actions, updates, date(2024, 9, 10))}
    assert before[(A, "9/24")] == F  # due that very day: not yet overdue
    after = {(r.board, r.action_id): r.overdue for r in build_register(meetings, actions, updates, date(2025, 1, 1))}
    assert after[(A, "9/24")] == T and after[(A, "11/24")] == T and after[(A, "8/24")] == T
    assert after[(A, "10/24")] == F and after[(B, "9/24")] == F  # discharged / closed: never overdue


def test_unnumbered_actions_are_never_linked_to_updates(archive):
    meetings, actions, updates = (read_table(archive, n) for n in ("meetings", "actions", "action_updates"))
    rows = build_register(meetings, actions, updates, date.fromisoformat(AS_OF))
    (unnumbered,) = [r for r in rows if not r.action_id]
    assert (unnumbered.n_updates, unnumbered.status, unnumbered.last_update_on) == (0, "open", "")
    counts = {o.owner: (o.open, o.overdue, o.closed) for o in owner_counts(rows)}
    assert counts["PSE Tamsin Pattinson"] == (1, 1, 0)


def test_register_neutralises_formula_text(archive):
    actions = archive / "actions.csv"
    actions.write_text(actions.read_text(encoding="utf-8").replace(
        "The depot keys to be returned.", "=HYPERLINK(\"http://example.invalid\")"), encoding="utf-8")
    assert minutes("register", str(archive), "--as-of", AS_OF).returncode == 0
    texts = [r[5] for r in read_csv(archive / "register.csv")]
    assert "'=HYPERLINK(\"http://example.invalid\")" in texts


def test_register_cli_errors_are_short(tmp_path, archive):
    res = minutes("register", str(tmp_path / "nothing"))
    assert res.returncode == 2 and "no meetings.csv" in res.stderr and "Traceback" not in res.stderr
    res = minutes("register", str(archive), "--as-of", "1 Oct 2024")
    assert res.returncode == 2 and "--as-of" in res.stderr


# End to end: invented Kent-style pages through `minutes extract`, then `minutes register`.
HEADER = """Title: Chief Officers' Management Board - Operational
Date: {day}
Venue: Conference Room 1 and virtual via Microsoft Teams
Name | Role
---|---
DCC Niall Wetherall (Chair) | Deputy Chief Constable
ACC Piers Foulds | Serious Crime Directorate
PSE Tamsin Pattinson | Chief Finance Officer
PSE Carys Egwu (Minutes) | Executive Assistant
Apologies
The previous minutes were accepted as accurate.
"""
PAGES = {
    "kent_2024-02-13.txt": HEADER.format(day="Tuesday 13 February 2024") + """There were no actions due.
ACC Foulds presented the fleet replacement paper.
New action: 3/24
ACC Foulds to review the fleet replacement plan and report back by 30 April 2024.
New action: 4/24
Mrs. Pattinson agreed to circulate the revised budget to chief officers.
Tuesday 12 March 2024.
""",
    "kent_2024-03-12.txt": HEADER.format(day="Tuesday 12 March 2024") + """Action 1/24 – discharged.
Action 3/24 – carried forward to 28 May 2024.
Action 4/24 – discharged.
Decisions:
The Chair approved the custody estate refurbishment programme.
New action: 5/24
The Chair to arrange for the custody estate refurbishment to be added to a future agenda.
Tuesday 9 April 2024.
""",
    "kent_2024-04-09.txt": HEADER.format(day="Tuesday 9 April 2024") + """Action 3/24 – carried forward to 25 June 2024.
Action 5/24 - discharged.
ACC Foulds updated the board on the drone pilot.
Tuesday 14 May 2024.
""",
}


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="no trained model: run `make train`")
def test_extract_then_register_follows_layout_numbers(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    res = minutes("extract", str(pages), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    res = minutes("register", str(out), "--as-of", "2024-07-01")
    assert res.returncode == 0, res.stderr
    rows = {r[1]: dict(zip(COLS, r)) for r in read_csv(out / "register.csv")[1:] if r[1]}
    assert sorted(rows) == ["1/24", "3/24", "4/24", "5/24"]
    assert len({r["board"] for r in rows.values()}) == 1
    got = {aid: (r["raised_on"], r["status"], r["due_date"], r["last_update_on"], r["n_updates"], r["overdue"])
           for aid, r in rows.items()}
    assert got == {
        "1/24": ("", "discharged", "", "2024-03-12", "1", F),
        "3/24": ("2024-02-13", "carried_forward", "2024-06-25", "2024-04-09", "2", T),
        "4/24": ("2024-02-13", "discharged", "", "2024-03-12", "1", F),
        "5/24": ("2024-03-12", "discharged", "", "2024-04-09", "1", F),
    }
