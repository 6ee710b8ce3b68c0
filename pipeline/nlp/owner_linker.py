"""``minutes_owner_linker``: who is responsible for a decision or action, as a row of the
meeting's attendance table (or a collective kept as written)."""
from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.linking.owners import OwnerMention, find_owners, owners_from_lead_in
from pipeline.nlp.extensions import (attendees_of, context_text, register_extensions, sentence_entities,
                                     sentence_label, sentence_text)

register_extensions()

OWNER_LABELS = frozenset({"RANK", "PERSON", "ROLE", "ORG"})


class OwnerLinker:
    """Reads the sentence label, the entities and ``doc._.attendees``; writes ``doc._.owners``.

    Notes get owners too (an analyst reviewing a note that should have been an action sees who it
    names); the exports only read them for decisions and actions.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        label, _ = sentence_label(doc)
        text, attendees = sentence_text(doc), attendees_of(doc)
        owners = find_owners(text, label, attendees, sentence_entities(doc, OWNER_LABELS))
        if not owners and label in ("decision", "action"):  # '(a) Agree to …' under 'RESOLVED that Cabinet:'
            owners = owners_from_lead_in(text, [context_text(doc), doc._.item or ""], attendees)
        if not owners and label == "decision" and doc._.meeting_body:  # 'The report was noted.': the meeting decided
            owners = [OwnerMention(doc._.meeting_body, 0, 0, None, True, "meeting body")]
        doc._.owners = [asdict(m) for m in owners]
        return doc


@Language.factory("minutes_owner_linker", default_config={})
def make_owner_linker(nlp: Language, name: str) -> OwnerLinker:
    return OwnerLinker(nlp, name)
