"""Part openers (a coloured band at the top of a new page), section and subsection headings."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from builder.model import Part, Section
from builder.pdf.context import ANCHOR_CALLBACK, RenderContext, anchor
from builder.pdf.cover import draw_mark
from builder.pdf.finish import edge_rect
from builder.pdf.para import Paragraph
from builder.pdf.styles import Styles
from builder.pdf.tags import Elem, tag
from builder.pdf.text import dest, plain


class PartBand(Flowable):
    """A band in the brand colour holding the part title, at the top of a page; it
    reaches the page edges as the layout's finish says."""

    def __init__(self, part_id: str, title: str, styles: Styles, elem: Elem | None = None) -> None:
        super().__init__()
        self.part_id = part_id
        self.title = title
        self.styles = styles
        self.para = tag(Paragraph(plain(title), styles.part_title), elem)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        lay = self.styles.layout
        self.width = availWidth
        # the band starts above the frame (at the page top); reserve its part in the frame
        self.height = lay.part_band_height - lay.margin_top + 10 * mm
        return self.width, self.height

    def draw(self) -> None:
        canv, lay, c = self.canv, self.styles.layout, self.styles.colours
        w, h = lay.page_width, lay.page_height
        top = self.height + lay.margin_top  # the page top: the band starts there
        band = lay.part_band_height
        canv.saveState()
        canv.translate(-lay.margin_inner, top - h)  # page coordinates for the furniture
        canv.setFillColor(c.primary)
        edge_rect(canv, lay.finish, (w, h), 0, h - band, w, band)
        canv.setFillColor(c.accent)
        edge_rect(canv, lay.finish, (w, h), 0, h - band - 4, w, 4)
        mark = band - 14 * mm  # the brand mark fills the band, 8 mm clear below and right
        draw_mark(canv, self.styles, w - 14 * mm - mark, h - band + 8 * mm, mark, on_dark=True)
        canv.restoreState()
        self.para.wrap(self.width - 60 * mm, band)
        canv.bookmarkHorizontal(dest(self.part_id), 0, top)
        callback = canv.getNamedCB(ANCHOR_CALLBACK)
        if callback is not None:
            callback(canv, "onDraw", self.part_id)
        self.para.drawOn(canv, 0, top - band + 14 * mm)


def render_part_heading(part: Part, ctx: RenderContext) -> list[Flowable]:
    return [PartBand(part.id, part.title, ctx.styles, ctx.elem("H1"))]


def render_heading(section: Section, ctx: RenderContext) -> list[Flowable]:
    """A section (level 2) or subsection (level 3 and deeper) heading, kept with what follows."""
    s = ctx.styles
    style = s.section if section.level <= 2 else s.subsection
    role = "H2" if section.level <= 2 else "H3"
    return [tag(Paragraph(anchor(section.id) + plain(section.title), style), ctx.elem(role))]


def render_plain_heading(node_id: str, title: str, ctx: RenderContext) -> list[Flowable]:
    """A section-level heading for generated sections (References)."""
    return [tag(Paragraph(anchor(node_id) + plain(title), ctx.styles.section), ctx.elem("H2"))]
