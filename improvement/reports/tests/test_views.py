import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from improvement.documents.builds import run_build
from improvement.documents.models import DocumentBuild
from improvement.documents.tests.helpers import content, fetch_built, page_built
from improvement.plans.ports import ReviewArea
from improvement.reports import services
from improvement.reports.tests.factories import board_meeting, finalise, scrutiny

READERS = ["board_manager", "chair", "owner", "board_member", "complaints_manager"]


@pytest.fixture
def reports(council, board_manager):
    meeting = board_meeting(council)
    day = meeting.starts_at.date()
    made = {
        "progress": services.create_report(
            board_manager, council, "board_progress", meeting=meeting, as_at=day
        ),
        "committee": services.create_report(
            board_manager, council, "committee", meeting=meeting, body=scrutiny(council), as_at=day
        ),
        "exempt": services.create_report(
            board_manager,
            council,
            "committee",
            meeting=meeting,
            body=scrutiny(council),
            as_at=day,
            title="Exempt staffing report",
            exempt_paragraph=1,
        ),
        "draft": services.create_report(
            board_manager, council, "self_assessment", as_at=day, title="Draft self-assessment"
        ),
    }
    for key in ("progress", "committee", "exempt"):
        finalise(board_manager, made[key])
    services.publish(board_manager, made["progress"])
    services.publish(board_manager, made["committee"])
    return made


def url(name, report, *args):
    return reverse(f"reports:{name}", args=["testshire", report.pk, *args])


def test_the_list_shows_each_role_what_it_may_read(cast, client_for, reports):
    for role in READERS:
        page = client_for(cast[role]).get(reverse("reports:report_list", args=["testshire"]))
        assert page.status_code == 200, role
        assert "Draft self-assessment" in page.content.decode(), role
    page = client_for(cast["councillor"]).get(reverse("reports:report_list", args=["testshire"]))
    assert page.status_code == 200
    assert "Draft self-assessment" not in page.content.decode()
    assert escape(reports["committee"].title) in page.content.decode()
    # What a councillor reads on the plan pages, they read in the board's report too.
    assert escape(reports["progress"].title) in page.content.decode()
    assert (
        client_for(cast["councillor"]).get(url("report_detail", reports["progress"])).status_code
        == 200
    )


def test_an_officer_of_another_council_sees_nothing(cast, client_for, reports):
    client = client_for(cast["other_officer"])
    assert client.get(reverse("reports:report_list", args=["testshire"])).status_code == 404
    assert client.get(url("report_detail", reports["progress"])).status_code == 404
    assert client.get(url("report_download", reports["draft"], "html")).status_code == 404


def test_the_public_sees_published_open_reports_only(client_for, reports):
    client = client_for(None)
    listing = client.get(reverse("public_reports:report_list", args=["testshire"]))
    text = listing.content.decode()
    assert listing.status_code == 200
    assert escape(reports["progress"].title) in text
    assert "Exempt staffing report" not in text
    assert "Draft self-assessment" not in text
    for key in ("exempt", "draft"):
        detail = reverse("public_reports:report_detail", args=["testshire", reports[key].pk])
        assert client.get(detail).status_code == 404
        pdf = reverse("public_reports:report_pdf", args=["testshire", reports[key].pk])
        assert client.get(pdf).status_code == 404
    detail = reverse("public_reports:report_detail", args=["testshire", reports["committee"].pk])
    assert "RECOMMENDATIONS" in client.get(detail).content.decode()


def test_a_published_report_stays_public_in_its_published_version(
    client_for, board_manager, reports
):
    services.revise(board_manager, reports["committee"])
    services.update_draft(board_manager, reports["committee"], {"title": "Reworded"})
    detail = reverse("public_reports:report_detail", args=["testshire", reports["committee"].pk])
    page = client_for(None).get(detail)
    assert page.status_code == 200
    assert "Reworded" not in page.content.decode()


def test_exempt_reports_are_hidden_from_those_who_cannot_see_exempt_items(
    cast, client_for, reports
):
    detail = url("report_detail", reports["exempt"])
    assert client_for(cast["board_manager"]).get(detail).status_code == 200
    assert client_for(cast["chair"]).get(detail).status_code == 200
    for role in ("owner", "board_member", "councillor", "complaints_manager"):
        assert client_for(cast[role]).get(detail).status_code == 404, role


def test_only_the_board_manager_edits_and_finalises(
    cast, client_for, reports, django_capture_on_commit_callbacks
):
    edit = url("report_edit", reports["draft"])
    finalise_url = url("report_finalise", reports["draft"])
    for role in ("chair", "owner", "board_member", "complaints_manager"):
        assert client_for(cast[role]).get(edit).status_code == 403, role
        assert client_for(cast[role]).get(finalise_url).status_code == 403, role
        assert client_for(cast[role]).post(finalise_url).status_code == 403, role
    client = client_for(cast["board_manager"])
    form = client.get(edit)
    assert form.status_code == 200
    data = {"title": "Self-assessment, February", "version": reports["draft"].version}
    data["section_summary"] = "Good progress at the front door."
    # A self-assessment is finalised with each review area and supervision written.
    data["section_supervision"] = "Monthly, recorded on the case file."
    data.update({f"section_{code}": "Assessed with partners." for code, _ in ReviewArea.choices})
    assert client.post(edit, data).status_code == 302
    reports["draft"].refresh_from_db()
    assert reports["draft"].sections["summary"] == "Good progress at the front door."
    # The officer reads the edited draft (built by the worker), confirms, and finalises.
    page_built(client, url("report_detail", reports["draft"]), django_capture_on_commit_callbacks)
    confirm = client.get(finalise_url).content.decode()
    assert "Finalise version 1" in confirm and "7 February 2024" in confirm
    drafts = DocumentBuild.objects.filter(fmt="html", parameters__report=reports["draft"].pk)
    read = drafts.get(status="done").pk
    assert f'name="build" value="{read}"' in confirm
    assert client.post(finalise_url, {"build": read}).status_code == 302
    reports["draft"].refresh_from_db()
    assert reports["draft"].status == "final"
    assert reports["draft"].versions.get().html


def test_another_councils_officer_cannot_finalise(cast, client_for, reports, other_officer):
    finalise_url = url("report_finalise", reports["draft"])
    outsider = client_for(other_officer)
    assert outsider.get(finalise_url).status_code == 404
    assert outsider.post(finalise_url).status_code == 404
    reports["draft"].refresh_from_db()
    assert reports["draft"].status == "draft"


def test_a_final_report_cannot_be_edited_through_the_page(cast, client_for, reports):
    client = client_for(cast["board_manager"])
    edit = url("report_edit", reports["progress"])
    data = {"title": "Changed", "recommendations": "", "version": reports["progress"].version}
    client.post(edit, data)
    reports["progress"].refresh_from_db()
    assert reports["progress"].title != "Changed"


def test_the_chair_writes_the_adviser_report(
    cast, client_for, council, django_capture_on_commit_callbacks
):
    create = reverse("reports:report_create", args=["testshire"])
    data = {"kind": "adviser", "as_at_day": "15", "as_at_month": "2", "as_at_year": "2024"}
    assert client_for(cast["board_manager"]).post(create, data).status_code == 200
    assert not council.reports.exists()
    response = client_for(cast["chair"]).post(create, data)
    assert response.status_code == 302
    report = council.reports.get()
    assert report.kind == "adviser" and report.as_at.isoformat() == "2024-02-15"
    page = page_built(
        client_for(cast["chair"]), url("report_detail", report), django_capture_on_commit_callbacks
    )
    assert "Progress or concern" in page.content.decode()


def test_each_version_downloads_in_every_format(
    cast, client_for, reports, django_capture_on_commit_callbacks
):
    client = client_for(cast["board_manager"])
    response = client.get(url("version_download", reports["progress"], 1, "html"))
    assert response.status_code == 200
    assert response.content.startswith(b"<!DOCTYPE html>")
    # The worker makes the PDF queued at publication (the fixture's never committed).
    for build in DocumentBuild.objects.filter(status="queued"):
        run_build.enqueue(build.pk)
    for fmt, start in (("pdf", b"%PDF"), ("docx", b"PK")):
        # The worker makes the file; asking again downloads it.
        address = url("version_download", reports["progress"], 1, fmt)
        response = fetch_built(client, address, django_capture_on_commit_callbacks)
        assert response.status_code == 200
        assert content(response).startswith(start)
    assert client.get(url("version_download", reports["progress"], 9, "pdf")).status_code == 404


def test_the_list_page_query_count_does_not_grow_with_reports(
    cast, client_for, reports, council, board_manager, django_assert_max_num_queries
):
    client = client_for(cast["board_member"])
    list_url = reverse("reports:report_list", args=["testshire"])
    with django_assert_max_num_queries(12):
        client.get(list_url)
    for n in range(5):
        services.create_report(
            board_manager,
            council,
            "self_assessment",
            title=f"More {n}",
            as_at=reports["draft"].as_at,
        )
    with django_assert_max_num_queries(12):
        assert client.get(list_url).status_code == 200


def test_the_public_pdf_is_made_once_at_publication_and_served_from_storage(
    client_for, board_manager, council, django_capture_on_commit_callbacks
):
    report = services.create_report(
        board_manager, council, "self_assessment", as_at=datetime.date(2024, 2, 1)
    )
    finalise(board_manager, report)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(board_manager, report)
    pdfs = DocumentBuild.objects.filter(fmt="pdf")
    build = pdfs.get()
    assert build.status == "done" and build.parameters == {"report": report.pk, "version": 1}
    pdf = reverse("public_reports:report_pdf", args=["testshire", report.pk])
    public = client_for(None)
    for _ in range(2):
        response = public.get(pdf)
        assert response.status_code == 200 and content(response).startswith(b"%PDF")
    assert pdfs.count() == 1


def test_the_public_waits_for_a_pdf_the_worker_has_not_made(client_for, reports):
    # Published in the fixture, whose transaction never commits: the build is queued.
    pdf = reverse("public_reports:report_pdf", args=["testshire", reports["committee"].pk])
    page = client_for(None).get(pdf).content.decode()
    assert "The PDF is being made" in page and 'http-equiv="refresh"' not in page
    assert f'data-check-state="queued" data-url="{pdf}"' in page


def test_a_public_pdf_that_failed_is_said_so_and_not_queued_again(client_for, reports):
    # Anyone may open the public address: looking again must not rebuild a failing file.
    pdf = reverse("public_reports:report_pdf", args=["testshire", reports["committee"].pk])
    client_for(None).get(pdf)
    DocumentBuild.objects.update(status=DocumentBuild.Status.FAILED, error="Out of memory")
    builds = DocumentBuild.objects.count()

    page = client_for(None).get(pdf).content.decode()

    assert "The PDF could not be made" in page and "data-check-state" not in page
    assert "Out of memory" not in page
    assert DocumentBuild.objects.count() == builds
