"""PDF, Word and standard input give the same tables as the equivalent text.

The PDF (reportlab) and DOCX (python-docx) files are generated here, at test time, from our
fixtures and from the seed pages in ../shared: every attendance list or pipe table becomes a real
table, every other line a paragraph (long ones wrap in the PDF, so line joining is tested too).
"""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.scoring import read_gold, score
from pipeline.ingest import IngestError, read_page
from pipeline.ingest.unwrap import join_broken_lines
from pipeline.layout.attendance import APOLOGIES_RE, LIST_START_RE, SEPARATOR_RE, cells
from pipeline.layout.body import item_heading
from pipeline.layout.people import parse_person, split_people, strip_bullet

FIXTURES = Path(__file__).parent / "fixtures"
TEXTS = sorted(FIXTURES.glob("*.txt"))
REPO = Path(__file__).resolve().parents[1]


# --- rendering our text as blocks: ("p", line) or ("table", rows) -------------------------------

def _person_row(text: str) -> list[str]:
    p = parse_person(strip_bullet(text))
    if p is None:
        return [strip_bullet(text), ""]
    who = " ".join([p.rank, p.name] + [f"({n})" for n in p.notes]).strip()
    return [who, p.role]


def blocks(text: str) -> list[tuple[str, object]]:
    """The page as paragraphs and tables: pipe rows and 'Present:' style lists become tables."""
    out: list[tuple[str, object]] = []
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "|" in ln:
            rows: list[list[str]] = []
            while i < len(lines) and "|" in lines[i]:
                if not SEPARATOR_RE.match(lines[i]):
                    row = cells(lines[i])
                    if rows and len(rows[-1]) < len(rows[0]):  # a row wrapped onto two lines
                        rows[-1] += row
                    else:
                        rows.append(row)
                i += 1
            width = max(len(r) for r in rows)
            out.append(("table", [r + [""] * (width - len(r)) for r in rows]))
            continue
        start = LIST_START_RE.match(strip_bullet(ln))
        if start:
            label = ln[: ln.index(":") + 1] if ":" in ln else ln
            people = [_person_row(p) for p in split_people(start.group("rest") or "")]
            i += 1
            while i < len(lines) and not (APOLOGIES_RE.match(strip_bullet(lines[i])) or item_heading(lines[i])
                                          or LIST_START_RE.match(strip_bullet(lines[i])) or "|" in lines[i]):
                people.append(_person_row(lines[i]))
                i += 1
            out.append(("p", label))
            if people:
                out.append(("table", [["Name", "Role"]] + people))
            continue
        out.append(("p", ln))
        i += 1
    return out


def write_pdf(text: str, path: Path) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    from xml.sax.saxutils import escape

    style = getSampleStyleSheet()["Normal"]
    style.spaceAfter = 6
    story = []
    for kind, value in blocks(text):
        if kind == "p":
            story.append(Paragraph(escape(value), style))
        else:
            table = Table([[Paragraph(escape(c), style) for c in row] for row in value], colWidths=[220, 220])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def write_docx(text: str, path: Path) -> Path:
    from docx import Document

    doc = Document()
    for kind, value in blocks(text):
        if kind == "p":
            if re.match(r"^[•\-*–]\s", value):
                doc.add_paragraph(strip_bullet(value), style="List Bullet")
            else:
                doc.add_paragraph(value)
        else:
            table = doc.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    doc.save(str(path))
    return path


# --- running the pipeline once per folder -------------------------------------------------------

def rows(out: Path, name: str) -> list[dict]:
    with open(out / f"{name}.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def tables(out: Path, stem_of) -> dict[str, object]:
    """What must agree across formats, keyed by the page's stem."""
    meetings = {stem_of(r["source"]): (r["meeting_date"], r["next_meeting_date"], r["n_attendees"])
                for r in rows(out, "meetings")}
    people = sorted((stem_of(r["source"]), r["rank"], r["name"], r["role"], r["is_chair"])
                    for r in rows(out, "attendees"))
    items = sorted((kind, stem_of(r["source"]), _norm(r["text"]), r["owner"], r["due_date"])
                   for kind in ("decisions", "actions") for r in rows(out, kind))
    updates = sorted((stem_of(r["source"]), r["action_id"], r["status"], r["due_date"])
                     for r in rows(out, "action_updates"))
    return {"meetings": meetings, "attendees": people, "items": items, "updates": updates}


def _stem(source: str) -> str:
    return Path(source).stem


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, nlp):
    """Our fixtures as text, PDF and DOCX, each folder run through ``extract``."""
    base = tmp_path_factory.mktemp("formats")
    result = {}
    for fmt in ("txt", "pdf", "docx"):
        folder = base / fmt
        folder.mkdir()
        for src in TEXTS:
            text = src.read_text(encoding="utf-8")
            target = folder / f"{src.stem}.{fmt}"
            writer = {"txt": lambda t, p: p.write_text(t, encoding="utf-8"), "pdf": write_pdf, "docx": write_docx}
            writer[fmt](text, target)
        out = base / f"out-{fmt}"
        summary = extract([folder], out, nlp, warn=lambda m: None)
        assert not summary.errors, summary.errors
        result[fmt] = (folder, out)
    return result


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("table", ["meetings", "attendees", "items", "updates"])
def test_pdf_and_docx_give_the_same_tables_as_text(rendered, fmt, table):
    want = tables(rendered["txt"][1], _stem)[table]
    got = tables(rendered[fmt][1], _stem)[table]
    assert got == want


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_attendance_table_comes_out_as_pipe_rows(rendered, fmt):
    page = read_page(rendered[fmt][0] / f"numbered_resolved.{fmt}", f"numbered_resolved.{fmt}")
    lines = page.text.splitlines()
    header = lines.index("Name | Role |")
    assert lines[header + 1] == "---|---|"
    assert "CC Helen Marsh (Chair) |  |" in lines  # no role written for her in the list
    assert "Mr Colin Baird | Chief Finance Officer |" in lines


def test_pdf_wrapped_paragraphs_are_joined(rendered):
    page = read_page(rendered["pdf"][0] / "present_paragraph.pdf", "present_paragraph.pdf")
    para = next(ln for ln in page.text.splitlines() if ln.startswith("Ch/Supt Lowe"))
    assert para.endswith("before the next meeting.")


def test_docx_keeps_document_order(rendered):
    text = read_page(rendered["docx"][0] / "bullets.docx", "bullets.docx").text
    assert text.index("Date: 14/03/2025") < text.index("Name | Role |") < text.index("Apologies: ACC Bell")
    assert "• Decision: The board endorsed the disposal of the depot site." in text.splitlines()


# --- seeds: PDF and DOCX score as the text does -------------------------------------------------

def _score(gold: Path, out: Path) -> dict:
    return score(read_gold([gold]), out)


def _figures(res: dict) -> dict[str, float]:
    return {"items": res["items"]["micro"]["f1"], "attendees": res["attendees"]["f1"],
            "updates": res["action_updates"]["f1"], "meetings": res["meeting_fields_accuracy"] or 0.0,
            "owner": res["owner_accuracy"] or 0.0, "due": res["due_accuracy"] or 0.0}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_seeds_as_pdf_and_docx_score_as_text(shared, nlp, tmp_path, fmt):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    gold_rows = [json.loads(ln) for ln in (shared / "gold" / "seeds.jsonl").read_text().splitlines() if ln.strip()]
    gold_fmt = tmp_path / "gold.jsonl"  # the same gold, naming the rendered files
    gold_fmt.write_text("".join(json.dumps({**g, "source": str(Path(g["source"]).with_suffix(f".{fmt}"))}) + "\n"
                                for g in gold_rows))
    folder = tmp_path / fmt
    folder.mkdir()
    for s in seeds:
        (write_pdf if fmt == "pdf" else write_docx)(s.read_text(encoding="utf-8"), folder / f"{s.stem}.{fmt}")
    out_text, out_fmt = tmp_path / "out-txt", tmp_path / f"out-{fmt}"
    extract(seeds, out_text, nlp, warn=lambda m: None)
    extract([folder], out_fmt, nlp, warn=lambda m: None)
    base, got = _figures(_score(shared / "gold" / "seeds.jsonl", out_text)), _figures(_score(gold_fmt, out_fmt))
    for key in base:
        assert abs(got[key] - base[key]) <= 0.02, (key, base, got)


# --- errors and standard input ------------------------------------------------------------------

def test_encrypted_pdf_is_an_ingest_error(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", strength=128))
    c.drawString(72, 720, "Minutes of the meeting")
    c.save()
    with pytest.raises(IngestError, match="encrypted"):
        read_page(path, "locked.pdf")


@pytest.mark.parametrize("name,data,message", [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "corrupt|no text"),
    ("empty.docx", b"", "empty"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "corrupt"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, r"\.doc"),
])
def test_bad_pdf_and_docx_are_ingest_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read_page(path, name)


def test_image_only_pdf_says_it_has_no_text(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 200, 200, fill=1)
    c.save()
    with pytest.raises(IngestError, match="no text layer"):
        read_page(path, "scan.pdf")


def test_stdin_is_read_as_one_page(tmp_path):
    text = (FIXTURES / "bullets.txt").read_bytes()
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "--out", str(out), "-q"],
                         input=text, capture_output=True, cwd=REPO)
    if run.returncode == 2 and b"model" in run.stderr.lower():
        pytest.skip("no trained model")
    assert run.returncode == 0, run.stderr.decode()
    assert {r["source"] for r in rows(out, "meetings")} == {"<stdin>"}
    assert rows(out, "meetings")[0]["meeting_date"] == "2025-03-14"


def test_stdin_pdf_is_recognised_by_its_content(tmp_path, monkeypatch):
    import io

    pdf = write_pdf((FIXTURES / "bullets.txt").read_text(encoding="utf-8"), tmp_path / "b.pdf").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pdf)))
    page = read_page(Path("-"), "-")
    assert page.source == "<stdin>"
    assert "Name | Role |" in page.text


def test_broken_lines_are_joined_but_not_structure():
    text = ("The board asked that the report\nbe noted.\nDecision:\nthe board agreed.\n"
            "Name | Role |\n---|---|\n• first bullet\n• second bullet\n1. Finance update\nApologies")
    assert join_broken_lines(text).split("\n") == [
        "The board asked that the report be noted.", "Decision:", "the board agreed.", "Name | Role |", "---|---|",
        "• first bullet", "• second bullet", "1. Finance update", "Apologies"]
