"""``minutes_due_dates``: the deadline a sentence sets, normalised to an ISO date against the
meeting's date and the next meeting's date (or a recurrence such as 'quarterly')."""
from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.linking.due_dates import find_due
from pipeline.nlp.extensions import date_of, iso_or_none, register_extensions, sentence_entities, sentence_text

register_extensions()


class DueDates:
    """Reads DATE entities and the meeting dates on the Doc; writes ``doc._.due``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = sentence_text(doc)
        spans = [_trimmed(text, s, e) for s, e, _ in sentence_entities(doc, frozenset({"DATE"}))]
        due = find_due(text, date_of(doc._.meeting_date), date_of(doc._.next_meeting_date), spans)
        doc._.due = None if due is None else {**asdict(due), "date": iso_or_none(due.date)}
        return doc


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A model DATE span without the punctuation it sometimes takes in (': March 2011' after 'Due')."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@Language.factory("minutes_due_dates", default_config={})
def make_due_dates(nlp: Language, name: str) -> DueDates:
    return DueDates(nlp, name)
