"""A short A4 document in the brand, for the training outputs made beside the briefing
(the participant handout, the trainer's session plan): a band with the title on the
first page, headings, a footer naming the document, and the briefing's tagging and
metadata, so each is as accessible as the briefing and passes the same gate."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from io import BytesIO
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate

from builder.model import Briefing
from builder.pdf._reportlab import lay_out_only
from builder.pdf.context import RenderContext
from builder.pdf.finish import SCREEN, canvas_maker
from builder.pdf.headings import PartBand
from builder.pdf.para import Paragraph
from builder.pdf.save import save_tagged, tag_links
from builder.pdf.styles import Styles
from builder.pdf.tags import Tags, tag
from builder.pdf.text import InlineContext, esc
from builder.problems import Problem
from builder.theme import Theme

BAND_HEIGHT = 44 * mm
HEADING_ROOM = 110  # pt: what must fit under a heading (a box: title, note, a point)

Story = Callable[[RenderContext], list[Flowable]]


class _LeafletDoc(BaseDocTemplate):
    def __init__(self, b: Briefing, styles: Styles, label: str) -> None:
        self.buffer = BytesIO()
        meta, lay = b.meta, styles.layout
        super().__init__(
            self.buffer, pagesize=(lay.page_width, lay.page_height), invariant=1,
            pageCompression=1, title=f"{meta.title}: {label.lower()}",
            author=", ".join(meta.authors), subject=meta.subtitle,
            keywords=list(meta.keywords), lang=meta.language or "en-GB",
            displayDocTitle=1, initialFontName=styles.fonts.regular)
        self.styles, self.label = styles, f"{label} \u00b7 {meta.short_title or meta.title}"
        frame = Frame(lay.margin_inner, lay.margin_bottom, lay.frame_width, lay.frame_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer)])

    def beforeDocument(self) -> None:
        tag_links(self.canv)

    def _footer(self, canv: Any, doc: object) -> None:
        s, lay = self.styles, self.styles.layout
        y = lay.margin_bottom - lay.footer_gap
        canv.saveState()
        canv.setFillColor(s.colours.muted)
        canv.setFont(s.fonts.regular, s.footer_size)
        canv.drawString(lay.margin_inner, y, self.label)
        canv.setFillColor(s.colours.accent)
        canv.setFont(s.fonts.bold, s.footer_size + 1)
        canv.drawRightString(lay.page_width - lay.margin_outer, y, str(self.page))
        canv.restoreState()


def write_leaflet(b: Briefing, theme: Theme, styles: Styles, label: str, story: Story,
                  charts: Mapping[str, bytes] | None = None, *, save: bool = True
                  ) -> tuple[bytes, int, list[Problem]]:
    """Lay out ``story(ctx)`` under the footer ``label``: (PDF bytes, pages, problems);
    without ``save``, the pages are counted and no PDF is written (empty bytes)."""
    inline = InlineContext(link_colour=styles.colours.hex("accent"), footnote_ids=frozenset(),
                           page_of={}, targets=frozenset())
    ctx = RenderContext(theme=theme, styles=styles, inline=inline, charts=charts or {},
                        alt_text={c.id: c.alt for c in b.charts if c.alt}, tags=Tags())
    doc = _LeafletDoc(b, styles, label)
    lay_out_only(doc)  # the structure is added before saving
    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary (deflated) streams, as the briefing
    try:
        doc.build(story(ctx), canvasmaker=canvas_maker(SCREEN, ctx.tags))
        if save:
            save_tagged(doc.canv, replace(b.meta, title=doc.title))
    finally:
        rl_config.useA85 = a85
    return doc.buffer.getvalue(), doc.page, [*inline.problems, *ctx.problems]


def band(title: str, ctx: RenderContext) -> Flowable:
    """The brand band at the top of the first page, holding the title (the H1)."""
    s = ctx.styles
    small = replace(s, layout=replace(s.layout, part_band_height=BAND_HEIGHT))
    return PartBand("title", title, small, ctx.elem("H1"))


def heading(title: str, ctx: RenderContext) -> list[Flowable]:
    """A heading (H2) that moves to the next page unless a few lines fit after it (it
    is not kept with a whole box or table that follows, which may split)."""
    style = ctx.styles.section
    need = style.spaceBefore + style.leading + style.spaceAfter + HEADING_ROOM
    return [CondPageBreak(need), tag(Paragraph(esc(title), style.clone(
        "leaflet_heading", keepWithNext=0)), ctx.elem("H2"))]


def para(text: str, style: Any, ctx: RenderContext) -> Flowable:
    """A paragraph (P) of the document's own text, given as markup."""
    return tag(Paragraph(text, style), ctx.elem("P"))
