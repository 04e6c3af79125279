"""The reference list: hanging indent, live links (the url field and any address in the text)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from builder.model import Reference, plain_text
from builder.pdf.context import RenderContext
from builder.pdf.para import Paragraph
from builder.pdf.tags import Elem, tag
from builder.pdf.text import esc, link, markup, safe_url


def _shown(url: str, text: str) -> bool:
    bare = url.split("://", 1)[-1].rstrip("/")
    return bare in text or bare.removeprefix("www.") in text


def render_reference(ref: Reference, ctx: RenderContext) -> Flowable:
    text = markup(ref.text, ctx.inline)
    url = safe_url(ref.url) if ref.url else None
    if url and not _shown(url, plain_text(ref.text)):
        colour = ctx.inline.link_colour
        text += " " + link(esc(ref.url), url, ref.url, colour)
    return tag(Paragraph(text, ctx.styles.reference), Elem("LBody", ctx.elem("LI")))


def render_references(refs: tuple[Reference, ...], ctx: RenderContext) -> list[Flowable]:
    """A list (L) of items (LI), each a body (LBody) holding its text and its links."""
    with ctx.within(ctx.elem("L")):
        return [render_reference(r, ctx) for r in refs]
