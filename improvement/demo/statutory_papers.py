"""What Peterborough's 2022-23 complaints report and its forward plan print beyond the
figures (seed 003, items 5 and 6): the report's committee and advocacy provider, the
complaints and compliments chosen as its examples in the seed's words, the Ombudsman's
published decisions with their links, and the forward plan's contacts, Cabinet and
directorates. Loaded after the complaints and the forward plan; safe to run twice."""

from typing import Any

from django.db import transaction

from improvement.complaints import services as complaints
from improvement.complaints.figures import improvements_in
from improvement.complaints.queries import settings_for as complaints_settings
from improvement.core.models import Council
from improvement.core.tracking import save_tracked
from improvement.demo.records import DEMO
from improvement.forward_plan import queries as forward_plan_queries
from improvement.forward_plan import services as forward_plan
from improvement.forward_plan.statutory_notes import notes_for

YEAR = 2022
LGSCO = "https://www.lgo.org.uk/decisions/"
DECISION_LINKS = {
    "22-000-753": LGSCO + "children-s-care-services/other/22-000-753",
    "21-014-757": LGSCO + "children-s-care-services/disabled-children/21-014-757",
    "21-008-178": LGSCO + "education/special-educational-needs/21-008-178",
    "22-008-825": LGSCO + "education/special-educational-needs/22-008-825",
}
# Seed figure 8: the complaint each team's improvement came from.
IMPROVEMENT_COMPLAINTS = {
    "Regional Adoption Agency": "The support plan did not cover the tax status of the "
    "carer, causing problems when claiming child benefit.",
    "Family Contact Centre": "A worker breached confidentiality about a user of the service.",
    "Leaving Care": "A young person had to report as homeless to obtain accommodation "
    "after their placement ended at 18.",
    "Children in Care": "Delays in obtaining a driving licence.",
    "SGO": "A dispute about the calculation of allowances for special guardians.",
    "0-25 Team": "Unhappy with a decision about payment for adaptations to a vehicle.",
}
# Seed figure 10: examples by the top three categories.
COMPLAINT_EXAMPLES = {
    "Delay/Failed Service": [
        ("Delay in a bursary", "A young person leaving care lost a few weeks of payments "
         "until reimbursed."),
        ("Short notice of a placement move", "Unnecessary stress and worry for the young "
         "person."),
    ],
    "Denial/Withdrawal of Service": [
        ("Leaving care grant not received", "Risk of debt unsettling leaving care "
         "arrangements."),
    ],
    "Staff Conduct": [
        ("Lack of empathy from a worker", "Distress caused by a lack of understanding of "
         "the family's situation."),
    ],
}  # fmt: skip
COMPLIMENTS = {
    "childrens_social_care": [
        "Thank you for all your hard work and guidance to make us the family we have become.",
        "We couldn't thank X enough for the support she offers with our foster child.",
        "Each young person I speak to who has X as their social worker thinks he is great.",
    ],
    "education": [
        "Thank you so much to X for being there for my family; she helped my son to walk "
        "and to be more confident on the road.",
        "What a pleasure it has been to work with you over the last two years.",
    ],
}
COMPLAINTS_SETTINGS = {
    "report_committee": "Children and Education Scrutiny Committee",
    "advocacy_provider": "the National Youth Advocacy Service (NYAS)",
}
TOWN_HALL = "Town Hall, Bridge Street, Peterborough, PE1 1HG"
SAND_MARTIN = "Sand Martin House, Bittern Way, Fletton Quays, Peterborough, PE2 8TY"
FORWARD_PLAN_SETTINGS = {
    "enquiries_contact": "the Democratic and Constitutional Services Manager, Legal and "
    f"Governance Department, {TOWN_HALL}, by email to democratic.services@example.invalid "
    "or by telephone on 01733 452460",
    "documents_contact": "the Democratic and Constitutional Services Manager, Legal and "
    f"Governance Department, {TOWN_HALL}, by email to democratic.services@example.invalid "
    "or by telephone on 01733 296334",
    "decisions_web_address": "https://www.peterborough.gov.uk/executivedecisions",
    "cabinet_members": "\n".join(
        [
            "Councillor Fitzgerald | Leader of the Council",
            "Councillor Steve Allen | Deputy Leader and Cabinet Member for Housing and Communities",
            "Councillor Hussain | Cabinet Member for Adults and Public Health",
            "Councillor Jackie Allen | Cabinet Member for Children's Services and Education",
            "Councillor Ayres | Cabinet Member for Skills, Further and Higher Education",
            "Councillor Simons | Cabinet Member for Infrastructure, Environment and Climate Change",
            "Councillor Coles | Cabinet Member for Legal, Finance and Corporate Governance",
            "Councillor Cereste | Cabinet Member for Growth and Regeneration",
        ]
    ),
    "directorates": "\n".join(
        [
            f"CS | Corporate Services | {SAND_MARTIN} | Finance, audit, property, HR, IT",
            f"CYP | Children and Young People's Service | {SAND_MARTIN} | Children's social "
            "care, education, child health",
            f"ADU | Adults | {SAND_MARTIN} | Adult social care, commissioning, early help",
            f"LG | Legal and Governance | {TOWN_HALL} | Lawyers, democratic services, "
            "information governance",
            f"PE | Place and Economy | {SAND_MARTIN} | Planning, housing, highways, "
            "regulatory services",
            f"PH | Public Health | {SAND_MARTIN} | Health protection and improvement",
        ]
    ),
}


def _choose(rep: Any, text: str, impact: str = "", chosen: bool = True) -> None:
    if rep.report_text:
        return
    data = {"in_annual_report": chosen, "report_text": text, "report_impact": impact}
    complaints.choose_for_report(DEMO, rep, data, rep.version)


def _complaint_examples(council: Council) -> None:
    received = council.representations.statutory().dated_in("received_on", YEAR)
    for category, examples in COMPLAINT_EXAMPLES.items():
        cases = received.filter(category=category).order_by("received_on", "reference")
        for rep, (detail, impact) in zip(cases, examples, strict=False):
            _choose(rep, detail, impact)
    for rep in improvements_in(council, YEAR):
        if rep.team in IMPROVEMENT_COMPLAINTS:
            _choose(rep, IMPROVEMENT_COMPLAINTS[rep.team], chosen=False)


def _compliment_examples(council: Council) -> None:
    compliments = council.representations.compliments().dated_in("received_on", YEAR)
    for service, texts in COMPLIMENTS.items():
        reps = compliments.filter(service=service).order_by("received_on", "reference")
        for rep, text in zip(reps, texts, strict=False):
            _choose(rep, text)


def _decision_links(council: Council) -> None:
    for decision in council.ombudsman_decisions.live().filter(link=""):
        link = DECISION_LINKS.get(decision.reference)
        if link:
            complaints.change_decision(DEMO, decision, {"link": link}, decision.version)


def _settings(council: Council) -> None:
    current = complaints_settings(council)
    if not current.report_committee:
        fields = ("overdue_report_to", "categories", "advocacy_provider", "report_committee")
        data = {name: getattr(current, name) for name in fields}
        data.update(COMPLAINTS_SETTINGS)
        complaints.change_complaints_settings(DEMO, council, data, current.version)
    plan = forward_plan_queries.settings_for(council)
    if not plan.directorates:
        forward_plan.change_settings(DEMO, council, dict(FORWARD_PLAN_SETTINGS), plan.version)


def _seed_edition_notes(council: Council) -> None:
    """The seed's edition printed Peterborough's notes, but the demo publishes it before
    these settings are loaded: give it the notes it printed, as the system, audited."""
    settings = forward_plan_queries.settings_for(council)
    for edition in council.forward_plan_editions.filter(status="published"):
        if not edition.notes.get("directorates"):

            def apply(edition: Any = edition) -> None:
                edition.notes = notes_for(council, settings)

            save_tracked(edition, DEMO, verb="notes as printed", apply=apply)


@transaction.atomic
def load_statutory_papers_demo(council: Council) -> None:
    """The report's and the plan's own words for Peterborough; safe to run twice."""
    _settings(council)
    _complaint_examples(council)
    _compliment_examples(council)
    _decision_links(council)
    _seed_edition_notes(council)
