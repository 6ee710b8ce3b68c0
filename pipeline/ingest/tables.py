"""How every reader renders a table: 'cell | cell |' lines with a '---|' separator after the
first row, so the layout stage reads an HTML, PDF or Word table exactly as a Kent text table.
A PDF table drawn without rules is found here from where its words stand (``find_grid``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_WS = re.compile(r"\s+")


def clean_cell(text: str | None) -> str:
    """One line of text, with no pipe that could be taken for a column break."""
    return _WS.sub(" ", text or "").strip().replace("|", "/")


def table_lines(rows: Iterable[list[str]]) -> list[str]:
    """Rows of cleaned cells as pipe lines; empty rows are dropped."""
    lines: list[str] = []
    for cells in rows:
        if not any(cells):
            continue
        lines.append(" | ".join(cells) + " |")
        if len(lines) == 1:
            lines.append("---|" * len(cells))
    return lines


# --- borderless tables: columns read from word positions (PDF) ----------------------------------

@dataclass
class Row:
    """One printed line: its words grouped into segments where a wide gap (a column) splits them."""

    top: float
    bottom: float
    segs: list[tuple[float, float, str]]  # (x0, x1, text) left to right
    first_word: float = 0.0  # width of the line's first word (for the wrap test)
    owner: str = ""  # a short cell at the right margin ('Clerk'), kept apart from the sentence

    @property
    def x0(self) -> float:
        return self.segs[0][0]

    @property
    def x1(self) -> float:
        return self.segs[-1][1]

    @property
    def text(self) -> str:
        return " ".join(s[2] for s in self.segs)


_MARKER_RE = re.compile(r"^(?:\(?\d{1,3}[a-z]?[.)]?|\(?[ivxlc]{1,5}[.)]|\(?[a-z][.)]|[*•\-–·▪●◦])$", re.I)
_LABEL_RE = re.compile(r"^\S.{0,40}:$")
_ALIGN = 10.0  # points: segment starts this close share a column


def merge_markers(row: Row) -> None:
    """'1.' or '•' set off by a tab is the item's marker, not a column: join it to its text."""
    while len(row.segs) > 1 and _MARKER_RE.match(row.segs[0][2]):
        (a0, _, at), (_, b1, bt) = row.segs[0], row.segs[1]
        row.segs[:2] = [(a0, b1, f"{at} {bt}")]


def _column(x: float, cols: list[float]) -> int | None:
    return next((i for i, c in enumerate(cols) if abs(c - x) <= _ALIGN), None)


def _aligned(row: Row, cols: list[float]) -> bool:
    hits = sum(_column(x0, cols) is not None for x0, _, _ in row.segs)
    return hits >= min(2, len(row.segs))


def find_grid(rows: list[Row], start: int) -> tuple[int, list[float]]:
    """End (exclusive) and column starts of the run of column-aligned rows from ``start``, or
    (start, []) when fewer than two rows there have two or more aligned segments."""
    if len(rows[start].segs) < 2 or rows[start].owner:
        return start, []
    cols = sorted(x0 for x0, _, _ in rows[start].segs)
    lists = all(_LABEL_RE.match(text) for _, _, text in rows[start].segs)
    multi, end = 1, start + 1
    while end < len(rows):
        row, prev = rows[end], rows[end - 1]
        height = max(prev.bottom - prev.top, 1.0)
        if row.top - prev.bottom > 1.6 * height or row.owner:
            break
        if len(row.segs) >= 2 and _aligned(row, cols):
            cols = sorted(set(cols) | {x0 for x0, _, _ in row.segs if _column(x0, cols) is None})
            multi += 1
        elif len(row.segs) == 1 and _column(row.x0, cols) not in (None, 0):
            pass  # a wrapped cell of a later column
        elif len(row.segs) == 1 and lists and _column(row.x0, cols) == 0:
            pass  # side-by-side lists: the first list runs on below the second
        else:
            break
        end += 1
    return (end, cols) if multi >= 2 else (start, [])


def _cells(rows: list[Row], cols: list[float]) -> list[list[str]]:
    """Table rows: a row starts where the first column has text; other lines add to its cells
    (as new lines of the cell)."""
    out: list[list[str]] = []
    for row in rows:
        cells = [""] * len(cols)
        for x0, _, text in row.segs:
            i = _column(x0, cols)
            i = i if i is not None else max(j for j, c in enumerate(cols) if c <= x0 + _ALIGN)
            cells[i] = f"{cells[i]} {text}".strip()
        if cells[0] or not out:
            out.append(cells)
        else:
            out[-1] = ["\n".join(x for x in (a, b) if x) for a, b in zip(out[-1], cells)]
    return out


def grid_lines(rows: list[Row], cols: list[float]) -> list[str]:
    """A run of column-aligned rows as text (see :func:`layout_table`)."""
    return layout_table(_cells(rows, cols))


def layout_table(table: list[list[str]]) -> list[str]:
    """A table's cells (a cell's lines split by newlines) as text. Three layouts: side-by-side
    lists, each headed by a label ('Present:' | 'Apologies:'), are read column by column; 'Label:
    value' rows are read as lines; anything else is a table of ``cell | cell |`` rows."""
    if not table:
        return []
    width = max(len(r) for r in table)
    table = [r + [""] * (width - len(r)) for r in table]
    head = [c.strip() for c in table[0] if c.strip()]
    if len(head) >= 2 and all(_LABEL_RE.match(c) for c in head):
        return [ln.strip() for i in range(width) for r in table for ln in r[i].split("\n") if ln.strip()]
    if width == 2 and all(_LABEL_RE.match(r[0].strip()) for r in table if r[0].strip()) \
            and not any(_LABEL_RE.match(r[1].strip()) for r in table):
        return [clean_cell(" ".join(c for c in r if c)) for r in table]
    return table_lines([clean_cell(c) for c in r] for r in table)
