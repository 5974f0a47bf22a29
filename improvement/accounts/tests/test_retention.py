"""The council administrator sets how long personal data is kept."""

import pytest

from improvement.core.models import AuditEntry, RetentionSettings

pytestmark = pytest.mark.django_db


def url(council):
    return f"/councils/{council.slug}/people/retention/"


def test_the_page_shows_the_defaults_with_the_version_read(client_for, council, council_admin):
    page = client_for(council_admin).get(url(council)).content.decode()
    assert "How long personal data is kept" in page
    assert 'name="annex_a_days" value="90"' in page
    assert 'name="complaint_years" value="6"' in page
    assert 'name="version" value="1"' in page


def test_a_change_is_saved_audited_and_versioned(client_for, council, council_admin):
    client = client_for(council_admin)
    data = {"annex_a_days": "30", "complaint_years": "3", "version": "1"}
    assert client.post(url(council), data).status_code == 302
    saved = RetentionSettings.objects.get(council=council)
    assert (saved.annex_a_days, saved.complaint_years, saved.version) == (30, 3, 1)
    assert client.post(url(council), {**data, "annex_a_days": "60"}).status_code == 302
    saved.refresh_from_db()
    assert (saved.annex_a_days, saved.version, saved.modified_by) == (60, 2, council_admin)
    entry = AuditEntry.objects.filter(object_id=str(saved.pk), verb="changed").get()
    assert (entry.before["annex_a_days"], entry.after["annex_a_days"]) == (30, 60)
    assert entry.council == council


def test_a_stale_change_is_refused(client_for, council, council_admin):
    client = client_for(council_admin)
    client.post(url(council), {"annex_a_days": "30", "complaint_years": "3", "version": "1"})
    client.post(url(council), {"annex_a_days": "40", "complaint_years": "3", "version": "1"})
    stale = client.post(url(council), {"annex_a_days": "5", "complaint_years": "3", "version": "1"})
    assert stale.status_code == 200
    assert "after you opened it" in stale.content.decode()
    assert RetentionSettings.objects.get(council=council).annex_a_days == 40


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("annex_a_days", "731", "Days to keep Annex A rows must be 730 or fewer"),
        ("annex_a_days", "", "Enter how many days to keep Annex A child-level rows"),
        ("complaint_years", "0", "Years to keep closed complaints must be 1 or more"),
        ("complaint_years", "six", "Years to keep closed complaints must be a whole number"),
    ],
)
def test_a_value_out_of_bounds_is_named_in_the_error_summary(
    client_for, council, council_admin, field, value, message
):
    data = {"annex_a_days": "90", "complaint_years": "6", "version": "1", field: value}
    response = client_for(council_admin).post(url(council), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and f'href="#id_{field}"' in page
    assert message in page
    assert not RetentionSettings.objects.exists()


def test_only_the_council_administrator_may_change_retention(
    client_for, council, board_manager, complaints_manager, other_officer
):
    data = {"annex_a_days": "1", "complaint_years": "1", "version": "1"}
    assert client_for(board_manager).post(url(council), data).status_code == 403
    assert client_for(complaints_manager).get(url(council)).status_code == 403
    assert client_for(other_officer).get(url(council)).status_code == 404
    assert not RetentionSettings.objects.exists()


def test_the_people_page_links_to_the_retention_settings(client_for, council, council_admin):
    page = client_for(council_admin).get(f"/councils/{council.slug}/people/").content.decode()
    assert url(council) in page
