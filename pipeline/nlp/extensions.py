"""The ``Doc`` extensions the pipeline reads and writes.

A body sentence travels as its own ``Doc``: its text is the sentence's context line (the heading
it sits under) followed by the sentence, so the classifier sees 'Decisions:' without depending on
it. The meeting facts the linkers need ride along as extensions, set before ``nlp.pipe``, so the
components take everything through the Doc and nothing through globals.

Extension values are plain data (dicts, lists, ISO date strings): ``nlp.pipe(n_process=N)`` sends
Docs between processes with msgpack, which knows no dataclasses or dates.
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from pipeline.layout.model import Attendee

_DOC_EXTENSIONS = {
    "source": "",  # the input the sentence came from
    "sentence_index": -1,  # its position among the page's body sentences
    "context_chars": 0,  # length of the context prefix: the sentence starts at this char offset
    "attendees": None,  # the meeting's attendance rows, as dicts of Attendee fields
    "meeting_date": None,  # ISO date string | None
    "next_meeting_date": None,  # ISO date string | None
    "owners": None,  # list of OwnerMention dicts, set by minutes_owner_linker
    "due": None,  # Due dict | None, set by minutes_due_dates
    "meeting_body": "",  # the body meeting ('Cabinet'), from the top of the page: decisions naming nobody are its
    "item": "",  # the agenda item heading the sentence sits under ('7. RESOLVED that Cabinet:'), when given
}


def register_extensions() -> None:
    """Idempotent: every module that touches the extensions calls it on import."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def sentence_label(doc: Doc) -> tuple[str, float]:
    """The classifier's label for the sentence and its probability ('note', 0.0 without cats)."""
    if not doc.cats:
        return "note", 0.0
    label = max(doc.cats, key=doc.cats.__getitem__)
    return label, float(doc.cats[label])


def sentence_text(doc: Doc) -> str:
    """The sentence without its context line. ``Doc.text`` joins every token on each call, and
    both linkers ask, so the result is kept in ``user_data`` (which travels with the Doc)."""
    text = doc.user_data.get("minutes_sentence_text")
    if text is None:
        text = doc.user_data["minutes_sentence_text"] = doc.text[doc._.context_chars:]
    return text


def sentence_entities(doc: Doc, labels: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """Entities of the sentence part, as char offsets into the sentence itself."""
    offset = doc._.context_chars
    return [(e.start_char - offset, e.end_char - offset, e.label_) for e in doc.ents
            if e.start_char >= offset and (labels is None or e.label_ in labels)]


def attendees_of(doc: Doc) -> list[Attendee]:
    return [Attendee(**a) for a in doc._.attendees or []]


def context_text(doc: Doc) -> str:
    """The context line in front of the sentence (its heading), '' when none."""
    return doc.text[:doc._.context_chars].strip()


def date_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value else None


register_extensions()
