"""Every table of a page sits in a region that scrolls sideways on its own, so a page
works at 375 pixels wide (WCAG 1.4.10 allows a data table to scroll; the page must not):

    <div class="ib-table-scroll" tabindex="0" role="region" aria-label="...">

The rule is read from the templates themselves, each on its own: the region goes in
the same template as its table (a partial with a table brings its own region), so no
page can include a bare table by forgetting to wrap the include.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TEMPLATE_DIRS = [ROOT / "templates", *sorted((ROOT / "improvement").glob("*/templates"))]

# Templates that are never a page: they are rendered to a PDF (or Word file) whose own
# styles lay tables out on paper, where a scroll region means nothing.
PRINT_ONLY = {
    # The front pages of the agenda pack, made into a PDF by reports/pack.py.
    "reports/pack_front.html",
}

# Templates another change is rewriting as this test is written; the lead wraps their
# tables when the branches meet, and empties this set.
EXPECTED_PENDING: set[str] = set()

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# Django comments, and anything a template tag or variable says, are not markup.
NOT_MARKUP = re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}", re.S)


class _Tables(HTMLParser):
    """The tables of a template that are not inside a well-formed scroll region."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, is a scroll region)
        self.bare: list[int] = []
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        region = tag == "div" and "ib-table-scroll" in (found.get("class") or "").split()
        if region:
            line = self.getpos()[0]
            if found.get("role") != "region" or found.get("tabindex") != "0":
                self.faults.append(f'line {line}: region without role="region" tabindex="0"')
            if not (found.get("aria-label") or "").strip():
                self.faults.append(f"line {line}: region without an aria-label")
        if tag == "table" and not any(is_region for _, is_region in self.open):
            self.bare.append(self.getpos()[0])
        if tag not in VOID:
            self.open.append((tag, region))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        # Close up to the nearest open element of this name; a stray end tag is ignored.
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return


def _problems(source: str) -> list[str]:
    parser = _Tables()
    parser.feed(NOT_MARKUP.sub(lambda match: "\n" * match.group().count("\n"), source))
    parser.close()
    bare = [f"line {line}: <table> outside an ib-table-scroll region" for line in parser.bare]
    return bare + parser.faults


def _templates() -> dict[str, Path]:
    return {
        str(path.relative_to(folder)): path
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*.html"))
    }


def test_every_table_of_a_page_scrolls_in_its_own_region():
    found = {
        name: problems
        for name, path in _templates().items()
        if name not in PRINT_ONLY and (problems := _problems(path.read_text(encoding="utf-8")))
    }
    unwrapped = sorted(
        f"{name} {problem}" for name in found.keys() - EXPECTED_PENDING for problem in found[name]
    )
    assert unwrapped == [], "\n".join(unwrapped)


def test_the_exceptions_are_still_needed():
    templates = _templates()
    assert PRINT_ONLY | EXPECTED_PENDING <= templates.keys()
    still_bare = {name for name in EXPECTED_PENDING if _problems(templates[name].read_text())}
    assert still_bare == EXPECTED_PENDING


def test_the_rule_sees_a_bare_table_and_a_wrapped_one():
    region = '<div class="ib-table-scroll" tabindex="0" role="region" aria-label="Actions">'
    assert _problems("<div><table></table></div>") == [
        "line 1: <table> outside an ib-table-scroll region"
    ]
    assert _problems(f"{region}\n<p>Key</p><table></table></div>") == []
    # The region must still be open where the table starts.
    assert _problems(f"{region}</div>\n<table></table>") == [
        "line 2: <table> outside an ib-table-scroll region"
    ]
    # A table in a comment is not on the page.
    assert _problems("{# <table> #}{% comment %}\n<table>{% endcomment %}") == []
    assert _problems('<div class="ib-table-scroll" aria-label="A"><table></table></div>') == [
        'line 1: region without role="region" tabindex="0"'
    ]
