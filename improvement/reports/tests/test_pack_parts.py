"""The agenda pack from a small meeting: contents and page numbers, a paper that is
not a PDF, damaged and hostile PDFs survived, exempt items kept to the restricted pack,
and the pack made again when a paper is added (docs/adr/030)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from conftest import TODAY
from improvement.accounts.tests.factories import PersonFactory
from improvement.core.actors import SystemActor
from improvement.documents.builds import current_fingerprint, run_build
from improvement.documents.models import DocumentBuild
from improvement.documents.pdf import pdf_from_html
from improvement.meetings import ports
from improvement.meetings import services as meetings
from improvement.meetings.tests.factories import BodyMembershipFactory
from improvement.reports import pack, pack_notify, pack_pdf
from improvement.reports import services as reports
from improvement.reports.tests.factories import board_meeting, finalise

ACTOR = SystemActor("test")


def _pdf(text: str, pages: int = 1) -> bytes:
    body = "".join(f'<p style="break-after: page">{text}, page {n}</p>' for n in range(pages))
    return pdf_from_html(f"<html lang='en'><body>{body}</body></html>")


def _paper(item, name: str, content: bytes) -> None:
    meetings.add_paper(ACTOR, item, SimpleUploadedFile(name, content))


def _texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def meeting(council):
    meeting = board_meeting(council)
    open_item = meetings.add_agenda_item(ACTOR, meeting, "Partnership update")
    exempt = meetings.add_agenda_item(ACTOR, meeting, "Named candidates", exempt_paragraph=1)
    _paper(open_item, "partnership.pdf", _pdf("Partnership appendix", pages=2))
    _paper(open_item, "minutes.docx", b"PK\x03\x04 not really a document")
    _paper(open_item, "broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nxref")
    _paper(open_item, "truncated.pdf", _pdf("Cut short")[:400])
    _paper(exempt, "shortlist.pdf", _pdf("Candidate shortlist"))
    return meeting


def test_contents_name_each_paper_at_its_page_and_every_page_is_numbered(meeting):
    texts = _texts(pack.compile_pack(meeting, restricted=False))
    total = len(texts)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {total}" in text
    assert "Agenda pack" in texts[0] and "Testshire Council" in texts[0]
    contents = next(text for text in texts if "Contents" in text)
    assert "Appendix: partnership.pdf" in contents
    first = int(contents.split("Appendix: partnership.pdf")[1].split()[0])
    assert "Partnership appendix, page 0" in texts[first - 1]
    assert "Partnership appendix, page 1" in texts[first]


def test_a_paper_not_bound_in_gets_a_page_naming_it_and_where_to_get_it(meeting):
    text = "\n".join(_texts(pack.compile_pack(meeting, restricted=False)))
    assert "Appendix: minutes.docx" in text
    assert "it is not a PDF file" in text
    assert "Download it from the meeting's page" in text
    assert "Appendix: broken.pdf" in text and "Appendix: truncated.pdf" in text
    assert text.count("damaged or could not be read") == 2


def test_a_draft_report_is_never_bound_but_said_to_follow(meeting, board_manager):
    report = reports.create_report(
        board_manager, meeting.council, "board_progress", meeting=meeting, as_at=TODAY
    )
    text = " ".join(" ".join(_texts(pack.compile_pack(meeting, restricted=False))).split())
    assert f"{report.title} (to follow)" in text
    assert "This report is to follow: it has not yet been published." in text
    assert "Recommendations to the board" not in text
    finalise(board_manager, report)
    # Finalised, it is still not the public's until the council publishes it.
    text = " ".join(" ".join(_texts(pack.compile_pack(meeting, restricted=False))).split())
    assert f"{report.title} (to follow)" in text
    reports.publish(board_manager, report)
    text = " ".join(" ".join(_texts(pack.compile_pack(meeting, restricted=False))).split())
    assert f"{report.title} (version 1)" in text and "to follow" not in text


def test_a_paper_of_too_many_pages_is_left_out(meeting, monkeypatch):
    monkeypatch.setattr(pack_pdf, "MAX_PAPER_PAGES", 1)
    text = "\n".join(_texts(pack.compile_pack(meeting, restricted=False)))
    assert "it has more than 1 pages" in text
    assert "Partnership appendix" not in text


def test_exempt_items_are_only_in_the_restricted_pack(meeting):
    public = "\n".join(_texts(pack.compile_pack(meeting, restricted=False)))
    restricted = "\n".join(_texts(pack.compile_pack(meeting, restricted=True)))
    assert "Named candidates" not in public and "Candidate shortlist" not in public
    assert "Exempt: paragraph 1 of Schedule 12A" in public
    assert "RESTRICTED" in restricted
    assert "Named candidates" in restricted and "Candidate shortlist" in restricted
    assert "Partnership appendix" not in restricted


def test_adding_a_paper_changes_the_fingerprint(meeting):
    parameters = pack.parameters(meeting, False)
    before = current_fingerprint(meeting.council, pack.KIND, parameters, "pdf")
    item = meeting.items.get(title="Partnership update")
    _paper(item, "late.pdf", _pdf("Late paper"))
    assert current_fingerprint(meeting.council, pack.KIND, parameters, "pdf") != before


def test_the_worker_builds_the_pack_once_and_a_new_paper_builds_it_again(
    meeting, board_manager, client_for
):
    client = client_for(board_manager)
    url = reverse("reports:pack_file", args=[meeting.council.slug, meeting.pk, "public"])
    waiting = client.get(url)
    build = DocumentBuild.objects.get(kind=pack.KIND)
    assert waiting.url == reverse("documents:build", args=[meeting.council.slug, build.pk])
    run_build.call(build.pk)
    ready = client.get(url)
    assert ready.url == reverse("documents:build_file", args=[meeting.council.slug, build.pk])
    assert client.get(ready.url).headers["Content-Type"] == "application/pdf"
    _paper(meeting.items.get(title="Partnership update"), "late.pdf", _pdf("Late paper"))
    client.get(url)
    assert DocumentBuild.objects.filter(kind=pack.KIND).count() == 2


def test_publishing_the_pack_waits_for_the_agenda(meeting, board_manager, client_for, mailoutbox):
    client = client_for(board_manager)
    url = reverse("reports:pack_publish", args=[meeting.council.slug, meeting.pk])
    assert pack_notify.NOT_PUBLISHED.encode() in client.get(url).content
    response = client.post(url, follow=True)
    assert pack_notify.NOT_PUBLISHED in response.content.decode()
    assert mailoutbox == []


def test_only_the_board_manager_publishes_the_pack(meeting, board_member, client_for):
    url = reverse("reports:pack_publish", args=[meeting.council.slug, meeting.pk])
    assert client_for(board_member).post(url).status_code == 403


def test_the_pack_goes_to_each_current_member_once_and_not_the_secretariat(meeting):
    council = meeting.council
    body = meeting.body
    ada = PersonFactory(council=council, name="Ada", email="ada@example.gov.uk")
    BodyMembershipFactory(body=body, person=ada, role_title="Member")
    BodyMembershipFactory(body=body, person=ada, role_title="Vice-chair", position="vice_chair")
    BodyMembershipFactory(body=body, person=PersonFactory(council=council, name="Bo"))
    gone = PersonFactory(council=council, name="Gone", email="gone@example.gov.uk")
    BodyMembershipFactory(body=body, person=gone, ends_on=datetime.date(2023, 1, 1))
    clerk = PersonFactory(council=council, name="Clerk", email="clerk@example.gov.uk")
    BodyMembershipFactory(body=body, person=clerk, position="secretariat")
    BodyMembershipFactory(body=body, person=None, role_title="Vacant seat")
    found = {person.name: email for person, email in ports.pack_recipients(meeting)}
    assert found == {"Ada": "ada@example.gov.uk", "Bo": ""}


def test_the_public_pack_is_only_of_a_published_public_agenda(meeting):
    council = meeting.council
    assert ports.public_meeting_for_pack(council, meeting.pk) is None
    meeting.agenda_published_on = datetime.date(2024, 1, 25)
    meeting.save()
    assert ports.public_meeting_for_pack(council, meeting.pk) == meeting
    meeting.is_public = False
    meeting.save()
    assert ports.public_meeting_for_pack(council, meeting.pk) is None
