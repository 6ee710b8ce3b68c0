"""The action register: every action followed from the meeting that raised it to its latest update.

Boards number actions per board and per year ('9/24'), so an action is keyed by (board, number);
the board comes from the page title, because one archive may hold several boards. Actions without
a number get one row each and are never tied to an update: a status line names only a number,
so any link would be a guess.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.export import write_table
from pipeline.records import OwnerRow, RegisterRow

CLOSED = ("discharged", "closed")
_DATE_WORDS = (r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:january|february|march|april|may|june|july|"
               r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
_FILLER = {"minutes", "notes", "meeting", "held", "on", "of", "the", "st", "nd", "rd", "th"}


class TablesNotFound(FileNotFoundError):
    """The folder lacks a table that `minutes extract` writes."""


def board_key(title: str) -> str:
    """"Chief Officer's Management Board - 12 March 2024" -> 'chief officers management board'."""
    t = title.lower().replace("'", "").replace("\u2019", "")
    t = re.sub(_DATE_WORDS, " ", t)
    t = re.sub(r"[^a-z]+", " ", t)  # digits (days, years) and punctuation go
    return " ".join(w for w in t.split() if w not in _FILLER)


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """One table as strings ('9/24' must stay text; empty cells stay '')."""
    for fmt in ("csv", "jsonl"):
        path = out_dir / f"{name}.{fmt}"
        if path.exists():
            if fmt == "csv":
                return pd.read_csv(path, dtype=str, keep_default_na=False)
            return pd.read_json(path, orient="records", lines=True, dtype=False).fillna("").astype(str)
    raise TablesNotFound(f"no {name}.csv in {out_dir}: run `minutes extract ... --out {out_dir}` first")


def _id_key(action_id: str) -> tuple[int, int, str]:
    """'9/24' sorts as (24, 9): year first, then number; anything else by its text."""
    m = re.fullmatch(r"(\d+)[a-z]?(?:/(\d+))?", action_id, re.I)
    if not m:
        return (1 << 30, 0, action_id)
    return (int(m.group(2) or 0), int(m.group(1)), action_id)


def build_register(meetings: pd.DataFrame, actions: pd.DataFrame, updates: pd.DataFrame,
                   as_of: date) -> list[RegisterRow]:
    """One row per (board, action number), plus one per unnumbered action."""
    boards = {r.source: board_key(r.title) for r in meetings.itertuples()}
    actions = actions.assign(board=actions["source"].map(boards).fillna(""))
    updates = updates.assign(board=updates["source"].map(boards).fillna(""))
    # Stable sort keeps the page's own order among updates from the same meeting.
    actions = actions.sort_values("meeting_date", kind="stable")
    updates = updates.sort_values("meeting_date", kind="stable")

    raised: dict[tuple[str, str], object] = {}
    unnumbered = []
    for a in actions.itertuples():
        if not a.action_id:
            unnumbered.append(a)
        else:
            raised.setdefault((a.board, a.action_id), a)  # earliest mention raised it
    history: dict[tuple[str, str], list] = {}
    for u in updates.itertuples():
        history.setdefault((u.board, u.action_id), []).append(u)

    rows = [_row(board, aid, raised.get((board, aid)), history.get((board, aid), []), as_of)
            for board, aid in set(raised) | set(history)]
    rows += [_row(a.board, "", a, [], as_of) for a in unnumbered]
    rows.sort(key=lambda r: (r.board, r.action_id == "", _id_key(r.action_id), r.raised_on))
    return rows


def _before(day: str, as_of: date) -> bool:
    """Whether an ISO date falls before ``as_of``; an empty or unreadable date is never overdue."""
    try:
        return date.fromisoformat(day) < as_of
    except ValueError:
        return False


def _row(board: str, action_id: str, raised, updates: list, as_of: date) -> RegisterRow:
    due = raised.due_date if raised is not None else ""
    for u in updates:  # carrying forward to a new date moves the due date
        if u.due_date:
            due = u.due_date
    status = updates[-1].status if updates else "open"
    overdue = _before(due, as_of) and status not in CLOSED
    return RegisterRow(
        board=board, action_id=action_id,
        raised_on=raised.meeting_date if raised is not None else "",
        source=raised.source if raised is not None else "",
        owner=raised.owner if raised is not None else "",
        text=raised.text if raised is not None else "",
        due_date=due, status=status,
        last_update_on=updates[-1].meeting_date if updates else "",
        n_updates=len(updates), overdue="true" if overdue else "false",
    )


def owner_counts(rows: list[RegisterRow]) -> list[OwnerRow]:
    """Open, overdue and closed actions per owner ('' for actions nobody was named on)."""
    counts: dict[str, OwnerRow] = {}
    for r in rows:
        c = counts.setdefault(r.owner, OwnerRow(r.owner, 0, 0, 0))
        if r.status in CLOSED:
            c.closed += 1
        else:
            c.open += 1
            c.overdue += r.overdue == "true"
    return sorted(counts.values(), key=lambda c: (-c.overdue, -c.open, c.owner))


def register_from_dir(out_dir: Path, as_of: date) -> list[RegisterRow]:
    """The register of the tables `minutes extract` wrote to ``out_dir``."""
    return build_register(read_table(out_dir, "meetings"), read_table(out_dir, "actions"),
                          read_table(out_dir, "action_updates"), as_of)


def write_rows(out_dir: Path, name: str, rows: list) -> Path:
    """Through the tables' own writer (export.write_table): atomically, every text cell quoted and
    formula-like text neutralised, so a ';' or ',' inside a cell cannot start a formula."""
    return write_table(out_dir, name, rows)


def write_register(out_dir: Path, as_of: date) -> tuple[list[RegisterRow], list[Path]]:
    """register.csv and owners.csv beside the tables."""
    rows = register_from_dir(out_dir, as_of)
    return rows, [write_rows(out_dir, "register", rows), write_rows(out_dir, "owners", owner_counts(rows))]
