"""The theme as matplotlib settings: the only module that styles charts.

Imported only by ``render.py`` (it imports matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cycler import cycler
from matplotlib import font_manager

from builder.theme import Theme, series_colour

SVG_HASH_SALT = "briefing-builder"
_registered: set[str] = set()

# What tells series apart without colour: a fill pattern per series of bars (the first
# solid), a marker and a dash per line; highlighted bars are outlined in the text colour
# and patterned.
HATCHES = ("", "////", "....", "xxxx", "\\\\\\\\", "oo", "++")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
DASHES = ("-", "--", ":", "-.")
HIGHLIGHT_HATCH = "////"
OUTLINE_PT = 1.4
SEPARATOR_PT = 0.7


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """Sizes (points at printed size, never below the theme's minimum) and colours."""

    title: float
    subtitle: float
    label: float
    value: float
    note: float
    line_height: float  # multiple of the font size
    bar: str
    highlight: str
    text: str
    muted: str
    grid: str
    title_colour: str
    palette: tuple[str, ...]
    hbar_pitch_in: float  # height of one category slot in a horizontal chart
    bar_fill: float  # share of a slot a bar (or a group of bars) fills

    def colour(self, series: int) -> str:
        return self.palette[series % len(self.palette)]


def hatch(series: int) -> str:
    return HATCHES[series % len(HATCHES)]


def marker(series: int) -> str:
    return MARKERS[series % len(MARKERS)]


def dash(series: int) -> str:
    return DASHES[series % len(DASHES)]


def chart_style(theme: Theme) -> ChartStyle:
    c, floor = theme.charts, theme.charts.min_text_pt
    return ChartStyle(
        title=max(c.title_size, floor),
        subtitle=max(c.label_size, floor),
        label=max(c.label_size, floor),
        value=max(c.label_size - 0.5, floor),
        note=max(c.label_size - 1.0, floor),
        line_height=1.25,
        bar=series_colour(theme, 0, one_bar_series=True),
        highlight=theme.chart_highlight,
        text=theme.colours.text,
        muted=theme.colours.muted,
        grid=theme.colours.rule,
        title_colour=theme.colours.primary,
        palette=theme.chart_palette,
        hbar_pitch_in=0.26,
        bar_fill=0.72,
    )


def register_fonts(theme: Theme) -> None:
    """Make the brand's TTF files known to matplotlib (once per file)."""
    for file in theme.fonts.files().values():
        path = str(file)
        if path not in _registered:
            font_manager.fontManager.addfont(path)
            _registered.add(path)


def rc_params(theme: Theme) -> dict[str, Any]:
    """rcParams for one chart: brand font and colours, no chart junk, literal text,
    reproducible SVG with real <text> elements."""
    s = chart_style(theme)
    return {
        "font.family": [theme.fonts.family],
        "font.size": s.label,
        "text.color": s.text,
        "text.parse_math": False,
        "axes.titlesize": s.title,
        "axes.labelsize": s.label,
        "axes.labelcolor": s.muted,
        "axes.edgecolor": s.muted,
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(s.palette)),
        "axes.facecolor": "none",
        "grid.color": s.grid,
        "grid.linewidth": 0.5,
        "grid.linestyle": "-",
        "xtick.labelsize": s.label,
        "ytick.labelsize": s.label,
        "xtick.color": s.muted,
        "ytick.color": s.muted,
        "xtick.labelcolor": s.text,
        "ytick.labelcolor": s.text,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "xtick.major.size": 3,
        "ytick.major.size": 3,
        "legend.frameon": False,
        "legend.fontsize": s.label,
        "legend.handlelength": 1.0,
        "legend.handleheight": 0.9,
        "legend.columnspacing": 1.2,
        "hatch.color": "white",
        "hatch.linewidth": 0.9,
        "lines.linewidth": 1.8,
        "lines.markersize": 5.5,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
        "figure.dpi": 100,
        "svg.fonttype": "none",
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.image_inline": True,
        "pdf.fonttype": 42,
        "path.simplify": False,
    }
