"""Every use of svglib's internals, in one place: its SVG parser and renderer classes
and the font lookup it asks while rendering text (``FontMap.find_font``), which the
brand's faces answer. svglib's public ``svg2rlg`` reads a file and registers fonts
itself; the renderer needs neither.

``tests/pdf/test_private_apis.py`` checks these against the installed svglib;
``pyproject.toml`` bounds svglib to the versions it has passed with.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.graphics.shapes import Drawing
from svglib.fonts import FontMap
from svglib.svglib import SvgRenderer, load_svg_file


class _Faces(FontMap):
    """svglib's font lookup, answered for ``families`` from ``faces`` ((CSS weight, CSS
    style) -> registered reportlab font name, ``regular`` for any other); other
    families as svglib would."""

    def __init__(self, families: frozenset[str], faces: Mapping[tuple[str, str], str],
                 regular: str) -> None:
        super().__init__()
        self._families, self._faces, self._regular = families, dict(faces), regular

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal"
                  ) -> tuple[str, bool]:
        if font_name.lower() not in self._families:
            return super().find_font(font_name, weight, style)  # type: ignore[no-any-return]
        found = self._faces.get((weight, style))
        return (found, True) if found else (self._regular, False)


def font_lookup(families: frozenset[str], faces: Mapping[tuple[str, str], str],
                regular: str) -> FontMap:
    """What svglib asks for a text's font (families in lower case)."""
    return _Faces(families, faces, regular)


def render_svg(svg: bytes, fonts: FontMap) -> Drawing:
    """The SVG as a reportlab Drawing at its own size, text set in the fonts ``fonts``
    names. ValueError when the SVG cannot be read."""
    root = load_svg_file(io.BytesIO(svg))
    if root is None:
        raise ValueError("chart SVG could not be parsed")
    return SvgRenderer("", font_map=fonts).render(root)
