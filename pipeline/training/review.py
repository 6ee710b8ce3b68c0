"""``minutes review``: the sentences the model is unsure of, as annotation tasks.

Tasks are in Prodigy's JSONL task format (text, the predicted label as ``label`` and as a
``choice`` answer in ``options``/``accept``, entity ``spans`` with ``tokens``, ``meta`` tracing
the sentence back to its page), which Label Studio and doccano also import. The hashes are
computed from the content, never from Python's salted ``hash``, so the same sentence gets the
same task on every run and an annotation tool skips what was already answered.
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Iterable

from spacy.language import Language

from pipeline.export import FORMULA_START
from pipeline.layout.model import Sentence
from pipeline.nlp.extensions import sentence_entities
from pipeline.nlp.sentence_doc import make_sentence_doc
from pipeline.register import read_table
from pipeline.records import SentenceRow
from pipeline.training.data import LABELS


def stable_hash(*parts: object) -> int:
    """A signed 32-bit int, like Prodigy's own hashes, from sha256 of the parts as JSON."""
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def _cell(text: str) -> str:
    """Undo the export's spreadsheet guard ("'=x" -> "=x")."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_START else text


def read_candidates(out_dir: Path) -> list[SentenceRow]:
    """The sentences table of an extraction folder (csv or jsonl); raises TablesNotFound."""
    df = read_table(out_dir, "sentences")
    return [SentenceRow(r["source"], int(r["sentence_index"]), int(r["char_start"]), int(r["char_end"]),
                      _cell(r["item"]), r["label"], float(r["confidence"] or 0), _cell(r["text"]))
            for r in df.to_dict("records")]


def select(cands: list[SentenceRow], below: float, sample: int = 0, seed: int = 0) -> list[SentenceRow]:
    """Every sentence with confidence below ``below``, plus a seeded random ``sample`` of the rest
    (so the model's confident mistakes get looked at too), in page order."""
    unsure = [c for c in cands if c.confidence < below]
    rest = [c for c in cands if c.confidence >= below]
    picked = unsure + random.Random(seed).sample(rest, min(sample, len(rest)))
    return sorted(picked, key=lambda c: (c.source, c.sentence_index))


def _spans(nlp: Language, text: str) -> tuple[list[dict], list[dict]]:
    """(tokens, spans) of the model's entities in the sentence, Prodigy style (token_end inclusive)."""
    doc = make_sentence_doc(nlp, Sentence(index=0, text=text, char_start=0, char_end=len(text)))
    doc = nlp(doc)
    off = doc._.context_chars
    toks = [t for t in doc if t.idx >= off]
    tokens = [{"text": t.text, "start": t.idx - off, "end": t.idx - off + len(t), "id": i, "ws": bool(t.whitespace_)}
              for i, t in enumerate(toks)]
    by_start = {t["start"]: t["id"] for t in tokens}
    by_end = {t["end"]: t["id"] for t in tokens}
    spans = [{"start": s, "end": e, "label": lab, "token_start": by_start[s], "token_end": by_end[e]}
             for s, e, lab in sentence_entities(doc) if s in by_start and e in by_end]
    return tokens, spans


def make_task(c: SentenceRow, nlp: Language | None = None) -> dict:
    """One Prodigy task for a sentence; ``nlp`` adds the model's entities as ``spans``."""
    task: dict = {
        "text": c.text,
        "label": c.label,
        "options": [{"id": lab, "text": lab} for lab in LABELS],
        "accept": [c.label],
        "meta": {"source": c.source, "sentence_index": c.sentence_index, "char_start": c.char_start,
                 "char_end": c.char_end, "item": c.item, "predicted": c.label,
                 "confidence": round(c.confidence, 4)},
    }
    if nlp is not None:
        task["tokens"], task["spans"] = _spans(nlp, c.text)
    task["_input_hash"] = stable_hash(c.source, c.char_start, c.char_end, c.text)
    spans = [(s["start"], s["end"], s["label"]) for s in task.get("spans", [])]
    task["_task_hash"] = stable_hash(task["_input_hash"], c.label, spans)
    return task


def write_tasks(tasks: Iterable[dict], path: Path) -> int:
    from pipeline.export import atomic_write

    lines = [json.dumps(t, ensure_ascii=False) for t in tasks]
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda tmp: Path(tmp).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8"))
    return len(lines)
