"""The entity ruler's rank patterns: single-token ranks as phrase patterns match exactly what the
token patterns they replace matched (case-sensitive abbreviations, slash ranks kept whole)."""
from __future__ import annotations

import pytest

from pipeline.nlp.rank_patterns import rank_patterns
from pipeline.nlp.tokenizer import blank_nlp


def _ruler(patterns):
    nlp = blank_nlp()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    return nlp


def _as_token_patterns(patterns):
    return [{**p, "pattern": [{"ORTH": p["pattern"]}]} if isinstance(p["pattern"], str) else p for p in patterns]


@pytest.mark.parametrize("text", [
    "T/CS Alland to liaise with the DCC and Ch/Supt Rowe.",
    "ACC Harman and A/DCC Wilson met Insp. Gould and C/Supt. Obi.",
    "Acting DCC Moore thanked the acc for the cc list.",  # lower-case 'acc' and 'cc' are not ranks
    "Temporary Chief Superintendent Ruiz and acting inspector Lowe attended.",
])
def test_phrase_patterns_match_as_the_token_patterns_did(text: str) -> None:
    patterns = rank_patterns()
    assert any(isinstance(p["pattern"], str) for p in patterns)
    new = [(e.text, e.label_) for e in _ruler(patterns)(text).ents]
    old = [(e.text, e.label_) for e in _ruler(_as_token_patterns(patterns))(text).ents]
    assert new == old and new


def test_lower_case_abbreviations_are_not_ranks() -> None:
    ents = [e.text for e in _ruler(rank_patterns())("the acc and the cc list").ents]
    assert ents == []
