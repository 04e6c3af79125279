"""Draw one chart with matplotlib: ``render_chart(data, kind, theme) -> (svg, png)``.

Uses ``matplotlib.figure.Figure`` directly (no pyplot, no global figure state); styles
come from ``style.py`` inside an ``rc_context``. Every number is printed at its bar end
or point; a missing value is a gap with a "no data" label, never a zero. Text is literal
(no mathtext) and stays ``<text>`` in the SVG. Labels carry SVG ids (``value-S-C``,
``gap-S-C``, ``title``, ``subtitle``, ``source``) so tests and tools can read them back.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import Any, cast
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from builder.charts import style
from builder.charts.data import NO_DATA, ChartData, format_number
from builder.model import ChartKind
from builder.theme import Theme

EM = 0.5  # average Source Sans Pro character width, in ems (for wrapping estimates)
LONG_LABEL = 14  # grouped/stacked charts turn horizontal when a category label is longer
MAX_LABEL_LINES = 3
MAX_TITLE_LINES = 3
MAX_NOTE_LINES = 4
HBAR_LABEL_CHARS = 30
PAD_IN = 0.06

__all__ = ["render_chart", "draw_figure"]


@dataclass(frozen=True, slots=True)
class _Frame:
    """The figure's size and the header/footer bands outside the plot, in inches."""

    width: float
    height: float
    header: float
    footer: float


def render_chart(data: ChartData, kind: ChartKind, theme: Theme) -> tuple[bytes, bytes]:
    """The chart as (SVG bytes, PNG bytes); both byte-identical for the same input."""
    style.register_fonts(theme)
    with matplotlib.rc_context(cast(Any, style.rc_params(theme))):
        svg, png = save_figure(draw_figure(data, kind, theme), theme,
                               {"Title": data.title, "Description": data.alt})
    return with_alternative(svg, data.title, data.alt), png


def with_alternative(svg: bytes, title: str, alt: str) -> bytes:
    """``svg`` as an image with a name and description for assistive technology: a
    ``<title>`` and ``<desc>`` (the chart's alt text) first inside the root, which gets
    ``role="img"`` and ``aria-labelledby`` naming both."""
    start = svg.find(b"<svg")
    end = svg.find(b">", start)
    if start < 0 or end < 0 or svg[end - 1:end] == b"/":
        return svg
    label = (' role="img" aria-labelledby="chart-title chart-desc">\n'
             f' <title id="chart-title">{escape(title)}</title>\n'
             f' <desc id="chart-desc">{escape(alt)}</desc>').encode()
    return svg[:end] + label + svg[end + 1:]


def save_figure(fig: Figure, theme: Theme,
                png_text: dict[str, str] | None = None) -> tuple[bytes, bytes]:
    """(SVG, PNG) of a drawn figure; ``png_text``: text entries for the PNG (Title,
    Description). The PNG is drawn first: its draw solves the layout,
    measuring text with the raster renderer's (wider, hinted) glyphs so no label is cut
    off; the SVG then keeps that placement rather than solving it again (a third of a
    chart's cost). The figure's layout is fixed afterwards."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=theme.charts.dpi_png,
                metadata={"Software": None, **(png_text or {})})
    fig.set_layout_engine("none")
    svg = io.BytesIO()
    fig.savefig(svg, format="svg", metadata={"Date": None})
    return svg.getvalue(), png.getvalue()


# ---------------------------------------------------------------- text helpers


def _wrap(text: str, chars: int, max_lines: int = 0) -> str:
    lines = textwrap.wrap(text, max(chars, 8), break_on_hyphens=False) or [""]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(chars - 1, 1)].rstrip() + "\u2026"
    return "\n".join(lines)


def _chars(width_in: float, size_pt: float) -> int:
    return int(width_in * 72 / (size_pt * EM))


def _text_height(text: str, size: float, s: style.ChartStyle) -> float:
    return (text.count("\n") + 1) * size * s.line_height / 72 if text else 0.0


def _horizontal(data: ChartData, kind: ChartKind) -> bool:
    if kind in ("hbar",):
        return True
    if kind in ("bar", "line"):
        return False
    return max((len(c) for c in data.categories), default=0) > LONG_LABEL or len(
        data.categories) > 8


# ---------------------------------------------------------------- layout


def _header(data: ChartData, theme: Theme, s: style.ChartStyle) -> tuple[str, str]:
    w = theme.charts.width_in
    title = _wrap(data.title, _chars(w, s.title), MAX_TITLE_LINES)
    subtitle = (_wrap(data.series[0].label, _chars(w, s.subtitle), MAX_TITLE_LINES)
                if len(data.series) == 1 else "")
    return title, subtitle


def _legend_rows(data: ChartData, theme: Theme, s: style.ChartStyle) -> tuple[int, int]:
    """(rows, columns) for the legend of a multi-series chart, on the chart's width."""
    if len(data.series) < 2:
        return 0, 0
    widest = max(len(x.label) for x in data.series) * EM * s.label + 3.4 * s.label
    ncols = max(1, min(len(data.series), int(theme.charts.width_in * 72 // widest)))
    return -(-len(data.series) // ncols), ncols


def _frame(data: ChartData, kind: ChartKind, theme: Theme, s: style.ChartStyle) -> _Frame:
    title, subtitle = _header(data, theme, s)
    rows, _ = _legend_rows(data, theme, s)
    header = (PAD_IN + _text_height(title, s.title, s) + _text_height(subtitle, s.subtitle, s)
              + rows * s.label * 1.45 / 72 + 0.04)
    note = _wrap(data.source_note, _chars(theme.charts.width_in, s.note), MAX_NOTE_LINES)
    footer = _text_height(note, s.note, s) + (PAD_IN if note else 0.0)
    if _horizontal(data, kind):
        per_slot = s.hbar_pitch_in * (1 + 0.55 * (len(data.series) - 1)) if kind == "grouped" \
            else s.hbar_pitch_in
        label_lines = max((_wrap(c, HBAR_LABEL_CHARS, MAX_LABEL_LINES).count("\n") + 1
                           for c in data.categories), default=1)
        per_slot = max(per_slot, label_lines * s.label * s.line_height / 72 + 0.06)
        plot = len(data.categories) * per_slot + 0.5
    else:
        plot = max(theme.charts.height_in - 0.9, 2.2)
    return _Frame(theme.charts.width_in, header + plot + footer, header, footer)


def _new_figure(frame: _Frame) -> Figure:
    bottom = frame.footer / frame.height
    top = frame.header / frame.height
    engine = ConstrainedLayoutEngine(rect=(0.0, bottom, 1.0, 1.0 - top - bottom),
                                     w_pad=0.02, h_pad=0.02)
    return Figure(figsize=(frame.width, frame.height), layout=engine)


def _draw_header(fig: Figure, data: ChartData, frame: _Frame, theme: Theme,
                 s: style.ChartStyle, kind: ChartKind) -> None:
    title, subtitle = _header(data, theme, s)
    y = 1 - PAD_IN / frame.height
    fig.text(0.0, y, title, ha="left", va="top", fontsize=s.title, fontweight="semibold",
             color=s.title_colour, parse_math=False, gid="title")
    y -= _text_height(title, s.title, s) / frame.height
    if subtitle:
        fig.text(0.0, y, subtitle, ha="left", va="top", fontsize=s.subtitle, color=s.muted,
                 parse_math=False, gid="subtitle")
    rows, ncols = _legend_rows(data, theme, s)
    if rows:
        handles = [_legend_handle(kind, i, s, x.label) for i, x in enumerate(data.series)]
        legend = fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, y),
                            bbox_transform=fig.transFigure, ncols=ncols, borderaxespad=0.0,
                            borderpad=0.0, fontsize=s.label)
        legend.set_in_layout(False)
        for t in legend.get_texts():
            t.set_parse_math(False)


def _legend_handle(kind: ChartKind, series: int, s: style.ChartStyle, label: str) -> Any:
    """The key of a series as it is drawn: its colour and its pattern or marker and dash."""
    if kind == "line":
        from matplotlib.lines import Line2D

        return Line2D([], [], color=s.colour(series), marker=style.marker(series),
                      linestyle=cast(Any, style.dash(series)), markeredgecolor="white",
                      label=label)
    return Patch(facecolor=s.colour(series), edgecolor="white", linewidth=style.SEPARATOR_PT,
                 hatch=style.hatch(series), label=label)


def _draw_footer(fig: Figure, data: ChartData, theme: Theme, s: style.ChartStyle) -> None:
    if data.source_note:
        note = _wrap(data.source_note, _chars(theme.charts.width_in, s.note), MAX_NOTE_LINES)
        fig.text(0.0, 0.0 + 0.01, note, ha="left", va="bottom", fontsize=s.note,
                 color=s.muted, parse_math=False, gid="source")


# ---------------------------------------------------------------- axes


def _value_formatter(data: ChartData) -> FuncFormatter:
    suffix = "%" if data.unit == "percent" else ""
    return FuncFormatter(lambda v, _pos: format_number(round(v, 6)) + suffix)


def _style_axes(ax: Any, data: ChartData, horizontal: bool, s: style.ChartStyle) -> None:
    value_axis, category_axis = (ax.xaxis, ax.yaxis) if horizontal else (ax.yaxis, ax.xaxis)
    value_axis.set_major_locator(_locator(data))
    value_axis.set_major_formatter(_value_formatter(data))
    ax.grid(True, axis="x" if horizontal else "y")
    category_axis.set_tick_params(length=0, pad=4)
    value_axis.set_tick_params(length=0, pad=3, labelcolor=s.muted)
    ax.spines["bottom" if horizontal else "left"].set_visible(False)
    if data.x_label:
        ax.set_xlabel(data.x_label, parse_math=False, labelpad=4)
    if data.y_label:
        ax.set_ylabel(data.y_label, parse_math=False, labelpad=4)


def _locator(data: ChartData) -> MaxNLocator:
    return MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], integer=_integral(data), min_n_ticks=3)


def _nice_range(data: ChartData, lo: float, hi: float) -> tuple[float, float]:
    """The ticks just outside ``lo`` and ``hi``, so every bar ends inside the grid."""
    ticks = list(_locator(data).tick_values(lo, hi))
    below = [t for t in ticks if t <= lo]
    above = [t for t in ticks if t >= hi]
    return (float(below[-1]) if below else lo), (float(above[0]) if above else hi)


def _integral(data: ChartData) -> bool:
    return all(v is None or float(v).is_integer() for x in data.series for v in x.values)


def _category_ticks(ax: Any, data: ChartData, horizontal: bool, s: style.ChartStyle,
                    chars: int) -> None:
    positions = list(range(len(data.categories)))
    labels = [_wrap(c, chars, MAX_LABEL_LINES) for c in data.categories]
    if horizontal:
        ax.set_yticks(positions, labels)
        ax.set_ylim(len(positions) - 0.5, -0.5)  # first category at the top
        ticks = ax.get_yticklabels()
    else:
        ax.set_xticks(positions, labels)
        ax.set_xlim(-0.5, len(positions) - 0.5)
        ticks = ax.get_xticklabels()
    for tick, category in zip(ticks, data.categories, strict=True):
        tick.set_parse_math(False)
        if category in data.highlight:
            tick.set_fontweight("bold")


def _value_range(data: ChartData, stacked: bool) -> tuple[float, float]:
    """The smallest and largest value (0 included; stacked: the bar totals)."""
    if stacked:
        values = [sum(x.values[i] or 0.0 for x in data.series) for i in range(len(data.categories))]
    else:
        values = [v for x in data.series for v in x.values if v is not None]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    return lo, (hi if hi > lo else lo + 1.0)


# ---------------------------------------------------------------- bars


def _label(ax: Any, text: str, xy: tuple[float, float], horizontal: bool, gid: str,
           s: style.ChartStyle, *, gap: bool = False, rotate: bool = False) -> None:
    sign = -1 if xy[0 if horizontal else 1] < 0 else 1
    offset = (3 * sign, 0) if horizontal else (0, (3 if gap else 2) * sign)
    ha, va = ("left" if sign > 0 else "right", "center") if horizontal else (
        "center", "bottom" if sign > 0 else "top")
    ax.annotate(text, xy=xy, xytext=offset, textcoords="offset points", ha=ha, va=va,
                fontsize=s.note if gap else s.value, color=s.muted if gap else s.text,
                fontstyle="italic" if gap else "normal", annotation_clip=False,
                parse_math=False, gid=gid, rotation=90 if rotate else 0)


def _bar_colours(data: ChartData, series_index: int, single: bool, s: style.ChartStyle
                 ) -> list[str]:
    if single:
        return [s.highlight if c in data.highlight else s.bar for c in data.categories]
    return [s.palette[series_index % len(s.palette)]] * len(data.categories)


def _draw_bars(ax: Any, data: ChartData, kind: ChartKind, horizontal: bool,
               s: style.ChartStyle, slot_pt: float) -> None:
    n = len(data.series)
    single = kind in ("bar", "hbar") or n == 1
    thickness = s.bar_fill / (1 if kind in ("bar", "hbar") else n)
    for j, series in enumerate(data.series):
        offset = 0.0 if single else (j - (n - 1) / 2) * thickness
        positions = [i + offset for i in range(len(data.categories))]
        values = [v if v is not None else 0.0 for v in series.values]
        colours = _bar_colours(data, j, single, s)
        known = [i for i, v in enumerate(series.values) if v is not None]
        draw = ax.barh if horizontal else ax.bar
        if single:  # highlighted categories: their own colour, outlined and patterned
            marked = [data.categories[i] in data.highlight for i in known]
            look: dict[str, Any] = {
                "edgecolor": [s.text if m else "none" for m in marked],
                "linewidth": [style.OUTLINE_PT if m else 0.0 for m in marked],
                "hatch": [style.HIGHLIGHT_HATCH if m else "" for m in marked]}
        else:  # series: a pattern each, white between bars
            look = {"edgecolor": "white", "linewidth": style.SEPARATOR_PT,
                    "hatch": style.hatch(j)}
        draw([positions[i] for i in known], [values[i] for i in known], thickness,
             color=[colours[i] for i in known], **look)
        gap_rotate = not horizontal and slot_pt * thickness < len(NO_DATA) * s.note * EM + 4
        for i, pos in enumerate(positions):
            value = series.values[i]
            text = series.texts[i] if series.texts else NO_DATA
            if value is None:
                _label(ax, text, (0.0, pos) if horizontal else (pos, 0.0), horizontal,
                       f"gap-{j}-{i}", s, gap=True, rotate=gap_rotate)
            else:
                _label(ax, text, (value, pos) if horizontal else (pos, value), horizontal,
                       f"value-{j}-{i}", s)


def _draw_stacked(fig: Figure, ax: Any, data: ChartData, horizontal: bool,
                  s: style.ChartStyle) -> None:
    base = [0.0] * len(data.categories)
    segments: list[tuple[int, int, float, float, str]] = []
    for j, series in enumerate(data.series):
        colour = s.colour(j)
        look = {"color": colour, "edgecolor": "white", "linewidth": style.SEPARATOR_PT,
                "hatch": style.hatch(j)}
        for i, value in enumerate(series.values):
            if value is None:
                continue
            if horizontal:
                ax.barh(i, value, s.bar_fill, left=base[i], **look)
            else:
                ax.bar(i, value, s.bar_fill, bottom=base[i], **look)
            segments.append((j, i, base[i], value, colour))
            base[i] += value
    fig.draw_without_rendering()
    outside = [0.0] * len(data.categories)
    for j, i, start, value, colour in segments:
        _segment_label(ax, data, (j, i, start, value, colour), horizontal, s, outside, base)
    for j, series in enumerate(data.series):
        for i, value in enumerate(series.values):
            if value is None:
                text = series.texts[i] if series.texts else NO_DATA
                _trailing(ax, f"{series.label}: {text}", (i, base[i]), horizontal, s, outside,
                          f"gap-{j}-{i}", gap=True)


def _segment_label(ax: Any, data: ChartData, seg: tuple[int, int, float, float, str],
                   horizontal: bool, s: style.ChartStyle, outside: list[float],
                   ends: list[float]) -> None:
    """A segment's number inside it when it fits, otherwise after the bar's end."""
    j, i, start, value, colour = seg
    text = data.series[j].texts[i] if data.series[j].texts else format_number(value)
    p0 = ax.transData.transform((start, i) if horizontal else (i, start))
    p1 = ax.transData.transform((start + value, i) if horizontal else (i, start + value))
    room_pt = abs((p1 - p0)[0 if horizontal else 1]) * 72 / ax.figure.dpi
    need_pt = (len(text) * EM * s.value + 4) if horizontal else s.value * 1.3
    if room_pt >= need_pt:
        mid = start + value / 2
        ax.annotate(text, xy=(mid, i) if horizontal else (i, mid), ha="center", va="center",
                    fontsize=s.value, color=_ink_on(colour, s), parse_math=False,
                    gid=f"value-{j}-{i}", annotation_clip=False,  # a plain patch under it
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": colour,
                          "edgecolor": "none"})
        return
    _trailing(ax, text, (i, ends[i]), horizontal, s, outside, f"value-{j}-{i}",
              colour=colour if _luminance(colour) < 0.5 else s.text)


def _trailing(ax: Any, text: str, slot_end: tuple[int, float], horizontal: bool,
              s: style.ChartStyle, outside: list[float], gid: str, *, gap: bool = False,
              colour: str = "") -> None:
    """A label after the end of stacked bar ``i``, after the labels already there."""
    i, end = slot_end
    size = s.note if gap else s.value
    shift = 3 + outside[i]
    ax.annotate(text, xy=(end, i) if horizontal else (i, end),
                xytext=(shift, 0) if horizontal else (0, shift), textcoords="offset points",
                ha="left" if horizontal else "center", va="center" if horizontal else "bottom",
                fontsize=size, color=s.muted if gap else (colour or s.text),
                fontstyle="italic" if gap else "normal",
                fontweight="normal" if gap else "semibold", parse_math=False, gid=gid,
                annotation_clip=False)
    outside[i] += (len(text) * EM * size + 6) if horizontal else size * 1.35


def _luminance(colour: str) -> float:
    r, g, b = (int(colour.lstrip("#")[k:k + 2], 16) / 255 for k in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ink_on(colour: str, s: style.ChartStyle) -> str:
    return "#FFFFFF" if _luminance(colour) < 0.55 else s.text


# ---------------------------------------------------------------- lines


def _draw_lines(ax: Any, data: ChartData, s: style.ChartStyle) -> None:
    x = list(range(len(data.categories)))
    for j, series in enumerate(data.series):
        y = [float("nan") if v is None else v for v in series.values]  # NaN breaks the line
        ax.plot(x, y, color=s.colour(j), marker=style.marker(j), linestyle=style.dash(j),
                markeredgecolor="white", markeredgewidth=0.8, clip_on=False, zorder=3)
        for i, value in enumerate(series.values):
            if value is not None:
                ax.annotate(series.texts[i], xy=(i, value), xytext=(0, 6 + 9 * j),
                            textcoords="offset points", ha="center", va="bottom",
                            fontsize=s.value, color=s.text, parse_math=False,
                            gid=f"value-{j}-{i}", annotation_clip=False)
    for i in range(len(data.categories)):
        missing = [j for j, x_ in enumerate(data.series) if x_.values[i] is None]
        for k, j in enumerate(missing):
            text = data.series[j].texts[i] if data.series[j].texts else NO_DATA
            if len(data.series) > 1:
                text = f"{data.series[j].label}: {text}"
            ax.annotate(text, xy=(i, 0.04 + 0.08 * k), xycoords=ax.get_xaxis_transform(),
                        ha="center", va="bottom", fontsize=s.note, color=s.muted,
                        fontstyle="italic", parse_math=False, gid=f"gap-{j}-{i}")


# ---------------------------------------------------------------- the figure


def draw_figure(data: ChartData, kind: ChartKind, theme: Theme) -> Figure:
    """The chart as a matplotlib Figure (call inside ``rc_context(style.rc_params(theme))``)."""
    s = style.chart_style(theme)
    horizontal = _horizontal(data, kind) and kind != "line"
    frame = _frame(data, kind, theme, s)
    fig = _new_figure(frame)
    ax = fig.add_subplot()
    plot_w_pt = frame.width * 72 * 0.85
    slot_pt = plot_w_pt / max(len(data.categories), 1)
    chars = HBAR_LABEL_CHARS if horizontal else max(int(slot_pt / (s.label * EM)), 6)
    _category_ticks(ax, data, horizontal, s, chars)
    _style_axes(ax, data, horizontal, s)
    lo, hi = _value_range(data, kind == "stacked")
    if lo < 0:
        (ax.axvline if horizontal else ax.axhline)(0, color=s.muted, linewidth=0.6)
    if kind == "line":
        ax.set_ylim(*_nice_range(data, lo * 1.12, hi * 1.12))
        ax.xaxis.set_tick_params(length=3)
        _draw_lines(ax, data, s)
    elif horizontal:
        ax.set_xlim(*_nice_range(data, lo, hi))
    else:
        ax.set_ylim(*_nice_range(data, lo, hi))
    _draw_header(fig, data, frame, theme, s, kind)
    _draw_footer(fig, data, theme, s)
    if kind == "stacked":
        _draw_stacked(fig, ax, data, horizontal, s)
    elif kind != "line":
        _draw_bars(ax, data, kind, horizontal, s, slot_pt)
    return fig
