"""Plain-text pages (.txt, .text, .md): decoded and newline-normalised, otherwise kept as written."""
from __future__ import annotations

from .decode import decode_bytes, normalise_newlines
from .page import Page


def text_page(data: bytes, source: str) -> Page:
    """A text file's bytes as a Page."""
    return Page(source=source, text=normalise_newlines(decode_bytes(data, source)))
