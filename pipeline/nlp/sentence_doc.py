"""Builds the ``Doc`` for one body sentence: context line, newline, sentence.

Training (``pipeline.training.convert``) and extraction both build their Docs here, from the
layout stage's ``Sentence``, so the model sees the same shape of input in both.

The context line is the heading the sentence sits directly under ('Decisions:', 'RESOLVED:',
'New action:'). Paragraphs further down keep no context: real pages rarely close a
'Decision:' block, so a heading that still 'applies' three paragraphs later is mostly noise, and
the words of the sentence must carry the label (meaning wins over layout).
"""
from __future__ import annotations

import re
from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.layout.model import Minutes, Sentence
from pipeline.nlp.extensions import iso_or_none, register_extensions

register_extensions()

_NUMBERS = re.compile(r"\s*\b(?:no\.?\s*)?\d+[\w/.-]*", re.I)
_LEADING_MARKS = re.compile(r"^[\s.:)\-–—]+")  # what a dropped number left: '7. RESOLVED that' -> '. RESOLVED that'
_CONTEXT_WORDS = 20


def context_line(sentence: Sentence) -> str:
    """The heading as the classifier sees it, numbers dropped ('New action: 9/24' -> 'New action:'):
    the words carry the signal and the numbers are noise."""
    if sentence.heading_gap > 0:
        return ""
    text = _NUMBERS.sub("", sentence.heading or "")
    words = _LEADING_MARKS.sub("", text).split()
    if len(words) > _CONTEXT_WORDS:  # a long list intro: its opening (who) and its close ('the following:')
        words = words[:_CONTEXT_WORDS - 7] + ["…"] + words[-6:]
    return " ".join(words)


def attendee_rows(minutes: Minutes) -> list[dict]:
    """The page's attendance as the plain dicts ``doc._.attendees`` holds: build once per page and
    pass to every sentence's Doc (one shared list; the linkers only read it)."""
    return [asdict(a) for a in minutes.attendees]


def make_sentence_doc(nlp: Language, sentence: Sentence, minutes: Minutes | None = None,
                      attendees: list[dict] | None = None) -> Doc:
    context = context_line(sentence)
    prefix = f"{context}\n" if context else ""
    doc = nlp.make_doc(prefix + sentence.text)
    doc._.context_chars = len(prefix)
    doc._.sentence_index = sentence.index
    doc._.item = sentence.item
    if minutes is not None:
        doc._.source = minutes.source
        doc._.attendees = attendee_rows(minutes) if attendees is None else attendees
        doc._.meeting_date = iso_or_none(minutes.meeting_date)
        doc._.meeting_body = minutes.body
        doc._.next_meeting_date = iso_or_none(minutes.next_meeting_date)
    return doc
