"""The keys of the page map (``PdfResult.page_of``: key -> 1-based PDF page) that the
PDF records and the deck's notes cite: section, table and figure ids, and a key for
every block written in the content (``block_key``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.model import SourceRef


def block_key(at: SourceRef) -> str:
    """The page map's key for the block written at ``at`` ("@file:line"; ids cannot
    hold "@"): the PDF records the page each paragraph, list, quotation, box, table and
    figure starts on under it, and the deck's notes cite that page."""
    return f"@{at.path}:{at.line}"
