"""The shape every document takes, whatever its kind: a title, a header table and
numbered or plain sections of paragraphs, lists, charts and tables.

Builders fill it from their data; the renderers walk it for HTML (the page, and
through WeasyPrint the PDF) and for Word, so every format says the same. It turns
into plain JSON, so a final version keeps it as it was.
"""

import base64
from dataclasses import asdict, dataclass, field
from typing import Any

from improvement.documents.stored_charts import stored_png

# A table cell is text, or a rating tag: {"tag": "Green", "tone": "green"}, drawn as a
# GOV.UK tag on a page and in bold in Word, its label always printed.
Cell = str | dict[str, str]


def tag(text: str, tone: str) -> dict[str, str]:
    """A rating tag for a table cell: the label, and the GOV.UK tag colour it wears."""
    return {"tag": text, "tone": tone}


def cell_text(cell: Cell) -> str:
    return cell["tag"] if isinstance(cell, dict) else cell


# A table of this many rows or fewer is not split across pages.
SMALL_TABLE_ROWS = 12


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[Cell]]
    empty: str = "None."
    # False for a table of label and value pairs (a report's header): no header row.
    header_row: bool = True

    @property
    def body(self) -> list[list[Cell]]:
        """The rows, or one row saying there are none, so a table is never blank."""
        if self.rows:
            return self.rows
        return [[self.empty] + [""] * (len(self.head) - 1)]

    @property
    def small(self) -> bool:
        """Short enough to keep on one page: printed whole rather than split."""
        return len(self.body) <= SMALL_TABLE_ROWS


@dataclass
class Chart:
    """A chart as a PNG picture, with the words a screen reader reads for it and the
    figures it draws as a table beside it.

    The picture is stored once, named by `key` (`documents.charts.stored`), and every
    format reaches it there: a page by a URL, the PDF and Word by reading it. Versions
    frozen before charts were stored carry the picture itself, as `png_base64`."""

    title: str
    alt: str
    png_base64: str = ""
    data: Table | None = None
    key: str = ""

    @property
    def caption(self) -> str:
        """What the chart is called, said once for the picture and its figures: the
        figures' caption where they have one (it may number the figure), else the title."""
        return self.data.caption if self.data is not None and self.data.caption else self.title

    @property
    def png(self) -> bytes:
        if self.key:
            return stored_png(self.key)
        return base64.b64decode(self.png_base64)

    @property
    def data_uri(self) -> str:
        """The picture inside the page: only a standalone file needs it (an HTML download
        opened without the service), never a page of the service."""
        return f"data:image/png;base64,{base64.b64encode(self.png).decode()}"


@dataclass
class Section:
    heading: str
    number: str = ""
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    numbered: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    anchor: str = ""
    # Starts a new page in print (an appendix): otherwise sections follow on.
    new_page: bool = False

    @property
    def title(self) -> str:
        return f"{self.number}. {self.heading}" if self.number else self.heading


@dataclass
class Document:
    kind: str
    title: str
    council: str
    subtitle: str = ""
    header: list[list[str]] = field(default_factory=list)
    banner: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    # Wide tables (the forward plan) are printed on landscape A4.
    landscape: bool = False
    # The page's size for the PDF's body text, in points: small for wide tables.
    font_size: float = 10
    # The council's name, colour and logo as printed: filled from the council's settings
    # as the document is rendered (`documents.branding`), unless a builder set them.
    branding: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def headings(self) -> list[str]:
        return [section.title for section in self.sections]


def _table(data: dict[str, Any] | None) -> Table | None:
    return None if data is None else Table(**data)


def _chart(data: dict[str, Any]) -> Chart:
    return Chart(**{**data, "data": _table(data.get("data"))})


def _section(data: dict[str, Any]) -> Section:
    return Section(
        **{
            **data,
            "charts": [_chart(chart) for chart in data.get("charts", [])],
            "tables": [Table(**table) for table in data.get("tables", [])],
            "subsections": [_section(sub) for sub in data.get("subsections", [])],
        }
    )


def from_json(data: dict[str, Any]) -> Document:
    """A document from `to_json`, including one frozen before charts carried their data."""
    return Document(**{**data, "sections": [_section(s) for s in data.get("sections", [])]})


def paragraphs(text: str) -> list[str]:
    """Written text as paragraphs: blank lines separate them."""
    return [
        part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()
    ]


def lines(text: str) -> list[str]:
    """Written text as list items, one a line, without any numbers typed before them."""
    result = []
    for line in (text or "").splitlines():
        item = line.strip().lstrip("-*•").strip()
        head, _, rest = item.partition(" ")
        if head.rstrip(".)").isdigit() and rest:
            item = rest.strip()
        if item:
            result.append(item)
    return result


def numbered_paragraphs(number: str, text: str, start: int = 1) -> list[str]:
    """Paragraphs numbered as the council's committee reports number them: 4.1, 4.2."""
    return [f"{number}.{n} {part}" for n, part in enumerate(paragraphs(text), start=start)]
