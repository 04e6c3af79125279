"""Text measured for every font a presenter's laptop may show it in: a word is as wide
as in the widest of the brand font and its substitutes, a line as tall as single spacing
makes it in the tallest (never counting a font's line gap)."""

from __future__ import annotations

from dataclasses import replace

from builder.deck.fit import BREAK, face_paths, line_height, pieces, word_width, wrap
from builder.deck.metrics import SINGLE, metrics
from builder.theme import Theme

TEXT = "Professionals should remain mindful of the child's lived experience"


def test_a_word_is_as_wide_as_in_the_widest_font(theme: Theme) -> None:
    paths = face_paths(theme.fonts, False, False)
    assert [p.stem for p in paths] == ["SourceSansPro-Regular", "LiberationSans-Regular",
                                       "Carlito-Regular", "DejaVuSans"]
    widths = [metrics(p).width("Safeguarding", 24) for p in paths]
    assert word_width(paths, "Safeguarding", 24) == max(widths) > widths[0]
    bold = face_paths(theme.fonts, True, True)
    assert [p.stem for p in bold] == ["SourceSansPro-BoldIt", "LiberationSans-BoldItalic",
                                      "Carlito-BoldItalic", "DejaVuSans-BoldOblique"]


def test_text_that_fits_the_brand_font_alone_may_not_fit_a_substitute(theme: Theme) -> None:
    brand_only = replace(theme.fonts, substitutes=())
    parts = pieces([(TEXT, False, False)])
    width = sum(metrics(theme.fonts.regular).width(p.text, 24) for p in parts) * 1.02
    assert len(wrap(parts, brand_only, 24, width)) == 1
    assert len(wrap(parts, theme.fonts, 24, width)) == 2


def test_lines_are_single_spaced_in_the_tallest_face_without_line_gaps(theme: Theme) -> None:
    carlito = metrics(theme.fonts.substitutes[1].regular)
    assert carlito.line < 1.25  # Calibri's metrics: 1.22 em, its 0.22 em line gap not added
    brand = metrics(theme.fonts.regular)
    assert line_height(theme.fonts, 24) == max(SINGLE, brand.line, carlito.line) * 24


def test_a_line_break_starts_a_new_line(theme: Theme) -> None:
    parts = pieces([("Learning for the future:" + BREAK + "Messages for health", False, False)])
    lines = ["".join(p.text for p in line).strip() for line in wrap(parts, theme.fonts, 24, 5000)]
    assert lines == ["Learning for the future:", "Messages for health"]
