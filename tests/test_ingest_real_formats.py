"""Ingestion of formats as published: Markdown with front matter, PDFs laid out for print (running
headers, page numbers, borderless tables, side-by-side lists, an owner column), saved web pages
with their site navigation, and fixed-width text. Every page here is invented and built at test
time; the PDFs are drawn word by word with reportlab, so their layout is exactly what is asserted."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import Page, SetAside, html_to_text, read_page

# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: Harbour Safety Panel
date: 2031-04-09
layout: minutes
---

# Harbour Safety Panel

## Attendance

| Member | Role |
| --- | --- |
| Ines Varga | **Chair** |
| Tomas Lindqvist | *Harbour Master* |

## 1. Moorings

The panel **agreed** to replace the north pontoon
before the *summer* season.

- Tomas Lindqvist to obtain three quotes
- Ines Varga to brief the trustees

```json
{"pontoon": "north", "budget": 12000}
```

<div class="note"><p>Decision: the <strong>mooring fees</strong> stay at <em>last year's</em> rate.</p></div>
"""


@pytest.fixture()
def md_page(tmp_path: Path) -> Page:
    path = tmp_path / "panel.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return read_page(path, "panel.md")


def test_markdown_markup_never_reaches_the_text(md_page: Page) -> None:
    text = md_page.text
    for mark in ("#", "|---", "| ---", "**", "{", "<p>", "<strong>", "```", "layout:"):
        assert mark not in text, mark
    lines = text.splitlines()
    assert lines[:2] == ["Harbour Safety Panel", "Attendance"]
    assert "Member | Role |" in lines and "Ines Varga | Chair |" in lines
    assert "Tomas Lindqvist | Harbour Master |" in lines
    assert "1. Moorings" in lines


def test_markdown_paragraphs_lists_and_html_are_lines(md_page: Page) -> None:
    lines = md_page.text.splitlines()
    assert "The panel agreed to replace the north pontoon before the summer season." in lines
    assert "- Tomas Lindqvist to obtain three quotes" in lines
    assert "Decision: the mooring fees stay at last year's rate." in lines


def test_markdown_front_matter_and_code_are_set_aside(md_page: Page) -> None:
    assert md_page.meta["title"] == "Harbour Safety Panel"
    assert md_page.meta["date"] == "2031-04-09"
    roles = {s.role: s.text for s in md_page.set_aside}
    assert '"budget": 12000' in roles["code_block"]
    assert "layout: minutes" in roles["front_matter"]


def test_markdown_minutes_kept_in_front_matter_are_the_body(tmp_path: Path) -> None:
    path = tmp_path / "sig.md"
    path.write_text("---\ntitle: Spring meeting\nstart: 2031-05-02T10:00:00.000Z\nminutes: >-\n"
                    "  ### Actions\n\n\n  1. Pia Moretti to circulate the audit \\[new]\n---\n", encoding="utf-8")
    page = read_page(path, "sig.md")
    assert page.text.splitlines() == ["Actions", "1. Pia Moretti to circulate the audit [new]"]
    assert page.meta["date"] == "2031-05-02"


# --- PDF: drawn word by word --------------------------------------------------------------------

def _pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """A PDF whose pages hold the given (x, y, text) strings (y from the bottom, Letter size)."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter)
    for strings in pages:
        c.setFont("Helvetica", 10)
        for x, y, text in strings:
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


def test_pdf_borderless_table_becomes_pipe_rows(tmp_path: Path) -> None:
    rows = [("Name", "Role"), ("Supt Ava Quill", "Head of Estates"), ("Mr Jon Rudd", "Treasurer"),
            ("Dr Lena Okafor", "Public Health Adviser")]
    strings = [(72, 700, "Valley Fire Authority - minutes of 2 June 2031")]
    for i, (name, role) in enumerate(rows):
        strings += [(72, 670 - 15 * i, name), (300, 670 - 15 * i, role)]
    strings.append((72, 590, "The authority approved the revised budget."))
    page = read_page(_pdf(tmp_path / "t.pdf", [strings]), "t.pdf")
    lines = page.text.splitlines()
    start = lines.index("Name | Role |")
    assert lines[start + 1] == "---|---|"
    assert lines[start + 2:start + 5] == ["Supt Ava Quill | Head of Estates |", "Mr Jon Rudd | Treasurer |",
                                          "Dr Lena Okafor | Public Health Adviser |"]
    assert lines[-1] == "The authority approved the revised budget."
    from pipeline.layout import parse_minutes

    text = "Valley Fire Authority - minutes of 2 June 2031\n" + "".join(f"{n} | {r} |\n" for n, r in rows) \
        + "The authority approved the revised budget.\n"
    people = lambda m: [(a.rank, a.name, a.role) for a in m.attendees]  # noqa: E731
    assert people(parse_minutes(page)) == people(parse_minutes(Page("t.txt", text))) != []


def test_pdf_running_header_and_page_numbers_are_set_aside_and_cut_sentence_joined(tmp_path: Path) -> None:
    header = "Coastal Rescue Board - 14 March 2031"
    page1 = [(72, 750, header), (72, 700, "1. Training"),
             (72, 680, "The board noted the winter exercise results."),
             (72, 665, "The training lead said that more detailed reports would"), (280, 40, "Page 1 of 2")]
    page2 = [(72, 750, header), (72, 700, "be prepared for the June meeting."),
             (72, 680, "2. Any other business"), (72, 665, "There was none."), (280, 40, "Page 2 of 2")]
    page = read_page(_pdf(tmp_path / "r.pdf", [page1, page2]), "r.pdf")
    lines = page.text.splitlines()
    assert "The training lead said that more detailed reports would be prepared for the June meeting." in lines
    assert lines.count(header) == 1  # kept once, as the minutes' heading
    assert not any("Page" in ln for ln in lines)
    aside = [(s.role, s.text) for s in page.set_aside]
    assert ("page_furniture", "Page 1 of 2") in aside and ("page_furniture", "Page 2 of 2") in aside
    assert ("page_furniture", header) in aside
    assert all(isinstance(s, SetAside) and s.where.startswith("page ") for s in page.set_aside)


def test_pdf_side_by_side_lists_come_out_column_by_column(tmp_path: Path) -> None:
    left = ["Present:", "Cllr Rosa Engel (Chair)", "Cllr Idris Mowbray", "Cllr Hana Sato"]
    right = ["Apologies:", "Cllr Piet de Wit", "Cllr Mona Achebe"]
    strings = [(72, 720, "Upland Parish Council")]
    strings += [(72, 690 - 15 * i, t) for i, t in enumerate(left)]
    strings += [(320, 690 - 15 * i, t) for i, t in enumerate(right)]
    strings.append((72, 600, "The minutes of the last meeting were approved."))
    lines = read_page(_pdf(tmp_path / "c.pdf", [strings]), "c.pdf").text.splitlines()
    assert lines[1:8] == left + right
    assert not any("|" in ln for ln in lines)


def test_pdf_owner_at_the_right_margin_is_a_cell(tmp_path: Path) -> None:
    strings = [(72, 720, "4. Footpaths"),
               (72, 705, "The broken stile near the mill had been reported and the council"),
               (72, 690, "would write to the landowner."), (520, 690, "Clerk"),
               (72, 670, "5. Planning"), (72, 655, "No applications were received.")]
    lines = read_page(_pdf(tmp_path / "o.pdf", [strings]), "o.pdf").text.splitlines()
    assert ("The broken stile near the mill had been reported and the council would write to the landowner. | Clerk |"
            in lines)
    assert "No applications were received." in lines


def test_pdf_signature_line_is_set_aside(tmp_path: Path) -> None:
    strings = [(72, 720, "Meadow Trust - minutes"), (72, 700, "The meeting closed at 8.40pm."),
               (72, 660, "Signed ____________________ Dated ____________")]
    page = read_page(_pdf(tmp_path / "s.pdf", [strings]), "s.pdf")
    assert "Signed" not in page.text
    assert [s.role for s in page.set_aside] == ["signature"]


# --- saved web pages ----------------------------------------------------------------------------

SITE_MENU = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in
                    ("Home", "Council", "Services", "Events", "Contact", "Planning"))


def test_html_main_content_only(tmp_path: Path) -> None:
    markup = (f"<html><head><title>Minutes 3 May 2031 - Lakeside Township</title></head><body>"
              f"<div class='menu'><ul>{SITE_MENU}</ul></div><div class='mobile'><ul>{SITE_MENU}</ul></div>"
              "<div id='content' role='main'><article><header><h1>Minutes of Council</h1></header>"
              "<p>Present: Mayor Olga Brandt and Councillor Eli Novak.</p>"
              "<p>R2031-07 That the road budget be approved. Carried.</p></article></div>"
              "<aside><h3>Weather</h3><p>Sunny spells</p></aside><footer>© Lakeside</footer></body></html>")
    path = tmp_path / "m.html"
    path.write_text(markup, encoding="utf-8")
    page = read_page(path, "m.html")
    assert page.text.splitlines() == ["Minutes of Council", "Present: Mayor Olga Brandt and Councillor Eli Novak.",
                                      "R2031-07 That the road budget be approved. Carried."]
    assert page.meta["title"] == "Minutes 3 May 2031 - Lakeside Township"
    aside = " ".join(s.text for s in page.set_aside if s.role == "navigation")
    assert "Planning" in aside and "Sunny spells" in aside


def test_html_without_main_drops_link_dense_blocks() -> None:
    markup = (f"<body><ul>{SITE_MENU}</ul><h1>Board minutes</h1>"
              "<p>The board approved the plan; see <a href='/p'>the plan</a> for details.</p>"
              "<table><tr><td>Ann Fry</td><td>Chair</td></tr></table></body>")
    assert html_to_text(markup).splitlines() == [
        "Board minutes", "The board approved the plan; see the plan for details.", "Ann Fry | Chair |", "---|---|"]


# --- fixed-width text ---------------------------------------------------------------------------

def test_fixed_width_text_unwrapped_and_page_lines_set_aside(tmp_path: Path) -> None:
    body = ("The district board met in the main hall and heard from the operations chief about\n"
            "Station 4. The station reopened after repairs and the crews returned on Monday.\n\n")
    text = "Ridge Fire District - Board Minutes\n\n" + body * 6 + "3.4.2031 Board Minutes       Page 2 of 3\f\n" + body * 6
    path = tmp_path / "w.txt"
    path.write_text(text, encoding="utf-8")
    page = read_page(path, "w.txt")
    assert ("The district board met in the main hall and heard from the operations chief about Station 4. "
            "The station reopened after repairs and the crews returned on Monday.") in page.text.splitlines()
    assert "Page 2" not in page.text
    assert [s.role for s in page.set_aside] == ["page_furniture"]


def test_markdown_structure_yields_no_items_end_to_end(nlp, tmp_path: Path) -> None:
    """Front matter, headings, the table and the JSON block give no decision or action; the
    sentences of the page do, and the front matter's date is the meeting's."""
    import csv

    from pipeline.extract import extract

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "panel.md").write_text(MARKDOWN, encoding="utf-8")
    extract([tmp_path / "in"], tmp_path / "out", nlp, warn=lambda m: None)

    def rows(table: str) -> list[dict]:
        with open(tmp_path / "out" / f"{table}.csv", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    items = [r["text"] for r in rows("decisions") + rows("actions")]
    assert items and not any(mark in text for text in items for mark in ("#", "|", "{", "---", "**", "<"))
    assert all(r["text"] not in ("Harbour Safety Panel", "Attendance", "1. Moorings") for r in rows("sentences"))
    assert rows("meetings")[0]["meeting_date"] == "2031-04-09"
    assert {r["role"] for r in rows("set_aside")} >= {"front_matter", "code_block"}


def test_every_suffix_a_reader_takes_is_found_in_a_folder(tmp_path: Path) -> None:
    from pipeline.ingest import iter_inputs

    names = ["a.markdown", "b.md", "c.xhtml", "d.htm", "e.txt", "f.csv"]
    for name in names:
        (tmp_path / name).write_text("Board minutes\nThe board met.\n", encoding="utf-8")
    assert sorted(source for _, source in iter_inputs([tmp_path])) == names[:-1]
