"""The paragraph flowable every module of the renderer makes: reportlab's, remembering
its line breaks per width.

A layout pass wraps most paragraphs more than once at the same width (a frame trying
it, a keep-together or keep-with-next group measuring it, a table sizing its rows):
over half the wraps of a pass repeated one already made. Line breaking depends only on
the paragraph's text, style and width, never on the height offered, so the lines of the
last wrap at each width are kept and reused.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import _FUZZ  # type: ignore[attr-defined]

from builder.pdf.tags import draw_tagged


class Paragraph(_Paragraph):  # type: ignore[misc]
    """Also tagged: drawn as marked content of its structure element (``tag``), which
    the parts of a split paragraph share."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        draw_tagged(self, super().drawOn, canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts: list[Any] = super().split(availWidth, availHeight)
        elem = self.__dict__.get("tag")
        if elem is not None:
            for part in parts:
                part.__dict__["tag"] = elem
        return parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth < _FUZZ:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        done: dict[float, tuple[Any, Any, float]] = self.__dict__.setdefault("_wrapped", {})
        hit = done.get(availWidth)
        if hit is None:
            width, height = super().wrap(availWidth, availHeight)
            state = self.__dict__
            done[availWidth] = (state["_wrapWidths"], state["blPara"], height)
            return width, height
        wrap_widths, lines, height = hit
        self.__dict__.update(width=availWidth, _wrapWidths=wrap_widths, blPara=lines, height=height)
        return availWidth, height
