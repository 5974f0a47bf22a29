import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.evidence.models import CaseAudit, Measure, VoiceTheme
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    CaseAuditFactory,
    MeasureFactory,
    VoiceEventFactory,
    monthly,
)
from improvement.plans.tests.factories import ObjectiveFactory

READERS = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]


@pytest.fixture
def objective(council):
    return ObjectiveFactory(council=council, title="Timely front door")


@pytest.fixture
def measure(council, objective):
    measure = MeasureFactory(
        council=council, code="CTR", name="Contacts leading to referral", objectives=[objective]
    )
    monthly(measure, [60, 63, 62, 61])
    BenchmarkFactory(measure=measure, value=Decimal("78.5"), year="2022-23")
    return measure


@pytest.fixture
def event(council, objective):
    return VoiceEventFactory(council=council)


def _pages(council, measure, event):
    slug = council.slug
    return {
        "evidence:index": [slug],
        "board:exceptions": [slug],
        "evidence:measure_detail": [slug, measure.pk],
        "evidence:audit_list": [slug],
        "evidence:voice_list": [slug],
        "evidence:voice_detail": [slug, event.pk],
    }


def _edit_pages(council, measure, event):
    slug = council.slug
    return {
        "evidence:measure_create": [slug],
        "evidence:measure_edit": [slug, measure.pk],
        "evidence:value_add": [slug, measure.pk],
        "evidence:measure_archive": [slug, measure.pk],
        "evidence:measure_import": [slug, measure.pk],
        "evidence:benchmark_add": [slug, measure.pk],
        "evidence:audit_create": [slug],
        "evidence:voice_create": [slug],
        "evidence:theme_add": [slug, event.pk],
        "evidence:request_list": [slug],
        "evidence:request_create": [slug],
    }


@pytest.mark.parametrize("role", READERS)
def test_every_role_in_the_council_reads_the_evidence(
    role, cast, council, measure, event, client_for
):
    client = client_for(cast[role])
    for name, args in _pages(council, measure, event).items():
        assert client.get(reverse(name, args=args)).status_code == 200, name


@pytest.mark.parametrize("role", READERS[1:])
def test_only_the_board_manager_changes_the_evidence(
    role, cast, council, measure, event, client_for
):
    client = client_for(cast[role])
    for name, args in _edit_pages(council, measure, event).items():
        assert client.get(reverse(name, args=args)).status_code == 403, name
        assert client.post(reverse(name, args=args), {}).status_code == 403, name
    assert AuditEntry.objects.count() == 0


def test_board_manager_opens_every_edit_page(board_manager, council, measure, event, client_for):
    client = client_for(board_manager)
    for name, args in _edit_pages(council, measure, event).items():
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_an_officer_of_another_council_sees_nothing(
    other_officer, council, measure, event, client_for
):
    client = client_for(other_officer)
    pages = {**_pages(council, measure, event), **_edit_pages(council, measure, event)}
    for name, args in pages.items():
        assert client.get(reverse(name, args=args)).status_code == 404, name


def test_signed_out_visitors_are_sent_to_sign_in(council, measure, event, client_for):
    response = client_for(None).get(reverse("evidence:index", args=[council.slug]))
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_measure_page_shows_chart_table_target_benchmark_and_rating(
    board_member, council, measure, client_for
):
    response = client_for(board_member).get(
        reverse("evidence:measure_detail", args=[council.slug, measure.pk])
    )
    html = response.content.decode()
    assert '<svg role="img"' in html
    assert 'aria-labelledby="chart-' in html and "Trend of Contacts leading to referral" in html
    assert "Values of Contacts leading to referral by month" in html
    assert "January 2024" in html and "61.0%" in html
    assert "75.0%" in html  # the target
    assert "78.5" in html and "2022-23" in html  # the England benchmark
    assert "Off target" in html and "No change" not in html


def test_overview_lists_measures_with_ratings(chair, council, measure, client_for):
    html = client_for(chair).get(reverse("evidence:index", args=[council.slug])).content.decode()
    assert "Contacts leading to referral" in html
    assert "Off target" in html and "Worsening" in html
    assert "78.5%" in html


def test_overview_query_count_does_not_grow_with_measures(
    board_manager, council, objective, client_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(board_manager)
    url = reverse("evidence:index", args=[council.slug])
    first = MeasureFactory(council=council, objectives=[objective])
    monthly(first, [50])
    CaseAuditFactory(council=council)
    VoiceEventFactory(council=council)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(6):
        more = MeasureFactory(council=council, objectives=[objective])
        monthly(more, [50, 55, 60, 65])
        BenchmarkFactory(measure=more)
        CaseAuditFactory(council=council)
        VoiceEventFactory(council=council)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_exception_list_explains_a_measure_flag(owner, council, measure, objective, client_for):
    html = client_for(owner).get(reverse("board:exceptions", args=[council.slug])).content.decode()
    assert "Timely front door" in html
    assert "Contacts leading to referral is off target (61.0% against 75.0%)" in html


def test_board_manager_adds_a_measure(board_manager, council, objective, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "TURNOVER",
            "name": "Social worker turnover",
            "unit": "percentage",
            "polarity": "lower",
            "target": "15",
            "tolerance": "2",
            "frequency": "monthly",
            "source": "entered",
            "objectives": [objective.pk],
        },
    )
    measure = council.measures.get(code="TURNOVER")
    assert response.status_code == 302
    assert list(measure.objectives.all()) == [objective]
    assert AuditEntry.objects.filter(verb="created", object_id=str(measure.pk)).exists()


def test_a_measure_code_is_unique_in_the_council(board_manager, council, measure, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "CTR",
            "name": "Again",
            "unit": "count",
            "polarity": "higher",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
        },
    )
    assert response.status_code == 200
    assert "Another measure already has this code" in response.content.decode()
    assert Measure.objects.filter(code="CTR").count() == 1


def test_editing_a_measure_refuses_a_stale_version(board_manager, council, measure, client_for):
    data = {
        "code": "CTR",
        "name": "Renamed",
        "unit": "percentage",
        "polarity": "higher",
        "tolerance": "5",
        "target": "75",
        "frequency": "monthly",
        "source": "entered",
        "version": 0,
    }
    response = client_for(board_manager).post(
        reverse("evidence:measure_edit", args=[council.slug, measure.pk]), data
    )
    assert "after you opened it" in response.content.decode()
    measure.refresh_from_db()
    assert measure.name == "Contacts leading to referral"
    data["version"] = measure.version
    client_for(board_manager).post(
        reverse("evidence:measure_edit", args=[council.slug, measure.pk]), data
    )
    measure.refresh_from_db()
    assert measure.name == "Renamed"


def test_board_manager_adds_a_value_from_its_fraction(board_manager, council, measure, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:value_add", args=[council.slug, measure.pk]),
        {
            "period_day": "15",
            "period_month": "2",
            "period_year": "2024",
            "numerator": "1737",
            "denominator": "6000",
        },
    )
    assert response.status_code == 302
    value = measure.values.get(period=datetime.date(2024, 2, 1))
    assert value.value == Decimal("29.0")


def test_import_page_reports_every_bad_row_and_writes_nothing(
    board_manager, council, measure, client_for
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = measure.values.count()
    upload = SimpleUploadedFile("v.csv", b"period,value\n2024-02,70\nFeb,71\n2024-03,x\n")
    response = client_for(board_manager).post(
        reverse("evidence:measure_import", args=[council.slug, measure.pk]), {"file": upload}
    )
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "Row 3, column period" in html and "Row 4, column value" in html
    assert measure.values.count() == before
    good = SimpleUploadedFile("v.csv", b"period,value\n2024-02,70\n")
    response = client_for(board_manager).post(
        reverse("evidence:measure_import", args=[council.slug, measure.pk]), {"file": good}
    )
    assert response.status_code == 302
    assert measure.values.count() == before + 1


def test_board_manager_adds_a_benchmark(board_manager, council, measure, client_for):
    client_for(board_manager).post(
        reverse("evidence:benchmark_add", args=[council.slug, measure.pk]),
        {"kind": "neighbours", "year": "2023-24", "value": "70.2", "source": "LAIT"},
    )
    assert measure.benchmarks.filter(kind="neighbours", value=Decimal("70.2")).exists()


def test_board_manager_records_an_audit_and_grades_must_add_up(
    board_manager, council, objective, client_for
):
    url = reverse("evidence:audit_create", args=[council.slug])
    data = {
        "held_on_day": "10",
        "held_on_month": "1",
        "held_on_year": "2024",
        "theme": "Visits",
        "service_area": "Front door",
        "cases": "5",
        "outstanding": "1",
        "good": "2",
        "requires_improvement": "2",
        "inadequate": "1",
        "objectives": [objective.pk],
    }
    response = client_for(board_manager).post(url, data)
    assert "The grades add up to 6" in response.content.decode()
    assert not CaseAudit.objects.exists()
    data["cases"] = "6"
    assert client_for(board_manager).post(url, data).status_code == 302
    audit = council.case_audits.get()
    assert list(audit.objectives.all()) == [objective]
    html = (
        client_for(board_manager)
        .get(reverse("evidence:audit_list", args=[council.slug]))
        .content.decode()
    )
    assert "33.3%" in html and "(2 of 6)" in html
    assert '<svg role="img" aria-labelledby="audit-title audit-desc" class="ib-chart"' in html


def test_board_manager_records_voice_with_themes_linked_to_objectives(
    board_manager, council, objective, client_for
):
    client = client_for(board_manager)
    response = client.post(
        reverse("evidence:voice_create", args=[council.slug]),
        {
            "kind": "young_people_forum",
            "title": "Young people's forum, March",
            "held_on_day": "20",
            "held_on_month": "2",
            "held_on_year": "2024",
            "participants": "Children in care council",
            "participant_count": "12",
            "headlines": "Want to see the same social worker",
        },
    )
    event = council.voice_events.get()
    assert response.status_code == 302
    client.post(
        reverse("evidence:theme_add", args=[council.slug, event.pk]),
        {"title": "Changes of social worker", "objectives": [objective.pk]},
    )
    theme = VoiceTheme.objects.get()
    assert list(theme.objectives.all()) == [objective]
    html = client.get(reverse("evidence:voice_detail", args=[council.slug, event.pk])).content
    assert b"Changes of social worker" in html and b"Timely front door" in html


def test_archiving_a_measure_keeps_it_and_stops_its_flag(
    board_manager, council, measure, objective, client_for
):
    url = reverse("evidence:measure_archive", args=[council.slug, measure.pk])
    response = client_for(board_manager).post(url, {"reason": "", "version": measure.version})
    assert "Enter why this measure is being archived" in response.content.decode()
    response = client_for(board_manager).post(
        url, {"reason": "Replaced by Annex A KPI", "version": measure.version}
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.is_archived and measure.archive_reason == "Replaced by Annex A KPI"
    from improvement.evidence import queries

    assert queries.objective_measure_flags(council, datetime.date(2024, 3, 1)) == {}
    page = client_for(board_manager).get(
        reverse("evidence:measure_detail", args=[council.slug, measure.pk])
    )
    assert b"Archived on" in page.content


def test_free_text_longer_than_its_limit_is_refused(board_manager, council, client_for):
    from improvement.core.text import LONG_TEXT

    response = client_for(board_manager).post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "LONG",
            "name": "Long definition",
            "definition": "x" * (LONG_TEXT + 1),
            "unit": "count",
            "polarity": "higher",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
        },
    )
    assert response.status_code == 200
    assert f"at most {LONG_TEXT:,}".replace(",", "") in response.content.decode().replace(",", "")
    assert not council.measures.exists()


def test_archiving_without_the_version_read_is_refused(board_manager, council, measure, client_for):
    url = reverse("evidence:measure_archive", args=[council.slug, measure.pk])
    response = client_for(board_manager).post(url, {"reason": "Replaced"})
    assert "This page is out of date" in response.content.decode()
    measure.refresh_from_db()
    assert not measure.is_archived
