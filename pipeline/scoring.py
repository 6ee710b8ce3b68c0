"""Scores an output folder against gold records (the format of ``../shared/ANNOTATION.md``'s gold
files), so that the project's own accuracy gates run in a fresh clone with nothing beside it.

The measures follow the labelling guide: a gold item is found when a predicted row of an accepted
type (its type or its ``alt_type``) from the same file contains the gold text (case, spacing and
curly quotes normalised); each predicted row is used once; a predicted row matching nothing is a
false alarm. Owner: some accepted form of the gold owner occurs in the predicted owner. Due: the ISO
dates are equal. End to end: found with the right owner and due date, over all gold items. The
shared scorer (``../shared/score_minutes.py``) is the reference; ``tests/test_scoring.py`` checks
that both give the same figures where it is at hand.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path, PurePath

ITEM_TYPES = ("decision", "action")
_STATUS_CLASS = {"discharged": "closed", "closed": "closed", "complete": "closed", "completed": "closed",
                 "open": "open", "ongoing": "open", "in_progress": "open", "carried_forward": "carried_forward"}


def norm(text: str | None) -> str:
    text = (text or "").lower()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return " ".join(text.split())


def _name(path: str | None) -> str:
    return PurePath((path or "").strip()).name


def _rows(folder: Path, table: str) -> list[dict]:
    path = Path(folder) / f"{table}.csv"
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def _owner_ok(predicted: str | None, accepted: list[str]) -> bool:
    got = norm(predicted)
    return bool(got) and any(norm(a) in got for a in accepted)


def _status(text: str | None) -> str:
    key = norm(text).replace(" ", "_").replace("-", "_")
    return _STATUS_CLASS.get(key, key)


def read_gold(paths: list[Path]) -> list[dict]:
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            out += [json.loads(line) for line in f if line.strip()]
    return out


def score(gold: list[dict], pred: Path) -> dict:
    """The figures for ``pred`` (a folder of extraction tables) against ``gold``, restricted to the
    files the gold covers."""
    sources = {_name(g["source"]) for g in gold}
    preds = [{**r, "_type": kind, "_src": _name(r.get("source")), "_text": norm(r.get("text"))}
             for table, kind in (("decisions", "decision"), ("actions", "action")) for r in _rows(pred, table)]
    preds = [p for p in preds if p["_src"] in sources]
    counts = {t: [0, 0, 0] for t in ITEM_TYPES}
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    for g in gold:
        accepted = {g["type"], g.get("alt_type")}
        if not accepted & set(ITEM_TYPES):
            continue
        key = norm(g["text"])
        hit = next((i for i, p in enumerate(preds) if i not in used and p["_src"] == _name(g["source"])
                    and key in p["_text"] and p["_type"] in accepted), None)
        if hit is not None:
            used.add(hit)
            if g["type"] in ITEM_TYPES:
                counts[preds[hit]["_type"]][0] += 1
                matched.append((g, preds[hit]))
        elif g["type"] in ITEM_TYPES:
            counts[g["type"]][2] += 1
    for i, p in enumerate(preds):
        if i not in used:
            counts[p["_type"]][1] += 1
    items = {t: _prf(*c) for t, c in counts.items()}
    items["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))

    def due_ok(g: dict, p: dict) -> bool:
        return "due" not in g or (p.get("due_date") or "").strip() == (g.get("due") or "")

    def owner_ok(g: dict, p: dict) -> bool:
        return not g.get("owner") or _owner_ok(p.get("owner"), g["owner"])

    n_items = sum(1 for g in gold if g["type"] in ITEM_TYPES)
    result = {
        "items": items,
        "owner_accuracy": _share([_owner_ok(p.get("owner"), g["owner"]) for g, p in matched if g.get("owner")]),
        "due_accuracy": _share([due_ok(g, p) for g, p in matched if "due" in g]),
        "action_id_accuracy": _share([(p.get("action_id") or "").strip() == g["action_id"]
                                      for g, p in matched if g.get("action_id")]),
        "end_to_end": round(sum(owner_ok(g, p) and due_ok(g, p) for g, p in matched) / n_items, 3) if n_items else None,
    }
    result["action_updates"] = _updates(gold, pred, sources)
    result["meeting_fields_accuracy"] = _meetings(gold, pred)
    result["attendees"] = _attendees(gold, pred)
    return result


def _updates(gold: list[dict], pred: Path, sources: set[str]) -> dict:
    want = {(_name(g["source"]), g["action_id"]): g for g in gold if g["type"] == "action_update"}
    got = {(_name(r.get("source")), (r.get("action_id") or "").strip()): r for r in _rows(pred, "action_updates")
           if _name(r.get("source")) in sources}
    right = sum(1 for k, g in want.items() if k in got and _status(got[k].get("status")) == _status(g["status"])
                and (got[k].get("due_date") or "").strip() == (g.get("due") or ""))
    return {"gold": len(want), "predicted": len(got), "correct": right,
            "f1": _prf(right, len(got) - right, len(want) - right)["f1"]}


def _meetings(gold: list[dict], pred: Path) -> float | None:
    rows = {_name(r.get("source")): r for r in _rows(pred, "meetings")}
    checks = []
    for g in gold:
        if g["type"] != "meeting":
            continue
        m = rows.get(_name(g["source"]), {})
        checks.append((m.get("meeting_date") or "").strip() == (g.get("date") or ""))
        if g.get("next_meeting"):
            checks.append((m.get("next_meeting_date") or "").strip() == g["next_meeting"])
        if g.get("attendees") is not None:
            checks.append(str(m.get("n_attendees") or "").strip() == str(g["attendees"]))
    return _share(checks)


def _person(name: str | None) -> str:
    return norm(re.sub(r"\(.*?\)", "", name or ""))


def _attendees(gold: list[dict], pred: Path) -> dict:
    want = {(_name(g["source"]), _person(g["name"])): g for g in gold if g["type"] == "attendee"}
    covered = {s for s, _ in want}
    got = {(_name(r.get("source")), _person(r.get("name"))): r for r in _rows(pred, "attendees")
           if _name(r.get("source")) in covered}
    hits = [k for k in want if k in got]

    def rank(text: str | None) -> str:
        return norm(text).replace(".", "").replace(" ", "")

    return {"gold": len(want), "predicted": len(got), "f1": _prf(len(hits), len(got) - len(hits),
                                                                     len(want) - len(hits))["f1"],
            "rank_accuracy": _share([rank(got[k].get("rank")) == rank(want[k]["rank"]) for k in hits])}


def summary_line(result: dict) -> str:
    return (f"items F1 {result['items']['micro']['f1']} owner {result['owner_accuracy']} due {result['due_accuracy']} "
            f"end-to-end {result['end_to_end']} updates F1 {result['action_updates']['f1']} "
            f"meetings {result['meeting_fields_accuracy']} attendees F1 {result['attendees']['f1']}")
