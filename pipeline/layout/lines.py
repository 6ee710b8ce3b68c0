"""Lines of a page with their offsets: every later stage slices ``Minutes.text`` through these,
so nothing it reports can drift from the input."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A non-blank line, whitespace trimmed by moving offsets: ``page[start:end] == text``."""

    index: int  # position among the page's content lines
    start: int
    end: int
    text: str

    def trimmed(self, start: int, end: int, page: str) -> "Line":
        """The same line narrowed to ``page[start:end]`` with whitespace trimmed off both ends."""
        start, end = trim(page, start, end)
        return Line(self.index, start, end, page[start:end])


def trim(page: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start``/``end`` inward past whitespace (str.isspace, the same test as str.strip)."""
    while start < end and page[start].isspace():
        start += 1
    while end > start and page[end - 1].isspace():
        end -= 1
    return start, end


def split_lines(page: str) -> list[Line]:
    """The page's non-blank lines (split on LF only: the readers normalise newlines)."""
    lines: list[Line] = []
    pos = 0
    while pos <= len(page):
        nl = page.find("\n", pos)
        stop = len(page) if nl < 0 else nl
        s, e = trim(page, pos, stop)
        if s < e:
            lines.append(Line(len(lines), s, e, page[s:e]))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def reindex(lines: list[Line]) -> list[Line]:
    """Number lines again after some were dropped, so ``index`` is a position in the list."""
    return [Line(i, ln.start, ln.end, ln.text) for i, ln in enumerate(lines)]
