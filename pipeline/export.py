"""Writing the tables: CSV (or JSONL) with pandas, atomically, safe to open in a spreadsheet.

Every table is written to a temporary file beside its target and renamed into place, so an
interrupted run never leaves a half-written table. Text cells that a spreadsheet would run as a
formula are neutralised with a leading apostrophe, and every text cell is written in double quotes
(quotes doubled) so that a separator inside it (',' or a locale's ';') cannot start a new cell
with a formula in it: OWASP's CSV injection guidance (CWE-1236). Numeric columns stay numeric
(unquoted).
"""
from __future__ import annotations

import csv
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
    """Rows (record dataclasses or their dicts) as a DataFrame in the table's column order."""
    cols = columns(TABLES[name])
    df = pd.DataFrame([r if isinstance(r, dict) else asdict(r) for r in rows], columns=cols)
    for col in cols:
        if df[col].dtype == object:
            df[col] = df[col].map(neutralise)
    return df


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a table is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_table(out_dir: Path, name: str, rows: Iterable[object], fmt: str = "csv") -> Path:
    return write_table_chunks(out_dir, name, iter([list(rows)]), fmt)


def write_table_chunks(out_dir: Path, name: str, chunks: Iterable[list], fmt: str = "csv") -> Path:
    """Write a table from chunks of rows, never holding more than one chunk, atomically."""
    if fmt not in ("csv", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: use csv or jsonl")
    path = out_dir / f"{name}.{fmt}"

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            if fmt == "csv":
                f.write(",".join(columns(TABLES[name])) + "\n")
            for rows in chunks:
                if not rows:
                    continue
                df = frame(name, rows)
                if fmt == "csv":
                    df.to_csv(f, index=False, header=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
                else:
                    f.write(df.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n") + "\n")

    atomic_write(path, write)
    return path


def write_tables(out_dir: Path, tables: dict[str, list], fmt: str = "csv") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_table(out_dir, name, tables.get(name, []), fmt) for name in TABLES]
