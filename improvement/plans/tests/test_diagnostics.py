"""Diagnostic reviews (Improvement Notice, 8) are records: added, corrected and
archived by the board manager, audited and versioned, their findings linked to the
objectives that answer them and shown on each objective's page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement.core.actors import NoActor, SystemActor
from improvement.core.models import AuditEntry
from improvement.plans import diagnostic_services as services
from improvement.plans.models import DiagnosticFinding, DiagnosticReview
from improvement.plans.tests.factories import ObjectiveFactory

D = datetime.date
SYSTEM = SystemActor("test")
pytestmark = pytest.mark.django_db


def dates(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def diagnostic(council, **fields):
    data = {
        "title": "Diagnostic review of the MASH",
        "commissioned_by": "The DfE adviser",
        "carried_out_by": "A peer council",
        "started_on": D(2023, 11, 6),
        "reported_on": D(2023, 12, 15),
        "review_areas": ["mash"],
        **fields,
    }
    return services.create_diagnostic(SYSTEM, council, data)


def test_the_board_manager_adds_a_diagnostic_review_and_it_is_audited(
    council, board_manager, client_for
):
    response = client_for(board_manager).post(
        reverse("plans:diagnostic_add", args=[council.slug]),
        {
            "title": "Diagnostic review of the MASH",
            "commissioned_by": "The DfE adviser",
            "carried_out_by": "A peer council",
            **dates("started_on", D(2023, 11, 6)),
            "review_areas": ["mash", "multi_agency"],
            "summary": "Health checks wait for capacity.",
        },
    )
    review = DiagnosticReview.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("plans:diagnostic_detail", args=[council.slug, review.pk])
    assert (review.council, review.created_by, review.review_areas) == (
        council,
        board_manager,
        ["mash", "multi_agency"],
    )
    assert AuditEntry.objects.filter(object_id=str(review.pk), verb="created").exists()


def test_a_diagnostic_review_without_a_title_is_refused_naming_the_field(
    council, board_manager, client_for
):
    response = client_for(board_manager).post(
        reverse("plans:diagnostic_add", args=[council.slug]),
        {
            "commissioned_by": "The DfE adviser",
            "carried_out_by": "A peer council",
            **dates("started_on", D(2023, 11, 6)),
            **dates("reported_on", D(2023, 11, 1)),
        },
    )
    text = response.content.decode()
    assert "Enter the title of the diagnostic review" in text
    assert "Date it reported must be on or after the date it started" in text
    assert 'class="govuk-error-summary' in text
    assert not DiagnosticReview.objects.exists()


def test_a_finding_links_to_objectives_and_shows_on_the_objectives_page(
    council, board_manager, board_member, client_for
):
    review = diagnostic(council)
    objective = ObjectiveFactory(council=council, title="Front door timeliness")
    client_for(board_manager).post(
        reverse("plans:diagnostic_finding_add", args=[council.slug, review.pk]),
        {"text": "Health checks wait up to three days.", "objectives": [objective.pk]},
    )
    finding = DiagnosticFinding.objects.get()
    assert list(finding.objectives.all()) == [objective]
    page = client_for(board_member).get(
        reverse("board:objective_detail", args=[council.slug, objective.pk])
    )
    assert "Diagnostic review of the MASH" in page.content.decode()
    assert "Health checks wait up to three days." in page.content.decode()
    detail = client_for(board_member).get(
        reverse("plans:diagnostic_detail", args=[council.slug, review.pk])
    )
    assert "Front door timeliness" in detail.content.decode()


def test_a_stale_correction_is_refused(council, board_manager, client_for):
    review = diagnostic(council)
    services.change_diagnostic(SYSTEM, review, {"summary": "Changed"}, review.version)
    response = client_for(board_manager).post(
        reverse("plans:diagnostic_edit", args=[council.slug, review.pk]),
        {
            "title": "Another title",
            "commissioned_by": "The DfE adviser",
            "carried_out_by": "A peer council",
            **dates("started_on", D(2023, 11, 6)),
            "version": 1,
        },
    )
    assert "Your changes have not been saved" in response.content.decode()
    review.refresh_from_db()
    assert (review.title, review.version) == ("Diagnostic review of the MASH", 2)


def test_archiving_hides_a_review_and_its_findings(council, board_manager, client_for):
    review = diagnostic(council)
    objective = ObjectiveFactory(council=council)
    finding = services.add_diagnostic_finding(
        SYSTEM, review, {"text": "Supervision seldom reflective", "objectives": [objective]}
    )
    client = client_for(board_manager)
    client.post(
        reverse("plans:diagnostic_finding_archive", args=[council.slug, finding.pk]),
        {"reason": "Recorded twice", "version": finding.version},
    )
    finding.refresh_from_db()
    assert finding.is_archived and finding.archive_reason == "Recorded twice"
    assert list(objective.answered_diagnostic_findings) == []
    client.post(
        reverse("plans:diagnostic_archive", args=[council.slug, review.pk]),
        {"reason": "Commissioned in error", "version": review.version},
    )
    page = client.get(reverse("plans:diagnostic_list", args=[council.slug])).content.decode()
    assert "No diagnostic review has been recorded" in page
    assert DiagnosticReview.objects.get().is_archived


def test_archiving_needs_a_reason(council):
    review = diagnostic(council)
    with pytest.raises(ValidationError):
        services.archive_diagnostic(SYSTEM, review, "  ", review.version)


def test_a_finding_cannot_link_to_another_councils_objective(council, other_council):
    review = diagnostic(council)
    foreign = ObjectiveFactory(council=other_council)
    with pytest.raises(ValidationError):
        services.add_diagnostic_finding(SYSTEM, review, {"text": "x", "objectives": [foreign]})


def test_a_service_refuses_no_actor(council):
    with pytest.raises(NoActor):
        services.create_diagnostic(None, council, {"title": "x"})


@pytest.mark.parametrize(
    ("role", "expected"),
    [("chair", 403), ("owner", 403), ("councillor", 403), ("other_officer", 404)],
)
def test_only_the_board_manager_changes_diagnostic_reviews(
    council, cast, client_for, role, expected
):
    review = diagnostic(council)
    client = client_for(cast[role])
    for name, args in [
        ("plans:diagnostic_add", [council.slug]),
        ("plans:diagnostic_edit", [council.slug, review.pk]),
        ("plans:diagnostic_archive", [council.slug, review.pk]),
        ("plans:diagnostic_finding_add", [council.slug, review.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == expected, name


@pytest.mark.parametrize(("role", "expected"), [("board_member", 200), ("other_officer", 404)])
def test_members_read_diagnostic_reviews_and_strangers_see_nothing(
    council, cast, client_for, role, expected
):
    review = diagnostic(council)
    client = client_for(cast[role])
    assert client.get(reverse("plans:diagnostic_list", args=[council.slug])).status_code == expected
    detail = reverse("plans:diagnostic_detail", args=[council.slug, review.pk])
    assert client.get(detail).status_code == expected


def test_another_councils_review_cannot_be_read_or_corrected(
    council, other_council, board_manager, client_for
):
    foreign = diagnostic(other_council)
    client = client_for(board_manager)
    for name in ("plans:diagnostic_detail", "plans:diagnostic_edit"):
        assert client.get(reverse(name, args=[council.slug, foreign.pk])).status_code == 404


def test_the_list_pins_its_query_count(
    council, board_member, client_for, django_assert_max_num_queries
):
    for n in range(5):
        review = diagnostic(council, title=f"Review {n}")
        services.add_diagnostic_finding(
            SYSTEM, review, {"text": "x", "objectives": [ObjectiveFactory(council=council)]}
        )
    client = client_for(board_member)
    client.get(reverse("plans:diagnostic_list", args=[council.slug]))
    with django_assert_max_num_queries(12):
        client.get(reverse("plans:diagnostic_list", args=[council.slug]))
