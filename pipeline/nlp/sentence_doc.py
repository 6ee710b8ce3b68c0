"""Builds the ``Doc`` for one body sentence: context line, newline, sentence.

Training (``pipeline.training.convert``) and extraction both build their Docs here, so the model
sees the same shape of input in both.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.extensions import register_extensions

register_extensions()

_NUMBERS = re.compile(r"\s*\b(?:no\.?\s*)?\d+[\w/.-]*", re.I)


def context_line(heading: str) -> str:
    """The heading as the classifier sees it: numbers dropped ('New action: 9/24' -> 'New action:'),
    since the words carry the signal and the numbers are noise."""
    text = _NUMBERS.sub("", heading or "").strip()
    return re.sub(r"\s+", " ", text)


def make_sentence_doc(
    nlp: Language,
    sentence: str,
    heading: str = "",
    *,
    source: str = "",
    sentence_index: int = -1,
    attendees: Sequence[Any] | None = None,
    meeting_date: date | None = None,
    next_meeting_date: date | None = None,
) -> Doc:
    context = context_line(heading)
    prefix = f"{context}\n" if context else ""
    doc = nlp.make_doc(prefix + sentence)
    doc._.context_chars = len(prefix)
    doc._.source = source
    doc._.sentence_index = sentence_index
    doc._.attendees = list(attendees or [])
    doc._.meeting_date = meeting_date
    doc._.next_meeting_date = next_meeting_date
    return doc
