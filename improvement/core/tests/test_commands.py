"""Every command of ours is built on the one base and shows an example under --help."""

import pytest
from django.core.management import get_commands, load_command_class

from improvement.core.commands import CouncilCommand

OURS = sorted(name for name, app in get_commands().items() if app.startswith("improvement."))


def test_the_commands_are_found():
    assert {"load_demo", "import_plan", "export_plan", "report"} <= set(OURS)


@pytest.mark.parametrize("name", OURS)
def test_each_command_uses_the_one_base_and_shows_an_example(name):
    command = load_command_class(get_commands()[name], name)
    assert isinstance(command, CouncilCommand)
    parser = command.create_parser("manage.py", name)
    assert "Example:\n  manage.py " in parser.format_help()
