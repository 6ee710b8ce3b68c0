"""Annotated pages -> spaCy DocBin: one Doc per body sentence.

Each page goes through the same layout stage as extraction, so a training Doc is built exactly
as an extraction Doc is (context line + sentence); the annotations (label, entities) are joined
to the layout's sentences by their character offsets.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from pipeline.ingest.page import Page
from pipeline.layout import parse_minutes
from pipeline.nlp.sentence_doc import make_sentence_doc
from pipeline.training.data import LABELS, read_records


def record_docs(nlp: Language, rec: dict) -> Iterator[tuple[dict, Doc]]:
    """(gold sentence, training Doc) for each annotated sentence the layout stage also finds."""
    minutes = parse_minutes(Page(f"{rec.get('id', '')}.txt", rec["text"]))
    by_span = {(s.char_start, s.char_end): s for s in minutes.sentences}
    ents = rec.get("entities", [])  # null: the page has no entity annotation (written pages)
    for gold in rec["sentences"]:
        s, e = gold["start"], gold["end"]
        sent = by_span.get((s, e))
        if sent is None:
            continue
        doc = make_sentence_doc(nlp, sent, minutes)
        if ents is not None:  # else entity annotation stays missing, so the NER learns nothing from it
            off = doc._.context_chars - s
            spans = [doc.char_span(a + off, b + off, label=lab) for a, b, lab in sorted(ents) if s <= a and b <= e]
            doc.ents = filter_spans([sp for sp in spans if sp is not None])
        doc.cats = {lab: float(gold["label"] == lab) for lab in LABELS}
        yield gold, doc


def teaches(gold: dict) -> bool:
    """A sentence the annotation lets be read two ways (approving the previous minutes: a note that
    may be read as a decision) is left out of training: as a plain note it taught the model that
    'The revised terms of reference were agreed.' is a note, and spaCy's exclusive classifier takes
    no half-and-half target. Scoring still accepts either label for it."""
    return not gold.get("alt_label")


def convert(nlp: Language, data_dir: Path, out_dir: Path) -> dict[str, int]:
    """Writes ``train.spacy`` and ``dev.spacy`` into ``out_dir``; returns Docs per split, and how
    many annotated sentences were left out (not found by the layout stage, or two-way; see ``teaches``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for split in ("train", "dev"):
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
        n = total = 0
        for rec in read_records(data_dir, split):
            total += len(rec["sentences"])
            for gold, doc in record_docs(nlp, rec):
                if split == "train" and not teaches(gold):
                    continue
                db.add(doc)
                n += 1
        db.to_disk(out_dir / f"{split}.spacy")
        counts[split] = n
        counts[f"{split}_unaligned"] = total - n
    return counts
