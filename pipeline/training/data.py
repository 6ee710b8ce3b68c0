"""Reading the annotated pages in ``training_data/`` (format: training_data/README.md)."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

import jsonlines

LABELS = ("decision", "action", "note")


class DataError(Exception):
    pass


def data_files(data_dir: Path) -> list[Path]:
    files = sorted(Path(data_dir).glob("*.jsonl"))
    if not files:
        raise DataError(f"{data_dir}: no *.jsonl training files")
    return files


def read_records(data_dir: Path, split: str | None = None) -> Iterator[dict]:
    """Every page record, optionally only one split ('train' or 'dev'); dev.jsonl is dev and any
    other file is train unless its records say otherwise."""
    for path in data_files(data_dir):
        default = "dev" if path.stem == "dev" else "train"
        with jsonlines.open(path) as reader:
            for n, rec in enumerate(reader, start=1):
                if not isinstance(rec, dict) or "text" not in rec or "sentences" not in rec:
                    raise DataError(f"{path}:{n}: not a page record (needs 'text' and 'sentences')")
                if split is None or rec.get("split", default) == split:
                    yield rec


def data_hash(data_dir: Path) -> str:
    """sha256 over the training files' names and bytes: recorded in the model's meta."""
    h = hashlib.sha256()
    for path in data_files(data_dir):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
