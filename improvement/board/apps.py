from django.apps import AppConfig


class BoardConfig(AppConfig):
    """The board's pages: those that join the plan with its evidence, the complaints
    and the council's activity. It sits above the domain apps and may read them all."""

    name = "improvement.board"
    label = "board"
    verbose_name = "Improvement board"

    def ready(self) -> None:
        # Declares the board's permissions.
        from improvement.board import permissions  # noqa: F401

        # Names each kind of record for the activity and history pages.
        from improvement.board.record_kinds import RECORD_KINDS
        from improvement.core.audit_rows import name_kinds

        name_kinds(RECORD_KINDS)
