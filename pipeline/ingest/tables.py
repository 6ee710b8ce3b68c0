"""How every reader renders a table: 'cell | cell |' lines with a '---|' separator after the
first row, so the layout stage reads an HTML, PDF or Word table exactly as a Kent text table."""
from __future__ import annotations

import re
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
