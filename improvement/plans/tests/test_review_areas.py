"""Objectives carry the review areas of the notice (paragraph 7) as tags, set in their
form; reports read them by tag alone (docs/adr/028)."""

import pytest
from django.urls import reverse

from improvement.plans.models import Objective
from improvement.plans.review_areas import area_labels, tagged
from improvement.plans.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def test_the_board_manager_tags_an_objective_with_review_areas(council, board_manager, client_for):
    response = client_for(board_manager).post(
        reverse("plans:objective_create", args=[council.slug]),
        {"title": "A stable workforce", "position": "1", "review_areas": ["workforce", "culture"]},
    )
    assert response.status_code == 302
    objective = Objective.objects.get()
    assert objective.review_areas == ["workforce", "culture"]
    page = client_for(board_manager).get(
        reverse("board:objective_detail", args=[council.slug, objective.pk])
    )
    assert "Culture, Workforce and management oversight" in page.content.decode()


def test_tags_are_read_by_code_never_by_words(council):
    supervision = ObjectiveFactory(council=council, title="Supervision and oversight")
    workforce = ObjectiveFactory(council=council, title="Stable teams", review_areas=["workforce"])
    assert tagged([supervision, workforce], "workforce") == [workforce]
    assert area_labels(["mash", "culture", "unknown"]) == [
        "Culture",
        "The Multi-Agency Safeguarding Hub",
    ]
