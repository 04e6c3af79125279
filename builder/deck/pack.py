"""Fitting paragraphs into boxes: choose a size, or split over continuation slides.

``flow`` is for text that may continue on the next slide (bullets, learning points,
references, quotes); ``fixed`` for text that must fit where it is (titles, captions).
Sizes are tried largest first and never go below the sizes given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from builder.deck.fit import line_height, pieces, space_before, text_height, text_width, wrap
from builder.deck.geometry import Box
from builder.deck.text import Run, Runs, merge
from builder.theme import Fonts

ParaStyle = Literal["body", "figure", "muted", "strong"]


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph. ``bullet``: indented as a list item at ``level``; ``marker``: with
    its bullet character (a list item continued from the previous slide has none).
    ``scale`` multiplies the frame's font size (headline numbers are larger)."""

    runs: Runs
    level: int = 0
    bullet: bool = True
    marker: bool = True
    style: ParaStyle = "body"
    scale: float = 1.0
    keep: bool = False  # keep with the next paragraph (a heading over its items)


def _style_runs(para: Para) -> list[tuple[str, bool, bool]]:
    strong = para.style in ("figure", "strong")
    return [(r.text, r.bold or strong, r.italic) for r in para.runs]


@lru_cache(maxsize=1 << 14)
def lines(para: Para, box: Box, fonts: Fonts, size: float) -> int:
    """How many lines the paragraph wraps to in the box (cached: the plan tries the same
    paragraph in several wordings and sizes)."""
    s = size * para.scale
    return len(wrap(pieces(_style_runs(para)), fonts, s, text_width(box, para.level, para.bullet)))


def height(para: Para, box: Box, fonts: Fonts, size: float, first: bool) -> float:
    s = size * para.scale
    return (lines(para, box, fonts, size) * line_height(fonts, s)
            + space_before(para.level, s, first))


def total_height(paras: Sequence[Para], box: Box, fonts: Fonts, size: float) -> float:
    return sum(height(p, box, fonts, size, i == 0) for i, p in enumerate(paras))


def fits(paras: Sequence[Para], box: Box, fonts: Fonts, size: float) -> bool:
    return total_height(paras, box, fonts, size) <= text_height(box)


def fixed(paras: Sequence[Para], box: Box, fonts: Fonts, sizes: Sequence[float]) -> float | None:
    """The largest size at which all the paragraphs fit, or None."""
    for size in sizes:
        if fits(paras, box, fonts, size):
            return size
    return None


def _split_para(para: Para, box: Box, fonts: Fonts, size: float) -> list[Para]:
    """A paragraph taller than the box, cut at line ends into box-high pieces."""
    s = size * para.scale
    wrapped = wrap(pieces(_style_runs(para)), fonts, s, text_width(box, para.level, para.bullet))
    per_box = max(1, int(text_height(box) // line_height(fonts, s)) - 1)
    urls = _url_at(para.runs)
    out: list[Para] = []
    pos = 0
    for start in range(0, len(wrapped), per_box):
        chunk = [p for line in wrapped[start:start + per_box] for p in line]
        rs: list[Run] = []
        for p in chunk:
            rs.append(Run(p.text, p.bold, p.italic, urls(pos)))
            pos += len(p.text)
        text = merge(rs)
        if start:
            text = _lstrip(text)
        out.append(replace(para, runs=text, marker=para.marker and not start))
    return out


def _url_at(runs: Runs) -> Callable[[int], str]:
    bounds: list[tuple[int, str]] = []
    pos = 0
    for r in runs:
        pos += len(r.text)
        bounds.append((pos, r.url))

    def at(i: int) -> str:
        for end, url in bounds:
            if i < end:
                return url
        return ""
    return at


def _lstrip(rs: Runs) -> Runs:
    if rs and rs[0].text.startswith(" "):
        first = replace(rs[0], text=rs[0].text.lstrip(" "))
        return merge([first, *rs[1:]])
    return rs


def _pack(paras: Sequence[Para], box: Box, fonts: Fonts, size: float) -> list[list[Para]]:
    avail = text_height(box)
    pages: list[list[Para]] = [[]]
    used = 0.0
    queue = list(paras)
    while queue:
        p = queue.pop(0)
        h = height(p, box, fonts, size, not pages[-1])
        if used + h <= avail:
            pages[-1].append(p)
            used += h
            continue
        if not pages[-1] and h > avail:
            queue[:0] = _split_para(p, box, fonts, size)
            continue
        if not pages[-1]:
            pages[-1].append(p)
            used += h
            continue
        carry = _orphan(pages[-1], p)
        pages.append(carry)
        used = total_height(carry, box, fonts, size)
        queue.insert(0, p)
    return pages


def _orphan(page: list[Para], nxt: Para) -> list[Para]:
    """A lead-in item or heading is moved to the next slide with what it introduces."""
    if len(page) > 1 and (page[-1].level < nxt.level or page[-1].keep):
        return [page.pop()]
    return []


def flow(paras: Sequence[Para], box: Box, fonts: Fonts, sizes: Sequence[float]
         ) -> tuple[float, list[list[Para]]]:
    """The size and the slides' worth of paragraphs: the largest size that needs the
    fewest slides."""
    best: tuple[float, list[list[Para]]] | None = None
    for size in sizes:
        pages = _pack(paras, box, fonts, size)
        if best is None or len(pages) < len(best[1]):
            best = (size, pages)
        if len(pages) == 1:
            break
    assert best is not None
    return best
