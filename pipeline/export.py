"""Writing the tables: CSV, JSONL, Parquet or one Excel workbook, atomically, safe to open in a spreadsheet.

Every table is written to a temporary file beside its target and renamed into place, so an
interrupted run never leaves a half-written table. Text cells that a spreadsheet would run as a
formula are neutralised with a leading apostrophe, and every text cell is written in double quotes
(quotes doubled) so that a separator inside it (',' or a locale's ';') cannot start a new cell
with a formula in it: OWASP's CSV injection guidance (CWE-1236). Numeric columns stay numeric
(unquoted). Parquet and the workbook carry the same cells, typed: columns named ``*_date`` as dates,
counts and offsets as integers, confidence as a number (``typed``).
"""
from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from pipeline import workbook
from pipeline.records import TABLES, OwnerRow, RegisterRow, columns

# Tables written beside the extraction's own (by `minutes register`), through the same writer.
DERIVED_TABLES: dict[str, type] = {"register": RegisterRow, "owners": OwnerRow}


def row_type(name: str) -> type:
    return TABLES[name] if name in TABLES else DERIVED_TABLES[name]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "jsonl", "parquet", "xlsx")


def neutralise(value: object) -> object:
    """'=HYPERLINK(...)' -> "'=HYPERLINK(...)"; anything not a string is left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def frame(name: str, rows: Iterable[object]) -> pd.DataFrame:
    """Rows (record dataclasses or their dicts) as a DataFrame in the table's column order."""
    cols = columns(row_type(name))
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


def kinds(name: str) -> dict[str, str]:
    """Each column's type in the typed formats: 'date' (named ``*_date``: ISO text in CSV), else the
    row field's own type: 'int', 'float', 'bool' or 'str'."""
    return {f.name: "date" if f.name.endswith("_date") else str(f.type) if str(f.type) in ("int", "float", "bool")
            else "str" for f in fields(row_type(name))}


def typed(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A table's frame with typed columns: dates as ``datetime.date`` (None when empty), numbers as numbers."""
    df = df.copy()
    for col, kind in kinds(name).items():
        if kind == "date":
            df[col] = df[col].map(workbook.iso_date).astype(object)
        elif kind in ("int", "float", "bool"):
            df[col] = df[col].astype({"int": "int64", "float": "float64", "bool": "bool"}[kind])
    return df


def write_table(out_dir: Path, name: str, rows: Iterable[object], fmt: str = "csv") -> Path:
    return write_table_chunks(out_dir, name, iter([list(rows)]), fmt)


def write_tables_chunks(out_dir: Path, tables: dict[str, Iterable[list]], fmt: str = "csv") -> list[Path]:
    """Every table from its chunks of rows: a file per table, or for xlsx one workbook with a sheet each."""
    if fmt == "xlsx":
        return [workbook.write_workbook(out_dir, {name: _frames(name, chunks) for name, chunks in tables.items()},
                                        kinds)]
    return [write_table_chunks(out_dir, name, chunks, fmt) for name, chunks in tables.items()]


def _frames(name: str, chunks: Iterable[list]) -> Iterator[pd.DataFrame]:
    return (frame(name, rows) for rows in chunks if rows)


def write_table_chunks(out_dir: Path, name: str, chunks: Iterable[list], fmt: str = "csv") -> Path:
    """Write a table from chunks of rows, never holding more than one chunk, atomically."""
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ValueError(f"unknown format {fmt!r} for one table: use csv, jsonl or parquet")
    path = out_dir / f"{name}.{fmt}"
    if fmt == "parquet":
        atomic_write(path, lambda tmp: _write_parquet(tmp, name, chunks))
        return path

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            if fmt == "csv":
                f.write(",".join(columns(row_type(name))) + "\n")
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


def _write_parquet(tmp: str, name: str, chunks: Iterable[list]) -> None:
    """One row group per chunk, under a schema fixed by the row type, so an empty table is typed too."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"date": pa.date32(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    schema = pa.schema([(col, arrow[kind]) for col, kind in kinds(name).items()])
    with pq.ParquetWriter(tmp, schema) as writer:
        empty = True
        for rows in chunks:
            if rows:
                df = typed(name, frame(name, rows))
                writer.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False))
                empty = False
        if empty:
            writer.write_table(schema.empty_table())


def write_tables(out_dir: Path, tables: dict[str, list], fmt: str = "csv") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_tables_chunks(out_dir, {name: iter([list(tables.get(name, []))]) for name in TABLES}, fmt)
