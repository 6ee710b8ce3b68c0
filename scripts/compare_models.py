#!/usr/bin/env python3
"""One run that fills the README's model table: for each trained pipeline, items F1 on the dev
split (sentences, and end to end through score_minutes.py) and on the seeds, owner and due-date
accuracy, words per second on this CPU (the pipeline alone over the dev sentences, 1 process),
size on disk and training time (from its meta).

Usage: python scripts/compare_models.py models/minutes-default models/minutes-trf [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def size_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


def seeds_scores(model: Path) -> dict | None:
    from pipeline.training.evaluate import run_scorer

    if not (SHARED / "seeds").is_dir():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(SHARED / "seeds"), "--out", tmp, "--model",
                        str(model), "--quiet"], check=True, cwd=REPO)
        return run_scorer(SHARED / "score_minutes.py", sorted((SHARED / "gold").glob("*.jsonl")), Path(tmp))


def measure(model: Path, data: Path) -> dict:
    from pipeline.models import load_model
    from pipeline.training.convert import record_docs
    from pipeline.training.data import read_records
    from pipeline.training.evaluate import evaluate_pages, evaluate_sentences

    nlp = load_model(model)
    docs = [d for rec in read_records(data, "dev") for _, d in record_docs(nlp, rec)]
    for d in docs:
        d.ents, d.cats = (), {}
    words = sum(len(d.text.split()) for d in docs)
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=256):
        pass
    wps = words / (time.perf_counter() - start)
    pages = evaluate_pages(nlp, data)
    seeds = seeds_scores(model)
    meta = nlp.meta.get("minutes_miner", {})
    return {
        "model": str(model),
        "dev_items_f1_sentences": evaluate_sentences(nlp, data)["items"]["f"],
        "dev_items_f1_end_to_end": pages["items"]["micro"]["f1"] if pages else None,
        "dev_owner_accuracy": pages["owner_accuracy"] if pages else None,
        "dev_due_accuracy": pages["due_accuracy"] if pages else None,
        "seeds_items_f1": seeds["items"]["micro"]["f1"] if seeds else None,
        "seeds_owner_accuracy": seeds["owner_accuracy"] if seeds else None,
        "seeds_due_accuracy": seeds["due_accuracy"] if seeds else None,
        "words_per_second": round(wps),
        "size_mb": size_mb(model),
        "training_seconds": meta.get("training_seconds"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=REPO / "training_data")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = [measure(m, args.data) for m in args.models]
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in keys) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
