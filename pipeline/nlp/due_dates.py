"""``minutes_due_dates``: the deadline a sentence sets, normalised to an ISO date against the
meeting's date and the next meeting's date (or a recurrence such as 'quarterly')."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.linking.due_dates import find_due
from pipeline.nlp.extensions import register_extensions, sentence_entities, sentence_text

register_extensions()


class DueDates:
    """Reads DATE entities and the meeting dates on the Doc; writes ``doc._.due``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = [(s, e) for s, e, _ in sentence_entities(doc, frozenset({"DATE"}))]
        doc._.due = find_due(sentence_text(doc), doc._.meeting_date, doc._.next_meeting_date, spans)
        return doc


@Language.factory("minutes_due_dates", default_config={})
def make_due_dates(nlp: Language, name: str) -> DueDates:
    return DueDates(nlp, name)
