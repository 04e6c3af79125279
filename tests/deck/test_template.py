"""The branded template and the check of an organisation's own template."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from builder.deck import geometry as g
from builder.deck.emit import open_template
from builder.deck.template import build_template, check_template
from builder.model import SourceRef
from builder.problems import ContentError
from builder.theme import Theme
from tests.deck.sample import BRIEFING


def test_branded_template_has_every_layout_by_name(theme: Theme, tmp_path: Path) -> None:
    path = tmp_path / "brand.pptx"
    build_template(theme).save(str(path))
    prs = Presentation(str(path))
    assert [layout.name for layout in prs.slide_layouts] == list(g.LAYOUTS)
    assert check_template(path) == []


def test_template_missing_a_layout_and_a_placeholder_is_one_exact_message(
        theme: Theme, tmp_path: Path) -> None:
    prs = build_template(theme)
    chart: Any = prs.slide_layouts.get_by_name("Chart")
    prs.slide_layouts.remove(chart)
    quote: Any = prs.slide_layouts.get_by_name("Quote")
    context = [ph for ph in quote.placeholders if ph.placeholder_format.idx == 2][0]
    context._element.getparent().remove(context._element)
    path = tmp_path / "org.pptx"
    prs.save(str(path))
    where = SourceRef("content/org/briefing.yaml", 52)
    assert [str(p) for p in check_template(path, where)] == [
        f"content/org/briefing.yaml:52: template {path} cannot be used; it lacks: layout "
        "'Chart'; a text placeholder (context) in layout 'Quote'. Layouts needed by name: "
        "Title, Section divider, Title and content, Two content, Chart, Quote, Closing"]


def test_a_file_that_is_not_a_deck_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.pptx"
    path.write_bytes(b"PK\x03\x04 not really")
    assert [p.message for p in check_template(path)] == [
        f"template {path}: not a PowerPoint file that can be opened (PackageNotFoundError); "
        "give a .pptx saved by PowerPoint"]


def test_write_deck_stops_on_a_broken_template(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "org"
    folder.mkdir(parents=True)
    (folder / "org.pptx").write_bytes(b"")
    briefing = replace(BRIEFING, template="org.pptx",
                       at=SourceRef("content/org/briefing.yaml", 1))
    with pytest.raises(ContentError) as err:
        open_template(briefing, None, tmp_path)  # type: ignore[arg-type]
    assert "content/org/briefing.yaml:1: template" in str(err.value)


def test_an_organisations_template_is_used_by_layout_name(theme: Theme, tmp_path: Path) -> None:
    folder = tmp_path / "content" / "org"
    folder.mkdir(parents=True)
    build_template(theme).save(str(folder / "org.pptx"))
    briefing = replace(BRIEFING, template="content/org/org.pptx",  # as the reader gives it
                       at=SourceRef("content/org/briefing.yaml", 1))
    prs = open_template(briefing, theme, tmp_path)
    assert len(prs.slides) == 0 and prs.slide_layouts.get_by_name("Quote") is not None
