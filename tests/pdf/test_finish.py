"""Finishing for the printer: the screen PDF's back cover on an even page and its coloured
areas inside a home printer's margins; the print shop's PDF with a page count a booklet
takes, TrimBox and BleedBox on every page, 3 mm bleed, crop marks and the same text."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from builder.pdf import render_pdf
from builder.pdf.finish import MARK_GAP, MARK_LENGTH, PRESS, SCREEN, Finish
from builder.theme import Theme
from tests.conftest import need_tool
from tests.pdf.conftest import Built

A4 = (595.2756, 841.8898)
DPI = 72  # one pixel a point
WHITE = (255, 255, 255)


@pytest.mark.parametrize("finish", [SCREEN, PRESS, Finish("x", page_multiple=5)])
def test_pad_puts_the_back_cover_on_a_multiple(finish: Finish) -> None:
    for last in range(1, 30):
        pad = finish.pad(last)
        assert 0 <= pad < finish.page_multiple
        assert (last + pad + 1) % finish.page_multiple == 0


def _labels(built: Built) -> list[str]:
    return list(PdfReader(built.path).page_labels)


def _poppler_pages(path: Path) -> list[str]:
    need_tool("pdftotext")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_back_cover_is_the_last_page_and_even_on_screen(built_sample: Built,
                                                        built_health: Built) -> None:
    for built in (built_sample, built_health):
        pages = built.result.pages
        assert pages % 2 == 0
        assert _labels(built)[-1] == "Back cover"
        assert built.briefing.meta.colophon[0][:40] in " ".join(_poppler_pages(built.path)[-1]
                                                                  .split())
        notes = built.result.notes_pages
        assert notes == tuple(range(pages - len(notes), pages))


def test_press_page_count_takes_a_booklet(built_sample_press: Built,
                                          built_health_press: Built) -> None:
    for built in (built_sample_press, built_health_press):
        assert built.result.pages % 4 == 0
        assert len(PdfReader(built.path).pages) == built.result.pages
        assert _labels(built)[-1] == "Back cover"


def test_several_notes_pages_pad_before_the_back_cover(built_sample: Built, theme: Theme,
                                                       tmp_path: Path) -> None:
    finish = replace(PRESS, page_multiple=built_sample.result.pages + 3)
    result = render_pdf(built_sample.briefing, theme, {}, tmp_path / "x.pdf", finish=finish)
    first = built_sample.result.pages - len(built_sample.result.notes_pages)
    assert result.pages == finish.page_multiple
    assert result.notes_pages == tuple(range(first, result.pages))
    texts = _poppler_pages(tmp_path / "x.pdf")
    for number in result.notes_pages:
        publisher = built_sample.briefing.meta.publisher.name.split()
        assert sorted(texts[number - 1].split()) == sorted(["Notes", str(number), *publisher])


def _boxes(page: object) -> dict[str, list[float]]:
    return {name: [round(float(v), 2) for v in page[f"/{name}"]]  # type: ignore[index]
            for name in ("MediaBox", "TrimBox", "BleedBox")}


def test_press_boxes_on_every_page(built_health_press: Built) -> None:
    bleed = 3 * mm
    for number, page in enumerate(PdfReader(built_health_press.path).pages, start=1):
        boxes = _boxes(page)
        w, h = A4
        assert boxes["TrimBox"] == [0, 0, round(w, 2), round(h, 2)], number
        assert boxes["BleedBox"] == [round(-bleed, 2), round(-bleed, 2), round(w + bleed, 2),
                                     round(h + bleed, 2)], number
        room = bleed + MARK_GAP + MARK_LENGTH  # the marks fit on the sheet
        x0, y0, x1, y1 = boxes["MediaBox"]
        assert x0 <= -room and y0 <= -room and x1 >= w + room and y1 >= h + room, number
        assert "/CropBox" not in page or _boxes(page)["MediaBox"] == boxes["MediaBox"]


def test_screen_pdf_has_no_print_boxes(built_health: Built) -> None:
    page = PdfReader(built_health.path).pages[0]
    assert [round(float(v), 2) for v in page["/MediaBox"]] == [0, 0, 595.28, 841.89]
    assert "/TrimBox" not in page and "/BleedBox" not in page


def test_press_has_the_same_text_on_the_same_pages(built_health: Built,
                                                   built_health_press: Built) -> None:
    screen = _poppler_pages(built_health.path)
    printed = _poppler_pages(built_health_press.path)
    body = built_health.result.pages - len(built_health.result.notes_pages) - 1
    assert printed[:body] == screen[:body]
    assert printed[-1] == screen[-1]
    assert _labels(built_health_press)[:body] == _labels(built_health)[:body]
    assert built_health_press.result.page_of == built_health.result.page_of


def _render(path: Path, page: int, tmp_path: Path) -> Image.Image:
    need_tool("pdftoppm")
    stem = tmp_path / f"p{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", str(path), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("RGB")


def _at(image: Image.Image, origin: tuple[float, float], x: float, y: float) -> tuple[int, ...]:
    """The pixel at (x, y) in PDF points, page coordinates; ``origin`` the sheet's
    lower left corner in them (pdftoppm draws the MediaBox)."""
    return image.getpixel((round(x - origin[0]), round(image.height - (y - origin[1]) - 1)))


def _inked(image: Image.Image, origin: tuple[float, float], x: float, y: float) -> bool:
    """Whether anything is drawn within a pixel of (x, y): a hairline is a grey pixel."""
    return any(_at(image, origin, x + dx, y + dy) != WHITE for dx in (-1, 0, 1)
               for dy in (-1, 0, 1))


def test_press_cover_bleeds_and_inner_pages_do_not(built_health_press: Built,
                                                   tmp_path: Path) -> None:
    origin = (-PRESS.slug, -PRESS.slug)
    cover = _render(built_health_press.path, 1, tmp_path)
    inner = _render(built_health_press.path, 2, tmp_path)
    w, h = A4
    inside = -1.5 * mm  # halfway into the bleed
    for x, y in ((inside, h / 2), (w - inside, h / 2), (w / 2, h - inside)):
        assert _at(cover, origin, x, y) != WHITE, (x, y)
        assert _at(inner, origin, x, y) == WHITE, (x, y)
    beyond = -PRESS.bleed - MARK_GAP / 2  # past the bleed, before the marks: paper
    assert _at(cover, origin, beyond, h / 2) == WHITE


def test_press_crop_marks_sit_outside_the_bleed(built_health_press: Built,
                                                tmp_path: Path) -> None:
    origin = (-PRESS.slug, -PRESS.slug)
    w, h = A4
    mark = PRESS.bleed + MARK_GAP + MARK_LENGTH / 2
    page = _render(built_health_press.path, 2, tmp_path)
    for x, y in ((0, -mark), (-mark, 0), (w, h + mark), (w + mark, h), (0, h + mark),
                 (w + mark, 0)):
        assert _inked(page, origin, x, y), (x, y)
    for x, y in ((0, -PRESS.bleed + 2), (-PRESS.bleed + 2, 0), (w / 2, -mark)):
        assert not _inked(page, origin, x, y), (x, y)  # no mark in the bleed or between


def test_screen_cover_keeps_inside_a_home_printers_margin(built_health: Built,
                                                         tmp_path: Path) -> None:
    """Printers leave up to about 5 mm unprinted: the colour stops before that, so the
    cut margin is white paper and the design is whole."""
    cover = _render(built_health.path, 1, tmp_path)
    w, h = A4
    for x, y in ((5 * mm, h / 2), (w - 5 * mm, h / 2), (w / 2, h - 5 * mm)):
        assert _at(cover, (0, 0), x, y) == WHITE, (x, y)
    for x, y in ((SCREEN.inset + 2 * mm, h / 2), (w / 2, h - SCREEN.inset - 2 * mm)):
        assert _at(cover, (0, 0), x, y) != WHITE, (x, y)


def test_press_is_laid_out_in_one_pass_from_the_screen_seed(built_health_press: Built) -> None:
    assert built_health_press.result.passes == 1
