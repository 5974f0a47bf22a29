"""The public record as CSV files: linked with their format and size, safe to open."""

import csv
import io
import re

import pytest
from django.urls import reverse

from improvement.public import downloads


def _rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_open_data_page_lists_each_file_with_its_format_and_size(council, record, client):
    response = client.get(reverse("public:open_data", args=[council.slug]))
    page = response.content.decode()
    for name in downloads.FILES:
        assert reverse("public:data_file", args=[council.slug, name]) in page
    assert len(re.findall(r"CSV, \d+(\.\d)? (bytes|KB)", page)) == len(downloads.FILES)
    assert "/api/v1/public/docs" in page


def test_agenda_items_csv_holds_open_items_only_and_neutralises_formulas(council, record, client):
    response = client.get(reverse("public:data_file", args=[council.slug, "agenda-items"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{council.slug}-agenda-items.csv"' in response["Content-Disposition"]
    rows = _rows(response)
    assert [r["title"] for r in rows] == ["Plan progress"]
    # A description a spreadsheet would run as a formula is written as text.
    assert rows[0]["description"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["minute"] == "The board noted progress."
    assert "SECRET" not in response.content.decode("utf-8-sig")


def test_meetings_csv_leaves_out_unpublished_meetings(council, record, client):
    rows = _rows(client.get(reverse("public:data_file", args=[council.slug, "meetings"])))
    assert [int(r["id"]) for r in rows] == [record["first"].pk, record["second"].pk]


@pytest.mark.parametrize("name", ["decisions", "forward-plan", "progress"])
def test_a_file_with_nothing_published_yet_has_its_columns_and_no_rows(
    council, record, client, name
):
    response = client.get(reverse("public:data_file", args=[council.slug, name]))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [",".join(downloads.FILES[name].columns)]


def test_an_unknown_file_is_not_found(council, record, client):
    url = reverse("public:data_file", args=[council.slug, "complaints"])
    assert client.get(url).status_code == 404
