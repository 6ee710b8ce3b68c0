"""The shipped model on sentences written for this test alone (not in training_data/), one or more
for each hard case the labelling guide names."""
from __future__ import annotations

import pytest

from pipeline.layout.model import Sentence
from pipeline.nlp.extensions import sentence_label
from pipeline.nlp.sentence_doc import make_sentence_doc

CASES = [
    # plain decisions, different verbs
    ("", "The Deputy Chief Constable approved the revised firearms licensing fees.", "decision"),
    ("", "Chief officers endorsed the proposal to merge the two control rooms from next spring.", "decision"),
    ("Decision:", "The board rejected the request for additional overtime funding for the summer events.", "decision"),
    ("RESOLVED:", "That the draft collaboration agreement with the neighbouring force be approved.", "decision"),
    # decisions in the middle of a paragraph, no heading
    ("", "After a short discussion, the Chief Constable agreed that the pilot would be extended to all districts.",
     "decision"),
    ("", "It was agreed that the force would adopt the national vetting standard.", "decision"),
    # actions, many shapes
    ("", "DCI Nakamura to brief the staff associations on the new shift pattern.", "action"),
    ("", "Supt. Okafor will circulate the revised rota to district commanders by Friday.", "action"),
    ("", "The Chair asked ACO Brennan to prepare an options paper on the fleet contract.", "action"),
    ("", "Ms. Lindgren undertook to confirm the licence costs with the supplier.", "action"),
    ("Action:", "T/Supt Abara to arrange a meeting with the local authority housing team.", "action"),
    # an action under a 'Decisions:' heading
    ("Decisions:", "The Chief Constable asked A/ACC Pembury to review the custody staffing model.", "action"),
    # notes, including the ones that look like something else
    ("", "ACO Brennan presented the quarterly finance report.", "note"),
    ("", "The Chair thanked Supt. Okafor for the comprehensive update.", "note"),
    ("", "A decision on the estates strategy is expected later in the year.", "note"),
    ("", "No decision will be taken until the public consultation has closed.", "note"),
    # approving the previous minutes: a note the annotation also accepts as a decision (never an action)
    ("", "The minutes of the previous meeting were agreed as an accurate record.", "note|decision"),
    ("", "Demand on the control room rose by 12% over the summer compared with last year.", "note"),
    ("", "The report, published on 4 June, sets out the inspectorate's findings.", "note"),
]


@pytest.mark.parametrize("heading,text,label", CASES, ids=[c[1][:40] for c in CASES])
def test_unseen_sentence_gets_its_label(nlp, heading, text, label):
    doc = nlp(make_sentence_doc(nlp, Sentence(0, text, 0, len(text), heading=heading)))
    got, confidence = sentence_label(doc)
    assert got in label.split("|"), f"{text!r}: {got} ({confidence:.2f}), expected {label}"
    assert 0.0 < confidence <= 1.0


def test_ranks_are_entities_and_slash_ranks_one_token(nlp):
    text = "T/CS Alland and A/DCC Harman met Ch/Supt Lowe and the Home Office on 3 May 2024."
    doc = nlp(make_sentence_doc(nlp, Sentence(0, text, 0, len(text))))
    assert [t.text for t in doc][:4] == ["T/CS", "Alland", "and", "A/DCC"]
    ranks = {e.text for e in doc.ents if e.label_ == "RANK"}
    assert {"T/CS", "A/DCC", "Ch/Supt"} <= ranks
    assert any(e.label_ == "DATE" and "3 May 2024" in e.text for e in doc.ents)


def test_model_meta_records_its_training_data(nlp):
    info = nlp.meta.get("minutes_miner", {})
    assert len(info.get("data_hash", "")) == 64
    assert info["docs"]["train"] > 1500
    assert info["dev_sentences"]["items"]["f"] > 0.8
