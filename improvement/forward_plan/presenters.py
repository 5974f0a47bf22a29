"""The plan's rows and columns, in the layout of Peterborough's published plan.

A row is what the public may read: a private decision shows its title,
decision maker, date, the paragraph of Schedule 12A and the reason, and never
its exempt information (`exempt_detail`).
"""

from dataclasses import dataclass, field
from typing import Any

COMMON = [
    ("decision_maker", "DECISION MAKER"),
    ("date", "DATE DECISION EXPECTED"),
    ("scrutiny", "RELEVANT SCRUTINY COMMITTEE"),
    ("wards", "WARD"),
    ("consultation", "CONSULTATION"),
    ("contact", "CONTACT DETAILS / REPORT AUTHORS"),
    ("directorate", "DIRECTORATE"),
    (
        "documents",
        "DOCUMENTS RELEVANT TO THE DECISION SUBMITTED TO THE DECISION MAKER "
        "INCLUDING EXEMPT ANNEXES",
    ),
]
KEY_COLUMNS = [("required", "KEY DECISION REQUIRED"), *COMMON]
NON_KEY_COLUMNS = [("required", "DECISION REQUIRED"), *COMMON]
URGENT_COLUMNS = [
    ("required", "DECISION TAKEN"),
    ("decision_maker", "DECISION MAKER"),
    ("date", "DATE DECISION TAKEN"),
    ("urgency", "URGENCY PROCEDURE"),
    *COMMON[2:],
]
PART_TITLES = {
    1: "PART 1 – FORWARD PLAN OF KEY DECISIONS",
    2: "PART 2 – NOTICE OF INTENTION TO TAKE DECISIONS IN PRIVATE",
    3: "PART 3 – NOTIFICATION OF NON-KEY DECISIONS",
    4: "PART 4 – NOTIFICATION OF KEY DECISIONS TAKEN UNDER URGENCY PROCEDURES",
}
PART_COLUMNS = {1: KEY_COLUMNS, 2: KEY_COLUMNS, 3: NON_KEY_COLUMNS, 4: URGENT_COLUMNS}
EXEMPT_REASONS = {
    1: "information relating to any individual",
    2: "information which is likely to reveal the identity of an individual",
    3: "information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information)",
    4: "information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter",
    5: "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "information which reveals that the authority proposes to give a notice or to make "
    "an order or direction under any enactment",
    7: "information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}


def private_statement(decision: Any) -> str:
    """What Part 2 says of a private decision: the paragraph and the reason, nothing exempt."""
    paragraph = decision.exempt_paragraph
    reason = decision.private_reason or EXEMPT_REASONS.get(paragraph, "")
    return (
        f"The decision will include an exempt annexe. By virtue of paragraph {paragraph}, "
        f"{reason.rstrip('.')}."
    )


def _on(day: Any) -> str:
    return f"{day:%-d %B %Y}" if day else "(date not recorded)"


def urgency_statement(decision: Any) -> str:
    """What the plan says of the urgency route a decision was taken under: the general
    exception with the chair informed, or special urgency with the chair's agreement."""
    chair = decision.urgency_chair
    if decision.urgency_route == "general_exception":
        said = (
            f"General exception (regulation 10): {chair} was informed in writing on "
            f"{_on(decision.urgency_informed_on)}; notice was published on "
            f"{_on(decision.urgency_notice_on)}."
        )
    elif decision.urgency_route == "special_urgency":
        said = (
            f"Special urgency (regulation 11): {chair} agreed on "
            f"{_on(decision.urgency_agreed_on)} that the decision was urgent and could not "
            f"reasonably be deferred; notice of the reasons was published on "
            f"{_on(decision.urgency_notice_on)}."
        )
    else:
        return ""
    reason = decision.urgency_reason.strip()
    return f"{said} {reason}".strip()


def required_text(decision: Any) -> str:
    head = f"{decision.title} – {decision.reference}" if decision.reference else decision.title
    return f"{head} {decision.description}".strip()


def row_for(decision: Any, part: int) -> dict[str, Any]:
    """One row of the plan, every value a string, safe to publish."""
    documents = private_statement(decision) if decision.is_private else decision.documents
    taken = part == 4 and decision.taken_on
    return {
        "id": decision.pk,
        "reference": decision.reference,
        "title": decision.title,
        "required": required_text(decision),
        "decision_maker": decision.decision_maker,
        "date": f"{decision.taken_on:%-d %B %Y}" if taken else decision.expected,
        "scrutiny": decision.scrutiny.name if decision.scrutiny_id else "",
        "wards": decision.wards,
        "consultation": decision.consultation,
        "contact": decision.contact,
        "directorate": decision.directorate,
        "documents": documents,
        "key": decision.is_key,
        "private": decision.is_private,
        "exempt_paragraph": decision.exempt_paragraph if decision.is_private else None,
        "urgency_route": decision.get_urgency_route_display() if part == 4 else "",
        "urgency_reason": decision.urgency_reason if part == 4 else "",
        "urgency": urgency_statement(decision) if part == 4 else "",
    }


def entry_row(entry: Any) -> dict[str, Any]:
    """A published entry prints what was frozen; a draft one, the decision as it is now."""
    if entry.row:
        return entry.row
    return row_for(entry.decision, entry.part)


@dataclass
class Section:
    heading: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [label for _, label in self.columns]

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.columns]

    @property
    def cells(self) -> list[list[str]]:
        return [[str(row.get(key) or "") for key, _ in self.columns] for row in self.rows]

    @property
    def numbered(self) -> list[tuple[int, list[str], Any]]:
        ids = [row.get("id") for row in self.rows]
        return [
            (n, cells, pk)
            for n, (cells, pk) in enumerate(zip(self.cells, ids, strict=True), start=1)
        ]


@dataclass
class Part:
    number: int
    title: str
    sections: list[Section]


def _headings(edition: Any) -> dict[int, tuple[str, str]]:
    return {
        1: (
            f"KEY DECISIONS FROM {edition.decisions_from:%-d %B %Y}".upper(),
            "PREVIOUSLY ADVERTISED KEY DECISIONS",
        ),
        2: (
            "DECISIONS TO BE TAKEN IN PRIVATE",
            "PREVIOUSLY ADVERTISED DECISIONS TO BE TAKEN IN PRIVATE",
        ),
        3: (
            f"DECISIONS FROM {edition.published_on:%B %Y}".upper(),
            "PREVIOUSLY ADVERTISED DECISIONS",
        ),
        4: ("KEY DECISIONS TAKEN UNDER URGENCY PROCEDURES", ""),
    }


def edition_parts(edition: Any, entries: list[Any]) -> list[Part]:
    """The four parts of an edition, each with its new and previously advertised sections."""
    headings = _headings(edition)
    parts = []
    for number, title in PART_TITLES.items():
        new, previous = headings[number]
        columns = PART_COLUMNS[number]
        sections = [Section(new, columns)]
        if previous:
            sections.append(Section(previous, columns))
        for entry in entries:
            if entry.part == number:
                index = 1 if entry.previously_advertised and previous else 0
                sections[index].rows.append(entry_row(entry))
        parts.append(Part(number, title, sections))
    return parts
