from django.urls import reverse


def test_the_accessibility_statement_has_the_sections_the_regulations_require(client, db):
    page = client.get(reverse("accessibility")).content.decode()
    for heading in [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]:
        assert heading in page, heading
    assert "partially compliant" in page and "Equality Advisory and Support Service" in page
    assert "This statement was prepared on" in page
