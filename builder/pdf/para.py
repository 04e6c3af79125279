"""The paragraph flowable every module of the renderer makes: reportlab's, remembering
its line breaks per width.

A layout pass wraps most paragraphs more than once at the same width (a frame trying
it, a keep-together or keep-with-next group measuring it, a table sizing its rows):
over half the wraps of a pass repeated one already made. Line breaking depends only on
the paragraph's text, style and width, never on the height offered, so the lines of the
last wrap at each width are kept and reused.

A paragraph longer than a page is split once per page. Reportlab would copy the rest of
its words into a new paragraph at every split and break them into lines again, which
makes layout time grow with the square of the paragraph's length. Greedy line breaking
at one width gives the rest the lines it already had, so here the part after a split
starts with those lines and shares the paragraph's words; its own copy of them is made
only if it is ever wrapped at another width (:class:`_Rest`).
"""

from __future__ import annotations

from collections.abc import Callable
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
        goes after them when they are drawn (see tags.SpacedText). The part after a split
        has them from the whole paragraph (``_continue``)."""
        if "_glued" in self.__dict__:
            return self.__dict__["_glued"]  # type: ignore[no-any-return]
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
        state = self.__dict__
        state["_reuse"] = _reusable(self, availWidth)
        try:
            parts: list[Any] = super().split(availWidth, availHeight)
        finally:
            reuse = state.pop("_reuse")
        elem = state.get("tag")
        if elem is not None:
            for part in parts:
                part.__dict__["tag"] = elem
                if "label" in self.__dict__:  # drawn only by the part with the bullet
                    part.__dict__["label"] = self.__dict__["label"]
        if reuse is not None and len(parts) == 2 and isinstance(parts[1].frags, _Rest):
            _continue(self, parts[0], parts[1], availWidth, reuse)
        return parts

    def _get_split_blParaFunc(self) -> Callable[..., Any]:  # noqa: N802
        """Reportlab's function for the words of lines ``start:stop``; while splitting a
        paragraph whose lines are reused, the rest's words are not copied (a ``_Rest``)."""
        func: Callable[..., Any] = super()._get_split_blParaFunc()
        if self.__dict__.get("_reuse") is None:
            return func
        last = len(self.blPara.lines)

        def words(lines: Any, start: int, stop: int) -> Any:
            return _Rest(func, lines, start) if start and stop == last else func(
                lines, start, stop)
        return words

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth < FUZZ:
            return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        done: dict[float, tuple[Any, float]] = self.__dict__.setdefault("_wrapped", {})
        hit = done.get(availWidth)
        if hit is None:
            own = self.__dict__.pop("_own_words", None)
            if own is not None:  # a rest wrapped at a new width: it needs its own words
                self.frags = own.words()
            width, height = super().wrap(availWidth, availHeight)
            done[availWidth] = (wrap_state(self), height)
            return width, height
        state, height = hit
        restore_wrap(self, state, availWidth, height)
        return availWidth, height


class _Rest(list):  # type: ignore[type-arg]
    """The words of a split paragraph's last lines, not yet copied: reportlab's function
    ``func`` makes them from ``lines`` (the whole paragraph's) when :meth:`words` is
    called. Non-empty, as reportlab expects of a paragraph's words."""

    def __init__(self, func: Callable[..., Any], lines: Any, start: int) -> None:
        super().__init__([None])
        self.func, self.lines, self.start = func, lines, start

    def words(self) -> Any:
        return self.func(self.lines, self.start, len(self.lines.lines))


def _reusable(para: Paragraph, width: float) -> tuple[Any, Any] | None:
    """The wrap widths and lines of ``para`` at ``width`` (the lines it is being split
    with) when the part after a split can reuse them: fixed leading (height is lines x
    leading) and no first-line indent (every line after the first has the same width)."""
    hit = para.__dict__.get("_wrapped", {}).get(width)
    style = para.style
    if (hit is None or para.__dict__.get("blPara") is not hit[0][1]
            or getattr(para, "autoLeading", getattr(style, "autoLeading", ""))
            not in ("", "off") or style.firstLineIndent or style.wordWrap == "CJK"):
        return None
    return hit[0]  # type: ignore[no-any-return]


def _continue(whole: Paragraph, head: Any, rest: Any, width: float,
              reuse: tuple[Any, Any]) -> None:
    """Give ``rest`` the lines ``whole`` broke it into and ``whole``'s words (the lines
    index into them), keeping the means to make its own words (``_own_words``)."""
    wrap_widths, lines = reuse
    done = len(head.blPara.lines)
    tail = lines.clone(lines=lines.lines[done:])
    state = rest.__dict__
    state["_glued"] = frozenset(i - done for i in whole.glued_lines() if i >= done)
    state["_own_words"] = rest.frags
    state["_wrapped"] = {width: (([wrap_widths[-1]] * 2, tail),  # as wrap_state gives it
                                 len(tail.lines) * rest.style.leading)}
    rest.frags = whole.frags
