"""Linking: who owns a decision or action (resolved against the attendance table) and when it is due.

Pure Python, no spaCy: the pipeline's components call these functions with a sentence's text and,
when they have them, its entity spans.
"""
from pipeline.linking.due_dates import Due, find_due, find_recurrence, normalise_due
from pipeline.linking.owners import OwnerMention, find_owner_mentions, find_owners, resolve_mention

__all__ = [
    "Due",
    "OwnerMention",
    "find_due",
    "find_owner_mentions",
    "find_owners",
    "find_recurrence",
    "normalise_due",
    "resolve_mention",
]
