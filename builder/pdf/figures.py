"""Figures: 'Figure N: title', the chart as vector drawing, then caption, what the chart
cannot show, and the source. A missing chart becomes a framed placeholder, never a crash."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from builder.model import Figure
from builder.pdf.context import RenderContext, anchor
from builder.pdf.styles import bind_family
from builder.pdf.text import esc, markup, plain
from builder.problems import Problem


def _converter() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("builder.charts.pdf_drawing")
    except ImportError:
        return None
    return getattr(module, "svg_to_drawing", None)


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


def chart_flowable(chart_id: str, ctx: RenderContext, width: float, at: Any) -> Flowable:
    """The chart as a Drawing scaled to ``width``, or a placeholder saying it is unavailable."""
    if chart_id not in ctx.drawings:
        found: list[Problem] = []
        flowable = _convert(chart_id, ctx, width, at, found)
        ctx.drawings[chart_id] = flowable, (found[0] if found else None)
    flowable, problem = ctx.drawings[chart_id]
    if problem is not None:
        ctx.problems.append(problem)
    return flowable


def _convert(chart_id: str, ctx: RenderContext, width: float, at: Any,
             found: list[Problem]) -> Flowable:
    svg = ctx.charts.get(chart_id)
    convert = _converter()
    if svg is None or convert is None:
        found.append(Problem.at(at, f"chart {chart_id!r} is not available; the PDF shows a "
                                "placeholder", "warning"))
        return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)
    try:
        drawing = convert(svg, ctx.theme, width)
    except Exception as exc:  # another stage's bug must not stop the briefing
        found.append(Problem.at(at, f"chart {chart_id!r} could not be drawn "
                                f"({type(exc).__name__}); the PDF shows a placeholder", "warning"))
        return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)
    finally:
        bind_family(ctx.styles.fonts)
    if not isinstance(drawing, Drawing) or drawing.width <= 0:
        return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)
    if abs(drawing.width - width) > 0.5:
        k = width / drawing.width
        drawing.scale(k, k)
        drawing.width, drawing.height = width, drawing.height * k
    drawing.hAlign = "LEFT"
    drawing.initialFontName = ctx.styles.fonts.regular  # else the default state is Helvetica
    return drawing


def render_figure(block: Figure, ctx: RenderContext) -> list[Flowable]:
    s = ctx.styles
    width = s.layout.frame_width
    parts: list[Flowable] = [
        Paragraph(f"{anchor(block.id)}Figure {block.number}: {plain(block.title)}",
                  s.table_caption),
        chart_flowable(block.chart, ctx, width, block.at),
        Spacer(1, 4),
    ]
    if block.caption:
        parts.append(Paragraph(markup(block.caption, ctx.inline), s.figure_caption))
    if block.missing:
        parts.append(Paragraph("<b>Not shown:</b> " + markup(block.missing, ctx.inline), s.note))
    if block.source_note:
        parts.append(Paragraph(markup(block.source_note, ctx.inline), s.note))
    return [KeepTogether(parts), Spacer(1, s.layout.figure_space)]
