"""Reading annotation tools' exports: Prodigy JSONL, Label Studio JSON, doccano JSONL.

Each reader yields one ``Annotation`` per answered task (rejected, ignored or skipped tasks are
counted, not yielded). A task it cannot read is an ``AnnotationError`` naming the file and line:
kept in ``Skipped.bad`` and passed over, so one bad line costs only itself, or, with
``Skipped(strict=True)``, raised, so that the importer stops before it writes anything.
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
    """Tasks left out on purpose (rejected, ignored, cancelled, no answer), by reason, and the
    tasks that could not be read (``bad``: one message each, naming file and line)."""

    reasons: dict[str, int] = field(default_factory=dict)
    strict: bool = False
    bad: list[str] = field(default_factory=list)

    def add(self, reason: str) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    def failed(self, error: AnnotationError) -> None:
        """A task that cannot be read: raised when strict, else noted and passed over."""
        if self.strict:
            raise error
        self.bad.append(str(error))


def tolerant(tasks: Iterator[tuple[str, object]], read: Callable[[str, object], Annotation | None],
             skipped: Skipped) -> Iterator[Annotation]:
    """``read`` each (where, task); a task it rejects goes to ``skipped`` (see ``Skipped.failed``)."""
    for where, task in tasks:
        try:
            ann = read(where, task)
        except AnnotationError as e:
            skipped.failed(e)
            continue
        if ann is not None:
            yield ann


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


def _jsonl(path: Path, skipped: Skipped) -> Iterator[tuple[str, dict]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            skipped.failed(AnnotationError(f"{where}: not valid JSON ({e.msg})"))
            continue
        if not isinstance(obj, dict):
            skipped.failed(AnnotationError(f"{where}: expected a JSON object"))
            continue
        yield where, obj


def read_prodigy(path: Path, skipped: Skipped) -> Iterator[Annotation]:
    """``textcat`` choice tasks (``accept`` list) or binary ones (``label``), with ``ner`` spans."""
    def one(where: str, task: dict) -> Annotation | None:
        answer = task.get("answer", "accept")
        if answer != "accept":
            skipped.add(str(answer))
            return None
        text = _text(task, where)
        if "options" in task:
            label = _one(task.get("accept") or [], where)
        elif "label" in task:
            label = sentence_label(task["label"], where)
        else:
            raise AnnotationError(f"{where}: no sentence label (needs 'accept' with 'options', or 'label')")
        ents = [entity(s.get("start"), s.get("end"), s.get("label"), text, where) for s in task.get("spans") or []]
        return Annotation(text, label, ents, task.get("meta") or {}, where)

    return tolerant(_jsonl(path, skipped), one, skipped)


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

    def one(where: str, task: object) -> Annotation | None:
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise AnnotationError(f"{where}: no 'data' object")
        done = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
        if not done:
            skipped.add("no annotation")
            return None
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
        return Annotation(text, label, ents, task["data"].get("meta") or {}, where)

    located = ((f"{path}: task {n}" + (f" (id {t['id']})" if isinstance(t, dict) and "id" in t else ""), t)
               for n, t in enumerate(tasks, start=1))
    return tolerant(located, one, skipped)


def read_doccano(path: Path, skipped: Skipped) -> Iterator[Annotation]:
    """JSONL with ``label`` spans ``[start, end, label]`` (or ``entities`` objects) and the
    sentence label in ``cats`` (a list, or a dict of scores) or as a plain string in ``label``."""
    def one(where: str, task: dict) -> Annotation:
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
        return Annotation(text, _one(cats, where), ents, meta, where)

    return tolerant(_jsonl(path, skipped), one, skipped)


READERS: dict[str, Callable[[Path, Skipped], Iterator[Annotation]]] = {
    "prodigy": read_prodigy, "labelstudio": read_labelstudio, "doccano": read_doccano}
