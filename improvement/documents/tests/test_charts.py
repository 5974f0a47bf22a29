"""The one chart module: plain-text labels, alt text and data, and no pyplot."""

import subprocess
import sys
from pathlib import Path

from improvement.documents import charts

ROOT = Path(__file__).resolve().parents[3]
AWKWARD = ["$x$", "a_b^c $", r"\frac{1}{2}", "$$", "tab\x0bbed", "<b>&"]


def test_labels_are_plain_text_so_none_can_raise():
    chart = charts.BarChart("$x$ by team", AWKWARD, [1, 2, 3, 4, 5, 6], None, "2023-24", "")
    svg = charts.svg(chart, "c1")
    assert ">$x$<" in svg and ">a_b^c $<" in svg and ">$$<" in svg
    assert "\x0b" not in svg and "&lt;b&gt;&amp;" in svg
    assert charts.image(chart, "png").startswith(b"\x89PNG")


def test_every_chart_for_a_document_has_alt_text_and_its_data_as_a_table():
    chart = charts.BarChart("Cases", ["Open", "Closed"], [3, 4], [1, 2], "2023-24", "2022-23")
    drawn = charts.for_document(chart)
    assert (
        drawn.alt == "Cases. Open: 3 in 2023-24, 1 in 2022-23; Closed: 4 in 2023-24, 2 in 2022-23."
    )
    assert drawn.data.head == ["", "2022-23", "2023-24"]
    assert drawn.data.rows == [["Open", "1", "3"], ["Closed", "2", "4"]]
    assert drawn.png.startswith(b"\x89PNG")


def test_two_charts_on_a_page_share_no_ids():
    chart = charts.SharesChart("Grades", "Grades.", ["A"], [("Good", "#00703c", [100.0])])
    first, second = charts.svg(chart, "one"), charts.svg(chart, "two")
    assert 'id="one-' in first and 'id="one-' not in second
    assert 'aria-labelledby="two-title two-desc"' in second


def test_charts_never_load_pyplot():
    code = (
        "import sys; from improvement.documents import charts; "
        "charts.draw(charts.BarChart('t', ['a'], [1], None, 'y', ''), 'png'); "
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot loaded'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)  # noqa: S603
