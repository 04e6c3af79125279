"""A chart SVG as a reportlab Drawing with real text in the brand font.

The chart SVG keeps its text as ``<text>`` elements in ``font-family: 'Source Sans Pro'``
with numeric weights (400, 600, 700) and ``font-style: italic``. svglib maps those to
reportlab fonts through a FontMap; ours registers the brand TTFs under their file stems
(``SourceSansPro-Regular`` ...), so text in the PDF is extractable, in the brand font,
and never falls back to Helvetica.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Group
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from svglib.fonts import FontMap
from svglib.svglib import SvgRenderer, load_svg_file

from builder.theme import Theme

# (CSS weight, CSS style) as matplotlib writes them -> theme font attribute
_FACES: tuple[tuple[str, str, str], ...] = (
    ("normal", "normal", "regular"), ("400", "normal", "regular"),
    ("normal", "italic", "italic"), ("400", "italic", "italic"),
    ("bold", "normal", "bold"), ("700", "normal", "bold"),
    ("bold", "italic", "bold_italic"), ("700", "italic", "bold_italic"),
    ("600", "normal", "semibold"), ("600", "italic", "bold_italic"),
    ("300", "normal", "light"), ("300", "italic", "italic"),
    ("500", "normal", "regular"), ("800", "normal", "bold"), ("900", "normal", "bold"),
)


def reportlab_font_name(path: Path) -> str:
    """The name a brand TTF is registered under in reportlab: its file stem."""
    return path.stem


def register_reportlab_fonts(theme: Theme) -> dict[str, str]:
    """Register every brand TTF with reportlab (once); theme attribute -> font name."""
    names = {}
    for attr in ("regular", "italic", "bold", "bold_italic", "semibold", "light"):
        path: Path = getattr(theme.fonts, attr)
        name = reportlab_font_name(path)
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names[attr] = name
    return names


@lru_cache(maxsize=4)
def _font_map(family: str, paths: tuple[Path, ...]) -> FontMap:
    attrs = ("regular", "italic", "bold", "bold_italic", "semibold", "light")
    by_attr = dict(zip(attrs, paths, strict=True))
    font_map = FontMap()
    for weight, style, attr in _FACES:
        path = by_attr[attr]
        name = reportlab_font_name(path)
        # registers the TTF under `name` (again if needed) and maps family/weight/style to it
        font_map.register_font(family, str(path), weight=weight, style=style, rlgFontName=name)
    for generic in ("sans-serif", "DejaVu Sans"):  # matplotlib's fallbacks, if ever written
        font_map.register_font(generic, str(by_attr["regular"]),
                               rlgFontName=reportlab_font_name(by_attr["regular"]))
    return font_map


def font_map(theme: Theme) -> FontMap:
    """An svglib FontMap sending the brand family (every weight/style) to the brand TTFs."""
    register_reportlab_fonts(theme)
    f = theme.fonts
    return _font_map(f.family, (f.regular, f.italic, f.bold, f.bold_italic, f.semibold, f.light))


def svg_to_drawing(svg: bytes, theme: Theme, width_pt: float) -> Drawing:
    """The chart scaled to ``width_pt`` wide (aspect kept). Text sizes scale by
    ``width_pt / (theme.charts.width_in * 72)``: at the brand width they are as drawn."""
    import io

    root = load_svg_file(io.BytesIO(svg))
    if root is None:
        raise ValueError("chart SVG could not be parsed")
    renderer = SvgRenderer("", font_map=font_map(theme))
    drawing = renderer.render(root)
    scale = width_pt / drawing.width
    out = Drawing(width_pt, drawing.height * scale)
    group = Group(*drawing.contents)
    group.scale(scale, scale)
    out.add(group)
    return out
