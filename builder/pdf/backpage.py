"""The back page: publisher, authors, acknowledgements, copyright and colophon."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from builder.model import Metadata
from builder.pdf.context import RenderContext
from builder.pdf.para import Paragraph
from builder.pdf.tags import tag
from builder.pdf.text import link, plain, safe_url


def _link(text: str, url: str | None, colour: str) -> str:
    if url is None:
        return plain(text)
    return link(plain(text), url, text, colour)


def render_backpage(meta: Metadata, ctx: RenderContext) -> list[Flowable]:
    """The back page's text, tagged as one section: its labels as headings."""
    s = ctx.styles
    colour = ctx.inline.link_colour
    pub = meta.publisher
    out: list[Flowable] = [Paragraph(plain(pub.name), s.box_title)]
    lines = [plain(a) for a in pub.address]
    if pub.telephone:
        lines.append("tel " + plain(pub.telephone))
    if pub.email:
        lines.append("email " + _link(pub.email, "mailto:" + pub.email, colour))
    if pub.website:
        lines.append(_link(pub.website, safe_url(pub.website), colour))
    if lines:
        out.append(Paragraph("<br/>".join(lines), s.back_text))
    if meta.authors:
        out += [Paragraph("Authors", s.back_heading),
                Paragraph(plain(_and(meta.authors)), s.back_text)]
    if meta.acknowledgements:
        out.append(Paragraph("Acknowledgements", s.back_heading))
        out += [Paragraph(plain(a), s.back_text) for a in meta.acknowledgements]
    out.append(Spacer(1, 10))
    out += [Paragraph(plain(line), s.back_small) for line in meta.colophon]
    if meta.copyright:
        out.append(Paragraph(plain(meta.copyright), s.back_text))
    with ctx.within(ctx.elem("Sect")):
        for f in out:
            if isinstance(f, Paragraph):
                tag(f, ctx.elem("H2" if f.style is s.back_heading else "P"))
    return out


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
