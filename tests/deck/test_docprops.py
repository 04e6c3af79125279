"""What file browsers and PowerPoint's open dialog read before opening the deck: the
app properties (counts, 16:9, titles) and a thumbnail of the first slide."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation

from builder.deck.plan import DeckPlan
from builder.theme import Theme

EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"


def _app(deck: Path) -> etree._Element:
    with zipfile.ZipFile(deck) as z:
        return etree.fromstring(z.read("docProps/app.xml"))


def test_app_properties_count_what_the_deck_holds(deck_path: Path, plan: DeckPlan) -> None:
    app = _app(deck_path)
    slides = list(Presentation(str(deck_path)).slides)
    assert app.findtext(f"{EP}PresentationFormat") == "Widescreen"
    assert int(app.findtext(f"{EP}Slides") or -1) == len(slides) == len(plan.slides)
    assert int(app.findtext(f"{EP}HiddenSlides") or -1) == sum(s.hidden for s in plan.slides)
    assert int(app.findtext(f"{EP}Notes") or -1) == sum(s.has_notes_slide for s in slides)


def test_titles_of_parts_agree_with_their_headings(deck_path: Path, plan: DeckPlan,
                                                   theme: Theme) -> None:
    app = _app(deck_path)
    pairs = [v[0].text for v in app.iterfind(f"{EP}HeadingPairs/{VT}vector/{VT}variant")]
    headings = dict(zip(pairs[::2], (int(n or 0) for n in pairs[1::2]), strict=True))
    titles = [t.text or "" for t in app.iterfind(f"{EP}TitlesOfParts/{VT}vector/{VT}lpstr")]
    assert len(titles) == sum(headings.values())
    assert titles[-headings["Slide Titles"]:] == [s.title for s in plan.slides]
    fonts = titles[:headings["Fonts Used"]]
    assert theme.fonts.family in fonts
    assert titles[headings["Fonts Used"]] == theme.name  # the theme's own name


def test_the_thumbnail_is_the_title_slide_in_the_brand(deck_path: Path, theme: Theme) -> None:
    with zipfile.ZipFile(deck_path) as z:
        image = Image.open(io.BytesIO(z.read("docProps/thumbnail.jpeg")))
    assert image.format == "JPEG" and image.size == (256, 144)
    rgb = image.convert("RGB")
    navy = tuple(int(theme.colours.primary.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    assert all(abs(a - b) <= 6 for a, b in zip(rgb.getpixel((5, 5)), navy, strict=True))
    title_band = rgb.crop((16, 40, 240, 80)).convert("L")
    assert title_band.getextrema()[1] > 200  # the title drawn in white
