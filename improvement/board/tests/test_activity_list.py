"""The activity page's filters (who, kind of record, what was done, from and to), kept
in its Newer and Older links and in a CSV download of every change they keep, read in
words; complaint cases stay out for those who may not see cases (docs/adr/042)."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.complaints.models import Representation
from improvement.complaints.services import grant_case_access
from improvement.core import audit
from improvement.core.models import AuditEntry
from improvement.evidence.models import Measure
from improvement.plans import services
from improvement.plans.models import Action, Objective
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db

# A stored name or code: words joined by underscores (review_areas, multi_agency).
CODE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
NOON = datetime.datetime(2024, 2, 10, 12, tzinfo=datetime.UTC)


def _entries(council, count, *, model=Action, verb="changed", actor=None, at=NOON, label="row"):
    kind = ContentType.objects.get_for_model(model)
    return AuditEntry.objects.bulk_create(
        AuditEntry(
            council=council,
            actor=actor,
            actor_name=actor.get_full_name() if actor else "System (daily jobs)",
            verb=verb,
            content_type=kind,
            object_id=str(n),
            object_repr=f"{label} no. {n}",
            at=at,
        )
        for n in range(count)
    )


def _shown(response) -> list[str]:
    assert response.status_code == 200
    return [" ".join(found) for found in re.findall(r"(\w+) no\. (\d+)", response.text)]


@pytest.fixture
def url(council):
    return reverse("board:activity", args=[council.slug])


@pytest.fixture
def mixed(council, board_manager, chair):
    """Three kinds of change by two people and the system, on three days."""
    _entries(council, 2, actor=board_manager, label="manager")
    _entries(council, 2, actor=chair, verb="created", model=Objective, label="chair")
    _entries(council, 2, label="system", at=NOON - datetime.timedelta(days=5))


def test_each_filter_keeps_only_its_changes(council, board_manager, chair, client_for, url, mixed):
    client = client_for(board_manager)
    objective = ContentType.objects.get_for_model(Objective).pk
    expected = {
        f"who={chair.pk}": {"chair"},
        "who=system": {"system"},
        f"kind={objective}": {"chair"},
        "verb=changed": {"manager", "system"},
        "since_day=10&since_month=2&since_year=2024": {"manager", "chair"},
        "until_day=9&until_month=2&until_year=2024": {"system"},
        f"who={board_manager.pk}&verb=created": set(),
    }
    for query, kept in expected.items():
        shown = _shown(client.get(f"{url}?{query}"))
        assert {row.split()[0] for row in shown} == kept, query
    assert "No changes match these filters." in client.get(f"{url}?verb=created&who=system").text


def test_the_filters_offer_people_kinds_and_verbs_in_words(board_manager, client_for, url, mixed):
    form = client_for(board_manager).get(url).context["activity"].filters.form
    assert [label for _, label in form.fields["who"].choices][1:] == [
        "Penny Aubert",
        "Sally Rowe",
        "The system (imports and scheduled jobs)",
    ]
    assert [label for _, label in form.fields["kind"].choices][1:] == [
        "Plan action",
        "Plan objective",
    ]
    assert [label for _, label in form.fields["verb"].choices][1:] == ["Changed", "Created"]


def test_the_to_date_keeps_the_whole_of_its_day(council, board_manager, client_for, url):
    late = datetime.datetime(2024, 2, 9, 23, 30, tzinfo=datetime.UTC)  # in London, too
    _entries(council, 1, actor=board_manager, at=late, label="late")
    _entries(council, 1, actor=board_manager, at=late + datetime.timedelta(hours=1), label="next")
    client = client_for(board_manager)
    assert _shown(client.get(f"{url}?until_day=9&until_month=2&until_year=2024")) == ["late 0"]
    assert _shown(client.get(f"{url}?since_day=10&since_month=2&since_year=2024")) == ["next 0"]
    # The last day there is has no day after it: everything up to it, not a server error.
    everything = client.get(f"{url}?until_day=31&until_month=12&until_year=9999")
    assert _shown(everything) == ["next 0", "late 0"]


def test_a_date_that_is_no_date_is_named_and_narrows_nothing(
    council, board_manager, client_for, url, mixed
):
    response = client_for(board_manager).get(f"{url}?since_day=31&since_month=2&since_year=2024")
    body = response.content.decode()
    assert "There is a problem with the filters" in body
    assert 'href="#id_since_0">From must be a real date' in body
    assert len(_shown(response)) == 6


def test_complaint_cases_stay_hidden_even_when_asked_for_by_kind(
    council, board_manager, complaints_manager, client_for, url
):
    _entries(council, 2, model=Representation, actor=complaints_manager, label="case")
    _entries(council, 2, actor=board_manager, label="action")
    cases = ContentType.objects.get_for_model(Representation).pk
    client = client_for(board_manager)

    response = client.get(f"{url}?kind={cases}")
    assert _shown(response) == ["action 1", "action 0"]  # the unknown kind narrows nothing
    form = response.context["activity"].filters.form
    assert form.errors["kind"] == ["Select a kind of record from the list"]
    assert "Complaint or compliment case" not in [label for _, label in form.fields["kind"].choices]
    csv_rows = _csv(client.get(f"{url}?kind={cases}&format=csv"))
    assert [row[4] for row in csv_rows[1:]] == ["action no. 1", "action no. 0"]
    # The complaints manager's activity choices are not the board manager's.
    assert "Cora Complaints" not in response.content.decode()

    grant_case_access(complaints_manager, council, board_manager, "Board oversight")
    response = client.get(f"{url}?kind={cases}")
    assert _shown(response) == ["case 1", "case 0"]
    labels = [
        label for _, label in response.context["activity"].filters.form.fields["kind"].choices
    ]
    assert "Complaint or compliment case" in labels


def _pages(client, link: str) -> list[tuple[list[str], str]]:
    """Every page from `link`, following Older: what each shows, its Older link."""
    pages = []
    while link:
        response = client.get(link)
        older = re.search(r'href="(\?[^"]*before=[\w-]+[^"]*)" rel="next"', response.text)
        link = older and link.split("?")[0] + older.group(1).replace("&amp;", "&")
        pages.append((_shown(response), link or ""))
    return pages


def test_paging_keeps_the_filters_in_newer_and_older(council, board_manager, client_for, url):
    _entries(council, 70, actor=board_manager, label="kept")
    _entries(council, 70, actor=board_manager, verb="created", label="other")
    client = client_for(board_manager)
    pages = _pages(client, f"{url}?verb=changed")
    assert [len(shown) for shown, _ in pages] == [50, 20]
    assert [row for shown, _ in pages for row in shown] == [f"kept {n}" for n in range(69, -1, -1)]
    assert "verb=changed" in pages[0][1]

    last = client.get(pages[0][1])
    newer = re.search(r'href="(\?[^"]*after=[\w-]+[^"]*)" rel="prev"', last.text).group(1)
    assert "verb=changed" in newer
    assert _shown(client.get(url + newer.replace("&amp;", "&"))) == pages[0][0]


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_every_kept_change_in_words(council, board_manager, client_for, url):
    client = client_for(board_manager)
    created = client.post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "agency_sw_pct",
            "name": "Agency social workers",
            "unit": "percentage",
            "polarity": "lower",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
            "review_areas": ["multi_agency", "workforce"],
        },
    )
    assert created.status_code == 302
    action = ActionFactory(objective=ObjectiveFactory(council=council), title="Old title")
    services.change_action(board_manager, action, {"title": "Audit the MASH"}, action.version)
    _entries(council, 60, actor=board_manager, label="bulk")

    rows = _csv(client.get(f"{url}?who={board_manager.pk}&format=csv"))
    assert rows[0] == ["When", "Who", "What was done", "Kind of record", "Record", "Changes"]
    assert len(rows) == 1 + 60 + 2
    by_record = {row[4]: row for row in rows[1:]}
    measure = by_record["Agency social workers"]
    assert measure[1:4] == ["Penny Aubert", "Created", "Measure"]
    assert (
        "Review areas: Multi-agency arrangements, Workforce and management oversight"
        in (measure[5])
    )
    assert "Unit: Percentage" in measure[5] and "Polarity: Lower is better" in measure[5]
    changed = by_record[str(action)]
    assert changed[2:4] == ["Changed", "Plan action"]
    assert changed[5] == "Title: Old title → Audit the MASH"
    # The measure's code is its own field's value, not a name of anything.
    words = " ".join(" ".join(row) for row in rows).replace("agency_sw_pct", "")
    assert not CODE.search(words), CODE.search(words).group()


def test_a_measure_and_its_review_areas_read_as_words_in_its_history(
    council, board_manager, client_for
):
    measure = Measure.objects.create(
        council=council, code="rereferral_12m_pct", name="Re-referrals within 12 months"
    )
    before = audit.snapshot(measure)
    measure.review_areas = ["multi_agency", "mash"]
    measure.save()
    audit.record(board_manager, "changed", measure, before, audit.snapshot(measure))
    client = client_for(board_manager)
    history = client.get(reverse("board:history", args=[council.slug, "measure", measure.pk]))
    assert "Multi-agency arrangements, The Multi-Agency Safeguarding Hub" in history.text
    assert "multi_agency" not in history.text
    activity = client.get(reverse("board:activity", args=[council.slug])).text
    assert "Changed: Measure Re-referrals within 12 months" in activity
    assert "rereferral_12m_pct" not in activity


def _queries(client, link: str) -> int:
    client.get(link)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(link)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)


@pytest.mark.parametrize("count", [3, 120])
def test_a_filtered_page_and_its_csv_cost_the_same_queries_however_long(
    council, board_manager, chair, client_for, url, count
):
    _entries(council, count, actor=board_manager, label="mine")
    _entries(council, count, actor=chair, label="theirs")
    client = client_for(board_manager)
    filtered = (
        f"{url}?who={board_manager.pk}&verb=changed&since_day=1&since_month=1&since_year=2024"
    )
    assert _queries(client, filtered) == 8
    older = re.search(r'href="(\?[^"]*before=[\w-]+[^"]*)" rel="next"', client.get(filtered).text)
    assert bool(older) == (count > 50)
    if older:
        assert _queries(client, url + older.group(1).replace("&amp;", "&")) == 8
    assert _queries(client, f"{filtered}&format=csv") == 8
