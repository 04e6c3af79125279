"""Every chart of the real health briefing draws exactly the content's numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.charts import render_charts
from builder.charts.rules import check_charts
from builder.model import Briefing, Table
from builder.theme import load_theme
from tests.charts.helpers import svg_labels, svg_texts

ROOT = Path(__file__).resolve().parents[2]
BRIEFING = ROOT / "content" / "health" / "briefing.yaml"


@pytest.fixture(scope="module")
def health() -> Briefing:
    from builder.content import load_briefing

    briefing, problems = load_briefing(BRIEFING, ROOT)
    assert briefing is not None, [str(p) for p in problems]
    return briefing


@pytest.fixture(scope="module")
def rendered(health: Briefing, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("charts")
    return render_charts(health, load_theme(), tmp / "out", tmp / "cache")


def source_numbers(b: Briefing, chart_id: str) -> list[list[str]]:
    """The numbers each series should print, read straight from the model (not ChartData)."""
    spec = next(c for c in b.charts if c.id == chart_id)
    tables = {blk.id: blk for p in b.parts for s in _sections(p.sections) for blk in s.blocks
              if isinstance(blk, Table)}
    datasets = {d.id: d for d in b.datasets}
    out = []
    for series in spec.series:
        if spec.source in tables:
            t = tables[spec.source]
            i = [c.key for c in t.columns[1:]].index(series.column)
            rows = {r.label: r.cells[i] for r in t.rows}
            col = [(label, (str(c.count) if spec.unit == "count" else f"{c.percent}%")
                    if (c.count if spec.unit == "count" else c.percent) is not None else None)
                   for label, c in rows.items()]
        else:
            d = datasets[spec.source]
            pct = "%" if spec.unit == "percent" else ""
            col = [(r.label, next((_fmt(v.value, pct) for v in r.values
                                   if v.column == series.column), None)) for r in d.rows]
        out.append([f"{label}={text}" for label, text in col if text is not None])
    return out


def _fmt(v: float | None, suffix: str) -> str | None:
    if v is None:
        return None
    return (f"{int(v):,}" if float(v).is_integer() else f"{v:,}") + suffix


def _sections(sections):  # type: ignore[no-untyped-def]
    for s in sections:
        yield s
        yield from _sections(s.sections)


def test_real_chart_data_is_clean(health: Briefing) -> None:
    assert check_charts(health)[1] == []
    expected = {"table-1-chart", "table-2-chart", "table-3-chart", "table-4-chart",
                "table-5-chart", "table-6-chart", "figure-1-chart", "figure-1b-chart",
                "figure-2-chart"}
    assert expected <= {c.id for c in health.charts}


def test_every_value_drawn_is_the_contents(health: Briefing, rendered) -> None:  # type: ignore[no-untyped-def]
    for chart_id, files in rendered.files.items():
        labels = svg_labels(files.svg.read_bytes())
        data = files.data
        drawn = []
        for j, _series in enumerate(data.series):
            drawn.append(sorted(f"{cat}={labels[f'value-{j}-{i}']}"
                                for i, cat in enumerate(data.categories)
                                if f"value-{j}-{i}" in labels))
        assert drawn == [sorted(x) for x in source_numbers(health, chart_id)], chart_id
        for category, _series_label, text in data.gaps:  # every gap is labelled as such
            assert text in labels.values(), (chart_id, category)


def test_known_gaps_of_the_real_figures(rendered) -> None:  # type: ignore[no-untyped-def]
    line = rendered.files["figure-1b-chart"]
    labels = svg_labels(line.svg.read_bytes())
    assert labels["value-0-0"] == "11%" and labels["value-0-5"] == "19%"
    assert [labels[f"gap-0-{i}"] for i in range(1, 5)] == ["no data"] * 4
    t3 = rendered.files["table-3-chart"].data
    assert ("Child sexual abuse – child sexual exploitation", t3.series[0].label,
            "no data") in t3.gaps


def test_real_charts_text_size_and_font(rendered) -> None:  # type: ignore[no-untyped-def]
    for files in rendered.files.values():
        svg = files.svg.read_bytes()
        assert min(size for text, size in svg_texts(svg) if text.strip()) >= 7
        assert b"font-family: 'Source Sans Pro'" in svg


def test_no_text_is_cut_off_at_the_edges_of_the_png(health: Briefing) -> None:
    """Every piece of text of every chart lies inside the figure as the PNG draws it."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from builder.charts import style
    from builder.charts.data import chart_data
    from builder.charts.render import draw_figure, save_figure

    theme = load_theme()
    style.register_fonts(theme)
    for spec in health.charts:
        with matplotlib.rc_context(style.rc_params(theme)):  # type: ignore[arg-type]
            fig = draw_figure(chart_data(health, spec), spec.kind, theme)
            save_figure(fig, theme)  # the layout both files were drawn with, now fixed
            canvas = FigureCanvasAgg(fig)
            fig.set_dpi(theme.charts.dpi_png)
            canvas.draw()
            renderer = canvas.get_renderer()
            box = fig.bbox
            for text in fig.findobj(Text):
                if not (text.get_visible() and text.get_text().strip()):
                    continue
                ext = text.get_window_extent(renderer)
                assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1, (spec.id, text.get_text())
