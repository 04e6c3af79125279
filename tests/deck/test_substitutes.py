"""The shipped health deck as presenters' laptops show it: LibreOffice renders every slide
(hidden ones too) with the brand font, with Carlito (Calibri's metrics) substituted for
it, with Liberation Sans (Arial's and Helvetica's) and with DejaVu Sans (LibreOffice's
fallback), and no word lands outside the shape that holds it or in the footer band."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.util import Pt

from builder.deck import geometry as g
from builder.deck.template import build_template
from builder.theme import Theme, ThemeError, load_theme
from tests.conftest import ROOT, need_tool, run_cli
from tests.deck.render import all_shown, fonts_used, render, words_outside

FONTS = {None: "SourceSansPro", "Carlito": "Carlito", "Liberation Sans": "LiberationSans",
         "DejaVu Sans": "DejaVuSans"}


@pytest.fixture(scope="module")
def health_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("health")
    run = run_cli(ROOT, "build", "content/health", "--out", str(folder), "--force")
    assert run.returncode == 0, run.stderr
    return all_shown(folder / "health-2022" / "health-2022.pptx", folder / "all-shown.pptx")


@pytest.mark.parametrize("substitute", list(FONTS), ids=["brand", "carlito", "liberation", "dejavu"])
def test_every_word_stays_in_its_shape_and_out_of_the_footer(
        health_deck: Path, theme: Theme, tmp_path: Path, substitute: str | None) -> None:
    need_tool("soffice")
    need_tool("pdftotext")
    pdf = render(health_deck, tmp_path, theme, substitute)
    used = fonts_used(pdf)
    assert FONTS[substitute] in used, used  # the font under test is the one drawn
    assert substitute is None or "SourceSansPro" not in used, used
    problems = words_outside(pdf, health_deck)
    assert not problems, f"{len(problems)} words out of place:\n" + "\n".join(problems[:20])


def test_the_check_sees_text_that_runs_out_of_its_box(theme: Theme, tmp_path: Path) -> None:
    """The same check on a slide whose body is too long: it must complain."""
    need_tool("soffice")
    need_tool("pdftotext")
    prs = build_template(theme)
    slide = prs.slides.add_slide(prs.slide_layouts.get_by_name(g.CONTENT))
    slide.shapes.title.text = "Too much"
    body = slide.placeholders[1].text_frame
    body.text = " ".join(["overflowing"] * 120)
    for run in body.paragraphs[0].runs:
        run.font.size = Pt(28)
    deck = tmp_path / "overflow.pptx"
    prs.save(str(deck))
    problems = words_outside(render(deck, tmp_path / "out", theme, None), deck)
    assert problems and all("'overflowing'" in p for p in problems), problems


def test_a_missing_substitute_is_named_with_what_to_install(tmp_path: Path) -> None:
    brand = (ROOT / "assets/brand.yaml").read_text(encoding="utf-8")
    brand = brand.replace("      metrics: font-metrics\n", "")  # measured from installed fonts
    broken = tmp_path / "brand.yaml"
    broken.write_text(brand.replace("Carlito-Bold.ttf", "Carlito-Missing.ttf"), encoding="utf-8")
    with pytest.raises(ThemeError) as err:
        load_theme(broken)
    line = brand[: brand.index("- family: Carlito")].count("\n") + 1
    assert str(err.value) == (
        f"brand.yaml:{line}: font 'Carlito', a substitute the deck is measured against, is not "
        "installed (Carlito-Missing.ttf not found in the system's font folders); install it "
        "(Debian/Ubuntu package fonts-crosextra-carlito) or remove it from fonts.substitutes")


def test_a_missing_metrics_file_says_how_to_write_it(tmp_path: Path) -> None:
    brand = (ROOT / "assets/brand.yaml").read_text(encoding="utf-8")
    folder = ROOT / "assets/font-metrics"
    brand = brand.replace("metrics: font-metrics", f"metrics: {folder}")
    broken = tmp_path / "brand.yaml"
    broken.write_text(brand.replace("Carlito-Bold.ttf", "Carlito-Missing.ttf"), encoding="utf-8")
    with pytest.raises(ThemeError) as err:
        load_theme(broken)
    carlito = brand.index("- family: Carlito")
    line = brand[: brand.index("metrics:", carlito)].count("\n") + 1
    assert str(err.value) == (
        f"brand.yaml:{line}: font 'Carlito': Carlito-Missing.json not found in {folder}; write "
        f"them with python -m builder.deck.metrics {folder} <the font files> (Debian/Ubuntu "
        "package fonts-crosextra-carlito), or remove metrics: to measure the installed fonts")
