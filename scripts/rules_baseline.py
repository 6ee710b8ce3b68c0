#!/usr/bin/env python3
"""The regex baseline the trained classifier must beat: a heading rule plus 'X to <verb>'.

- under a heading that says decision/resolved/agreed -> decision
- '<Rank or Title> <Name> to <verb>' anywhere, or a heading that says action -> action
- otherwise -> note

Usage: python scripts/rules_baseline.py --data training_data [--split dev]
Prints the same per-label figures as `minutes evaluate`, on the same gold sentences.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from pipeline.ranks import RANK_PATTERN
from pipeline.training.data import read_records
from pipeline.training.evaluate import sentence_scores

X_TO_VERB = re.compile(r"(?:" + RANK_PATTERN + r")\.?\s+[A-Z][\w'-]+\s+to\s+[a-z]+")
DECISION_HEADING = re.compile(r"decision|resolved|agreed", re.I)
ACTION_HEADING = re.compile(r"action", re.I)


def classify(sentence: str, heading: str) -> str:
    if X_TO_VERB.search(sentence) or ACTION_HEADING.search(heading):
        return "action"
    if DECISION_HEADING.search(heading):
        return "decision"
    return "note"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("training_data"))
    ap.add_argument("--split", default="dev")
    args = ap.parse_args()
    pairs = []
    for rec in read_records(args.data, args.split):
        for s in rec["sentences"]:
            pred = classify(rec["text"][s["start"]:s["end"]], s.get("context", ""))
            pairs.append((s["label"], s.get("alt_label"), pred))
    scores = sentence_scores(pairs)
    for lab in ("decision", "action", "note", "items"):
        c = scores[lab]
        print(f"{lab:9s} P {c['p']:.3f} R {c['r']:.3f} F1 {c['f']:.3f}")
    print(json.dumps({"rules_baseline_items_f1": scores["items"]["f"], "n": scores["n"]}))


if __name__ == "__main__":
    main()
