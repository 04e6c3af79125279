"""The declared limits of the cover's texts (``builder.limits``) are what the cover holds:
a title, subtitle, series and sector at their limits, in wide capitals, stay inside the
coloured block, above its foot, without overlapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab.lib.units import mm

from builder.limits import SECTOR, SUBTITLE, TITLE
from builder.model import Briefing, Part, Section
from builder.pdf import render_pdf
from builder.theme import Theme
from tests.pdf.sample import at, meta, para

FOOT = 52 * mm  # the top of the white band at the cover's foot (pdf/cover.py)


def _fill(limit: int, words: str) -> str:
    return (words * (limit // len(words) + 1))[:limit].strip()


def _lines(path: Path) -> list[tuple[float, str]]:
    """(baseline y, text) of every text run on the cover."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((tm[5] * cm[3] + cm[5], text.strip()))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


def test_cover_texts_at_their_limits_stay_in_the_coloured_block(theme: Theme,
                                                                 tmp_path: Path) -> None:
    cover = meta(title=_fill(TITLE.value, "WIDE MANAGEMENT ASSESSMENT "),
                 subtitle=_fill(SUBTITLE.value, "Wonderful Mammoth Workshops "),
                 series=_fill(TITLE.value, "MEMORANDUM WORKING "),
                 sector=_fill(SECTOR.value, "MWMWMWMW "), date="December 2022")
    section = Section(id="s", title="One", level=2, blocks=(para("Text."),), at=at(5))
    briefing = Briefing(id="cover", meta=cover, at=at(1),
                        parts=(Part(id="p", title="Part", sections=(section,), at=at(4)),))
    out = tmp_path / "cover.pdf"
    assert not render_pdf(briefing, theme, {}, out).problems
    lines = _lines(out)
    date = [y for y, text in lines if "December 2022" in text]
    assert date and date[0] > FOOT + 3 * mm, lines
    ys = sorted(y for y, _ in lines if y > FOOT)
    assert all(b - a > 5 for a, b in zip(ys, ys[1:], strict=False)), "lines overlap"
