"""Joining lines a converter broke mid-sentence ('be\\nnoted.') back into one line.

A line is joined to the next when it does not end in sentence punctuation and the next line
starts with a lowercase letter; table rows, separators, bullets and numbered lines are never
joined. The PDF reader adds its own, geometric test for lines wrapped at the right margin.
"""
from __future__ import annotations

import re

_END_RE = re.compile(r"[.!?:;|]['\"’”)\]]*$")
_BULLET_RE = re.compile(r"^(?:[•\-*–·▪●◦]\s|\d{1,3}[a-z]?[.)]\s)")


def is_structural(line: str) -> bool:
    """Table rows, separators, bullets and numbered lines: never joined to a neighbour."""
    s = line.strip()
    return not s or "|" in s or bool(_BULLET_RE.match(s)) or set(s) <= set("-|: ")


def continues(line: str, following: str) -> bool:
    """``following`` carries on the sentence ``line`` broke off."""
    a, b = line.strip(), following.strip()
    if not a or not b or _END_RE.search(a) or is_structural(b) or "|" in a:
        return False
    return b[0].islower()


def join_broken_lines(text: str) -> str:
    """``text`` with every broken sentence joined back onto one line (see the module docstring)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and continues(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
