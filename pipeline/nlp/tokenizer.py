"""The tokenizer: spaCy's English rules plus the rank forms that must stay one token.

Registered so that ``config.cfg`` names it and the trained model records it; the special cases
themselves are saved with the model, so a loaded pipeline tokenizes exactly as it trained.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.lang.en import English
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from pipeline.ranks import NON_FINAL_ABBREVIATIONS, SLASH_RANKS


# 'T/Superintendent', 'A/DCC', 'Det/Supt.': an acting/temporary/grade prefix and a rank are one token.
SLASH_RANK_TOKEN = re.compile(r"^(?:A|T|Ch|C|D|Det|Act|Temp)/(?:[A-Z][A-Za-z]*|Supt\.|Insp\.)$")


def add_rank_special_cases(tokenizer: Tokenizer) -> None:
    """Keep 'T/CS', 'A/DCC', 'Ch/Supt', 'C/Supt.' and titles such as 'Insp.' whole."""
    forms = set(SLASH_RANKS) | {f + "." for f in SLASH_RANKS if "Supt" in f or "Insp" in f}
    forms |= {a for a in NON_FINAL_ABBREVIATIONS if a.endswith(".")}
    for form in sorted(forms):
        tokenizer.add_special_case(form, [{ORTH: form}])
    tokenizer.token_match = SLASH_RANK_TOKEN.match


@registry.tokenizers("minutes.tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        add_rank_special_cases(tokenizer)
        return tokenizer

    return make


def blank_nlp() -> Language:
    """A blank English pipeline with our tokenizer: for building training Docs and for tests."""
    nlp = English()
    nlp.tokenizer = create_tokenizer()(nlp)
    return nlp
