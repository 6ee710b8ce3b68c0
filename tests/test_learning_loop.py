"""The analysts' learning loop end to end: extract our own dev pages, review the unsure sentences,
answer the tasks as an annotator would (from the gold labels), import the answers, fine-tune the
shipped model on them plus the train split, and extract again."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import MODEL, REPO

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="no trained model: run `make train`")

PAGES = 16  # dev pages, the first of each layout's: enough unsure sentences for review to give tasks
SAMPLE = 25  # and a random sample of the confident rest, where its confident mistakes hide
MAX_STEPS = 100


def minutes(*args: str) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


def annotate(tasks: Path, gold: dict, export: Path) -> dict[tuple[str, int, int], str]:
    """Prodigy's export of the tasks as a careful annotator answers them: the gold label chosen,
    the gold entities as spans. Returns the label given to each (source, start, end)."""
    answers = {}
    with export.open("w") as f:
        for line in tasks.read_text().splitlines():
            task = json.loads(line)
            m = task["meta"]
            key = (m["source"], m["char_start"], m["char_end"])
            label, ents = gold[key]
            task["accept"], task["answer"] = [label], "accept"
            task["spans"] = [{"start": a - m["char_start"], "end": b - m["char_start"], "label": lab} for a, b, lab in ents]
            answers[key] = label
            f.write(json.dumps(task) + "\n")
    return answers


def labels(out: Path) -> dict[tuple[str, int, int], str]:
    df = pd.read_csv(out / "sentences.csv")
    return {(s, a, b): lab for s, a, b, lab in zip(df.source, df.char_start, df.char_end, df.label)}


def test_review_annotate_import_retrain_extract(tmp_path):
    from pipeline.models import load_model
    from pipeline.training.evaluate import evaluate_sentences

    recs = {json.loads(l)["id"]: json.loads(l) for l in (REPO / "training_data" / "dev.jsonl").read_text().splitlines()}
    pages = tmp_path / "pages"
    pages.mkdir()
    gold = {}
    for pid in sorted(recs)[::len(recs) // PAGES][:PAGES]:
        rec = recs[pid]
        (pages / f"{pid}.txt").write_text(rec["text"], encoding="utf-8")
        for s in rec["sentences"]:
            ents = [e for e in rec["entities"] if s["start"] <= e[0] and e[1] <= s["end"]]
            gold[(f"{pid}.txt", s["start"], s["end"])] = (s["label"], ents)

    minutes("extract", pages, "--out", tmp_path / "out1", "--quiet")
    tasks = tmp_path / "tasks.jsonl"
    minutes("review", tmp_path / "out1", "--below", "0.7", "--sample", SAMPLE, "--seed", "1", "--out", tasks)
    before = labels(tmp_path / "out1")
    answers = annotate(tasks, gold, tmp_path / "prodigy-export.jsonl")
    assert len(answers) > SAMPLE
    corrected = {k for k, lab in answers.items() if before[k] != lab}

    data = tmp_path / "data"
    data.mkdir()
    for name in ("train.jsonl", "dev.jsonl"):
        shutil.copy(REPO / "training_data" / name, data / name)
    minutes("import-annotations", tmp_path / "prodigy-export.jsonl", "--format", "prodigy", "--out", data / "review.jsonl")
    imported = [json.loads(l) for l in (data / "review.jsonl").read_text().splitlines()]
    assert len(imported) == len(answers) and all(len(r["sentences"]) == 1 for r in imported)

    model = tmp_path / "model"
    minutes("train", "--base", MODEL, "--data", data, "--output", model, "--max-steps", MAX_STEPS)
    meta = json.loads((model / "meta.json").read_text())["minutes_miner"]
    assert meta["base"]["path"] == str(MODEL) and "review.jsonl" in meta["data_files"]
    assert meta["docs"]["imported_repeats"] > 0  # fine-tuning repeats the corrections (default share 0.3)

    minutes("extract", pages, "--out", tmp_path / "out2", "--quiet", "--model", model)
    after = labels(tmp_path / "out2")
    agree = sum(after.get(k) == lab for k, lab in answers.items()) / len(answers)
    fixed = sum(after.get(k) == answers[k] for k in corrected) / max(len(corrected), 1)
    print(f"{len(answers)} tasks, {len(corrected)} corrections; agree {agree:.2f}, corrections taken {fixed:.2f}")
    assert agree >= 0.8 and fixed >= 0.8

    base_f = evaluate_sentences(load_model(MODEL), data)["items"]["f"]
    new_f = meta["dev_sentences"]["items"]["f"]
    print(f"dev items F1: base {base_f:.4f}, retrained {new_f:.4f}")
    assert new_f >= base_f - 0.02
