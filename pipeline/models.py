"""Finding and loading a trained pipeline: the shipped default unless the user names another."""
from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language

DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / "minutes-default"


class ModelNotFound(Exception):
    pass


def default_model_path() -> Path:
    return Path(os.environ.get("MINUTES_MODEL", DEFAULT_MODEL))


def load_model(path: Path | None = None) -> Language:
    """Load a pipeline folder; our components register themselves on import, so a saved model
    loads whether or not the package's entry points are installed."""
    import spacy

    import pipeline.nlp.due_dates  # noqa: F401  (registers minutes_due_dates)
    import pipeline.nlp.owner_linker  # noqa: F401  (registers minutes_owner_linker)
    import pipeline.nlp.tokenizer  # noqa: F401  (registers minutes.tokenizer.v1)

    path = Path(path) if path else default_model_path()
    if not (path / "meta.json").exists() and not (path / "config.cfg").exists():
        raise ModelNotFound(f"no trained pipeline at {path} (train one with `minutes train`, or pass --model)")
    return spacy.load(path)
