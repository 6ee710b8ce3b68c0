"""Annotations -> page records for ``training_data/`` (format: training_data/README.md).

Our records are pages, so each annotated task becomes a small page of its own: its text, the
sentence(s) the layout stage finds in it (so training conversion, which joins gold sentences to
the layout's sentences by offsets, picks every one of them up), the task's label on each, and
its entities. Owners and due dates are not annotated here and stay empty.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.export import atomic_write
from pipeline.ingest.page import Page
from pipeline.layout import parse_minutes
from pipeline.training.importers import READERS, Annotation, AnnotationError, Skipped


def to_record(ann: Annotation, record_id: str) -> dict:
    """One ``layout: imported`` train record; AnnotationError when the layout stage finds no
    sentence in the text (it would never reach training)."""
    source = str(ann.meta.get("source") or f"{record_id}.txt")
    sents = parse_minutes(Page(source, ann.text)).sentences
    if not sents:
        raise AnnotationError(f"{ann.where}: the layout stage finds no body sentence in {ann.text[:60]!r}")
    context = str(ann.meta.get("context") or "")
    return {
        "id": record_id, "layout": "imported", "split": "train", "text": ann.text,
        "meeting_date": None, "next_meeting_date": None, "attendees": [],
        "entities": [list(e) for e in sorted(set(ann.entities))],
        "sentences": [{"start": s.char_start, "end": s.char_end, "label": ann.label, "alt_label": None,
                       "context": context, "item": str(ann.meta.get("item") or s.item), "owner": [],
                       "due": None, "due_text": None, "recurrence": None, "action_id": None} for s in sents],
        "updates": [],
        "meta": {k: ann.meta[k] for k in ("source", "sentence_index", "char_start", "char_end") if k in ann.meta},
    }


def import_annotations(path: Path, fmt: str, out: Path) -> tuple[int, Skipped]:
    """Reads the whole export first and writes ``out`` only when every line converted (to a
    temporary file, renamed into place): an error leaves no output behind."""
    skipped = Skipped()
    anns = list(READERS[fmt](path, skipped))
    records = [to_record(a, f"{out.stem}-{i:04d}") for i, a in enumerate(anns, start=1)]
    if not records:
        raise AnnotationError(f"{path}: no accepted annotations; nothing written")
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return len(records), skipped
