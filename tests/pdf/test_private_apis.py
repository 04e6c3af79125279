"""The private reportlab and svglib behaviour the PDF renderer relies on, each through its
wrapper (``builder/pdf/_reportlab.py``, ``builder/pdf/_svglib.py``), checked on the
installed libraries: an update that moves or changes one fails here, by name."""

from __future__ import annotations

import inspect
import io
from pathlib import Path
from typing import Any

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFDocument
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Frame, Paragraph, SimpleDocTemplate, Spacer

from builder.pdf import _reportlab as rl
from builder.pdf import _svglib as sv


def _params(func: Any) -> list[str]:
    return list(inspect.signature(func).parameters)


def test_the_private_methods_overridden_keep_their_signatures() -> None:
    assert _params(Canvas._addAnnotation) == ["self", "annotation", "name", "addtopage"]
    assert _params(PDFTextObject._textOut) == ["self", "text", "TStar"]
    assert _params(PDFTextObject._formatText) == ["self", "text"]


def test_a_document_laid_out_only_writes_no_file(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    doc = SimpleDocTemplate(str(path))
    rl.lay_out_only(doc)
    doc.build([Paragraph("Words", getSampleStyleSheet()["Normal"])])
    assert not path.exists()
    assert doc.page == 1


class _Seen(rl.HookedCanvas):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[Any] = []

    def add_annotation(self, annotation: Any, name: Any, addtopage: int) -> None:
        fields = rl.annotation_fields(annotation, ("F",))
        fields["F"] = 4
        self.seen.append(annotation)
        super().add_annotation(annotation, name, addtopage)


def test_canvas_internals_and_the_annotation_hook() -> None:
    out = io.BytesIO()
    canv = _Seen(out)
    assert isinstance(rl.pdf_document(canv), PDFDocument)
    assert rl.page_index(canv) == 0 and rl.page_size(canv) == canv._pagesize
    canv.translate(10, 20)
    assert rl.current_matrix(canv) == (1, 0, 0, 1, 10, 20)
    rl.page_ops(canv).append("% marked")
    assert rl.text_position(canv) is None and rl.text_in_progress(canv) is None
    canv.linkURL("https://example.org", (0, 0, 50, 10))
    assert len(canv.seen) == 1
    canv.showPage()
    assert rl.page_index(canv) == 1
    canv.save()
    data = out.getvalue()
    assert b"/F 4" in data and b"https://example.org" in data
    page = rl.pdf_document(canv).Pages.pages[0]
    assert b"% marked" in page.stream.encode() if isinstance(page.stream, str) \
        else b"% marked" in page.stream


class _Lines(rl.HookedTextObject):
    lines: list[tuple[str, bool]] = []

    def write_line(self, text: str, line_break: bool) -> None:
        self.lines.append((text, line_break))
        super().write_line(text, line_break)


class _LinesCanvas(Canvas):
    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:  # noqa: N802
        return _Lines(self, x, y, direction)


def test_a_paragraph_writes_each_line_through_the_line_hook() -> None:
    canv = _LinesCanvas(io.BytesIO())
    para = Paragraph("one two three four", getSampleStyleSheet()["Normal"])
    para.wrap(40, 100)
    para.drawOn(canv, 0, 0)
    assert " ".join(line for line, _ in _Lines.lines) == "one two three four"
    assert len(_Lines.lines) == len(para.blPara.lines) > 1
    assert all(brk for _, brk in _Lines.lines)
    text = canv.beginText(0, 0)
    text.setFont("Helvetica", 10)
    assert rl.format_text(text, "x") == "(x) Tj"
    rl.text_ops(text).append(rl.format_text(text, "y"))
    assert rl.text_ops(text)[-1] == "(y) Tj"


def test_where_a_paragraph_is_drawing(tmp_path: Path) -> None:
    seen: list[Any] = []

    def during(canv: Any, kind: str, label: str) -> None:
        seen.append((rl.text_in_progress(canv), rl.text_position(canv)))

    doc = SimpleDocTemplate(str(tmp_path / "y.pdf"))

    def first_page(canv: Any, _doc: Any) -> None:
        canv.setNamedCB("probe", during)

    doc.build([Paragraph('Before <onDraw name="probe" label="x"/> after',
                         getSampleStyleSheet()["Normal"])], onFirstPage=first_page)
    (text, position), = seen
    assert isinstance(text, PDFTextObject) and position is not None


def test_a_resized_frame_holds_what_fits_its_new_height() -> None:
    canv = Canvas(io.BytesIO())
    frame = Frame(0, 0, 200, 100, showBoundary=0, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    assert frame.add(Spacer(1, 60), canv) == 1
    rl.resize_frame(frame, 0, 50)
    assert frame.add(Spacer(1, 60), canv) == 0
    assert frame.add(Spacer(1, 40), canv) == 1


def test_a_paragraph_wrap_can_be_kept_and_restored() -> None:
    para = Paragraph("word " * 40, getSampleStyleSheet()["Normal"])
    _, narrow_h = para.wrap(100, 1000)
    narrow = rl.wrap_state(para)
    narrow_lines = len(para.blPara.lines)
    para.wrap(400, 1000)
    assert len(para.blPara.lines) < narrow_lines
    rl.restore_wrap(para, narrow, 100, narrow_h)
    assert len(para.blPara.lines) == narrow_lines and para.height == narrow_h
    assert 0 < rl.FUZZ < 1


def test_annotation_fields_of_a_dictionary() -> None:
    d = PDFDictionary({"Subtype": "/Link"})
    rl.annotation_fields(d, ())["F"] = 4
    assert d.dict["F"] == 4


SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="20pt" viewBox="0 0 100 20">
<text x="0" y="15" style="font-family:'Brand Sans';font-weight:700;font-size:10px">Bold</text>
<text x="50" y="15" style="font-family:'Other';font-size:10px">Other</text></svg>"""


def test_svglib_asks_our_font_lookup_and_renders() -> None:
    from reportlab.graphics.shapes import Group, String

    fonts = sv.font_lookup(frozenset({"brand sans"}), {("700", "normal"): "Helvetica-Bold"},
                           "Helvetica")
    assert fonts.find_font("Brand Sans", "700", "normal") == ("Helvetica-Bold", True)
    assert fonts.find_font("brand sans", "300", "italic") == ("Helvetica", False)
    drawing = sv.render_svg(SVG, fonts)

    def strings(node: Any) -> list[Any]:
        out = []
        for child in getattr(node, "contents", []):
            out += [child] if isinstance(child, String) else strings(child) \
                if isinstance(child, Group) else []
        return out

    found = {s.text: s.fontName for s in strings(drawing)}
    assert found["Bold"] == "Helvetica-Bold" and found["Other"] != "Helvetica-Bold"
    assert round(drawing.width) == 100
