"""Which wording of a slide's text to use: the fullest that fits, in one or two columns."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para, fits, fixed, flow
from builder.theme import Fonts


def choose(options: list[list[Para]], box: g.Box, fonts: Fonts, sizes: tuple[float, ...],
           columns: bool = False) -> tuple[float, list[list[Para]], int]:
    """Of several wordings of the same content (fullest first), the first that fits one
    slide at one of the two largest sizes; else, with ``columns``, the briefest in two
    columns (``split`` > 0 is where the right column starts); else the first that
    fits one slide at all; else the briefest continued over as many slides as it
    needs. Returns (size, slides' worth of paragraphs, split)."""
    options = [o for i, o in enumerate(options) if o and o not in options[:i]]
    for tried, order in ((sizes[:2], options), (sizes, options[1:] + options[:1])):
        for paras in order:
            size = fixed(paras, box, fonts, tried)
            if size is not None:
                return size, [paras], 0
        if columns:
            found = two_columns(options[-1], fonts, tried)
            if found is not None:
                return found[0], [options[-1]], found[1]
    size, chunks = flow(options[-1], box, fonts, sizes)
    return size, chunks, 0


def two_columns(paras: list[Para], fonts: Fonts, sizes: tuple[float, ...]
                ) -> tuple[float, int] | None:
    """The largest size at which the paragraphs fit two columns, and where the right
    one starts: at a heading (a lead-in kept with its list) if one balances them,
    else between any two top-level items."""
    layout = g.LAYOUTS[g.TWO]
    left, right = layout.box("left"), layout.box("right")
    cuts = [i for i in range(1, len(paras)) if paras[i].level == 0
            and not paras[i - 1].keep]
    headed = [i for i in cuts if paras[i].keep]
    for group in (headed, cuts):
        for size in sizes:
            ok = [i for i in group if fits(paras[:i], left, fonts, size)
                  and fits(paras[i:], right, fonts, size)]
            if ok:
                return size, min(ok, key=lambda i: abs(2 * i - len(paras)))
    return None
