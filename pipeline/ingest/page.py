"""The one type every reader returns."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    """A page's extracted text. Tables are rendered into ``text`` as ``cell | cell |`` lines,
    so the layout stage reads one format whatever the input was."""

    source: str  # path relative to the folder given, or the file name
    text: str
