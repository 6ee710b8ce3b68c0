"""Property-based tests (hypothesis): any input, no unhandled exception, and every exported row's
offsets point at its text. Pages are random mixes of our own minutes' lines and fragments with
random unicode; example counts are kept modest so the suite stays fast."""
from __future__ import annotations

from datetime import date, timedelta

import jsonlines
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import REPO
from pipeline.dates import parse_date
from pipeline.export import neutralise, write_table
from pipeline.ingest import IngestError, Page
from pipeline.ingest.reader import page_from_bytes
from pipeline.layout import parse_minutes
from pipeline.linking.due_dates import find_due, normalise_due
from pipeline.records import SentenceRow, columns

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _our_lines() -> list[str]:
    lines: list[str] = []
    for n, rec in enumerate(jsonlines.open(REPO / "training_data" / "dev.jsonl")):
        if n == 8:
            break
        lines += [ln for ln in rec["text"].splitlines() if ln.strip()]
    return sorted(set(lines))


LINES = _our_lines()
FRAGMENTS = sorted({w for ln in LINES for w in ln.split(". ")} | {
    "Title: Chief Officer Board", "Date: 4 June 2024", "Venue: HQ", "Present:", "Apologies", "Actions",
    "Decisions:", "RESOLVED:", "1. Estates", "Action 3/24 - discharged", "Name | Role |", "---|---|",
    "ACC Foulds (Chair) | Ops |", "• ", "- ", "by the next meeting", "by 31 June 2024", "within 3 months",
    "Next meeting: 2 July 2024", "|", ":", ".", "(", ")", "\t", "  "})
noise = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
piece = st.one_of(st.sampled_from(LINES), st.sampled_from(FRAGMENTS), noise)
glue = st.sampled_from(["\n", "\n", " ", "\n\n", "\r\n", "", ". "])


@st.composite
def pages(draw) -> str:
    parts = draw(st.lists(st.tuples(piece, glue), min_size=1, max_size=25))
    return "".join(p + g for p, g in parts)


def as_page(text: str) -> Page | None:
    """The page the text reader makes of ``text`` saved as UTF-8, or None when it is no page."""
    try:
        return page_from_bytes(text.encode("utf-8"), "p.txt", ".txt")
    except IngestError:
        return None


def _check_offsets(minutes) -> None:
    text = minutes.text
    for s in minutes.sentences:
        assert text[s.char_start:s.char_end] == s.text, (s.char_start, s.char_end, s.text)
    for u in minutes.updates:
        assert text[u.char_start:u.char_end] == u.text


# ---------------------------------------------------------------------------------------------
# Layout


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_layout_takes_any_text(text):
    _check_offsets(parse_minutes(Page("p.txt", text)))


@FAST
@given(pages())
def test_layout_offsets_point_at_the_text(text):
    page = as_page(text)
    if page is not None:
        minutes = parse_minutes(page)
        _check_offsets(minutes)
        for role in minutes.lines:  # every line's role points at its own words
            assert role.start < 0 or page.text[role.start:role.end] == role.text


# ---------------------------------------------------------------------------------------------
# Dates

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
date_words = st.sampled_from(["27 August 2024", "18.01.22", "21st June", "the next meeting", "in three months",
                              "end of March", "next week", "Friday", "2024-02-30", "31/02/2024", "99 May",
                              "by", "within a fortnight", "every month", "quarterly", "Sept 3", "0.0.00"])
date_text = st.lists(st.one_of(date_words, noise), max_size=6).map(" ".join)


@FAST
@given(date_text, st.none() | dates, st.none() | st.integers(1900, 2100))
def test_parse_date_takes_any_text(text, base, year):
    value = parse_date(text, base=base, year=year)
    assert value is None or isinstance(value, date)


@FAST
@given(date_text, st.none() | dates, st.none() | dates)
def test_normalise_due_takes_any_text(text, meeting, next_meeting):
    value = normalise_due(text, meeting, next_meeting)
    assert value is None or isinstance(value, date)


@FAST
@given(date_text, st.none() | dates, st.integers(0, 400))
def test_find_due_spans_index_the_sentence(text, meeting, gap):
    next_meeting = meeting + timedelta(days=gap) if meeting else None
    due = find_due(text, meeting, next_meeting)
    if due is not None:
        assert 0 <= due.start <= due.end <= len(text)
        assert due.text.strip() and due.text in text[due.start:due.end]
        assert due.date is None or isinstance(due.date, date)


# ---------------------------------------------------------------------------------------------
# Export

# Confidences are rounded to 4 places before export (pandas writes JSON floats to 10 decimals).
confidences = st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 4))
cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(cell, cell, st.integers(-10**9, 10**9), confidences),
                min_size=1, max_size=8))
def test_write_table_round_trips_any_text(tmp_path_factory, rows):
    out = tmp_path_factory.mktemp("prop")
    records = [SentenceRow(src, i, n, n + 1, "", label, conf, text)
               for i, (src, text, n, conf) in enumerate(rows) for label in ["note"]]
    for fmt in ("csv", "jsonl"):
        path = write_table(out, "sentences", records, fmt=fmt)
        if fmt == "csv":
            text_cols = {c: str for c in ("source", "item", "label", "text")}
            back = pd.read_csv(path, dtype=text_cols, keep_default_na=False)
        else:
            back = pd.read_json(path, lines=True, dtype=False)
            back = back.reindex(columns=columns(SentenceRow)) if len(back) else back
        assert list(back.columns) == columns(SentenceRow)
        assert list(back["source"]) == [neutralise(r.source) for r in records]
        assert list(back["text"]) == [neutralise(r.text) for r in records]
        assert list(back["char_start"]) == [r.char_start for r in records]
        assert back["confidence"].tolist() == pytest.approx([r.confidence for r in records])


# ---------------------------------------------------------------------------------------------
# Extraction: every exported row's offsets point at its text in the page


@SLOW
@given(pages())
def test_extracted_rows_point_at_the_page_text(nlp, text):
    from pipeline.assemble import page_records
    from pipeline.extract import Input, analyse

    page = as_page(text)
    if page is None:
        return
    minutes = parse_minutes(page)
    (_, m, docs), = list(analyse(nlp, [(Input(None, "p.txt", None), minutes)]))
    recs = page_records(m, docs)
    for row in [*recs.sentences, *recs.decisions, *recs.actions]:
        assert page.text[row.char_start:row.char_end] == row.text, row
    assert len(recs.sentences) == len(minutes.sentences)
    event("with decisions or actions" if recs.decisions or recs.actions else
          "with sentences" if recs.sentences else "no sentences")
