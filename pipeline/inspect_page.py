"""``minutes inspect``: every line of one input with the role the layout stage gave it, and for
body lines the label of each sentence, so an analyst sees at once why a line was dropped or misread."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest import read_page
from pipeline.layout import parse_minutes
from pipeline.layout.model import Minutes

_ROLE_WIDTH = 14


@dataclass
class InspectedLine:
    role: str
    text: str
    detail: str = ""
    labels: list[tuple[str, float, str]] | None = None  # (label, confidence, sentence) for body lines


def inspect_minutes(minutes: Minutes, nlp=None) -> list[InspectedLine]:
    """The page's lines in order with their roles; body lines carry their sentences' labels when
    ``nlp`` is given."""
    labels: dict[int, tuple[str, float]] = {}
    if nlp is not None and minutes.sentences:
        from pipeline.assemble import sentence_docs
        from pipeline.nlp.extensions import sentence_label

        for sent, doc in zip(minutes.sentences, nlp.pipe(sentence_docs(nlp, minutes))):
            labels[sent.index] = sentence_label(doc)
    out = []
    for line in minutes.lines:
        row = InspectedLine(line.role, line.text, line.detail)
        if line.role == "body":
            sents = [s for s in minutes.sentences if line.start <= s.char_start < line.end]
            row.labels = [(*labels.get(s.index, ("", 0.0)), s.text) for s in sents]
        out.append(row)
    return out


def render(path: Path, source: str, nlp=None) -> str:
    """The text ``minutes inspect`` prints: a header with the meeting's fields, then one line each."""
    minutes = parse_minutes(read_page(path, source))
    head = [f"# {source}",
            f"# title: {minutes.title or '-'} | date: {minutes.meeting_date or '-'} | venue: {minutes.venue or '-'}"
            f" | next meeting: {minutes.next_meeting_date or '-'}",
            f"# attendees: {len(minutes.attendees)}"
            + "".join(f"\n#   {a.display}{' (chair)' if a.is_chair else ''}{' - ' + a.role if a.role else ''}"
                      for a in minutes.attendees)]
    body = []
    for row in inspect_minutes(minutes, nlp):
        tag = f"[{row.role}]".ljust(_ROLE_WIDTH)
        detail = f"  ({row.detail})" if row.detail else ""
        if row.labels and len(row.labels) == 1 and row.labels[0][0]:
            label, conf, _ = row.labels[0]
            body.append(f"{tag} {label:>8} {conf:.2f}  {row.text}{detail}")
        elif row.labels and any(lab for lab, _, _ in row.labels):
            body.append(f"{tag} {'':>8}       {row.text}{detail}")
            body += [f"{'':{_ROLE_WIDTH}}   - {label:>8} {conf:.2f}  {text}" for label, conf, text in row.labels]
        else:
            body.append(f"{tag} {'':>8}       {row.text}{detail}")
    return "\n".join(head + body) + "\n"
