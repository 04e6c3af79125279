"""A chart SVG as a reportlab Drawing with real text in the brand font.

The chart SVG keeps its text as ``<text>`` elements in ``font-family: 'Source Sans Pro'``
with numeric weights (400, 600, 700) and ``font-style: italic``. svglib maps those to
reportlab fonts through a FontMap; ours answers with the brand faces registered once by
the PDF styles (under their file stems, ``SourceSansPro-Regular`` ...), so text in the
PDF is extractable, in the brand font, and never falls back to Helvetica.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group
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


class _BrandFonts(FontMap):
    """svglib's font lookup, answered for the brand family (and matplotlib's fallback
    names) from the faces already registered with reportlab. svglib's own
    ``register_font`` would read each TTF again and register it anew, which resets
    reportlab's bold/italic family binding and the PDF renderer's width cache."""

    def __init__(self, family: str, faces: dict[str, str]) -> None:
        super().__init__()
        self._families = {family.lower(), "sans-serif", "dejavu sans"}
        self._faces = {(weight, style): faces[attr] for weight, style, attr in _FACES}
        self._regular = faces["regular"]

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal"
                  ) -> tuple[str, bool]:
        if font_name.lower() not in self._families:
            return super().find_font(font_name, weight, style)
        found = self._faces.get((weight, style))
        return (found, True) if found else (self._regular, False)


@lru_cache(maxsize=4)
def _font_map(family: str, faces: tuple[tuple[str, str], ...]) -> FontMap:
    return _BrandFonts(family, dict(faces))


def font_map(theme: Theme) -> FontMap:
    """An svglib FontMap sending the brand family (every weight/style) to the brand TTFs,
    registered with reportlab once (by :func:`builder.pdf.styles.register_fonts`)."""
    from builder.pdf.styles import register_fonts

    names = register_fonts(theme)
    faces = {attr: getattr(names, attr) for attr in
             ("regular", "italic", "bold", "bold_italic", "semibold", "light")}
    return _font_map(theme.fonts.family, tuple(sorted(faces.items())))


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
