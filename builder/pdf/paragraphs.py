"""Body paragraphs: left-aligned, ragged right, no widows or orphans."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from builder.model import Paragraph as ParagraphBlock
from builder.pdf.context import RenderContext
from builder.pdf.para import Paragraph
from builder.pdf.tags import tag
from builder.pdf.text import markup


def render_paragraph(block: ParagraphBlock, ctx: RenderContext,
                     style: ParagraphStyle | None = None) -> list[Flowable]:
    return [tag(Paragraph(markup(block.content, ctx.inline), style or ctx.styles.body),
                ctx.elem("P"))]
