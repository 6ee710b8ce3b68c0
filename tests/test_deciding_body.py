"""The body meeting, read from the top of a page, and decisions that name nobody owned by it."""
from __future__ import annotations

import csv

import pytest

from pipeline.ingest.reader import page_from_bytes
from pipeline.layout import parse_minutes
from pipeline.layout.deciding_body import deciding_body


@pytest.mark.parametrize("lines, body", [
    (["NORTHMERE BOROUGH COUNCIL", "CABINET", "Minutes of a meeting held on 4 March 2026"], "Cabinet"),
    (["Halden Parish Council", "Minutes of the Planning Committee held on 2 May 2026"], "Planning Committee"),
    (["BOARD OF WATER COMMISSIONERS – REGULAR MEETING"], "Board of Water Commissioners"),
    (["Minutes of the Board of Directors of the Lakeview Transit District"], "Board of Directors"),
    (["2026-02-11 Data Standards Panel Meeting"], "Data Standards Panel"),
    (["Executive Board Minutes 14 May 2026"], "Executive Board"),
    (["2026 Autumn Cardiac Imaging SIG Meeting"], "Cardiac Imaging SIG"),
    (["Minutes of a meeting held at the Cabinet Office on 3 June", "Senior Officials Group"], "Senior Officials Group"),
    (["LLANWERN COMMUNITY COUNCIL", "MEETING 9th APRIL 2026"], "Llanwern Community Council"),
    (["ADULT SOCIAL CARE AND PUBLIC HEALTH OVERVIEW AND SCRUTINY COMMITTEE"],
     "Adult Social Care and Public Health Overview and Scrutiny Committee"),
    (["Minutes", "Wednesday 6 May 2026"], ""),
    (["Spring Plenary 2026"], ""),
])
def test_the_body_meeting_is_read_from_the_top_lines(lines: list[str], body: str) -> None:
    assert deciding_body(lines) == body


PAGE = """NORTHMERE BOROUGH COUNCIL
LICENSING COMMITTEE
Minutes of the meeting held on 12 March 2026 in the Civic Centre
Present: Cllr Dora Finch (Chair), Cllr Raj Mistry, Cllr Owen Tate
1. Street trading consent
The application for a street trading consent on Mill Parade was granted for twelve months.
Cllr Mistry to ask the licensing team for the enforcement figures by 30 April 2026.
2. Taxi fares
The Committee approved the revised taxi fare table from 1 May 2026.
"""


def test_page_knows_its_body() -> None:
    minutes = parse_minutes(page_from_bytes(PAGE.encode(), "licensing.txt", ".txt"))
    assert minutes.body == "Licensing Committee"


def test_a_decision_naming_nobody_is_owned_by_the_body_meeting(nlp, tmp_path) -> None:
    from pipeline.extract import extract

    src = tmp_path / "licensing.txt"
    src.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    extract([src], out, nlp)
    decisions = {r["text"]: r for r in csv.DictReader(open(out / "decisions.csv", encoding="utf-8"))}
    granted = next(r for t, r in decisions.items() if t.startswith("The application for a street trading"))
    assert (granted["owner"], granted["owner_basis"]) == ("Licensing Committee", "meeting body")
    approved = next(r for t, r in decisions.items() if t.startswith("The Committee approved"))
    assert approved["owner_basis"] == "named"
    meetings = list(csv.DictReader(open(out / "meetings.csv", encoding="utf-8")))
    assert meetings[0]["body"] == "Licensing Committee"
    actions = list(csv.DictReader(open(out / "actions.csv", encoding="utf-8")))
    assert actions and all(a["owner_basis"] != "meeting body" for a in actions)  # actions never take the body
