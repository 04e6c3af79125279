"""The whole briefing as one list of flowables, in reading order."""

from __future__ import annotations

from typing import assert_never

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak

from builder.model import (
    Block,
    Briefing,
    BulletList,
    CaseExample,
    Figure,
    LearningPoints,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    plain_text,
)
from builder.pdf.backpage import render_backpage
from builder.pdf.case_examples import render_case_example
from builder.pdf.contents import REFERENCES_ID, render_contents
from builder.pdf.context import At, RenderContext
from builder.pdf.figures import render_figure
from builder.pdf.finish import PadPages
from builder.pdf.headings import render_heading, render_part_heading, render_plain_heading
from builder.pdf.keep import KeepStart
from builder.pdf.learning_points import render_learning_points
from builder.pdf.lists import render_list
from builder.pdf.paragraphs import render_paragraph
from builder.pdf.quotes import render_quote
from builder.pdf.references import render_references
from builder.pdf.tables import render_table

COVER, INNER, OPENER, NOTES, BACK = "cover", "inner", "opener", "notes", "back"


def render_block(block: Block, ctx: RenderContext) -> list[Flowable]:
    match block:
        case Paragraph():
            return render_paragraph(block, ctx)
        case BulletList():
            return render_list(block, ctx)
        case Quote():
            return render_quote(block, ctx)
        case CaseExample():
            return render_case_example(block, ctx)
        case LearningPoints():
            return render_learning_points(block, ctx)
        case Table():
            return render_table(block, ctx)
        case Figure():
            return render_figure(block, ctx)
        case _:
            assert_never(block)


def start_height(block: Block | None, ctx: RenderContext) -> float:
    """Room a block needs to start well: a heading above it must not stand alone."""
    lead = ctx.styles.body.leading
    match block:
        case None | Paragraph() | BulletList():
            return 3 * lead
        case Quote() | CaseExample() | LearningPoints():
            return 5 * lead
        case Table():
            return 8 * lead
        case Figure():
            theme = ctx.theme.charts
            return ctx.styles.layout.frame_width * theme.height_in / theme.width_in + 4 * lead
        case _:
            assert_never(block)


def lead_in(block: Block) -> bool:
    """A paragraph that introduces what follows: ends with a colon, or is all bold."""
    if not isinstance(block, Paragraph) or not block.content:
        return False
    text = plain_text(block.content).rstrip()
    return text.endswith(":") or all(isinstance(s, Strong) for s in block.content)


def _blocks(blocks: tuple[Block, ...], ctx: RenderContext) -> list[Flowable]:
    rendered = [render_block(block, ctx) for block in blocks]
    out: list[Flowable] = []
    for i, (block, flowables) in enumerate(zip(blocks, rendered, strict=True)):
        out.append(At(block.at, type(block).__name__))
        if i + 1 < len(blocks) and lead_in(block) and len(flowables) == 1:
            nxt = blocks[i + 1]
            first = rendered[i + 1][0] if isinstance(nxt, BulletList) and rendered[i + 1] else None
            if isinstance(first, KeepStart):
                first = first.head
            out.append(KeepStart(flowables[0], first, start_height(nxt, ctx)))
        out.extend(flowables)
    return out


def _section(section: Section, ctx: RenderContext) -> list[Flowable]:
    heading = render_heading(section, ctx)
    first = section.blocks[0] if section.blocks else None
    style = heading[0].style if hasattr(heading[0], "style") else ctx.styles.section
    need = style.spaceBefore + style.leading * 2 + style.spaceAfter + start_height(first, ctx)
    out: list[Flowable] = [At(section.at, "section"), CondPageBreak(need), *heading]
    outer, ctx.heading_level = ctx.heading_level, 2 if section.level <= 2 else 3
    out.extend(_blocks(section.blocks, ctx))
    for sub in section.sections:
        with ctx.within(ctx.elem("Sect")):
            out.extend(_section(sub, ctx))
    ctx.heading_level = outer
    return out


def build_story(briefing: Briefing, ctx: RenderContext) -> list[Flowable]:
    """Cover, contents, parts, references, notes pages, back page.

    The notes pages pad the page count so that the back cover is the back of the last
    sheet: an even count on screen, a multiple of four for a print shop's booklet (see
    :mod:`builder.pdf.finish`); none when the count already fits."""
    story: list[Flowable] = [NextPageTemplate(INNER), PageBreak()]
    story += render_contents(briefing, ctx)
    for part in briefing.parts:
        with ctx.within(ctx.elem("Part")):
            story += [NextPageTemplate(OPENER), PageBreak(), At(part.at, "part")]
            story += render_part_heading(part, ctx)
            story.append(NextPageTemplate(INNER))
            story += _blocks(part.blocks, ctx)
            for section in part.sections:
                with ctx.within(ctx.elem("Sect")):
                    story += _section(section, ctx)
    if briefing.references:
        # after the body on the same page when a good share of the page is left: a new
        # page would leave the last body page mostly empty, and often a near-empty one after
        need = ctx.styles.layout.frame_height / 3
        with ctx.within(ctx.elem("Sect")):
            story += [CondPageBreak(need),
                      *render_plain_heading(REFERENCES_ID, "References", ctx)]
            story += render_references(briefing.references, ctx)
    story += [PadPages(ctx.styles.layout.finish), NextPageTemplate(BACK), PageBreak(),
              *render_backpage(briefing.meta, ctx)]
    return story
