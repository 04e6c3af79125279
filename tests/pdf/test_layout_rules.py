"""Page-making rules a designer checks: labels keep with what they introduce, a figure's
source is printed once, page labels and quiet link borders."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from builder.model import (
    Briefing,
    BulletList,
    Figure,
    ListItem,
    Paragraph,
    Part,
    Section,
    Strong,
    plain_text,
    walk_sections,
)
from builder.pdf import render_pdf
from builder.pdf.chart_drawing import without_source
from builder.theme import Theme
from tests.pdf.conftest import Built, norm
from tests.pdf.sample import at, meta, para, t

LABEL = "Social care involvement or non-involvement:"
CHILD = "Nearly one in four children who were the subject of an SCR had never been known"


def _briefing(lines: int, bullets: int, lead_in: bool = False) -> Briefing:
    """``lines`` one-line paragraphs and ``bullets`` one-line items, then a list whose
    first item is a bold label with sub-items (or a lead-in paragraph and a list)."""
    filler: list[Any] = [para(f"Filler line {i}.", 10 + i) for i in range(lines)]
    if bullets:
        filler.append(BulletList(items=tuple(ListItem(content=t(f"Filler item {i}", 80), at=at(80))
                                             for i in range(bullets)), at=at(80)))
    child = ListItem(content=t(CHILD + " to children's social care, a slightly higher share "
                                       "than in earlier periods of review.", 91), at=at(91))
    if lead_in:
        filler.append(Paragraph(content=(Strong(children=t(LABEL, 90)),), at=at(90)))
        filler.append(BulletList(items=(child, child), at=at(91)))
    else:
        item = ListItem(content=(Strong(children=t(LABEL, 90)),), at=at(90),
                        children=(child, child))
        filler.append(BulletList(items=(item,), at=at(90)))
    section = Section(id="s", title="Key data", level=2, at=at(5), blocks=tuple(filler))
    return Briefing(id="keep", meta=meta(), at=at(1),
                    parts=(Part(id="p", title="Part 1", sections=(section,), at=at(4)),))


def _page_with(pages: list[str], text: str) -> int:
    hits = [i for i, p in enumerate(pages) if norm(text) in p]
    assert hits, text
    return hits[0]


def _sweep(theme: Theme, tmp_path: Path, lead_in: bool) -> None:
    moved = 0
    for lines in range(22, 29):
        for bullets in (0, 1):
            out = tmp_path / f"keep-{lines}-{bullets}.pdf"
            render_pdf(_briefing(lines, bullets, lead_in), theme, {}, out)
            pages = [norm(p.extract_text() or "") for p in PdfReader(out).pages]
            label, child = _page_with(pages, LABEL), _page_with(pages, CHILD[:40])
            assert label == child, (lines, bullets)
            moved += label > _page_with(pages, f"Filler line {lines - 1}.")
    assert moved, "the sweep never put the label at a page foot; widen it"


def test_list_item_with_sub_items_never_ends_a_page(theme: Theme, tmp_path: Path) -> None:
    _sweep(theme, tmp_path, lead_in=False)


def test_lead_in_label_never_ends_a_page(theme: Theme, tmp_path: Path) -> None:
    _sweep(theme, tmp_path, lead_in=True)


def test_health_labels_are_on_the_page_of_their_first_sub_item(built_health: Built) -> None:
    pages = built_health.pages_text()
    checked = 0
    for part in built_health.briefing.parts:
        for s in walk_sections(part.sections):
            for block in s.blocks:
                if not isinstance(block, BulletList):
                    continue
                for item in block.items:
                    if item.children:
                        label = norm(plain_text(item.content))[-30:]
                        first = norm(plain_text(item.children[0].content))[:30]
                        both = [i for i, p in enumerate(pages) if label in p and first in p]
                        assert both, plain_text(item.content)
                        checked += 1
    assert checked


# ---------------------------------------------------------------- figure source

SVG = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="400pt" height="200pt"
 viewBox="0 0 400 200" xmlns="http://www.w3.org/2000/svg" version="1.1">
 <g id="figure_1"><rect x="0" y="0" width="400" height="180" style="fill: #ffffff"/></g>
 <g id="source">
  <text style="font-size: 7.5px; fill: #5a6470" transform="translate(0 190)">Source: A</text>
  <text style="font-size: 7.5px; fill: #5a6470" x="0" y="197.5">and B</text>
 </g>
</svg>"""


def test_without_source_drops_the_line_and_measures_its_band() -> None:
    svg, crop = without_source(SVG)
    assert b"Source: A" not in svg and b"and B" not in svg
    assert b'id="figure_1"' in svg
    assert abs(crop - (200 - (190 - 7.5)) / 200) < 1e-9


def test_without_source_leaves_other_svgs_alone() -> None:
    plain = SVG.replace(b'id="source"', b'id="legend"')
    assert without_source(plain) == (plain, 0.0)
    assert without_source(b"not xml") == (b"not xml", 0.0)


def _chart_source(svg: bytes) -> str:
    group = re.search(rb'<g id="source">(.*?)</g>', svg, re.S)
    if group is None:
        return ""
    return " ".join(t.decode() for t in re.findall(rb">([^<]+)</text>", group.group(1)))


def test_each_figure_prints_its_source_once(built_health: Built) -> None:
    if not built_health.charts:
        import pytest

        pytest.skip("charts not available")
    text = "".join(built_health.pages_text())
    figures = [b for part in built_health.briefing.parts for s in walk_sections(part.sections)
               for b in s.blocks if isinstance(b, Figure)]
    assert figures
    for fig in figures:
        own = norm(plain_text(fig.source_note))
        chart = norm(_chart_source(built_health.charts.get(fig.chart, b"")))
        if own:
            assert text.count(own) == 1, fig.id
            if chart and chart != own:
                assert chart not in text, fig.id  # the chart's own line is left out
        elif chart:
            assert text.count(chart) == 1, fig.id


# ---------------------------------------------------------------- viewer furniture


def test_page_labels_and_quiet_link_borders(built: Built) -> None:
    reader = PdfReader(built.path)
    labels = reader.page_labels
    assert labels[0] == "Cover"
    assert labels[1:-1] == [str(n) for n in range(2, len(labels))]
    assert labels[-1] == "Back cover"
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Link":
                assert [float(x) for x in obj["/Border"]] == [0, 0, 0]
    root: Any = reader.trailer["/Root"]
    # tagged (see test_tags.py): the PDF claims it, and has the structure to back it
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
