"""One static HTML page to read an archive in: meetings on a timeline, each meeting's decisions and
actions, open and overdue actions per officer, and the sentences with owners and due dates marked.

The page is a single file that opens from disk: charts are PNGs embedded as data: URIs, there is
no JavaScript, and a Content-Security-Policy forbids scripts and network loads, so minutes text
(escaped everywhere by Jinja2's autoescape and displaCy) can never run or fetch anything.
"""
from __future__ import annotations

import base64
import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from spacy import displacy

from pipeline.export import atomic_write
from pipeline.register import CLOSED, board_key, build_register, owner_counts, read_table
from pipeline.records import OwnerRow, RegisterRow

TEMPLATES = Path(__file__).parent / "templates"
COLOURS = {"OWNER": "#9fd3f5", "DUE": "#f7c873"}
MAX_BARS = 25


def _find(text: str, candidates: list[str]) -> tuple[int, int] | None:
    for c in candidates:
        if c and len(c) > 1:
            m = re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", text)
            if m:
                return m.span()
    return None


def highlight(text: str, owner: str, rank: str, name: str, due_text: str) -> Markup:
    """The sentence with its owner and due-date words marked, via displaCy's manual mode.

    Owners are written out in full in the tables ('ACC Piers Foulds') but often shortened in the
    text ('ACC Foulds'), so the shorter forms are tried in turn; a span not found is not marked."""
    surname = name.split()[-1] if name.split() else ""
    ents = []
    own = _find(text, [owner, f"{rank} {surname}" if rank else "", name, surname])
    if own:
        title = re.search(r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?|" + re.escape(rank or "Mr") + r")\s+$", text[:own[0]])
        own = (title.start(), own[1]) if title else own
        ents.append({"start": own[0], "end": own[1], "label": "OWNER"})
    due = _find(text, [due_text])
    if due and not (own and due[0] < own[1] and own[0] < due[1]):
        ents.append({"start": due[0], "end": due[1], "label": "DUE"})
    ents.sort(key=lambda e: e["start"])
    html = displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                           page=False, jupyter=False, options={"colors": COLOURS})
    return Markup(html)  # displaCy escapes the text itself


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _label(s: str) -> str:
    """Matplotlib reads '$...$' as maths; minutes text is never maths."""
    return (s or "(no owner)").replace("$", r"\$")


def timeline_chart(meetings: list[dict]) -> str:
    """Decisions and actions per meeting, by date, one marker colour per board."""
    from matplotlib.figure import Figure  # no pyplot: no global state, no GUI backend

    fig = Figure(figsize=(9, 2.8))
    ax = fig.add_subplot()
    for board in sorted({m["board"] for m in meetings}):
        ms = [m for m in meetings if m["board"] == board and m["date"]]
        days = [date.fromisoformat(m["date"]) for m in ms]
        ax.plot(days, [len(m["decisions"]) for m in ms], "o-", label=_label(f"{board}: decisions"))
        ax.plot(days, [len(m["actions"]) for m in ms], "s--", label=_label(f"{board}: actions"))
    ax.set_ylabel("per meeting")
    ax.grid(alpha=0.3)
    if meetings:
        ax.legend(fontsize=7, loc="upper left")
    fig.autofmt_xdate()
    return _png(fig)


def owners_chart(owners: list[OwnerRow]) -> str:
    """Open and overdue actions per officer, as horizontal bars (the busiest first)."""
    from matplotlib.figure import Figure

    shown = [o for o in owners if o.open][:MAX_BARS]
    fig = Figure(figsize=(8, 0.35 * len(shown) + 1.2))
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    ax.barh(ys, [o.open for o in shown], color="#6baed6", label="open")
    ax.barh(ys, [o.overdue for o in shown], color="#de2d26", label="of which overdue")
    ax.set_yticks(ys, [_label(o.owner) for o in shown], fontsize=8)
    ax.set_xlabel("actions")
    ax.legend(fontsize=8, loc="lower right")
    return _png(fig)


def _of(tables: dict[str, pd.DataFrame], name: str, source: str) -> list[dict]:
    t = tables[name]
    return t[t["source"] == source].to_dict("records")


def _meetings(tables: dict[str, pd.DataFrame], register: list[RegisterRow]) -> list[dict]:
    current = {(r.board, r.action_id): r for r in register if r.action_id}
    out = []
    for i, m in enumerate(tables["meetings"].sort_values(["meeting_date", "source"]).itertuples()):
        board = board_key(m.title)
        decisions = _of(tables, "decisions", m.source)
        actions = _of(tables, "actions", m.source)
        for a in actions:
            r = current.get((board, a["action_id"]))
            a["status"] = r.status if r else "open"
            a["current_due"] = r.due_date if r else a["due_date"]
        marked = sorted(
            [("decision", d) for d in decisions] + [("action", a) for a in actions],
            key=lambda p: int(p[1]["sentence_index"] or 0))
        out.append({
            "anchor": f"m{i + 1}", "source": m.source, "title": m.title, "board": board,
            "date": m.meeting_date, "venue": m.venue, "next": m.next_meeting_date,
            "decisions": decisions, "actions": actions,
            "updates": _of(tables, "action_updates", m.source),
            "marked": [(kind, highlight(r["text"], r["owner"], r["owner_rank"], r["owner_name"], r["due_text"]))
                       for kind, r in marked],
        })
    return out


def render_report(out_dir: Path, as_of: date) -> str:
    """The page's HTML, from the tables `minutes extract` wrote to ``out_dir``."""
    tables = {n: read_table(out_dir, n) for n in ("meetings", "decisions", "actions", "action_updates")}
    register = build_register(tables["meetings"], tables["actions"], tables["action_updates"], as_of)
    owners = owner_counts(register)
    meetings = _meetings(tables, register)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2").render(
        as_of=as_of.isoformat(), meetings=meetings, register=register, owners=owners,
        open_rows=[r for r in register if r.status not in CLOSED],
        overdue=[r for r in register if r.overdue == "true"],
        n_closed=sum(r.status in CLOSED for r in register),
        n_decisions=len(tables["decisions"]),
        boards=sorted({m["board"] for m in meetings}),
        timeline_png=timeline_chart(meetings), owners_png=owners_chart(owners),
    )


def write_report(out_dir: Path, as_of: date) -> Path:
    """report.html beside the tables, written atomically."""
    html = render_report(out_dir, as_of)
    path = out_dir / "report.html"
    atomic_write(path, lambda tmp: Path(tmp).write_text(html, encoding="utf-8"))
    return path
