"""The agenda pack of the demo's last board meeting before today, read back with pypdf:
the cover, the contents naming each paper at its page, every page numbered, the
reports in agenda order; the exempt item only in the restricted pack; each member
emailed once that the pack is published; the links to it (docs/adr/030).

The demo loads once for the module, inside a transaction rolled back at the end."""

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from conftest import TODAY
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory
from improvement.core import access
from improvement.core.models import Council
from improvement.demo.scenario import load_demo
from improvement.documents.pdf import pdf_from_html
from improvement.meetings import ports
from improvement.meetings import services as meetings
from improvement.reports import pack, pack_notify
from improvement.reports import services as reports
from improvement.reports.tests.factories import finalise

PROGRESS_ITEM = "Improvement plan progress: the front door and MASH timeliness"
ROUTES_ITEM = "Reporting to Council, Scrutiny and the safeguarding partnership"
EXEMPT_ITEM = "Workforce: recruitment to permanent leadership posts"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            council = Council.objects.get(slug="peterborough")
            yield council, _setup(council)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _manager(council):
    return council.memberships.filter(role=Role.BOARD_MANAGER).first().user


def _setup(council):
    """The last board meeting before today, with its two reports and two papers."""
    manager = _manager(council)
    meeting = (
        council.meetings.filter(body__kind="improvement_board", starts_at__lt=TODAY)
        .order_by("-starts_at")
        .first()
    )
    day = meeting.starts_at.date()
    progress = reports.create_report(manager, council, "board_progress", meeting=meeting, as_at=day)
    finalise(manager, progress)
    reports.publish(manager, progress)
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    routes = reports.create_report(
        manager, council, "committee", meeting=meeting, body=scrutiny, title=ROUTES_ITEM, as_at=day
    )
    finalise(manager, routes)
    reports.publish(manager, routes)
    exempt = meeting.items.get(title=EXEMPT_ITEM)
    html = "<html lang='en'><body><p>Shortlisted candidates for the post</p></body></html>"
    upload = SimpleUploadedFile("shortlist.pdf", pdf_from_html(html))
    meetings.add_paper(manager, exempt, upload)
    hostile = SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"\x00\xff" * 5000)
    meetings.add_paper(manager, meeting.items.get(title=ROUTES_ITEM), hostile)
    found = ports.meeting_for_pack(council, meeting.pk)
    return {
        "meeting": found,
        "public": _texts(pack.compile_pack(found, restricted=False)),
        "restricted": _texts(pack.compile_pack(found, restricted=True)),
    }


def _texts(data):
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _contents_page(texts, title):
    """The page the contents give for a paper (a long title wraps in its cell)."""
    contents = " ".join(next(text for text in texts if "Contents" in text).split())
    return int(contents.split(title, 1)[1].split()[0])


def _flat(text):
    return " ".join(text.split())


def test_the_cover_names_the_council_body_meeting_and_contact(demo, db):
    council, built = demo
    cover = built["public"][0]
    meeting = built["meeting"]
    assert "Agenda pack" in cover
    assert council.name in cover and meeting.body.name in cover
    assert f"{meeting.starts_at:%-d %B %Y}" in cover
    assert meeting.location in cover
    assert "Contacts" in cover and "Improvement Board Manager" in cover


def test_every_page_is_numbered_page_n_of_m(demo, db):
    for texts in demo[1]["public"], demo[1]["restricted"]:
        for number, text in enumerate(texts, 1):
            assert f"Page {number} of {len(texts)}" in text


def test_the_contents_give_each_report_its_page_in_agenda_order(demo, db):
    texts = demo[1]["public"]
    board_report = next(r for r in demo[1]["meeting"].reports.all() if r.kind == "board_progress")
    progress = _contents_page(texts, f"{board_report.title} (version 1)")
    routes = _contents_page(texts, f"{ROUTES_ITEM} (version 1)")
    exempt = _contents_page(texts, "Exempt: paragraph 1 of Schedule 12A")
    assert progress < exempt < routes
    assert board_report.title in _flat(texts[progress - 1])
    assert ROUTES_ITEM in _flat(texts[routes - 1])
    assert "Exempt: paragraph 1" in texts[exempt - 1] or "exempt" in texts[exempt - 1]
    agenda = next(text for text in texts if "Agenda" in text and "Declarations of interest" in text)
    assert agenda.index("Declarations of interest") < agenda.index(PROGRESS_ITEM)


def test_the_exempt_item_is_in_the_restricted_pack_only(demo, db):
    public, restricted = "\n".join(demo[1]["public"]), "\n".join(demo[1]["restricted"])
    assert "Shortlisted candidates" not in public
    assert "Exempt: paragraph 1 of Schedule 12A" in public
    assert "RESTRICTED" in restricted and "Shortlisted candidates" in restricted
    assert PROGRESS_ITEM in restricted  # the agenda, in full
    assert "Board progress report" not in restricted.split("Contents", 1)[1]


def test_a_hostile_paper_costs_a_page_saying_it_could_not_be_bound(demo, db):
    public = "\n".join(demo[1]["public"])
    assert "Appendix: scan.pdf" in public
    assert "damaged or could not be read" in public


def test_each_member_is_emailed_once_when_the_pack_is_published(
    demo, db, mailoutbox, django_capture_on_commit_callbacks
):
    council, built = demo
    meeting = built["meeting"]
    for n, (person, _email) in enumerate(ports.pack_recipients(meeting)):
        person.email = f"member{n}@example.gov.uk"
        person.save(update_fields=["email"])
    members = ports.pack_recipients(meeting)
    with django_capture_on_commit_callbacks(execute=True):
        result = pack_notify.publish_pack(_manager(council), meeting)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(email for _person, email in members)
    assert len(result.emailed) == len(members) > 3
    assert "Agenda pack published" in mailoutbox[0].subject
    assert reverse("reports:pack", args=[council.slug, meeting.pk]) in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        again = pack_notify.publish_pack(_manager(council), meeting)
    assert len(mailoutbox) == len(members)
    assert again.emailed == [] and len(again.told_before) == len(members)


def test_the_meeting_pages_link_to_the_pack(demo, db, client):
    council, built = demo
    meeting = built["meeting"]
    client.force_login(_manager(council))
    page = client.get(reverse("meetings:meeting_detail", args=[council.slug, meeting.pk]))
    assert reverse("reports:pack", args=[council.slug, meeting.pk]) in page.content.decode()
    pack_page = client.get(reverse("reports:pack", args=[council.slug, meeting.pk])).content
    assert b"Restricted agenda pack" in pack_page
    client.logout()
    public = client.get(reverse("public:meeting", args=[council.slug, meeting.pk]))
    link = reverse("public_reports:meeting_pack", args=[council.slug, meeting.pk])
    assert link in public.content.decode()
    waiting = client.get(link)
    assert waiting.status_code == 200 and b"The agenda pack is being made" in waiting.content


def test_the_restricted_pack_is_not_there_for_a_councillor(demo, db, client):
    council, built = demo
    meeting = built["meeting"]
    # Every councillor of the demo sits on the board: this one does not.
    councillor = UserFactory(username="backbencher")
    organisation = council.memberships.first().organisation
    MembershipFactory(
        user=councillor, council=council, organisation=organisation, role=Role.COUNCILLOR
    )
    assert not access.allowed(councillor, ports.SEE_EXEMPT, meeting.body)
    client.force_login(councillor)
    page = client.get(reverse("reports:pack", args=[council.slug, meeting.pk]))
    assert page.status_code == 200 and b"Restricted agenda pack" not in page.content
    url = reverse("reports:pack_file", args=[council.slug, meeting.pk, "restricted"])
    assert client.get(url).status_code == 404
