"""Keep a label with what it introduces: a list item with its first sub-item, a lead-in
paragraph ("... as follows:") with the first lines of the list after it."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus import Paragraph as RLParagraph

MAX_HEAD_LINES = 3  # a longer lead-in may split; keeping it whole would leave a gap


def first_lines(flowable: Flowable, width: float) -> float:
    """Height of the smallest start of ``flowable`` that may stand at a page foot: two
    lines of a paragraph (three or fewer stay whole: no widows, no orphans)."""
    _, h = flowable.wrap(width, 1e6)
    if isinstance(flowable, RLParagraph):
        leading = flowable.style.leading
        return h if h <= 3 * leading + 0.5 else 2 * leading
    return h


class KeepStart(CondPageBreak):
    """A page break unless ``head`` and the start of ``then`` both fit on this page.

    Zero height otherwise, so it never changes the look of a page that has room.
    """

    def __init__(self, head: Flowable, then: Flowable | None, fallback: float = 0.0) -> None:
        super().__init__(0.0)
        self.head, self.then, self.fallback = head, then, fallback

    def need(self, width: float) -> float:
        _, h = self.head.wrap(width, 1e6)
        if isinstance(self.head, RLParagraph) and h > MAX_HEAD_LINES * self.head.style.leading + 0.5:
            return 0.0
        start = self.fallback if self.then is None else (
            self.then.getSpaceBefore() + first_lines(self.then, width))
        return h + self.head.getSpaceAfter() + start

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = self.need(availWidth)
        try:
            return super().wrap(availWidth, availHeight)
        finally:
            self.height = 0.0

    def __repr__(self) -> str:
        return f"KeepStart({self.head!r})"
