"""No module passes 500 lines: past that, a module is split into a package by what
its parts do (STYLE.md, rule 1)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
