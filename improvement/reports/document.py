"""The shape every report takes, whatever its kind: a title, a header table and
numbered or plain sections of paragraphs, lists, charts and tables.

Builders fill it from the data; one template renders it as HTML (for the page
and, through WeasyPrint, the PDF) and one writer walks it for Word, so the three
formats say the same. It turns into plain JSON, so a final version keeps it.
"""

import base64
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]
    empty: str = "None."

    @property
    def body(self) -> list[list[str]]:
        """The rows, or one row saying there are none, so a table is never blank."""
        if self.rows:
            return self.rows
        return [[self.empty] + [""] * (len(self.head) - 1)]


@dataclass
class Chart:
    title: str
    alt: str
    png_base64: str

    @classmethod
    def from_png(cls, title: str, alt: str, png: bytes) -> "Chart":
        return cls(title, alt, base64.b64encode(png).decode())

    @property
    def png(self) -> bytes:
        return base64.b64decode(self.png_base64)

    @property
    def data_uri(self) -> str:
        return f"data:image/png;base64,{self.png_base64}"


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

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def headings(self) -> list[str]:
        return [section.title for section in self.sections]


def _section(data: dict[str, Any]) -> Section:
    return Section(
        **{
            **data,
            "charts": [Chart(**chart) for chart in data.get("charts", [])],
            "tables": [Table(**table) for table in data.get("tables", [])],
            "subsections": [_section(sub) for sub in data.get("subsections", [])],
        }
    )


def from_json(data: dict[str, Any]) -> Document:
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
