"""Shared fixtures: the shared folder beside the repo (seeds, gold, scorer) and the shipped model."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MODEL = REPO / "models" / "minutes-default"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"no shared folder with seeds at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from pipeline.models import load_model

    if not (MODEL / "meta.json").exists():
        pytest.skip(f"no trained model at {MODEL}: run `make train`")
    return load_model(MODEL)
