"""render_chart: the numbers drawn are the data, gaps say so, text is literal and legible."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from builder.charts.data import ChartData, chart_data
from builder.charts.render import render_chart
from builder.model import Briefing
from builder.theme import load_theme
from tests.charts.helpers import briefing, dataset, spec, svg_labels, svg_texts, table

THEME = load_theme()
T = table("t", ["a", "b"], [
    ["Fatal physical abuse", "46 (22%)", "18 (14%)"],
    ["Extreme neglect", "1 (<1%)", "6 (5%)"],
    ["Late consequences of abuse after a very long time in care settings", "n/a", "1 (1%)"],
    ["Severe persistent cruelty", "9 (4%)", "0"],
])
DS = dataset("ds", ["period", "pct", "other"], [
    ["2005-07", 11, 3], ["2007-09", None, 4], ["2009-11", None, None], ["2017-19", 19, 5]])


def assert_values_drawn(data: ChartData, svg: bytes) -> None:
    """Every value's printed text is drawn once, at its own id; gaps are labelled, not 0."""
    labels = svg_labels(svg)
    for j, s in enumerate(data.series):
        for i, (value, text) in enumerate(zip(s.values, s.texts, strict=True)):
            if value is None:
                assert text in labels[f"gap-{j}-{i}"], (data.id, j, i)
                assert f"value-{j}-{i}" not in labels
            else:
                assert labels[f"value-{j}-{i}"] == text, (data.id, j, i)
    assert labels["title"].replace("\n", " ") == data.title


def render(b: Briefing, i: int = 0) -> tuple[ChartData, bytes, bytes]:
    c = b.charts[i]
    data = chart_data(b, c)
    svg, png = render_chart(data, c.kind, THEME)
    return data, svg, png


CASES = {
    "hbar": briefing(tables=(T,), charts=(spec("c", "t", ["a"], highlight=("Extreme neglect",)),)),
    "bar": briefing(tables=(T,), charts=(spec("c", "t", ["b"], kind="bar"),)),
    "grouped": briefing(tables=(T,), charts=(spec("c", "t", ["a", "b"], kind="grouped"),)),
    "grouped-pct": briefing(tables=(T,), charts=(spec("c", "t", ["a", "b"], kind="grouped",
                                                      unit="percent"),)),
    "stacked": briefing(tables=(T,), charts=(spec("c", "t", ["a", "b"], kind="stacked"),)),
    "stacked-short": briefing(datasets=(DS,), charts=(spec("c", "ds", ["pct", "other"],
                                                           kind="stacked", category="period"),)),
    "line": briefing(datasets=(DS,), charts=(spec("c", "ds", ["pct"], kind="line",
                                                  unit="percent", category="period"),)),
    "line-2": briefing(datasets=(DS,), charts=(spec("c", "ds", ["pct", "other"], kind="line",
                                                    category="period"),)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_values_drawn_equal_the_data(case: str) -> None:
    data, svg, png = render(CASES[case])
    assert_values_drawn(data, svg)
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == round(THEME.charts.width_in * THEME.charts.dpi_png)


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_text_below_minimum_size(case: str) -> None:
    _, svg, _ = render(CASES[case])
    sizes = [size for text, size in svg_texts(svg) if text.strip()]
    assert sizes and min(sizes) >= THEME.charts.min_text_pt


def test_missing_values_are_labelled_never_zero() -> None:
    data, svg, _ = render(CASES["grouped-pct"])
    labels = svg_labels(svg)
    assert labels["gap-0-1"] == "<1%"  # published "<1%": not plotted, not 0.5
    assert labels["gap-0-2"] == "n/a"
    assert labels["value-1-3"] == "0%"  # a published zero is a zero
    data, svg, _ = render(CASES["line"])
    assert svg_labels(svg)["gap-0-1"] == "no data"
    assert "0%" not in [svg_labels(svg).get(f"value-0-{i}") for i in range(4)]


def test_dollar_signs_and_markup_stay_literal() -> None:
    ds = dataset("money", ["band", "n"], [["$5M to $10M", 3], ["<b>bold</b> & co", 4]])
    c = spec("m", "money", ["n"], category="band", title="Grants of $5M to $10M & <more>",
             x_label="Cost in $", source_note="Source: $x$ survey")
    _, svg, _ = render(briefing(datasets=(ds,), charts=(c,)))
    texts = [t for t, _ in svg_texts(svg)]
    assert "$5M to $10M" in texts and "<b>bold</b> & co" in texts
    assert "Grants of $5M to $10M & <more>" in texts
    assert "Cost in $" in texts and "Source: $x$ survey" in texts


def test_long_labels_are_wrapped() -> None:
    _, svg, _ = render(CASES["hbar"])
    texts = [t for t, _ in svg_texts(svg)]
    assert "Late consequences of abuse" in texts and "settings" in texts  # one line of the wrapped label


def test_text_is_real_text_in_the_brand_font() -> None:
    _, svg, _ = render(CASES["hbar"])
    assert b"<text" in svg and b"font-family: 'Source Sans Pro'" in svg
    assert b"DejaVu" not in svg


def test_highlighted_bar_in_highlight_colour_outlined_and_patterned() -> None:
    """A highlighted bar differs in colour and also without colour: outline and pattern."""
    _, svg, _ = render(CASES["hbar"])
    text = svg.decode().lower()
    assert THEME.chart_highlight.lower() in text
    assert "<pattern" in text and f"stroke: {THEME.colours.text.lower()}" in text


def test_series_differ_by_pattern_and_marker_as_well_as_colour() -> None:
    """Grouped bars: one fill pattern per series after the first; lines: a marker and dash
    each (so a chart printed in grey or seen without colour still tells them apart)."""
    from builder.charts import style

    data, svg, _ = render(CASES["grouped"])
    assert len(data.series) == 2 and svg.count(b"<pattern") == 1
    assert len({style.hatch(j) for j in range(4)}) == 4
    assert len({(style.marker(j), style.dash(j)) for j in range(4)}) == 4


def test_svg_names_itself_and_png_carries_the_alt_text() -> None:
    data, svg, png = render(CASES["hbar"])
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.findtext(ns + "title") == data.title
    assert root.findtext(ns + "desc") == data.alt and data.alt
    assert b"Description" in png and data.alt.encode("latin-1", "replace")[:40] in png
