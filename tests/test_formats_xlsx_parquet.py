"""``--format xlsx`` (one workbook, a sheet per table) and ``--format parquet`` (a typed file per table):
the same rows as CSV, typed for Excel and pandas, and the same formula neutralising as CSV."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import REPO
from pipeline import workbook
from pipeline.export import FORMULA_START, neutralise, write_tables
from pipeline.extract import extract
from pipeline.records import TABLES, ActionRow, AttendeeRow, ErrorRow, SentenceRow

FIXTURES = REPO / "tests" / "fixtures"
PAGES = ["bullets.txt", "action_log.txt", "numbered_resolved.txt"]
HOSTILE = ['=HYPERLINK("http://198.51.100.7/","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1",
           "plain words"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name in PAGES:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def outputs(nlp, pages, tmp_path_factory) -> dict[str, Path]:
    """The fixture pages extracted once per format, by the same job the command runs."""
    base = tmp_path_factory.mktemp("out")
    for fmt in ("csv", "xlsx", "parquet"):
        extract([pages], base / fmt, nlp, fmt=fmt, warn=lambda m: None)
    return {fmt: base / fmt for fmt in ("csv", "xlsx", "parquet")}


def csv_table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)


def as_text(df: pd.DataFrame) -> pd.DataFrame:
    """Typed cells back to the CSV's text: dates as ISO, absent values as ''."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d")
        out[col] = out[col].map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else
                                v.isoformat() if isinstance(v, date) else str(v))
    return out


def test_workbook_has_every_table_as_a_sheet_with_the_csv_rows(outputs):
    sheets = pd.read_excel(outputs["xlsx"] / "tables.xlsx", sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == list(TABLES)
    for name in TABLES:
        expected = csv_table(outputs["csv"], name)
        assert list(sheets[name].columns) == list(expected.columns), name
        assert len(sheets[name]) == len(expected), name
    actions = csv_table(outputs["csv"], "actions")
    assert len(actions) >= 3
    got = sheets["actions"]
    assert list(got["text"]) == list(actions["text"])
    assert list(got["owner"]) == list(actions["owner"])


def test_workbook_types_dates_and_numbers(outputs):
    actions = pd.read_excel(outputs["xlsx"] / "tables.xlsx", sheet_name="actions")
    assert pd.api.types.is_datetime64_any_dtype(actions["meeting_date"])
    assert actions["due_date"].notna().any() and pd.api.types.is_datetime64_any_dtype(actions["due_date"])
    assert actions["confidence"].dtype.kind in "fi" and actions["confidence"].between(0, 1).all()  # numbers, not text
    assert actions["char_start"].dtype.kind == "i"
    csv_due = csv_table(outputs["csv"], "actions")["due_date"]
    assert list(as_text(actions[["due_date"]])["due_date"]) == list(csv_due)


def test_workbook_header_is_frozen_filtered_and_sized(outputs):
    wb = openpyxl.load_workbook(outputs["xlsx"] / "tables.xlsx")
    for name in TABLES:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        last = openpyxl.utils.get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", name
        assert all(c.font.bold for c in ws[1])
    ws = wb["actions"]
    widths = {ws.cell(1, i).value: ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
              for i in range(1, ws.max_column + 1)}
    assert widths["text"] > widths["due_date"] >= 10 and widths["text"] <= 60
    assert ws.cell(2, list(widths).index("due_date") + 1).number_format == "yyyy-mm-dd"


def test_parquet_has_a_typed_file_per_table_with_the_csv_rows(outputs):
    for name in TABLES:
        df = pd.read_parquet(outputs["parquet"] / f"{name}.parquet")
        expected = csv_table(outputs["csv"], name)
        assert list(df.columns) == list(expected.columns), name
        assert as_text(df).values.tolist() == expected.values.tolist(), name
    schema = pq.read_schema(outputs["parquet"] / "actions.parquet")
    assert str(schema.field("due_date").type) == "date32[day]"
    assert str(schema.field("confidence").type) == "double"
    assert str(schema.field("sentence_index").type) == "int64"
    assert str(pq.read_schema(outputs["parquet"] / "attendees.parquet").field("is_chair").type) == "bool"
    actions = pd.read_parquet(outputs["parquet"] / "actions.parquet")
    assert any(isinstance(d, date) for d in actions["due_date"])


def test_empty_tables_are_typed_too(tmp_path):
    write_tables(tmp_path, {}, "parquet")
    schema = pq.read_schema(tmp_path / "actions.parquet")
    assert str(schema.field("meeting_date").type) == "date32[day]" and str(schema.field("char_end").type) == "int64"
    assert pd.read_parquet(tmp_path / "errors.parquet").empty


def hostile_actions() -> list[ActionRow]:
    return [ActionRow(f"p{i}.txt", "2025-01-07", "1", i, 0, 5, text, text, "", "", "", "", text, "", 0.5, "")
            for i, text in enumerate(HOSTILE)]


def test_formula_text_is_neutralised_in_the_workbook_as_in_csv(tmp_path):
    write_tables(tmp_path, {"actions": hostile_actions()}, "xlsx")
    wb = openpyxl.load_workbook(tmp_path / "tables.xlsx")
    ws = wb["actions"]
    header = [c.value for c in ws[1]]
    texts = [row[header.index("text")] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert texts == [neutralise(t) for t in HOSTILE]
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    assert not any(isinstance(c.value, str) and c.value.startswith(FORMULA_START) for row in ws.iter_rows() for c in row)


def test_parquet_carries_the_same_neutralised_cells(tmp_path):
    write_tables(tmp_path, {"actions": hostile_actions()}, "parquet")
    assert list(pd.read_parquet(tmp_path / "actions.parquet")["owner"]) == [neutralise(t) for t in HOSTILE]


def test_control_characters_are_dropped_in_the_workbook_only(tmp_path):
    row = SentenceRow("p.txt", 0, 0, 9, "1", "note", 0.9, "a\x00b\x07c\x1fd")
    write_tables(tmp_path, {"sentences": [row]}, "xlsx")
    assert pd.read_excel(tmp_path / "tables.xlsx", sheet_name="sentences")["text"][0] == "abcd"


def test_a_table_longer_than_a_sheet_goes_on_in_another(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 4)  # header + 3 rows a sheet
    rows = [AttendeeRow("p.txt", "2025-01-07", "Supt", f"Person {i}", "", "", i == 0) for i in range(8)]
    write_tables(tmp_path, {"attendees": rows}, "xlsx")
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    parts = [sheets[n] for n in ("attendees", "attendees (2)", "attendees (3)")]
    assert [len(p) for p in parts] == [3, 3, 2]
    assert list(pd.concat(parts)["name"]) == [f"Person {i}" for i in range(8)]
    assert bool(parts[0]["is_chair"][0]) is True


def test_workbook_reruns_are_byte_identical(tmp_path):
    tables = {"actions": hostile_actions(), "errors": [ErrorRow("x.pdf", "read", "no text layer")]}
    first = write_tables(tmp_path / "a", tables, "xlsx")[0].read_bytes()
    second = write_tables(tmp_path / "b", tables, "xlsx")[0].read_bytes()
    assert first == second


def test_command_accepts_the_new_formats(pages, tmp_path):
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(pages / "bullets.txt"), "--out",
                          str(tmp_path), "--format", "xlsx", "-q"], capture_output=True, text=True, cwd=REPO)
    if res.returncode == 2 and "model" in res.stderr.lower():
        pytest.skip("no trained model")
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["tables.xlsx"]
