"""The written deck: reopens, titles, alt text, native charts with the content's numbers,
notes, language, footers, fixed metadata and byte-identical rebuilds."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from builder.charts.data import chart_data
from builder.deck.emit import write_deck
from builder.deck.plan import DeckPlan
from builder.theme import Theme
from tests.deck.sample import BRIEFING


def _deck(path: Path) -> Any:
    return Presentation(str(path))


def test_deck_reopens_with_one_slide_per_planned_slide_and_its_title(
        deck_path: Path, plan: DeckPlan) -> None:
    deck = _deck(deck_path)
    assert deck.slide_width == 12192000 and deck.slide_height == 6858000
    assert [s.shapes.title.text for s in deck.slides] == [s.title for s in plan.slides]
    assert [s.slide_layout.name for s in deck.slides] == [s.layout for s in plan.slides]


def test_text_is_set_exactly_as_planned_with_sizes_and_no_autofit(
        deck_path: Path, plan: DeckPlan) -> None:
    deck = _deck(deck_path)
    for slide, spec in zip(deck.slides, plan.slides, strict=True):
        texts = [sh.text_frame.text for sh in slide.placeholders if sh.has_text_frame]
        for frame in spec.frames:
            expected = "\n".join("".join(r.text for r in p.runs) for p in frame.paras)
            assert expected in texts, (spec.title, frame.role)
        for sh in slide.placeholders:
            body_pr = sh._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
            if body_pr is not None and sh.placeholder_format.type not in (13, 15):
                assert body_pr.find(qn("a:noAutofit")) is not None
                for r in sh._element.iter(qn("a:r")):
                    assert r.find(qn("a:rPr")).get("sz") is not None


def test_hostile_text_appears_as_written_minus_xml_illegal_characters(deck_path: Path) -> None:
    deck = _deck(deck_path)
    body = next(sh for sh in deck.slides[5].placeholders if sh.placeholder_format.idx == 1)
    assert "Tom <tom@example.com> & x<y  kept: *not emphasis* {braces}" in body.text_frame.text


def test_every_run_is_british_english(deck_path: Path) -> None:
    with zipfile.ZipFile(deck_path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and name.startswith(("ppt/slides/slide", "ppt/notesSlides/",
                                                          "ppt/charts/", "ppt/notesMasters/")):
                xml = z.read(name).decode()
                assert 'lang="en-US"' not in xml, name
                assert 'lang="en-GB"' in xml, name


def test_every_graphic_has_alt_text_from_the_content(deck_path: Path) -> None:
    deck = _deck(deck_path)
    frames = [sh for s in deck.slides for sh in s.shapes if sh.shape_type in (3, 13)]
    assert len(frames) == 2
    for sh in frames:
        descr = sh._element.find(f".//{qn('p:cNvPr')}").get("descr")
        assert descr and not descr.lower().endswith((".png", ".svg", ".xlsx"))
    assert frames[0]._element.find(f".//{qn('p:cNvPr')}").get("descr") == (
        BRIEFING.charts[0].alt)


def test_charts_are_native_with_the_contents_numbers(deck_path: Path) -> None:
    deck = _deck(deck_path)
    charts = [sh.chart for s in deck.slides for sh in s.shapes if sh.has_chart]
    for chart, spec in zip(charts, BRIEFING.charts, strict=True):
        data = chart_data(BRIEFING, spec)
        plot = chart.plots[0]
        assert tuple(plot.categories) == data.categories
        assert [s.name for s in plot.series] == [s.label for s in data.series]
        assert [tuple(s.values) for s in plot.series] == [s.values for s in data.series]
    assert charts[1].plots[0].series[1].values[1] is None  # no value: a gap, not a zero


def test_notes_on_every_slide_and_footer_and_number_on_content_slides(
        deck_path: Path, plan: DeckPlan) -> None:
    deck = _deck(deck_path)
    for slide, spec in zip(deck.slides, plan.slides, strict=True):
        assert slide.notes_slide.notes_text_frame.text == spec.notes
        types = {sh.placeholder_format.type for sh in slide.placeholders}
        assert (13 in types and 15 in types) == spec.footer, spec.title  # SLIDE_NUMBER, FOOTER
    footer = next(sh for sh in deck.slides[5].placeholders if sh.placeholder_format.type == 15)
    assert footer.text_frame.text == "Messages for health"


def test_core_properties_come_from_the_content(deck_path: Path) -> None:
    cp = _deck(deck_path).core_properties
    assert (cp.title, cp.author, cp.language) == (
        "Triennial analysis of serious case reviews 2022", "Steve Flood; Julie Wilkinson",
        "en-GB")
    assert cp.created == cp.modified == datetime(2022, 12, 1)
    with zipfile.ZipFile(deck_path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_two_builds_are_byte_identical(deck_path: Path, plan: DeckPlan, theme: Theme,
                                       tmp_path: Path) -> None:
    again = tmp_path / "again.pptx"
    write_deck(plan, BRIEFING, theme, again)
    assert again.read_bytes() == deck_path.read_bytes()


def test_hidden_slides_and_powerpoint_sections_as_planned(deck_path: Path, plan: DeckPlan
                                                           ) -> None:
    deck = _deck(deck_path)
    hidden = [s._element.get("show") == "0" for s in deck.slides]
    assert hidden == [s.hidden for s in plan.slides]
    p14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
    sections = list(deck.part._element.iter(f"{p14}section"))
    assert [s.get("name") for s in sections] == [s.title for s in plan.sections]
    ids = [s.get("id") for s in deck.slides._sldIdLst]
    listed = [x.get("id") for sec in sections for x in sec.iter(f"{p14}sldId")]
    assert listed == ids


def test_the_master_has_title_only_blank_and_trainer_layouts(deck_path: Path) -> None:
    names = [layout.name for layout in _deck(deck_path).slide_layouts]
    assert {"Title Only", "Blank", "Trainer to complete"} <= set(names)


def test_the_subtitle_breaks_after_its_colon(deck_path: Path) -> None:
    subtitle = _deck(deck_path).slides[0].placeholders[1].text_frame
    assert subtitle.paragraphs[0].text == "Learning for the future:\vMessages for health"
