"""Hand-written annotated pages (training_data/written/FORMAT.md) -> training records and gold.

A page is plain minutes text with ``%% key: value`` header lines and inline labels
``[[D owner="Clerk": sentence]]``. The labels are joined to the sentences of the layout stage,
so a training record holds exactly the sentences extraction will see; a label the layout does
not find as one sentence is reported, so the writer can fix the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.page import Page
from pipeline.layout import parse_minutes
from pipeline.layout.body import OWNERS_SENTENCE_RE, joins_above
from pipeline.layout.model import Minutes, Sentence

ITEM_LABELS = ("decision", "action")
LAYOUT = "written"
_TYPES = {"D": ("decision", None), "A": ("action", None), "D>A": ("decision", "action"),
          "A>D": ("action", "decision"), "N>D": ("note", "decision"), "N>A": ("note", "action")}
_LABEL_RE = re.compile(r'\[\[(D>A|A>D|N>D|N>A|D|A)((?:\s+[a-z_]+="[^"]*")*)\s*:\s?(.*?)\]\]', re.S)
_FIELD_RE = re.compile(r'([a-z_]+)="([^"]*)"')
_HEADER_RE = re.compile(r"^%%\s*([a-z_]+)\s*:\s?(.*)$")
_REPEATED = ("attendee", "update")
_GOLD_MAX, _GOLD_MIN = 60, 30


class WrittenError(ValueError):
    pass


@dataclass
class Span:
    """One labelled sentence: offsets into the clean page text and its annotations."""
    start: int
    end: int
    label: str
    alt: str | None
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def owner(self) -> list[str] | None:
        forms = [o.strip() for o in self.fields.get("owner", "").split("|") if o.strip()]
        return forms or None

    @property
    def due(self) -> str | None:
        return self.fields.get("due") or None

    @property
    def action_id(self) -> str:
        return self.fields.get("id", "")


@dataclass
class WrittenPage:
    name: str  # file name, the gold's ``source``
    text: str  # the page without header lines and label brackets
    header: dict
    spans: list[Span]

    @property
    def split(self) -> str:
        return self.header.get("split") or "train"


def parse_written(raw: str, name: str = "page.txt") -> WrittenPage:
    """Splits header lines from the page and strips the inline labels, keeping their offsets."""
    lines = raw.splitlines(keepends=True)
    header: dict = {k: [] for k in _REPEATED}
    n = 0
    while n < len(lines) and lines[n].startswith("%%"):
        m = _HEADER_RE.match(lines[n].rstrip("\r\n"))
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key in _REPEATED:
                header[key].append(value)
            else:
                header[key] = value
        n += 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    body = "".join(lines[n:])
    out, spans, pos = [], [], 0
    length = 0
    for m in _LABEL_RE.finditer(body):
        out.append(body[pos:m.start()])
        length += m.start() - pos
        label, alt = _TYPES[m.group(1)]
        sentence = m.group(3)
        fields = dict(_FIELD_RE.findall(m.group(2)))
        spans.append(Span(length, length + len(sentence), label, alt, fields))
        out.append(sentence)
        length += len(sentence)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        bad = text[max(0, text.find("[[")):][:60] if "[[" in text else text[:text.find("]]") + 2][-60:]
        raise WrittenError(f"{name}: malformed label near {bad!r}")
    if not header.get("id"):
        raise WrittenError(f"{name}: header lacks '%% id: ...'")
    return WrittenPage(name, text, header, spans)


_MARKER_BEFORE = re.compile(r"\s*(?:\(?[A-Za-z0-9]{1,4}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[-\u2022*\u2013]|[^\n]{1,80}:)?\s*")
_MARKER_AFTER = re.compile(r"[\s\W]*(?:and|or)?[\s\W]*")


def _belongs(sent: Sentence, span: Span, text: str) -> bool:
    """The sentence is the span's: it overlaps it, and what it has outside the span is at most a
    list marker or a label before ('(a)', '2.', a bullet, 'R2024-012 A. Name, B. Name:', 'Action:') or a
    joining 'and'/'; or' after."""
    if not (sent.char_start < span.end and span.start < sent.char_end):
        return False
    before = text[sent.char_start:span.start] if sent.char_start < span.start else ""
    after = text[span.end:sent.char_end] if span.end < sent.char_end else ""
    if _one_cell(before, after):
        return True
    tail_ok = bool(_MARKER_AFTER.fullmatch(after)) or _is_attribute(after)
    return bool(_MARKER_BEFORE.fullmatch(before)) and tail_ok


def _one_cell(before: str, after: str) -> bool:
    """The span is one cell of a table row ('date | <task> | owner | due |'): the key real gold uses."""
    before, after = before.strip(), after.strip()
    return (before or after) != "" and (not before or before.endswith("|")) and (not after or after.startswith("|"))


def _is_attribute(after: str) -> bool:
    """What the layout joins onto a task: 'Due: March 2025', 'Owner: Clerk', 'Action: KT/LM', a by-law's
    readings ('Read a first, second and third time and passed ...')."""
    lines = [ln.strip() for ln in after.strip().splitlines() if ln.strip()]
    return bool(lines) and all(joins_above(ln) or OWNERS_SENTENCE_RE.match(ln) for ln in lines)


def _span_sentences(span: Span, sentences: list[Sentence], text: str) -> tuple[list[Sentence], list[Sentence]]:
    """(the span's sentences, sentences overlapping it)."""
    inside = [s for s in sentences if _belongs(s, span, text)]
    overlap = [s for s in sentences if s.char_start < span.end and span.start < s.char_end]
    return inside, overlap


def span_warnings(page: WrittenPage, minutes: Minutes) -> list[str]:
    """One line per label that the layout stage does not find as exactly one sentence."""
    warnings = []
    for span in page.spans:
        inside, overlap = _span_sentences(span, minutes.sentences, page.text)
        words = page.text[span.start:span.end]
        if len(inside) == 1 and len(overlap) == 1:
            s = inside[0]
            rest = page.text[span.start:max(span.start, s.char_start)] + page.text[min(span.end, s.char_end):span.end]
            if not re.search(r"\w", rest):
                continue
            problem = "layout sentence is only part of it"
        elif not overlap:
            problem = "no layout sentence (header, attendance or update line?)"
        elif len(overlap) > 1:
            problem = f"layout splits it in {len(overlap)}"
        else:
            problem = "layout joins it with text outside the label"
        warnings.append(f"{page.name}: {problem}: {' '.join(words.split())[:90]}")
    return warnings


def update_warnings(page: WrittenPage, minutes: Minutes) -> list[str]:
    """Status lines the header lists but the layout does not read as updates, and the reverse."""
    given = {u["action_id"] for u in _updates(page)}
    found = {u.action_id for u in minutes.updates}
    return ([f"{page.name}: update {a} not read by the layout" for a in sorted(given - found)]
            + [f"{page.name}: layout reads an update {a} the header does not list" for a in sorted(found - given)])


def _attendees(page: WrittenPage) -> list[dict]:
    chair = (page.header.get("chair") or "").strip().lower()
    out = []
    for line in page.header["attendee"]:
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        rank, name, role = parts[:3]
        out.append({"rank": rank, "name": name, "role": role,
                    "is_chair": bool(chair) and name.split()[-1].lower() == chair if name else False})
    return out


def _updates(page: WrittenPage) -> list[dict]:
    out = []
    for line in page.header["update"]:
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        out.append({"action_id": parts[0], "status": parts[1], "due": parts[2] or None})
    return out


def _sentence_label(sent: Sentence, spans: list[Span], text: str) -> Span | None:
    return next((sp for sp in spans if _belongs(sent, sp, text)), None)


def page_minutes(page: WrittenPage) -> Minutes:
    return parse_minutes(Page(page.name, page.text))


def training_record(page: WrittenPage, minutes: Minutes | None = None) -> dict:
    """The page as a training record (training_data/README.md); ``entities`` is null: the pages
    carry no entity annotation, and convert.py leaves such Docs' entities missing."""
    minutes = minutes or page_minutes(page)
    sentences = []
    for sent in minutes.sentences:
        span = _sentence_label(sent, page.spans, page.text)
        item = span is not None and span.label in ITEM_LABELS
        sentences.append({
            "start": sent.char_start, "end": sent.char_end,
            "label": span.label if span else "note", "alt_label": span.alt if span else None,
            "context": sent.heading, "item": sent.item,
            "owner": (span.owner or []) if item else [], "due": span.due if item else None,
            "due_text": span.fields.get("due_text", "") if item else "", "recurrence": None,
            "action_id": (span.action_id or sent.action_id or None) if item else None,
        })
    h = page.header
    return {"id": h["id"], "layout": LAYOUT, "split": page.split, "body": h.get("body", ""), "text": page.text,
            "meeting_date": h.get("meeting_date") or None, "next_meeting_date": h.get("next_meeting") or None,
            "attendees": _attendees(page), "entities": None, "sentences": sentences, "updates": _updates(page)}


def gold_text(text: str) -> str:
    """The scorer's key: the sentence's first 30-60 characters, cut at a word end."""
    text = " ".join(text.split())
    if len(text) <= _GOLD_MAX:
        return text
    cut = text.rfind(" ", _GOLD_MIN, _GOLD_MAX + 1)
    return text[:cut] if cut > 0 else text[:_GOLD_MAX]


def gold_records(page: WrittenPage, minutes: Minutes | None = None) -> list[dict]:
    """The page's gold in the format ``score_minutes.py`` reads."""
    minutes = minutes or page_minutes(page)
    src, h = page.name, page.header
    meeting: dict = {"source": src, "type": "meeting", "date": h.get("meeting_date") or None}
    if h.get("next_meeting"):
        meeting["next_meeting"] = h["next_meeting"]
    attendees = _attendees(page)
    if attendees:
        meeting["attendees"] = len(attendees)
    if h.get("chair"):
        meeting["chair"] = h["chair"]
    out = [meeting]
    out += [{"source": src, "type": "attendee", "rank": a["rank"], "name": a["name"], "role": a["role"]}
            for a in attendees]
    for span in page.spans:
        if span.label not in ITEM_LABELS and span.alt not in ITEM_LABELS:
            continue
        inside, _ = _span_sentences(span, minutes.sentences, page.text)
        text = page.text[max(span.start, inside[0].char_start):inside[0].char_end] if inside else \
            page.text[span.start:span.end]
        g: dict = {"source": src, "type": span.label, "text": gold_text(text)}
        if span.alt:
            g["alt_type"] = span.alt
        if span.label in ITEM_LABELS:
            g["owner"] = span.owner
            if "due" in span.fields:
                g["due"] = span.due
            if span.action_id:
                g["action_id"] = span.action_id
        out.append(g)
    out += [{"source": src, "type": "action_update", **u} for u in _updates(page)]
    return out


def read_folder(folder: Path) -> list[WrittenPage]:
    """Every ``*.txt`` page of a folder, in name order; ids must be unique."""
    pages = [parse_written(p.read_text(encoding="utf-8"), p.name) for p in sorted(Path(folder).glob("*.txt"))]
    seen: dict[str, str] = {}
    for p in pages:
        if p.header["id"] in seen:
            raise WrittenError(f"{p.name}: id {p.header['id']!r} also used by {seen[p.header['id']]}")
        seen[p.header["id"]] = p.name
    return pages
