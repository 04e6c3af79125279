"""List items as slide text: in full, in brief, or one line per top-level item."""

from __future__ import annotations

from builder.deck.pack import Para
from builder.deck.plan.planner import Planner
from builder.deck.text import (
    Run,
    Runs,
    cut,
    first_sentence,
    headline,
    label,
    lead,
    mark_numbers,
    strip,
    text_of,
)
from builder.model import ListItem

LONG_ITEM = 110  # characters: a list item longer than this is cut to its number


def full_items(p: Planner, items: tuple[ListItem, ...], level: int = 0) -> list[Para]:
    """Every item in full, sub-items indented (at most two levels)."""
    out: list[Para] = []
    for it in items:
        out.append(Para(p.runs(it.content), level=min(level, 2)))
        out.extend(full_items(p, it.children, level + 1))
    return out


def brief_items(p: Planner, items: tuple[ListItem, ...], figures: bool, level: int = 0
                ) -> list[Para]:
    """Every item in brief (see ``brief``), sub-items indented (at most two levels)."""
    out: list[Para] = []
    for it in items:
        out.append(Para(brief(p, it, figures), level=min(level, 2)))
        out.extend(brief_items(p, it.children, figures, level + 1))
    return out


def brief(p: Planner, item: ListItem, figures: bool) -> Runs:
    """One list item in brief: "Infants: 86 (37%) incidents involved a child under 12
    months old" (lead-in and the clause with the number, numbers marked; only in a
    section with ``figures``), else its lead-in, else the words before a colon, else its
    first sentence."""
    rs = p.runs(item.content)
    name, rest = label(rs)
    if item.children:
        return lead(rs)
    figure = headline(rest) if figures else ()
    if name and figure:
        return (*name, Run(": "), *mark_numbers(figure))
    if figure and not name:
        first = first_sentence(rs)
        return mark_numbers(figure if len(text_of(first)) > LONG_ITEM else first)
    return lead(rs)


def terse_items(p: Planner, items: tuple[ListItem, ...], figures: bool) -> list[Para]:
    """Each top-level item on one line: its lead-in with its first sub-item in brief
    ("Gender: More than half (57%) of all SCRs ... involved boys"); a long item
    without one is cut before its examples (", including ...")."""
    out: list[Para] = []
    for it in items:
        if it.children:
            first = brief(p, it.children[0], figures)
            _, after = label(first)  # "Infants: 86 ..." -> "86 ..."
            out.append(Para((*lead(p.runs(it.content)), Run(": "), *(after or first))))
        else:
            out.append(Para(_without_examples(brief(p, it, figures))))
    return out


def _without_examples(rs: Runs) -> Runs:
    """A long item cut before its examples (", including ...", " such as ..."); a short
    one as it is."""
    text = text_of(rs)
    cut_at = min((i for i in (text.find(", including"), text.find(" such as "))
                  if i > 0), default=-1)
    if len(text) > LONG_ITEM // 2 and cut_at > 0:
        return strip(cut(rs, cut_at), " ,")
    return rs
