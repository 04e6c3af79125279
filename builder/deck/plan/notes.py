"""Speaker notes a presenter can glance at: the time and the talking points first, then
the briefing's text behind the slide, each passage under the page it is printed on; and
the briefing's prose, lists and quotations as notes text, in the briefing's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from builder.deck.plan.spec import DeckSection, Excerpt, SlideSpec
from builder.model import (
    TRAINING_MARK,
    Block,
    BulletList,
    CaseExample,
    Figure,
    LearningPoints,
    ListItem,
    Paragraph,
    Quote,
    Table,
)

if TYPE_CHECKING:
    from builder.deck.plan.planner import Planner

POINTS_HEAD = "Talking points:"
BRIEFING_HEAD = "From the briefing:"


def notes_text(slide: SlideSpec, section: DeckSection, index: int, extra: int) -> str:
    """The slide's notes: its time (and, on a section's first slide, the section's), its
    talking points, then the briefing's text by page. ``extra``: the minutes a hidden
    slide adds when shown."""
    blocks = [_time(slide, section, index, extra)]
    if slide.points:
        head = f"{TRAINING_MARK}:" if slide.kind in ("reflection", "activity") else POINTS_HEAD
        blocks.append("\n".join([head, *(f"- {p}" for p in slide.points)]))
    if slide.excerpts:
        blocks.append(BRIEFING_HEAD + "\n" + _by_page(slide.excerpts))
    return "\n\n".join(b for b in blocks if b)


def _time(slide: SlideSpec, section: DeckSection, index: int, extra: int) -> str:
    if slide.hidden:
        line = f"Optional slide (hidden): show it to add about {max(1, extra)} min."
    else:
        line = f"Time: {slide.minutes} min."
    if index == section.slides[0]:
        n = len(section.slides)
        line += (f" Section \u2018{section.title}\u2019: {section.minutes} min for its shown "
                 f"slides ({n} slide{'s' if n > 1 else ''} in all).")
    return line


def _by_page(excerpts: tuple[Excerpt, ...]) -> str:
    """The excerpts in order, each run of them on one page under "Briefing, p. N"."""
    out: list[str] = []
    page: int | None | str = ""
    for e in excerpts:
        if e.page != page:
            page = e.page
            if e.page is not None:
                out.append(f"Briefing, p. {e.page}")
        out.append(e.text)
    return "\n".join(out)


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


def block_note(p: Planner, block: Block) -> str | None:
    """A paragraph, list or quotation as notes text; None for any other block (boxes,
    tables and figures have slides of their own)."""
    match block:
        case Paragraph(content=c):
            return p.plain(c)
        case BulletList(items=items):
            return "\n".join(item_lines(p, items))
        case Quote():
            return quote_note(p, block)
        case CaseExample() | LearningPoints() | Table() | Figure():
            return None
        case _:
            assert_never(block)


def block_excerpt(p: Planner, block: Block) -> Excerpt | None:
    """A paragraph, list or quotation as an excerpt with its page; None for other blocks."""
    text = block_note(p, block)
    at = getattr(block, "at", None)
    return None if text is None else p.excerpt(text, at)
