"""The file syntax PDF/A requires, where reportlab writes otherwise.

Two things reportlab does are not allowed in PDF/A (ISO 19005-2, 6.1.7 and 6.2.11.7):
a stream's data runs straight into ``endstream`` with no end-of-line marker before it
(one that ``/Length`` does not count, CRLF when the data ends in CR so the marker is
never read as part of it),
and a subset font's ToUnicode map sends code 0 (.notdef, never shown) to U+0000. While
:func:`pdfa_syntax` is active (around ``canvas.save()``, where every object is written)
streams end with an EOL that ``/Length`` does not count, and ToUnicode maps leave out the
codes that map to U+0000, U+FEFF or U+FFFE.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts

_NOT_TEXT = (0x0000, 0xFEFF, 0xFFFE)


def _stream_format(self: Any, document: Any) -> bytes:
    dictionary = pdfdoc.PDFDictionary(self.dictionary.dict.copy())
    content = self.content
    if content is None:
        raise ValueError("stream content not set")
    filters = self.filters if self.filters is not None else document.defaultStreamFilters
    if filters is not None and "Filter" not in dictionary.dict:
        names: list[Any] = []
        for f in reversed(list(filters)):
            content = f.encode(content)
            names.insert(0, pdfdoc.PDFName(f.pdfname))
        if names:
            dictionary["Filter"] = pdfdoc.PDFArray(names)
    content = document.encrypt.encode(content)
    data = pdfdoc.format(content, document)
    dictionary["Length"] = len(data)
    # data ending in CR (compressed data may) followed by LF would read as a CRLF marker
    eol = b"\r\n" if data.endswith(b"\r") else b"\n"
    return bytes(pdfdoc.format(dictionary, document) + b"\nstream\n" + data + eol
                 + b"endstream\n")


def _to_unicode(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's CMap, less the entries for codes that map to no text."""
    lines = _ORIGINAL_CMAP(fontname, subset).split("\n")
    pairs = {f"<{i:02X}> <{v:04X}>" for i, v in enumerate(subset) if v in _NOT_TEXT}
    kept = [line for line in lines if line not in pairs]
    count = len(subset) - len(pairs)
    return "\n".join(f"{count} beginbfchar" if line.endswith(" beginbfchar") else line
                     for line in kept)


_ORIGINAL_CMAP = ttfonts.makeToUnicodeCMap


@contextmanager
def pdfa_syntax() -> Iterator[None]:
    """Streams and ToUnicode maps written the PDF/A way until the block ends."""
    saved = pdfdoc.PDFStream.format, ttfonts.makeToUnicodeCMap
    pdfdoc.PDFStream.format = _stream_format
    ttfonts.makeToUnicodeCMap = _to_unicode
    try:
        yield
    finally:
        pdfdoc.PDFStream.format, ttfonts.makeToUnicodeCMap = saved
