"""Every document wears its council's branding, filled where documents are rendered:
no builder passes it (docs/adr/025)."""

import base64
import io

import pytest
from docx import Document as Word
from PIL import Image

from improvement.core import branding
from improvement.core.models import Branding
from improvement.documents.render import render
from improvement.documents.structure import Chart, Document, Section, Table, tag
from improvement.documents.tests.issuable import font_families, painted, shaded_cells

pytestmark = pytest.mark.django_db


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), "#005ea5").save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def _logo() -> str:
    return branding.store_logo(_png())


def _document(council) -> Document:
    picture = base64.b64encode(_png().getvalue()).decode()
    figures = Table("Figure 1 – Ratings", ["Rating", "Actions"], [["Green", "3"]])
    return Document(
        kind="test",
        title="Progress",
        council=council.name,
        sections=[
            Section(
                "Ratings",
                charts=[Chart("Ratings", "Ratings: Green 3.", picture, data=figures)],
                tables=[Table("Key", ["Rating", "Meaning"], [[tag("Red", "red"), "Off track"]])],
            )
        ],
    )


def test_a_document_wears_the_councils_name_logo_and_colour_in_every_format(council):
    Branding.objects.create(
        council=council, name="Testshire County Council", colour="#00703c", logo=_logo()
    )
    document = _document(council)
    html = render(document, "html").decode()
    assert 'src="data:image/png;base64,' in html and 'alt="Testshire County Council"' in html
    assert "color: #00703c" in html
    pdf = render(document, "pdf")
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf
    word = Word(io.BytesIO(render(document, "docx")))
    assert word.core_properties.author == "Testshire County Council"
    assert word.inline_shapes[0]._inline.docPr.get("descr") == "Testshire County Council"
    assert str(word.styles["Heading 1"].font.color.rgb) == "00703C"


def test_without_settings_a_document_prints_the_councils_name_and_one_caption(council):
    document = _document(council)
    html = render(document, "html").decode()
    assert html.count("Figure 1 – Ratings") == 1  # the chart's caption, said once
    assert 'class="govuk-tag govuk-tag--red"' in html and ".govuk-tag--red { color:" in html
    word = Word(io.BytesIO(render(document, "docx")))
    assert word.core_properties.author == council.name
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert captions == ["Figure 1 – Ratings", "Key"]
    assert shaded_cells(word) == [("Red", "#f4d7d7")]
    pdf = render(document, "pdf")
    assert len(font_families(pdf)) == 1
    assert any(abs(c[0] - 0xF4 / 255) < 0.003 for c in painted(pdf))


def test_two_councils_of_one_name_wear_neither_ones_logo(council, other_council):
    other_council.name = council.name
    other_council.save()
    Branding.objects.create(council=council, colour="#00703c", logo=_logo())
    assert branding.branding_named(council.name)["logo"] == ""


def test_a_colour_too_light_to_read_on_white_is_refused():
    assert branding.colour_problem("#1d70b8") is None
    assert "too light" in branding.colour_problem("#ffdd00")
    assert round(branding.contrast("#000000"), 1) == 21.0
