"""Hostile and oversized content: rendered literally, split, or reported with file:line."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from builder.model import LearningPoints, ListItem, Paragraph, Text
from builder.pdf import render_pdf
from builder.theme import Theme
from tests.pdf.conftest import norm
from tests.pdf.sample import at, para, sample, t, table

HOSTILE = ('x<y & y>z; <b>not bold</b> <img src="/etc/passwd"/> &amp; '
           '<a href="javascript:alert(1)">click</a> Tom <tom@example.com> '
           '<font color="red">red</font> \'single\' "double" – Łódź, Ørsted, Dvořák, Việt')


def _text(path: Path) -> str:
    return "".join(norm(p.extract_text() or "") for p in PdfReader(path).pages)


def test_markup_in_content_is_printed_literally(theme: Theme, tmp_path: Path) -> None:
    out = tmp_path / "hostile.pdf"
    result = render_pdf(sample((para(HOSTILE, 70),)), theme, {}, out)
    assert [p for p in result.problems if p.severity == "error"] == []
    assert norm(HOSTILE) in _text(out)


def test_no_link_or_image_from_content_text(theme: Theme, tmp_path: Path) -> None:
    out = tmp_path / "hostile.pdf"
    render_pdf(sample((para(HOSTILE, 70),)), theme, {}, out)
    reader = PdfReader(out)
    uris = [str(a.get_object()["/A"].get("/URI", "")) for page in reader.pages
            for a in page.get("/Annots", []) or [] if "/A" in a.get_object()]
    assert not any("javascript" in u for u in uris)
    resources: list[Any] = [page["/Resources"] for page in reader.pages if "/Resources" in page]
    assert not any("/XObject" in r for r in resources)


def test_character_the_font_lacks_is_an_error_with_its_line(theme: Theme,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "emoji.pdf"
    result = render_pdf(sample((para("Well done \U0001F600 team", 77),)), theme, {}, out)
    errors = [p for p in result.problems if p.severity == "error"]
    assert [str(e) for e in errors] == [
        "content/sample/briefing.yaml:77: character '\U0001F600' (U+1F600, grinning face) "
        "cannot be shown by font Source Sans Pro; remove it or replace it with a character "
        "the font has"]
    assert not out.exists()
    assert result.pages == 0


def test_scripts_the_font_lacks_are_reported(theme: Theme, tmp_path: Path) -> None:
    result = render_pdf(sample((para("Ελληνικά Кириллица", 78),)), theme, {},
                        tmp_path / "x.pdf")
    assert {p.line for p in result.problems if p.severity == "error"} == {78}
    assert any("U+041A" in p.message for p in result.problems)


def test_font_check_covers_metadata_and_table_cells(theme: Theme, tmp_path: Path) -> None:
    b = sample((table(cell="Cell \u2603 snow"),))
    b = dataclasses.replace(b, meta=dataclasses.replace(b.meta, title="Title \u4e2d"))
    result = render_pdf(b, theme, {}, tmp_path / "x.pdf")
    messages = [str(p) for p in result.problems]
    assert any(":1: 'title': character '\u4e2d' (U+4E2D" in m for m in messages)
    assert any(":41: 'label': character '\u2603' (U+2603, snowman)" in m for m in messages)


def test_table_cell_taller_than_a_page_is_split(theme: Theme, tmp_path: Path) -> None:
    long = "A very long table cell. " * 600
    out = tmp_path / "tall.pdf"
    result = render_pdf(sample((table(rows=2, cell=long),)), theme, {}, out)
    if out.exists():
        assert [p for p in result.problems if p.severity == "error"] == []
        assert norm(long)[:400] in _text(out)
    else:  # reported, with where the table is, never a traceback
        assert any(p.line == 39 and "table" in p.message for p in result.problems)


def test_huge_word_and_long_paragraph_do_not_crash(theme: Theme, tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    blocks = (para("x" * 5000, 71), para("word " * 4000, 72))
    result = render_pdf(sample(blocks), theme, {}, out)
    assert out.exists(), result.problems
    assert result.pages > 8


def test_learning_points_split_with_continued_title(theme: Theme, tmp_path: Path) -> None:
    items = tuple(ListItem(content=t(f"Point number {i}. " + "Words of a point. " * 30, 80 + i),
                           at=at(80 + i)) for i in range(12))
    out = tmp_path / "lp.pdf"
    result = render_pdf(sample((LearningPoints(items=items, at=at(80)),)), theme, {}, out)
    assert [p for p in result.problems if p.severity == "error"] == []
    text = _text(out)
    assert "Learningpoints(continued)" in text
    for i in range(12):
        assert f"Pointnumber{i}." in text


def test_missing_chart_is_a_placeholder_and_a_warning(built_sample) -> None:  # type: ignore[no-untyped-def]
    warnings = [p for p in built_sample.result.problems if p.severity == "warning"]
    assert any("figure-1-chart" in p.message and p.line == 22 for p in warnings)
    assert "Chartfigure-1-chartisunavailable" in _text(built_sample.path)


def test_bad_chart_svg_is_a_placeholder(theme: Theme, tmp_path: Path) -> None:
    out = tmp_path / "bad.pdf"
    result = render_pdf(sample(), theme, {"figure-1-chart": b"<svg><not-closed"}, out)
    assert out.exists()
    assert any("figure-1-chart" in p.message for p in result.problems)


def test_unknown_cross_reference_is_reported(theme: Theme, tmp_path: Path) -> None:
    from builder.model import CrossRef

    bad = Paragraph(content=(Text(text="See ", at=at(88)), CrossRef(target="nowhere", at=at(88))),
                    at=at(88))
    result = render_pdf(sample((bad,)), theme, {}, tmp_path / "x.pdf")
    assert any(p.line == 88 and "nowhere" in p.message for p in result.problems)
