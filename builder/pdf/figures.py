"""Figures: 'Figure N: title', the chart as vector drawing, then caption, what the chart
cannot show, and the source. A missing chart becomes a framed placeholder, never a crash.

The source is printed once. When the figure has its own source note (printed under the
caption), the chart's source line is left out of the drawing: builder/charts gives that
line the SVG id ``source`` (see builder/charts/render.py), and the band it took at the
foot of the chart is cropped away.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from reportlab.graphics.shapes import Drawing, Group, mmult, translate
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from builder.model import Figure
from builder.pdf.context import RenderContext, anchor
from builder.pdf.para import Paragraph
from builder.pdf.tags import Tagged, tag
from builder.pdf.text import esc, markup, plain
from builder.problems import Problem


def _converter() -> Callable[..., Any]:
    from builder.charts.pdf_drawing import svg_to_drawing  # here: it imports our styles

    return svg_to_drawing


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


SOURCE_ID = "source"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?")
_SIZE = re.compile(r"font-size:\s*([\d.]+)")
# converted charts, kept for the process: svg digest, width, hide source, fonts -> drawing
_DRAWINGS: dict[tuple[str, float, bool, tuple[str, ...]], Drawing] = {}


def _baseline(text: ET.Element) -> float | None:
    if text.get("y") is not None:
        found = _NUMBER.findall(text.get("y", ""))
        return float(found[0]) if found else None
    m = re.search(r"translate\(([^)]*)\)", text.get("transform", ""))
    found = _NUMBER.findall(m.group(1)) if m else []
    return float(found[1]) if len(found) >= 2 else None


def without_source(svg: bytes) -> tuple[bytes, float]:
    """``svg`` without its source line, and the share of its height freed at the foot
    (0 when there is no source line, or it cannot be measured: then nothing is cut)."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return svg, 0.0
    parents = {child: parent for parent in root.iter() for child in parent}
    group = next((g for g in root.iter(_SVG_NS + "g") if g.get("id") == SOURCE_ID), None)
    box = _NUMBER.findall(root.get("viewBox", ""))
    if group is None or group not in parents or len(box) != 4 or float(box[3]) <= 0:
        return svg, 0.0
    tops = []
    for text in group.iter(_SVG_NS + "text"):
        y = _baseline(text)
        size = _SIZE.search(text.get("style", ""))
        if y is None or size is None:
            return svg, 0.0
        tops.append(y - float(size.group(1)))
    if not tops:
        return svg, 0.0
    parents[group].remove(group)
    height = float(box[3])
    ET.register_namespace("", _SVG_NS[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    return ET.tostring(root), max(0.0, min(1.0, (height - min(tops)) / height))


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
    if svg is not None:
        f = ctx.theme.fonts
        faces = tuple(str(p) for p in (f.regular, f.italic, f.bold, f.bold_italic, f.semibold,
                                       f.light))
        key = (hashlib.sha256(svg).hexdigest(), round(width, 3), hide_source, faces)
        if key not in _DRAWINGS:
            drawing = _drawing(svg, _converter(), chart_id, ctx, width, at, found, hide_source)
            if drawing is None:
                return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)
            _DRAWINGS[key] = drawing
        return _DRAWINGS[key]
    found.append(Problem.at(at, f"chart {chart_id!r} is not available; the PDF shows a "
                            "placeholder", "warning"))
    return _placeholder(f"Chart {chart_id} is unavailable", ctx, width)


def _drawing(svg: bytes, convert: Callable[..., Any], chart_id: str, ctx: RenderContext,
             width: float, at: Any, found: list[Problem], hide_source: bool) -> Drawing | None:
    crop = 0.0
    if hide_source:
        svg, crop = without_source(svg)
    try:
        drawing = convert(svg, ctx.theme, width)
    except Exception as exc:  # another stage's bug must not stop the briefing
        found.append(Problem.at(at, f"chart {chart_id!r} could not be drawn "
                                f"({type(exc).__name__}); the PDF shows a placeholder", "warning"))
        return None
    if not isinstance(drawing, Drawing) or drawing.width <= 0:
        return None
    if abs(drawing.width - width) > 0.5:
        k = width / drawing.width
        drawing.scale(k, k)
        drawing.width, drawing.height = width, drawing.height * k
    if crop > 0:  # the source line's band at the foot: move the chart down over it
        cut = drawing.height * crop
        cropped = Drawing(drawing.width, drawing.height - cut)
        cropped.add(Group(*drawing.contents,
                          transform=mmult(translate(0, -cut), drawing.transform)))
        drawing = cropped
    drawing.hAlign = "LEFT"
    drawing.initialFontName = ctx.styles.fonts.regular  # else the default state is Helvetica
    return drawing


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
