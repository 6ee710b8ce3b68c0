"""Sentence boundaries for minutes: full stops after ranks and titles ('Insp.', 'C/Supt.', 'Mr.')
do not end a sentence, so a rank is never split from the name it precedes."""
from __future__ import annotations

import re

from ..ranks import NON_FINAL_ABBREVIATIONS
from .lines import trim

# Dotted words that are not rank vocabulary but never end a sentence either.
_GENERAL = {"e.g.", "i.e.", "etc.", "No.", "no.", "approx.", "vs.", "cf.", "Ref.", "ref.", "Vol.", "para.", "Para.",
            "Fig.", "Co.", "Ltd.", "Dept.", "Gov.", "Govt.", "Rev.", "Hon.", "Jr.", "Sr.", "Nos."}
_NON_FINAL = frozenset(NON_FINAL_ABBREVIATIONS) | _GENERAL
# . ! ? (with closing quotes/brackets) followed by space and something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9£•])")
# '2024.Quickly': a full stop glued to a capitalised word (only trusted on the page's last line).
_GLUED = re.compile(r"(?<=[a-z0-9)])\.(?=[A-Z][a-z])")
# A list number opening the line ('1.', '2.3.', 'iv.', '(b)') is not a sentence of its own.
_LIST_MARKER = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?(?:[ivxlc]{1,6}|[a-z])[.)])$", re.I)
_INITIAL = re.compile(r"^(?:[A-Za-z]\.)+$")  # 'J.', 'U.K.'


def _word_before(text: str, end: int) -> str:
    """The whitespace-delimited word ending at ``end`` (inclusive of its dot), opening brackets removed."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("(\"'“‘[")


def _ends_sentence(text: str, dot_end: int) -> bool:
    word = _word_before(text, dot_end)
    if word.endswith("."):
        if word in _NON_FINAL or _INITIAL.match(word):
            return False
    return True


def _split_line(text: str, start: int, end: int, glued: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line = text[start:end]
    cuts = [m.end() for m in _BOUNDARY.finditer(line)
            if (line[m.start()] != "." or _ends_sentence(line, m.start() + 1))
            and not _LIST_MARKER.match(line[:m.end()].strip())]
    if glued:
        cuts += [m.end() for m in _GLUED.finditer(line) if _ends_sentence(line, m.end())]
    prev = 0
    for cut in sorted(set(cuts)) + [len(line)]:
        s, e = trim(text, start + prev, start + cut)
        if s < e:
            spans.append((s, e))
        prev = cut
    return spans


def split_sentences(text: str, glued_tail: bool | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, whitespace trimmed.

    Splits on . ! ? followed by whitespace and a capital, digit or quote, and on line breaks.
    A missing space after a full stop ('2024.Quickly') is split only on the last line of ``text``
    (``glued_tail`` None) or when ``glued_tail`` is True; the body passes True only for the page's
    last line, where saved pages glue site furniture on.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        last = nl < 0 or not text[nl:].strip()
        glued = last if glued_tail is None else (glued_tail and last)
        spans += _split_line(text, pos, stop, glued)
        if nl < 0:
            break
        pos = nl + 1
    return spans
