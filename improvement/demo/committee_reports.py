"""The demo's committee reports (docs/adr/027): each council's report settings, the
report to the Children and Education Scrutiny Committee's next meeting with the
board's latest report bound in, and the cover report of 6 November 2023 (seed 003,
item 6) with the complaints annual report for 2022-23 bound in. Both are drafts an
officer reads, edits and finalises. Loading twice leaves the same records."""

import datetime

from improvement.core.models import Council
from improvement.demo.records import DEMO
from improvement.meetings.models import Body
from improvement.reports import services
from improvement.reports.models import ReportSettings

D = datetime.date
SETTINGS = {
    "peterborough": {
        "cabinet_member": (
            "Councillor Jackie Allen, Cabinet Member for Children's Services and Education"
        ),
    },
    "shropshire": {
        "committee_layout": ReportSettings.Layout.SHROPSHIRE,
        "cabinet_member": "Kirstie Hurst-Knight",
        "local_member": "All",
    },
}
DIRECTOR = "John Gregg, Executive Director of Children's Services and Young People"


def _settings() -> None:
    for slug, fields in SETTINGS.items():
        council = Council.objects.filter(slug=slug).first()
        if council is not None and not ReportSettings.objects.filter(council=council).exists():
            services.change_settings(DEMO, council, fields)


def _report(council: Council, committee: Body, meeting: object, **fields: object) -> None:
    found = council.reports.filter(kind="committee", meeting=meeting)
    if not found.filter(appendix=fields.get("appendix", "board_report")).exists():
        services.create_report(
            DEMO, council, "committee", body=committee, meeting=meeting, **fields
        )


def load_committee_reports(today: datetime.date) -> None:
    _settings()
    council = Council.objects.get(slug="peterborough")
    committee = council.bodies.filter(slug="children-education-scrutiny").first()
    if committee is None:
        return
    upcoming = committee.meetings.upcoming(today).order_by("starts_at").first()
    if upcoming is not None:
        _report(
            council,
            committee,
            upcoming,
            sections={
                "report_of": DIRECTOR,
                "contact_officer": (
                    "Gary Jones, Service Director, Children's Social Care and Targeted Support"
                ),
            },
        )
    november = committee.meetings.filter(starts_at__date=D(2023, 11, 6)).first()
    if november is not None:
        _report(
            council,
            committee,
            november,
            appendix="complaints_annual",
            appendix_year=2022,
            sections={
                "agenda_item": "6",
                "report_of": DIRECTOR,
                "contact_officer": "Belinda Evans, Complaint Manager",
            },
        )
