"""Hand-written annotated pages (training_data/written/FORMAT.md) -> training records and/or gold.

    python scripts/written_pages.py training_data/written --out training_data/written.jsonl
    python scripts/written_pages.py tests/fixtures/written --gold tests/fixtures/written/gold.jsonl
    python scripts/written_pages.py training_data/written --gold /tmp/g.jsonl --pages /tmp/pages

Prints a warning for every label the layout stage does not find as one sentence, and a count of
sentences per label.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import jsonlines

from pipeline.training.written import WrittenError, gold_records, page_minutes, read_folder, span_warnings, training_record, update_warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="folder of written pages (*.txt)")
    ap.add_argument("--out", type=Path, help="training records (JSONL); pages with split 'test' are refused")
    ap.add_argument("--gold", type=Path, help="gold records in the scorer's format (JSONL)")
    ap.add_argument("--pages", type=Path, help="folder to write the plain pages to (labels and header removed), "
                    "for `minutes extract` and the scorer")
    args = ap.parse_args(argv)
    if not (args.out or args.gold or args.pages):
        ap.error("give --out, --gold and/or --pages")
    try:
        pages = read_folder(args.folder)
    except WrittenError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if not pages:
        print(f"error: {args.folder}: no *.txt pages", file=sys.stderr)
        return 2
    tests = [p.name for p in pages if p.split == "test"]
    if args.out and tests:
        print(f"error: split 'test' pages are not training data: {', '.join(tests)}", file=sys.stderr)
        return 2
    records, gold, labels, splits, n_warn = [], [], Counter(), Counter(), 0
    for page in pages:
        if page.name != f"{page.header['id']}.txt":
            print(f"warning: {page.name}: file name differs from id {page.header['id']!r}", file=sys.stderr)
        minutes = page_minutes(page)
        for w in span_warnings(page, minutes) + update_warnings(page, minutes):
            print(f"warning: {w}", file=sys.stderr)
            n_warn += 1
        rec = training_record(page, minutes)
        records.append(rec)
        splits[page.split] += 1
        labels.update(s["label"] for s in rec["sentences"])
        gold += gold_records(page, minutes)
    if args.pages:
        args.pages.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (args.pages / page.name).write_text(page.text, encoding="utf-8")
    if args.out:
        with jsonlines.open(args.out, "w") as w:
            w.write_all(records)
    if args.gold:
        with jsonlines.open(args.gold, "w") as w:
            w.write_all(gold)
    print(f"{len(pages)} pages ({', '.join(f'{k} {v}' for k, v in sorted(splits.items()))}); "
          f"{sum(labels.values())} sentences ({', '.join(f'{k} {v}' for k, v in sorted(labels.items()))}); "
          f"{n_warn} warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
