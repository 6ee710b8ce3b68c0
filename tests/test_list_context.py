"""The context a body sentence carries from the lines above it: numbered action headings, a
resolution's opening line, the intro of a list, and items written again further down the page."""
from __future__ import annotations

from pipeline.ingest import Page
from pipeline.layout import parse_minutes
from pipeline.nlp.sentence_doc import context_line

PAGE = """Coastal Waters Partnership Board
Minutes of the meeting held on 3 February 2026
Present: Hana Kowalczyk (Chair), Idris Mensah, Ruth Abernethy
1. Harbour dredging
The engineer explained the survey results in detail.
Action 3:
The Secretariat to circulate the survey maps. Members to send their views to the Secretariat.
Action point 12 -
Idris Mensah to ask the port authority for its dredging schedule.
The panel reviewed two options for the spoil disposal:
(a) disposal at sea under the existing licence;
(b) disposal on the reclaimed land near the quay.
The survey contractor had finished the fieldwork in January.
- The Board noted the contractor's report.
2. Funding
4. Resolved that the Board:
(a) approve the disposal on reclaimed land;
(b) ask the engineer to report on costs in May.
"""


def sentences(text: str = PAGE) -> dict[str, object]:
    return {s.text: s for s in parse_minutes(Page("p.txt", text)).sentences}


def test_a_numbered_action_heading_gives_its_number_and_context_to_the_paragraph_below() -> None:
    found = sentences()
    for text in ("The Secretariat to circulate the survey maps.", "Members to send their views to the Secretariat."):
        assert found[text].heading == "Action 3:" and found[text].action_id == "3"
        assert context_line(found[text]) == "Action:"
    ask = found["Idris Mensah to ask the port authority for its dredging schedule."]
    assert ask.action_id == "12" and context_line(ask) == "Action point -"
    roles = {r.text: r.role for r in parse_minutes(Page("p.txt", PAGE)).lines}
    assert roles["Action 3:"] == "heading" and roles["Action point 12 -"] == "heading"


def test_list_lines_read_with_the_sentence_that_introduces_them_and_only_they_do() -> None:
    found = sentences()
    intro = "The panel reviewed two options for the spoil disposal:"
    assert found["(a) disposal at sea under the existing licence;"].heading == intro
    assert found["(b) disposal on the reclaimed land near the quay."].heading == intro
    # a plain paragraph ends the list, and a later bullet has no intro left
    assert found["The survey contractor had finished the fieldwork in January."].heading == ""
    assert found["The Board noted the contractor's report."].heading == ""


def test_a_numbered_resolution_line_is_a_heading_over_its_list_not_an_agenda_item() -> None:
    found = sentences()
    approve = found["(a) approve the disposal on reclaimed land;"]
    assert approve.item == "2. Funding"
    assert approve.heading == "4. Resolved that the Board:"
    assert context_line(approve) == "Resolved that the Board:"
    assert found["(b) ask the engineer to report on costs in May."].heading == "4. Resolved that the Board:"


def test_a_long_intro_is_cut_to_its_opening_and_its_close() -> None:
    words = " ".join(f"word{i}" for i in range(30))
    page = f"1. Item\nThe committee considered {words} and agreed the following:\n- to meet again in June.\n"
    listed = sentences(page)["to meet again in June."]
    context = context_line(listed).split()
    assert len(context) == 20 and "…" in context
    assert context[:3] == ["The", "committee", "considered"] and context[-3:] == ["agreed", "the", "following:"]


REPEATED = """Valley Leisure Trust Board
Minutes of the meeting held on 9 March 2026
1. Pool refurbishment
The report asked the Board to:
1. Approve the refurbishment of the main pool at a cost of up to £400,000;
2. Note the timetable.
Agreed.
2. Cafe lease
Resolved that the Board:
1. Approve the refurbishment of the main pool at a cost of up to £400,000.
Agreed.
"""


def test_an_item_written_again_further_down_is_kept_once_and_short_ones_never_merge() -> None:
    from pipeline.assemble import later_repeats

    minutes = parse_minutes(Page("r.txt", REPEATED))
    texts = [s.text for s in minutes.sentences]
    first = texts.index("1. Approve the refurbishment of the main pool at a cost of up to £400,000;")
    last = texts.index("1. Approve the refurbishment of the main pool at a cost of up to £400,000.")
    agreed = [i for i, t in enumerate(texts) if t == "Agreed."]
    labels = ["decision"] * len(texts)
    assert later_repeats(minutes, labels) == {first: last}  # the two 'Agreed.' stay two decisions
    labels[last] = "note"  # a copy the classifier calls a note is no item: nothing to fold into it
    assert later_repeats(minutes, labels) == {}
    assert len(agreed) == 2


def test_the_body_named_in_a_list_intro_owns_its_bare_resolution_parts() -> None:
    from pipeline.linking.owners import owners_from_lead_in

    page = ("1. Library services\nAfter discussion the Joint Committee agreed the following:\n"
            "(a) to keep the mobile library running until March;\n(b) that the fees be held at this year's level.\n")
    found = sentences(page)
    for text in ("(a) to keep the mobile library running until March;",
                 "(b) that the fees be held at this year's level."):
        owners = owners_from_lead_in(text, [context_line(found[text])], [])
        assert [o.text for o in owners] == ["the Joint Committee"]
    assert owners_from_lead_in("The Clerk to book the hall.", ["The Board agreed:"], []) == []


def test_the_tables_hold_the_last_copy_and_set_aside_lists_the_earlier_one() -> None:
    import spacy

    from pipeline.assemble import page_records, sentence_docs

    minutes = parse_minutes(Page("r.txt", REPEATED))
    docs = sentence_docs(spacy.blank("en"), minutes)
    for sent, doc in zip(minutes.sentences, docs):
        item = "Approve the refurbishment" in sent.text or sent.text == "Agreed."
        doc.cats = {"decision": 0.9 if item else 0.05, "action": 0.05, "note": 0.05 if item else 0.9}
    records = page_records(minutes, docs)
    approve = [d.text for d in records.decisions if "refurbishment" in d.text]
    assert approve == ["1. Approve the refurbishment of the main pool at a cost of up to £400,000."]
    assert [d.text for d in records.decisions].count("Agreed.") == 2
    (repeat,) = [r for r in records.set_aside if r.role == "repeated_item"]
    assert repeat.text.endswith("£400,000;") and "decision written again" in repeat.detail
    assert len(records.sentences) == len(minutes.sentences)  # sentences.csv still lists every sentence


def test_a_label_cut_off_after_a_word_or_two_is_set_aside_but_owner_lines_still_join() -> None:
    page = ("1. Fleet\nThe fleet manager to order two vans.\nAction: JB/KT\nDecision: Agreed\n"
            "Action 23/25 - dis")
    minutes = parse_minutes(Page("cut.txt", page))
    roles = {r.text: r.role for r in minutes.lines}
    assert roles["Action 23/25 - dis"] == "fragment"
    texts = [s.text for s in minutes.sentences]
    assert "The fleet manager to order two vans.\nAction: JB/KT" in texts and "Agreed" in texts


def test_a_by_laws_readings_belong_to_the_motion_that_passes_it() -> None:
    page = ("7. By-laws\nR2026-051 A. Vance, P. Okoro: That we pass By-law 2026-12, being a by-law to set the tax rates.\n"
            "Read a first, second and third time and passed this 4th day of May, 2026. Carried.\n"
            "R2026-052 P. Okoro, A. Vance: That we accept the correspondence.\nCarried.\n")
    minutes = parse_minutes(Page("bylaw.txt", page))
    texts = [s.text for s in minutes.sentences]
    assert texts[0].startswith("R2026-051 A. Vance, P. Okoro: That we pass") and texts[0].endswith("2026. Carried.")
    assert not any(t.startswith("Read a first") for t in texts)
    assert texts[1] == "R2026-052 P. Okoro, A. Vance: That we accept the correspondence.\nCarried."
