"""No exempt item's text or files reach any public page, file, feed or the public API.

Random meetings with random open and exempt items are built through the services;
every public URL is then crawled (links followed from the public index, plus every
meeting, JSON document, paper and public API address guessed by id) and no exempt
marker may appear in any response. Plan actions tied to exempt items carry the marker
too, so the progress page, its file and the API must count them without naming them.
"""

import datetime
import re
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.working_days import is_working_day
from improvement.meetings import minutes, services
from improvement.meetings.models import Paper
from improvement.meetings.tests.factories import BodyFactory
from improvement.plans.models import Rating
from improvement.plans.tests.factories import ActionFactory, UpdateFactory

item_strategy = st.fixed_dictionaries(
    {
        "paragraph": st.one_of(st.none(), st.integers(min_value=1, max_value=7)),
        "paper": st.booleans(),
        "extras": st.booleans(),
    }
)
meeting_strategy = st.fixed_dictionaries(
    {
        "days": st.integers(min_value=-120, max_value=60),
        "public": st.booleans(),
        "publish_agenda": st.booleans(),
        "minutes": st.sampled_from(["none", "draft", "approved", "published"]),
        "items": st.lists(item_strategy, min_size=1, max_size=4),
    }
)

HREF = re.compile(r'href="(/public/[^"]*)"')


class Rollback(Exception):
    pass


def _item(actor, meeting, spec, person, marker):
    exempt = spec["paragraph"] is not None
    secret = f"{marker}-{uuid.uuid4().hex}" if exempt else "open words"
    item = services.add_agenda_item(
        actor,
        meeting,
        "Item title",
        description=f"About {secret}",
        report_author=f"Author {secret}",
        exempt_paragraph=spec["paragraph"],
    )
    if spec["paper"]:
        upload = SimpleUploadedFile(f"paper-{secret}.txt", secret.encode(), "text/plain")
        services.add_paper(actor, item, upload)
    if spec["extras"]:
        services.declare_interest(actor, item, person, "other", f"Interest {secret}")
        minutes.record_resolution(actor, item, f"RESOLVED {secret}")
        minutes.add_meeting_action(actor, meeting, f"Action {secret}", person, item=item)
        # A plan action discussed in the item, going off track around the meeting.
        action = ActionFactory(objective__council=meeting.council, title=f"Plan {secret}")
        item.actions.add(action)
        UpdateFactory(action=action, as_of=meeting.starts_at.date(), rating=Rating.RED)
    if meeting.starts_at <= timezone.now():  # minutes exist only once a meeting has begun
        minutes.draft_minute(actor, item, f"Minute {secret}")


def _at_two(day):
    return datetime.datetime.combine(day, datetime.time(14), tzinfo=datetime.UTC)


def _working_day_before(day, days):
    earlier = day - datetime.timedelta(days=days)
    while not is_working_day(earlier):
        earlier -= datetime.timedelta(days=1)
    return earlier


def _meeting(manager, chair, body, spec, person, marker):
    # Meetings and agendas fall on working days, as the scheduling rules require.
    day = datetime.date(2024, 3, 1) + datetime.timedelta(days=spec["days"])
    starts = _at_two(services.next_working_day(day))
    meeting = services.schedule_meeting(manager, body, starts, "Town Hall", spec["public"])
    for item_spec in spec["items"]:
        _item(manager, meeting, item_spec, person, marker)
    if spec["publish_agenda"]:
        services.publish_agenda(manager, meeting, on=_working_day_before(starts.date(), 14))
    # Approval happens at a later meeting that has taken place.
    approvable = starts + datetime.timedelta(days=42) <= timezone.now()
    if spec["minutes"] in ("approved", "published") and approvable:
        later_day = services.next_working_day(starts.date() + datetime.timedelta(days=42))
        later = services.schedule_meeting(manager, body, _at_two(later_day))
        minutes.approve_minutes(chair, meeting, later)
    if spec["minutes"] == "published" and approvable:
        minutes.publish_minutes(manager, meeting)
    return meeting


def _api_urls(slug, made):
    api = f"/api/v1/public/councils/{slug}"
    lists = ["meetings", "agenda-items", "decisions", "reports", "forward-plan/editions"]
    return (
        [f"{api}/{name}?limit=200" for name in lists]
        + [f"{api}/meetings/{meeting.pk}" for meeting in made]
        + [f"{api}/progress"]
    )


def _crawl(client, start_urls):
    seen, queue, responses = set(), list(start_urls), {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        responses[url] = (response.status_code, body)
        if response.get("Content-Type", "").startswith("text/html"):
            queue.extend(HREF.findall(body.decode()))
    return responses


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(meeting_strategy, min_size=1, max_size=4))
def test_no_exempt_text_or_file_reaches_any_public_url(council, board_manager, chair, specs):
    marker = "XEMPTMARK"
    try:
        with transaction.atomic():
            body = BodyFactory(council=council)
            person = PersonFactory(council=council, name="Declaring Member")
            made = [_meeting(board_manager, chair, body, spec, person, marker) for spec in specs]
            client = Client()
            slug = council.slug
            starts = [reverse("public:index"), reverse("public:council", args=[slug])]
            for meeting in made:
                starts += [
                    reverse("public:meeting", args=[slug, meeting.pk]),
                    reverse("public:meeting_json", args=[slug, meeting.pk]),
                ]
            for paper in Paper.objects.filter(item__meeting__council=council):
                starts.append(reverse("public:paper", args=[slug, paper.pk]))
            starts += _api_urls(slug, made)
            starts += [
                reverse("public:council_ics", args=[slug]),
                reverse("public:council_json", args=[slug]),
                reverse("public:body_ics", args=[slug, body.slug]),
            ]
            responses = _crawl(client, starts)
            for url, (status, content) in responses.items():
                assert marker.encode() not in content, url
                assert status in (200, 404), url
            _assert_open_content_is_shown(specs, made, responses, slug)
            raise Rollback
    except Rollback:
        pass


def _assert_open_content_is_shown(specs, made, responses, slug):
    """The crawl is not vacuous: a public meeting's open items and exempt notices show."""
    for spec, meeting in zip(specs, made, strict=True):
        if not (spec["public"] and spec["publish_agenda"]):
            continue
        page = responses[reverse("public:meeting", args=[slug, meeting.pk])][1].decode()
        api = responses[f"/api/v1/public/councils/{slug}/meetings/{meeting.pk}"][1].decode()
        for item in spec["items"]:
            if item["paragraph"] is None:
                assert "About open words" in page and "About open words" in api
            else:
                assert f"Exempt: paragraph {item['paragraph']} of Schedule 12A" in page
