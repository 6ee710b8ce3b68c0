"""The CLI as a user runs it: on the real seed pages, scored by the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import MODEL, REPO

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="no trained model: run `make train`")


def minutes(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=REPO, **kw)


@pytest.fixture(scope="module")
def seed_out(shared, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-out")
    res = minutes("extract", str(shared / "seeds"), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "2 pages" in res.stdout
    return out


@pytest.fixture(scope="module")
def seed_scores(shared, seed_out) -> dict:
    res_file = seed_out.parent / "scores.json"
    subprocess.run([sys.executable, str(shared / "score_minutes.py"), *map(str, (shared / "gold").glob("*.jsonl")),
                    "--pred", str(seed_out), "--json", str(res_file)], check=True, capture_output=True)
    return json.loads(res_file.read_text())


def test_every_table_is_written_with_its_columns(seed_out):
    from pipeline.records import TABLES, columns

    for name, row_type in TABLES.items():
        df = pd.read_csv(seed_out / f"{name}.csv", keep_default_na=False)
        assert list(df.columns) == columns(row_type), name
    meetings = pd.read_csv(seed_out / "meetings.csv", keep_default_na=False)
    assert sorted(meetings["source"]) == ["000_d58dcbbac4eacfe3.txt", "001_a70a6e6f45fee1c7.txt"]


def test_seed_layout_fields_through_the_scorer(seed_scores):
    assert seed_scores["meeting_fields_accuracy"] == 1.0
    assert seed_scores["attendees"]["f1"] >= 0.97
    assert seed_scores["attendees"]["rank_accuracy"] == 1.0
    assert seed_scores["action_updates"]["f1"] == 1.0


def test_seed_items_through_the_scorer(seed_scores):
    assert seed_scores["items"]["micro"]["f1"] >= 0.9
    assert seed_scores["action_id_accuracy"] == 1.0


def test_rows_trace_back_to_the_page_text(shared, seed_out):
    from pipeline.ingest import read_page

    for name in ("decisions", "actions", "sentences"):
        df = pd.read_csv(seed_out / f"{name}.csv", keep_default_na=False)
        assert len(df), name
        for row in df.itertuples():
            text = read_page(shared / "seeds" / row.source, row.source).text
            assert text[row.char_start:row.char_end] == row.text


def test_jsonl_gives_the_same_rows(shared, seed_out, tmp_path):
    res = minutes("extract", str(shared / "seeds"), "--out", str(tmp_path), "--format", "jsonl", "--quiet")
    assert res.returncode == 0, res.stderr
    csv_rows = pd.read_csv(seed_out / "actions.csv", keep_default_na=False)
    json_rows = pd.read_json(tmp_path / "actions.jsonl", lines=True)
    assert list(json_rows["text"]) == list(csv_rows["text"])


def test_a_bad_file_costs_only_its_own_rows(shared, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    good = shared / "seeds" / "000_d58dcbbac4eacfe3.txt"
    (batch / good.name).write_bytes(good.read_bytes())
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    res = minutes("extract", str(batch), "--out", str(out))
    assert res.returncode == 1
    assert "empty.txt" in res.stderr and "binary.txt" in res.stderr
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert sorted(errors["source"]) == ["binary.txt", "empty.txt"]
    alone = tmp_path / "alone"
    assert minutes("extract", str(good), "--out", str(alone)).returncode == 0
    for name in ("meetings", "attendees", "decisions", "actions", "action_updates"):
        assert (out / f"{name}.csv").read_text() == (alone / f"{name}.csv").read_text(), name


def test_usage_errors_exit_2(tmp_path):
    res = minutes("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "nope.txt" in res.stderr
    res = minutes("extract", str(tmp_path), "--model", str(tmp_path / "no-model"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "no-model" in res.stderr


def test_help_on_every_command():
    for cmd in ("extract", "train", "evaluate"):
        res = minutes(cmd, "--help")
        assert res.returncode == 0 and "Usage" in res.stdout, cmd
