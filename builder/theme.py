"""The brand as one typed object: palette, fonts, sizes and spacing for every output.

Backends translate this into their own styles in exactly one module each
(``pdf/styles.py``, ``pptx/styles.py``, ``charts/style.py``).
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BRAND_FILE = ASSETS / "brand.yaml"


class ThemeError(Exception):
    """The brand file is missing, malformed, or names a font that is not installed."""


@dataclass(frozen=True, slots=True)
class Fonts:
    family: str
    regular: Path
    italic: Path
    bold: Path
    bold_italic: Path
    semibold: Path
    light: Path


@dataclass(frozen=True, slots=True)
class Colours:
    primary: str
    accent: str
    secondary: str
    highlight: str
    text: str
    muted: str
    rule: str
    tint: str
    tint_green: str
    white: str


@dataclass(frozen=True, slots=True)
class PdfTheme:
    page: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_inner_mm: float
    margin_outer_mm: float
    body_size: float
    leading: float
    heading_sizes: tuple[float, float, float]
    note_size: float
    table_size: float
    caption_size: float
    paragraph_space: float
    box_padding: float


@dataclass(frozen=True, slots=True)
class SlideTheme:
    width_in: float
    height_in: float
    title_size: float
    body_size: float
    min_body_size: float
    footer_size: float


@dataclass(frozen=True, slots=True)
class ChartTheme:
    width_in: float
    height_in: float
    label_size: float
    title_size: float
    min_text_pt: float
    dpi_png: int


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    fonts: Fonts
    colours: Colours
    chart_palette: tuple[str, ...]
    chart_highlight: str  # highlighted chart categories, on white (at least 3:1)
    pdf: PdfTheme
    slides: SlideTheme
    charts: ChartTheme
    source: Path


def _font_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ThemeError(f"font package {package!r} is not installed; run 'make build' to set up")
    return Path(next(iter(spec.submodule_search_locations))) / "files"


def _fonts(raw: dict[str, Any]) -> Fonts:
    folder = _font_dir(raw["package"])
    paths = {k: folder / v for k, v in raw["files"].items()}
    for key, path in paths.items():
        if not path.is_file():
            raise ThemeError(f"font file for {key!r} not found: {path}")
    return Fonts(family=raw["family"], **paths)


@functools.cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fontTools comes with matplotlib

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def font_charset(theme: Theme) -> frozenset[int]:
    """Code points every face of the brand font can show (read once per process)."""
    f = theme.fonts
    faces = (f.regular, f.italic, f.bold, f.bold_italic, f.semibold, f.light)
    return frozenset.intersection(*(_cmap(p) for p in faces))


def load_theme(path: Path = BRAND_FILE) -> Theme:
    """Read the brand file into a Theme; raises ThemeError with the file named if it is bad."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        pdf, m = raw["pdf"], raw["pdf"]["margins_mm"]
        return Theme(
            name=raw["name"],
            fonts=_fonts(raw["fonts"]),
            colours=Colours(**raw["colours"]),
            chart_palette=tuple(raw["chart_palette"]),
            chart_highlight=raw["chart_highlight"],
            pdf=PdfTheme(
                page=pdf["page"],
                margin_top_mm=m["top"],
                margin_bottom_mm=m["bottom"],
                margin_inner_mm=m["inner"],
                margin_outer_mm=m["outer"],
                body_size=pdf["body_size"],
                leading=pdf["leading"],
                heading_sizes=tuple(pdf["heading_sizes"]),
                note_size=pdf["note_size"],
                table_size=pdf["table_size"],
                caption_size=pdf["caption_size"],
                paragraph_space=pdf["paragraph_space"],
                box_padding=pdf["box_padding"],
            ),
            slides=SlideTheme(**raw["slides"]),
            charts=ChartTheme(**raw["charts"]),
            source=path,
        )
    except ThemeError:
        raise
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ThemeError(f"{path}: brand file is not usable: {exc}") from None
