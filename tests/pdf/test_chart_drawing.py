"""svg_to_drawing: chart text reaches the PDF as real text in Source Sans Pro."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, String

from builder.charts.data import chart_data
from builder.charts.render import render_chart
from builder.pdf.chart_drawing import svg_to_drawing
from builder.theme import load_theme
from tests.charts.helpers import briefing, spec, table

THEME = load_theme()
T = table("t", ["a", "b"], [["Fatal physical abuse", "46 (22%)", "18 (14%)"],
                            ["Late consequences", "n/a", "1 (1%)"]])


def strings(node: Drawing | Group) -> list[String]:
    out: list[String] = []
    for child in node.contents:
        if isinstance(child, String):
            out.append(child)
        elif isinstance(child, Group):
            out.extend(strings(child))
    return out


def drawing(width_pt: float) -> Drawing:
    b = briefing(tables=(T,), charts=(spec("c", "t", ["a", "b"], kind="grouped",
                                           title="Costs of $5M & more"),))
    svg, _ = render_chart(chart_data(b, b.charts[0]), "grouped", THEME)
    return svg_to_drawing(svg, THEME, width_pt)


def test_text_is_strings_in_the_brand_fonts() -> None:
    d = drawing(THEME.charts.width_in * 72)
    found = strings(d)
    texts = {s.text for s in found}
    assert {"46", "18", "1", "n/a", "Costs of $5M & more", "Fatal physical abuse"} <= texts
    fonts = {s.fontName for s in found}
    assert fonts <= {"SourceSansPro-Regular", "SourceSansPro-Semibold", "SourceSansPro-It",
                     "SourceSansPro-Bold"}, fonts
    assert "SourceSansPro-Semibold" in fonts and "SourceSansPro-It" in fonts  # title, gap


def test_scaled_to_width() -> None:
    d = drawing(300.0)
    assert abs(d.width - 300.0) < 1e-6
    natural = drawing(THEME.charts.width_in * 72)
    assert abs(d.height / d.width - natural.height / natural.width) < 1e-6


def test_pdf_has_extractable_text_in_embedded_source_sans() -> None:
    buf = io.BytesIO()
    renderPDF.drawToFile(drawing(450.0), buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()), strict=True)
    page = reader.pages[0]
    text = page.extract_text()
    assert "Costs of $5M & more" in text and "Fatal physical abuse" in text and "46" in text
    fonts = page["/Resources"]["/Font"]
    used = {str(fonts[k].get_object()["/BaseFont"]) for k in fonts}
    brand = {f for f in used if "SourceSansPro" in f}
    assert len(brand) >= 3
    for f in fonts:  # every brand font embedded
        obj = fonts[f].get_object()
        if "SourceSansPro" in str(obj["/BaseFont"]):
            assert "/FontFile2" in obj["/FontDescriptor"].get_object() or \
                "/DescendantFonts" in obj
