"""Page templates (cover, inner, part opener, back), running header and footer, footnote
areas, outline and document metadata. One :class:`BriefingDoc` lays out one pass."""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from builder.model import Briefing, SourceRef
from builder.pages import block_key
from builder.pdf._reportlab import resize_frame
from builder.pdf.context import ANCHOR_CALLBACK, At
from builder.pdf.cover import draw_cover, draw_mark
from builder.pdf.finish import PadPages, edge_rect
from builder.pdf.footnotes import FootnoteArea
from builder.pdf.save import tag_links
from builder.pdf.story import BACK, COVER, INNER, NOTES, OPENER
from builder.pdf.styles import Styles
from builder.pdf.text import FOOTNOTE_CALLBACK, dest

NOTES_RULING = 9 * mm  # line spacing on a notes page: wide enough to write on


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


class BriefingDoc(BaseDocTemplate):
    """One layout pass. After :meth:`build`, ``page_of`` holds the page of every anchor
    and ``footnote_pages`` the footnote numbers drawn on each page; ``notes_pages`` are
    the planned notes pages before the back cover."""

    def __init__(self, briefing: Briefing, styles: Styles, footnotes: FootnoteArea,
                 reserve: Mapping[int, tuple[int, ...]],
                 outline: Mapping[str, tuple[str, int]]) -> None:
        self.buffer = BytesIO()
        meta, lay = briefing.meta, styles.layout
        super().__init__(
            self.buffer, pagesize=(lay.page_width, lay.page_height), invariant=1,
            pageCompression=1, title=meta.title, author=", ".join(meta.authors),
            subject=meta.subtitle, keywords=list(meta.keywords), creator="Briefing Builder",
            producer="Briefing Builder (reportlab)", lang=meta.language or "en-GB",
            displayDocTitle=1, initialFontName=styles.fonts.regular, leftMargin=lay.margin_inner, rightMargin=lay.margin_outer,
            topMargin=lay.margin_top, bottomMargin=lay.margin_bottom)
        self.briefing, self.styles, self.footnotes = briefing, styles, footnotes
        self.reserve, self.outline = reserve, outline
        self.page_of: dict[str, int] = {}
        self.footnote_pages: dict[int, list[int]] = {}
        self.notes_pages: tuple[int, ...] = ()
        self.current_at: SourceRef | None = None
        self.current_what = ""
        self._block = ""  # the block whose first flowable is still to be drawn
        self.current_part = ""
        self.page_part = ""  # the part running at the top of this page, for the header
        self._base = (lay.margin_bottom, lay.frame_height)
        self.addPageTemplates(self._templates())

    # ------------------------------------------------------------ templates

    def _frame(self, name: str) -> Frame:
        lay = self.styles.layout
        return Frame(lay.margin_inner, lay.margin_bottom, lay.frame_width, lay.frame_height,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)

    def _templates(self) -> list[PageTemplate]:
        lay = self.styles.layout
        back = Frame(lay.margin_inner, lay.margin_bottom, lay.frame_width * 0.62, 130 * mm,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=BACK)
        return [
            PageTemplate(COVER, [self._frame(COVER)], onPage=self._cover),
            PageTemplate(INNER, [self._frame(INNER)], onPageEnd=self._inner),
            PageTemplate(OPENER, [self._frame(OPENER)], onPageEnd=self._opener),
            PageTemplate(NOTES, [self._frame(NOTES)], onPage=self._notes),
            PageTemplate(BACK, [back], onPage=self._back),
        ]

    # ------------------------------------------------------------ hooks

    def beforeDocument(self) -> None:
        self.canv.setNamedCB(FOOTNOTE_CALLBACK, self._footnote_marker)
        self.canv.setNamedCB(ANCHOR_CALLBACK, self._anchor)
        tag_links(self.canv)
        self.canv.showOutline()
        # page labels as a viewer shows them: "Cover", then the printed numbers 2, 3, ...
        # (the back page is labelled when it is drawn)
        self.canv.addPageLabel(0, prefix="Cover")
        self.canv.addPageLabel(1, style="ARABIC", start=2)

    def beforePage(self) -> None:
        """Shorten the frame by the room this page's footnotes need."""
        self.page_part = self.current_part
        frame = self.pageTemplate.frames[0]
        if self.pageTemplate.id not in (INNER, OPENER):
            return
        room = self.footnotes.height(self.reserve.get(self.page, ()))
        y, h = self._base
        resize_frame(frame, y + room, h - room)

    def handle_flowable(self, flowables: list[Any]) -> None:
        if flowables and isinstance(flowables[0], At):
            self.current_at, self.current_what = flowables[0].at, flowables[0].what
            if flowables[0].what not in ("section", "part"):
                self._block = block_key(flowables[0].at)
        if flowables and isinstance(flowables[0], PadPages):
            blank = flowables.pop(0).finish.pad(self.page)
            self.notes_pages = tuple(range(self.page + 1, self.page + 1 + blank))
            flowables[0:0] = [NextPageTemplate(NOTES), PageBreak()] * blank
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab's hook)
        """The page a block starts on (its first drawn flowable's), under its block key:
        the deck's notes cite the page of the paragraph or box itself."""
        if self._block and not isinstance(flowable, At):
            self.page_of.setdefault(self._block, self.page)
            self._block = ""

    def _footnote_marker(self, canv: Canvas, kind: str, label: str | None) -> None:
        self.footnote_pages.setdefault(self.page, []).append(int(label or 0))
        parent = getattr(canv, "open_elem", None)
        if parent is not None:  # the footnote's Note goes where it is cited
            self.footnotes.cited(int(label or 0), parent, canv)

    def _anchor(self, canv: Canvas, kind: str, label: str | None) -> None:
        node_id = label or ""
        if node_id in self.page_of:
            return
        self.page_of[node_id] = self.page
        if node_id in self.outline:
            title, level = self.outline[node_id]
            if level == 0:
                self.current_part = title
            canv.addOutlineEntry(title, dest(node_id), level, closed=level > 0)

    # ------------------------------------------------------------ page furniture

    def _cover(self, canv: Canvas, doc: object) -> None:
        draw_cover(canv, self.styles, self.briefing.meta)

    def _back(self, canv: Canvas, doc: object) -> None:
        lay, c = self.styles.layout, self.styles.colours
        canv.addPageLabel(self.page - 1, prefix="Back cover")
        page = (lay.page_width, lay.page_height)
        canv.saveState()
        canv.setFillColor(c.primary)
        edge_rect(canv, lay.finish, page, 0, page[1] - 18 * mm, page[0], 18 * mm)
        canv.setFillColor(c.accent)
        edge_rect(canv, lay.finish, page, 0, page[1] - 18 * mm - 3, page[0], 3)
        canv.restoreState()
        draw_mark(canv, self.styles, lay.margin_inner, lay.page_height - 78 * mm, 42 * mm)

    def _notes(self, canv: Canvas, doc: object) -> None:
        """A planned blank page (see :mod:`builder.pdf.finish`), ruled for notes."""
        s, lay = self.styles, self.styles.layout
        self._footer(canv)
        left, right = lay.margin_inner, lay.page_width - lay.margin_outer
        top = lay.page_height - lay.margin_top
        canv.saveState()
        canv.setFillColor(s.colours.primary)
        canv.setFont(s.fonts.semibold, s.section.fontSize)
        canv.drawString(left, top - s.section.fontSize, "Notes")
        canv.setStrokeColor(s.colours.rule)
        canv.setLineWidth(0.5)
        y = top - s.section.fontSize - NOTES_RULING
        while y > lay.margin_bottom:
            canv.line(left, y, right, y)
            y -= NOTES_RULING
        canv.restoreState()

    def _opener(self, canv: Canvas, doc: object) -> None:
        self._footer(canv)
        self._draw_footnotes(canv)

    def _inner(self, canv: Canvas, doc: object) -> None:
        self._header(canv)
        self._footer(canv)
        self._draw_footnotes(canv)

    def _draw_footnotes(self, canv: Canvas) -> None:
        self.footnotes.draw(canv, self.footnote_pages.get(self.page, []),
                            self.styles.layout.margin_inner)

    def _header(self, canv: Canvas) -> None:
        s, lay, c = self.styles, self.styles.layout, self.styles.colours
        meta = self.briefing.meta
        y = lay.page_height - lay.margin_top + lay.header_gap * 0.55
        left, right = lay.margin_inner, lay.page_width - lay.margin_outer
        width = lay.frame_width
        short = meta.short_title or meta.title
        canv.saveState()
        canv.setFillColor(c.muted)
        part = _fit(self.page_part or self.current_part, s.fonts.regular, s.header_size, width * 0.45)
        title = _fit(short, s.fonts.semibold, s.header_size, width * 0.5)
        canv.setFont(s.fonts.semibold, s.header_size)
        canv.drawString(left, y, title)
        canv.setFont(s.fonts.regular, s.header_size)
        canv.drawRightString(right, y, part)
        canv.setStrokeColor(c.rule)
        canv.setLineWidth(0.6)
        canv.line(left, y - 5, right, y - 5)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        s, lay, c = self.styles, self.styles.layout, self.styles.colours
        y = lay.margin_bottom - lay.footer_gap
        left, right = lay.margin_inner, lay.page_width - lay.margin_outer
        odd = self.page % 2 == 1
        canv.saveState()
        canv.setFillColor(c.accent)
        canv.setFont(s.fonts.bold, s.footer_size + 1)
        number = str(self.page)
        if odd:
            canv.drawRightString(right, y, number)
        else:
            canv.drawString(left, y, number)
        canv.setFillColor(c.muted)
        canv.setFont(s.fonts.regular, s.footer_size)
        name = _fit(self.briefing.meta.publisher.name, s.fonts.regular, s.footer_size,
                    lay.frame_width * 0.6)
        if odd:
            canv.drawString(left, y, name)
        else:
            canv.drawRightString(right, y, name)
        canv.restoreState()
