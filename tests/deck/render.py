"""The deck as a presenter without the brand font sees it: LibreOffice renders a copy
with every slide shown, through a fontconfig file that either adds the brand's TTF
folder or substitutes another family for the brand's, and poppler reads back where
every word landed.

``words_outside`` compares those words with the shapes of each slide (read with
python-pptx from the same copy): a word must lie inside a shape whose text holds it,
and only the footer and slide number may reach the footer band.
"""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from builder.deck.geometry import FOOTER_Y
from builder.theme import Theme

EMU_PT = 12700
TOLERANCE_PT = 1.5  # glyph advances vs. shape edges: rounding and hinting
# poppler's word box spans the font's whole ascent and descent (about 1.3 x the size);
# a line is 1.2 x the size: a box may pass the shape's top or bottom by the difference.
LINE_SLACK = 0.15
BULLETS = frozenset("\u2022\u2013")
SUBSTITUTES = ("Carlito", "Liberation Sans")
_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {extra}
</fontconfig>
"""


def fontconfig(folder: Path, theme: Theme, substitute: str | None) -> Path:
    """A fontconfig file: the system's, plus the brand's TTFs (its OTFs left out, so the
    TrueType faces are the ones used) or, with ``substitute``, the brand family replaced
    by that family whatever is installed."""
    if substitute is None:
        extra = (f"<dir>{theme.fonts.regular.parent}</dir><selectfont><rejectfont>"
                 "<glob>*.otf</glob></rejectfont></selectfont>")
    else:
        extra = (f'<match target="pattern"><test qual="any" name="family"><string>'
                 f'{theme.fonts.family}</string></test><edit name="family" mode="assign" '
                 f'binding="strong"><string>{substitute}</string></edit></match>')
    path = folder / "fonts.conf"
    path.write_text(_FONTS_CONF.format(extra=extra), encoding="utf-8")
    return path


def all_shown(deck: Path, out: Path) -> Path:
    """A copy of the deck with every slide shown (LibreOffice exports shown slides only)."""
    prs = Presentation(str(deck))
    for slide in prs.slides:
        slide._element.attrib.pop("show", None)
    prs.save(str(out))
    return out


def render(deck: Path, folder: Path, theme: Theme, substitute: str | None) -> Path:
    """The deck as LibreOffice exports it to PDF with the given fonts."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HOME=str(folder),
               FONTCONFIG_FILE=str(fontconfig(folder, theme, substitute)))
    profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(folder), str(deck)], capture_output=True, timeout=600, env=env)
    pdf = folder / (deck.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF (its exit code is not to be trusted)"
    return pdf


def fonts_used(pdf: Path) -> set[str]:
    """The font families in the PDF (subset prefixes and style suffixes dropped)."""
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    names = (row.split()[0].split("+")[-1] for row in rows)
    return {re.sub(r"[-,](Bold|Italic|Regular|BoldItalic|It|BoldIt)$", "", n) for n in names}


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdf_words(pdf: Path) -> list[list[Word]]:
    """Each page's words with their boxes in points, from ``pdftotext -bbox-layout``."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, huge_tree=True))
    ns = "{http://www.w3.org/1999/xhtml}"
    return [[Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
             for w in page.iter(f"{ns}word")] for page in root.iter(f"{ns}page")]


@dataclass(frozen=True, slots=True)
class Area:
    """A shape on the slide: its box in points, its words, and what it is."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float
    words: frozenset[str]
    footer: bool = False
    graphic: bool = False  # a chart: its own text is laid out inside the frame

    def holds(self, w: Word) -> bool:
        t, v = TOLERANCE_PT, TOLERANCE_PT + LINE_SLACK * (w.y1 - w.y0)
        return (self.x0 - t <= w.x0 and w.x1 <= self.x1 + t and self.y0 - v <= w.y0
                and w.y1 <= self.y1 + v)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _tokens(text: str) -> frozenset[str]:
    """Words as LibreOffice may break them: at spaces and after a hyphen or dash."""
    return frozenset(t for t in re.split(r"\s+|(?<=[-\u2013\u2014/])", _norm(text)) if t)


def _area(shape: Any, **kind: bool) -> Area:
    x, y = shape.left / EMU_PT, shape.top / EMU_PT
    text = shape.text_frame.text if shape.has_text_frame else ""
    return Area(shape.name, x, y, x + shape.width / EMU_PT, y + shape.height / EMU_PT,
                _tokens(text), **kind)


def _drawn(slide: Any) -> Iterator[Area]:
    """The slide's shapes with text or a chart, and the layout's and master's own
    (non-placeholder) text shapes that show through."""
    footers = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    for shape in slide.shapes:
        if getattr(shape, "has_chart", False):
            yield _area(shape, graphic=True)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            foot = shape.is_placeholder and shape.placeholder_format.type in footers
            yield _area(shape, footer=foot)
    layout = slide.slide_layout
    owners = [layout]
    if layout._element.get("showMasterSp") != "0":
        owners.append(layout.slide_master)
    for owner in owners:
        for shape in owner.shapes:
            if not shape.is_placeholder and shape.has_text_frame and shape.text_frame.text.strip():
                yield _area(shape)


def slide_areas(deck: Path) -> list[list[Area]]:
    return [list(_drawn(slide)) for slide in Presentation(str(deck)).slides]


def words_outside(pdf: Path, deck: Path) -> list[str]:
    """Every word that is not inside a shape holding it, or that reaches the footer band
    without being footer text: one line each, naming slide, word and position."""
    band = FOOTER_Y * 72 - TOLERANCE_PT
    problems = []
    pages = pdf_words(pdf)
    areas = slide_areas(deck)
    assert len(pages) == len(areas), f"{len(pages)} pages for {len(areas)} slides"
    for n, (words, shapes) in enumerate(zip(pages, areas, strict=True), 1):
        for w in words:
            text = _norm(w.text)
            homes = [a for a in shapes if a.holds(w) and (
                a.graphic or text in BULLETS or _tokens(text) <= a.words)]
            if not homes:
                problems.append(f"slide {n}: {text!r} at ({w.x0:.0f}, {w.y0:.0f})-"
                                f"({w.x1:.0f}, {w.y1:.0f}) pt is outside every shape holding it")
            elif (w.y1 - LINE_SLACK * (w.y1 - w.y0) > band
                  and not any(a.footer or a.graphic for a in homes)):
                problems.append(f"slide {n}: {text!r} reaches the footer band ({w.y1:.0f} pt)")
    return problems
