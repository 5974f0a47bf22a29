"""For the DfE: the council's self-assessment before each review (Improvement
Notice, 10) and the adviser's report of progress or concern (13), from the same
data as the board's reports, with the text drafted in the app."""

from collections import defaultdict
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, paragraphs
from improvement.evidence.queries import measure_summaries
from improvement.plans.models import Rating
from improvement.plans.picture import notice_summary
from improvement.reports import board, evidence, queries
from improvement.reports.committee import plan_figures

SUPERVISION_WORDS = ("supervis", "oversight", "caseload", "feedback")
SELF_ASSESSMENT_KEYS = [
    ("summary", "Summary of the council's assessment"),
    ("progress", "Progress against the improvement plan objectives"),
    ("partners", "Involvement of safeguarding partners and the improvement board"),
    ("surveys", "Staff surveys"),
    ("supervision", "Staff supervision and the quality of feedback"),
]
ADVISER_KEYS = [
    ("judgement", "Progress or concern"),
    ("summary", "Summary"),
    ("progress", "Progress against the improvement plan"),
    ("concerns", "Areas slow to progress"),
    ("performance", "Performance"),
    ("ofsted", "Improvement against the Ofsted requirements"),
]


def written(report: Any, key: str) -> list[str]:
    return paragraphs((report.sections or {}).get(key, ""))


def review_dates(report: Any) -> tuple[Any, Any]:
    """The last review (or the notice's date) and the next review, from its interval."""
    summary = notice_summary(report.council, report.as_at)
    if summary is None:
        return None, None
    return summary.last_review_on or summary.notice.issued_on, summary.next_review_due


def attendance_table(council: Any, since: Any, until: Any) -> Table:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in queries.board_attendance(council, since, until):
        org = row.person.organisation.name if row.person.organisation else "No organisation"
        counts[org][row.status] += 1
    rows = []
    for org, by_status in sorted(counts.items()):
        there = by_status["present"] + by_status["substitute"]
        total = there + by_status["apologies"] + by_status["absent"]
        rows.append(
            [org, str(there), str(by_status["apologies"]), str(by_status["absent"]),
             f"{pct(percentage(there, total))} ({there} of {total})"]
        )  # fmt: skip
    head = ["Organisation", "Present", "Apologies", "Absent", "Attendance"]
    return Table("Board attendance by organisation", head, rows, "No board meetings held.")


def partner_table(council: Any, picture: Any) -> Table:
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in picture.actions:
        # A partner's action is led by its owners, whatever organisation holds it.
        orgs = {str(o.organisation) for o in item.action.owners.all() if o.organisation_id}
        for org in orgs or {str(item.action.organisation)}:
            groups[org].append(item)
    rows = [
        [
            org,
            str(len(items)),
            f"{pct(percentage(sum(i.complete for i in items), len(items)))}",
            str(sum(1 for i in items if i.rating in (Rating.RED, Rating.AMBER))),
            str(sum(1 for i in items if i.slow)),
        ]
        for org, items in sorted(groups.items())
    ]
    head = ["Organisation", "Actions", "Complete", "Red or Amber", "Slow to progress"]
    return Table("Actions by the organisations of their owners", head, rows, "No actions.")


def supervision_section(report: Any, summaries: list[Any]) -> Section:
    council, as_at = report.council, report.as_at
    chosen = [s for s in summaries if _mentions(f"{s.measure.name} {s.measure.code}")]
    audits = [a for a in queries.audits_until(council, as_at) if _mentions(a.theme + a.learning)]
    themes = [
        f"{event.title} ({ukdate(event.held_on)}): {theme.title}. {theme.summary}"
        for event in queries.voice_until(council, as_at)
        for theme in event.themes.all()
        if _mentions(theme.title + theme.summary)
    ]
    return Section(
        "Staff supervision and the quality of feedback",
        paragraphs=written(report, "supervision"),
        bullets=themes,
        tables=[
            Table(
                "Workforce and supervision measures",
                evidence.MEASURE_HEAD,
                evidence.measure_rows(chosen),
                "No such measure.",
            ),
            evidence.audit_table(audits),
        ],
    )


def _mentions(text: str) -> bool:
    text = text.lower()
    return any(word in text for word in SUPERVISION_WORDS)


def self_assessment(report: Any) -> Document:
    council = report.council
    since, review = review_dates(report)
    text, table, picture = plan_figures(report)
    summaries = measure_summaries(council, picture.as_at)
    staff = list(queries.voice_until(council, picture.as_at, "staff_survey"))
    sections = [
        Section("Summary of the council's assessment", paragraphs=written(report, "summary")
                or ["The council has not yet written its summary."]),
        Section("Progress against the improvement plan objectives",
                paragraphs=text + written(report, "progress"), tables=[table],
                bullets=[str(o.objective) for o in picture.slow_objectives]),
        Section("Involvement of safeguarding partners and the improvement board",
                paragraphs=written(report, "partners"),
                tables=[attendance_table(council, since, picture.as_at),
                        partner_table(council, picture)]),
        Section("Staff surveys", paragraphs=written(report, "surveys"),
                tables=[evidence.voice_table(staff, "Staff surveys")]),
        supervision_section(report, summaries),
        board.key_section(council),
    ]  # fmt: skip
    subtitle = f"Figures as at {ukdate(picture.as_at)}."
    if review:
        subtitle += f" For the DfE review due by {ukdate(review)}; since {ukdate(since)}."
    return Document(
        kind="self_assessment",
        title=report.title,
        council=council.name,
        subtitle=subtitle,
        sections=sections,
        figures=board.summary_figures(picture),
    )


def findings_table(report: Any, picture: Any) -> Table:
    by_objective = {o.objective.pk: o for o in picture.objectives}
    rows = []
    for finding in report.council.findings.live().prefetch_related("objectives"):
        progress = [by_objective[o.pk] for o in finding.objectives.all() if o.pk in by_objective]
        done = sum(p.complete for p in progress)
        total = sum(len(p.actions) for p in progress)
        rows.append(
            [
                f"{finding.get_kind_display()} {finding.ref}: {finding.text}".strip(),
                "; ".join(str(p.objective) for p in progress) or "None linked",
                f"{pct(percentage(done, total))} ({done} of {total})",
            ]
        )
    head = ["Ofsted finding", "Objectives", "Actions complete"]
    return Table("Improvement against the Ofsted findings", head, rows, "No findings recorded.")


def adviser(report: Any) -> Document:
    council = report.council
    picture = board_picture(council, report.as_at)
    text, table, _ = plan_figures(report)
    summaries = measure_summaries(council, picture.as_at)
    judgement = written(report, "judgement") or ["Not yet given."]
    performance = evidence.analysis(summaries) + written(report, "performance")
    measures = Table("Measures", evidence.MEASURE_HEAD, evidence.measure_rows(summaries))
    sections = [
        Section("Progress or concern", paragraphs=judgement + written(report, "summary")),
        Section("Progress against the improvement plan",
                paragraphs=text + written(report, "progress"), tables=[table]),
        Section("Areas slow to progress", paragraphs=written(report, "concerns"),
                subsections=[board._slow(council, picture)]),
        Section("Performance", paragraphs=performance, bullets=evidence.off_target(summaries),
                tables=[measures]),
        Section("Improvement against the Ofsted requirements", paragraphs=written(report, "ofsted"),
                tables=[findings_table(report, picture)]),
        board.key_section(council),
    ]  # fmt: skip
    return Document(
        kind="adviser",
        title=report.title,
        council=council.name,
        subtitle=f"To the Department for Education. As at {ukdate(picture.as_at)}.",
        sections=sections,
        figures=board.summary_figures(picture),
    )


__all__ = ["rating_label", "self_assessment", "adviser"]
