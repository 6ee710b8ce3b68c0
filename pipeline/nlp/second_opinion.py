"""A second classifier's opinion: the average of two text classifiers trained from different seeds.

Two runs of the one config (``config.cfg``, seeds 0 and 1) differ by several points of items F1 on
real minutes, each erring on different sentences; their average is steadier than either. The
shipped pipeline carries both: ``textcat`` (sharing ``tok2vec`` with the NER) and ``textcat_b``
(the other run's classifier with its own copy of its tok2vec, so nothing listens across runs).
``minutes_cats_stash`` keeps the first classifier's scores on the Doc before the second overwrites
``doc.cats``, and ``minutes_cats_average`` writes the mean back, before the linkers read the label.
``scripts/join_models.py`` builds such a pipeline from two trained ones.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("cats_first"):
    Doc.set_extension("cats_first", default=None)


class CatsStash:
    """Copies ``doc.cats`` to ``doc._.cats_first``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.cats_first = dict(doc.cats)
        return doc


class CatsAverage:
    """``doc.cats`` becomes the mean of the stashed scores and the second classifier's."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        first = doc._.cats_first
        if first:
            doc.cats = {label: (score + doc.cats.get(label, score)) / 2 for label, score in first.items()}
        doc._.cats_first = None
        return doc


@Language.factory("minutes_cats_stash", default_config={})
def make_cats_stash(nlp: Language, name: str) -> CatsStash:
    return CatsStash(name)


@Language.factory("minutes_cats_average", default_config={})
def make_cats_average(nlp: Language, name: str) -> CatsAverage:
    return CatsAverage(name)
