"""Owners as council, NHS and government minutes write them: initials, posts without a name,
bodies and teams that open an action, owner columns rendered as table cells. All examples invented."""
from __future__ import annotations

import pytest

from pipeline.layout.model import Attendee
from pipeline.linking.owners import find_owners, resolve_mention


def person(rank: str, name: str, role: str = "", *, alias: str = "", chair: bool = False) -> Attendee:
    """An attendance row; ``alias`` is the bracketed short form the page gives ('(MFH)')."""
    a = Attendee(rank, name, role, is_chair=chair)
    if alias:
        if hasattr(a, "aliases"):
            a.aliases = [alias]
        else:
            a.initials = alias
    return a


@pytest.fixture
def board() -> list[Attendee]:
    return [
        person("", "Morwenna Fenwick-Hale", "Director of Estates"),  # computed initials read 'MFH' and 'MF'
        person("", "Olu Bassey", "Finance Lead", alias="OBA"),
        person("Cllr", "Rhian Pugh", "", chair=True),
        person("Mrs", "Gwen Tudor", "Clerk"),
        person("Mayor", "Dale Prentice", ""),
        person("", "Kirsty Lamb", "Network Manager"),
        person("", "Priya Nair", ""),
        person("", "Tobias Quell", "Director of Finance"),
    ]


def shown(owners) -> list[str]:
    return [o.attendee.name if o.attendee else o.text for o in owners]


@pytest.mark.parametrize("sentence, expected", [
    ("MFH is to check the lease terms with the landlord.", ["Morwenna Fenwick-Hale"]),
    ("OBA will revise the costings for the depot.", ["Olu Bassey"]),
    ("Action: OBA/MFH/KL", ["Olu Bassey", "Morwenna Fenwick-Hale", "Kirsty Lamb"]),
    ("Scan protocol for under-fives, KL to look at this", ["Kirsty Lamb"]),
    ("Audit of waiting lists added to KL’s to do list", ["Kirsty Lamb"]),
    ("The regional leads asked for the list of codes to be sent out-KL to action", ["Kirsty Lamb"]),
    ("OBA and KL also agreed that they need a separate meeting on rotas.", ["Olu Bassey", "Kirsty Lamb"]),
])
def test_initials(board, sentence, expected):
    assert shown(find_owners(sentence, "action", board)) == expected


def test_owner_label_after_the_task_wins(board):
    s = "A survey of the roof is to be arranged jointly by the Service and OPCC. Action: OBA/KL"
    assert shown(find_owners(s, "action", board)) == ["Olu Bassey", "Kirsty Lamb"]


def test_initials_not_in_the_table_kept_as_written(board):
    assert shown(find_owners("HQT to circulate the revised rota.", "action", board)) == ["HQT"]
    assert shown(find_owners("DfE to confirm the grant conditions.", "action", board)) == ["DfE"]


@pytest.mark.parametrize("sentence, expected", [
    ("Clerk to write to the landowner about the hedge.", ["Gwen Tudor"]),
    ("the Clerk to obtain three quotes for the new gate.", ["Gwen Tudor"]),
    ("It was agreed that the gate was beyond repair, Clerk to obtain quotes.", ["Gwen Tudor"]),
    ("That we authorise the Mayor to sign the lease.", ["Dale Prentice"]),
    ("The Director of Finance will report on the reserves.", ["Tobias Quell"]),
    ("Cllr. R. Pugh would speak to the contractor about the verge.", ["Rhian Pugh"]),
    ("Councillor Pugh to meet the highways officer.", ["Rhian Pugh"]),
    ("Cllr Pugh agreed to contact the school.", ["Rhian Pugh"]),
    ("Priya to circulate the slides.", ["Priya Nair"]),
    ("Priya also agreed to send the list of partners.", ["Priya Nair"]),
    ("Lamb to chase the supplier for the missing parts.", ["Kirsty Lamb"]),
])
def test_posts_titles_and_names(board, sentence, expected):
    assert shown(find_owners(sentence, "action", board)) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Secretariat to circulate the draft terms of reference.", "Secretariat"),
    ("The Treasurer to pay the insurance renewal.", "The Treasurer"),
    ("Regional Data Team to contact every trust about the backlog.", "Regional Data Team"),
    ("Home Office Liaison Unit to draft the reply.", "Home Office Liaison Unit"),
    ("Department for Rural Affairs to publish the figures.", "Department for Rural Affairs"),
    ("Representative from Open Roads to give a demonstration to the panel.", "Representative from Open Roads"),
    ("Network project team to share the draft recommendations with the board.", "Network project team"),
    ("All panel members to send comments on the draft.", "All panel members"),
    ("Board Members to give feedback to the Procurement Advisor;", "Board Members"),
    ("NeXT to provide a progress report in due course.", "NeXT"),
    ("Hospitals to then begin local projects on the wards.", "Hospitals"),
    ("The lead asked that Executive Board Members comment on the draft.", "Executive Board Members"),
    ("Updated figures would need to be supplied by each department by the end of May.", "each department"),
    ("Terms of reference to be agreed by the board by 3 May.", "the board"),
])
def test_owners_not_in_the_table_kept_as_written(board, sentence, expected):
    owners = find_owners(sentence, "action", board)
    assert [o.text for o in owners] == [expected] and owners[0].attendee is None


def test_two_openers(board):
    owners = find_owners("The Panel and risk owner to agree the wording.", "action", board)
    assert [o.text for o in owners] == ["The Panel", "risk owner"]


@pytest.mark.parametrize("sentence", [
    "Work to continue on the estate plan.",
    "Papers to be circulated a week before the meeting.",
    "Details to follow from the supplier.",
    "Next steps to be agreed at the away day.",
])
def test_what_will_happen_is_not_an_owner(board, sentence):
    assert find_owners(sentence, "action", board) == []


@pytest.mark.parametrize("sentence, expected", [
    ("RESOLVED that Cabinet note the report.", "Cabinet"),
    ("that Cabinet note the report and agree the plan.", "Cabinet"),
    ("That the Scrutiny Committee notes the findings of the review.", "the Scrutiny Committee"),
    ("The Board agreed to host a workshop on open data.", "The Board"),
    ("Proposed by Cllr. Pugh, seconded by Cllr. Nair and agreed that the Council asks Mr Hale to audit the accounts.",
     "the Council"),
    ("The council agreed to delegate the final wording to the Corporate Director for Resources.",
     "the Corporate Director for Resources"),
])
def test_decisions(board, sentence, expected):
    assert [o.text for o in find_owners(sentence, "decision", board)] == [expected]


def test_decision_supported_by_a_post(board):
    board.append(person("", "Nadia Ilves", "Police and Crime Commissioner"))
    s = "The recommendation to approve the bid, which is supported in principle by the PCC, was agreed."
    assert shown(find_owners(s, "decision", board)) == ["Nadia Ilves"]


# --- owner columns: pipe cells after the task ------------------------------------------------


@pytest.mark.parametrize("sentence, expected", [
    ("Fixing the fence post by the pond. | Clerk |", ["Gwen Tudor"]),
    ("The bench at the green needs repair, quotes to be obtained. | Cllr. R. Pugh/Clerk |",
     ["Rhian Pugh", "Gwen Tudor"]),
    ("Review the grit bin locations | Highways Team | 30 June |", ["Highways Team"]),
    ("12/01/2022 | Regional Data Team to publish the register. | Mar-2022 | Complete |", ["Regional Data Team"]),
    ("4 | KL | Write to the three practices about the referral forms | 30 June |", ["Kirsty Lamb"]),
])
def test_owner_cell(board, sentence, expected):
    assert shown(find_owners(sentence, "action", board)) == expected


@pytest.mark.parametrize("sentence", [
    "Meeting date & number | Actions completed | Deadline | Progress |",
    "12/01/2022 | The register to be published. | Mar-2022 | Compete |",
])
def test_cells_that_are_not_owners(board, sentence):
    assert find_owners(sentence, "action", board) == []


# --- resolution -------------------------------------------------------------------------------


def test_initial_ambiguous_between_councillors_is_not_resolved():
    table = [person("Councillor", "Jill Dowe"), person("County Councillor", "Jack Dowe")]
    owners = find_owners("Cllr. J. Dowe would get the seed.", "action", table)
    assert [(o.text, o.attendee) for o in owners] == [("Cllr. J. Dowe", None)]


def test_first_name_shared_is_not_resolved():
    table = [person("", "Priya Nair"), person("", "Priya Shah")]
    assert resolve_mention("Priya", table) is None


def test_initials_shared_are_not_resolved():
    table = [person("", "Kirsty Lamb"), person("", "Kevin Lowe")]
    assert resolve_mention("KL", table) is None
    assert find_owners("KL to book the room.", "action", table)[0].attendee is None


def test_hyphenated_surname_initials(board):
    assert resolve_mention("MFH", board).name == "Morwenna Fenwick-Hale"
    assert resolve_mention("the Clerk", board).name == "Gwen Tudor"
    assert resolve_mention("the Mayor", board).name == "Dale Prentice"


# --- bare-verb parts of a resolution take the body from the lead-in ---------------------------

from pipeline.linking.owners import owners_from_lead_in  # noqa: E402


@pytest.mark.parametrize("lead_in, expected", [
    ("4. RESOLVED that the Licensing Panel:", "the Licensing Panel"),
    ("RESOLVED - that Cabinet", "Cabinet"),
    ("The Committee agreed to:", "The Committee"),
])
def test_lead_in_names_the_body(lead_in, expected):
    owners = owners_from_lead_in("(b) Agree to consult the parish councils on the route.", ["", lead_in], [])
    assert [(o.text, o.collective) for o in owners] == [(expected, True)]


@pytest.mark.parametrize("sentence, lead_in", [
    ("The Panel asked for a further report.", "RESOLVED that Cabinet:"),  # not a bare verb
    ("Agree to consult the parish councils.", "5. Highways budget"),  # the item names nobody
    ("Agree to consult the parish councils.", "RESOLVED:"),
])
def test_no_lead_in_owner(sentence, lead_in):
    assert owners_from_lead_in(sentence, [lead_in], []) == []


def test_owner_linker_reads_the_heading():
    from pipeline.nlp.owner_linker import OwnerLinker
    from pipeline.nlp.tokenizer import blank_nlp

    nlp = blank_nlp()
    context = "RESOLVED that the Fire Authority:\n"
    doc = nlp.make_doc(context + "Approve the revised station plan.")
    doc._.context_chars = len(context)
    doc.cats = {"decision": 0.9, "action": 0.05, "note": 0.05}
    OwnerLinker(nlp, "owners")(doc)
    assert [o["text"] for o in doc._.owners] == ["the Fire Authority"]


def test_bare_verb_read_as_a_name_is_not_an_owner():
    s = "(b) Agree to ask the Minister to consider the timetable."
    assert find_owners(s, "decision", [], entities=[(4, 9, "PERSON")]) == []


def test_passive_subject_with_hyphenated_participle_is_not_an_owner():
    assert find_owners("Budget Notice to be re-scheduled for the next Board.", "action", [],
                       entities=[(7, 13, "PERSON")]) == []
