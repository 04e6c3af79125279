"""The private python-pptx behaviour the deck relies on, through its wrapper
(``builder/deck/_pptx.py``), checked on the installed python-pptx: an update that moves
or changes one fails here, by name."""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from datetime import datetime

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.package import Part
from pptx.util import Inches

from builder.deck import _pptx


def test_the_private_hooks_overridden_still_exist() -> None:
    import inspect

    assert list(inspect.signature(CategoryWorkbookWriter._populate_worksheet).parameters) == [
        "self", "workbook", "worksheet"]
    assert "_workbook_writer" in CategoryChartData.__dict__
    assert CategoryWorkbookWriter(CategoryChartData())._chart_data is not None


def test_text_paragraph_and_run_xml() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    frame = slide.shapes.add_textbox(0, 0, Inches(2), Inches(1)).text_frame
    frame.text = "Words"
    assert _pptx.text_frame_xml(frame).tag.endswith("}txBody")
    p = frame.paragraphs[0]
    assert _pptx.paragraph_xml(p).tag.endswith("}p")
    assert _pptx.run_xml(p.runs[0]).tag.endswith("}r")


def test_shapes_added_by_xml_and_slides_listed() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    box = slide.shapes.add_textbox(0, 0, Inches(2), Inches(1))
    first = _pptx.next_shape_id(slide)
    copy = deepcopy(box.element)
    copy.nvSpPr.cNvPr.set("id", str(first))
    _pptx.shape_tree(slide).append(copy)
    assert len(slide.shapes) == 3 and _pptx.next_shape_id(slide) == first + 1
    assert len(_pptx.slide_id_list(prs)) == 1


def test_a_part_saved_with_other_bytes() -> None:
    prs = Presentation()
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    assert isinstance(theme, Part)
    _pptx.replace_blob(theme, theme.blob.replace(b"Office Theme", b"Brand Theme"))
    out = io.BytesIO()
    prs.save(out)
    with zipfile.ZipFile(out) as z:
        assert b"Brand Theme" in z.read(theme.partname.lstrip("/"))


def test_chart_axis_xml_and_a_workbook_with_a_fixed_date() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    data = _pptx.DatedChartData(datetime(2000, 1, 1))
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, 0, 0, Inches(4), Inches(3),
                                   data).chart
    assert _pptx.axis_xml(chart.category_axis).tag.endswith("}catAx")
    workbook = chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(workbook)) as z:
        assert b"2000-01-01T00:00:00Z" in z.read("docProps/core.xml")
