"""Turns one parsed page and its analysed sentence Docs into the page's table rows."""
from __future__ import annotations

import re
from datetime import date
from typing import Sequence

from spacy.tokens import Doc

from pipeline.layout.body import LIST_ITEM_RE
from pipeline.layout.model import Attendee, Minutes
from pipeline.linking.due_dates import normalise_due
from pipeline.nlp.extensions import iso_or_none, sentence_label
from pipeline.records import (ActionRow, ActionUpdateRow, AttendeeRow, DecisionRow, MeetingRow, PageRecords,
                              SentenceRow, SetAsideRow)

ITEM_LABELS = ("decision", "action")
_REPEAT_MIN_WORDS = 8  # 'Agreed.' under two items is two decisions; a long sentence written twice is one


def _repeat_key(text: str) -> str:
    """The words of an item, without its list marker, case or punctuation."""
    return " ".join(re.findall(r"\w+", LIST_ITEM_RE.sub("", text.strip()).lower()))


def later_repeats(minutes: Minutes, labels: Sequence[str]) -> dict[int, int]:
    """{sentence index: index of the last copy} for items written again further down the page:
    council minutes restate a recommendation in the report, the motion and the resolution, and the
    table should hold the one the meeting ended with (the last), not three rows of one decision."""
    keys = [_repeat_key(sent.text) if label in ITEM_LABELS else "" for sent, label in zip(minutes.sentences, labels)]
    last = {key: sent.index for sent, key in zip(minutes.sentences, keys) if len(key.split()) >= _REPEAT_MIN_WORDS}
    return {sent.index: last[key] for sent, key in zip(minutes.sentences, keys)
            if key in last and last[key] != sent.index}


def iso(d: date | None) -> str:
    """A table cell: the ISO date, or empty."""
    return iso_or_none(d) or ""


def _owner_columns(doc: Doc) -> dict[str, str]:
    """'owner' is the display form ('ACC Tracey Harman'); several owners are joined by '; '.
    A mention that resolves to nobody keeps its words in 'owner' and leaves 'owner_name' empty."""
    owners = doc._.owners or []
    shown, ranks, names, roles = [], [], [], []
    for m in owners:
        a = Attendee(**m["attendee"]) if m.get("attendee") else None
        shown.append(a.display if a else m["text"])
        ranks.append(a.rank if a else "")
        names.append(a.name if a else "")
        roles.append(a.role if a else "")

    def join(parts: list[str]) -> str:
        return "; ".join(parts) if any(parts) else ""

    return {"owner": join(shown), "owner_rank": join(ranks), "owner_name": join(names), "owner_role": join(roles),
            "owner_basis": owners[0].get("basis", "named") if owners else ""}


def _due_columns(doc: Doc) -> dict[str, str]:
    due = doc._.due
    if due is None:
        return {"due_date": "", "due_text": "", "recurrence": ""}
    return {"due_date": due["date"] or "", "due_text": due["text"] or "", "recurrence": due["recurrence"] or ""}


def page_records(minutes: Minutes, docs: Sequence[Doc]) -> PageRecords:
    """``docs`` are the analysed Docs of ``minutes.sentences``, in the same order."""
    src, mdate = minutes.source, iso(minutes.meeting_date)
    decisions: list[DecisionRow] = []
    actions: list[ActionRow] = []
    sentences: list[SentenceRow] = []
    set_aside = [SetAsideRow(src, r.start, r.end, r.role, r.detail, r.text) for r in minutes.lines if r.set_aside]
    labelled = [sentence_label(doc) for doc in docs]
    repeats = later_repeats(minutes, [label for label, _ in labelled])
    for sent, doc, (label, conf) in zip(minutes.sentences, docs, labelled):
        sentences.append(SentenceRow(src, sent.index, sent.char_start, sent.char_end, sent.item, label,
                                     round(conf, 4), sent.text))
        if sent.index in repeats:
            kept = minutes.sentences[repeats[sent.index]]
            set_aside.append(SetAsideRow(src, sent.char_start, sent.char_end, "repeated_item",
                                         f"{label} written again at character {kept.char_start}; the later one is kept",
                                         sent.text))
            continue
        if label not in ITEM_LABELS:
            continue
        common = dict(source=src, meeting_date=mdate, item=sent.item, sentence_index=sent.index,
                      char_start=sent.char_start, char_end=sent.char_end, text=sent.text,
                      **_owner_columns(doc), **_due_columns(doc), confidence=round(conf, 4))
        if label == "decision":
            decisions.append(DecisionRow(**common))
        else:
            actions.append(ActionRow(**common, action_id=sent.action_id))

    updates = [
        ActionUpdateRow(src, mdate, u.action_id, u.status,
                        iso(normalise_due(u.due_text, minutes.meeting_date, minutes.next_meeting_date))
                        if u.due_text else "", u.text, u.owner)
        for u in minutes.updates
    ]
    attendees = [AttendeeRow(src, mdate, a.rank, a.name, a.role, "; ".join(a.notes), a.is_chair,
                             "; ".join(a.aliases))
                 for a in minutes.attendees]
    meeting = MeetingRow(src, minutes.title, mdate, minutes.venue, iso(minutes.next_meeting_date),
                         len(minutes.attendees), len(decisions), len(actions), minutes.body)
    set_aside.sort(key=lambda r: (r.char_start, r.char_end))
    return PageRecords([meeting], attendees, decisions, actions, updates, sentences, set_aside)


def sentence_docs(nlp, minutes: Minutes) -> list[Doc]:
    """The unanalysed Doc of each body sentence, carrying what the linkers need."""
    from pipeline.nlp.sentence_doc import attendee_rows, make_sentence_doc

    rows = attendee_rows(minutes)
    return [make_sentence_doc(nlp, s, minutes, rows) for s in minutes.sentences]


__all__ = ["page_records", "sentence_docs", "iso"]
