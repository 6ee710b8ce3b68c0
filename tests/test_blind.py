"""The shipped model end to end on the blind test set (training_data/blind_test: twelve pages
written apart from the training data, never trained on), through the shared scorer. The floors sit
a little under the figures the README reports, so a regression in any stage shows here."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.scoring import read_gold, score

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "training_data" / "blind_test"


@pytest.fixture(scope="module")
def blind(tmp_path_factory, nlp) -> dict:
    out = tmp_path_factory.mktemp("blind") / "out"
    extract([BLIND / "pages"], out, nlp, warn=lambda m: None)
    return score(read_gold([BLIND / "gold.jsonl"]), out)


def test_blind_set_is_not_training_data():
    from pipeline.training.data import data_files
    assert all(BLIND not in f.parents for f in data_files(ROOT / "training_data"))


def test_blind_items(blind):
    assert blind["items"]["micro"]["f1"] >= 0.95
    assert blind["items"]["decision"]["f1"] >= 0.93 and blind["items"]["action"]["f1"] >= 0.95


def test_blind_owners_and_due_dates(blind):
    assert blind["owner_accuracy"] >= 0.96
    assert blind["due_accuracy"] >= 0.97


def test_blind_layout(blind):
    assert blind["action_updates"]["f1"] == 1.0
    assert blind["meeting_fields_accuracy"] == 1.0
    assert blind["attendees"]["f1"] == 1.0 and blind["attendees"]["rank_accuracy"] == 1.0
