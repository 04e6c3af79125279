"""Figures: 'Figure N: title', the chart as vector drawing, then caption, what the chart
cannot show, and the source. A missing chart becomes a framed placeholder, never a crash.

The source is printed once. When the figure has its own source note (printed under the
caption), the chart's source line is left out of the drawing: builder/charts gives that
line the SVG id ``source`` (see builder/charts/render.py), and the band it took at the
foot of the chart is cropped away.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from builder.model import Figure
from builder.pdf.chart_drawing import chart_drawing
from builder.pdf.context import RenderContext, anchor
from builder.pdf.para import Paragraph
from builder.pdf.tags import Tagged, tag
from builder.pdf.text import esc, markup, plain
from builder.problems import Problem


def _placeholder(text: str, ctx: RenderContext, width: float) -> Flowable:
    s = ctx.styles
    height = width * ctx.theme.charts.height_in / ctx.theme.charts.width_in
    box = RLTable([[Paragraph(esc(text), s.placeholder)]], colWidths=[width],
                  rowHeights=[height * 0.6])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, s.colours.rule),
                             ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                             ("BACKGROUND", (0, 0), (-1, -1), s.colours.tint),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return box


def chart_flowable(chart_id: str, ctx: RenderContext, width: float, at: Any,
                   hide_source: bool = False) -> Flowable:
    """The chart as a Drawing scaled to ``width``, or a placeholder saying it is unavailable.
    ``hide_source``: leave out the chart's own source line (the figure prints one)."""
    key = f"{chart_id}\0{int(hide_source)}"
    if key not in ctx.drawings:
        found: list[Problem] = []
        flowable = _convert(chart_id, ctx, width, at, found, hide_source)
        ctx.drawings[key] = flowable, (found[0] if found else None)
    flowable, problem = ctx.drawings[key]
    if problem is not None:
        ctx.problems.append(problem)
    return flowable


def _convert(chart_id: str, ctx: RenderContext, width: float, at: Any,
             found: list[Problem], hide_source: bool) -> Flowable:
    svg = ctx.charts.get(chart_id)
    if svg is None:
        found.append(Problem.at(at, f"chart {chart_id!r} is not available; the PDF shows a "
                                "placeholder", "warning"))
        return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)
    try:
        return chart_drawing(svg, ctx.theme, width, hide_source=hide_source,
                             font_name=ctx.styles.fonts.regular)
    except Exception as exc:  # another stage's bug must not stop the briefing
        found.append(Problem.at(at, f"chart {chart_id!r} could not be drawn "
                                f"({type(exc).__name__}); the PDF shows a placeholder", "warning"))
        return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)


def render_figure(block: Figure, ctx: RenderContext) -> list[Flowable]:
    """Tagged as Caption (the numbered title), Figure (the chart, with the chart's alt
    text from the content as /Alt), then the caption and notes as paragraphs."""
    s = ctx.styles
    width = s.layout.frame_width
    chart = chart_flowable(block.chart, ctx, width, block.at, hide_source=bool(block.source_note))
    alt = ctx.alt_text.get(block.chart) or f"Chart: {block.title}"
    parts: list[Flowable] = [
        tag(Paragraph(f"{anchor(block.id)}Figure {block.number}: {plain(block.title)}",
                      s.table_caption), ctx.elem("Caption")),
        Tagged(chart, ctx.elem("Figure", alt)),
        Spacer(1, 4),
    ]
    if block.caption:
        parts.append(tag(Paragraph(markup(block.caption, ctx.inline), s.figure_caption),
                         ctx.elem("P")))
    if block.missing:
        parts.append(tag(Paragraph("<b>Not shown:</b> " + markup(block.missing, ctx.inline),
                                   s.note), ctx.elem("P")))
    if block.source_note:
        parts.append(tag(Paragraph(markup(block.source_note, ctx.inline), s.note),
                         ctx.elem("P")))
    return [KeepTogether(parts), Spacer(1, s.layout.figure_space)]
