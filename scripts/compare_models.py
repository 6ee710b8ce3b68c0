#!/usr/bin/env python3
"""One run that fills the README's model table, leading with real minutes: for each trained
pipeline, the end-to-end figures on ``../shared/real`` (27 published minutes we never train on),
then the seeds, our hand-written dev pages and the generated dev split as regression checks, and
the speed of ``minutes extract`` on one core.

Usage: python scripts/compare_models.py models/minutes-default /tmp/minutes-trf [--json out.json]

Speed is end to end (read, layout, model, linking, tables; model load excluded by timing a warm
second run) over the generated dev pages, one process, ``taskset`` to one core where available.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


def extract_and_score(model: Path, inputs: Path, gold: list[Path]) -> dict | None:
    from pipeline.scoring import read_gold, score

    if not inputs.exists() or not all(g.exists() for g in gold):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", tmp, "--model", str(model),
                        "--quiet"], check=True, cwd=REPO)
        return score(read_gold(gold), Path(tmp))


def written_dev(model: Path) -> dict:
    """Sentence-level items F1 on the hand-written dev pages (training_data/written, split dev)."""
    from pipeline.models import load_model
    from pipeline.training.evaluate import evaluate_sentences

    nlp = load_model(model)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "dev.jsonl").write_text(
            "".join(line + "\n" for line in (REPO / "training_data" / "written.jsonl").read_text().splitlines()
                    if line.strip() and json.loads(line).get("split") == "dev"), encoding="utf-8")
        return evaluate_sentences(nlp, Path(tmp), "dev")


def words_per_second(model: Path) -> float:
    """`minutes extract` over the generated dev pages on one core, the summary's own words/s figure."""
    from pipeline.training.data import read_records

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp, "pages")
        pages.mkdir()
        for rec in read_records(REPO / "training_data", "dev"):
            (pages / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
        cmd = [sys.executable, "-m", "pipeline", "extract", str(pages), "--out", str(Path(tmp, "out")),
               "--model", str(model)]
        if hasattr(os, "sched_setaffinity"):
            cmd = ["taskset", "-c", "0", *cmd]
        run = subprocess.run(cmd, check=True, cwd=REPO, capture_output=True, text=True)
        m = re.search(r"([\d,]+) words/s", run.stdout + run.stderr)
        return float(m.group(1).replace(",", "")) if m else 0.0


def measure(model: Path) -> dict:
    from pipeline.models import load_model
    from pipeline.training.evaluate import evaluate_sentences

    start = time.perf_counter()
    real = extract_and_score(model, SHARED / "real" / "inputs", [SHARED / "real" / "gold.jsonl"])
    seeds = extract_and_score(model, SHARED / "seeds", sorted((SHARED / "gold").glob("*.jsonl")))
    dev = evaluate_sentences(load_model(model), REPO / "training_data")
    written = written_dev(model)
    meta = json.loads((model / "meta.json").read_text()).get("minutes_miner", {})
    row = {"model": str(model)}
    if real:
        row.update({"real_items_f1": real["items"]["micro"]["f1"], "real_precision": real["items"]["micro"]["precision"],
                    "real_recall": real["items"]["micro"]["recall"], "real_owner": real["owner_accuracy"],
                    "real_due": real["due_accuracy"], "real_end_to_end": real["end_to_end"]})
    if seeds:
        row.update({"seeds_items_f1": seeds["items"]["micro"]["f1"], "seeds_end_to_end": seeds["end_to_end"]})
    row.update({"written_dev_items_f1": written["items"]["f"], "generated_dev_items_f1": dev["items"]["f"],
                "words_per_second_1_core": round(words_per_second(model)), "size_mb": size_mb(model),
                "training_seconds": meta.get("training_seconds"),
                "measure_seconds": round(time.perf_counter() - start)})
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = [measure(m) for m in args.models]
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
