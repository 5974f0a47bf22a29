"""Shropshire, run its own way (seed 001): a voluntary board chaired by the Chief
Executive, advisory only, no DfE notice and no independent chair. The visit dates
within November 2023 are illustrative; the seed gives only the month."""

import datetime

from improvement.demo.people import (
    SHROPSHIRE_ORGANISATIONS,
    SHROPSHIRE_OWNERS,
    SHROPSHIRE_SIGN_INS,
    build_cast,
    ensure_council,
    sign_in_rows,
)
from improvement.demo.plan import ActionSpec, ObjectiveSpec, ensure_record, load_plan
from improvement.demo.records import at
from improvement.demo.timeline import Story
from improvement.plans.models import Finding, Inspection

D = datetime.date
AREA = Finding.Kind.AREA_FOR_IMPROVEMENT

FINDINGS = [
    (
        "AFI1",
        "The quality of management oversight and decision-making in child protection practice.",
    ),
    ("AFI2", "Staff supervision: its regularity, quality and recording."),
    ("AFI3", "Appropriate challenge by child protection chairs."),
]

OBJECTIVES = [
    ObjectiveSpec(
        "S1",
        "Management oversight",
        "Decisions about children are timely, recorded and well reasoned",
        "Oversight at every key point in child protection work.",
        ["AFI1"],
    ),
    ObjectiveSpec(
        "S2",
        "Supervision",
        "Every practitioner has regular, reflective supervision",
        "Supervision that improves practice and supports staff.",
        ["AFI2"],
    ),
    ObjectiveSpec(
        "S3",
        "Independent challenge",
        "Child protection chairs challenge drift and poor plans",
        "Chairs' escalation used and effective.",
        ["AFI3"],
    ),
]


def _story(start: D, done: D, risk: str, progress: str, did: str) -> Story:
    return Story(start=start, done=done, risk=risk, progress=progress, did=did)


ACTIONS = {
    "S1": [
        ActionSpec(
            "S1.1",
            "Management oversight practice standard and recording template",
            "council",
            ["ad"],
            D(2024, 1, 15),
            D(2024, 5, 31),
            "Oversight recorded at key decisions in 80% of audited cases",
            "Case audits",
            ["AFI1"],
            _story(
                D(2024, 1, 15),
                D(2024, 5, 10),
                "template needs ICT change",
                "standard briefed to all managers",
                "Standard and template in use across child protection.",
            ),
        ),
        ActionSpec(
            "S1.2",
            "Monthly audits of child protection decision-making",
            "council",
            ["sqa"],
            D(2024, 2, 1),
            D(2024, 12, 31),
            "70% of audited decisions good or better",
            "Audit reports",
            ["AFI1"],
            _story(
                D(2024, 2, 1),
                D(2024, 12, 1),
                "auditor capacity",
                "audits running monthly",
                "Audit programme embedded.",
            ),
        ),
        ActionSpec(
            "S1.3",
            "Development programme for team managers on decision-making",
            "council",
            ["wf"],
            D(2024, 3, 1),
            D(2025, 3, 31),
            "Every team manager completes the programme",
            "Attendance; evaluations",
            ["AFI1"],
            _story(
                D(2024, 3, 1),
                D(2025, 3, 1),
                "provider procurement",
                "two cohorts completed",
                "Programme complete.",
            ),
        ),
    ],
    "S2": [
        ActionSpec(
            "S2.1",
            "Refreshed supervision policy with four-weekly reflective supervision",
            "council",
            ["ad"],
            D(2024, 1, 15),
            D(2024, 4, 30),
            "90% of staff supervised within four weeks",
            "Compliance report",
            ["AFI2"],
            _story(
                D(2024, 1, 15),
                D(2024, 4, 10),
                "policy consultation with unions",
                "policy agreed",
                "Policy live; compliance 92%.",
            ),
        ),
        ActionSpec(
            "S2.2",
            "Supervision quality audits with staff feedback",
            "council",
            ["sqa"],
            D(2024, 3, 1),
            D(2024, 11, 30),
            "Staff rate supervision good in 75% of responses",
            "Supervision audit; staff survey",
            ["AFI2"],
            _story(
                D(2024, 3, 1),
                D(2024, 11, 1),
                "survey timing",
                "first audit complete",
                "Two audit cycles complete.",
            ),
        ),
    ],
    "S3": [
        ActionSpec(
            "S3.1",
            "Escalation protocol for child protection chairs",
            "council",
            ["sqa"],
            D(2024, 1, 15),
            D(2024, 3, 31),
            "Escalations recorded and resolved within 20 working days",
            "Escalation log",
            ["AFI3"],
            _story(
                D(2024, 1, 15),
                D(2024, 3, 15),
                "chairs' workload",
                "protocol drafted with chairs",
                "Protocol in use.",
            ),
        ),
        ActionSpec(
            "S3.2",
            "Chairs' midway reviews of every child protection plan",
            "council",
            ["sqa"],
            D(2024, 2, 1),
            D(2024, 9, 30),
            "Midway review in 90% of plans",
            "Chairs' activity report",
            ["AFI3"],
            _story(
                D(2024, 2, 1),
                D(2024, 9, 1),
                "two chair vacancies",
                "midway reviews in 84% of plans",
                "Midway reviews embedded.",
            ),
        ),
        ActionSpec(
            "S3.3",
            "Board oversight report on chairs' challenge each quarter",
            "council",
            ["dp", "ceo"],
            D(2024, 4, 1),
            D(2025, 6, 30),
            "Quarterly report to the board",
            "Board papers",
            ["AFI3"],
            _story(
                D(2024, 4, 1),
                D(2025, 6, 1),
                "report format",
                "reports received quarterly",
                "Reporting embedded.",
            ),
        ),
    ],
}


def load_shropshire(today: datetime.date) -> list[tuple[str, str, str, str]]:
    council = ensure_council("shropshire", "Shropshire Council")
    cast = build_cast(council, SHROPSHIRE_ORGANISATIONS, SHROPSHIRE_SIGN_INS, SHROPSHIRE_OWNERS)
    cast.users["chair"] = cast.users["manager"]  # no independent chair: the board accepts Blue
    if today >= D(2024, 1, 12):
        chain = {"findings": _chain(cast), "agreed": D(2024, 1, 12)}
        load_plan(cast, OBJECTIVES, ACTIONS, chain, today)
    return sign_in_rows(cast, SHROPSHIRE_SIGN_INS)


def _chain(cast) -> dict[str, Finding]:
    inspection = ensure_record(
        cast.council,
        Inspection,
        {
            "council": cast.council,
            "kind": Inspection.Kind.FOCUSED_VISIT,
            "started_on": D(2023, 11, 7),
        },
        {
            "title": "Ofsted focused visit: child protection",
            "ended_on": D(2023, 11, 8),
            "published_on": D(2024, 1, 12),
        },
        created_at=at(D(2024, 1, 12)),
    )
    return {
        ref: ensure_record(
            cast.council,
            Finding,
            {"council": cast.council, "kind": AREA, "ref": ref},
            {"inspection": inspection, "text": text, "made_on": D(2024, 1, 12)},
            created_at=at(D(2024, 1, 12)),
        )
        for ref, text in FINDINGS
    }
