"""The hand-written page format (training_data/written/FORMAT.md): labels joined to the layout's
sentences, training records, scorer gold, and the warning for labels the layout splits."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.training.convert import record_docs
from pipeline.training.written import gold_records, gold_text, page_minutes, parse_written, span_warnings, training_record

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import written_pages  # noqa: E402

PAGE = """%% id: council-test-01
%% split: dev
%% body: town council
%% meeting_date: 2024-05-14
%% next_meeting: 2024-06-11
%% attendee: Cllr | R Okafor | Chair
%% attendee: Cllr | J Pike |
%% attendee: Mrs | D Pryce | Clerk
%% chair: Okafor
%% update: 12/24 | discharged |

QUILLBY TOWN COUNCIL
Minutes of the Full Council meeting held on Tuesday 14 May 2024 at 7.00pm, Guild Hall
Present: Cllr R Okafor (Chair), Cllr J Pike, Mrs D Pryce (Clerk)
1. MINUTES
[[N>D: The minutes of the meeting held on 9 April 2024 were approved as a correct record.]]
2. FOOTPATHS
Members discussed the state of the riverside footpath after the winter floods.
RESOLVED: [[D owner="Council": That the Council contribute towards the cost of new fencing along the riverside path.]]
[[A owner="Clerk|Pryce" due="2024-05-31" due_text="by 31 May": The Clerk to write to the landowner by 31 May.]]
[[A owner="Pike": Cllr Pike to inspect the stile. Cllr Okafor to photograph the gate.]]
The meeting closed at 8.15pm.
"""


@pytest.fixture()
def page():
    return parse_written(PAGE, "council-test-01.txt")


def test_parse_strips_labels_and_keeps_offsets(page):
    assert "[[" not in page.text and "%%" not in page.text
    assert page.header["id"] == "council-test-01" and page.split == "dev"
    assert page.header["attendee"][2] == "Mrs | D Pryce | Clerk"
    labels = [(s.label, s.alt) for s in page.spans]
    assert labels == [("note", "decision"), ("decision", None), ("action", None), ("action", None)]
    assert page.text[page.spans[2].start:page.spans[2].end] == "The Clerk to write to the landowner by 31 May."
    assert page.spans[2].owner == ["Clerk", "Pryce"] and page.spans[2].due == "2024-05-31"


def test_training_record_labels_layout_sentences(page):
    rec = training_record(page)
    assert rec["entities"] is None and rec["split"] == "dev" and rec["meeting_date"] == "2024-05-14"
    by_text = {rec["text"][s["start"]:s["end"]]: s for s in rec["sentences"]}
    resolved = by_text["That the Council contribute towards the cost of new fencing along the riverside path."]
    assert resolved["label"] == "decision" and resolved["context"] == "RESOLVED:"
    clerk = by_text["The Clerk to write to the landowner by 31 May."]
    assert clerk["label"] == "action" and clerk["owner"] == ["Clerk", "Pryce"] and clerk["due"] == "2024-05-31"
    assert clerk["due_text"] == "by 31 May"
    minutes = by_text["The minutes of the meeting held on 9 April 2024 were approved as a correct record."]
    assert minutes["label"] == "note" and minutes["alt_label"] == "decision"
    assert by_text["Members discussed the state of the riverside footpath after the winter floods."]["label"] == "note"
    assert by_text["The meeting closed at 8.15pm."]["label"] == "note"
    assert rec["updates"] == [{"action_id": "12/24", "status": "discharged", "due": None}]
    assert [a["is_chair"] for a in rec["attendees"]] == [True, False, False]


def test_split_label_is_reported(page):
    warnings = span_warnings(page, page_minutes(page))
    assert len(warnings) == 1
    assert "council-test-01.txt" in warnings[0] and "splits it in 2" in warnings[0]
    assert "Cllr Pike to inspect the stile" in warnings[0]


def test_gold_records(page):
    gold = gold_records(page)
    meeting = gold[0]
    assert meeting == {"source": "council-test-01.txt", "type": "meeting", "date": "2024-05-14",
                       "next_meeting": "2024-06-11", "attendees": 3, "chair": "Okafor"}
    items = [g for g in gold if g["type"] in ("decision", "action", "note")]
    assert items[0] == {"source": "council-test-01.txt", "type": "note", "alt_type": "decision",
                        "text": "The minutes of the meeting held on 9 April 2024 were"}
    assert items[1]["type"] == "decision" and items[1]["owner"] == ["Council"] and "due" not in items[1]
    assert items[1]["text"].startswith("That the Council contribute")
    assert items[2] == {"source": "council-test-01.txt", "type": "action",
                        "text": "The Clerk to write to the landowner by 31 May.", "owner": ["Clerk", "Pryce"],
                        "due": "2024-05-31"}
    assert {"source": "council-test-01.txt", "type": "action_update", "action_id": "12/24",
            "status": "discharged", "due": None} in gold
    assert sum(g["type"] == "attendee" for g in gold) == 3


def test_gold_text_cuts_at_a_word():
    long = "The Clerk to write to the landowner about the collapsed wall beside the allotments gate."
    key = gold_text(long)
    assert 30 <= len(key) <= 60 and long.startswith(key) and long[len(key)] == " "
    assert gold_text("Adopted Resolution 2025-007.") == "Adopted Resolution 2025-007."


def test_entities_null_leaves_ner_annotation_missing(page):
    rec = training_record(page)
    rec["id"] = "council-test-01"
    docs = [doc for _, doc in record_docs(spacy.blank("en"), rec)]
    assert docs and not any(d.has_annotation("ENT_IOB") for d in docs)
    rec["entities"] = []
    assert all(d.has_annotation("ENT_IOB") for _, d in record_docs(spacy.blank("en"), rec))


def test_cli_writes_records_and_gold_and_refuses_test_split(tmp_path, capsys):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "council-test-01.txt").write_text(PAGE, encoding="utf-8")
    out, gold = tmp_path / "w.jsonl", tmp_path / "g.jsonl"
    assert written_pages.main([str(folder), "--out", str(out), "--gold", str(gold)]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 1 and recs[0]["id"] == "council-test-01"
    assert json.loads(gold.read_text().splitlines()[0])["type"] == "meeting"
    assert "splits it in 2" in capsys.readouterr().err
    (folder / "council-test-01.txt").write_text(PAGE.replace("split: dev", "split: test"), encoding="utf-8")
    assert written_pages.main([str(folder), "--out", str(out)]) == 2
    assert written_pages.main([str(folder), "--gold", str(gold)]) == 0


MARKERS = """%% id: council-test-02
%% meeting_date: 2024-04-16

FERNLEY TOWNSHIP
Regular Meeting of Council, April 16, 2024
Present: Mayor D. Kell, Councillor A. Roy
1. Reports
RESOLVED that Council:
(a) [[D: receive the treasurer's report for information;]] and
(b) [[D: approve the purchase of a new grader for the roads department.]]
R2024-031 A. Roy, D. Kell: [[D: That Council award the culvert contract to Birchwood Paving.]] Carried.
Action 4/24 - discharged.
"""


def test_list_markers_and_mover_labels_stay_outside_the_brackets():
    page = parse_written(MARKERS, "council-test-02.txt")
    minutes = page_minutes(page)
    assert span_warnings(page, minutes) == []
    rec = training_record(page, minutes)
    labelled = [rec["text"][s["start"]:s["end"]] for s in rec["sentences"] if s["label"] == "decision"]
    assert len(labelled) == 3 and any(t.startswith("R2024-031") for t in labelled)
    gold = [g["text"] for g in gold_records(page, minutes) if g["type"] == "decision"]
    assert gold[0].startswith("receive the treasurer's report for information;")
    assert gold[2].startswith("That Council award the culvert")


def test_update_lines_missing_from_the_header_are_reported():
    from pipeline.training.written import update_warnings
    page = parse_written(MARKERS, "council-test-02.txt")
    assert update_warnings(page, page_minutes(page)) == ["council-test-02.txt: layout reads an update 4/24 the header does not list"]
    fixed = parse_written(MARKERS.replace("%% meeting_date", "%% update: 4/24 | discharged |\n%% meeting_date"), "x.txt")
    assert update_warnings(fixed, page_minutes(fixed)) == []
