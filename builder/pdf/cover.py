"""The cover page (drawn on the canvas; no header or footer) and the brand mark."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from builder.model import Metadata
from builder.pdf.finish import edge_rect
from builder.pdf.para import Paragraph
from builder.pdf.styles import Styles
from builder.pdf.tags import Elem, tag
from builder.pdf.text import plain


def draw_mark(canv: Canvas, styles: Styles, x: float, y: float, size: float,
              on_dark: bool = False) -> None:
    """An abstract geometric mark: four tiles (quarter disc, disc, square, triangle)."""
    c = styles.colours
    t = size / 2
    gap = size * 0.04
    cell = t - gap / 2
    canv.saveState()
    # top left: quarter disc
    canv.setFillColor(c.accent)
    p = canv.beginPath()
    p.moveTo(x, y + t + gap / 2)
    p.arcTo(x - cell, y + t + gap / 2 - cell, x + cell, y + t + gap / 2 + cell, 0, 90)
    p.close()
    canv.drawPath(p, stroke=0, fill=1)
    # top right: disc
    canv.setFillColor(c.highlight)
    canv.circle(x + t + gap / 2 + cell / 2, y + t + gap / 2 + cell / 2, cell / 2, stroke=0, fill=1)
    # bottom left: square
    canv.setFillColor(c.secondary)
    canv.rect(x, y, cell, cell, stroke=0, fill=1)
    # bottom right: triangle
    canv.setFillColor(c.white if on_dark else c.primary)
    p = canv.beginPath()
    p.moveTo(x + t + gap / 2, y)
    p.lineTo(x + size, y)
    p.lineTo(x + size, y + cell)
    p.close()
    canv.drawPath(p, stroke=0, fill=1)
    canv.restoreState()


def _para(canv: Canvas, markup: str, style: object, x: float, top: float, width: float,
          parent: Elem | None, role: str = "P") -> float:
    """Draw a paragraph with its top at ``top``; return the y below it. Tagged as
    ``role`` under ``parent`` (the cover's section; None on an untagged canvas)."""
    para = Paragraph(markup, style)
    if parent is not None:
        tag(para, Elem(role, parent))
    _, h = para.wrap(width, 1000)
    para.drawOn(canv, x, top - h)
    return top - h


def draw_cover(canv: Canvas, styles: Styles, meta: Metadata) -> None:
    """Brand cover, its colour block reaching the page edges as the finish says: series, title, subtitle, date; partners named on a white foot.
    Texts are drawn in reading order (the shapes are artifacts); the title is the H1."""
    lay, c = styles.layout, styles.colours
    w, h = lay.page_width, lay.page_height
    foot = 52 * mm
    x = lay.margin_inner + 4 * mm
    width = w - 2 * x
    tags = getattr(canv, "tags", None)
    sect = Elem("Sect", tags.root) if tags is not None else None
    canv.saveState()
    canv.setFillColor(c.primary)
    edge_rect(canv, lay.finish, (w, h), 0, foot, w, h - foot)
    canv.setFillColor(c.accent)
    edge_rect(canv, lay.finish, (w, h), 0, foot, w, 5)
    draw_mark(canv, styles, w - x - 52 * mm, h - 30 * mm - 52 * mm, 52 * mm, on_dark=True)
    canv.setFillColor(c.highlight)
    canv.rect(x, h - 124 * mm, 22 * mm, 3, stroke=0, fill=1)
    canv.restoreState()
    _para(canv, plain(meta.series), styles.cover_series, x, h - 30 * mm, width * 0.55, sect)
    if meta.sector:
        _para(canv, plain(meta.sector.upper()), styles.cover_sector, x, h - 114 * mm, width,
              sect)
    y = _para(canv, plain(meta.title), styles.cover_title, x, h - 130 * mm, width, sect, "H1")
    y = _para(canv, plain(meta.subtitle), styles.cover_subtitle, x, y - 8 * mm, width * 0.9,
              sect)
    _para(canv, plain(meta.date), styles.cover_meta, x, y - 10 * mm, width, sect)
    names = [meta.publisher.name] + [p for p in meta.partners if p != meta.publisher.name]
    label = styles.back_heading
    others = names[1:]
    column = width / 2 - 6 * mm if others else width  # a long name wraps before Partners
    y = _para(canv, "Published by", label, x, foot - 12 * mm, column, sect)
    y = _para(canv, plain(meta.publisher.name), styles.back_text, x, y - 1, column, sect)
    if others:
        y = _para(canv, "Partners", label, x + width / 2, foot - 12 * mm, width / 2, sect)
        _para(canv, "<br/>".join(plain(p) for p in others), styles.back_text,
              x + width / 2, y - 1, width / 2, sect)
