"""The demo's 2022-23 complaints report and its forward plan edition print what the
seed's do beyond the figures: the Ombudsman's decisions with their links, chosen
examples, the advocacy provider, and the plan's Cabinet and directorate key."""

import datetime

import pytest

from improvement.complaints.report import annual_document
from improvement.demo.complaints import load_complaints_demo
from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.demo.meetings import load_meetings_demo
from improvement.demo.statutory_papers import DECISION_LINKS, load_statutory_papers_demo
from improvement.documents.render import render
from improvement.forward_plan.outputs import edition_document


@pytest.fixture
def peterborough(council):
    load_meetings_demo(council)
    load_forward_plan_demo(council)
    load_complaints_demo(council)
    load_statutory_papers_demo(council)
    load_statutory_papers_demo(council)
    return council


def test_the_demo_report_lists_the_seeds_ombudsman_decisions_and_examples(peterborough):
    document = annual_document(peterborough, 2022)
    html = render(document, "html").decode().replace("&#x27;", "'")
    for reference in ("22-000-753", "22-008-825"):
        assert DECISION_LINKS[reference] in html
    assert "National Youth Advocacy Service" in html
    assert "Delay in a bursary" in html
    assert "We couldn't thank X enough" in html.replace("&#39;", "'")
    improvements = next(s for s in document.sections if s.heading == "Service improvements")
    assert all(row[3] for row in improvements.tables[0].rows)


def test_the_demo_edition_prints_the_cabinet_and_the_directorate_key(peterborough):
    edition = peterborough.forward_plan_editions.get(published_on=datetime.date(2023, 10, 20))
    html = render(edition_document(edition), "html").decode().replace("&#x27;", "'")
    assert "Councillor Fitzgerald" in html and "Key to the directorates" in html
    assert "(CYP)" in html
