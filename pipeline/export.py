"""Writing the tables: CSV (or JSONL) with pandas, atomically, safe to open in a spreadsheet.

Every table is written to a temporary file beside its target and renamed into place, so an
interrupted run never leaves a half-written table. Text cells that a spreadsheet would run as a
formula are neutralised with a leading apostrophe (OWASP CSV injection guidance, CWE-1236);
numeric columns stay numeric.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

import pandas as pd

from pipeline.records import TABLES, columns

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)"; anything not a string is left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def frame(name: str, rows: Iterable[object]) -> pd.DataFrame:
    cols = columns(TABLES[name])
    df = pd.DataFrame([asdict(r) for r in rows], columns=cols)
    for col in cols:
        if df[col].dtype == object:
            df[col] = df[col].map(neutralise)
    return df


def _atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(out_dir: Path, name: str, rows: Iterable[object], fmt: str = "csv") -> Path:
    df = frame(name, rows)
    path = out_dir / f"{name}.{fmt}"
    if fmt == "csv":
        _atomic_write(path, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n"))
    elif fmt == "jsonl":
        _atomic_write(path, lambda tmp: df.to_json(tmp, orient="records", lines=True, force_ascii=False))
    else:
        raise ValueError(f"unknown format {fmt!r}: use csv or jsonl")
    return path


def write_tables(out_dir: Path, tables: dict[str, list], fmt: str = "csv") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_table(out_dir, name, tables.get(name, []), fmt) for name in TABLES]
