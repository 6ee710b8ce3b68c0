"""Batch behaviour at archive scale, checked for equality of rows (timings live in scripts/bench.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import jsonlines
import pytest

from conftest import MODEL, REPO
from pipeline.extract import extract
from pipeline.records import TABLES

TABLE_FILES = [f"{name}.csv" for name in TABLES]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Twelve of our own dev pages in nested folders, plus one broken file."""
    folder = tmp_path_factory.mktemp("archive")
    for n, rec in enumerate(jsonlines.open(REPO / "training_data" / "dev.jsonl")):
        if n == 12:
            break
        sub = folder / f"board{n % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
    (folder / "board0" / "broken.txt").write_bytes(b"\x00\x01binary")
    return folder


def tables(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLE_FILES}


@pytest.fixture(scope="module")
def reference(nlp, archive, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref")
    summary = extract([archive], out, nlp, warn=lambda m: None)
    assert summary.pages == 12 and len(summary.errors) == 1
    return tables(out)


def test_rerun_is_byte_identical(nlp, archive, reference, tmp_path):
    extract([archive], tmp_path, nlp, warn=lambda m: None)
    assert tables(tmp_path) == reference


def test_two_workers_give_the_same_rows(nlp, archive, reference, tmp_path):
    extract([archive], tmp_path, nlp, n_process=2, warn=lambda m: None)
    assert tables(tmp_path) == reference


def test_resume_after_an_interruption_gives_the_same_tables(nlp, archive, reference, tmp_path):
    def interrupt_after(n: int):
        def start(total: int):
            seen = []

            def tick(pages: int, words: int) -> None:
                seen.append(pages)
                if len(seen) == n:
                    raise KeyboardInterrupt

            return tick

        return start

    with pytest.raises(KeyboardInterrupt):
        extract([archive], tmp_path, nlp, chunk_pages=2, progress=interrupt_after(6), warn=lambda m: None)
    assert not (tmp_path / "actions.csv").exists()  # nothing half-written
    summary = extract([archive], tmp_path, nlp, resume=True, chunk_pages=2, warn=lambda m: None)
    assert summary.skipped >= 4 and summary.pages < 12
    assert tables(tmp_path) == reference


def test_resume_redoes_a_changed_file(nlp, archive, reference, tmp_path):
    copy = tmp_path / "archive"
    shutil.copytree(archive, copy)
    out = tmp_path / "out"
    extract([copy], out, nlp, warn=lambda m: None)
    page = next(copy.glob("board1/*.txt"))
    page.write_text(page.read_text(encoding="utf-8") + "\nThe Chair to write to the Home Office.\n", encoding="utf-8")
    summary = extract([copy], out, nlp, resume=True, warn=lambda m: None)
    assert summary.pages == 1 and summary.skipped == 11  # the changed page and the broken file are redone
    import pandas as pd

    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    assert (sentences["source"] == f"board1/{page.name}").sum() > 0
    assert len(pd.read_csv(out / "meetings.csv")) == 12  # the old rows of the changed page are replaced


def test_dask_backend_gives_the_same_rows(archive, reference, tmp_path):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    extract([archive], tmp_path, None, backend="dask", model_path=MODEL, warn=lambda m: None)
    assert tables(tmp_path) == reference
