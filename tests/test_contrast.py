"""WCAG 2.2 AA contrast of every colour pair the outputs draw, computed from the brand
file: text at least 4.5:1 with its background (1.4.3), chart marks and other meaningful
graphics at least 3:1 (1.4.11). Decoration is exempt and said so here: the contents page's
dot leaders, the cover's shapes and the boxes' rules are artifacts in the PDF."""

from __future__ import annotations

from dataclasses import fields

import pytest
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle

from builder.deck.styles import Styles as DeckStyles
from builder.pdf.styles import make_styles
from builder.theme import Theme, load_theme

TEXT, GRAPHIC = 4.5, 3.0


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme()


def _hex(colour: Color) -> str:
    return "#" + colour.hexval()[2:].upper()


# Where each PDF paragraph style is drawn: the backgrounds under it (colour names).
PDF_BACKGROUNDS = {
    "body": ("white",), "lead": ("white",), "section": ("white",), "subsection": ("white",),
    "bullet": ("white",), "quote_scr": ("white", "tint"), "quote_voice": ("white", "tint"),
    "attribution": ("white", "tint"), "box_title": ("tint_green",), "box_label": ("tint",),
    "box_body": ("tint", "tint_green"), "box_bullet": ("tint", "tint_green"),
    "table_caption": ("white",), "table_head": ("primary",),
    "table_label": ("white", "tint"), "table_number": ("white", "tint"), "note": ("white",),
    "figure_caption": ("white",), "placeholder": ("tint",), "footnote": ("white",),
    "reference": ("white",), "contents_title": ("white",), "contents_part": ("white",),
    "contents_section": ("white",), "contents_page": ("white",),
    "contents_part_page": ("white",), "part_title": ("primary",), "cover_sector": ("primary",),
    "cover_series": ("primary",), "cover_title": ("primary",), "cover_subtitle": ("primary",),
    "cover_meta": ("primary",), "back_heading": ("white",), "back_text": ("white",),
    "back_small": ("white",),
}


def _pdf_styles(theme: Theme) -> dict[str, list[ParagraphStyle]]:
    styles = make_styles(theme)
    out: dict[str, list[ParagraphStyle]] = {}
    for f in fields(styles):
        value = getattr(styles, f.name)
        found = value if isinstance(value, tuple) else (value,)
        kept = [v for v in found if isinstance(v, ParagraphStyle)]
        if kept:
            out[f.name] = kept
    return out


def test_every_pdf_text_style_has_contrast_with_its_backgrounds(theme: Theme) -> None:
    styles = _pdf_styles(theme)
    assert set(styles) == set(PDF_BACKGROUNDS), "say where a new style is drawn"
    colours = vars(theme.colours) if hasattr(theme.colours, "__dict__") else {
        f.name: getattr(theme.colours, f.name) for f in fields(theme.colours)}
    low = []
    for name, found in styles.items():
        for style in found:
            bullet = getattr(style, "bulletColor", None)
            inks = {_hex(style.textColor)} | ({_hex(bullet)} if bullet is not None else set())
            for ink in inks:
                for ground in PDF_BACKGROUNDS[name]:
                    ratio = contrast(ink, colours[ground])
                    if ratio < TEXT:
                        low.append(f"{style.name}: {ink} on {ground} {ratio:.2f}:1")
    assert low == []


def test_links_and_page_furniture_have_text_contrast(theme: Theme) -> None:
    """Links (accent) wherever paragraphs are; the running header and footer (muted, and
    the accent page number) on white."""
    c = theme.colours
    for ground in (c.white, c.tint, c.tint_green):
        assert contrast(c.accent, ground) >= TEXT
    assert contrast(c.muted, c.white) >= TEXT


def test_chart_marks_have_graphic_contrast_with_the_chart_background(theme: Theme) -> None:
    """Every series colour and the highlight on the white chart (PDF, files and slides)."""
    white = theme.colours.white
    low = {c: round(contrast(c, white), 2) for c in (*theme.chart_palette, theme.chart_highlight)
           if contrast(c, white) < GRAPHIC}
    assert low == {}


def test_chart_text_has_text_contrast(theme: Theme) -> None:
    """Titles, labels and notes on white; numbers printed inside bars on the bar colour."""
    from builder.charts.render import _ink_on
    from builder.charts.style import chart_style

    s = chart_style(theme)
    for ink in (s.text, s.muted, s.title_colour):
        assert contrast(ink, theme.colours.white) >= TEXT
    for bar in (*s.palette, s.highlight):
        assert contrast(_ink_on(bar, s), bar) >= TEXT, bar


def test_deck_text_and_marks_have_contrast(theme: Theme) -> None:
    """Slides: titles, body, notes text and footers on white; titles and body on the dark
    layouts (primary); the reflection prompt on its primary panel; bullets (graphics)."""
    st = DeckStyles(theme)

    def h(v: str) -> str:
        return "#" + v

    for ink in (st.primary, st.text, st.muted, st.accent):
        assert contrast(h(ink), h(st.white)) >= TEXT, ink
    for ink in (st.white, st.tint):
        assert contrast(h(ink), h(st.primary)) >= TEXT, ink
    assert contrast(h(st.text), h(st.tint)) >= TEXT
    for bullet, ground in ((st.accent, st.white), (st.secondary, st.white),
                           (st.highlight, st.primary)):
        assert contrast(h(bullet), h(ground)) >= GRAPHIC, bullet


def test_the_old_highlight_would_fail() -> None:
    """The check can fail: the brand's former chart orange had 2.25:1 on white."""
    assert round(contrast("#E69F00", "#FFFFFF"), 2) == 2.25
