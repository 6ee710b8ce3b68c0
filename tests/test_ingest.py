"""Ingest: discovery, decoding, HTML rendering and the errors a bad file raises."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, html_to_text, iter_inputs, read_page
from pipeline.layout import parse_minutes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
needs_seeds = pytest.mark.skipif(not SEEDS, reason=f"seed pages not found under {SHARED / 'seeds'}")


def test_iter_inputs_walks_sorted_and_filters(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.html", "a.txt", "b/1.txt", "notes.pdf", "notes.csv", "c.md", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    assert [s for _, s in iter_inputs([tmp_path])] == ["a.txt", "b/1.txt", "b/2.html", "c.md", "notes.pdf"]
    assert [s for _, s in iter_inputs([tmp_path], "b/*")] == ["b/1.txt", "b/2.html"]
    assert [s for _, s in iter_inputs([tmp_path], "*.html")] == ["b/2.html"]
    single = tmp_path / "b" / "1.txt"
    assert list(iter_inputs([single])) == [(single, "1.txt")]


def test_text_keeps_text_and_normalises_newlines(tmp_path: Path) -> None:
    f = tmp_path / "m.txt"
    f.write_bytes("Title: Board\r\nDate: 1 May 2024\rLast – line\n".encode())
    page = read_page(f, "m.txt")
    assert page.source == "m.txt"
    assert page.text == "Title: Board\nDate: 1 May 2024\nLast – line\n"


def test_cp1252_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "m.txt"
    text = "Chief officers approved DCO Drysdale\u2019s proposal \u2013 the \u201cplan\u201d costs \u00a35,000.\n" * 3
    f.write_bytes(text.encode("cp1252"))
    assert read_page(f, "m.txt").text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_bom_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "m.txt"
    text = "Title: Board\nCafé – £5 \u2019quoted\u2019\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    f.write_bytes(data)
    assert read_page(f, "m.txt").text == text


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n\t", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_bad_content_raises(tmp_path: Path, data: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(IngestError, match=message) as err:
        read_page(f, "bad.txt")
    assert err.value.source == "bad.txt"


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not found"):
        read_page(tmp_path / "nope.txt", "nope.txt")


def test_unreadable_file_raises(tmp_path: Path, monkeypatch) -> None:
    """The operating system refusing the file (as root, chmod 0 would not stop the read, so the
    refusal is made at os.open, where the reader meets it)."""
    f = tmp_path / "locked.txt"
    f.write_text("text")
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path) == f:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(IngestError, match="permission"):
        read_page(f, "locked.txt")


def test_html_drops_furniture_and_renders_tables_and_lists() -> None:
    markup = """<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>
    <div id="cookie-banner"><p>We use cookies</p></div><a class="skip-link" href="#m">Skip</a>
    <nav><ul><li>Home</li></ul></nav><header>Site name</header>
    <main><h1>Board   minutes</h1><p>Date: <b>1 May</b> 2024</p>
    <table><tr><th>Name</th><th>Role</th></tr><tr><td>CC Ann Lee (Chair)</td><td>Chief Constable</td></tr>
    <tr><td>PSE Bo Kay</td><td>Finance | Audit</td></tr></table>
    <ul><li>First point</li><li><p>Second point</p></li></ul>line one<br>line two
    <script>alert('x')</script><noscript>no</noscript><form><input></form></main>
    <footer>Copyright</footer></body></html>"""
    assert html_to_text(markup).splitlines() == [
        "Board minutes", "Date: 1 May 2024", "Name | Role |", "---|---|", "CC Ann Lee (Chair) | Chief Constable |",
        "PSE Bo Kay | Finance / Audit |", "• First point", "• Second point", "line one", "line two"]


def test_html_resolves_no_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    markup = (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
              "<html><body><p>Before &xxe; after</p></body></html>")
    f = tmp_path / "x.html"
    f.write_text(markup)
    text = read_page(f, "x.html").text
    assert "TOP-SECRET-VALUE" not in text
    assert "Before" in text


def test_html_survives_absurd_nesting() -> None:
    markup = "<div>" * 20000 + "<p>deep text</p>" + "</div>" * 20000
    assert html_to_text(markup) == "deep text\n"


def test_html_sniffed_under_text_suffix(tmp_path: Path) -> None:
    f = tmp_path / "saved.txt"
    f.write_text("<!doctype html><html><body><p>One</p><script>x()</script><p>Two</p></body></html>")
    assert read_page(f, "saved.txt").text == "One\nTwo\n"


def _seed_as_html(text: str) -> str:
    """A web page built from a seed: lines as <p>, the attendance table as a real <table>."""
    rows, body = [], []
    for line in text.splitlines():
        if re.match(r"^-{3}\|", line):
            continue
        if "|" in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            tag = "th" if not rows else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
            if len(rows) == 1:
                body.append("<table>__ROWS__</table>")
            continue
        body.append(f"<p>{line}</p>")
    html = "\n".join(body).replace("__ROWS__", "\n".join(rows))
    return ("<html><head><script>var x = 'Decision:';</script></head><body><nav><a>Home</a><a>News</a></nav>"
            f"<main>{html}</main><footer><p>Contact us</p></footer></body></html>")


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_html_seed_reads_like_text(tmp_path: Path, seed: Path) -> None:
    text_min = parse_minutes(read_page(seed, seed.name))
    f = tmp_path / (seed.stem + ".html")
    f.write_text(_seed_as_html(seed.read_text(encoding="utf-8")), encoding="utf-8")
    html_min = parse_minutes(read_page(f, f.name))
    assert (html_min.meeting_date, html_min.next_meeting_date, html_min.title, html_min.venue) == (
        text_min.meeting_date, text_min.next_meeting_date, text_min.title, text_min.venue)
    assert [(a.rank, a.name, a.role, a.is_chair) for a in html_min.attendees] == [
        (a.rank, a.name, a.role, a.is_chair) for a in text_min.attendees]
    assert [(u.action_id, u.status, u.due_text) for u in html_min.updates] == [
        (u.action_id, u.status, u.due_text) for u in text_min.updates]
    assert [s.text for s in html_min.sentences] == [s.text for s in text_min.sentences]


def test_a_line_broken_after_re_colon_runs_on_but_a_list_intro_does_not() -> None:
    from pipeline.ingest.unwrap import join_broken_lines

    text = ("The Chair agreed to send a joint letter to the council, re:\nparking on the estate roads.\n"
            "The Board agreed:\nthat the fees stay as they are.")
    assert join_broken_lines(text).splitlines() == [
        "The Chair agreed to send a joint letter to the council, re: parking on the estate roads.",
        "The Board agreed:", "that the fees stay as they are."]
