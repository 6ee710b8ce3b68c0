"""PDF minutes (pdfplumber): the text layer read from word positions, with ruled tables rendered
as ``cell | cell |`` rows.

Councils' PDFs are laid out for print, so the page is read as a reader would:

- page furniture is found per document and set aside (``Page.set_aside``): lines in the top or
  bottom band of the page that repeat on other pages (digits aside: 'Page 3', dates), page-number
  lines ('Page 2 of 5', 'Minutes – 4 May – Page 2', a bare number) and signature lines
  ('Signed ______ Dated ______'). A repeated heading at the top is kept once (its first time:
  the minutes' own heading, often with the meeting date) and set aside on every later page;
- words are grouped into printed lines, and a line is split where a wide gap stands between its
  words. Rows whose pieces line up in columns are a borderless table (``tables.find_grid``):
  side-by-side lists ('Present:' | 'Apologies:') are read column by column, other tables become
  ``cell | cell |`` rows. A short piece alone at the right margin is an owner column ('Clerk'):
  the paragraph it stands beside is emitted as ``sentence | Owner |``;
- lines wrapped at the right margin are joined back into their paragraph (the next line's first
  word would not have fitted after it and the two sit at line spacing), also across a page break
  once the furniture between them is gone; an unmapped glyph ('(cid:127)') opening a line is a bullet.
"""
from __future__ import annotations

import io
import re
from collections import Counter

from .errors import IngestError
from .page import Page, SetAside
from .tables import Row, clean_cell, find_grid, grid_lines, layout_table, merge_markers
from .unwrap import continues, is_structural, join_broken_lines

_PAGE_NO_RE = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+(?:of|/)\s+\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.I)
_PAGE_REF_RE = re.compile(r"\bpage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\b", re.I)
_SIGNATURE_RE = re.compile(r"_{4,}|\.{6,}|…{2,}|(?:[.…]\s?){6,}")
_SIGNED_RE = re.compile(r"^(?:signed|signature|dated?|chair(?:man|person)?|name|position)\b", re.I)
_BLANK_PAGE_RE = re.compile(r"^(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?(?:intentionally|deliberately)\s+(?:left\s+)?blank\.?$", re.I)
# A line that stops on a comma or a joining word has not finished its sentence.
_OPEN_END_RE = re.compile(r"(?:,|\b(?:and|or|of|the|to|for|with|by|&))$")
_DIGITS = re.compile(r"\d+")
_WS = re.compile(r"\s+")
# A glyph the font maps to no character: at a line's start it is a bullet symbol.
_LEADING_CID_RE = re.compile(r"^\(cid:\d+\)\s*")
_BAND = 0.12  # the top and bottom 12% of a page is where running headers and footers stand
_OWNER_X = 0.68  # a right-margin cell starts past this share of the page width
_OWNER_WORDS = 5


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _rows(words: list[dict]) -> list[Row]:
    """Words grouped into printed lines (same baseline), split into segments at wide gaps."""
    rows: list[Row] = []
    line: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if line and abs(w["top"] - line[0]["top"]) > 0.5 * max(w["bottom"] - w["top"], 1.0):
            rows.append(_row(line))
            line = []
        line.append(w)
    if line:
        rows.append(_row(line))
    return rows


def _row(words: list[dict]) -> Row:
    words = sorted(words, key=lambda w: w["x0"])
    size = max(w.get("size", w["bottom"] - w["top"]) for w in words)
    gap = max(1.5 * size, 8.0)
    segs: list[tuple[float, float, str]] = []
    prev: dict | None = None
    for w in words:
        text = w["text"]
        if segs and prev is not None and w["x0"] - segs[-1][1] <= gap:
            x0, _, t = segs[-1]
            small = w.get("size", size) < 0.8 * prev.get("size", size) and w["x0"] - prev["x1"] < 0.15 * size
            segs[-1] = (x0, w["x1"], f"{t}{'' if small else ' '}{text}")  # a superscript ('8th') ends its word
        else:
            segs.append((w["x0"], w["x1"], text))
        prev = w
    segs = [(a, b, _LEADING_CID_RE.sub("• ", _WS.sub(" ", t).strip())) for a, b, t in segs]
    row = Row(top=min(w["top"] for w in words), bottom=max(w["bottom"] for w in words), segs=segs,
              first_word=words[0]["x1"] - words[0]["x0"])
    merge_markers(row)
    return row


def _furniture(pages: list[tuple[float, list[Row]]]) -> dict[tuple[int, int], str]:
    """(page, row) -> role of the rows that are page furniture (see the module docstring)."""
    def band(height: float, row: Row) -> str:
        return "top" if row.top < _BAND * height else "bottom" if row.bottom > (1 - _BAND) * height else ""

    def key(row: Row) -> str:
        return _DIGITS.sub("#", _WS.sub(" ", row.text).strip())

    seen: Counter[str] = Counter()
    for height, rows in pages:
        seen.update({key(r) for r in rows if band(height, r)})
    out: dict[tuple[int, int], str] = {}
    kept: set[str] = set()
    for p, (height, rows) in enumerate(pages):
        for i, row in enumerate(rows):
            text, where = row.text.strip(), band(height, row)
            if _is_signature(text):
                out[(p, i)] = "signature"
            elif where and (_PAGE_NO_RE.match(text) or (_PAGE_REF_RE.search(text) and len(text.split()) <= 12)):
                out[(p, i)] = "page_furniture"
            elif where and len(pages) > 1 and seen[key(row)] >= 2 and len(text) <= 120:
                if where == "top" and key(row) not in kept:
                    kept.add(key(row))  # the first time it is the minutes' own heading
                    continue
                out[(p, i)] = "page_furniture"
    return out


def _is_signature(text: str) -> bool:
    """A line to sign on: a rule of dots or underscores, opened by nothing or by 'Signed', 'Chair',
    'Date' (a contents line, 'Apologies ...... 3', opens with its item)."""
    m = _SIGNATURE_RE.search(text)
    if not m or len(_SIGNATURE_RE.sub(" ", text).split()) > 6:
        return False
    before = text[:m.start()].strip(" :")
    return not before or bool(_SIGNED_RE.match(before))


def _owner(row: Row, left: float, width: float) -> None:
    """Move a short right-margin cell ('Clerk', 'Cllr. A. Jones') out of the sentence into ``owner``;
    a number there (a contents page's page number, an amount) stays part of the line."""
    if len(row.segs) != 2:
        return
    (b0, _, body), (o0, o1, text) = row.segs
    if o0 < _OWNER_X * width or b0 - left > 30 or len(text.split()) > _OWNER_WORDS:
        return
    if re.search(r"[A-Za-z]", text):
        row.owner = text
        row.segs = row.segs[:1]
    else:
        row.segs = [(b0, o1, f"{body} {text}")]


def _wrapped(line: Row, nxt: Row, right: float) -> bool:
    """``nxt`` continues ``line``'s paragraph: its first word would not fit after ``line``."""
    height = max(line.bottom - line.top, 1.0)
    if nxt.top - line.bottom > 0.45 * height or is_structural(nxt.text) or line.text.rstrip().endswith(":"):
        return False
    return line.x1 + height * 0.3 + nxt.first_word > right or bool(_OPEN_END_RE.search(line.text))


def _full(line: Row, right: float) -> bool:
    """``line`` runs to the right margin (so a line after it, even on the next page, may continue it)."""
    return line.x1 + max(line.bottom - line.top, 1.0) * 3 > right


class _Para:
    """A paragraph being built from printed lines; ``owner`` is its right-margin cell."""

    def __init__(self, top: float, text: str, owner: str = "", table: bool = False) -> None:
        self.top, self.text, self.owner, self.table = top, text, owner, table
        self.full = False  # its last line runs to the right margin

    def render(self) -> str:
        return f"{clean_cell(self.text)} | {clean_cell(self.owner)} |" if self.owner else self.text


def _page_paras(page, rows: list[Row], drop: set[int], tables, set_aside: list[SetAside], p: int) -> list[_Para]:
    """The page's paragraphs and table rows in reading order."""
    rows = [r for i, r in enumerate(rows) if i not in drop and r.text.strip()]
    left = min((r.x0 for r in rows), default=0.0)
    for r in rows:
        _owner(r, left, page.width)
    right = max([page.width - left] + [r.x1 for r in rows]) - 1.0
    out: list[_Para] = []
    prev: Row | None = None
    i = 0
    while i < len(rows):
        end, cols = find_grid(rows, i)
        if cols:
            out += [_Para(rows[i].top + k * 1e-3, line, table=True) for k, line in enumerate(grid_lines(rows[i:end], cols))]
            prev, i = None, end
            continue
        row = rows[i]
        if row.owner and re.match(r"signed\b", row.owner, re.I):  # 'Signed by the Chair' is no owner
            set_aside.append(SetAside(row.owner, "signature", f"page {p + 1}"))
            row.owner = ""
        text = row.text
        last = out[-1] if out else None
        if prev is not None and last and not last.table and (_wrapped(prev, row, right) or continues(last.text, text)):
            last.text += " " + text
            last.owner = " / ".join(o for o in (last.owner, row.owner) if o)
        else:
            out.append(_Para(row.top, text, row.owner))
        prev = row
        i += 1
    for t in tables:
        out += [_Para(t.bbox[1] + k * 1e-3, line, table=True) for k, line in enumerate(_ruled_lines(t.extract()))]
    out.sort(key=lambda para: para.top)
    if rows and out and not out[-1].table:
        out[-1].full = _full(rows[-1], right) and not out[-1].owner
    return out


def _ruled_lines(rows: list[list[str | None]]) -> list[str]:
    """A ruled table's rows; a column with no text in any row (a spacer) is not a column."""
    width = max((len(r) for r in rows), default=0)
    keep = [i for i in range(width) if any(i < len(r) and (r[i] or "").strip() for r in rows)]
    return layout_table([[(r[i] or "") if i < len(r) else "" for i in keep] for r in rows])


def _read(pdf) -> tuple[list[str], list[SetAside]]:
    pages, found = [], []
    for page in pdf.pages:
        tables = page.find_tables()
        boxes = [t.bbox for t in tables]
        words = [w for w in page.extract_words(extra_attrs=["size"]) if not boxes or not _inside(w, boxes)]
        pages.append((float(page.height), _rows(words)))
        found.append((page, tables))
    furniture = _furniture(pages)
    set_aside: list[SetAside] = []
    paras: list[_Para] = []
    for p, ((page, tables), (_, rows)) in enumerate(zip(found, pages)):
        drop = {i for (q, i), role in furniture.items() if q == p}
        for i in sorted(drop):
            where = "top" if rows[i].top < page.height / 2 else "bottom"
            set_aside.append(SetAside(rows[i].text, furniture[(p, i)], f"page {p + 1} {where}"))
        new = _page_paras(page, rows, drop, tables, set_aside, p)
        if new and paras and _joins_across(paras[-1], new[0]):
            paras[-1].text += " " + new[0].text
            paras[-1].owner, paras[-1].full = new[0].owner, new[0].full
            new = new[1:]
        paras += new
    lines = []
    for para in paras:
        if _BLANK_PAGE_RE.match(para.text):
            set_aside.append(SetAside(para.text, "boilerplate", "a page left blank"))
        else:
            lines.append(para.render())
    return lines, set_aside


def _joins_across(last: _Para, first: _Para) -> bool:
    """A sentence the page break cut: the last paragraph ran to the margin unfinished."""
    if last.table or first.table or last.owner or is_structural(first.text):
        return False
    return continues(last.text, first.text) or (last.full and not re.search(r"[.!?:;]$", last.text))


def pdf_read(data: bytes, source: str) -> tuple[str, list[SetAside]]:
    """The PDF's text and what was set aside (see the module docstring); ``IngestError`` for
    encrypted, corrupt or image-only files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines, set_aside = _read(pdf)
    except PDFPasswordIncorrect:
        raise IngestError(source, "encrypted PDF (password protected); cannot read its text") from None
    except Exception as exc:  # pdfminer raises many types for damaged files; pdfplumber wraps them
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        name = type(inner).__name__
        if isinstance(inner, PDFPasswordIncorrect) or "password" in name.lower() or "encrypt" in str(inner).lower():
            raise IngestError(source, "encrypted PDF (password protected); cannot read its text") from None
        raise IngestError(source, f"corrupt or unreadable PDF ({name}: {inner})"[:300]) from None
    if not lines:
        raise IngestError(source, "PDF has no text layer (a scanned image?); nothing to read")
    return join_broken_lines("\n".join(lines)) + "\n", set_aside


def pdf_to_text(data: bytes, source: str) -> str:
    """The PDF's text (see the module docstring)."""
    return pdf_read(data, source)[0]


def pdf_page(data: bytes, source: str) -> Page:
    """A PDF file's bytes as a Page."""
    text, set_aside = pdf_read(data, source)
    return Page(source=source, text=text, set_aside=set_aside)
