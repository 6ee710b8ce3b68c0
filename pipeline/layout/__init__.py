"""Layout: a Page's text to Minutes (header, attendance, body sentences with context, action
updates, next meeting). Rules only; no spaCy."""
from .model import ActionUpdateLine, Attendee, Minutes, Paragraph, Sentence
from .parse import parse_minutes
from .sentences import split_sentences

__all__ = ["ActionUpdateLine", "Attendee", "Minutes", "Paragraph", "Sentence",
           "parse_minutes", "split_sentences"]
