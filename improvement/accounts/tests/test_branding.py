"""The council administrator sets the name, colour and logo its documents print."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from improvement.core.models import AuditEntry, Branding

pytestmark = pytest.mark.django_db


def url(council):
    return f"/councils/{council.slug}/people/branding/"


def png(size=(40, 20)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#005ea5").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_the_people_page_links_to_the_branding_page(client_for, council, council_admin):
    page = client_for(council_admin).get(f"/councils/{council.slug}/people/").content.decode()
    assert url(council) in page
    form = client_for(council_admin).get(url(council)).content.decode()
    assert 'enctype="multipart/form-data"' in form and 'value="#1d70b8"' in form


def test_a_logo_and_colour_are_saved_audited_and_kept_by_their_hash(
    client_for, council, council_admin
):
    data = {"name": "Testshire County Council", "colour": "#00703C", "version": "1"}
    response = client_for(council_admin).post(url(council), {**data, "logo": png()})
    assert response.status_code == 302
    saved = Branding.objects.get(council=council)
    assert (saved.name, saved.colour, saved.version) == ("Testshire County Council", "#00703c", 1)
    assert saved.logo.startswith("branding/") and saved.logo.endswith(".png")
    assert AuditEntry.objects.filter(object_id=str(saved.pk), council=council).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("colour", "#ffdd00", "too light to read on white"),
        ("colour", "green", "Enter the colour as # and 6 letters or digits"),
        ("logo", SimpleUploadedFile("logo.gif", b"GIF89a"), "must be a JPEG, JPG, PNG file"),
        ("logo", SimpleUploadedFile("logo.png", b"not a png"), "is not a real PNG file"),
        ("logo", "huge", "must be at most 4000 pixels wide and high"),
    ],
)
def test_a_light_colour_or_a_bad_logo_is_refused_naming_the_field(
    client_for, council, council_admin, field, value, message
):
    value = png((4001, 1)) if value == "huge" else value
    data = {"name": "", "colour": "#1d70b8", "version": "1", field: value}
    response = client_for(council_admin).post(url(council), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="#id_{field}"' in page and message in page
    assert not Branding.objects.exists()


def test_only_the_council_administrator_may_change_the_branding(
    client_for, council, board_manager, other_officer
):
    data = {"colour": "#00703c", "version": "1"}
    assert client_for(board_manager).post(url(council), data).status_code == 403
    assert client_for(other_officer).get(url(council)).status_code == 404
    assert not Branding.objects.exists()
