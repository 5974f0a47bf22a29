"""What the forward plan commands share: an example under --help, and finding the council."""

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.core.models import Council


class ExampleCommand(BaseCommand):
    example = ""

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = self.example
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def council(self, slug: str) -> Council:
        council = Council.objects.filter(slug=slug).first()
        if council is None:
            raise CommandError(f"No council with the slug {slug!r}")
        return council
