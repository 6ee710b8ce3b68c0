"""The average of two classifiers (pipeline/nlp/second_opinion.py) that a joined pipeline reads."""
from __future__ import annotations

import spacy

from pipeline.nlp.extensions import sentence_label
from pipeline.nlp.second_opinion import CatsAverage, CatsStash


def test_the_label_is_the_mean_of_both_classifiers_scores() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Clerk to write to the landowner.")
    doc.cats = {"decision": 0.6, "action": 0.3, "note": 0.1}
    CatsStash("stash")(doc)
    doc.cats = {"decision": 0.1, "action": 0.8, "note": 0.1}  # what the second classifier writes
    CatsAverage("average")(doc)
    assert doc.cats == {"decision": 0.35, "action": 0.55, "note": 0.1}
    assert sentence_label(doc) == ("action", 0.55)
    assert doc._.cats_first is None


def test_without_a_stash_the_second_classifier_stands_alone() -> None:
    doc = spacy.blank("en")("Noted.")
    doc.cats = {"decision": 0.2, "action": 0.1, "note": 0.7}
    CatsAverage("average")(doc)
    assert doc.cats == {"decision": 0.2, "action": 0.1, "note": 0.7}
