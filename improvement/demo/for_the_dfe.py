"""For the DfE: Peterborough's objectives, measures and case file audits tagged with
the areas a DfE review may cover (Improvement Notice, 7), the dates the DfE set for
its reviews with the council's responses, and two diagnostic reviews the adviser
required (8). The diagnostic reviews and the responses are plausible inventions."""

import datetime
from typing import Any

from improvement.core.models import Council
from improvement.demo.peterborough import REVIEWS
from improvement.demo.records import at, ensure, ensure_links
from improvement.plans.models import DiagnosticFinding, DiagnosticReview, Review, ReviewArea

D = datetime.date
A = ReviewArea

# Objective ref to its review areas.
OBJECTIVE_AREAS = {
    "1": [A.MASH, A.PERFORMANCE, A.ASSESSMENTS],
    "2": [A.MULTI_AGENCY],
    "3": [A.CULTURE, A.ASSESSMENTS],
    "4": [A.WORKFORCE, A.ASSESSMENTS, A.LEADERSHIP],
    "5": [A.WORKFORCE],
    "6": [A.MANAGEMENT_GOVERNANCE, A.LEADERSHIP, A.MULTI_AGENCY],
}
# Measure code to its review areas.
MEASURE_AREAS = {
    "contacts_to_referral_pct": [A.MASH, A.PERFORMANCE],
    "referral_nfa_pct": [A.MASH, A.PERFORMANCE],
    "rereferral_12m_pct": [A.MASH, A.PERFORMANCE],
    "assessments_within_45wd_pct": [A.ASSESSMENTS, A.PERFORMANCE],
    "assessments_open_over_45wd": [A.ASSESSMENTS, A.PERFORMANCE],
    "assessment_child_seen_pct": [A.ASSESSMENTS, A.CULTURE],
    "s47_to_icpc_pct": [A.MULTI_AGENCY, A.PERFORMANCE],
    "icpc_within_15wd_pct": [A.MULTI_AGENCY, A.PERFORMANCE],
    "icpc_to_cpp_pct": [A.MULTI_AGENCY],
    "cp_visits_within_10wd_pct": [A.PERFORMANCE],
    "cp_reviews_in_time_pct": [A.PERFORMANCE],
    "repeat_cpp_pct": [A.PERFORMANCE],
    "cla_3plus_placements_pct": [A.PERFORMANCE],
    "cla_health_assessment_in_time_pct": [A.MULTI_AGENCY, A.PERFORMANCE],
    "care_leavers_in_touch_pct": [A.PERFORMANCE],
    "sw_turnover_pct": [A.WORKFORCE],
    "sw_agency_pct": [A.WORKFORCE],
    "sw_vacancy_pct": [A.WORKFORCE],
    "sw_caseload": [A.WORKFORCE],
}
# Case file audit theme to its review areas.
AUDIT_AREAS = {
    "Timeliness of the response to contacts": [A.MASH],
    "Strategy discussions and section 47 enquiries": [A.MULTI_AGENCY, A.ASSESSMENTS],
    "The child's voice in assessments": [A.ASSESSMENTS, A.CULTURE],
    "Management oversight and supervision": [A.WORKFORCE],
    "Extra-familial harm: return interviews and plans": [A.MULTI_AGENCY],
    "Child protection planning": [A.ASSESSMENTS],
}
# The council's response to each DfE review, by the date it was held.
RESPONSES = {
    D(2024, 2, 14): "Health capacity in the MASH raised with the ICB; a second health "
    "navigator funded from April. The plan re-based with the adviser.",
    D(2024, 8, 14): "Impact on children to be shown through audits and the children's "
    "forum at each board; the exploitation hub's first quarter reported to the board.",
    D(2025, 2, 12): "A workforce plan to convert agency posts and a supervision standard "
    "audited every quarter.",
}
# The DfE's next review after the last in the story (peterborough.REVIEWS).
NEXT_REVIEW = D(2027, 2, 10)
DIAGNOSTICS = [
    {
        "title": "Diagnostic review of the Multi-Agency Safeguarding Hub",
        "commissioned_by": "The DfE improvement adviser",
        "carried_out_by": "A peer review team from a partner-in-practice council, agreed "
        "with the DfE",
        "started_on": D(2023, 11, 6),
        "reported_on": D(2023, 12, 15),
        "review_areas": [A.MASH, A.MULTI_AGENCY],
        "summary": "Contacts are screened promptly, but health and police checks wait for "
        "capacity, and the reasons for decisions are not always recorded.",
        "findings": [
            ("Health checks in the MASH wait up to three days for capacity.", ["1", "6"]),
            ("Managers' reasons for MASH decisions are not consistently recorded.", ["1", "4"]),
            ("Police attendance at strategy discussions is not yet reliable.", ["2"]),
        ],
    },
    {
        "title": "Assessment of management oversight and supervision",
        "commissioned_by": "The DfE improvement adviser",
        "carried_out_by": "An independent social work consultant agreed with the DfE",
        "started_on": D(2024, 5, 13),
        "reported_on": D(2024, 6, 28),
        "review_areas": [A.WORKFORCE, A.LEADERSHIP],
        "summary": "Supervision is now regular in most teams; reflective discussion and "
        "the recording of managers' direction on case files are the next steps.",
        "findings": [
            ("Supervision is regular but seldom reflective.", ["4"]),
            ("High use of agency staff disrupts supervision relationships.", ["5"]),
        ],
    },
]


def _tag(records: Any, key: str, areas: dict[str, list[str]]) -> None:
    for record in records:
        wanted = [str(area) for area in areas.get(getattr(record, key), [])]
        if wanted:
            ensure(type(record), {"pk": record.pk}, {"review_areas": wanted})


def _reviews(council: Council, today: datetime.date) -> None:
    notice = council.notices.live().first()
    if notice is None:
        return
    for review in notice.reviews.all():
        ensure(
            Review,
            {"pk": review.pk},
            {"scheduled_on": review.held_on, "response": RESPONSES.get(review.held_on, "")},
        )
    # The review after today in the story, as the DfE had scheduled it by then.
    later = [held_on for held_on, _ in REVIEWS if held_on > today]
    ensure(type(notice), {"pk": notice.pk}, {"next_review_on": min(later, default=NEXT_REVIEW)})


def _diagnostics(council: Council, today: datetime.date) -> None:
    objectives = {o.ref: o for o in council.objectives.all()}
    for spec in DIAGNOSTICS:
        if spec["started_on"] > today:
            continue
        fields = {k: v for k, v in spec.items() if k not in ("title", "findings")}
        fields["review_areas"] = [str(area) for area in fields["review_areas"]]
        review = ensure(
            DiagnosticReview,
            {"council": council, "title": spec["title"]},
            fields,
            created_at=at(spec["started_on"]),
        )
        for position, (text, refs) in enumerate(spec["findings"], start=1):
            finding = ensure(
                DiagnosticFinding,
                {"review": review, "position": position},
                {"text": text},
                created_at=at(spec["reported_on"]),
            )
            ensure_links(finding, "objectives", [objectives[r] for r in refs if r in objectives])


def load_dfe_demo(council: Council, today: datetime.date) -> None:
    """Tags, review dates and diagnostic reviews for a council whose plan and evidence
    are loaded. Safe to run again."""
    _tag(council.objectives.all(), "ref", OBJECTIVE_AREAS)
    _tag(council.measures.all(), "code", MEASURE_AREAS)
    _tag(council.case_audits.all(), "theme", AUDIT_AREAS)
    _reviews(council, today)
    _diagnostics(council, today)
