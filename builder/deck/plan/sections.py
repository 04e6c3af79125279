"""Part dividers and topic slides: a section's content slide (a few of its own points),
the slides of its blocks, its training material and extra slides, then its subsections.

A topic (a section of a part) is a PowerPoint section. Its first slide is always shown
for the briefing's own parts, and for any section whose ``slides:`` say ``show: true``;
the rest of a topic, and the shared parts' topics, are optional depth the session shows
while there is time.
"""

from __future__ import annotations

from dataclasses import replace

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.blocks import plan_blocks
from builder.deck.plan.notes import block_excerpt
from builder.deck.plan.planner import Item, Planner
from builder.deck.plan.points import choose, section_units
from builder.deck.plan.training import plan_training
from builder.deck.text import clean
from builder.model import ExtraSlide, Figure, Paragraph, Part, Section, Table

CONTENT_MINUTES = 2.0
DIVIDER_MINUTES = 1.0


def plan_part(p: Planner, part: Part) -> None:
    """Adds the part's divider (its prose in the notes), its own blocks' slides, then its
    sections'."""
    p.enter(part.id, (part.id, part.title))
    prose = tuple(e for e in (block_excerpt(p, b) for b in part.blocks) if e)
    p.add("divider", g.DIVIDER, part.title, [], part.at, tier=0, minutes=DIVIDER_MINUTES,
          excerpts=prose, footer=False, title_sizes=p.display_sizes())
    plan_blocks(p, part.blocks, part.title, depth=2 if part.shared else 0)
    for sec in part.sections:
        plan_section(p, sec, part.shared, top=True)


def plan_section(p: Planner, sec: Section, shared: bool, top: bool) -> None:
    """Adds the section's slides, then its subsections'; nothing for a section whose
    slides are skipped. A topic of the briefing's own part starts with a shown slide."""
    ov = sec.slides
    if ov is not None and ov.skip:
        return
    p.enter(sec.id, (sec.id, sec.title) if top else None)
    start = len(p.drafts)
    depth = (2 if shared else 0) + (0 if top else 1)
    _content(p, sec, depth)
    plan_blocks(p, sec.blocks, sec.title, depth)
    p.settle()
    if sec.training is not None:
        plan_training(p, sec.training, sec.title, sec.at)
    for extra in ov.extra if ov is not None else ():
        _extra(p, extra)
    if (top and not shared or ov is not None and ov.show) and len(p.drafts) > start:
        p.drafts[start] = replace(p.drafts[start], tier=0)
    for sub in sec.sections:
        plan_section(p, sub, shared, top=False)
        p.enter(sec.id)


def _content(p: Planner, sec: Section, depth: int) -> None:
    """Adds the section's content slide: its override bullets, else a few of its own
    points; or, for a section of prose about its charts, hands the prose on to its first
    chart slide (``p.carry``)."""
    ov = sec.slides
    prose = [e for e in (block_excerpt(p, b) for b in sec.blocks) if e]
    if ov is not None and ov.bullets:
        items = [Item(Para(p.runs(b)), (p.plain(b),)) for b in ov.bullets]
        items[0] = Item(items[0].para, items[0].points, tuple(prose))
        p.flowed("content", g.CONTENT, sec.title, items, sec.at, tier=1 + depth,
                 minutes=CONTENT_MINUTES)
        return
    if _charts_carry(sec):
        p.carry = prose
        return
    chosen = choose(section_units(p, sec.blocks))
    if not chosen:  # nothing short enough to show: its text leads the next slide's notes
        p.carry = prose
        return
    paras = [x for u in chosen for x in u.paras]
    said = tuple(s for u in chosen for s in u.said)
    items = [Item(x) for x in paras]
    items[0] = Item(paras[0], said, tuple(prose))
    p.flowed("content", g.CONTENT, sec.title, items, sec.at, tier=1 + depth,
             minutes=CONTENT_MINUTES)


def _extra(p: Planner, extra: ExtraSlide) -> None:
    """Adds an extra slide written in the content: its bullets, or a title alone."""
    notes = (clean(extra.notes),) if extra.notes else ()
    items = [Item(Para(p.runs(b)), (p.plain(b),)) for b in extra.bullets]
    if items:
        items[0] = Item(items[0].para, (*notes, *items[0].points))
        p.flowed("extra", g.CONTENT, extra.title, items, extra.at, tier=1,
                 minutes=CONTENT_MINUTES)
    else:
        p.add("extra", g.CONTENT, extra.title, [], extra.at, tier=1, minutes=CONTENT_MINUTES,
              points=notes)


def _charts_carry(sec: Section) -> bool:
    """A section of prose about its charts, with no lists, quotations or cases: the chart
    slides carry it (its prose goes into the first one's notes)."""
    has = any(isinstance(b, Figure) or (isinstance(b, Table) and b.chart) for b in sec.blocks)
    return has and all(isinstance(b, Paragraph | Table | Figure) for b in sec.blocks)
