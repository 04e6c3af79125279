"""How the pages are finished for the printer they go to.

The screen PDF is also what people print at home or in the office: its edge-reaching
areas (cover, part bands, back-cover band) stop a little inside the page, wider than a
home printer's unprintable margin, so nothing they draw is cut off unevenly. The press
PDF, for a print shop, runs the same areas 3 mm past the trim (bleed), draws crop marks
outside the bleed on a larger sheet (MediaBox), and sets TrimBox and BleedBox on every
page. Both pad the page count with planned notes pages before the back cover: to an
even count on screen (the back cover prints on the back of the last sheet) and to a
multiple of four for a saddle-stitched booklet. Text and page numbers are the same in
both: only page furniture differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray
from reportlab.platypus import ActionFlowable

from builder.pdf._reportlab import page_size, pdf_document
from builder.pdf.tags import TaggedCanvas, Tags


@dataclass(frozen=True, slots=True)
class Finish:
    """``bleed``: how far edge-reaching areas run past the trim; ``inset``: how far they
    stay inside it instead; ``slug``: the sheet beyond the trim on each side, holding the
    crop marks (0: the sheet is the trimmed page, no marks); ``page_multiple``: the page
    count is padded to a multiple of this."""

    name: str
    bleed: float = 0.0
    inset: float = 0.0
    slug: float = 0.0
    page_multiple: int = 2

    def span(self, lo: float, hi: float, size: float) -> tuple[float, float]:
        """``lo``..``hi`` along a page side of ``size``, an end on the page edge (at or
        beyond 0 or ``size``) moved past the trim by the bleed or inside it by the inset."""
        out = self.bleed - self.inset
        return (-out if lo <= 0 else lo), (size + out if hi >= size else hi)

    def pad(self, last_page: int) -> int:
        """How many notes pages go after ``last_page`` so that the back cover, on the
        page after them, ends the document on a multiple of ``page_multiple``."""
        return -(last_page + 1) % self.page_multiple


SCREEN = Finish("screen", inset=6 * mm, page_multiple=2)
PRESS = Finish("press", bleed=3 * mm, slug=12 * mm, page_multiple=4)
FINISHES = {f.name: f for f in (SCREEN, PRESS)}

MARK_GAP = 1 * mm  # between the bleed edge and a crop mark
MARK_LENGTH = 6 * mm
MARK_WIDTH = 0.25  # pt: a hairline, as print shops expect


def edge_rect(canv: Any, finish: Finish, page: tuple[float, float], x: float, y: float,
              width: float, height: float) -> None:
    """Fill the rectangle (page coordinates) with the current fill colour, its sides
    on the page edge finished as :meth:`Finish.span` says."""
    x0, x1 = finish.span(x, x + width, page[0])
    y0, y1 = finish.span(y, y + height, page[1])
    canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)


def _box(width: float, height: float, out: float) -> PDFArray:
    return PDFArray([-out or 0, -out or 0, width + out, height + out])


def crop_marks(width: float, height: float, finish: Finish) -> list[tuple[float, ...]]:
    """The eight crop-mark lines (x0, y0, x1, y1) of a trimmed page of ``width`` ×
    ``height``: on the lines of the trim, starting beyond the bleed."""
    a = finish.bleed + MARK_GAP
    b = a + MARK_LENGTH
    out: list[tuple[float, ...]] = []
    for x, sign_x in ((0.0, -1), (width, 1)):
        for y, sign_y in ((0.0, -1), (height, 1)):
            out.append((x + sign_x * a, y, x + sign_x * b, y))  # horizontal, beside
            out.append((x, y + sign_y * a, x, y + sign_y * b))  # vertical, above/below
    return out


class PressCanvas(TaggedCanvas):
    """A tagged canvas for a print shop: every page gets crop marks (artifacts), a
    sheet enlarged by the slug (MediaBox), TrimBox (the page) and BleedBox."""

    def __init__(self, *args: Any, finish: Finish, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finish = finish

    def showPage(self) -> None:  # noqa: N802
        width, height = page_size(self)
        self.saveState()
        self.setStrokeColorRGB(0, 0, 0)  # the colour space of the rest (PDF/A: one)
        self.setLineWidth(MARK_WIDTH)
        self.lines(crop_marks(width, height, self.finish))
        self.restoreState()
        super().showPage()
        page = pdf_document(self).Pages.pages[-1]
        page.MediaBox = _box(width, height, self.finish.slug)
        page.BleedBox = _box(width, height, self.finish.bleed)
        page.TrimBox = _box(width, height, 0)


def canvas_maker(finish: Finish, tags: Tags) -> Callable[..., TaggedCanvas]:
    """The canvas of a layout pass with this finish, recording structure in ``tags``."""
    if finish.slug:
        return partial(PressCanvas, tags=tags, finish=finish)
    return partial(TaggedCanvas, tags=tags)


class PadPages(ActionFlowable):
    """Placed before the back cover: the document inserts :meth:`Finish.pad` notes
    pages there (see ``BriefingDoc.handle_flowable``)."""

    def __init__(self, finish: Finish) -> None:
        super().__init__()
        self.finish = finish

    def apply(self, doc: Any) -> None:
        pass  # expanded by the document before it is applied
