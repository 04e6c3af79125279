"""Prose, lists and quotations as speaker notes: in full, in the briefing's words."""

from __future__ import annotations

from builder.deck.plan.planner import Planner
from builder.model import BulletList, ListItem, Paragraph, Quote


def quote_label(q: Quote) -> str:
    """What a quotation is called on its slide and in the notes."""
    return "In their own words" if q.kind == "voice" else "SCR extract"


def quote_note(p: Planner, q: Quote) -> str:
    """The quotation in one line: 'SCR extract: "..." — who said it'."""
    body = " ".join(p.plain(x) for x in q.paragraphs)
    who = f" \u2014 {p.plain(q.attribution)}" if q.attribution else ""
    return f"{quote_label(q)}: \u201c{body}\u201d{who}"


def item_lines(p: Planner, items: tuple[ListItem, ...], depth: int = 0) -> list[str]:
    """One "- item" line per list item, sub-items indented two spaces a level."""
    out: list[str] = []
    for it in items:
        out.append("  " * depth + "- " + p.plain(it.content))
        out.extend(item_lines(p, it.children, depth + 1))
    return out


def block_note(p: Planner, block: object) -> str | None:
    """A paragraph, list or quotation as notes text; None for any other block."""
    if isinstance(block, Paragraph):
        return p.plain(block.content)
    if isinstance(block, BulletList):
        return "\n".join(item_lines(p, block.items))
    if isinstance(block, Quote):
        return quote_note(p, block)
    return None
