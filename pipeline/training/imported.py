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
from pipeline.layout.model import Sentence
from pipeline.training.importers import READERS, Annotation, AnnotationError, Skipped


def _page_sentences(ann: Annotation, record_id: str) -> tuple[str, list]:
    """(record text, its sentences). The text alone first; then, as on its page, under its heading
    (the task's ``context``, else its agenda ``item``, else a plain title): a sentence ending in ':'
    or a heading-like line is a body sentence only below a heading. The record keeps that heading,
    so training conversion, which lays the text out again, finds the same sentence."""
    source = str(ann.meta.get("source") or f"{record_id}.txt")
    sents = parse_minutes(Page(source, ann.text)).sentences
    if sents:
        return ann.text, sents
    headings = [str(ann.meta.get(k) or "").strip() for k in ("context", "heading", "item")] + ["Minutes"]
    for heading in dict.fromkeys(h for h in headings if h and "\n" not in h):
        text = f"{heading}\n\n{ann.text}"
        start = len(heading) + 2
        sents = [s for s in parse_minutes(Page(source, text)).sentences if s.char_start >= start]
        if sents:
            return text, sents
    if "source" in ann.meta and "sentence_index" in ann.meta:
        # A sentence `minutes review` took from a page's body is one, whatever its text looks like
        # alone: kept whole (training conversion may still pass it over; it says how many).
        start = len(ann.text) - len(ann.text.lstrip())
        return ann.text, [Sentence(index=0, text=ann.text.strip(), char_start=start,
                                   char_end=start + len(ann.text.strip()))]
    return ann.text, []


def to_record(ann: Annotation, record_id: str) -> dict:
    """One ``layout: imported`` train record; AnnotationError when the layout stage finds no
    sentence in the text, even under a heading (it would never reach training)."""
    text, sents = _page_sentences(ann, record_id)
    if not sents:
        raise AnnotationError(f"{ann.where}: the layout stage finds no body sentence in {ann.text[:60]!r}")
    off = len(text) - len(ann.text)  # entity offsets are into the task's text
    context = str(ann.meta.get("context") or "")
    return {
        "id": record_id, "layout": "imported", "split": "train", "text": text,
        "meeting_date": None, "next_meeting_date": None, "attendees": [],
        "entities": [[a + off, b + off, lab] for a, b, lab in sorted(set(ann.entities))],
        "sentences": [{"start": s.char_start, "end": s.char_end, "label": ann.label, "alt_label": None,
                       "context": context, "item": str(ann.meta.get("item") or s.item), "owner": [],
                       "due": None, "due_text": None, "recurrence": None, "action_id": None} for s in sents],
        "updates": [],
        "meta": {k: ann.meta[k] for k in ("source", "sentence_index", "char_start", "char_end") if k in ann.meta},
    }


def import_annotations(path: Path, fmt: str, out: Path, strict: bool = True) -> tuple[int, Skipped]:
    """Writes ``out`` (to a temporary file, renamed into place) from the export's readable tasks.
    ``strict``: every task must convert, or nothing is written (AnnotationError); else a task that
    cannot be read or laid out is passed over and listed in ``Skipped.bad`` (file and line)."""
    skipped = Skipped(strict=strict)
    records = []
    for ann in READERS[fmt](path, skipped):
        try:
            records.append(to_record(ann, f"{out.stem}-{len(records) + 1:04d}"))
        except AnnotationError as e:
            skipped.failed(e)
    if not records:
        bad = f" ({len(skipped.bad)} bad: {skipped.bad[0]})" if skipped.bad else ""
        raise AnnotationError(f"{path}: no accepted annotations{bad}; nothing written")
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return len(records), skipped
