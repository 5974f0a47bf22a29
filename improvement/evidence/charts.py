"""A measure's trend as an SVG chart drawn on the server, so pages and printed
reports need no JavaScript. The chart carries a title and description for
screen readers, and every page that shows one also shows its data as a table."""

import io
import re
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from improvement.evidence.presenters import format_value  # noqa: E402

# GOV.UK colours: blue for the measure, black dashes for the target, grey for England.
BLUE, BLACK, GREY, GREEN = "#1d70b8", "#0b0c0c", "#505a5f", "#00703c"
BENCHMARK_STYLES = {
    "england": (GREY, ":"),
    "region": (GREEN, "-."),
    "neighbours": ("#4c2c92", "-."),
}


def _draw(measure: Any, values: Sequence[Any], benchmarks: Sequence[Any]) -> Figure:
    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    periods = [row.period for row in values]
    axes.plot(
        periods,
        [float(row.value) for row in values],
        color=BLUE,
        linewidth=2,
        marker="o",
        markersize=3,
        label=measure.name,
    )
    if measure.target is not None:
        axes.axhline(
            float(measure.target), color=BLACK, linestyle="--", linewidth=1.5, label="Target"
        )
    latest: dict[str, Any] = {}
    for benchmark in benchmarks:
        latest[benchmark.kind] = benchmark
    for kind, benchmark in latest.items():
        colour, style = BENCHMARK_STYLES.get(kind, (GREY, ":"))
        axes.axhline(
            float(benchmark.value),
            color=colour,
            linestyle=style,
            linewidth=1.5,
            label=f"{benchmark.get_kind_display()} {benchmark.year}",
        )
    axes.set_ylabel(measure.get_unit_display())
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, frameon=False, fontsize=9)
    figure.tight_layout()
    return figure


def describe(measure: Any, values: Sequence[Any]) -> str:
    if not values:
        return f"No values have been recorded for {measure.name}."
    first, last = values[0], values[-1]
    target = format_value(measure.target, measure.unit)
    return (
        f"{measure.name} from {first.period:%B %Y} ({format_value(first.value, measure.unit)}) "
        f"to {last.period:%B %Y} ({format_value(last.value, measure.unit)}); target {target}. "
        "The same figures are in the table below the chart."
    )


def measure_chart(measure: Any, values: Sequence[Any], benchmarks: Sequence[Any] = ()) -> str:
    """The SVG markup of a measure's trend, target and benchmarks, labelled for screen readers."""
    settings = {
        "svg.fonttype": "none",
        "svg.hashsalt": f"m{measure.pk}",
        "font.family": "sans-serif",
    }
    with matplotlib.rc_context(settings):
        figure = _draw(measure, values, benchmarks)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = without_inline_styles(buffer.getvalue())
    return labelled(
        svg, f"chart-{measure.pk}", f"Trend of {measure.name}", describe(measure, values)
    )


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
        + f'<title id="{ident}-title">{_escape(title)}</title>'
        + f'<desc id="{ident}-desc">{_escape(desc)}</desc>'
        + svg[head_end:]
    )


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
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# GOV.UK colours for the grades, best to worst.
GRADE_COLOURS = ["#00703c", "#85994b", "#f47738", "#d4351c"]


def audit_chart(rows: Sequence[dict[str, Any]]) -> str:
    """Grade shares of each audit, oldest first, as stacked bars (rows from grade_cells)."""
    settings = {"svg.fonttype": "none", "svg.hashsalt": "audits", "font.family": "sans-serif"}
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(8, 0.5 * len(rows) + 1.6), dpi=100)
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        labels = [f"{row['audit'].held_on:%b %Y}: {row['audit'].theme[:40]}" for row in rows]
        positions = list(range(len(rows)))
        left = [0.0] * len(rows)
        for index, colour in enumerate(GRADE_COLOURS):
            shares = [float(row["grades"][index]["pct"] or 0) for row in rows]
            name = rows[0]["grades"][index]["label"] if rows else ""
            axes.barh(positions, shares, left=left, color=colour, label=name)
            left = [a + b for a, b in zip(left, shares, strict=True)]
        axes.set_yticks(positions, labels, fontsize=8)
        axes.invert_yaxis()
        axes.set_xlim(0, 100)
        axes.set_xlabel("Share of cases graded (%)")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    desc = (
        "Each audit's share of cases graded outstanding, good, requires improvement and "
        "inadequate, oldest first. The same figures are in the table below the chart."
    )
    svg = without_inline_styles(buffer.getvalue())
    return labelled(svg, "audit", "Case file audit grades over time", desc)
