"""Bullet lists in chevron style (›), nested levels indented and quieter."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from builder.model import BulletList, ListItem
from builder.pdf.context import RenderContext
from builder.pdf.keep import KeepStart
from builder.pdf.para import Paragraph
from builder.pdf.tags import Elem, tag
from builder.pdf.text import markup


def render_items(items: tuple[ListItem, ...], ctx: RenderContext,
                 styles: tuple[ParagraphStyle, ...], level: int = 0) -> list[Flowable]:
    """One paragraph per item, depth first; levels past the last style reuse it. An item
    with sub-items never ends a page: it moves on with its first sub-item. Tagged as a
    list (L) of items (LI); sub-items are a list inside their item."""
    with ctx.within(ctx.elem("L")):
        return _items(items, ctx, styles, level)


def _items(items: tuple[ListItem, ...], ctx: RenderContext,
           styles: tuple[ParagraphStyle, ...], level: int) -> list[Flowable]:
    style = styles[min(level, len(styles) - 1)]
    bullet = ctx.styles.chevron
    out: list[Flowable] = []
    for item in items:
        elem = ctx.elem("LI")
        body = Elem("LBody", elem)
        para = tag(Paragraph(markup(item.content, ctx.inline), style, bulletText=bullet), body,
                   Elem("Lbl", elem))
        with ctx.within(body):
            children = render_items(item.children, ctx, styles, level + 1) if item.children else []
        if children:
            first = next((f for f in children if not isinstance(f, KeepStart)), None)
            out.append(KeepStart(para, first))
        out.append(para)
        out.extend(children)
    return out


def render_list(block: BulletList, ctx: RenderContext) -> list[Flowable]:
    flowables = render_items(block.items, ctx, ctx.styles.bullet)
    if flowables:  # a little air after the list, like after a paragraph
        last = flowables[-1]
        last.spaceAfter = max(last.getSpaceAfter(), ctx.styles.body.spaceAfter)
    return flowables
