"""Footnotes at the foot of the page that cites them.

The document reserves room at the foot of each page for the footnotes whose first marker
landed there in the previous layout pass, and draws, at the end of each page, exactly the
footnotes whose markers were drawn on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from builder.model import Footnote
from builder.pdf.para import Paragraph
from builder.pdf.styles import Styles
from builder.pdf.tags import Elem, tag
from builder.pdf.text import InlineContext, footnote_dest, markup


def footnote_paragraphs(footnotes: Sequence[Footnote], ctx: InlineContext,
                        styles: Styles) -> dict[int, Paragraph]:
    """Number -> paragraph, for every footnote that is cited. Each is tagged as a Note
    whose parent is set when its marker is drawn (see :meth:`FootnoteArea.cited`)."""
    by_id = {fn.id: fn for fn in footnotes}
    out: dict[int, Paragraph] = {}
    for fn_id, number in sorted(ctx.footnote_numbers.items(), key=lambda kv: kv[1]):
        text = f'<a name="{footnote_dest(number)}"/>' + markup(by_id[fn_id].content, ctx)
        note = Elem("Note", None, id=footnote_dest(number))
        out[number] = tag(Paragraph(text, styles.footnote, bulletText=str(number)), note,
                          Elem("Lbl", note))
    return out


class FootnoteArea:
    """Measures and draws a page's footnotes above the bottom margin."""

    def __init__(self, paragraphs: dict[int, Paragraph], styles: Styles) -> None:
        self.paragraphs = paragraphs
        self.styles = styles
        self._heights: dict[int, float] = {}

    def _height(self, number: int) -> float:
        if number not in self._heights:
            para = self.paragraphs[number]
            _, h = para.wrap(self.styles.layout.frame_width, 1e6)
            self._heights[number] = h + para.getSpaceAfter()
        return self._heights[number]

    def height(self, numbers: Sequence[int]) -> float:
        """Room the footnotes need, with the gap and separator rule above them. Summed in
        number order, so the room depends only on which footnotes are reserved (a layout
        seed need not record the order they were drawn in)."""
        known = sorted(n for n in set(numbers) if n in self.paragraphs)
        if not known:
            return 0.0
        return sum(self._height(n) for n in known) + self.styles.layout.footnote_gap + 4

    def cited(self, number: int, parent: Elem, canv: object = None) -> None:
        """Footnote ``number``'s first marker was drawn in ``parent``'s content: the Note
        goes in the structure there, right after the marker (see TaggedCanvas.place)."""
        para = self.paragraphs.get(number)
        elem = para.__dict__.get("tag") if para is not None else None
        if elem is not None and elem.parent is None:
            elem.parent = parent
            place = getattr(canv, "place", None)
            if place is not None:
                place(elem)
            else:
                elem.attached = False
                elem.attach()

    def draw(self, canv: Canvas, numbers: Sequence[int], x: float) -> None:
        known = [n for n in numbers if n in self.paragraphs]
        if not known:
            return
        lay, c = self.styles.layout, self.styles.colours
        y = lay.margin_bottom + sum(self._height(n) for n in known)
        canv.saveState()
        canv.setStrokeColor(c.rule)
        canv.setLineWidth(0.6)
        canv.line(x, y + 5, x + lay.footnote_rule_width, y + 5)
        canv.restoreState()
        root = getattr(canv, "tags", None)
        for n in known:
            para = self.paragraphs[n]
            if root is not None:
                self.cited(n, root.root)  # no-op when its marker gave it a parent
            para.wrap(lay.frame_width, 1e6)
            y -= self._height(n)
            para.drawOn(canv, x, y + para.getSpaceAfter())
