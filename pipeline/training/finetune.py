"""Fine-tuning: start every component from a trained pipeline's weights instead of from scratch.

spaCy's own mechanism does it: a component section that names ``source = BASE`` is copied from
the base pipeline (weights, labels, entity-ruler patterns) and resumed, not re-initialised. The
rest of the config (training loop, optimizer, corpora) comes from our ``config.cfg``, with fewer
steps and a lower learn rate so the base is nudged, not overwritten.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from spacy.language import Language
from spacy.tokens import DocBin
from thinc.api import Config

from pipeline.training.convert import record_docs, teaches
from pipeline.training.data import read_records

FINETUNE_MAX_STEPS = 600
FINETUNE_LEARN_RATE = 0.0003
FINETUNE_IMPORTED_SHARE = 0.3
IMPORTED_LAYOUT = "imported"  # what `minutes import-annotations` writes in each record's 'layout'
WRITTEN_LAYOUT = "written"  # hand-written pages (training_data/written/, scripts/written_pages.py)
# Hand-written pages (some 14,000 labelled sentences) sit beside ~24,000 generated ones; repeated to this
# share of the train corpus they teach real minutes' registers. Chosen on the hand-written dev pages
# (items F1 0.915 at 0.35, 0.931 at 0.5, same data and vectors), never on ../shared/real.
WRITTEN_SHARE = 0.5


def finetune_config(config: Path, base: Path) -> Config:
    """``config`` with each of the base pipeline's components sourced from ``base``."""
    from spacy.util import load_config

    cfg = load_config(config)
    pipe_names = load_config(Path(base) / "config.cfg")["nlp"]["pipeline"]
    cfg["nlp"]["pipeline"] = list(pipe_names)
    cfg["components"] = {name: {"source": str(Path(base).resolve())} for name in pipe_names}
    cfg["initialize"]["components"] = {}  # sourced components keep what they were initialised with
    cfg["initialize"]["vectors"] = str(Path(base).resolve())  # the base's static vectors, which tok2vec was trained on
    return cfg


def base_info(base: Path) -> dict:
    """What the new model's meta says about where it started."""
    meta = json.loads((Path(base) / "meta.json").read_text())
    mm = meta.get("minutes_miner", {})
    return {"path": str(base), "name": meta.get("name"), "version": meta.get("version"),
            "data_hash": mm.get("data_hash"), "data_files": mm.get("data_files")}


def upsample(nlp: Language, data_dir: Path, train_spacy: Path, share: float, layout: str = IMPORTED_LAYOUT) -> int:
    """Repeats every train sentence of ``layout`` (analyst-corrected, or hand-written) in the train
    DocBin until they make up about ``share`` of it, so that training sees each of them several
    times among thousands of generated sentences (which stay, so the model does not forget them).
    Returns how many Docs were added."""
    imported = [doc for rec in read_records(data_dir, "train") if rec.get("layout") == layout
                for gold, doc in record_docs(nlp, rec) if teaches(gold)]
    if share <= 0 or not imported:
        return 0
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False).from_disk(train_spacy)
    old = len(db) - len(imported)
    extra = math.ceil(share * old / (1 - share) / len(imported)) - 1
    for _ in range(extra):
        for doc in imported:
            db.add(doc)
    db.to_disk(train_spacy)
    return extra * len(imported)
