"""The chart slide: a table's or figure's chart drawn natively, with a few headline
numbers beside it and its source under it; the section's prose it carries, the
chart's description and what it cannot show are in the notes."""

from __future__ import annotations

from builder.charts.data import ChartData, chart_data
from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import ChartPlan, Frame
from builder.deck.text import Run, clean
from builder.model import SourceRef
from builder.problems import ContentError, Problem

LONG_LABEL = 14  # as the printed charts: long or many categories turn a bar chart horizontal


def plan_chart(p: Planner, chart_id: str, texts: list[str], ids: tuple[str, str],
               at: SourceRef) -> None:
    """Adds the chart's slide, its notes ``texts`` after any prose handed on (``p.carry``);
    or warns, and adds none, when the chart or its data cannot be found."""
    spec = next((c for c in p.briefing.charts if c.id == chart_id), None)
    if spec is None:
        p.warn(at, f"chart {chart_id!r} not found; no chart slide was made")
        return
    try:
        data = chart_data(p.briefing, spec)
    except ContentError as exc:
        p.warnings.extend(Problem(x.path, x.line, x.message, "warning") for x in exc.problems)
        return
    layout = g.LAYOUTS[g.CHART]
    frames = [f for f in (_headlines(p, data, layout.box("side")),
                          _source_line(p, data, layout.box("source"))) if f]
    carried, p.carry = p.carry, []
    notes = p.notes([*carried, *texts, data.source_note,
                     f"What the chart cannot show: {data.missing}" if data.missing else "",
                     f"Chart description: {data.alt}"], *ids)
    p.add("chart", g.CHART, data.title, frames, notes, spec.at, chart=_chart_plan(data))


def _chart_plan(data: ChartData) -> ChartPlan:
    """The chart's numbers and words as the deck embeds them."""
    return ChartPlan(data.id, data.kind, clean(data.title), tuple(map(clean, data.categories)),
                     tuple((clean(s.label), s.values) for s in data.series), data.unit,
                     clean(data.x_label), clean(data.y_label), data.highlight,
                     clean(data.alt), _horizontal(data))


def _horizontal(data: ChartData) -> bool:
    """Whether the bars run sideways: always for "hbar", never for "bar" or "line", else
    when the category names are long or many."""
    if data.kind == "hbar":
        return True
    if data.kind == "bar" or data.kind == "line":
        return False
    return max((len(c) for c in data.categories), default=0) > LONG_LABEL or len(
        data.categories) > 8


def _headlines(p: Planner, data: ChartData, box: g.Box) -> Frame | None:
    """A few headline numbers, as printed on the chart: the highlighted categories
    (else the largest value); with several series, each series' value for the first.
    None if there is no value or none of the wordings fits."""
    picks = _picks(data)
    if not picks:
        return None
    for paras in _headline_options(p, data, picks):
        size = fixed(paras, box, p.theme.fonts, p.body)
        if size is not None:
            return Frame("side", tuple(paras), size)
    return None


def _picks(data: ChartData) -> list[int]:
    """The categories to headline: the highlighted ones, else the largest value's."""
    s0 = data.series[0]
    picks = [data.categories.index(h) for h in data.highlight if h in data.categories]
    if not picks:
        known = [i for i, v in enumerate(s0.values) if v is not None]
        picks = [max(known, key=lambda i: s0.values[i] or 0.0)] if known else []
    return picks


def _headline_options(p: Planner, data: ChartData, picks: list[int]) -> list[list[Para]]:
    """The headline wordings, fullest first: the first pick in every series (with several
    series), then up to three picks of the first series, then fewer."""
    s0 = data.series[0]
    options: list[list[Para]] = []
    if len(data.series) > 1:
        i = picks[0]
        paras = [Para(p.plain_runs(data.categories[i]), bullet=False, style="strong")]
        for s in data.series:
            if s.values[i] is not None:
                paras += [_figure(p, s.texts[i]), _label(p, s.label)]
        options.append(paras)
    for count in range(min(3, len(picks)), 0, -1):
        paras = [Para(p.plain_runs(s0.label), bullet=False, style="muted")]
        for i in picks[:count]:
            paras += [_figure(p, s0.texts[i]), _label(p, data.categories[i])]
        options.append(paras)
    return options


def _figure(p: Planner, text: str) -> Para:
    """A headline number, set large."""
    return Para(p.plain_runs(text), bullet=False, style="figure", scale=1.9)


def _label(p: Planner, text: str) -> Para:
    """What a headline number counts, under it."""
    return Para(p.plain_runs(text), bullet=False, level=1)


def _source_line(p: Planner, data: ChartData, box: g.Box) -> Frame | None:
    """The chart's source, with what it cannot show if that fits too; None if neither fits."""
    size = p.theme.slides.footer_size + 1
    note = data.source_note.strip()
    if note and data.missing and not note.endswith((".", "!", "?")):
        note += "."
    options = [t for t in (" ".join(x for x in (note, data.missing) if x),
                           data.source_note) if t]
    for text in options:
        paras = (Para((Run(clean(text)),), bullet=False, style="muted"),)
        if fixed(paras, box, p.theme.fonts, (size,)):
            return Frame("source", paras, size)
    return None
