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
