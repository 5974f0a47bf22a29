"""What the complaints commands share: an example under --help, and finding the council."""

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.complaints.queries import find_council


class ExampleCommand(BaseCommand):
    example = ""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = self.example
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def council(self, slug: str) -> Any:
        try:
            return find_council(slug)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
