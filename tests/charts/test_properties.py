"""Generated chart data: either check_chart_data names a problem, or the chart draws exactly
its numbers (and never a traceback)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.charts.data import chart_data
from builder.charts.render import render_chart
from builder.charts.rules import check_chart_text, check_charts
from builder.problems import errors
from builder.theme import load_theme
from tests.charts.helpers import briefing, dataset, spec, svg_labels

THEME = load_theme()
good = st.one_of(st.none(), st.integers(0, 10**7), st.floats(0, 1e6, width=32))
bad = st.one_of(st.integers(-50, -1), st.floats(allow_nan=True, allow_infinity=True, width=32))
numbers = st.one_of(good, good, good, good, good, bad)
labels = st.text(st.characters(codec="latin-1", categories=("L", "N", "P", "Zs", "Sc")),
                 min_size=1, max_size=60).map(str.strip).filter(bool)
RENDERED: list[str] = []
KINDS = ("bar", "hbar", "grouped", "stacked", "line")


@st.composite
def charts(draw):  # type: ignore[no-untyped-def]
    n_series = draw(st.integers(1, 3))
    cats = draw(st.lists(labels, min_size=0, max_size=8, unique=True))
    rows = [[c] + [draw(numbers) for _ in range(n_series)] for c in cats]
    cols = ["label"] + [f"s{i}" for i in range(n_series)]
    kind = draw(st.sampled_from(KINDS))
    unit = draw(st.sampled_from(("count", "percent")))
    title = draw(labels)
    c = spec("c", "ds", cols[1:], kind=kind, unit=unit, title=title)
    return briefing(datasets=(dataset("ds", cols, rows),), charts=(c,))


@given(charts())
@settings(max_examples=200, deadline=None)
def test_checked_data_always_yields_chart_data(b) -> None:  # type: ignore[no-untyped-def]
    if errors(check_charts(b)[1]):
        return
    d = chart_data(b, b.charts[0])
    assert d.alt and len(d.categories) == len(b.datasets[0].rows)
    for s in d.series:
        assert len(s.values) == len(s.texts) == len(d.categories)


@given(charts())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_checked_data_draws_its_numbers(b) -> None:  # type: ignore[no-untyped-def]
    if errors(check_charts(b)[1] + check_chart_text(b, THEME)):
        return
    d = chart_data(b, b.charts[0])
    svg, _ = render_chart(d, b.charts[0].kind, THEME)
    RENDERED.append(d.id)
    drawn = svg_labels(svg)
    for j, s in enumerate(d.series):
        for i, (v, t) in enumerate(zip(s.values, s.texts, strict=True)):
            key = f"{'gap' if v is None else 'value'}-{j}-{i}"
            assert t in drawn[key]
