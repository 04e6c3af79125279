"""Learning points: the branded call-out box; splits between points with a
'(continued)' title on the next page."""

from __future__ import annotations

from reportlab.platypus import Flowable

from builder.model import LearningPoints
from builder.pdf.box import Box, BoxLook
from builder.pdf.context import RenderContext
from builder.pdf.lists import render_items
from builder.pdf.para import Paragraph
from builder.pdf.tags import tag
from builder.pdf.text import plain


def render_learning_points(block: LearningPoints, ctx: RenderContext,
                           note: str = "") -> list[Flowable]:
    """The box; ``note`` (markup), if given, is a small paragraph under its title."""
    s = ctx.styles
    title_text = plain(block.title or "Learning points")
    look = BoxLook(padding=s.layout.box_padding + 2, background=s.colours.tint_green,
                   top_rule=s.colours.secondary, rule_width=s.layout.box_rule + 1,
                   space_before=s.layout.box_space, space_after=s.layout.box_space + 2)

    def continued() -> Flowable:
        return Paragraph(f"{title_text} (continued)", s.box_title)

    # the box, titled by a heading a level below the section's; "(continued)" is an artifact
    with ctx.within(ctx.elem("Div")):
        title = tag(Paragraph(title_text, s.box_title), ctx.elem(ctx.box_heading()))
        first = [tag(Paragraph(note, s.note), ctx.elem("P"))] if note else []
        items = first + render_items(block.items, ctx, s.box_bullet)
    return [Box(items, look, title, continued, lead=len(first))]
