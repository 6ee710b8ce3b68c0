"""The Python API: ``pipeline.extract_tables`` gives the command's rows as typed DataFrames."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO
from pipeline.records import TABLES

FIXTURES = REPO / "tests" / "fixtures"
PAGES = ["bullets.txt", "initials_owners.txt"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name in PAGES:
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    return folder


@pytest.fixture(scope="module")
def tables(nlp, pages) -> dict[str, pd.DataFrame]:
    import pipeline

    return pipeline.extract_tables([pages], model=nlp)


@pytest.fixture(scope="module")
def command_csv(pages, tmp_path_factory, nlp) -> Path:
    out = tmp_path_factory.mktemp("csv")
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(pages), "--out", str(out), "-q"],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 1, res.stderr  # the broken PDF is an error row, the rest are read
    return out


def text_cells(df: pd.DataFrame) -> list[list[str]]:
    """Typed cells written back as the CSV writes them: ISO dates, '' when absent."""
    df = df.copy()
    for col in df.columns:
        if pd.api.types.is_datetime64_any_dtype(df[col]):
            df[col] = df[col].dt.strftime("%Y-%m-%d")
    return df.map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)).values.tolist()


def test_api_returns_every_table_with_the_commands_rows(tables, command_csv):
    assert list(tables) == list(TABLES)
    for name in TABLES:
        expected = pd.read_csv(command_csv / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(tables[name].columns) == list(expected.columns), name
        assert text_cells(tables[name]) == expected.values.tolist(), name
    assert len(tables["actions"]) >= 3 and len(tables["decisions"]) >= 1


def test_api_columns_are_typed(tables):
    actions = tables["actions"]
    assert pd.api.types.is_datetime64_any_dtype(actions["due_date"]) and actions["due_date"].notna().any()
    assert pd.api.types.is_datetime64_any_dtype(tables["meetings"]["meeting_date"])
    assert actions["confidence"].dtype == "float64" and actions["char_start"].dtype == "int64"
    assert tables["attendees"]["is_chair"].dtype == bool


def test_unreadable_input_is_an_error_row_not_an_exception(tables):
    errors = tables["errors"]
    assert list(errors["source"]) == ["broken.pdf"] and errors["stage"][0] == "read"


def test_api_takes_one_path_and_loads_the_default_model():
    import pipeline

    tables = pipeline.extract_tables(FIXTURES / "bullets.txt")
    assert set(tables["meetings"]["source"]) == {"bullets.txt"}
    assert (tables["actions"]["owner_name"] != "").any()


def test_missing_input_and_output_options_are_refused(nlp):
    import pipeline

    with pytest.raises(FileNotFoundError, match="no-such-file"):
        pipeline.extract_tables(["no-such-file.txt"], model=nlp)
    with pytest.raises(TypeError, match="out_dir"):
        pipeline.extract_tables(FIXTURES / "bullets.txt", model=nlp, out_dir="somewhere")


def test_importing_the_package_stays_light():
    """``import pipeline`` loads neither spaCy nor pandas: the API is imported on first use."""
    code = "import sys, pipeline; print(sorted({'spacy', 'pandas'} & set(sys.modules)))"
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert res.stdout.strip() == "[]"
