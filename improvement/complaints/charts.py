"""Bar charts for the annual report, where the seed's report has figures: SVG for the page
(no JavaScript), PNG for PDF and Word. Each comes with alt text that states its numbers."""

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402

from improvement.evidence.charts import without_inline_styles  # noqa: E402

BLUE, GREY = "#1d70b8", "#b1b4b6"


@dataclass(frozen=True)
class Chart:
    title: str
    labels: list[str]
    this_year: list[int]
    last_year: list[int] | None
    year_label: str
    previous_label: str

    @property
    def alt(self) -> str:
        parts = []
        for n, label in enumerate(self.labels):
            text = f"{label}: {self.this_year[n]} in {self.year_label}"
            if self.last_year is not None:
                text += f", {self.last_year[n]} in {self.previous_label}"
            parts.append(text)
        return f"{self.title}. " + "; ".join(parts) + "."


def _draw(chart: Chart):
    height = 1.2 + 0.45 * len(chart.labels)
    fig, ax = plt.subplots(figsize=(7, height))
    positions = list(range(len(chart.labels)))
    width = 0.4 if chart.last_year is not None else 0.7
    if chart.last_year is not None:
        ax.barh([p + width for p in positions], chart.last_year, width, color=GREY,
                label=chart.previous_label)  # fmt: skip
    ax.barh(positions, chart.this_year, width, color=BLUE, label=chart.year_label)
    ax.set_yticks([p + (width / 2 if chart.last_year is not None else 0) for p in positions])
    ax.set_yticklabels(chart.labels)
    ax.invert_yaxis()
    ax.set_title(chart.title, loc="left", fontsize=11)
    ax.legend(loc="lower right", frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def render(chart: Chart, fmt: str) -> bytes:
    """The chart as `svg` or `png` bytes."""
    fig = _draw(chart)
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format=fmt, dpi=150, metadata={"Date": None} if fmt == "svg" else None)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def svg_markup(chart: Chart) -> str:
    """Inline SVG for a page, labelled with its alt text. Its CSS becomes presentation
    attributes (as for the evidence charts) because the content security policy forbids
    inline styles, which would strip the colours."""
    svg = without_inline_styles(render(chart, "svg").decode())
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_escape(chart.alt)}" ', 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
