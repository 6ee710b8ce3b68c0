"""Importing annotation tools' exports into training records: Prodigy, Label Studio, doccano
(invented examples), and the errors an analyst gets for a bad line: file, line, nothing written."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from pipeline.ingest.page import Page
from pipeline.layout import parse_minutes
from pipeline.training.convert import record_docs
from pipeline.training.imported import import_annotations
from pipeline.training.importers import AnnotationError

SENT = "ACC Harman to report back on the custody review by 21 March 2024."
OPTIONS = [{"id": lab, "text": lab} for lab in ("decision", "action", "note")]


def jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows))
    return path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_prodigy_choice_binary_and_ner(tmp_path):
    exp = jsonl(tmp_path / "p.jsonl", [
        {"text": SENT, "options": OPTIONS, "accept": ["action"], "answer": "accept",
         "spans": [{"start": 0, "end": 3, "label": "RANK"}, {"start": 4, "end": 10, "label": "PERSON"}],
         "meta": {"source": "a.txt", "sentence_index": 3, "char_start": 100, "char_end": 165}},
        {"text": "The board noted the report.", "label": "note", "answer": "accept"},
        {"text": "The board agreed the bid.", "options": OPTIONS, "accept": ["decision"], "answer": "reject"},
        {"text": "The board agreed the bid.", "options": OPTIONS, "accept": [], "answer": "ignore"},
    ])
    n, skipped = import_annotations(exp, "prodigy", tmp_path / "out.jsonl")
    assert n == 2 and skipped.reasons == {"reject": 1, "ignore": 1}
    first, second = records(tmp_path / "out.jsonl")
    assert first["layout"] == "imported" and first["split"] == "train" and first["text"] == SENT
    assert first["entities"] == [[0, 3, "RANK"], [4, 10, "PERSON"]]
    assert [(s["start"], s["end"], s["label"]) for s in first["sentences"]] == [(0, len(SENT), "action")]
    assert first["sentences"][0]["owner"] == [] and first["sentences"][0]["due"] is None
    assert first["meta"] == {"source": "a.txt", "sentence_index": 3, "char_start": 100, "char_end": 165}
    assert second["sentences"][0]["label"] == "note"


def test_imported_record_reaches_training_conversion(tmp_path):
    from pipeline.nlp.tokenizer import blank_nlp

    exp = jsonl(tmp_path / "p.jsonl", [{"text": SENT, "options": OPTIONS, "accept": ["action"],
                                         "spans": [{"start": 4, "end": 10, "label": "PERSON"}]}])
    import_annotations(exp, "prodigy", tmp_path / "out.jsonl")
    rec = records(tmp_path / "out.jsonl")[0]
    (span,) = [(s.char_start, s.char_end) for s in parse_minutes(Page("x.txt", rec["text"])).sentences]
    assert span == (rec["sentences"][0]["start"], rec["sentences"][0]["end"])
    (gold, doc), = list(record_docs(blank_nlp(), rec))
    assert doc.cats["action"] == 1.0 and [(e.text, e.label_) for e in doc.ents] == [("Harman", "PERSON")]


def test_several_sentences_in_one_task_all_take_its_label(tmp_path):
    exp = jsonl(tmp_path / "p.jsonl", [{"text": "The board noted the report. It thanked the team.", "label": "note"}])
    import_annotations(exp, "prodigy", tmp_path / "out.jsonl")
    rec = records(tmp_path / "out.jsonl")[0]
    assert [s["label"] for s in rec["sentences"]] == ["note", "note"]


def test_labelstudio_choices_and_labels(tmp_path):
    exp = tmp_path / "ls.json"
    exp.write_text(json.dumps([
        {"id": 7, "data": {"text": SENT, "meta": {"source": "b.txt", "char_start": 5, "char_end": 70}},
         "annotations": [
             {"was_cancelled": False, "result": [{"type": "choices", "value": {"choices": ["note"]}}]},
             {"was_cancelled": False, "result": [
                 {"type": "choices", "from_name": "label", "to_name": "text", "value": {"choices": ["action"]}},
                 {"type": "labels", "value": {"start": 4, "end": 10, "text": "Harman", "labels": ["PERSON"]}}]}]},
        {"id": 8, "data": {"text": "The board agreed the bid."}, "annotations": [{"was_cancelled": True, "result": []}]},
    ], indent=2))
    n, skipped = import_annotations(exp, "labelstudio", tmp_path / "out.jsonl")
    assert n == 1 and skipped.reasons == {"no annotation": 1}
    rec = records(tmp_path / "out.jsonl")[0]
    assert rec["sentences"][0]["label"] == "action" and rec["entities"] == [[4, 10, "PERSON"]]
    assert rec["meta"]["source"] == "b.txt"


def test_doccano_label_spans_and_cats(tmp_path):
    exp = jsonl(tmp_path / "d.jsonl", [
        {"id": 1, "text": SENT, "label": [[0, 3, "RANK"], [4, 10, "PERSON"]], "cats": ["action"]},
        {"id": 2, "text": "The board agreed the bid.", "label": ["decision"]},
        {"id": 3, "text": "The board noted the report.", "cats": {"note": 1.0, "action": 0.0}},
    ])
    n, _ = import_annotations(exp, "doccano", tmp_path / "out.jsonl")
    recs = records(tmp_path / "out.jsonl")
    assert n == 3 and [r["sentences"][0]["label"] for r in recs] == ["action", "decision", "note"]
    assert recs[0]["entities"] == [[0, 3, "RANK"], [4, 10, "PERSON"]]


@pytest.mark.parametrize("fmt, rows, message", [
    ("prodigy", [{"text": SENT, "label": "action"}, "{not json"], ":2: not valid JSON"),
    ("prodigy", [{"text": SENT, "options": OPTIONS, "accept": ["task"]}], ":1: unknown label 'task'"),
    ("prodigy", [{"text": SENT, "options": OPTIONS, "accept": ["action", "note"]}], ":1: 2 labels chosen"),
    ("prodigy", [{"text": SENT, "label": "action", "spans": [{"start": 0, "end": 3, "label": "GPE"}]}],
     ":1: unknown entity label 'GPE'"),
    ("prodigy", [{"text": SENT, "label": "action", "spans": [{"start": 60, "end": 90, "label": "DATE"}]}],
     ":1: entity span [60, 90] is not inside the text"),
    ("prodigy", [{"label": "action"}], ":1: no 'text'"),
    ("prodigy", [{"text": "Action 3/24 – discharged", "label": "action"}], ":1: the layout stage finds no body sentence"),
    ("doccano", [{"text": SENT, "cats": ["action"]}, {"text": SENT, "label": [[0, 3]], "cats": ["action"]}],
     ":2: a 'label' span must be [start, end, label]"),
    ("doccano", [{"text": SENT, "label": [[0, 3, "RANK"]]}], ":1: no sentence label in 'cats'"),
    ("doccano", [{"text": SENT, "cats": ["Decisions"]}], ":1: unknown label 'Decisions'"),
])
def test_bad_lines_name_file_and_line_and_write_nothing(tmp_path, fmt, rows, message):
    exp = jsonl(tmp_path / "export.jsonl", rows)
    out = tmp_path / "data" / "new.jsonl"
    with pytest.raises(AnnotationError, match=re.escape(f"export.jsonl{message}")):
        import_annotations(exp, fmt, out)
    assert not out.parent.exists() or not list(out.parent.iterdir())


@pytest.mark.parametrize("payload, message", [
    ('[{"id": 3, "data": {"text": "x."}, "annotations": [{"result": [{"type": "choices", '
     '"value": {"choices": ["urgent"]}}]}]}]', "task 1 (id 3): unknown label 'urgent'"),
    ('[{"id": 3, "data": {"text": "The board agreed it."}, "annotations": [{"result": []}]}]',
     "task 1 (id 3): no 'choices' result"),
    ('[\n{"id": 1,\n "data": }\n]', "ls.json:3: not valid JSON"),
    ('{"text": "x"}', "expected a JSON list of tasks"),
])
def test_labelstudio_errors(tmp_path, payload, message):
    exp = tmp_path / "ls.json"
    exp.write_text(payload)
    with pytest.raises(AnnotationError, match=re.escape(message)):
        import_annotations(exp, "labelstudio", tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_exits_1_and_keeps_old_output(tmp_path):
    exp = jsonl(tmp_path / "e.jsonl", [{"text": SENT, "label": "action"}, {"text": SENT, "label": "urgent"}])
    out = tmp_path / "old.jsonl"
    out.write_text("previous\n")
    res = subprocess.run([sys.executable, "-m", "pipeline", "import-annotations", str(exp), "--format", "prodigy",
                          "--out", str(out), "--strict"], capture_output=True, text=True, cwd=REPO)  # issue 19
    assert res.returncode == 1 and f"{exp}:2: unknown label 'urgent'" in res.stderr
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.jsonl", "old.jsonl"]  # no temporary file left
