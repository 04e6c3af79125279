"""The substitute fonts' metrics files (assets/font-metrics) are what the installed fonts
measure: the deck laid out from them is the deck laid out from the fonts, on a machine
with or without them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from builder.deck.metrics import metrics, save
from builder.theme import Theme, installed_font


def _faces(theme: Theme) -> list[Path]:
    return [getattr(s, k) for s in theme.fonts.substitutes
            for k in ("regular", "italic", "bold", "bold_italic")]


def test_the_brand_measures_its_substitutes_from_metrics_files(theme: Theme) -> None:
    faces = _faces(theme)
    assert len(faces) == 12 and all(p.suffix == ".json" and p.is_file() for p in faces), faces


@pytest.mark.parametrize("face", range(12))
def test_a_metrics_file_equals_the_installed_font(theme: Theme, face: int) -> None:
    file = _faces(theme)[face]
    source = json.loads(file.read_text(encoding="utf-8"))["measured_from"]
    font = installed_font(source)
    if font is None:
        if os.environ.get("CI"):
            pytest.fail(f"{source} is not installed (CI installs it)")
        pytest.skip(f"{source} is not installed")
    assert metrics(file) == metrics(font)


def test_saved_metrics_read_back_as_measured(theme: Theme, tmp_path: Path) -> None:
    brand = theme.fonts.regular  # the brand's own TTF: always present
    written = save(brand, tmp_path)
    assert metrics(written) == metrics(brand)
    assert json.loads(written.read_text(encoding="utf-8"))["measured_from"] == brand.name
