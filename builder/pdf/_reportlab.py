"""Every use of reportlab's private API, in one place.

reportlab offers no public way to do a few things the renderer needs: lay a document out
without writing it (a pass that may be thrown away), reach the content-stream operators
of the page or text object being drawn (marked content for the tags), know the page
being drawn, the current transformation and the text being set, reach a canvas's PDF
document (structure tree, metadata, page boxes), change a frame's height between pages,
keep a paragraph's line breaks per width, and hook the canvas adding an annotation and a
text object writing a line. Each is one function or class here.

``tests/pdf/test_private_apis.py`` checks every name below against the installed
reportlab and fails, naming it, when an update moves or changes one; ``pyproject.toml``
bounds reportlab to the versions that test has passed with.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.frames import Frame
from reportlab.platypus.paragraph import _FUZZ  # type: ignore[attr-defined]

FUZZ: float = _FUZZ  # below this width reportlab's Paragraph.wrap does not break lines


def lay_out_only(doc: BaseDocTemplate) -> None:
    """``doc.build`` lays out and draws every page but writes no file."""
    doc._doSave = 0


def pdf_document(canv: Canvas) -> Any:
    """The canvas's PDF document (``PDFDocument``: pages, catalog, info, annotations)."""
    return canv._doc


def page_ops(canv: Canvas) -> list[str]:
    """The content-stream operators of the page being drawn, in order (appendable)."""
    return canv._code  # type: ignore[no-any-return]


def text_ops(text: PDFTextObject) -> list[str]:
    """The operators of a text object not yet drawn (appendable)."""
    return text._code  # type: ignore[no-any-return]


def format_text(text: PDFTextObject, words: str) -> str:
    """The operator that shows ``words`` in the text object's current font."""
    return text._formatText(words)  # type: ignore[no-any-return]


def page_index(canv: Canvas) -> int:
    """The 0-based index of the page being drawn."""
    return canv._pageNumber - 1  # type: ignore[no-any-return]


def page_size(canv: Canvas) -> tuple[float, float]:
    return canv._pagesize  # type: ignore[no-any-return]


def current_matrix(canv: Canvas) -> tuple[float, float, float, float, float, float]:
    """The current transformation (a, b, c, d, e, f)."""
    return tuple(canv._currentMatrix)  # type: ignore[return-value]


def text_position(canv: Canvas) -> tuple[float, float] | None:
    """Where the text a paragraph is drawing has got to (text space), or None between
    paragraphs."""
    info = getattr(canv, "_curr_tx_info", None)
    return (info["cur_x"], info["cur_y"]) if info else None


def text_in_progress(canv: Canvas) -> PDFTextObject | None:
    """The text object a paragraph is drawing, or None between paragraphs."""
    info = getattr(canv, "_curr_tx_info", None)
    return info["tx"] if info else None


def resize_frame(frame: Frame, y1: float, height: float) -> None:
    """Move the frame's foot to ``y1`` with this ``height`` and empty it, for the next page."""
    frame.__dict__["_y1"] = y1
    frame.__dict__["_height"] = height
    frame._geom()
    frame._reset()


def wrap_state(para: Paragraph) -> tuple[Any, Any]:
    """What ``Paragraph.wrap`` decided: the line widths and the lines."""
    return para.__dict__["_wrapWidths"], para.__dict__["blPara"]


def restore_wrap(para: Paragraph, state: tuple[Any, Any], width: float, height: float) -> None:
    """Make ``para`` as ``wrap`` at ``width`` left it, from ``wrap_state`` of that wrap."""
    para.__dict__.update(width=width, _wrapWidths=state[0], blPara=state[1], height=height)


def annotation_fields(annotation: Any, extra: tuple[str, ...]) -> dict[str, Any]:
    """The entries of an annotation (a PDF dictionary, or one of reportlab's Annotation
    objects, which then also accepts the ``extra`` keys), to read and set."""
    if isinstance(annotation, PDFDictionary):
        return annotation.dict  # type: ignore[no-any-return]
    annotation.permitted = (*type(annotation).permitted, *extra)
    return annotation.otherkw  # type: ignore[no-any-return]


class HookedCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose every annotation (a link) passes through :meth:`add_annotation`."""

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1  # noqa: N802
                       ) -> None:
        self.add_annotation(annotation, name, addtopage)

    def add_annotation(self, annotation: Any, name: Any, addtopage: int) -> None:
        """Add the annotation to the document (and the page); override to see it first."""
        Canvas._addAnnotation(self, annotation, name, addtopage)


class HookedTextObject(PDFTextObject):  # type: ignore[misc]
    """A text object whose every line passes through :meth:`write_line` (``line_break``:
    reportlab's T*, the line ends after ``text``)."""

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803
        self.write_line(text, bool(TStar))

    def write_line(self, text: str, line_break: bool) -> None:
        PDFTextObject._textOut(self, text, int(line_break))
