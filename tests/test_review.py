"""`minutes review`: which sentences become tasks, and the Prodigy task format they take."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from conftest import REPO
from pipeline.records import SentenceRow as Candidate  # a row of sentences.csv is a review candidate
from pipeline.training.review import make_task, read_candidates, select

ROWS = [("a.txt", 0, 0, 30, "1. Item", "note", 0.99, "The board noted the report."),
        ("a.txt", 1, 31, 80, "1. Item", "action", 0.55, "ACC Harman to report back by 21 March 2024."),
        ("b.txt", 0, 0, 25, "", "decision", 0.69, "=The board agreed the bid."),
        ("b.txt", 1, 26, 60, "", "note", 0.95, "Members discussed the figures."),
        ("b.txt", 2, 61, 90, "", "note", 0.91, "The Chair thanked members.")]


@pytest.fixture
def out_dir(tmp_path):
    cols = ["source", "sentence_index", "char_start", "char_end", "item", "label", "confidence", "text"]
    df = pd.DataFrame(ROWS, columns=cols)
    df["text"] = df["text"].map(lambda t: "'" + t if t.startswith("=") else t)  # as the export guards it
    df.to_csv(tmp_path / "sentences.csv", index=False)
    return tmp_path


def test_below_threshold_plus_seeded_sample_in_page_order(out_dir):
    cands = read_candidates(out_dir)
    assert cands[2].text == "=The board agreed the bid."  # the spreadsheet guard is undone
    unsure = select(cands, 0.7)
    assert [(c.source, c.sentence_index) for c in unsure] == [("a.txt", 1), ("b.txt", 0)]
    picked = select(cands, 0.7, sample=2, seed=3)
    assert len(picked) == 4 and picked == select(cands, 0.7, sample=2, seed=3)
    assert picked == sorted(picked, key=lambda c: (c.source, c.sentence_index))
    assert len(select(cands, 0.7, sample=99)) == 5


def test_task_is_prodigy_choice_with_meta_and_stable_hashes():
    c = Candidate("a.txt", 1, 31, 80, "1. Item", "action", 0.5512, "ACC Harman to report back.")
    task = make_task(c)
    assert task["text"] == c.text and task["label"] == "action" and task["accept"] == ["action"]
    assert [o["id"] for o in task["options"]] == ["decision", "action", "note"]
    assert task["meta"] == {"source": "a.txt", "sentence_index": 1, "char_start": 31, "char_end": 80,
                            "item": "1. Item", "predicted": "action", "confidence": 0.5512}
    assert "spans" not in task
    again = make_task(Candidate(**{**c.__dict__}))
    assert (task["_input_hash"], task["_task_hash"]) == (again["_input_hash"], again["_task_hash"])
    assert all(isinstance(task[k], int) and -2**31 <= task[k] < 2**31 for k in ("_input_hash", "_task_hash"))
    other = make_task(Candidate(**{**c.__dict__, "source": "b.txt"}))  # same words, another page
    assert other["_input_hash"] != task["_input_hash"]
    relabelled = make_task(Candidate(**{**c.__dict__, "label": "note"}))
    assert relabelled["_input_hash"] == task["_input_hash"] and relabelled["_task_hash"] != task["_task_hash"]
    # the same values from another Python process (no salted hash())
    code = ("from pipeline.records import SentenceRow as Candidate; from pipeline.training.review import make_task; "
            "t = make_task(Candidate('a.txt', 1, 31, 80, '1. Item', 'action', 0.5512, 'ACC Harman to report back.')); "
            "print(t['_input_hash'], t['_task_hash'])")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert res.stdout.split() == [str(task["_input_hash"]), str(task["_task_hash"])]


def test_spans_from_the_model_line_up_with_tokens(nlp):
    text = "ACC Harman to report back on the custody review by 21 March 2024."
    task = make_task(Candidate("a.txt", 1, 0, len(text), "", "action", 0.5, text), nlp)
    assert task["spans"], "the shipped model finds the rank, the name and the date"
    for s in task["spans"]:
        assert text[s["start"]:s["end"]] == "".join(
            t["text"] + (" " if t["ws"] else "") for t in task["tokens"][s["token_start"]:s["token_end"] + 1]).strip()
    assert {"RANK", "DATE"} <= {s["label"] for s in task["spans"]}


def test_cli_writes_tasks_file(out_dir, tmp_path):
    tasks = tmp_path / "t" / "tasks.jsonl"
    res = subprocess.run([sys.executable, "-m", "pipeline", "review", str(out_dir), "--below", "0.7", "--no-spans",
                          "--out", str(tasks)], capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in tasks.read_text().splitlines()]
    assert [t["meta"]["sentence_index"] for t in lines] == [1, 0] and "2 tasks" in res.stdout
    missing = subprocess.run([sys.executable, "-m", "pipeline", "review", str(tmp_path / "nowhere"), "--no-spans"],
                             capture_output=True, text=True, cwd=REPO)
    assert missing.returncode == 2 and "no sentences.csv" in missing.stderr
