"""Reading annotation tools' exports: Prodigy JSONL, Label Studio JSON, doccano JSONL.

Each reader yields one ``Annotation`` per answered task (rejected, ignored or skipped tasks are
counted, not yielded) and raises ``ImportError_`` naming the file and line for anything it cannot
read, so that the importer can stop before it writes anything.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from pipeline.training.data import LABELS

ENTITY_LABELS = ("RANK", "PERSON", "ROLE", "ORG", "DATE")


class AnnotationError(Exception):
    """An export line the importer cannot turn into training data."""


@dataclass
class Annotation:
    text: str
    label: str
    entities: list[tuple[int, int, str]]
    meta: dict
    where: str  # 'file:line' for messages


@dataclass
class Skipped:
    """Tasks left out on purpose (rejected, ignored, cancelled, no answer), by reason."""

    reasons: dict[str, int] = field(default_factory=dict)

    def add(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


def sentence_label(value: object, where: str) -> str:
    lab = str(value).strip().lower()
    if lab not in LABELS:
        raise AnnotationError(f"{where}: unknown label {value!r} (expected one of {', '.join(LABELS)})")
    return lab


def entity(start: object, end: object, label: object, text: str, where: str) -> tuple[int, int, str]:
    lab = str(label).strip().upper()
    if lab not in ENTITY_LABELS:
        raise AnnotationError(f"{where}: unknown entity label {label!r} (expected one of {', '.join(ENTITY_LABELS)})")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise AnnotationError(f"{where}: entity span [{start}, {end}] is not inside the text ({len(text)} chars)")
    return start, end, lab


def _text(task: dict, where: str) -> str:
    text = task.get("text")
    if not isinstance(text, str) or not text.strip():
        raise AnnotationError(f"{where}: no 'text'")
    return text


def _one(labels: list, where: str) -> str:
    if len(labels) != 1:
        raise AnnotationError(f"{where}: {len(labels)} labels chosen; a sentence takes exactly one")
    return sentence_label(labels[0], where)


def _jsonl(path: Path) -> Iterator[tuple[str, dict]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise AnnotationError(f"{where}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise AnnotationError(f"{where}: expected a JSON object")
        yield where, obj


def read_prodigy(path: Path, skipped: Skipped) -> Iterator[Annotation]:
    """``textcat`` choice tasks (``accept`` list) or binary ones (``label``), with ``ner`` spans."""
    for where, task in _jsonl(path):
        answer = task.get("answer", "accept")
        if answer != "accept":
            skipped.add(str(answer))
            continue
        text = _text(task, where)
        if "options" in task:
            label = _one(task.get("accept") or [], where)
        elif "label" in task:
            label = sentence_label(task["label"], where)
        else:
            raise AnnotationError(f"{where}: no sentence label (needs 'accept' with 'options', or 'label')")
        ents = [entity(s.get("start"), s.get("end"), s.get("label"), text, where) for s in task.get("spans") or []]
        yield Annotation(text, label, ents, task.get("meta") or {}, where)


def read_labelstudio(path: Path, skipped: Skipped) -> Iterator[Annotation]:
    """The JSON export: a list of tasks, each with ``data`` and ``annotations[].result``, where a
    ``choices`` result is the sentence label and ``labels`` results are entity spans. The last
    annotation that was not cancelled counts."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise AnnotationError(f"{path}:{e.lineno}: not valid JSON ({e.msg})") from None
    if not isinstance(tasks, list):
        raise AnnotationError(f"{path}: expected a JSON list of tasks (Label Studio's JSON export)")
    for n, task in enumerate(tasks, start=1):
        where = f"{path}: task {n}" + (f" (id {task['id']})" if isinstance(task, dict) and "id" in task else "")
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise AnnotationError(f"{where}: no 'data' object")
        done = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
        if not done:
            skipped.add("no annotation")
            continue
        text = _text(task["data"], where)
        label, ents = None, []
        for res in done[-1].get("result") or []:
            value = res.get("value") or {}
            if res.get("type") == "choices":
                label = _one(value.get("choices") or [], where)
            elif res.get("type") == "labels":
                ents += [entity(value.get("start"), value.get("end"), lab, text, where)
                         for lab in value.get("labels") or []]
        if label is None:
            raise AnnotationError(f"{where}: no 'choices' result with the sentence label")
        yield Annotation(text, label, ents, task["data"].get("meta") or {}, where)


def read_doccano(path: Path, skipped: Skipped) -> Iterator[Annotation]:
    """JSONL with ``label`` spans ``[start, end, label]`` (or ``entities`` objects) and the
    sentence label in ``cats`` (a list, or a dict of scores) or as a plain string in ``label``."""
    for where, task in _jsonl(path):
        text = _text(task, where)
        labels = task.get("label") or []
        spans = [x for x in labels if isinstance(x, list)]
        cats = [x for x in labels if isinstance(x, str)]
        raw_cats = task.get("cats") or []
        cats += [k for k, v in raw_cats.items() if v] if isinstance(raw_cats, dict) else list(raw_cats)
        if not cats:
            raise AnnotationError(f"{where}: no sentence label in 'cats'")
        ents = []
        for s in spans:
            if len(s) != 3:
                raise AnnotationError(f"{where}: a 'label' span must be [start, end, label], got {s!r}")
            ents.append(entity(s[0], s[1], s[2], text, where))
        for e in task.get("entities") or []:
            ents.append(entity(e.get("start_offset"), e.get("end_offset"), e.get("label"), text, where))
        meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
        yield Annotation(text, _one(cats, where), ents, meta, where)


READERS: dict[str, Callable[[Path, Skipped], Iterator[Annotation]]] = {
    "prodigy": read_prodigy, "labelstudio": read_labelstudio, "doccano": read_doccano}
