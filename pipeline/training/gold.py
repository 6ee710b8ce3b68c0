"""Annotated pages -> the gold records that ``score_minutes.py`` reads, so the dev split can be
scored end to end exactly as the seeds are."""
from __future__ import annotations

from pathlib import Path

import jsonlines

ITEM_LABELS = ("decision", "action")


def page_source(rec: dict) -> str:
    return f"{rec['id']}.txt"


def gold_records(rec: dict) -> list[dict]:
    src = page_source(rec)
    attendees = rec.get("attendees", [])
    chair = next((a["name"].split()[-1] for a in attendees if a.get("is_chair")), None)
    out: list[dict] = [{"source": src, "type": "meeting", "date": rec.get("meeting_date"),
                        "next_meeting": rec.get("next_meeting_date"), "attendees": len(attendees), "chair": chair}]
    for s in rec["sentences"]:
        label, alt = s["label"], s.get("alt_label")
        if label not in ITEM_LABELS and alt not in ITEM_LABELS:
            continue
        g = {"source": src, "type": label, "text": rec["text"][s["start"]:s["end"]]}
        if alt:
            g["alt_type"] = alt
        if label in ITEM_LABELS:
            g["owner"] = s.get("owner") or None
            g["due"] = s.get("due")
            if s.get("action_id"):
                g["action_id"] = s["action_id"]
        out.append(g)
    for u in rec.get("updates", []):
        out.append({"source": src, "type": "action_update", "action_id": u["action_id"], "status": u["status"],
                    "due": u.get("due")})
    for a in attendees:
        out.append({"source": src, "type": "attendee", "rank": a.get("rank", ""), "name": a["name"],
                    "role": a.get("role", "")})
    return out


def write_pages_and_gold(records: list[dict], folder: Path) -> tuple[Path, Path]:
    """Writes each page as ``folder/pages/<id>.txt`` and all gold as ``folder/gold.jsonl``."""
    pages = folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    gold = folder / "gold.jsonl"
    with jsonlines.open(gold, "w") as w:
        for rec in records:
            (pages / page_source(rec)).write_text(rec["text"], encoding="utf-8")
            w.write_all(gold_records(rec))
    return pages, gold
