"""Entity-ruler patterns for ranks, built from the one rank vocabulary in ``pipeline.ranks``.

Used in ``config.cfg`` under ``[initialize.components.entity_ruler.patterns]``; the patterns are
then stored with the trained model, so nothing here runs at extraction time.
"""
from __future__ import annotations

from spacy.util import registry

from pipeline.nlp.tokenizer import blank_nlp
from pipeline.ranks import RANKS, SLASH_RANKS

_CASE_SENSITIVE = {"CC", "DCC", "ACC", "DCO", "ACO", "CS", "DCS", "DCI", "CI", "DI", "DS", "PS", "DC", "PC", "PSE", "DSU"}


def _token_pattern(phrase: str, attr: str) -> list[dict[str, str]]:
    return [{attr: part} for part in phrase.split()]


@registry.misc("minutes.rank_patterns.v1")
def rank_patterns() -> list[dict]:
    """RANK patterns: abbreviations by exact spelling, full words in any case, with A/ and T/
    prefixes and the 'Acting'/'Temporary' words in front."""
    patterns: list[dict] = []
    abbreviations = set(RANKS) | {r.rstrip(".") for r in RANKS} | set(SLASH_RANKS)
    abbreviations |= {f + "." for f in SLASH_RANKS if "Supt" in f or "Insp" in f}
    tokenizer = blank_nlp().tokenizer
    for form in sorted(abbreviations):
        # one token as written: a phrase pattern (the ruler's PhraseMatcher on ORTH, the same match
        # as [{"ORTH": form}], at a fraction of the Matcher's cost per token); else a token pattern
        whole = [t.text for t in tokenizer(form)] == [form]
        patterns.append({"label": "RANK", "pattern": form if whole else [{"ORTH": form}]})
    words = {w for forms in RANKS.values() for w in forms if len(w) > 4 and w not in {"police staff", "mister"}}
    for phrase in sorted(words):
        for prefix in ([], [{"LOWER": {"IN": ["acting", "temporary", "interim"]}}]):
            patterns.append({"label": "RANK", "pattern": prefix + _token_pattern(phrase, "LOWER")})
    for prefix in ("Acting", "Temporary"):
        for form in sorted(r for r in _CASE_SENSITIVE):
            patterns.append({"label": "RANK", "pattern": [{"ORTH": prefix}, {"ORTH": form}]})
    return patterns
