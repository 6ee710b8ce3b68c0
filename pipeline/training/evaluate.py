"""Accuracy of a pipeline on annotated pages: per-label precision/recall/F1 of the sentence
classifier (on the gold sentences), and the end-to-end figures of ``pipeline.scoring`` (the
measures of ``score_minutes.py``, on the pages as a user would run them)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from spacy.language import Language

from pipeline.nlp.extensions import sentence_label
from pipeline.training.convert import record_docs
from pipeline.training.data import LABELS, read_records
from pipeline.scoring import read_gold, score
from pipeline.training.gold import write_pages_and_gold


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def sentence_scores(pairs: list[tuple[str, str, str | None]]) -> dict:
    """``pairs`` are (gold, alt, predicted) labels. A prediction equal to the gold's alt label
    is neither right nor wrong, as in the gold files. 'items' is micro-F1 over decision+action."""
    counts = {lab: [0, 0, 0] for lab in LABELS}
    for gold, alt, pred in pairs:
        if pred == gold:
            counts[gold][0] += 1
        elif pred == alt:
            continue
        else:
            counts[pred][1] += 1
            counts[gold][2] += 1
    out = {lab: prf(*c) for lab, c in counts.items()}
    items = [sum(counts[lab][i] for lab in ("decision", "action")) for i in range(3)]
    out["items"] = prf(*items)
    out["n"] = len(pairs)
    return out


def evaluate_sentences(nlp: Language, data_dir: Path, split: str = "dev") -> dict:
    golds, docs = [], []
    for rec in read_records(data_dir, split):
        for sent, doc in record_docs(nlp, rec):
            golds.append((sent["label"], sent.get("alt_label")))
            doc.ents = ()
            doc.cats = {}
            docs.append(doc)
    preds = [sentence_label(d)[0] for d in nlp.pipe(docs, batch_size=256)]
    return sentence_scores([(g, a, p) for (g, a), p in zip(golds, preds)])


def evaluate_pages(nlp: Language, data_dir: Path, split: str = "dev") -> dict:
    """Runs extraction over the split's pages and scores the tables against their gold."""
    from pipeline.extract import extract

    records = list(read_records(data_dir, split))
    with tempfile.TemporaryDirectory() as tmp:
        pages, gold = write_pages_and_gold(records, Path(tmp))
        out = Path(tmp) / "out"
        extract([pages], out, nlp, warn=lambda m: None)
        return score(read_gold([gold]), out)
