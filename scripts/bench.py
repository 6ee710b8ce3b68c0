#!/usr/bin/env python3
"""Benchmark: minutes-miner against plain spaCy on an archive built from our own training pages.

Builds an archive of --pages pages (default 2,400: over 1.5 million words) by copying the pages of
training_data/ under new names, then measures, in one run:
  - the full `minutes extract` (CLI, new process, model load included) with 1 and 2 workers;
  - the default model alone via nlp.pipe over the same body sentences;
  - spaCy's blank English tokenizer over the same page text (the floor);
  - peak resident memory of each extract run;
  - time per page as the archive grows (200 .. all pages), which must stay flat (linear total).

Usage: python scripts/bench.py [--pages 2400] [--model models/minutes-default] [--json bench.json]
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonlines

REPO = Path(__file__).resolve().parents[1]


def build_archive(folder: Path, n_pages: int) -> list[str]:
    records = [r for f in sorted((REPO / "training_data").glob("*.jsonl")) for r in jsonlines.open(f)]
    texts = []
    for i in range(n_pages):
        rec = records[i % len(records)]
        sub = folder / f"board{i % 7}" / f"{i // 400:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{rec['id']}-{i:05d}.txt").write_text(rec["text"], encoding="utf-8")
        texts.append(rec["text"])
    return texts


def run_extract(inputs: Path, out: Path, model: Path, workers: int) -> dict:
    """One `minutes extract` in a fresh process; wall time and peak RSS of that process."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out),
           "--model", str(model), "--workers", str(workers), "--quiet"]
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    if res.returncode not in (0, 1):
        raise SystemExit(f"extract failed: {res.stderr[-2000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(int(res.stdout.split()[-1]) / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2400)
    ap.add_argument("--model", type=Path, default=REPO / "models" / "minutes-default")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--steps", default="200,500,1000", help="archive sizes for the per-page scaling check")
    args = ap.parse_args()

    import spacy

    from pipeline.assemble import sentence_docs
    from pipeline.ingest.page import Page
    from pipeline.layout import parse_minutes
    from pipeline.models import load_model

    tmp = Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    try:
        archive = tmp / "archive"
        texts = build_archive(archive, args.pages)
        words = sum(len(t.split()) for t in texts)
        result: dict = {"machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, "
                                   f"Python {platform.python_version()}, spaCy {spacy.__version__}",
                        "pages": args.pages, "words": words}

        for workers in (1, 2):
            r = run_extract(archive, tmp / f"out{workers}", args.model, workers)
            r["words_per_second"] = round(words / r["seconds"])
            result[f"extract_{workers}_worker"] = r
            print(f"extract, {workers} worker(s): {r}", flush=True)

        nlp = load_model(args.model)
        minutes = [parse_minutes(Page(f"p{i}.txt", t)) for i, t in enumerate(texts)]
        docs = [d for m in minutes for d in sentence_docs(nlp, m)]
        body_words = sum(len(d.text.split()) for d in docs)
        start = time.perf_counter()
        for _ in nlp.pipe(docs, batch_size=256):
            pass
        s = time.perf_counter() - start
        result["model_alone"] = {"seconds": round(s, 2), "words": body_words, "words_per_second": round(body_words / s)}
        print(f"model alone (nlp.pipe over body sentences): {result['model_alone']}", flush=True)
        del docs, minutes

        blank = spacy.blank("en")
        start = time.perf_counter()
        for _ in blank.pipe(texts, batch_size=256):
            pass
        s = time.perf_counter() - start
        result["blank_tokenizer"] = {"seconds": round(s, 2), "words_per_second": round(words / s)}
        print(f"spaCy blank English tokenizer: {result['blank_tokenizer']}", flush=True)

        scaling = []
        for n in [int(x) for x in args.steps.split(",")] + [args.pages]:
            sub = tmp / f"scale{n}"
            build_archive(sub, n)
            r = run_extract(sub, tmp / f"scale-out{n}", args.model, 1)
            scaling.append({"pages": n, "seconds": r["seconds"], "ms_per_page": round(1000 * r["seconds"] / n, 1),
                            "peak_rss_mb": r["peak_rss_mb"]})
            print(f"scaling: {scaling[-1]}", flush=True)
            shutil.rmtree(sub)
        result["scaling"] = scaling
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
