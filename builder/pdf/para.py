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

from builder.pdf._reportlab import FUZZ, restore_wrap, wrap_state
from builder.pdf.tags import draw_tagged


class Paragraph(_Paragraph):  # type: ignore[misc]
    """Also tagged: drawn as marked content of its structure element (``tag``), which
    the parts of a split paragraph share."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        draw_tagged(self, super().drawOn, canvas, x, y, _sW)

    def beginText(self, x: float = 0, y: float = 0) -> Any:  # noqa: N802
        tx = super().beginText(x, y)
        tx.__dict__["glued"] = self.glued_lines()
        return tx

    def glued_lines(self) -> frozenset[int]:
        """Lines (0-based) that end inside a word (a long word split to fit): no space
        goes after them when they are drawn (see tags.SpacedText)."""
        lines = self.blPara.lines
        if self.blPara.kind == 0:
            texts = [" ".join(words) for _, words in lines]
        else:
            texts = ["".join(getattr(f, "text", "") for f in line.words) for line in lines]
        plain = " ".join(self.getPlainText().split())
        glued: set[int] = set()
        at = 0
        for i, text in enumerate(texts[:-1]):
            text = " ".join(text.split())
            found = plain.find(text, at)
            if not text or found < 0:
                continue
            at = found + len(text)
            if at < len(plain) and plain[at] != " ":
                glued.add(i)
        return frozenset(glued)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts: list[Any] = super().split(availWidth, availHeight)
        elem = self.__dict__.get("tag")
        if elem is not None:
            for part in parts:
                part.__dict__["tag"] = elem
                if "label" in self.__dict__:  # drawn only by the part with the bullet
                    part.__dict__["label"] = self.__dict__["label"]
        return parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth < FUZZ:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        done: dict[float, tuple[Any, float]] = self.__dict__.setdefault("_wrapped", {})
        hit = done.get(availWidth)
        if hit is None:
            width, height = super().wrap(availWidth, availHeight)
            done[availWidth] = (wrap_state(self), height)
            return width, height
        state, height = hit
        restore_wrap(self, state, availWidth, height)
        return availWidth, height
