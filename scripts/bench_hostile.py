#!/usr/bin/env python3
"""Benchmark for issue 19 (bounded cost per file, workers that scale), on our own pages only.

Measures, each `minutes extract` in a fresh process (model load included in wall time):
  - peak resident memory against the size of one text file (default 1, 5, 10 and 20 MB of our
    training pages run together), which must stay under 1.5 GB and not grow with the size;
  - seconds per paragraph reading a .docx of many short paragraphs (2,000 and 20,000: the same
    figure twice means linear time), and of the whole extract of the smaller one;
  - 1 against 2 workers on an archive of 480 short pages (the run's own seconds, without the
    model load, and the speed-up).

Usage: python scripts/bench_hostile.py [--sizes 1,5,10,20] [--pages 480] [--json out.json]
The per-file limits are lifted (--max-file-mb 0 --timeout-per-file 0) so that big files run through.
"""
from __future__ import annotations

import argparse
import io
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonlines

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def training_texts() -> list[str]:
    return [r["text"] for f in sorted((REPO / "training_data").glob("*.jsonl")) for r in jsonlines.open(f)]


def run_extract(inputs: list[Path], out: Path, *options: str) -> dict:
    """One `minutes extract` in a fresh process: wall seconds, the run's own seconds (from its
    summary line) and the peak RSS of the process and its workers."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "sys.stderr.write(r.stderr); print(r.stdout); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "pipeline", "extract", *map(str, inputs),
           "--out", str(out), "--max-file-mb", "0", "--timeout-per-file", "0", *options]
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - start
    if res.returncode not in (0, 1):
        raise SystemExit(f"extract failed ({res.returncode}): {res.stderr[-2000:]}")
    own = re.search(r"\(([\d.]+)s, ", res.stdout)
    return {"wall_s": round(wall, 2), "run_s": float(own.group(1)) if own else None,
            "peak_rss_mb": round(int(res.stdout.split()[-1]) / 1024, 1)}


def text_file(path: Path, mb: float, texts: list[str]) -> Path:
    body, size, i = [], 0, 0
    while size < mb * MB:
        t = texts[i % len(texts)] + "\n"
        body.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    path.write_text("".join(body), encoding="utf-8")
    return path


def docx_bytes(n: int) -> bytes:
    from docx import Document

    doc = Document()
    for i in range(n):
        doc.add_paragraph(f"The board noted item {i} of the estates programme.",
                          style="List Bullet" if i % 9 == 4 else None)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def bench_docx(tmp: Path, sizes: tuple[int, ...] = (2000, 20000)) -> dict:
    from pipeline.ingest.docx import docx_to_text

    res: dict = {}
    for n in sizes:
        data = docx_bytes(n)
        start = time.perf_counter()
        docx_to_text(data, "bench.docx")
        res[f"read_{n}_paragraphs_s_per_paragraph"] = (time.perf_counter() - start) / n
    n = sizes[0]
    path = tmp / "many.docx"
    path.write_bytes(docx_bytes(n))
    run = run_extract([path], tmp / "out-docx", "--quiet")
    res[f"extract_{n}_paragraphs_s_per_paragraph"] = run["wall_s"] / n
    res["extract_peak_rss_mb"] = run["peak_rss_mb"]
    return res


def bench_workers(tmp: Path, n_pages: int, texts: list[str]) -> dict:
    folder = tmp / "archive"
    for i in range(n_pages):
        t = texts[i % len(texts)]
        sub = folder / f"board{i % 4}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"page-{i:04d}.txt").write_text(t[:1500], encoding="utf-8")  # a short page
    one = run_extract([folder], tmp / "out-w1", "--workers", "1")
    two = run_extract([folder], tmp / "out-w2", "--workers", "2")
    return {"pages": n_pages, "workers_1": one, "workers_2": two,
            "speedup_run": round(one["run_s"] / two["run_s"], 2) if one["run_s"] and two["run_s"] else None,
            "speedup_wall": round(one["wall_s"] / two["wall_s"], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,5,10,20", help="text file sizes in MB, comma separated")
    ap.add_argument("--pages", type=int, default=480, help="short pages for the workers comparison")
    ap.add_argument("--skip", default="", help="comma separated parts to skip: memory, docx, workers")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    texts = training_texts()
    import os

    figures: dict = {"machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs"}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if "memory" not in skip:
            figures["memory"] = {}
            for mb in (float(s) for s in args.sizes.split(",")):
                path = text_file(tmp / f"text-{mb:g}mb.txt", mb, texts)
                figures["memory"][f"{mb:g} MB"] = run_extract([path], tmp / f"out-{mb:g}", "--quiet")
                print(f"text {mb:g} MB: {figures['memory'][f'{mb:g} MB']}", flush=True)
        if "docx" not in skip:
            figures["docx"] = bench_docx(tmp)
            print(f"docx: {figures['docx']}", flush=True)
        if "workers" not in skip:
            figures["workers"] = bench_workers(tmp, args.pages, texts)
            print(f"workers: {figures['workers']}", flush=True)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
