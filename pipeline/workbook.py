"""``--format xlsx``: every table as a sheet of one workbook, ready for an analyst in Excel.

Header row frozen and bold, filters on, column widths from the first rows, dates as Excel dates,
confidence and counts as numbers. Cells arrive already neutralised (``export.frame``), so no text
starts a formula. Written in openpyxl's write-only mode, a chunk at a time, so memory stays flat; a
table longer than a sheet's 1,048,576 rows goes on in 'name (2)'. The file is reproducible: the
zip entries' times and the document's dates are fixed, so a re-run writes the same bytes.
"""
from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import pandas as pd

WORKBOOK = "tables.xlsx"
MAX_ROWS = 1_048_576  # Excel's limit, header included
MAX_CELL = 32_767  # characters Excel keeps in one cell
FIXED_TIME = datetime(2000, 1, 1)
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML (and openpyxl) refuse
WIDTH = {"date": 12, "int": 10, "float": 11, "bool": 9}

Kinds = Callable[[str], dict[str, str]]


def write_workbook(out_dir: Path, tables: dict[str, Iterable[pd.DataFrame]], kinds: Kinds) -> Path:
    """``OUT/tables.xlsx`` with a sheet per table (in the order given), atomically."""
    from openpyxl import Workbook

    from pipeline.export import atomic_write

    path = out_dir / WORKBOOK

    def write(tmp: str) -> None:
        wb = Workbook(write_only=True)
        wb.properties.created = FIXED_TIME
        for name, frames in tables.items():
            _add_table(wb, name, iter(frames), kinds(name))
        raw = tmp + ".raw"
        try:
            wb.save(raw)
            _reproducible(raw, tmp)
        finally:
            Path(raw).unlink(missing_ok=True)

    atomic_write(path, write)
    return path


def _add_table(wb, name: str, frames: Iterator[pd.DataFrame], kinds: dict[str, str]) -> None:
    first = next(frames, None)
    widths = _widths(first, kinds)
    rows = chain.from_iterable(_cells(df, kinds) for df in chain([first] if first is not None else [], frames))
    sheet, n, count = None, 0, 1
    for row in rows:
        if sheet is None or n == MAX_ROWS - 1:
            if sheet is not None:
                _finish(sheet, len(kinds), n)
                count += 1
            sheet, n = _new_sheet(wb, name if count == 1 else f"{name} ({count})", kinds, widths), 0
        sheet.append([_cell(sheet, v, kinds[c]) for c, v in zip(kinds, row)])
        n += 1
    if sheet is None:  # an empty table still gets its sheet and header
        sheet = _new_sheet(wb, name, kinds, widths)
    _finish(sheet, len(kinds), n)


def _new_sheet(wb, title: str, kinds: dict[str, str], widths: dict[str, float]):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, col in enumerate(kinds, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths[col]
    ws.freeze_panes = "A2"
    header = []
    for col in kinds:
        cell = WriteOnlyCell(ws, value=col)
        cell.font = Font(bold=True)
        header.append(cell)
    ws.append(header)
    return ws


def _finish(ws, n_cols: int, n_rows: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(n_cols)}{n_rows + 1}"


def _cells(df: pd.DataFrame, kinds: dict[str, str]) -> Iterator[tuple]:
    return df[list(kinds)].itertuples(index=False, name=None)


def _cell(ws, value: object, kind: str) -> object:
    """A value as Excel should hold it: a date cell, a number, a boolean, or clean text (None for empty)."""
    if kind == "date":
        day = iso_date(value)
        if day is None:
            return _text(value)
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=day)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if kind in ("int", "float", "bool"):
        return None if pd.isna(value) else value
    return _text(value)


def iso_date(value: object) -> date | None:
    """'2024-09-01' -> date(2024, 9, 1); empty or not an ISO date -> None."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = ILLEGAL.sub("", str(value))[:MAX_CELL]
    return text or None


def _widths(df: pd.DataFrame | None, kinds: dict[str, str]) -> dict[str, float]:
    """Fixed widths for dates and numbers; text as wide as most of the first chunk's cells (8 to 60)."""
    widths = {}
    for col, kind in kinds.items():
        if kind in WIDTH:
            widths[col] = max(WIDTH[kind], len(col) + 2)
            continue
        lengths = df[col].astype(str).str.len() if df is not None and len(df) else pd.Series([0])
        widths[col] = float(min(60, max(8, len(col) + 2, int(lengths.quantile(0.9)) + 2)))
    return widths


def _reproducible(src: str, dst: str) -> None:
    """Copy the zip with every entry dated 1980-01-01 and the document's 'modified' date fixed, so
    the same tables give the same bytes (openpyxl stamps both with the time of saving)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with ZipFile(src) as zin, ZipFile(dst, "w", ZIP_DEFLATED, allowZip64=True) as zout:
        for info in zin.infolist():
            entry = ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, zin.read(info))
                zout.writestr(entry, data)
                continue
            with zin.open(info) as fin, zout.open(entry, "w", force_zip64=info.file_size > 2**31) as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
