"""The slides a part's or section's blocks get after its content slide: its charts in
reading order, then one quotation, the case examples together, and each learning-points
box. ``depth`` is how optional the section is (0: a topic of the briefing's own part)."""

from __future__ import annotations

from typing import assert_never

from builder.deck.plan.cases import has_text, plan_cases
from builder.deck.plan.charts import plan_chart
from builder.deck.plan.learning_points import plan_learning_points
from builder.deck.plan.planner import Planner
from builder.deck.plan.quotes import plan_quote
from builder.model import (
    Block,
    BulletList,
    CaseExample,
    Figure,
    LearningPoints,
    Paragraph,
    Quote,
    Table,
)

Quoted = tuple[Quote, Paragraph | None]  # a quotation and the paragraph that introduces it


def plan_blocks(p: Planner, blocks: tuple[Block, ...], title: str, depth: int) -> None:
    """Adds the blocks' slides. One quotation gets a slide (the first voice, else the
    first, unless there are case examples and no voice: a case slide carries the
    section's evidence); the others are in its notes."""
    _chart_slides(p, blocks, depth)
    quotes = _quotations(blocks)
    cases = [b for b in blocks if isinstance(b, CaseExample) and has_text(b)]
    voice = [q for q in quotes if q[0].kind == "voice"]
    if voice or (quotes and not cases):
        q, context = (voice or quotes)[0]
        plan_quote(p, q, context, title, [x for x, _ in quotes if x is not q],
                   tier=(1 if voice else 2) + depth)
    if cases:
        plan_cases(p, cases, title, tier=1 + depth)
    for b in blocks:
        if isinstance(b, LearningPoints):
            plan_learning_points(p, b, title, tier=1 + depth)


def _chart_slides(p: Planner, blocks: tuple[Block, ...], depth: int) -> None:
    """Adds a slide for each table with a chart and each figure, in reading order; the
    first of a section is shown before the others."""
    first = True
    for b in blocks:
        match b:
            case Table(chart=str(chart)) if chart:
                texts = [f"Table {b.number}: {b.title}", *(p.plain(x) for x in b.notes)]
            case Figure(chart=chart):
                texts = [f"Figure {b.number}: {b.title}", *(p.plain(x) for x in (
                    b.caption, b.missing, b.source_note) if x)]
            case Table() | Paragraph() | BulletList() | Quote() | CaseExample() | \
                    LearningPoints():
                continue
            case _:
                assert_never(b)
        plan_chart(p, chart, [p.excerpt(t, b.at, b.id) for t in texts], b.at,
                   tier=1 if first else 3)
        first = False


def _quotations(blocks: tuple[Block, ...]) -> list[Quoted]:
    """The quotations among the blocks, and in case examples that are only quotations,
    each with the paragraph that introduces it."""
    prev: Paragraph | None = None
    quotes: list[Quoted] = []
    for b in blocks:
        match b:
            case Quote():
                quotes.append((b, prev))
            case CaseExample() if not has_text(b):
                quotes.extend(_case_quotes(b, prev))
            case Paragraph():
                prev = b
            case CaseExample() | BulletList() | LearningPoints() | Table() | Figure():
                pass
            case _:
                assert_never(b)
    return quotes


def _case_quotes(case: CaseExample, prev: Paragraph | None) -> list[Quoted]:
    """The case's quotations, each with the paragraph before it (in the case, else
    ``prev``)."""
    out: list[Quoted] = []
    before = prev
    for b in case.blocks:
        if isinstance(b, Quote):
            out.append((b, before))
        elif isinstance(b, Paragraph):
            before = b
    return out
