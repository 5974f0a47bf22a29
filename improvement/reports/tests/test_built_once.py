"""A report is built once for its data (docs/adr/020): its charts are drawn once and
served as files under the report's own permission, and its draft page shows the
stored build until the data changes."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from improvement.documents import charts
from improvement.documents.html import print_html
from improvement.documents.stored_charts import FOLDER
from improvement.documents.tests.helpers import content, page_built
from improvement.evidence.tests.factories import MeasureFactory, MeasureValueFactory
from improvement.plans import services as plans
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)
from improvement.reports import board, services
from improvement.reports.tests.factories import board_meeting, finalise

CHART = re.compile(r'<img src="([^"]+\.png)"')


def drawn_files() -> list[Path]:
    return sorted((Path(settings.MEDIA_ROOT) / FOLDER).rglob("*.png"))


def _plan(council, actions):
    objective = ObjectiveFactory(council=council, title="Front door")
    made = [ActionFactory(objective=objective, title=f"Action number {n}") for n in range(actions)]
    for action in made:
        UpdateFactory(action=action, reason="Going to plan")
    measure = MeasureFactory(council=council, name="Contacts decided in a day")
    for month, value in ((10, 61), (11, 65), (12, 70)):
        MeasureValueFactory(measure=measure, period=datetime.date(2023, month, 1), value=value)
    return made


@pytest.fixture
def draft(council, board_manager):
    _plan(council, 3)
    meeting = board_meeting(council)
    return services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )


def detail(report):
    return reverse("reports:report_detail", args=[report.council.slug, report.pk])


def test_a_chart_is_drawn_once_and_a_second_build_draws_nothing(draft, monkeypatch):
    board.board_progress(draft.meeting)
    first = drawn_files()
    assert len(first) >= 2  # the ratings chart and the measure's trend
    stamps = [path.stat().st_mtime_ns for path in first]
    monkeypatch.setattr(charts, "draw", lambda *args: pytest.fail("a chart was drawn again"))
    document = board.board_progress(draft.meeting)
    assert drawn_files() == first
    assert [path.stat().st_mtime_ns for path in first] == stamps
    summary = next(section for section in document.sections if section.anchor == "summary")
    assert summary.charts[0].png.startswith(b"\x89PNG")


def test_a_chart_of_other_data_is_a_new_file(db):
    one = charts.BarChart("Cases", ["Open"], [3], None, "2023-24", "")
    other = charts.BarChart("Cases", ["Open"], [4], None, "2023-24", "")
    assert charts.stored(one) == charts.stored(one) != charts.stored(other)
    assert len(drawn_files()) == 2


def _served_unchanged(client, draft, monkeypatch, capture, queries):
    page_built(client, detail(draft), capture)
    monkeypatch.setattr(charts, "draw", lambda *args: pytest.fail("a chart was drawn"))
    monkeypatch.setattr(board, "board_progress", lambda *args: pytest.fail("recomputed"))
    with queries(12):
        response = client.get(detail(draft))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("actions", [3, 12])
def test_an_unchanged_draft_page_serves_its_stored_build_without_recomputing(
    council,
    board_manager,
    client_for,
    monkeypatch,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
    actions,
):
    _plan(council, actions)
    meeting = board_meeting(council)
    report = services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    client = client_for(board_manager)
    page = _served_unchanged(
        client,
        report,
        monkeypatch,
        django_capture_on_commit_callbacks,
        django_assert_num_queries,
    )
    assert "Action number 2" in page and "Being updated" not in page
    # The page names its charts by address: no picture inside it.
    assert "base64" not in page and len(CHART.findall(page)) == 2


def test_a_recorded_update_rebuilds_the_page_showing_the_last_build_meanwhile(
    council, board_manager, client_for, django_capture_on_commit_callbacks
):
    _plan(council, 3)
    # A meeting still to come: its report shows the plan as it stands today.
    meeting = board_meeting(council, datetime.date(2024, 3, 20))
    draft = services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    client = client_for(board_manager)
    first = page_built(client, detail(draft), django_capture_on_commit_callbacks)
    assert "Going to plan" in first.content.decode()
    action = draft.council.actions.first()
    plans.record_update(
        board_manager,
        action,
        {"as_of": datetime.date(2024, 3, 1), "rating": "red", "reason": "Staff have left"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(detail(draft)).content.decode()
    assert "Being updated" in waiting and 'http-equiv="refresh"' not in waiting
    assert 'data-module="ib-check-again" data-seconds="3" data-check-state="queued"' in waiting
    assert "Going to plan" in waiting and "Staff have left" not in waiting
    fresh = client.get(detail(draft)).content.decode()
    assert "Staff have left" in fresh and "Being updated" not in fresh
    assert "ib-check-again" not in fresh
    assert draft.council.reports.get().version == draft.version  # the report is untouched


def test_a_draft_never_built_has_a_waiting_notice(draft, board_manager, client_for):
    # The build is queued as the request commits; tests never commit, so it waits.
    page = client_for(board_manager).get(detail(draft)).content.decode()
    assert "being built from the data as it stands" in page
    assert "Waiting to start" in page and "Going to plan" not in page


def _chart_urls(client, report, capture):
    page = page_built(client, detail(report), capture).content.decode()
    return CHART.findall(page)


def test_a_chart_is_served_to_readers_of_the_report_only(
    draft, cast, client_for, django_capture_on_commit_callbacks
):
    urls = _chart_urls(client_for(cast["board_manager"]), draft, django_capture_on_commit_callbacks)
    assert urls
    reader = client_for(cast["board_member"]).get(urls[0])
    assert reader.status_code == 200 and reader["Content-Type"] == "image/png"
    assert content(reader).startswith(b"\x89PNG")
    assert client_for(cast["other_officer"]).get(urls[0]).status_code == 404
    other_slug = urls[0].replace("/testshire/", "/otherton/")
    assert client_for(cast["other_officer"]).get(other_slug).status_code == 404
    # A key without its signature, or signed for another report, is not served.
    key = re.search(r"/charts/([0-9a-f]{64})-", urls[0]).group(1)
    bare = urls[0].split("/charts/")[0] + f"/charts/{key}-0.png"
    assert client_for(cast["board_manager"]).get(bare).status_code == 404


def test_an_exempt_report_chart_is_hidden_from_those_who_cannot_see_exempt_items(
    draft, cast, client_for, django_capture_on_commit_callbacks
):
    services.update_draft(cast["board_manager"], draft, {"exempt_paragraph": 3})
    urls = _chart_urls(client_for(cast["board_manager"]), draft, django_capture_on_commit_callbacks)
    assert client_for(cast["councillor"]).get(urls[0]).status_code == 404
    public = urls[0].replace("/councils/testshire/reports/", "/public/testshire/reports/")
    assert client_for(None).get(public).status_code == 404


def test_the_public_sees_the_charts_of_a_published_report_only(
    draft, board_manager, client_for, django_capture_on_commit_callbacks
):
    finalise(board_manager, draft)
    public = client_for(None)
    address = reverse("public_reports:report_detail", args=["testshire", draft.pk])
    assert public.get(address).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(board_manager, draft)
    urls = CHART.findall(public.get(address).content.decode())
    assert urls and all(url.startswith("/public/testshire/reports/") for url in urls)
    assert public.get(urls[0]).status_code == 200
    # The officer's address for the same chart is not the public's.
    inside = urls[0].replace("/public/testshire/reports/", "/councils/testshire/reports/")
    assert public.get(inside).status_code in (302, 404)


def test_a_large_plan_report_summarises_by_objective_and_details_only_exceptions(
    council, board_manager, monkeypatch
):
    monkeypatch.setattr(board, "FULL_TABLE_LIMIT", 10)
    actions = _plan(council, 12)
    late, slow = actions[0], actions[1]
    late.due_on = datetime.date(2025, 6, 1)
    late.save()
    UpdateFactory(action=slow, rating="red", reason="No staff", as_of=datetime.date(2024, 1, 20))
    ObjectiveFactory(council=council, title="Exploitation")
    NoticeFactory(council=council, deadline=datetime.date(2024, 11, 30))
    meeting = board_meeting(council)
    document = board.board_progress(meeting)
    headings = document.headings
    assert "Progress by objective" in headings and "Exceptions" in headings
    assert "Slow to progress" not in headings and "Appendix: every action" not in headings
    html = print_html(document)
    assert "Actions of each objective by rating" in html and "Front door" in html
    assert f"{slow.ref} Action number 1" in html and "Rated Red" in html
    assert f"{late.ref} Action number 0" in html and "after the notice" in html
    assert "Action number 5" not in html  # on track, due in time: no detail
    with_all = print_html(board.board_progress(meeting, full_table=True))
    assert "Appendix: every action" in with_all and "Action number 5" in with_all


def test_a_small_plan_report_still_lists_every_action(draft):
    document = board.board_progress(draft.meeting)
    assert "Progress by objective" in document.headings
    assert "Slow to progress" in document.headings and "Exceptions" not in document.headings
    objectives = next(s for s in document.sections if s.heading == "Progress by objective")
    assert objectives.subsections[0].tables[0].rows[0][0].endswith("Action number 0")


def test_the_board_manager_asks_for_every_action_on_the_edit_page(draft, client_for):
    client = client_for(draft.author)
    edit = reverse("reports:report_edit", args=["testshire", draft.pk])
    form = client.get(edit).content.decode()
    assert 'name="every_action"' in form and "Add every action as an appendix" in form
    data = {"title": draft.title, "recommendations": "", "version": draft.version}
    assert client.post(edit, {**data, "every_action": "on"}).status_code == 302
    draft.refresh_from_db()
    assert draft.every_action is True
