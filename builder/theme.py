"""The brand as one typed object: palette, fonts, sizes and spacing for every output.

Backends translate this into their own styles in exactly one module each
(``pdf/styles.py``, ``pptx/styles.py``, ``charts/style.py``).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from builder.problems import ContentError, Problem

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BRAND_FILE = ASSETS / "brand.yaml"


class ThemeError(ContentError):
    """The brand file is missing, malformed, or names a font that is not installed."""


@dataclass(frozen=True, slots=True)
class Faces:
    """The four faces of a family that a text run can ask for."""

    family: str
    regular: Path
    italic: Path
    bold: Path
    bold_italic: Path


@dataclass(frozen=True, slots=True)
class Fonts:
    """The brand font's faces, and the fonts that stand in for it on a presenter's
    laptop without it (``substitutes``): the deck's text is measured against all."""

    family: str
    regular: Path
    italic: Path
    bold: Path
    bold_italic: Path
    semibold: Path
    light: Path
    substitutes: tuple[Faces, ...] = ()

    def files(self) -> dict[str, Path]:
        """The brand's own font files by face name (regular, italic, ...)."""
        return {"regular": self.regular, "italic": self.italic, "bold": self.bold,
                "bold_italic": self.bold_italic, "semibold": self.semibold, "light": self.light}


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


def font_folders() -> tuple[Path, ...]:
    """Where fonts are installed on Linux, macOS and Windows (system and user)."""
    home = Path.home()
    windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    local = Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft/Windows/Fonts"
    return (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local/share/fonts", home / ".fonts", Path("/Library/Fonts"),
            home / "Library/Fonts", windows, local)


@functools.cache
def _installed() -> dict[str, Path]:
    """Installed font files by file name (the first in sorted order where several)."""
    found: dict[str, Path] = {}
    for folder in font_folders():
        for path in sorted(folder.rglob("*.[to]t[fc]")) if folder.is_dir() else ():
            found.setdefault(path.name, path)
    return found


def installed_font(name: str) -> Path | None:
    """An installed font file by its file name, from the system's font folders."""
    return _installed().get(name)


def series_colour(theme: Theme, index: int, *, one_bar_series: bool = False) -> str:
    """The colour of chart series ``index``, the same in the chart files, the PDF and the
    deck: the accent for a bar chart's only series, else the chart palette in order."""
    if one_bar_series:
        return theme.colours.accent
    return theme.chart_palette[index % len(theme.chart_palette)]


@functools.cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fontTools comes with matplotlib

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def font_charset(theme: Theme) -> frozenset[int]:
    """Code points every face of the brand font can show (read once per process)."""
    return frozenset.intersection(*(_cmap(p) for p in theme.fonts.files().values()))


def brand_file(root: Path) -> Path:
    """The project's ``assets/brand.yaml``, else the built-in brand."""
    own = root / "assets" / "brand.yaml"
    return own if own.is_file() else BRAND_FILE


def read_theme(root: Path) -> tuple[Theme | None, list[Problem]]:
    """The project's brand as a Theme, or None and the ``file:line`` problems that stop it."""
    from builder.content.brand import read_brand

    return read_brand(brand_file(root), root)


def load_theme(path: Path = BRAND_FILE) -> Theme:
    """The theme of a brand file; ThemeError (a ContentError) lists what is wrong with it."""
    from builder.content.brand import read_brand

    theme, problems = read_brand(path, path.parent.parent if path.parent.name == "assets"
                                 else path.parent)
    if theme is None:
        raise ThemeError(problems)
    return theme
