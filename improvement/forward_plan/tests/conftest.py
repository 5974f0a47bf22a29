from improvement.meetings.tests.conftest import _rules_installed  # noqa: F401
