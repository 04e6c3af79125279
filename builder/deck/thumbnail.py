"""The deck's thumbnail (``docProps/thumbnail.jpeg``): its first slide drawn small, as
file browsers and PowerPoint's open dialog show it. Drawn with Pillow from the plan and
the theme (the layout's background, boxes and decoration, the brand font), so the same
content gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from builder.deck import geometry as g
from builder.deck.fit import BREAK
from builder.deck.metrics import SINGLE
from builder.deck.plan import Frame, SlideSpec
from builder.theme import Theme

WIDTH, HEIGHT = 256, 144  # PowerPoint's size for a 16:9 deck
OVERSAMPLE = 4  # drawn larger, then reduced: smooth edges at thumbnail size
PX_IN = WIDTH * OVERSAMPLE / g.SLIDE_W


def _px(inches: float) -> int:
    return round(inches * PX_IN)


@cache
def _font(path: Path, size_pt: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), max(1, round(size_pt / 72 * PX_IN)))


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy wrapping at spaces within ``width`` pixels, and at line breaks."""
    lines: list[str] = []
    for part in text.split(BREAK):
        start = len(lines)
        for word in part.split():
            if len(lines) > start and font.getlength(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
    return lines


def _text(draw: ImageDraw.ImageDraw, box: g.Box, paras: list[tuple[str, bool, float]],
          colour: str, theme: Theme, bottom: bool = False) -> None:
    """Paragraphs (text, bold, size) in the box, top-anchored or bottom-anchored."""
    inner = g.Box(box.x + g.INSET_X_IN, box.y + g.INSET_Y_IN, box.w - 2 * g.INSET_X_IN,
                  box.h - 2 * g.INSET_Y_IN)
    laid = [(line, bold, size) for text, bold, size in paras
            for line in _lines(text, _font(_face(theme, bold), size), _px(inner.w))]
    height = sum(_px(size * SINGLE / 72) for _, _, size in laid)
    y = _px(inner.y + inner.h) - height if bottom else _px(inner.y)
    for line, bold, size in laid:
        draw.text((_px(inner.x), y), line, font=_font(_face(theme, bold), size), fill=colour)
        y += _px(size * SINGLE / 72)


def _box(draw: ImageDraw.ImageDraw, b: g.Box, colour: str) -> None:
    draw.rectangle((_px(b.x), _px(b.y), _px(b.x + b.w), _px(b.y + b.h)), fill=colour)


def _face(theme: Theme, bold: bool) -> Path:
    return theme.fonts.bold if bold else theme.fonts.regular


def _paras(frame: Frame) -> list[tuple[str, bool, float]]:
    return [("".join(r.text for r in p.runs), p.style in ("figure", "strong")
             or all(r.bold for r in p.runs), frame.size * p.scale) for p in frame.paras]


def thumbnail(slide: SlideSpec, theme: Theme) -> bytes:
    """The slide as a 256 x 144 JPEG: background, title, its other text, and the dark
    layouts' accent bar and mark."""
    layout = g.LAYOUTS.get(slide.layout, g.LAYOUTS[g.CONTENT])
    c = theme.colours
    image = Image.new("RGB", (WIDTH * OVERSAMPLE, HEIGHT * OVERSAMPLE),
                      c.primary if layout.dark else c.white)
    draw = ImageDraw.Draw(image)
    ink, body = (c.white, c.tint) if layout.dark else (c.primary, c.text)
    roles = {ph.role for ph in layout.placeholders}
    if "title" in roles:
        title = layout.box("title")
        _text(draw, title, [(slide.title, True, slide.title_size)], ink, theme, bottom=True)
        if layout.dark:
            _box(draw, g.accent_bar(title), c.highlight)
    if layout.dark:
        for bar, colour in zip(g.logo_bars(g.DARK_LOGO_BOX), (c.accent, c.secondary, c.white),
                               strict=True):
            _box(draw, bar, colour)
    for frame in slide.frames:
        if frame.role in roles:
            _text(draw, layout.box(frame.role), _paras(frame), body, theme)
    small = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=90)
    return out.getvalue()
