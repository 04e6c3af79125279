"""A framed box of flowables that splits between its items across pages.

Used by quotes, case examples and learning points. The part after a split can carry a
different title ("Learning points (continued)"). A box never leaves only its title, or a
single line, at the foot of a page: it moves whole to the next page instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from builder.pdf.keep import KeepStart


@dataclass(frozen=True, slots=True)
class BoxLook:
    padding: float
    background: Color | None = None
    left_rule: Color | None = None
    top_rule: Color | None = None
    rule_width: float = 3.0
    indent: float = 0.0
    quote_mark: Color | None = None
    quote_mark_font: str = ""
    space_before: float = 6.0
    space_after: float = 10.0

    @property
    def left(self) -> float:
        extra = 22.0 if self.quote_mark is not None else 0.0
        return self.indent + self.padding + extra + (self.rule_width if self.left_rule else 0.0)


TitleMaker = Callable[[], Flowable]


class Box(Flowable):
    """Flowables drawn inside a tinted or ruled box; splits between or inside items."""

    def __init__(self, content: Sequence[Flowable], look: BoxLook,
                 title: Flowable | None = None, continued: TitleMaker | None = None,
                 first: bool = True, lead: int = 0) -> None:
        """``lead``: how many items at the start of ``content`` belong to the title (a
        subtitle): the box never splits before the item after them."""
        super().__init__()
        self.content = list(content)
        self.lead = lead
        self.look = look
        self.title = title
        self.continued = continued
        self.first = first
        self.spaceBefore = look.space_before if first else 0.0
        self.spaceAfter = look.space_after
        self._layout: list[tuple[Flowable, float]] = []

    def _items(self) -> list[Flowable]:
        return ([self.title] if self.title is not None else []) + self.content

    def _inner_width(self, avail_width: float) -> float:
        return avail_width - self.look.left - self.look.padding

    def _pad_v(self) -> float:
        return 2 * self.look.padding + (self.look.rule_width if self.look.top_rule else 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        iw = self._inner_width(availWidth)
        self._layout = []
        total = 0.0
        items = self._items()
        for i, f in enumerate(items):
            _, h = f.wrap(iw, 1e6)
            gap = f.getSpaceAfter() if i < len(items) - 1 else 0.0
            self._layout.append((f, h + gap))
            total += h + gap
        self.width = availWidth
        self.height = total + self._pad_v()
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        iw = self._inner_width(availWidth)
        room = availHeight - self._pad_v()
        if self.title is not None:
            _, h = self.title.wrap(iw, 1e6)
            room -= h + self.title.getSpaceAfter()
        fitted: list[Flowable] = []
        rest: list[Flowable] = []
        for i, f in enumerate(self.content):
            if isinstance(f, KeepStart) and fitted and f.need(iw) > room:
                rest = self.content[i:]  # a label never ends the box's part on this page
                break
            _, h = f.wrap(iw, 1e6)
            if h <= room:
                fitted.append(f)
                room -= h + f.getSpaceAfter()
                continue
            pieces = f.split(iw, room) if room > 0 else []
            if len(pieces) >= 2:
                fitted.append(pieces[0])
                rest = list(pieces[1:]) + self.content[i + 1:]
            else:
                rest = self.content[i:]
            break
        if len(fitted) <= self.lead or not rest:
            return []
        title = self.continued() if self.continued is not None else None
        return [Box(fitted, self.look, self.title, self.continued, first=self.first),
                Box(rest, self.look, title, self.continued, first=False)]

    def draw(self) -> None:
        canv, look = self.canv, self.look
        x0 = look.indent
        width = self.width - look.indent
        canv.saveState()
        if look.background is not None:
            canv.setFillColor(look.background)
            canv.rect(x0, 0, width, self.height, stroke=0, fill=1)
        if look.left_rule is not None:
            canv.setFillColor(look.left_rule)
            canv.rect(x0, 0, look.rule_width, self.height, stroke=0, fill=1)
        if look.top_rule is not None:
            canv.setFillColor(look.top_rule)
            canv.rect(x0, self.height - look.rule_width, width, look.rule_width, stroke=0, fill=1)
        if look.quote_mark is not None and self.first:
            canv.setFillColor(look.quote_mark)
            canv.setFont(look.quote_mark_font, 40)
            x = x0 + (look.rule_width if look.left_rule else 0.0) + look.padding - 2
            canv.drawString(x, self.height - look.padding - 26, "\u201c")
        canv.restoreState()
        y = self.height - look.padding - (look.rule_width if look.top_rule else 0.0)
        for f, h in self._layout:
            y -= h
            gap = h - f.height
            f.drawOn(canv, look.left, y + gap)
