"""Writing a tagged PDF the way every PDF of the builder is written (the briefing, its
print-shop variant, the handout): links tagged with their words while pages are drawn,
then the structure tree, the metadata (Info, XMP, sRGB output intent) and the file
syntax PDF/A requires. So each output passes the same PDF/UA-1 and PDF/A-2a gate."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from builder.model import Metadata
from builder.pdf._reportlab import pdf_document
from builder.pdf.metadata import write_metadata
from builder.pdf.pdfa import pdfa_syntax
from builder.pdf.tags import TaggedCanvas, write_structure
from builder.pdf.text import LINK_END, LINK_START


def _link_start(canv: Canvas, kind: str, label: str | None) -> None:
    start = getattr(canv, "link_start", None)  # a TaggedCanvas: the link's words get a Link
    if start is not None:
        start(label or "Link")


def _link_end(canv: Canvas, kind: str, label: str | None) -> None:
    end = getattr(canv, "link_end", None)
    if end is not None:
        end()


def tag_links(canv: Any) -> None:
    """Call before the first page is drawn: the words of each link become its Link
    element (paragraph markup marks where a link starts and ends)."""
    canv.setNamedCB(LINK_START, _link_start)
    canv.setNamedCB(LINK_END, _link_end)


def save_tagged(canv: TaggedCanvas, meta: Metadata) -> None:
    """Add the structure tree and the metadata of ``meta`` to the drawn document, then
    write it (to the file or buffer the canvas was made with)."""
    write_structure(canv, meta.language or "en-GB")
    doc = pdf_document(canv)
    write_metadata(doc, meta, (str(p.stream).encode() for p in doc.Pages.pages))
    with pdfa_syntax():
        canv.save()
