"""Native, editable charts: the plan's numbers embedded as the chart's workbook, styled
from the theme, with alt text from the content."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_MARK,
)
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.slide import Slide
from pptx.util import Pt

from builder.deck._pptx import DatedChartData, axis_xml
from builder.deck.plan import ChartPlan
from builder.deck.styles import Styles
from builder.theme import series_colour

WORKBOOK_DATE = datetime(2000, 1, 1)
LABEL_PT = 14  # every text of a slide chart: legible from the back of a room
TICK_PT = 14


def chart_type(plan: ChartPlan) -> Any:
    horizontal = plan.horizontal
    return {
        "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "hbar": XL_CHART_TYPE.BAR_CLUSTERED,
        "grouped": XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED,
        "stacked": XL_CHART_TYPE.BAR_STACKED if horizontal else XL_CHART_TYPE.COLUMN_STACKED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
    }[plan.kind]


def number_format(plan: ChartPlan) -> str:
    whole = all(v is None or float(v).is_integer() for _, vs in plan.series for v in vs)
    base = "#,##0" if whole else "#,##0.0"
    return base + ('"%"' if plan.unit == "percent" else "")


def axis_format(plan: ChartPlan) -> str:
    top = max((v for _, vs in plan.series for v in vs if v is not None), default=0.0)
    base = "#,##0" if top >= 10 else "#,##0.0"
    return base + ('"%"' if plan.unit == "percent" else "")


def add_chart(slide: Slide, ph: Any, plan: ChartPlan, st: Styles, lang: str) -> None:
    """The chart, in the placeholder's place (and reading-order position)."""
    fmt = number_format(plan)
    data: Any = DatedChartData(WORKBOOK_DATE, number_format=fmt)
    data.categories = plan.categories
    for label, values in plan.series:
        data.add_series(label, values)
    frame: Any = slide.shapes.add_chart(chart_type(plan), ph.left, ph.top, ph.width, ph.height, data)
    ph.element.addprevious(frame.element)
    ph.element.getparent().remove(ph.element)
    c_nv_pr = frame.element.nvGraphicFramePr.cNvPr
    c_nv_pr.set("name", f"Chart: {plan.title}")
    c_nv_pr.set("descr", plan.alt)
    _style(frame.chart, plan, st, fmt)
    for rpr in frame.chart.element.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
        rpr.set("lang", lang)


def _style(chart: Any, plan: ChartPlan, st: Styles, fmt: str) -> None:
    chart.font.size = Pt(TICK_PT)
    chart.font.name = st.family
    chart.font.color.rgb = RGBColor.from_string(st.text)
    chart.has_title = False
    chart.has_legend = len(plan.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    line = plan.kind == "line"
    stacked = plan.kind == "stacked"
    if not line:
        plot.gap_width = 45 if len(plan.series) == 1 else 70
        if stacked:
            plot.overlap = 100
        elif len(plan.series) > 1:
            plot.overlap = -5
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = fmt
    labels.number_format_is_linked = False
    labels.font.size = Pt(LABEL_PT)
    labels.position = (XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.ABOVE
                       if line else XL_LABEL_POSITION.OUTSIDE_END)
    for i, series in enumerate(plot.series):
        _series_look(series, i, line, st, one_bar_series=len(plan.series) == 1 and not line)
    if len(plan.series) == 1 and not line:
        for j, cat in enumerate(plan.categories):
            if cat in plan.highlight:  # its own colour, patterned and outlined
                point = plot.series[0].points[j]
                point.format.fill.patterned()
                point.format.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
                point.format.fill.fore_color.rgb = RGBColor.from_string(st.white)
                point.format.fill.back_color.rgb = RGBColor.from_string(st.chart_highlight)
                point.format.line.color.rgb = RGBColor.from_string(st.text)
                point.format.line.width = Pt(2)
    _axes(chart, plan, st, fmt)


# What tells series apart without colour, as in the chart files: a pattern per series of
# bars (the first solid, white lines over the colour), a marker and a dash per line.
PATTERNS = (None, MSO_PATTERN.WIDE_UPWARD_DIAGONAL, MSO_PATTERN.LARGE_CONFETTI,
            MSO_PATTERN.LARGE_CHECKER_BOARD, MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL)
MARKERS = (XL_MARKER_STYLE.CIRCLE, XL_MARKER_STYLE.SQUARE, XL_MARKER_STYLE.TRIANGLE,
           XL_MARKER_STYLE.DIAMOND)
DASHES = (MSO_LINE_DASH_STYLE.SOLID, MSO_LINE_DASH_STYLE.DASH, MSO_LINE_DASH_STYLE.ROUND_DOT,
          MSO_LINE_DASH_STYLE.DASH_DOT)


def _series_look(series: Any, i: int, line: bool, st: Styles, *, one_bar_series: bool) -> None:
    colour = RGBColor.from_string(series_colour(st.theme, i, one_bar_series=one_bar_series)[1:])
    if line:
        series.format.line.color.rgb = colour
        series.format.line.width = Pt(2.5)
        series.format.line.dash_style = DASHES[i % len(DASHES)]
        series.smooth = False
        series.marker.style = MARKERS[i % len(MARKERS)]
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = colour
        return
    pattern = PATTERNS[i % len(PATTERNS)]
    if pattern is None:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour
    else:
        series.format.fill.patterned()
        series.format.fill.pattern = pattern
        series.format.fill.fore_color.rgb = RGBColor.from_string(st.white)
        series.format.fill.back_color.rgb = colour
    series.format.line.color.rgb = RGBColor.from_string(st.white)
    series.format.line.width = Pt(0.75)


def _category_pt(plan: ChartPlan, horizontal: bool) -> float:
    """Category labels at the chart text size: the plan keeps only as many categories as
    fit at it (LibreOffice hides labels that would touch)."""
    return TICK_PT


def _axes(chart: Any, plan: ChartPlan, st: Styles, fmt: str) -> None:
    cat, val = chart.category_axis, chart.value_axis
    horizontal = chart.chart_type in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED)
    if horizontal:
        cat.reverse_order = True  # first category at the top, as in the table
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.tick_labels.font.size = Pt(_category_pt(plan, horizontal))
    skip = axis_xml(cat).find(qn("c:tickLblSkip"))
    if skip is None:  # every category labelled: LibreOffice otherwise drops some
        axis_xml(cat).insert_element_before(parse_xml(f'<c:tickLblSkip {nsdecls("c")} val="1"/>'),
                                           "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")
    cat.format.line.color.rgb = RGBColor.from_string(st.rule)
    val.major_tick_mark = XL_TICK_MARK.NONE
    val.has_major_gridlines = True
    val.major_gridlines.format.line.color.rgb = RGBColor.from_string(st.rule)
    val.major_gridlines.format.line.width = Pt(0.75)
    val.format.line.fill.background()
    val.tick_labels.font.size = Pt(TICK_PT)
    val.tick_labels.number_format = axis_format(plan)
    val.tick_labels.number_format_is_linked = False
    val.minimum_scale = 0
    along, across = (plan.y_label, plan.x_label) if horizontal else (plan.x_label, plan.y_label)
    for axis, text in ((cat, along), (val, across)):
        if text:
            axis.has_title = True
            tf = axis.axis_title.text_frame
            tf.text = text
            for r in tf.paragraphs[0].runs:
                r.font.size = Pt(TICK_PT)
                r.font.bold = False
                r.font.color.rgb = RGBColor.from_string(st.muted)
