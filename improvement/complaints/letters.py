"""Letters to a complainant from the council's standard wording: the acknowledgement,
and the response at the stage the case last answered. Built as a `Document` and
rendered to Word by the documents app, for the complaints manager to check, sign and
send. Made in the request and never stored (docs/adr/035): a letter holds the
complainant's name and address, which a stored file would keep past anonymising.
"""

import datetime
from typing import Any

from improvement.complaints.clock import open_stage
from improvement.complaints.queries import settings_for
from improvement.documents.structure import Document, Section

ACKNOWLEDGEMENT, RESPONSE = "acknowledgement", "response"
LETTERS = {ACKNOWLEDGEMENT: "Acknowledgement letter", RESPONSE: "Response letter"}

# What a complainant may do next after each stage's answer. Under the 2006 Regulations
# a complainant has 20 working days to ask for the next stage.
NEXT_STEP = {
    "stage1": "If you are not satisfied with this response, you may ask for your complaint "
    "to be investigated at stage 2. Please tell us within 20 working days of this letter.",
    "stage2": "If you are not satisfied with the outcome of the investigation, you may ask "
    "for your complaint to be considered by a review panel (stage 3). Please tell us within "
    "20 working days of this letter.",
    "stage3": "If you remain unhappy, you may ask the Local Government and Social Care "
    "Ombudsman to look at your complaint: www.lgo.org.uk, telephone 0300 061 0614.",
}
CORPORATE_NEXT = (
    "If you are not satisfied with this response, you may ask for it to be reviewed under "
    "the next stage of the council's complaints procedure, or ask the Local Government and "
    "Social Care Ombudsman to look at it: www.lgo.org.uk."
)


def _day(value: datetime.date) -> str:
    return f"{value:%-d %B %Y}"


def _procedure(rep: Any) -> str:
    if rep.process == "statutory":
        return "the Children Act 1989 representations procedure"
    return "the council's corporate complaints procedure"


def _to(rep: Any) -> list[str]:
    return [line for line in [rep.complainant_name, *rep.complainant_address.splitlines()] if line]


def _dear(rep: Any) -> str:
    return f"Dear {rep.complainant_name}," if rep.complainant_name else "Dear Sir or Madam,"


def letter_stage(rep: Any) -> str:
    """The latest stage the case has answered, whose response letter can be written;
    empty when none has."""
    if rep.stage3_response_on:
        return "stage3"
    if rep.stage2_completed_on:
        return "stage2"
    if rep.stage1_responded_on:
        return "stage1"
    return ""


def available_letters(rep: Any) -> list[tuple[str, str]]:
    """(kind, label) of the letters this case can have now: a logged complaint is
    acknowledged; a response letter follows once a stage has answered."""
    if rep.kind != "complaint" or rep.process not in ("statutory", "corporate"):
        return []
    kinds = [ACKNOWLEDGEMENT] + ([RESPONSE] if letter_stage(rep) else [])
    return [(kind, LETTERS[kind]) for kind in kinds]


def _acknowledgement(rep: Any, today: datetime.date) -> list[Section]:
    body = [
        _dear(rep),
        f"Thank you for your complaint, which we received on {_day(rep.received_on)}. We "
        f"are considering it under {_procedure(rep)}.",
    ]
    clock = open_stage(rep, today)
    if clock is not None and clock.stage == "Stage 1 response":
        body.append(f"We will send you our response by {_day(clock.due_on)}.")
    advocacy = settings_for(rep.council).advocacy_provider
    if rep.process == "statutory" and advocacy:
        body.append(
            f"A child or young person may have the help of an independent advocate, "
            f"free of charge, from {advocacy}. Please tell us if you would like one."
        )
    return [Section("To", paragraphs=_to(rep)), Section("Your complaint", paragraphs=body)]


def _response(rep: Any) -> list[Section]:
    stage = letter_stage(rep)
    outcome = getattr(rep, f"get_{stage}_outcome_display")()
    body = [_dear(rep)]
    if outcome:
        body.append(f"Your complaint has been {outcome.lower()}. Our reasons are set out below.")
    if stage == "stage2" and rep.stage2_investigating_officer:
        body.append(
            f"Your complaint was investigated by {rep.stage2_investigating_officer}"
            + (
                f", with {rep.stage2_independent_person} as independent person."
                if rep.stage2_independent_person
                else "."
            )
        )
    steps = NEXT_STEP[stage] if rep.process == "statutory" else CORPORATE_NEXT
    return [
        Section("To", paragraphs=_to(rep)),
        Section("Our response", paragraphs=body),
        Section("Our findings", paragraphs=["[Write the findings for each point here.]"]),
        Section("If you are not satisfied", paragraphs=[steps]),
    ]


STAGE_TITLES = {"stage1": "stage 1", "stage2": "stage 2", "stage3": "stage 3"}


def letter_document(rep: Any, kind: str, today: datetime.date) -> Document:
    """The letter as a document; `kind` is one of `available_letters(rep)`."""
    if kind == ACKNOWLEDGEMENT:
        title, sections = "Acknowledgement of your complaint", _acknowledgement(rep, today)
    else:
        stage = STAGE_TITLES[letter_stage(rep)]
        title, sections = f"Our response to your complaint at {stage}", _response(rep)
    return Document(
        kind="complaint_letter",
        title=title,
        council=rep.council.name,
        subtitle=f"Our reference {rep.reference}. {_day(today)}",
        sections=sections,
    )
