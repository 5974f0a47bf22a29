"""The forward plan commands: load the demo, write an edition."""

import json

import pytest
from django.core.management import CommandError, call_command

from improvement.meetings.demo import load_meetings_demo


def test_the_demo_loads_after_the_meetings_demo_and_writes_its_edition(
    council, board_manager, tmp_path
):
    load_meetings_demo(council)
    call_command("load_forward_plan_demo", "--council", council.slug)
    call_command("load_forward_plan_demo", "--council", council.slug)
    assert council.bodies.filter(slug="cabinet").count() == 1
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    assert scrutiny.forward_decisions.filter(reference="KEY/20NOV23/01").exists()
    out = tmp_path / "plan.json"
    call_command(
        "forward_plan", "--council", council.slug, "--edition", "2023-10-20", "-o", str(out)
    )
    data = json.loads(out.read_text())
    assert data["published_on"] == "2023-10-20"
    assert data["parts"][0]["sections"][0]["decisions"][0]["reference"] == "KEY/20NOV23/01"


def test_forward_plan_refuses_an_unknown_edition(council, tmp_path):
    with pytest.raises(CommandError, match="No such edition"):
        call_command("forward_plan", "--council", council.slug, "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="No council"):
        call_command("forward_plan", "--council", "nowhere", "-o", str(tmp_path / "x"))
