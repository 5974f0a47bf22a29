"""The public API: no token, the published record only, typed and paged."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from improvement.core.working_days import is_working_day
from improvement.meetings import services
from improvement.public import api

API = "/api/v1/public"
UTC = datetime.UTC


def _get(client, path, **params):
    return client.get(f"{API}{path}", params)


def test_the_openapi_description_is_valid_and_documented(client):
    response = client.get(f"{API}/openapi.json")
    spec = json.loads(response.content)
    validate(spec)
    assert spec["info"]["title"] == "Improvement Board public API"
    assert f"{API}/councils/{{slug}}/agenda-items" in spec["paths"]
    assert client.get(f"{API}/docs").status_code == 200


def test_meetings_need_no_token_and_leave_out_unpublished_ones(council, record, client):
    response = _get(client, f"/councils/{council.slug}/meetings")
    assert response.status_code == 200
    ids = [m["id"] for m in response.json()["items"]]
    assert ids == [record["first"].pk, record["second"].pk]
    assert record["draft"].pk not in ids
    first = response.json()["items"][0]
    assert first["minutes_published_on"] == "2024-03-01"
    assert first["papers_published"] and not first["open_to_the_public"]


def test_agenda_items_are_the_open_ones_with_published_minutes(council, record, client):
    body = _get(client, f"/councils/{council.slug}/agenda-items").content.decode()
    data = json.loads(body)["items"]
    assert [i["title"] for i in data] == ["Plan progress"]
    assert data[0]["minute"] == "The board noted progress."
    assert "SECRET" not in body and "Staffing" not in body and "Not yet published" not in body


def test_a_meeting_counts_its_exempt_items_and_shows_none_of_them(council, record, client):
    response = _get(client, f"/councils/{council.slug}/meetings/{record['first'].pk}")
    data = response.json()
    assert [i["title"] for i in data["items"]] == ["Plan progress"]
    assert data["withheld_items"] == 1
    assert "SECRET" not in response.content.decode()


def test_an_unpublished_meeting_or_unknown_council_is_not_found(council, record, client):
    draft = f"/councils/{council.slug}/meetings/{record['draft'].pk}"
    assert _get(client, draft).status_code == 404
    assert _get(client, "/councils/nowhere/meetings").status_code == 404


def test_another_councils_meeting_is_not_found_under_this_council(
    council, other_council, record, client
):
    response = _get(client, f"/councils/{other_council.slug}/meetings/{record['first'].pk}")
    assert response.status_code == 404


def _more_meetings(board_manager, board, count):
    days = [d for d in range(1, 31) if is_working_day(datetime.date(2024, 5, d))][:count]
    for day in days:
        meeting = services.schedule_meeting(
            board_manager, board, datetime.datetime(2024, 5, day, 14, tzinfo=UTC)
        )
        services.publish_agenda(board_manager, meeting, on=datetime.date(2024, 3, 1))


def test_paging_by_cursor_visits_every_meeting_once(council, record, board_manager, client):
    _more_meetings(board_manager, record["board"], 5)
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = _get(client, f"/councils/{council.slug}/meetings", **params).json()
        assert len(page["items"]) <= 2
        seen += [m["id"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 7


def test_updated_since_gives_only_what_changed_after(
    council, record, board_manager, client, time_machine
):
    time_machine.move_to(datetime.datetime(2024, 3, 5, 9, tzinfo=UTC))
    _more_meetings(board_manager, record["board"], 1)
    page = _get(
        client, f"/councils/{council.slug}/meetings", updated_since="2024-03-04T00:00:00Z"
    ).json()
    assert [m["starts_at"][:10] for m in page["items"]] == ["2024-05-01"]


def test_a_cursor_not_handed_out_or_too_large_a_page_is_refused(council, record, client):
    url = f"/councils/{council.slug}/meetings"
    bad = _get(client, url, cursor="not-a-cursor")
    assert bad.status_code == 400 and "cursor" in bad.json()["detail"]
    assert _get(client, url, limit=api.MAX_PAGE + 1).status_code == 422
    assert _get(client, url, limit=api.MAX_PAGE).status_code == 200


def _queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert _get(client, path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["meetings", "agenda-items"])
def test_the_lists_cost_the_same_queries_for_more_records(
    council, record, board_manager, client, django_assert_num_queries, name
):
    path = f"/councils/{council.slug}/{name}"
    _get(client, path)
    before = _queries(client, path)
    _more_meetings(board_manager, record["board"], 10)
    for meeting in record["board"].meetings.filter(starts_at__month=5):
        item = services.add_agenda_item(board_manager, meeting, "More", description="Open")
        services.add_paper(board_manager, item, SimpleUploadedFile("p.txt", b"paper", "text/plain"))
    with django_assert_num_queries(before):
        data = _get(client, path).json()
    assert len(data["items"]) > 10


def test_too_many_requests_from_one_address_are_refused(council, record, client, monkeypatch):
    monkeypatch.setattr(api.public_api.throttle[0], "num_requests", 2)
    url = f"/councils/{council.slug}/meetings"
    assert [_get(client, url).status_code for _ in range(3)] == [200, 200, 429]
    # Counted per address: another client is not held back by the first.
    assert client.get(f"{API}{url}", REMOTE_ADDR="192.0.2.9").status_code == 200


@pytest.mark.parametrize("name", ["reports", "decisions", "forward-plan/editions"])
def test_empty_lists_say_so_with_no_cursor(council, record, client, name):
    page = _get(client, f"/councils/{council.slug}/{name}").json()
    assert page == {"items": [], "next_cursor": None, "generated_at": "2024-03-01T12:00:00Z"}


def test_a_record_changed_between_pages_is_met_again_and_none_is_skipped(
    council, record, board_manager, client
):
    _more_meetings(board_manager, record["board"], 3)
    url = f"/councils/{council.slug}/meetings"
    first = _get(client, url, limit=2).json()
    edge = record["board"].meetings.get(pk=first["items"][-1]["id"])
    # The edge of the page is changed before the client asks for the next one.
    edge.location = "Council Chamber"
    edge.modified_at = datetime.datetime(2024, 3, 1, 13, tzinfo=UTC)
    edge.save()
    seen, cursor = [m["id"] for m in first["items"]], first["next_cursor"]
    while cursor:
        page = _get(client, url, limit=2, cursor=cursor).json()
        seen += [m["id"] for m in page["items"]]
        cursor = page["next_cursor"]
    published = [m.pk for m in council.meetings.published()]
    assert set(seen) == set(published) and seen[-1] == edge.pk
