"""Data tables: 'Table N: title' caption, header row repeated on every page, zebra rows,
numbers right-aligned, notes underneath. Long cells split across pages."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from builder.model import Table
from builder.pdf.context import RenderContext, anchor
from builder.pdf.para import Paragraph
from builder.pdf.tags import Elem, tag
from builder.pdf.text import markup, plain


def column_widths(block: Table, ctx: RenderContext, width: float) -> list[float]:
    """Number columns as wide as their cells and their header on at most three lines;
    the label column between 30% and 50% of the width; the rest shared in proportion."""
    s = ctx.styles
    pad = 2 * (s.layout.table_padding + 1) + 2
    size = s.table_label.fontSize

    def w(text: str, font: str) -> float:
        return stringWidth(text, font, size)

    data = []
    for j, col in enumerate(block.columns[1:]):
        cells = [row.cells[j].text for row in block.rows if j < len(row.cells)]
        words = [w(word, s.fonts.semibold) for word in col.label.split()] or [0.0]
        data.append(max([w(c, s.fonts.regular) for c in cells] + words
                        + [w(col.label, s.fonts.semibold) / 3]) + pad)
    if not data:
        return [width]
    natural = max([w(r.label, s.fonts.regular) for r in block.rows] + [0.0]) + pad
    label = min(max(natural, 0.30 * width), 0.50 * width)
    rest = width - label
    return [label] + [d * rest / sum(data) for d in data]


def table_style(ctx: RenderContext) -> TableStyle:
    """The brand's table look: a dark header row, zebra rows, rules, padding."""
    c, pad = ctx.styles.colours, ctx.styles.layout.table_padding
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), c.primary),
        ("FONTNAME", (0, 0), (-1, -1), ctx.styles.fonts.regular),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [c.white, c.tint]),
        ("LINEBELOW", (0, -1), (-1, -1), 1.2, c.primary),
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, c.rule),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ])


def render_table(block: Table, ctx: RenderContext) -> list[Flowable]:
    """Tagged as Table > Caption, TR > TH (column heads; row labels with scope Row) and
    TD; the header row repeated on later pages is an artifact."""
    s = ctx.styles
    table_elem = ctx.elem("Table")
    head_right = s.table_head.clone("table_head_r", alignment=2)
    tr = Elem("TR", table_elem)
    header = [tag(Paragraph(plain(block.columns[0].label), s.table_head),
                  Elem("TH", tr, scope="Column"))] + [
        tag(Paragraph(plain(col.label), head_right), Elem("TH", tr, scope="Column"))
        for col in block.columns[1:]]
    rows: list[list[Flowable]] = [header]
    for row in block.rows:
        tr = Elem("TR", table_elem)
        rows.append([tag(Paragraph(plain(row.label), s.table_label), Elem("TH", tr, scope="Row"))]
                    + [tag(Paragraph(plain(cell.text), s.table_number), Elem("TD", tr))
                       for cell in row.cells])
    width = s.layout.frame_width
    table = RLTable(rows, colWidths=column_widths(block, ctx, width),
                    repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(ctx))
    caption = tag(Paragraph(f"{anchor(block.id)}Table {block.number}: {plain(block.title)}",
                            s.table_caption), Elem("Caption", table_elem))
    first_rows = s.table_caption.leading * 2 + s.table_head.leading * 3 + 4 * s.table_label.leading
    out: list[Flowable] = [CondPageBreak(first_rows + 24), caption, table]
    if block.notes:
        out.append(Spacer(1, 4))
        out.extend(tag(Paragraph(markup(n, ctx.inline), s.note), ctx.elem("P"))
                   for n in block.notes)
    out.append(Spacer(1, s.body.spaceAfter + 4))
    return out
