"""The contents page: parts and sections with real page numbers, dot leaders and links."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Table as RLTable

from builder.model import Briefing
from builder.pdf.context import RenderContext, anchor
from builder.pdf.para import Paragraph
from builder.pdf.tags import Elem, tag
from builder.pdf.text import dest, plain

CONTENTS_ID = "contents"
REFERENCES_ID = "references"


@dataclass(frozen=True, slots=True)
class Entry:
    node_id: str
    title: str
    level: int  # 0 part, 1 section


def contents_entries(briefing: Briefing) -> list[Entry]:
    """Parts, their sections, and the references, in reading order."""
    out: list[Entry] = []
    for part in briefing.parts:
        out.append(Entry(part.id, part.title, 0))
        out.extend(Entry(s.id, s.title, 1) for s in part.sections)
    if briefing.references:
        out.append(Entry(REFERENCES_ID, "References", 0))
    return out


def render_contents(briefing: Briefing, ctx: RenderContext) -> list[Flowable]:
    s = ctx.styles
    page_of = ctx.inline.page_of
    rows: list[list[Flowable]] = []
    part_rows: list[int] = []
    title = tag(Paragraph(anchor(CONTENTS_ID) + "Contents", s.contents_title), ctx.elem("H1"))
    toc = ctx.elem("TOC")
    for e in contents_entries(briefing):
        item = Elem("TOCI", toc)
        if e.level == 0:
            part_rows.append(len(rows))
        page = page_of.get(e.node_id, 0)
        link = f'<a href="#{dest(e.node_id)}">'
        title_style = s.contents_part if e.level == 0 else s.contents_section
        page_style = s.contents_part_page if e.level == 0 else s.contents_page
        rows.append([tag(Paragraph(f"{link}{plain(e.title)}</a>", title_style), item),
                     tag(Paragraph(f"{link}{page or ''}</a>", page_style), item)])
    width = s.layout.frame_width
    table = RLTable(rows, colWidths=[width - 30, 30], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *[("TOPPADDING", (0, r), (-1, r), 14 if r else 0) for r in part_rows],
        *[("BOTTOMPADDING", (0, r), (-1, r), 5) for r in part_rows],
    ]))
    return [title, table]
