"""The chart slide: a table's or figure's chart drawn natively with only what a slide
can show legibly (the period the slide is about and the one before it; as many
categories as 14 pt labels allow), the headline numbers of that period beside it and
its source under it. The section's prose it carries, the chart's description, what it
leaves out and what it cannot show are in the notes."""

from __future__ import annotations

from dataclasses import replace

from builder.charts.data import ChartData, SeriesData, chart_data
from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import ChartPlan, Excerpt, Frame
from builder.deck.text import Run, audience, clean, text_of
from builder.model import SourceRef
from builder.problems import ContentError, Problem

LONG_LABEL = 14  # as the printed charts: long or many categories turn a bar chart horizontal
CHART_MINUTES = 3.0
MAX_SERIES = 2
MAX_BARS = 8  # horizontal categories whose 14 pt labels fit the chart's height
MAX_COLUMNS = 6  # vertical categories whose 14 pt labels fit its width
SOURCE_PT = 14.0


def plan_chart(p: Planner, chart_id: str, texts: list[Excerpt], at: SourceRef, tier: int
               ) -> None:
    """Adds the chart's slide, its notes ``texts`` after any prose handed on (``p.carry``);
    or warns, and adds none, when the chart or its data cannot be found."""
    spec = next((c for c in p.briefing.charts if c.id == chart_id), None)
    if spec is None:
        p.warn(at, f"chart {chart_id!r} not found; no chart slide was made")
        return
    try:
        full = chart_data(p.briefing, spec)
    except ContentError as exc:
        p.warnings.extend(Problem(x.path, x.line, x.message, "warning") for x in exc.problems)
        return
    data = for_slide(full)
    layout = g.LAYOUTS[g.CHART]
    side = _headlines(p, data, layout.box("side"))
    frames = [f for f in (side, _source_line(p, data, layout.box("source"))) if f]
    page = texts[0].page if texts else None
    notes = [*texts, *(Excerpt(t, page) for t in (
        full.source_note, _left_out(full, data),
        f"What the chart cannot show: {full.missing}" if full.missing else "",
        f"Chart description: {full.alt}") if t)]
    last = data.series[-1]
    points = tuple(f"{data.categories[i]}: {last.texts[i] if last.texts else last.values[i]} "
                   f"({last.label})" for i in _picks(data)) if side else ()
    p.add("chart", g.CHART, data.title, frames, spec.at, tier=tier, minutes=CHART_MINUTES,
          points=points, excerpts=tuple(notes), chart=_chart_plan(data))


def for_slide(data: ChartData) -> ChartData:
    """The chart as a slide shows it: the last series (the period the briefing is about)
    and the one before it; as many categories as fit at 14 pt, those with the largest
    values of the last series, in their order."""
    series = data.series[-MAX_SERIES:]
    most = MAX_BARS if _horizontal(data) else MAX_COLUMNS
    if len(data.categories) <= most:
        return replace(data, series=series)
    last = series[-1].values
    keep = sorted(sorted(range(len(last)), key=lambda i: -(last[i] or 0.0))[:most])
    keep = sorted(set(keep) | {data.categories.index(h) for h in data.highlight
                               if h in data.categories})[:most + len(data.highlight)]
    return replace(data, categories=tuple(data.categories[i] for i in keep),
                   series=tuple(_rows(s, keep) for s in series))


def _rows(s: SeriesData, keep: list[int]) -> SeriesData:
    return SeriesData(s.label, tuple(s.values[i] for i in keep),
                      tuple(s.texts[i] for i in keep) if s.texts else ())


def _left_out(full: ChartData, shown: ChartData) -> str:
    """What the slide's chart leaves out of the briefing's, for the notes."""
    out = []
    gone = [s.label for s in full.series if s not in shown.series]
    if gone:
        out.append("Periods left out of the slide's chart (in the briefing): "
                   + "; ".join(gone) + ".")
    rows = [c for c in full.categories if c not in shown.categories]
    if rows:
        out.append("Categories left out of the slide's chart (in the briefing): "
                   + "; ".join(rows) + ".")
    return " ".join(out)


def _chart_plan(data: ChartData) -> ChartPlan:
    """The chart's numbers and words as the deck embeds them."""
    return ChartPlan(data.id, data.kind, clean(data.title), tuple(map(_label, data.categories)),
                     tuple((clean(s.label), s.values) for s in data.series), data.unit,
                     clean(data.x_label), clean(data.y_label), data.highlight,
                     clean(data.alt), _horizontal(data))


def _label(text: str) -> str:
    """A category as the slide shows it: without references to the briefing's tables."""
    return text_of(audience((Run(clean(text)),)))


def _horizontal(data: ChartData) -> bool:
    """Whether the bars run sideways: always for "hbar", never for "bar" or "line", else
    when the category names are long or many."""
    if data.kind == "hbar":
        return True
    if data.kind == "bar" or data.kind == "line":
        return False
    return max((len(c) for c in data.categories), default=0) > LONG_LABEL or len(
        data.categories) > MAX_COLUMNS


def _headlines(p: Planner, data: ChartData, box: g.Box) -> Frame | None:
    """The headline numbers of the period the slide is about (the last series): the
    highlighted categories, else the largest value; None if there is no value or none
    of the wordings fits."""
    s = data.series[-1]
    picks = _picks(data)
    for count in range(min(2, len(picks)), 0, -1):
        paras = [Para(p.plain_runs(s.label), bullet=False, style="muted", scale=0.75)]
        for i in picks[:count]:
            paras += [Para(p.plain_runs(s.texts[i] if s.texts else f"{s.values[i]:g}"),
                           bullet=False, style="figure", scale=1.6),
                      Para(p.plain_runs(_label(data.categories[i])), bullet=False)]
        size = fixed(paras, box, p.theme.fonts, p.body)
        if size is not None:
            return Frame("side", tuple(paras), size)
    return None


def _picks(data: ChartData) -> list[int]:
    """The categories to headline: the highlighted ones, else the largest value's (at
    most two)."""
    s = data.series[-1]
    picks = [data.categories.index(h) for h in data.highlight if h in data.categories]
    if not picks:
        known = [i for i, v in enumerate(s.values) if v is not None]
        picks = [max(known, key=lambda i: s.values[i] or 0.0)] if known else []
    return picks[:2]


def _source_line(p: Planner, data: ChartData, box: g.Box) -> Frame | None:
    """The chart's source at 14 pt; None if it does not fit."""
    paras = (Para((Run(clean(data.source_note.strip())),), bullet=False, style="muted"),)
    if data.source_note.strip() and fixed(paras, box, p.theme.fonts, (SOURCE_PT,)):
        return Frame("source", paras, SOURCE_PT)
    return None
