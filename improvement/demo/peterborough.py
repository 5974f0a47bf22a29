"""Peterborough's chain from the Ofsted focused visit to the DfE Improvement Notice
(seeds 000, 003 and 004). The DfE reviews after the seeds are plausible inventions."""

import datetime
from typing import Any

from improvement.demo.people import Cast
from improvement.demo.plan import ensure_record
from improvement.demo.records import at
from improvement.plans.models import Finding, Inspection, Notice, Requirement, Review

D = datetime.date
VISIT = D(2023, 3, 1)
PUBLISHED = D(2023, 5, 9)
ISSUED = D(2023, 8, 2)
REPORT_URL = "https://www.ofsted.gov.uk/reports/50215914"

PRIORITY, AREA, ADVISER = (
    Finding.Kind.PRIORITY_ACTION,
    Finding.Kind.AREA_FOR_IMPROVEMENT,
    Finding.Kind.ADVISER_RECOMMENDATION,
)

FINDINGS = [
    (
        PRIORITY,
        "PA1",
        "The timeliness of the response to contacts, referrals and multi-agency "
        "safeguarding hub enquiries about children, and of subsequent visits from social workers.",
    ),
    (
        PRIORITY,
        "PA2",
        "Multi-agency arrangements and responses to children and young people at "
        "risk of extra-familial harm.",
    ),
    (
        AREA,
        "AFI1",
        "Making sure children's lived experience is understood and their voice is "
        "reflected in all social work.",
    ),
    (
        AREA,
        "AFI2",
        "Professional curiosity, so that practitioners look beyond the presenting "
        "concern and consider history and the wider family network.",
    ),
    (
        AREA,
        "AFI3",
        "The consistency and impact of management oversight and supervision at the "
        "front door, including recorded rationale for decisions.",
    ),
    (
        AREA,
        "AFI4",
        "The quality and timeliness of strategy discussions, including the right "
        "agencies taking part.",
    ),
]

ADVISER_RECOMMENDATIONS = [
    (
        "AR1",
        D(2023, 11, 8),
        "Establish a single performance scorecard for the front door, "
        "reported to every board meeting with targets and statistical-neighbour benchmarks.",
    ),
    (
        "AR2",
        D(2023, 12, 20),
        "Stabilise the workforce: reduce reliance on agency social "
        "workers and managers in the MASH and assessment teams.",
    ),
    (
        "AR3",
        D(2024, 1, 31),
        "Strengthen partnership governance so that each statutory partner "
        "reports its own contribution to the plan to the board.",
    ),
]

# Paragraphs of the notice (seed 004), as (paragraph, heading, text).
REQUIREMENTS = [
    (
        "1",
        "",
        "This Notice is given to address all the areas for improvement identified in the "
        "report of the focused visit of children's social care services dated 9 May 2023.",
    ),
    (
        "2",
        "",
        "To comply with this Notice, the following actions are required of the council, "
        'working with its partner agencies ("partners") as identified by the Children Act 2004 '
        "(Section 11).",
    ),
    (
        "3",
        "Adviser arrangements",
        "The Secretary of State has chosen to appoint an Adviser to "
        "provide advice to the Department for Education and/or the council. The council will work "
        "with the Adviser until some such time that the Secretary of State is satisfied this is no "
        "longer required.",
    ),
    (
        "4",
        "Improvement plan",
        "The council's improvement plan will deliver appropriate and "
        "sustainable improvement. The plan should cover the areas identified in the Ofsted report "
        "of 9 May 2023 as well as recommendations made by the Adviser appointed by the Department. "
        "The council will ensure that sufficient capacity is available to implement the plan in "
        "the timescales outlined.",
    ),
    (
        "5a",
        "Improvement plan",
        "The content of the improvement plan and a record of progress "
        "against it must be kept up to date.",
    ),
    (
        "5b",
        "Improvement plan",
        "The council must ensure that it establishes and maintains an "
        "improvement board, for which the council will be responsible for. The improvement board "
        "is to have an independent Chair who will oversee the implementation of the improvement "
        "plan and report to the improvement board on progress against the objectives in the plan, "
        "to a timetable agreed with the Department. It can commission updates from partners in "
        "order to do this.",
    ),
    (
        "5c",
        "Improvement plan",
        "Reports to the improvement board should include data, analysis "
        "and recommendations supported by evidence of impact of improvements on the quality of "
        "practice and experience of children and families.",
    ),
    (
        "5d",
        "Improvement plan",
        "The council should highlight those objectives which are slow to "
        "progress and highlight where contributions need to be strengthened (including where "
        "additional capacity is needed).",
    ),
    (
        "5e",
        "Improvement plan",
        "The views of frontline staff and of children and young people "
        "will be taken into consideration in the development of practice and standards.",
    ),
    (
        "6",
        "Department for Education reviews",
        "Officials or Advisers from the Department will "
        "undertake reviews of progress against the improvement agenda at least every six months "
        "and more regularly where appropriate.",
    ),
    (
        "7",
        "Department for Education reviews",
        "These reviews may cover the following areas, "
        "while not being limited to them: culture; performance; leadership; management and "
        "governance; workforce and management oversight; assessments; the Multi-Agency "
        "Safeguarding Hub; and multi-agency arrangements.",
    ),
    (
        "8",
        "Department for Education reviews",
        "From time to time, the Adviser may require that "
        "a diagnostic review or assessment of performance in a specific service area is undertaken "
        "by a local authority or other party agreed with the Department.",
    ),
    (
        "9",
        "Department for Education reviews",
        "For any review or assessment, the council must "
        "provide the person(s) conducting it with: a. access to, and time with, staff and "
        "leadership; b. accurate and up to date data on performance and quality; c. facilities to "
        "carry out the reviews; d. access to case files, minutes of meetings, supervision records "
        "or any other relevant information.",
    ),
    (
        "10a",
        "Department for Education reviews",
        "Prior to any reviews, the council should "
        "provide its own assessment of improvement, reflecting progress against the improvement "
        "plan objectives.",
    ),
    (
        "10b",
        "Department for Education reviews",
        "The council's own assessment should reflect "
        "involvement of safeguarding partners and the improvement board.",
    ),
    (
        "10c",
        "Department for Education reviews",
        "The council's own assessment should reflect staff surveys.",
    ),
    (
        "10d",
        "Department for Education reviews",
        "The council's own assessment should reflect "
        "staff supervision and the quality of feedback.",
    ),
    (
        "11",
        "Department for Education reviews",
        "Taking account of the measures set out in this Improvement Notice and the Adviser's "
        "feedback, the council should aim for actions included in the improvement plan to be "
        "implemented by the end of November 2024 (within 18 months of the Ofsted inspection) or "
        "sooner, where appropriate.",
    ),
    (
        "12",
        "Assessment of improvement",
        "The Department will be represented at the council's regular improvement board.",
    ),
    (
        "13",
        "Assessment of improvement",
        "The Adviser will provide to the Department regular "
        "reports of progress or concern against the areas set out in this notice, improvement "
        "against the Ofsted requirements, and any other such information relevant to the council's "
        "improvement journey.",
    ),
    (
        "14",
        "Failure to comply",
        "Should the council be unwilling or unable to comply with this "
        "improvement notice, or should ministers not be satisfied with the council's progress at "
        "any stage, ministers may choose to invoke their statutory powers of intervention (s497A "
        "Education Act 1996) to direct the council to enter into an appropriate arrangement to "
        "secure the improvements required in children's services.",
    ),
]

REVIEWS = [
    (
        D(2024, 2, 14),
        "First six-monthly review. Board established and meeting six-weekly; plan "
        "re-based. Contact timeliness improving but health capacity in the MASH remains a concern.",
    ),
    (
        D(2024, 8, 14),
        "Front door timeliness now consistently within target. Extra-familial harm "
        "arrangements in place; evidence of impact on children still emerging.",
    ),
    (
        D(2025, 2, 12),
        "Most actions complete and accepted. Workforce stability and the quality of "
        "supervision remain the main risks; the notice stays in place.",
    ),
    (
        D(2025, 8, 13),
        "Improvement sustained at the front door. Focus moved to embedding practice "
        "quality and the voice of children across all teams.",
    ),
    (
        D(2026, 2, 11),
        "Steady progress. Partnership contribution to the exploitation hub needs "
        "firmer funding commitments.",
    ),
    (
        D(2026, 8, 12),
        "Adviser content that core improvements are sustained; remaining actions "
        "are about permanence of the workforce and partnership analytics.",
    ),
]


def load_chain(cast: Cast, today: datetime.date) -> dict[str, Any]:
    """The inspection, findings, notice, requirements and reviews; keyed for linking."""
    council = cast.council
    inspection = ensure_record(
        cast.council,
        Inspection,
        {"council": council, "kind": Inspection.Kind.FOCUSED_VISIT, "started_on": VISIT},
        {
            "title": "Ofsted focused visit: Integrated Front Door and MASH",
            "ended_on": D(2023, 3, 2),
            "published_on": PUBLISHED,
            "report_url": REPORT_URL,
        },
        created_at=at(PUBLISHED),
    )
    findings = _findings(cast, inspection, today)
    notice = _notice(cast, inspection)
    requirements = {
        paragraph: ensure_record(
            cast.council,
            Requirement,
            {"notice": notice, "paragraph": paragraph},
            {"heading": heading, "text": text},
            created_at=at(ISSUED),
        )
        for paragraph, heading, text in REQUIREMENTS
    }
    for held_on, summary in REVIEWS:
        if held_on <= today:
            ensure_record(
                cast.council,
                Review,
                {"notice": notice, "held_on": held_on},
                {"reviewer": "DfE improvement adviser and officials", "summary": summary},
                created_at=at(held_on),
            )
    return {"findings": findings, "requirements": requirements, "notice": notice}


def _findings(cast: Cast, inspection: Inspection, today: datetime.date) -> dict[str, Finding]:
    found = {}
    for kind, ref, text in FINDINGS:
        found[ref] = ensure_record(
            cast.council,
            Finding,
            {"council": cast.council, "kind": kind, "ref": ref},
            {"inspection": inspection, "text": text, "made_on": PUBLISHED},
            created_at=at(PUBLISHED),
        )
    for ref, made_on, text in ADVISER_RECOMMENDATIONS:
        if made_on <= today:
            found[ref] = ensure_record(
                cast.council,
                Finding,
                {"council": cast.council, "kind": ADVISER, "ref": ref},
                {"inspection": None, "text": text, "made_on": made_on},
                created_at=at(made_on),
            )
    return found


def _notice(cast: Cast, inspection: Inspection) -> Notice:
    return ensure_record(
        cast.council,
        Notice,
        {"council": cast.council, "issued_on": ISSUED},
        {
            "inspection": inspection,
            "title": "Improvement Notice",
            "issuer": "Department for Education (Emily Williams, a senior civil servant)",
            "adviser": "Sally Rowe",
            "review_interval_months": 6,
            "deadline": D(2024, 11, 30),
        },
        created_at=at(ISSUED),
    )
