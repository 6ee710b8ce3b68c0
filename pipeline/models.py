"""Finding and loading a trained pipeline: the shipped default unless the user names another."""
from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language

DEFAULT_NAME = "minutes-default"
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "models" / DEFAULT_NAME  # in a checkout
PACKAGE = "minutes_models"  # the same folder as installed from a wheel (pyproject.toml maps it to models/)


class ModelNotFound(Exception):
    pass


def _is_pipeline(folder: Path) -> bool:
    return (folder / "meta.json").exists() or (folder / "config.cfg").exists()


def installed_model_path() -> Path | None:
    """The default pipeline that the wheel installed, wherever site-packages is; None if absent.
    Found through the import system (a data-only namespace package), so no file list is assumed."""
    from importlib.util import find_spec

    try:
        spec = find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / DEFAULT_NAME
        if _is_pipeline(folder):
            return folder
    return None


def default_model_path() -> Path:
    """$MINUTES_MODEL, else the checkout's models/minutes-default (so a retrained model there is used at
    once), else the copy installed with the package. Without any, the checkout path, for the error."""
    if os.environ.get("MINUTES_MODEL"):
        return Path(os.environ["MINUTES_MODEL"])
    if _is_pipeline(DEFAULT_MODEL):
        return DEFAULT_MODEL
    return installed_model_path() or DEFAULT_MODEL


def load_model(path: Path | None = None) -> Language:
    """Load a pipeline folder; our components register themselves on import, so a saved model
    loads whether or not the package's entry points are installed."""
    import spacy

    import pipeline.nlp.due_dates  # noqa: F401  (registers minutes_due_dates)
    import pipeline.nlp.owner_linker  # noqa: F401  (registers minutes_owner_linker)
    import pipeline.nlp.second_opinion  # noqa: F401  (registers minutes_cats_stash, minutes_cats_average)
    import pipeline.nlp.tokenizer  # noqa: F401  (registers minutes.tokenizer.v1)

    path = Path(path) if path else default_model_path()
    if not _is_pipeline(path):
        raise ModelNotFound(f"no trained pipeline at {path} (train one with `minutes train`, or pass --model)")
    return spacy.load(path)
