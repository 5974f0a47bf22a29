"""The one base for management commands: an example under --help, `--council SLUG`,
`-o PATH|-`, the system actor that names the command in the audit log, and every
system check but the URLs' (docs/adr/019)."""

import argparse
import sys
from pathlib import Path
from typing import Any

from django.core.checks import Tags
from django.core.checks.registry import registry
from django.core.management.base import BaseCommand, CommandError, CommandParser

from improvement.core.actors import SystemActor
from improvement.core.models import Council


class CouncilCommand(BaseCommand):
    """Subclasses set `help` and `example`, and say whether they take `--council`
    and write `-o PATH`; `self.council(options)` and `self.write(options, data)` do
    the rest."""

    example = ""
    takes_council = True
    writes_output = False
    output_help = "the file to write, or - for standard output"

    @property
    def requires_system_checks(self) -> list[str]:  # type: ignore[override]
        # Our commands serve no pages, and the URL checks load the URLconf and so
        # every view module (SSO's HTTP client, the feeds...): about half a second
        # of each command's start. `manage.py check`, runserver and `make test` still
        # run them.
        return sorted(registry.tags_available() - {Tags.urls})

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        self.job = subcommand
        if self.example:
            parser.epilog = f"Example:\n  {self.example}"
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        if self.takes_council:
            parser.add_argument(
                "--council", required=True, help="the council's slug, for example peterborough"
            )
        if self.writes_output:
            parser.add_argument("-o", "--output", required=True, help=self.output_help)

    @property
    def actor(self) -> SystemActor:
        return SystemActor(getattr(self, "job", None) or type(self).__module__.rsplit(".", 1)[-1])

    def council(self, options: dict[str, Any]) -> Council:
        slug = options["council"]
        council = Council.objects.filter(slug=slug).first()
        if council is None:
            raise CommandError(f"No council has the slug {slug!r}. Check --council.")
        return council

    def write(self, options: dict[str, Any], data: bytes | str, what: str = "") -> None:
        """Write to the -o path, or to standard output for `-o -`."""
        raw = data.encode() if isinstance(data, str) else data
        target = options["output"]
        if target == "-":
            out = getattr(self.stdout._out, "buffer", None) or sys.stdout.buffer
            out.write(raw)
            out.flush()
            return
        try:
            Path(target).write_bytes(raw)
        except OSError as exc:
            raise CommandError(f"Could not write {target}: {exc.strerror}") from exc
        if what:
            self.stderr.write(f"Wrote {what} to {target}")
