"""Two models' scores on the same data, side by side with the difference (B - A): the check an
analyst makes before replacing the model that is in use with a retrained one."""
from __future__ import annotations

SENTENCE_ROWS = ("decision", "action", "note", "items")
PAGE_FIELDS = (("items F1", ("items", "micro", "f1")), ("owner", ("owner_accuracy",)), ("due", ("due_accuracy",)),
               ("action id", ("action_id_accuracy",)), ("end-to-end", ("end_to_end",)),
               ("updates F1", ("action_updates", "f1")), ("meetings", ("meeting_fields_accuracy",)),
               ("attendees F1", ("attendees", "f1")))


def _get(scores: dict, path: tuple[str, ...]) -> float:
    for key in path:
        scores = scores[key]
    return float(scores)  # type: ignore[arg-type]


def _row(name: str, a: float, b: float) -> str:
    return f"  {name:13s} {a:7.3f} {b:7.3f} {b - a:+8.3f}"


def compare_lines(names: tuple[str, str], sents: tuple[dict, dict],
                  pages: tuple[dict | None, dict | None]) -> list[str]:
    """Printable lines: sentence-classifier P/R/F1 per label, then the end-to-end figures."""
    a, b = sents
    lines = [f"A = {names[0]}", f"B = {names[1]}", f"sentences ({a['n']}):            A       B   B - A"]
    for lab in SENTENCE_ROWS:
        for m in ("p", "r", "f"):
            lines.append(_row(f"{lab} {m.upper() if m != 'f' else 'F1'}", a[lab][m], b[lab][m]))
    if pages[0] is None or pages[1] is None:
        lines.append("end to end: score_minutes.py not found (pass --scorer)")
        return lines
    lines.append("end to end:                 A       B   B - A")
    lines += [_row(name, _get(pages[0], path), _get(pages[1], path)) for name, path in PAGE_FIELDS]
    return lines
