"""The text a committee report starts from, right for its subject (docs/adr/027): the
council's report settings (priorities, carbon, the notice's legal implications), the
officer starting it, and its appendix; the complaints annual report's cover report
(seed 003 item 6) has its own words where it differs. Kept on the report when it is
started, so the officer edits them and finalising checks what is stored."""

import datetime
from typing import Any

from improvement.core.templatetags.ib import ukdate
from improvement.reports import appendix
from improvement.reports.queries import latest_notice, settings_for


def _words(report: Any) -> dict[str, str]:
    found = appendix.spec(report)
    notice = latest_notice(report.council)
    board_day = found.get("day", "")
    return {
        "board": found.get("body", "improvement board"),
        "board_day": (
            ukdate(datetime.date.fromisoformat(board_day)) if board_day else ukdate(report.as_at)
        ),
        "committee": report.body.name if report.body else "committee",
        "notice": f", dated {ukdate(notice.issued_on)}" if notice else "",
        "notice_date": ukdate(notice.issued_on) if notice else "",
        "appendix": appendix.title(found),
        "year": appendix.year_label(report.appendix_year) if report.appendix_year else "",
    }


# Defaults for a report on the improvement plan; the complaints annual report's cover
# report (seed 003 item 6) has its own where it differs.
BOARD_TEXT = {
    "origin": "This report follows the meeting of the {board} on {board_day}.",
    "purpose": (
        "This report updates the {committee} on progress against the improvement plan "
        "required by the Department for Education's Improvement Notice{notice}."
    ),
    "timescales": "Is this a Major Policy Item/Statutory Plan? No.",
    "consultation": "The {board} considered the progress reported at its meeting on {board_day}.",
    "outcomes": (
        "The {committee} is informed of the progress of the improvement plan and can "
        "scrutinise it, asking officers for further information where it needs to."
    ),
    "reason": (
        "The {committee} holds the council to account for children's services under its "
        "terms of reference. Reporting each meeting of the {board} to it lets councillors "
        "scrutinise the progress the Improvement Notice requires."
    ),
    "alternatives": "There were no alternative options to consider.",
    "financial": "There are no financial implications arising directly from this report.",
    "equalities": "No equalities implications arise directly from this report.",
    "other": (
        "Improving children's services has positive implications for children in care and "
        "care leavers."
    ),
    "background_documents": "The Department for Education's Improvement Notice{notice}.",
    "synopsis": (
        "The progress of the children's services improvement plan, as reported to the "
        "{board} on {board_day}."
    ),
    "executive_summary": (
        "The {board} met on {board_day} and considered the progress of the improvement plan "
        "required by the Department for Education's Improvement Notice{notice}. Its progress "
        "report is Appendix 1."
    ),
    "risk": (
        "The risk is that the council does not make the improvements the Improvement Notice "
        "requires by its deadline, and the Secretary of State uses the powers of section 497A "
        "of the Education Act 1996. The {board} monitors every action of the plan at each "
        "meeting; the actions slow to progress are set out in Appendix 1."
    ),
    "recommendations": "Note and comment on the progress of the improvement plan.",
}
COMPLAINTS_TEXT = {
    "origin": "This report has been requested as a recurring annual item for scrutiny.",
    "purpose": (
        "It is a regulatory requirement under the Children Act 1989 complaints procedures for "
        "children and young people for the council to prepare an annual report of children's "
        "statutory complaints and present it to the relevant committee for scrutiny "
        "(regulation 13(3) of the Children Act 1989 Representations Procedure (England) "
        "Regulations 2006)."
    ),
    "background": "The detail of the report is in Appendix 1, {appendix}.",
    "consultation": "The figures are counted from the council's complaint records.",
    "outcomes": "That the report will highlight areas for service review.",
    "reason": (
        "It is a requirement under the statutory complaints process for an annual report to "
        "be produced each year, so that the relevant scrutiny committee can consider it and "
        "make recommendations for further scrutiny if it deems them appropriate."
    ),
    "legal": (
        "The processes used by the complaints team and children's social care managers when "
        "investigating complaints must comply fully with the Children Act 1989 "
        "Representations Procedure (England) Regulations 2006 and the statutory guidance "
        "issued by the Department for Education under the Local Authority Social Services "
        "Act 1970."
    ),
    "other": (
        "Children and young people can use advocacy services to help them through the "
        "complaints process."
    ),
    "background_documents": (
        "Children's social care: getting the best from complaints, the Department for "
        "Education's statutory guidance: "
        "https://www.gov.uk/government/publications/"
        "childrens-social-care-getting-the-best-from-complaints"
    ),
    "synopsis": "The annual report of children's social care complaints for {year}.",
    "executive_summary": (
        "The council must publish an annual report of its children's social care complaints. "
        "The report for {year} is Appendix 1."
    ),
    "risk": (
        "Complaints not resolved at the first stage escalate to independent investigation, "
        "at a cost; the report lets the {committee} see where services can learn from them."
    ),
    "recommendations": (
        "Consider the report and make recommendations for further scrutiny if deemed appropriate."
    ),
}


def _settings_text(report: Any) -> dict[str, str]:
    settings = settings_for(report.council)
    priorities = settings.corporate_priorities.strip()
    if settings.priorities_link:
        priorities += (
            f"\n\nFurther information on the council's priorities: {settings.priorities_link}"
        )
    notice = latest_notice(report.council)
    legal = settings.legal_implications.strip()
    if notice is not None:
        legal = (
            f"The council is subject to the Department for Education's Improvement Notice "
            f"dated {ukdate(notice.issued_on)}.\n\n{legal}"
        )
    return {
        "corporate_priorities": f"{priorities}\n\n{settings.carbon_statement.strip()}".strip(),
        "legal": legal,
        "cabinet_member": settings.cabinet_member,
        "local_member": settings.local_member,
    }


def defaults(report: Any, officer: dict[str, str] | None = None) -> dict[str, str]:
    """Every written part's starting text for this report's subject: from the council's
    report settings, the officer starting it (author and contact officer) and the
    appendix. A reason or an outcome is never defaulted to 'not applicable'."""
    words = _words(report)
    subject = BOARD_TEXT.copy()
    subject.update(_settings_text(report))
    if report.appendix == appendix.COMPLAINTS_ANNUAL:
        subject.update(COMPLAINTS_TEXT)
    text = {key: value.format(**words) for key, value in subject.items()}
    text.update(officer or {})
    return text


def officer_text(name: str, job_title: str, email: str) -> dict[str, str]:
    """The report's author and contact officer, as the signed-in officer is recorded."""
    author = ", ".join(part for part in (name, job_title) if part)
    return {"report_of": author, "contact_officer": ", ".join(p for p in (author, email) if p)}
