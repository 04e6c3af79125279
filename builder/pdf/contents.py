"""The contents page: parts and sections with real page numbers, dot leaders and links."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from builder.model import Briefing
from builder.pdf.context import RenderContext, anchor
from builder.pdf.para import Paragraph
from builder.pdf.styles import Styles
from builder.pdf.tags import Elem, draw_tagged, tag
from builder.pdf.text import dest, plain

CONTENTS_ID = "contents"
REFERENCES_ID = "references"


@dataclass(frozen=True, slots=True)
class Entry:
    node_id: str
    title: str
    level: int  # 0 part, 1 section


def contents_entries(briefing: Briefing) -> list[Entry]:
    """Parts, their sections, and the references, in reading order."""
    out: list[Entry] = []
    for part in briefing.parts:
        out.append(Entry(part.id, part.title, 0))
        out.extend(Entry(s.id, s.title, 1) for s in part.sections)
    if briefing.references:
        out.append(Entry(REFERENCES_ID, "References", 0))
    return out


class ContentsEntry(Flowable):
    """One contents line: the title, dot leaders and the page number, all one link.

    Tagged as TOCI > Reference > Link: the title and the number are the Link's text,
    the leaders are an artifact inside it, and one link annotation covers the line."""

    def __init__(self, entry: Entry, page: int, styles: Styles, first: bool) -> None:
        super().__init__()
        part = entry.level == 0
        self.entry, self.page, self.styles = entry, page, styles
        self.title = Paragraph(plain(entry.title),
                               styles.contents_part if part else styles.contents_section)
        self.number = Paragraph(str(page or ""),
                                styles.contents_part_page if part else styles.contents_page)
        self.pad_top = 0.0 if first else (14.0 if part else 2.5)
        self.pad_bottom = 5.0 if part else 2.5
        self.dots = not part

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        _, th = self.title.wrap(availWidth - NUMBER_WIDTH, availHeight)
        _, nh = self.number.wrap(NUMBER_WIDTH, availHeight)
        self.height = max(th, nh) + self.pad_top + self.pad_bottom
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        draw_tagged(self, super().drawOn, canvas, x, y, _sW)

    def draw(self) -> None:
        canv, left = self.canv, self.width - NUMBER_WIDTH
        self.title.drawOn(canv, 0, self.pad_bottom)
        with getattr(canv, "artifact", nullcontext)():
            self._leaders()
        self.number.drawOn(canv, left, self.pad_bottom)
        canv.linkRect("", dest(self.entry.node_id),
                      (0, self.pad_bottom, self.width, self.height - self.pad_top),
                      relative=1, thickness=0)

    def _leaders(self) -> None:
        """Dots from the end of the title's last line to the page number."""
        if not self.dots:
            return
        s, style = self.styles, self.title.style
        start = self.title.getActualLineWidths0()[-1] + style.leftIndent + 4
        stop = self.width - stringWidth(str(self.page), style.fontName, style.fontSize) - 4
        count = int((stop - start) // stringWidth(" .", s.fonts.regular, style.fontSize))
        if count < 1:
            return
        canv = self.canv
        canv.saveState()
        canv.setFillColor(s.colours.rule)
        canv.setFont(s.fonts.regular, style.fontSize)
        canv.drawRightString(stop, self.pad_bottom + style.leading - style.fontSize, " ." * count)
        canv.restoreState()


NUMBER_WIDTH = 30.0


def render_contents(briefing: Briefing, ctx: RenderContext) -> list[Flowable]:
    s = ctx.styles
    title = tag(Paragraph(anchor(CONTENTS_ID) + "Contents", s.contents_title), ctx.elem("H1"))
    toc = ctx.elem("TOC")
    out: list[Flowable] = [title]
    for i, e in enumerate(contents_entries(briefing)):
        page = ctx.inline.page_of.get(e.node_id, 0)
        link = Elem("Link", Elem("Reference", Elem("TOCI", toc)))
        link.contents = f"{e.title}, page {page}" if page else e.title
        out.append(tag(ContentsEntry(e, page, s, first=i == 0), link))
    return out
