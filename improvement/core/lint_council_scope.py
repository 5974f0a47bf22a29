"""Fails when a view reaches a model's table directly rather than through the council.

Views must fetch with `council.actions.get(...)` or a query function that takes
the council, so no view can show one council's records to another by mistake.
Run by `make test`.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIRECT = re.compile(r"\b[A-Z]\w*\.(objects|_base_manager|_default_manager)\b")


def offending_lines(path: Path) -> list[str]:
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        code = line.split("#", 1)[0]
        if DIRECT.search(code):
            found.append(f"{path.relative_to(ROOT.parent)}:{number}: {line.strip()}")
    return found


def view_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*views*.py") if "tests" not in p.parts)


def main() -> int:
    problems = [line for path in view_files() for line in offending_lines(path)]
    for line in problems:
        print(
            f"{line}\n    reach records through the council (council.<related>) "
            "or a query function that takes it"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
