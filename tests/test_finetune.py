"""Fine-tuning config and the side-by-side comparison of two models."""
from __future__ import annotations

from pathlib import Path

from conftest import MODEL, REPO
from pipeline.training.compare import compare_lines
from pipeline.training.finetune import finetune_config
from pipeline.training.train import _loop_overrides


def test_finetune_config_sources_every_component_from_the_base(nlp):
    cfg = finetune_config(REPO / "config.cfg", MODEL)
    assert cfg["nlp"]["pipeline"] == nlp.pipe_names
    assert all(cfg["components"][name] == {"source": str(MODEL.resolve())} for name in nlp.pipe_names)
    assert cfg["training"]["optimizer"]["@optimizers"] == "Adam.v1"  # the loop still comes from config.cfg


def test_short_runs_evaluate_at_their_last_step():
    assert _loop_overrides(REPO / "config.cfg", {"training.max_steps": 100})["training.eval_frequency"] == 100
    assert _loop_overrides(REPO / "config.cfg", {})["training.eval_frequency"] == 200


def test_compare_lines_show_both_models_and_the_difference():
    a = {lab: {"p": 0.9, "r": 0.8, "f": 0.85} for lab in ("decision", "action", "note", "items")} | {"n": 10}
    b = {lab: {"p": 0.9, "r": 0.9, "f": 0.9} for lab in ("decision", "action", "note", "items")} | {"n": 10}
    lines = compare_lines(("old", "new"), (a, b), (None, None))
    assert lines[:2] == ["A = old", "B = new"]
    row = next(line for line in lines if line.strip().startswith("items F1"))
    assert row.split()[-3:] == ["0.850", "0.900", "+0.050"]
    assert "score_minutes.py not found" in lines[-1]
