"""The deck passes the checks of PowerPoint's Accessibility Checker that can be made from
the file: every slide has a title, titles are unique, the title is read first, every
picture, chart, table and group has alt text, tables have a header row, the language is
set, and charts tell series apart by more than colour. (Contrast of the slide colours is
checked from the brand in tests/test_contrast.py; the checker's own session in PowerPoint
is not run here.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

TITLES = ("title", "ctrTitle")


def problems(path: Path) -> Iterator[str]:
    """One line per failed check, naming the slide."""
    deck = Presentation(str(path))
    seen: dict[str, int] = {}
    for number, slide in enumerate(deck.slides, start=1):
        yield from _slide(number, slide, seen)


def _slide(number: int, slide: Any, seen: dict[str, int]) -> Iterator[str]:
    shapes = list(slide.shapes)
    titles = [sh for sh in shapes if sh.is_placeholder
              and sh.placeholder_format.type is not None
              and sh._element.find(f".//{qn('p:ph')}").get("type") in TITLES]
    text = titles[0].text_frame.text.strip() if titles else ""
    if not text:
        yield f"slide {number}: missing slide title"
    elif text in seen:
        yield f"slide {number}: duplicate slide title {text!r} (slide {seen[text]})"
    else:
        seen[text] = number
    if titles and shapes[0] is not titles[0]:
        yield f"slide {number}: the title is not first in the reading order"
    for sh in shapes:
        yield from _shape(number, sh)


def _shape(number: int, sh: Any) -> Iterator[str]:
    kind = sh.shape_type
    needs_alt = kind in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.GROUP, MSO_SHAPE_TYPE.CHART,
                         MSO_SHAPE_TYPE.TABLE) or getattr(sh, "has_chart", False)
    props = sh._element.find(f".//{qn('p:cNvPr')}")
    if needs_alt and not (props.get("descr") or "").strip() and props.get("title") is None:
        yield f"slide {number}: {sh.name} has no alt text"
    if getattr(sh, "has_table", False):
        tbl_pr = sh.table._tbl.find(qn("a:tblPr"))
        if tbl_pr is None or tbl_pr.get("firstRow") != "1":
            yield f"slide {number}: table {sh.name} has no header row"
    if getattr(sh, "has_chart", False):
        yield from _chart(number, sh.chart)


def _chart(number: int, chart: Any) -> Iterator[str]:
    """Series of bars after the first carry a pattern fill; lines differ in marker."""
    plot = chart.plots[0]
    series = list(plot.series)
    if len(series) < 2:
        return
    xml = [s._element.xml for s in series]
    if "<c:marker>" in xml[0]:
        markers = {s.marker.style for s in series}
        if len(markers) < len(series):
            yield f"slide {number}: line series share a marker"
    elif any("<a:pattFill" not in x for x in xml[1:]):
        yield f"slide {number}: bar series told apart by colour only"


def test_the_deck_passes_the_file_level_accessibility_checks(deck_path: Path) -> None:
    assert list(problems(deck_path)) == []


def test_the_checks_can_fail(deck_path: Path, tmp_path: Path) -> None:
    """A slide without a title and a chart without alt text are reported."""
    deck = Presentation(str(deck_path))
    slide = deck.slides[1]
    slide.shapes.title.text_frame.text = ""
    chart = next(sh for s in deck.slides for sh in s.shapes if getattr(sh, "has_chart", False))
    chart._element.find(f".//{qn('p:cNvPr')}").set("descr", "")
    broken = tmp_path / "broken.pptx"
    deck.save(str(broken))
    found = list(problems(broken))
    assert "slide 2: missing slide title" in found
    assert any(line.endswith(f"{chart.name} has no alt text") for line in found)
