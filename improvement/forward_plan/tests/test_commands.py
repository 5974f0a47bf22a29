"""The forward plan commands: load the demo, write an edition."""

import pytest
from django.core.management import CommandError, call_command


def test_forward_plan_refuses_an_unknown_edition(council, tmp_path):
    with pytest.raises(CommandError, match="No such edition"):
        call_command("forward_plan", "--council", council.slug, "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="No council"):
        call_command("forward_plan", "--council", "nowhere", "-o", str(tmp_path / "x"))
