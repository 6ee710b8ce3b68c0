"""Checks on the generated training data (run ``scripts/make_training_data.py`` first)."""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "training_data"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "scripts"))
import minutes_phrasebank as pb  # noqa: E402

LABELS = {"decision", "action", "note"}
ENT_LABELS = {"RANK", "PERSON", "ROLE", "ORG", "DATE"}
COLLECTIVE_OWNERS = {v for _, _, v in pb.COLLECTIVES} | {"Chief officers", "Chief Officers", "chief officers",
                                                          "the board", "the Board"}


def _load(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} missing: run scripts/make_training_data.py")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def train() -> list[dict]:
    return _load("train")


@pytest.fixture(scope="module")
def dev() -> list[dict]:
    return _load("dev")


@pytest.fixture(scope="module")
def pages(train, dev) -> list[dict]:
    return train + dev


@pytest.fixture(scope="module")
def nlp():
    import spacy
    try:
        return spacy.blank("en")
    except Exception:  # a broken entry point of an installed package; tokenizer is unaffected
        from spacy import util
        util.registry._entry_point_factories.get_entry_points = lambda: {}
        return spacy.blank("en")


def test_counts(pages, train, dev):
    sents = [s for p in pages for s in p["sentences"]]
    labels = [s["label"] for s in sents]
    assert len(pages) >= 150 and len(train) >= 120 and len(dev) >= 25
    assert len(sents) >= 3500
    assert labels.count("decision") >= 800 and labels.count("action") >= 800
    assert 0.40 <= labels.count("note") / len(labels) <= 0.55
    for layout in ("kent", "numbered", "bullets", "prose"):
        share = sum(p["layout"] == layout for p in pages) / len(pages)
        assert 0.2 <= share <= 0.3, layout
    assert {p["split"] for p in train} == {"train"} and {p["split"] for p in dev} == {"dev"}
    assert len({p["id"] for p in pages}) == len(pages)


def test_offsets_and_fields(pages):
    for p in pages:
        text = p["text"]
        assert 8 <= len(p["attendees"]) <= 18
        assert sum(a["is_chair"] for a in p["attendees"]) == 1
        assert p["next_meeting_date"] > p["meeting_date"]
        assert p["updates"] or "There were no actions due" in text
        last = 0
        for s in p["sentences"]:
            assert last <= s["start"] < s["end"] <= len(text)
            sent = text[s["start"]:s["end"]]
            assert sent == sent.strip() and sent.endswith(".") and "\n" not in sent
            assert s["label"] in LABELS and s["alt_label"] in LABELS | {None}
            assert s["alt_label"] != s["label"]
            if s["label"] == "note":
                assert not s["owner"] and s["due"] is None and s["recurrence"] is None
            if s["recurrence"]:
                assert s["due"] is None
            if s["due"]:
                assert s["due"] >= p["meeting_date"] and s["due_text"]
                date.fromisoformat(s["due"])
            last = s["end"]


def test_owners_are_attendees(pages):
    for p in pages:
        surnames = {a["name"].split()[-1] for a in p["attendees"]}
        for s in p["sentences"]:
            for o in s["owner"]:
                assert o in surnames or o in COLLECTIVE_OWNERS, (p["id"], o)


def test_entities_aligned(pages, nlp):
    for p in pages:
        doc = nlp.make_doc(p["text"])
        spans = [(s["start"], s["end"]) for s in p["sentences"]]
        prev = -1
        for start, end, label in sorted(p["entities"]):
            assert label in ENT_LABELS
            assert start >= prev, "overlapping entities"
            assert doc.char_span(start, end) is not None, (p["id"], p["text"][start:end])
            assert any(a <= start and end <= b for a, b in spans), "entity outside body sentences"
            prev = end


def test_no_seed_sentences(pages):
    if not SEEDS.is_dir():
        pytest.skip("no seeds folder")
    pieces = set()
    for f in SEEDS.glob("*.txt"):
        for line in f.read_text(encoding="utf-8").splitlines():
            pieces |= {x.strip().rstrip(".") for x in line.split(". ") if len(x.strip()) > 30}
    blob = "\n".join(p["text"] for p in pages)
    hits = [x for x in pieces if x in blob]
    assert not hits, hits[:3]


def _literal_chunks(template: str) -> list[str]:
    t = re.sub(r"\[([^\]|]+)\|[A-Z]+\]", r"\1", template)
    return [c.strip() for c in re.split(r"\{[A-Za-z0-9_?!]+\}", t) if len(c.strip()) >= 25]


def test_dev_wording_disjoint(train, dev):
    train_sents = {p["text"][s["start"]:s["end"]] for p in train for s in p["sentences"]}
    dev_sents = {p["text"][s["start"]:s["end"]] for p in dev for s in p["sentences"]}
    assert not (train_sents & dev_sents), sorted(train_sents & dev_sents)[:5]
    train_names = {a["name"].split()[-1] for p in train for a in p["attendees"]}
    dev_names = {a["name"].split()[-1] for p in dev for a in p["attendees"]}
    assert not (train_names & dev_names)
    # no dev wording shares a literal run of 25+ characters with a train wording of any bank
    train_wordings = "\n".join(w for name in pb._SPLIT_BANKS for e in pb.split_bank(getattr(pb, name), "train")
                                for w in pb._wordings(e))
    for name in pb._SPLIT_BANKS:
        for entry in pb.split_bank(getattr(pb, name), "dev"):
            for wording in pb._wordings(entry):
                for chunk in _literal_chunks(wording):
                    assert chunk not in train_wordings, f"dev wording {chunk!r} ({name}) occurs in train"


def test_samples_exist():
    names = ["kent_style_2025-01-14.txt", "numbered_2024-09-11.txt", "bullets_2025-03-14.txt",
             "prose_2024-10-03.txt"]
    for n in names:
        path = ROOT / "samples" / n
        if not path.exists():
            pytest.skip("samples not generated")
        assert not path.read_text(encoding="utf-8").lstrip().startswith("{")


def test_no_unfilled_slots(pages):
    """Every template slot is filled: no sentence (or page) keeps a '{' or '}'."""
    for p in pages:
        for s in p["sentences"]:
            sent = p["text"][s["start"]:s["end"]]
            assert "{" not in sent and "}" not in sent, (p["id"], sent)
        assert "{" not in p["text"] and "}" not in p["text"], p["id"]


def test_bank_templates_use_known_slots():
    """Every '{...}' in a bank is a slot the generator fills (a slot name the renderer does not
    match would be copied into the text as it stands)."""
    known = {"owner", "owners", "maker", "asker", "chair", "other", "speaker", "speakers", "topic", "topic2",
             "doc", "org", "role", "money", "pct", "num", "time", "task", "task_ing", "due", "due?", "deadline",
             "recur", "dueL", "pdate", "fdate", "roleowner", "fy"}
    banks = [[t for t, _ in pb.DECISIONS], [t for t, _ in pb.ACTIONS], [t for t, _ in pb.NOTES],
             [t for t, _, _ in pb.RESOLUTIONS], pb.TASKS, pb.NOTES_ALT_DECISION, pb.NO_ACTION_NOTES,
             pb.APOLOGY_NOTES, pb.FRONTED_COMMON, pb.FRONTED_DECISION, pb.FRONTED_ACTION, pb.FRONTED_NOTE,
             pb.APPROVAL_REQUESTS, [n for n, _, _, _ in pb.CONTRAST_PAIRS], [o for _, o, _, _ in pb.CONTRAST_PAIRS]]
    for bank in banks:
        for tpl in bank:
            slots = re.findall(r"\{([^{}]*)\}", tpl)
            assert set(slots) <= known, (tpl, set(slots) - known)
            assert tpl.count("{") == tpl.count("}") == len(slots), tpl


def _fronted_phrases() -> list[str]:
    phrases = pb.FRONTED_COMMON + pb.FRONTED_DECISION + pb.FRONTED_ACTION + pb.FRONTED_NOTE
    return [p.strip().rstrip(",") for p in phrases if "{" not in p]


def test_no_opener_gives_the_label_away(train):
    """Every fronted phrase the generator puts before sentences leads each label about as often as
    the labels occur among fronted sentences overall: a phrase seen only before decisions would
    teach the classifier the phrase, not the decision."""
    from collections import Counter

    by_phrase: dict[str, Counter] = {p: Counter() for p in _fronted_phrases()}
    overall: Counter = Counter()
    for rec in train:
        for s in rec["sentences"]:
            text = rec["text"][s["start"]:s["end"]]
            phrase = next((p for p in by_phrase if text.startswith(p + ",")), None)
            if phrase:
                by_phrase[phrase][s["label"]] += 1
                overall[s["label"]] += 1
    total = sum(overall.values())
    assert total > 500
    for phrase, counts in by_phrase.items():
        n = sum(counts.values())
        if n < 40:
            continue
        for label in ("decision", "action", "note"):
            share, expected = counts[label] / n, overall[label] / total
            assert abs(share - expected) <= 0.25, (phrase, dict(counts), dict(overall))


def test_bank_split_is_by_text_not_position():
    bank = [f"wording number {i}" for i in range(50)]
    dev = set(pb.split_bank(bank, "dev"))
    assert dev and dev.isdisjoint(pb.split_bank(bank, "train"))
    assert set(pb.split_bank(list(reversed(bank)), "dev")) == dev  # order does not matter
    assert set(pb.split_bank(bank + ["a new wording"], "dev")) - {"a new wording"} == dev
