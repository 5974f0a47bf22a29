"""Finalising freezes the stored draft the officer read: nothing is built in the
request, and a draft whose data changed since is refused until it is read again."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.documents.builds import stored_text
from improvement.documents.html import fragment
from improvement.documents.models import DocumentBuild
from improvement.documents.structure import from_json
from improvement.documents.tests.helpers import page_built
from improvement.reports import files, services
from improvement.reports.tests.factories import board_meeting, build_now


@pytest.fixture
def draft(council, board_manager):
    meeting = board_meeting(council)
    return services.create_report(
        board_manager,
        council,
        "board_progress",
        meeting=meeting,
        as_at=meeting.starts_at.date(),
        recommendations="Note the progress of the plan",
    )


def _nothing_built(monkeypatch):
    def refuse(report):
        raise AssertionError("a document was built while finalising")

    monkeypatch.setattr(files, "build_document", refuse)
    monkeypatch.setattr("improvement.reports.build.build_document", refuse)


def _drafts(report):
    return DocumentBuild.objects.filter(fmt="html", parameters__report=report.pk)


def test_finalising_freezes_the_stored_draft_without_building_a_document(
    draft, board_manager, monkeypatch
):
    services.update_draft(board_manager, draft, {"recommendations": "1. Note progress"})
    built = build_now(board_manager, draft)
    _nothing_built(monkeypatch)
    version = services.finalise(board_manager, draft, read=built.pk)
    kept = files.frozen(built)
    assert version.html == kept.html and '<html lang="en">' in version.html
    assert version.document == kept.document and version.figures == kept.figures
    assert "Note progress" in version.html
    # The version's page is the page the officer read before finalising.
    shown = fragment(from_json(version.document), files.chart_url(draft))
    assert shown == stored_text(built)
    draft.refresh_from_db()
    assert draft.status == "final" and draft.versions.get() == version


def test_finalising_after_the_data_changed_is_refused_and_the_new_draft_is_queued(
    draft, board_manager, django_capture_on_commit_callbacks
):
    read = build_now(board_manager, draft)
    services.update_draft(board_manager, draft, {"recommendations": "Changed since"})
    with django_capture_on_commit_callbacks() as queued, pytest.raises(ValidationError) as refused:
        services.finalise(board_manager, draft, read=read.pk)
    assert refused.value.messages == [services.DRAFT_CHANGED]
    assert _drafts(draft).filter(status="queued").count() == 1 and len(queued) == 1
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.versions.exists()


def test_a_draft_still_being_built_is_not_finalised(draft, board_manager):
    with pytest.raises(ValidationError, match="Read the updated draft, then finalise it"):
        services.finalise(board_manager, draft)
    assert _drafts(draft).get().status == "queued"
    assert not draft.versions.exists()


def test_the_officer_finalises_only_the_build_they_read(draft, board_manager):
    current = build_now(board_manager, draft)
    with pytest.raises(ValidationError, match="being updated"):
        services.finalise(board_manager, draft, read=current.pk + 1)
    assert services.finalise(board_manager, draft, read=current.pk).number == 1


def test_the_page_refuses_a_finalise_after_a_change_and_shows_the_draft_being_updated(
    draft, cast, client_for, django_capture_on_commit_callbacks
):
    client = client_for(cast["board_manager"])
    detail = reverse("reports:report_detail", args=["testshire", draft.pk])
    page_built(client, detail, django_capture_on_commit_callbacks)
    finalise = reverse("reports:report_finalise", args=["testshire", draft.pk])
    read = _drafts(draft).get(status="done").pk
    assert f'value="{read}"' in client.get(finalise).content.decode()
    services.update_draft(cast["board_manager"], draft, {"recommendations": "Changed since"})
    answer = client.post(finalise, {"build": read}, follow=True).content.decode()
    assert "The draft is being updated with changes made since you opened it." in answer
    assert "Being updated" in answer
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_confirmation_waits_for_a_draft_not_yet_built(draft, cast, client_for):
    finalise = reverse("reports:report_finalise", args=["testshire", draft.pk])
    answer = client_for(cast["board_manager"]).get(finalise)
    assert answer.status_code == 302 and answer.url.endswith(f"/reports/{draft.pk}/")
    assert not draft.versions.exists()
