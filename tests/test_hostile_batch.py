"""Nothing lost, nothing hangs (issue 19): batch runs a records office can trust.

One test (or a few) per broken case of the issue: a board's archive keeps every page's rows;
same-named files stay apart; one run per output folder; every input is reported (FIFO, unreadable
folder, link to outside); per-file limits on size and time; memory bounded within a long page;
DOCX read in linear time; workers that die with their parent; Ctrl-C that says how to resume;
injection-safe register; and a review -> import round trip that always works. Every page, name and
sentence here is invented. Timings live in scripts/bench_hostile.py, not here.
"""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from pathlib import Path

import pandas as pd
import pytest

from conftest import MODEL, REPO
from pipeline.extract import Limits, extract
from pipeline.records import SentenceRow

needs_model = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="no trained model: run `make train`")
quiet = dict(warn=lambda m: None)

ATTENDANCE = """Present:
Chief Constable Orla Penhaligon (Chair)
Deputy Chief Constable Barnaby Quennell
Assistant Chief Constable Hester Molyneux
Director of Finance Idris Vangelder
Apologies: Chief Superintendent Rhoswen Tilbury
"""


def month_page(month: str, n: int) -> str:
    """One meeting of an invented board; the attendance list is the same every month."""
    return (f"Title: Force Change Board\nDate: 14 {month} 2025\nVenue: Larchfield House\n{ATTENDANCE}"
            f"1. Fleet replacement\nThe board agreed the fleet replacement plan for {month}.\n"
            f"ACC Molyneux to report on the electric vehicle trial by 30 {month} 2025.\n"
            f"2. Custody estate\nDCC Quennell to brief the custody inspectors on cell {n}.\n"
            f"Mr Vangelder to cost the custody refurbishment by 1 December 2025.\n"
            f"3. Any other business\nThe Chair to write to the county council about the depot lease.\n"
            f"Date of next meeting: 12 November 2025\n")


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- 1. no content dropped for appearing on other pages ------------------------------------------

@needs_model
def test_a_page_gives_the_same_rows_alone_and_in_its_archive(nlp, tmp_path):
    months = ["March", "April", "May", "June", "July", "August"]
    archive = tmp_path / "archive"
    for n, month in enumerate(months):
        write(archive, f"{n + 1:02d}-{month.lower()}.txt", month_page(month, n))
    extract([archive], tmp_path / "all", nlp, **quiet)
    together = read(tmp_path / "all", "actions")
    page = archive / "03-may.txt"
    extract([page], tmp_path / "alone", nlp, **quiet)
    alone = read(tmp_path / "alone", "actions")
    assert len(alone) >= 3
    mine = together[together["source"] == "03-may.txt"].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, alone)
    attendees = read(tmp_path / "all", "attendees")
    assert (attendees["source"] == "03-may.txt").sum() == (read(tmp_path / "alone", "attendees")["source"]).size


@needs_model
def test_a_page_gives_the_same_rows_beside_near_copies_of_itself(nlp, tmp_path):
    """A draft and final of the same minutes (and a re-save) share nearly every line: none of them
    may lose its actions for it."""
    text = month_page("May", 2)
    folder = tmp_path / "copies"
    write(folder, "final.txt", text)
    write(folder, "draft.txt", text.replace("fleet replacement plan", "draft fleet replacement plan"))
    write(folder, "resaved.txt", text + "\n")
    write(folder, "amended.txt", text.replace("cell 2", "cell 2 and cell 3"))
    extract([folder], tmp_path / "all", nlp, **quiet)
    extract([folder / "final.txt"], tmp_path / "alone", nlp, **quiet)
    for table in ("actions", "decisions", "attendees", "meetings"):
        together = read(tmp_path / "all", table)
        mine = together[together["source"] == "final.txt"].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, read(tmp_path / "alone", table))
    assert (read(tmp_path / "all", "actions")["source"] == "draft.txt").sum() >= 3


# --- 2. sources are unique ---------------------------------------------------------------------------

@needs_model
def test_same_named_files_in_two_folders_stay_two_pages(nlp, tmp_path):
    a = write(tmp_path / "in" / "north", "minutes.txt", month_page("March", 1)).parent
    b = write(tmp_path / "in" / "south", "minutes.txt", month_page("April", 2)).parent
    summary = extract([a, b], tmp_path / "out", nlp, chunk_pages=1, **quiet)  # one page per part, as past 50 pages
    assert summary.pages == 2
    meetings = read(tmp_path / "out", "meetings")
    assert sorted(meetings["source"]) == ["north/minutes.txt", "south/minutes.txt"]
    assert sorted(meetings["meeting_date"]) == ["2025-03-14", "2025-04-14"]


def test_sources_are_relative_to_the_common_root(tmp_path):
    from pipeline.ingest.discover import find_inputs

    write(tmp_path / "a" / "x", "m.txt", "x")
    write(tmp_path / "a" / "y", "m.txt", "y")
    assert [f.source for f in find_inputs([tmp_path / "a" / "x", tmp_path / "a" / "y"])] == ["x/m.txt", "y/m.txt"]
    assert [f.source for f in find_inputs([tmp_path / "a" / "x" / "m.txt", tmp_path / "a" / "y" / "m.txt"])] == \
        ["x/m.txt", "y/m.txt"]
    assert [f.source for f in find_inputs([tmp_path / "a"])] == ["x/m.txt", "y/m.txt"]  # one folder: as before
    assert [f.source for f in find_inputs([tmp_path / "a" / "x" / "m.txt"])] == ["m.txt"]  # one file: its name


# --- 3. one run per output folder ------------------------------------------------------------------

def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_busy_output_folder_is_refused_and_a_stale_lock_taken_over(tmp_path):
    from pipeline.store import LOCK, OutputBusy, OutputStore

    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).write_text(json.dumps({"pid": os.getppid(), "host": os.uname().nodename,
                                        "started": "2025-05-01 09:00:00 UTC"}))
    with pytest.raises(OutputBusy) as busy:
        OutputStore(out)
    assert str(out) in str(busy.value) and str(os.getppid()) in str(busy.value) and "2025-05-01" in str(busy.value)
    assert not (out / ".minutes").exists()  # the other run's parts are left alone

    (out / LOCK).write_text(json.dumps({"pid": _dead_pid(), "host": os.uname().nodename, "started": "x"}))
    store = OutputStore(out)  # a killed run's lock is taken over
    assert json.loads((out / LOCK).read_text())["pid"] == os.getpid()
    store.close()
    assert not (out / LOCK).exists()


@needs_model
def test_cli_exits_2_naming_the_folder_and_the_other_run(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".minutes.lock").write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename,
                                                   "started": "2025-05-01 09:00:00 UTC"}))
    page = write(tmp_path, "m.txt", month_page("May", 1))
    res = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(page), "--out", str(out), "-q"],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 2, res.stderr
    assert f"output folder {out} is in use" in res.stderr and f"pid {os.getpid()}" in res.stderr
    assert not (out / "meetings.csv").exists()


# --- 4. every input reported ------------------------------------------------------------------------

def _extract_without_hanging(paths, out, nlp, fifo: Path | None = None, **kw):
    """Run extract in a thread; if it blocks on ``fifo`` for 60 s, unblock it (so the test fails
    instead of hanging)."""
    box: dict = {}
    thread = threading.Thread(target=lambda: box.setdefault("s", extract(paths, out, nlp, **quiet, **kw)))
    thread.start()
    thread.join(60)
    if thread.is_alive() and fifo is not None:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(60)
        pytest.fail("extract blocked on a FIFO")
    return box["s"]


@needs_model
def test_a_fifo_is_reported_never_opened(nlp, tmp_path):
    folder = tmp_path / "in"
    write(folder, "good.txt", month_page("May", 1))
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    summary = _extract_without_hanging([folder], tmp_path / "out", nlp, fifo)
    assert summary.pages == 1
    errors = read(tmp_path / "out", "errors")
    assert errors["source"].tolist() == ["pipe.txt"] and "FIFO" in errors["error"][0]
    summary = _extract_without_hanging([fifo], tmp_path / "out2", nlp, fifo)  # named directly, too
    assert read(tmp_path / "out2", "errors")["source"].tolist() == ["pipe.txt"]


def test_an_unreadable_folder_is_an_error_row(tmp_path, monkeypatch):
    from pipeline.ingest.discover import find_inputs

    write(tmp_path / "in" / "open", "a.txt", "x")
    write(tmp_path / "in" / "closed", "b.txt", "x")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(find_inputs([tmp_path / "in"]))
    assert [(f.source, f.problem is None) for f in found] == [("closed/", False), ("open/a.txt", True)]
    assert "permission denied" in found[0].problem


def test_links_outside_the_folders_given_are_not_followed(tmp_path):
    from pipeline.ingest.discover import find_inputs

    outside = write(tmp_path / "elsewhere", "secret.txt", "not minutes")
    write(tmp_path / "elsewhere" / "sub", "deep.txt", "not minutes")
    folder = tmp_path / "in"
    write(folder, "page.txt", "x")
    (folder / "link.txt").symlink_to(outside)
    (folder / "linkdir").symlink_to(outside.parent, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "page.txt")  # inside the folder: followed
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a loop: walked once
    found = {f.source: f.problem for f in find_inputs([folder])}
    assert found["page.txt"] is None and found["inside.txt"] is None
    assert "outside the folders given" in found["link.txt"] and "--follow-links" in found["link.txt"]
    assert "outside the folders given" in found["linkdir"]
    assert not any("secret" in s or "deep" in s for s in found)
    followed = {f.source: f.problem for f in find_inputs([folder], follow_links=True)}
    assert followed["link.txt"] is None and followed["linkdir/sub/deep.txt"] is None


# --- 5. bounded cost per file ------------------------------------------------------------------------

@needs_model
def test_a_file_over_the_size_limit_is_an_error_row_unread(nlp, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, "good.txt", month_page("May", 1))
    write(folder, "big.txt", month_page("June", 2) * 400)  # ~200 KB
    opened: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or real(self))
    summary = extract([folder], tmp_path / "out", nlp, limits=Limits(max_bytes=100_000), **quiet)
    assert summary.pages == 1 and "big.txt" not in opened
    errors = read(tmp_path / "out", "errors")
    assert errors["source"].tolist() == ["big.txt"] and "--max-file-mb" in errors["error"][0]


@needs_model
def test_a_page_over_the_time_limit_is_an_error_row(nlp, tmp_path, monkeypatch):
    import pipeline.extract as ex

    folder = tmp_path / "in"
    write(folder, "a-good.txt", month_page("May", 1))
    write(folder, "b-slow.txt", month_page("June", 2))
    real = ex.parse_minutes

    def slow(page, *args):
        if page.source == "b-slow.txt":
            time.sleep(30)  # a runaway page: the limit must stop it long before this
        return real(page, *args)

    monkeypatch.setattr(ex, "parse_minutes", slow)
    start = time.monotonic()
    summary = extract([folder], tmp_path / "out", nlp, limits=Limits(seconds=1), **quiet)
    assert time.monotonic() - start < 25
    assert summary.pages == 1
    errors = read(tmp_path / "out", "errors")
    assert errors["source"].tolist() == ["b-slow.txt"] and "--timeout-per-file" in errors["error"][0]


@needs_model
def test_a_long_page_holds_few_docs_at_once(nlp, monkeypatch):
    """Memory within a page: Docs are made as the model needs them and let go once analysed, so a
    10 MB page holds a batch of Docs, not one per sentence (2.6 GB before)."""
    import pipeline.nlp.sentence_doc as sd
    from pipeline.extract import Input, analyse
    from pipeline.ingest.page import Page
    from pipeline.layout import parse_minutes

    body = "".join(f"The board noted report number {i} on the estates programme.\n" for i in range(1500))
    minutes = parse_minutes(Page("long.txt", "Title: Force Change Board\nDate: 14 May 2025\n1. Estates\n" + body))
    assert len(minutes.sentences) >= 1500
    alive: weakref.WeakSet = weakref.WeakSet()
    peak = {"n": 0}
    real = sd.make_sentence_doc

    def counted(*args, **kw):
        doc = real(*args, **kw)
        alive.add(doc)
        peak["n"] = max(peak["n"], len(alive))
        return doc

    monkeypatch.setattr(sd, "make_sentence_doc", counted)
    (_, _, docs), = list(analyse(nlp, [(Input(Path("long.txt"), "long.txt", None), minutes)]))
    assert len(docs) == len(minutes.sentences)
    assert peak["n"] < 1000, peak


def _docx(paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for i, text in enumerate(paragraphs):
        doc.add_paragraph(text, style="List Bullet" if i % 7 == 3 else None)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_paragraph_styles_are_not_scanned_per_paragraph(monkeypatch):
    """python-docx's Paragraph.style scans every style of the document on each call (the
    quadratic cost of long Word minutes); the reader must not call it per paragraph."""
    from docx.text.paragraph import Paragraph

    from pipeline.ingest.docx import docx_to_text

    data = _docx([f"The board noted item {i}." for i in range(200)])
    calls = {"n": 0}
    real = Paragraph.style

    def style(self):
        calls["n"] += 1
        return real.fget(self)

    monkeypatch.setattr(Paragraph, "style", property(style))
    text = docx_to_text(data, "long.docx")
    assert calls["n"] < 10, calls
    lines = text.splitlines()
    assert "The board noted item 0." in lines and "• The board noted item 3." in lines  # list style still seen


# --- 6. workers that stop with their parent, and Ctrl-C -------------------------------------------

WORKER_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import pipeline.pagework as pw
    from pipeline.extract import Input

    def sleepy(data, source, suffix, model_path, limits=None):
        Path(sys.argv[1], str(os.getpid())).write_text("")
        time.sleep(300)

    pw.extract_bytes = sleepy
    page = Path(sys.argv[1], "page.txt")
    page.write_text("x")
    inputs = [Input(page, f"p{i}.txt", None) for i in range(4)]
    for _ in pw.run_in_processes(inputs, None, Path("no-model"), 2):
        pass
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for a reaper is dead too
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux process checks")
def test_workers_die_when_their_parent_is_killed(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", WORKER_SCRIPT, str(tmp_path)], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while len([p for p in tmp_path.iterdir() if p.name.isdigit()]) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = [int(p.name) for p in tmp_path.iterdir() if p.name.isdigit()]
        assert len(workers) == 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, "workers outlived their killed parent"


@needs_model
def test_ctrl_c_keeps_the_finished_pages_and_says_how_to_resume(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import pipeline.extract as ex
    from pipeline.cli import app

    folder = tmp_path / "in"
    for n, month in enumerate(["March", "April", "May", "June"]):
        write(folder, f"{n}.txt", month_page(month, n))
    real, seen = ex.page_records, []

    def interrupted(m, docs):
        seen.append(m.source)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(m, docs)

    monkeypatch.setattr(ex, "page_records", interrupted)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out), "-q"])
    assert res.exit_code == 130, res.output
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "2 finished pages kept" in lines[0] and "--resume" in lines[0], res.stderr
    monkeypatch.setattr(ex, "page_records", real)
    res = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out), "--resume"])
    assert res.exit_code == 0, res.stderr
    assert "(2 already done)" in res.stdout
    assert len(read(out, "meetings")) == 4


# --- 7. every table injection-safe ---------------------------------------------------------------

def test_register_and_owners_quote_every_text_cell(tmp_path):
    from pipeline.export import write_tables
    from pipeline.records import ActionRow, MeetingRow
    from pipeline.register import write_register

    owner = "Alland;=cmd|' /C calc'!A0"
    meeting = MeetingRow("m.txt", "Force Change Board", "2025-05-14", "", "", 1, 0, 1)
    action = ActionRow(source="m.txt", meeting_date="2025-05-14", item="1. Fleet", sentence_index=0, char_start=0,
                       char_end=10, text="-1+2 to be costed.", owner=owner, owner_rank="", owner_name=owner,
                       owner_role="", due_date="", due_text="", recurrence="", confidence=0.9, action_id="4/25")
    write_tables(tmp_path, {"meetings": [meeting], "actions": [action]})
    write_register(tmp_path, __import__("datetime").date(2025, 6, 1))
    register = (tmp_path / "register.csv").read_text(encoding="utf-8")
    owners = (tmp_path / "owners.csv").read_text(encoding="utf-8")
    assert f'"{owner}"' in register and f'"{owner}"' in owners
    assert "\"'-1+2 to be costed.\"" in register
    assert pd.read_csv(tmp_path / "register.csv", dtype=str)["owner"][0] == owner


# --- 8. the learning loop's round trip ----------------------------------------------------------

def test_every_review_task_imports_back(tmp_path):
    from pipeline.training.imported import import_annotations
    from pipeline.training.review import make_task, write_tasks

    texts = ["The board noted the following points on the estate:", "## Fleet and estates",
             "The board agreed the custody plan.", "Finance update"]
    rows = [SentenceRow(f"board/{i}.md", i, 0, len(t), "4. Estates", "note", 0.5, t) for i, t in enumerate(texts)]
    tasks = tmp_path / "tasks.jsonl"
    write_tasks((make_task(r) for r in rows), tasks)
    n, skipped = import_annotations(tasks, "prodigy", tmp_path / "review.jsonl", strict=False)
    assert n == len(texts) and not skipped.bad
    import spacy

    from pipeline.nlp.extensions import register_extensions
    from pipeline.training.convert import record_docs

    register_extensions()
    blank = spacy.blank("en")
    for line, text in zip((tmp_path / "review.jsonl").read_text().splitlines(), texts):
        rec = json.loads(line)
        (s,) = rec["sentences"]
        assert rec["text"][s["start"]:s["end"]] == text and s["item"] == "4. Estates"
        if text not in ("Finance update", "## Fleet and estates"):  # headings: imported whole; conversion
            # reads them as headings (no sentence), as extraction now does
            assert len(list(record_docs(blank, rec))) == 1  # training conversion finds it again


def test_a_bad_line_is_reported_and_skipped_unless_strict(tmp_path):
    from pipeline.training.imported import import_annotations
    from pipeline.training.importers import AnnotationError

    good = {"text": "The board agreed the custody plan.", "label": "decision"}
    lines = [json.dumps(good), "{not json", json.dumps({"text": "x.", "label": "urgent"}), json.dumps(good)]
    exp = tmp_path / "answers.jsonl"
    exp.write_text("\n".join(lines) + "\n")
    n, skipped = import_annotations(exp, "prodigy", tmp_path / "out.jsonl", strict=False)
    assert n == 2 and len(skipped.bad) == 2
    assert skipped.bad[0].startswith(f"{exp}:2: not valid JSON") and skipped.bad[1].startswith(f"{exp}:3: unknown")
    with pytest.raises(AnnotationError, match=":2: not valid JSON"):
        import_annotations(exp, "prodigy", tmp_path / "strict.jsonl", strict=True)
    assert not (tmp_path / "strict.jsonl").exists()
    res = subprocess.run([sys.executable, "-m", "pipeline", "import-annotations", str(exp), "--format", "prodigy",
                          "--out", str(tmp_path / "cli.jsonl")], capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0 and f"{exp}:2:" in res.stderr and f"{exp}:3:" in res.stderr
    assert "2 bad tasks skipped" in res.stderr and len((tmp_path / "cli.jsonl").read_text().splitlines()) == 2
