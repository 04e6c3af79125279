"""The one walker of the model: every section, block and run of inline text of a briefing,
in reading order. Renderers and checks that need "all of X" ask here, so a new block kind
is taught to the walk once (the ``match`` below is exhaustive)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from builder.model import (
    Block,
    Briefing,
    BulletList,
    CaseExample,
    Figure,
    Inlines,
    LearningPoints,
    ListItem,
    Paragraph,
    Part,
    Quote,
    Section,
    Table,
    walk_sections,
)


def all_sections(b: Briefing) -> Iterator[Section]:
    """Every section of every part, depth first."""
    for part in b.parts:
        yield from walk_sections(part.sections)


def section_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """The blocks in reading order, each case example followed by its own blocks."""
    for block in blocks:
        yield block
        if isinstance(block, CaseExample):
            yield from section_blocks(block.blocks)


def part_blocks(part: Part) -> Iterator[Block]:
    """Every block of a part in reading order: its own blocks, then its sections'; the
    blocks inside a case example follow the case example itself."""
    yield from section_blocks(part.blocks)
    for s in walk_sections(part.sections):
        yield from section_blocks(s.blocks)


def all_blocks(b: Briefing) -> Iterator[Block]:
    """Every block of every part, in reading order (see ``part_blocks``)."""
    for part in b.parts:
        yield from part_blocks(part)


def tables(b: Briefing) -> tuple[Table, ...]:
    """Every table, in reading order."""
    return tuple(x for x in all_blocks(b) if isinstance(x, Table))


def figures(b: Briefing) -> tuple[Figure, ...]:
    """Every figure, in reading order."""
    return tuple(x for x in all_blocks(b) if isinstance(x, Figure))


def _item_inlines(items: tuple[ListItem, ...]) -> Iterator[Inlines]:
    for item in items:
        yield item.content
        yield from _item_inlines(item.children)


def block_inlines(block: Block) -> Iterator[Inlines]:
    """The runs of inline text a block holds itself (a case example's blocks are walked
    as blocks of their own)."""
    match block:
        case Paragraph(content=c):
            yield c
        case BulletList(items=items) | LearningPoints(items=items):
            yield from _item_inlines(items)
        case Quote(paragraphs=ps, attribution=a):
            yield from ps
            yield a
        case Table(notes=notes):
            yield from notes
        case Figure(caption=c, missing=m, source_note=s):
            yield from (c, m, s)
        case CaseExample():
            pass
        case _:
            assert_never(block)


def all_inlines(b: Briefing) -> Iterator[Inlines]:
    """Every run of inline text in the document, in reading order: blocks, the editor's
    slide bullets, footnotes, then references."""
    for block in all_blocks(b):
        yield from block_inlines(block)
    for sec in all_sections(b):
        if sec.slides is not None:
            yield from sec.slides.bullets
            for extra in sec.slides.extra:
                yield from extra.bullets
        if sec.training is not None:  # written for the training: deck only
            t = sec.training
            yield from (*t.questions, *t.prompts, *(s for a in t.activities for s in a.steps))
    for fn in b.footnotes:
        yield fn.content
    for ref in b.references:
        yield ref.text
