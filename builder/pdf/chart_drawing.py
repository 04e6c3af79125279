"""A chart SVG as a reportlab Drawing with real text in the brand font, scaled to the
column and, when the figure prints its own source note, without the chart's source line.

The chart SVG keeps its text as ``<text>`` elements in ``font-family: 'Source Sans Pro'``
with numeric weights (400, 600, 700) and ``font-style: italic``. svglib maps those to
reportlab fonts through a font lookup (``_svglib``); ours answers with the brand faces
registered once by the PDF styles (under their file stems, ``SourceSansPro-Regular`` ...),
not read and registered again by svglib (which would reset reportlab's bold/italic family
binding and the width cache), so text in the PDF is extractable, in the brand font, and
never falls back to Helvetica.
"""

from __future__ import annotations

import copy
import hashlib
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, mmult, translate
from svglib.fonts import FontMap

from builder.pdf._svglib import font_lookup, render_svg
from builder.pdf.styles import register_fonts
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


@lru_cache(maxsize=4)
def _font_map(family: str, faces: tuple[tuple[str, str], ...]) -> FontMap:
    names = dict(faces)
    return font_lookup(frozenset({family.lower(), "sans-serif", "dejavu sans"}),
                       {(weight, style): names[attr] for weight, style, attr in _FACES},
                       names["regular"])


def font_map(theme: Theme) -> FontMap:
    """An svglib FontMap sending the brand family (every weight/style) to the brand TTFs,
    registered with reportlab once (by :func:`builder.pdf.styles.register_fonts`)."""
    names = register_fonts(theme)
    faces = {attr: getattr(names, attr) for attr in
             ("regular", "italic", "bold", "bold_italic", "semibold", "light")}
    return _font_map(theme.fonts.family, tuple(sorted(faces.items())))


def svg_to_drawing(svg: bytes, theme: Theme, width_pt: float) -> Drawing:
    """The chart scaled to ``width_pt`` wide (aspect kept). Text sizes scale by
    ``width_pt / (theme.charts.width_in * 72)``: at the brand width they are as drawn.
    ValueError when the SVG cannot be read."""
    drawing = render_svg(with_patterns_drawn(svg), font_map(theme))
    scale = width_pt / drawing.width
    out = Drawing(width_pt, drawing.height * scale)
    group = Group(*drawing.contents)
    group.scale(scale, scale)
    out.add(group)
    return out


SOURCE_ID = "source"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?")
_SIZE = re.compile(r"font-size:\s*([\d.]+)")
# converted charts, kept for the process: svg digest, width, hide source, fonts -> drawing
_DRAWINGS: dict[tuple[str, float, bool, tuple[str, ...]], Drawing] = {}


_FILL_URL = re.compile(r"fill:\s*url\(#([^)]+)\)")


def with_patterns_drawn(svg: bytes) -> bytes:
    """``svg`` with every pattern fill (matplotlib's hatching, which tells chart series
    apart without colour) drawn out: svglib leaves a pattern-filled shape out entirely.
    Each such shape becomes a group clipped to it, holding the pattern's tiles over its
    bounding box, and keeps its outline. Unchanged when there is no pattern."""
    if b"<pattern" not in svg:
        return svg
    root = ET.fromstring(svg)
    patterns = {p.get("id"): p for p in root.iter(_SVG_NS + "pattern")}
    defs = root.find(_SVG_NS + "defs")
    if defs is None:
        defs = ET.SubElement(root, _SVG_NS + "defs")
    parents = {child: parent for parent in root.iter() for child in parent}
    for n, shape in enumerate([e for e in root.iter() if _FILL_URL.search(e.get("style", ""))]):
        match = _FILL_URL.search(shape.get("style", ""))
        pattern = patterns.get(match.group(1)) if match else None
        numbers = [float(v) for v in _NUMBER.findall(shape.get("d", ""))]
        if pattern is None or len(numbers) < 4:
            continue
        clip = ET.SubElement(defs, _SVG_NS + "clipPath", {"id": f"bbpattern{n}"})
        ET.SubElement(clip, _SVG_NS + "path", {"d": shape.get("d", "")})
        outer = ET.Element(_SVG_NS + "g", {k: v for k, v in shape.items() if k == "clip-path"})
        inner = ET.SubElement(outer, _SVG_NS + "g", {"clip-path": f"url(#bbpattern{n})"})
        _tile(inner, pattern, numbers[0::2], numbers[1::2])
        parent = parents[shape]
        parent.insert(list(parent).index(shape), outer)
        shape.set("style", _FILL_URL.sub("fill: none", shape.get("style", "")))
    ET.register_namespace("", _SVG_NS[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    return bytes(ET.tostring(root))


def _tile(group: ET.Element, pattern: ET.Element, xs: list[float], ys: list[float]) -> None:
    """Copies of the pattern's content over the box of ``xs``/``ys`` (user space tiles)."""
    width, height = float(pattern.get("width", "0")), float(pattern.get("height", "0"))
    if width <= 0 or height <= 0:
        return
    x0, y0 = float(pattern.get("x", "0")), float(pattern.get("y", "0"))
    first_i, first_j = int((min(xs) - x0) // width), int((min(ys) - y0) // height)
    for i in range(first_i, int((max(xs) - x0) // width) + 1):
        for j in range(first_j, int((max(ys) - y0) // height) + 1):
            tile = ET.SubElement(group, _SVG_NS + "g", {
                "transform": f"translate({x0 + i * width:g} {y0 + j * height:g})"})
            tile.extend(copy.deepcopy(list(pattern)))


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


def chart_drawing(svg: bytes, theme: Theme, width: float, *, hide_source: bool,
                  font_name: str) -> Drawing:
    """The chart as a Drawing ``width`` wide, left-aligned, whose default font is
    ``font_name``; without its source line when ``hide_source``. Converted once per
    process for each SVG, width and font set. ValueError when the SVG cannot be read."""
    f = theme.fonts
    faces = tuple(str(p) for p in (f.regular, f.italic, f.bold, f.bold_italic, f.semibold,
                                   f.light, font_name))
    key = (hashlib.sha256(svg).hexdigest(), round(width, 3), hide_source, faces)
    if key not in _DRAWINGS:
        _DRAWINGS[key] = _convert(svg, theme, width, hide_source, font_name)
    return _DRAWINGS[key]


def _convert(svg: bytes, theme: Theme, width: float, hide_source: bool,
             font_name: str) -> Drawing:
    crop = 0.0
    if hide_source:
        svg, crop = without_source(svg)
    drawing = svg_to_drawing(svg, theme, width)
    if drawing.width <= 0:
        raise ValueError("chart SVG has no width")
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
    drawing.initialFontName = font_name  # else the default state is Helvetica
    return drawing
