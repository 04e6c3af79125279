"""Every use of python-pptx's private API, in one place.

python-pptx gives the XML of shapes, slides, masters, layouts, notes slides, charts
and the presentation publicly (``.element``); the deck also needs, and only python-pptx's
private attributes give: the XML of a text frame, a paragraph, a run and a chart axis,
a slide's shape tree and next free shape id, the presentation's slide id list, a part's
bytes replaced, and the embedded chart workbook written with a fixed date (XlsxWriter
writes the time of the build, so two builds would differ). Each is one function here.

``tests/deck/test_private_apis.py`` checks them against the installed python-pptx and
fails, naming the one that moved; ``pyproject.toml`` bounds python-pptx to the versions
that test has passed with.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.opc.package import Part


def text_frame_xml(frame: Any) -> Any:
    """The ``p:txBody`` of a text frame."""
    return frame._txBody


def paragraph_xml(paragraph: Any) -> Any:
    """The ``a:p`` of a paragraph."""
    return paragraph._p


def run_xml(run: Any) -> Any:
    """The ``a:r`` of a run."""
    return run._r


def axis_xml(axis: Any) -> Any:
    """The ``c:catAx``/``c:valAx`` of a chart axis."""
    return axis._element


def shape_tree(slide: Any) -> Any:
    """The ``p:spTree`` holding a slide's shapes (append to add one)."""
    return slide.shapes._spTree


def next_shape_id(slide: Any) -> int:
    """The id a new shape on the slide must take."""
    return slide.shapes._next_shape_id  # type: ignore[no-any-return]


def slide_id_list(prs: Any) -> Any:
    """The presentation's ``p:sldIdLst`` (which slides, in which order)."""
    return prs.slides._sldIdLst


def replace_blob(part: Part, blob: bytes) -> None:
    """Make ``blob`` the bytes the part is saved with."""
    part._blob = blob


class _DatedWorkbook(CategoryWorkbookWriter):  # type: ignore[misc]
    def _populate_worksheet(self, workbook: Any, worksheet: Any) -> None:
        workbook.set_properties({"created": self._chart_data.created})
        super()._populate_worksheet(workbook, worksheet)


class DatedChartData(CategoryChartData):  # type: ignore[misc]
    """Category chart data whose embedded workbook says it was created at ``created``."""

    def __init__(self, created: datetime, number_format: str = "General") -> None:
        super().__init__(number_format)
        self.created = created

    @property
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _DatedWorkbook(self)
