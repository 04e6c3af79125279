"""The brand as one typed object: palette, fonts, sizes and spacing for every output.

Backends translate this into their own styles in exactly one module each
(``pdf/styles.py``, ``pptx/styles.py``, ``charts/style.py``).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BRAND_FILE = ASSETS / "brand.yaml"


class ThemeError(Exception):
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


def _font_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ThemeError(f"font package {package!r} is not installed; run 'make build' to set up")
    return Path(next(iter(spec.submodule_search_locations))) / "files"


def _fonts(raw: dict[str, Any], where: Path) -> Fonts:
    folder = _font_dir(raw["package"])
    paths = {k: folder / v for k, v in raw["files"].items()}
    for key, path in paths.items():
        if not path.is_file():
            raise ThemeError(f"font file for {key!r} not found: {path}")
    subs = tuple(_substitute(s, where) for s in raw.get("substitutes", ()))
    return Fonts(family=raw["family"], **paths, substitutes=subs)


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


def _substitute(raw: dict[str, Any], where: Path) -> Faces:
    """A substitute family's installed faces; ThemeError saying what to install."""
    installed = _installed()
    paths = {k: installed.get(v) for k, v in raw["files"].items()}
    missing = [raw["files"][k] for k, v in paths.items() if v is None]
    if missing:
        raise ThemeError(
            f"{where}: font {raw['family']!r}, a substitute the deck is measured against, "
            f"is not installed ({', '.join(missing)} not found in the system's font folders); "
            f"install it (Debian/Ubuntu package {raw['package']}) or remove it from "
            "fonts.substitutes")
    return Faces(family=raw["family"], **{k: v for k, v in paths.items() if v is not None})


@functools.cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fontTools comes with matplotlib

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap())


def font_charset(theme: Theme) -> frozenset[int]:
    """Code points every face of the brand font can show (read once per process)."""
    return frozenset.intersection(*(_cmap(p) for p in theme.fonts.files().values()))


def load_theme(path: Path = BRAND_FILE) -> Theme:
    """Read the brand file into a Theme; raises ThemeError with the file named if it is bad."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        pdf, m = raw["pdf"], raw["pdf"]["margins_mm"]
        return Theme(
            name=raw["name"],
            fonts=_fonts(raw["fonts"], path),
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
