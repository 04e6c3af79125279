"""Case examples: a tinted box with a 'Case example' label and optional title."""

from __future__ import annotations

from typing import assert_never

from reportlab.platypus import Flowable

from builder.model import BulletList, CaseExample, Quote
from builder.model import Paragraph as ParagraphBlock
from builder.pdf.box import Box, BoxLook
from builder.pdf.context import RenderContext
from builder.pdf.lists import render_items
from builder.pdf.para import Paragraph
from builder.pdf.quotes import render_quote
from builder.pdf.tags import tag
from builder.pdf.text import markup, plain


def render_case_example(block: CaseExample, ctx: RenderContext) -> list[Flowable]:
    with ctx.within(ctx.elem("Div")):  # the box; its "(continued)" titles are artifacts
        return _case_example(block, ctx)


def _case_example(block: CaseExample, ctx: RenderContext) -> list[Flowable]:
    s = ctx.styles
    label = "Case example" + (": " if block.title else "")
    title = tag(Paragraph(f"{label}{plain(block.title)}", s.box_label),
                ctx.elem(ctx.box_heading()))
    content: list[Flowable] = []
    for b in block.blocks:
        match b:
            case ParagraphBlock():
                content.append(tag(Paragraph(markup(b.content, ctx.inline), s.box_body),
                                   ctx.elem("P")))
            case Quote():
                content.extend(render_quote(b, ctx))
            case BulletList():
                content.extend(render_items(b.items, ctx, s.box_bullet))
            case _:
                assert_never(b)
    look = BoxLook(padding=s.layout.box_padding, background=s.colours.tint,
                   left_rule=s.colours.accent, rule_width=s.layout.box_rule,
                   space_before=s.layout.box_space / 2, space_after=s.layout.box_space)

    def continued() -> Flowable:
        return Paragraph(f"{label}{plain(block.title)} (continued)", s.box_label)

    return [Box(content, look, title, continued)]
