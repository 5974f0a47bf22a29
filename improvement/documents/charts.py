"""Every chart the service draws: bars (this year beside the last), a measure's trend
against its target and benchmarks, and stacked shares. SVG for a page (no
JavaScript), PNG for PDF and Word; each with alt text that states its figures and
the same figures as a table.

Drawn with matplotlib's object API, a `Figure` on the SVG canvas, never `pyplot`,
whose global figure registry is not safe in a web process serving many requests.
Every label is plain text: `$x$` in a measure's name is printed as `$x$`, never
parsed as TeX, so no label can make a chart fail.

A chart is drawn once for the data it shows: its picture is kept in the default
storage under `charts/`, named by a hash of its kind, its figures and DRAWING (bump it
when the drawing changes), and every later page, PDF or Word file reads that file
(docs/adr/020). Nothing is ever deleted from there: a frozen version names its files.
"""

import datetime
import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from improvement.core.text import clean_text
from improvement.documents.stored_charts import path_of, stored_png
from improvement.documents.structure import Chart, Table
from improvement.documents.style import FONT

# GOV.UK colours.
BLUE, BLACK, GREY, LIGHT_GREY, GREEN = "#1d70b8", "#0b0c0c", "#505a5f", "#b1b4b6", "#00703c"
LINE_STYLES = {
    "target": (BLACK, "--"),
    "england": (GREY, ":"),
    "region": (GREEN, "-."),
    "neighbours": ("#4c2c92", "-."),
}


def plain(text: Any) -> str:
    """A label as matplotlib must print it: no XML-illegal characters, and every `$`
    escaped so mathtext never parses it (matplotlib prints `\\$` as `$`)."""
    return clean_text(str(text)).replace("$", r"\$")


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars for each label: this period's count, beside the last's if given."""

    title: str
    labels: list[str]
    values: list[int]
    previous: list[int] | None
    label: str
    previous_label: str

    @property
    def alt(self) -> str:
        parts = []
        for n, label in enumerate(self.labels):
            text = f"{label}: {self.values[n]} in {self.label}"
            if self.previous is not None:
                text += f", {self.previous[n]} in {self.previous_label}"
            parts.append(text)
        return f"{self.title}. " + "; ".join(parts) + "."

    @property
    def table(self) -> Table:
        if self.previous is None:
            rows = [[label, str(n)] for label, n in zip(self.labels, self.values, strict=True)]
            return Table(self.title, ["", self.label], rows)
        rows = [
            [label, str(before), str(now)]
            for label, before, now in zip(self.labels, self.previous, self.values, strict=True)
        ]
        return Table(self.title, ["", self.previous_label, self.label], rows)


@dataclass(frozen=True)
class TrendChart:
    """A series over time (dates, values and how each value is written), with level
    lines for its target and benchmarks: (label, value, kind from LINE_STYLES)."""

    title: str
    alt: str
    series: str
    points: list[tuple[datetime.date, float, str]]
    lines: list[tuple[str, float, str]] = field(default_factory=list)
    unit: str = ""

    @property
    def table(self) -> Table:
        rows = [[f"{day:%B %Y}", shown] for day, _, shown in self.points]
        rows += [[label, f"{value:g}"] for label, value, _ in self.lines]
        return Table(self.title, ["Period", self.series], rows, "No values recorded.")


@dataclass(frozen=True)
class SharesChart:
    """Stacked bars of percentage shares, one bar a label: (name, colour, shares)."""

    title: str
    alt: str
    labels: list[str]
    parts: list[tuple[str, str, list[float]]]
    axis: str = "Share (%)"

    @property
    def table(self) -> Table:
        head = ["", *[name for name, _, _ in self.parts]]
        rows = [
            [label, *[f"{shares[n]:.0f}%" for _, _, shares in self.parts]]
            for n, label in enumerate(self.labels)
        ]
        return Table(self.title, head, rows)


def _figure(width: float, height: float) -> Any:
    # Imported here, not at the top: matplotlib costs start-up time in every process
    # (web, commands) and only a chart needs it.
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    # The same for every chart, set once: text kept as text, ids stable between runs,
    # in the documents' one font (documents.style), DejaVu Sans only if it is missing.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "ib-chart"
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = [FONT, "Liberation Sans", "Helvetica", "DejaVu Sans"]
    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasSVG(figure)
    return figure


def _plain_axes(axes: Any) -> None:
    axes.spines[["top", "right"]].set_visible(False)


def _draw_bars(chart: BarChart) -> Any:
    figure = _figure(7, 1.2 + 0.45 * len(chart.labels))
    axes = figure.add_subplot()
    positions = list(range(len(chart.labels)))
    width = 0.4 if chart.previous is not None else 0.7
    if chart.previous is not None:
        axes.barh([p + width for p in positions], chart.previous, width, color=LIGHT_GREY,
                  label=plain(chart.previous_label))  # fmt: skip
    axes.barh(positions, chart.values, width, color=BLUE, label=plain(chart.label))
    offset = width / 2 if chart.previous is not None else 0
    axes.set_yticks([p + offset for p in positions], [plain(label) for label in chart.labels])
    axes.invert_yaxis()
    axes.set_title(plain(chart.title), loc="left", fontsize=11)
    axes.legend(loc="lower right", frameon=False)
    _plain_axes(axes)
    figure.tight_layout()
    return figure


def _draw_trend(chart: TrendChart) -> Any:
    # Lazy, as in _figure: start-up cost.
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    figure = _figure(8, 4)
    axes = figure.add_subplot()
    axes.plot(
        [day for day, _, _ in chart.points],
        [value for _, value, _ in chart.points],
        color=BLUE,
        linewidth=2,
        marker="o",
        markersize=3,
        label=plain(chart.series),
    )
    for label, value, kind in chart.lines:
        colour, style = LINE_STYLES.get(kind, (GREY, ":"))
        axes.axhline(value, color=colour, linestyle=style, linewidth=1.5, label=plain(label))
    axes.set_ylabel(plain(chart.unit))
    _plain_axes(axes)
    axes.grid(axis="y", color=LIGHT_GREY, linewidth=0.5)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=9)
    figure.tight_layout()
    return figure


def _draw_shares(chart: SharesChart) -> Any:
    figure = _figure(8, 0.5 * len(chart.labels) + 1.6)
    axes = figure.add_subplot()
    positions = list(range(len(chart.labels)))
    left = [0.0] * len(chart.labels)
    for name, colour, shares in chart.parts:
        axes.barh(positions, shares, left=left, color=colour, label=plain(name))
        left = [a + b for a, b in zip(left, shares, strict=True)]
    axes.set_yticks(positions, [plain(label) for label in chart.labels], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel(plain(chart.axis))
    _plain_axes(axes)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False)
    figure.tight_layout()
    return figure


DRAW = {BarChart: _draw_bars, TrendChart: _draw_trend, SharesChart: _draw_shares}
AnyChart = BarChart | TrendChart | SharesChart


# Part of every chart's name: a change to how charts are drawn names every chart anew.
# 2: the documents' font; a PNG (for a document, which captions it) draws no title.
DRAWING = 2


def key_of(chart: AnyChart, fmt: str) -> str:
    """The name of the chart's picture: a hash of what it draws and how."""
    text = json.dumps(
        [DRAWING, fmt, type(chart).__name__, asdict(chart)], sort_keys=True, default=str
    )
    return hashlib.sha256(text.encode()).hexdigest()


def draw(chart: AnyChart, fmt: str) -> bytes:
    """The chart drawn now, as bytes: `stored` draws through this, once."""
    figure = DRAW[type(chart)](chart)
    if fmt != "svg":
        # A document says the chart's name once, in its caption, not in the picture too.
        for axes in figure.axes:
            axes.set_title("", loc="left")
        figure.tight_layout()
    buffer = io.BytesIO()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        figure.savefig(buffer, format=fmt, dpi=150)
    return buffer.getvalue()


def stored(chart: AnyChart, fmt: str = "png") -> str:
    """The chart's name, drawing and keeping its picture first if it has never been
    drawn. Two processes drawing the same chart at once store the same bytes: the
    loser's copy (saved under another name by the storage) is removed."""
    key = key_of(chart, fmt)
    path = path_of(key, fmt)
    if not default_storage.exists(path):
        saved = default_storage.save(path, ContentFile(draw(chart, fmt)))
        if saved != path:
            default_storage.delete(saved)
    return key


def image(chart: AnyChart, fmt: str) -> bytes:
    """The chart as `svg` or `png` bytes, drawn only the first time."""
    return stored_png(stored(chart, fmt), fmt)


def for_document(chart: AnyChart, alt: str = "", data: bool = True) -> Chart:
    """The chart for a document: its stored PNG with its alt text (`alt` in place of the
    chart's own) and its figures as a table; `data=False` where the section's own table
    beside it already holds every figure the chart draws."""
    return Chart(
        clean_text(chart.title),
        clean_text(alt or chart.alt),
        data=chart.table if data else None,
        key=stored(chart, "png"),
    )


def svg(chart: AnyChart, ident: str, described: bool = True) -> str:
    """Inline SVG for a page, named by its title and described by its alt text; or,
    not `described`, labelled by its alt text alone (its title is in the alt text)."""
    markup = unique_ids(without_inline_styles(image(chart, "svg").decode()), ident)
    if described:
        return labelled(markup, ident, chart.title, chart.alt)
    label = f'<svg role="img" aria-label="{_escape(clean_text(chart.alt))}" '
    return markup.replace("<svg ", label, 1)


def labelled(svg: str, ident: str, title: str, desc: str) -> str:
    """The SVG as an image named by its title and described, for screen readers."""
    head = (
        f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" class="ib-chart" '
        'focusable="false"'
    )
    svg = re.sub(r"^<svg", head, svg, count=1)
    head_end = svg.index(">") + 1
    return (
        svg[:head_end]
        + f'<title id="{ident}-title">{_escape(clean_text(title))}</title>'
        + f'<desc id="{ident}-desc">{_escape(clean_text(desc))}</desc>'
        + svg[head_end:]
    )


ID = re.compile(r'\bid="([^"]+)"')


def unique_ids(svg: str, prefix: str) -> str:
    """Every id (clip paths, glyphs) prefixed, so two charts on one page never share one."""
    for ident in set(ID.findall(svg)):
        svg = svg.replace(f'id="{ident}"', f'id="{prefix}-{ident}"')
        svg = svg.replace(f"#{ident})", f"#{prefix}-{ident})")
        svg = svg.replace(f'#{ident}"', f'#{prefix}-{ident}"')
    return svg


STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')
STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>|<metadata>.*?</metadata>", re.S)
SIZE = re.compile(r'^(<svg[^>]*?) width="[^"]*" height="[^"]*"')


def _attributes(match: re.Match) -> str:
    pairs = [part.split(":", 1) for part in match.group(1).split(";") if ":" in part]
    return " ".join(f'{name.strip()}="{value.strip()}"' for name, value in pairs)


def without_inline_styles(svg: str) -> str:
    """The SVG with its CSS turned into presentation attributes.

    The content security policy forbids inline styles, which would strip the
    chart of its colours; presentation attributes are not styles, so they stay.
    """
    svg = svg[svg.index("<svg") :]
    svg = STYLE_ELEMENT.sub("", svg)
    svg = STYLE_ATTRIBUTE.sub(_attributes, svg)
    svg = SIZE.sub(r'\1 width="100%" stroke-linejoin="round" stroke-linecap="butt"', svg, count=1)
    return svg


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
