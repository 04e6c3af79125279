"""Quotations: SCR extracts (italic, ruled) and children's own words (larger, quote mark)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from builder.model import Quote
from builder.pdf.box import Box, BoxLook
from builder.pdf.context import RenderContext
from builder.pdf.para import Paragraph
from builder.pdf.tags import tag
from builder.pdf.text import markup


def quote_look(ctx: RenderContext, voice: bool) -> BoxLook:
    s, lay = ctx.styles, ctx.styles.layout
    if voice:
        return BoxLook(padding=6, left_rule=s.colours.highlight, rule_width=lay.quote_rule,
                       indent=lay.quote_indent, quote_mark=s.colours.highlight,
                       quote_mark_font=s.fonts.bold, space_before=4, space_after=10)
    return BoxLook(padding=4, left_rule=s.colours.accent, rule_width=lay.quote_rule,
                   indent=lay.quote_indent, space_before=2, space_after=9)


def render_quote(block: Quote, ctx: RenderContext) -> list[Flowable]:
    voice = block.kind == "voice"
    style = ctx.styles.quote_voice if voice else ctx.styles.quote_scr
    with ctx.within(ctx.elem("BlockQuote")):
        paras: list[Flowable] = [tag(Paragraph(markup(p, ctx.inline), style), ctx.elem("P"))
                                 for p in block.paragraphs]
        if block.attribution:
            paras.append(tag(Paragraph("\u2014\u2009" + markup(block.attribution, ctx.inline),
                                       ctx.styles.attribution), ctx.elem("P")))
    return [Box(paras, quote_look(ctx, voice))]
