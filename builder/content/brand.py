"""The brand file (``assets/brand.yaml``) -> ``Theme``, checked like content: every
mistake is a ``file:line`` problem (unknown keys with suggestions, colours, sizes, fonts),
never an exception. Fonts come from a folder of .ttf/.otf files or an installed package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from builder.content import shapes
from builder.content.fields import Ctx, Fields, did_you_mean
from builder.content.load import Node, load_file
from builder.content.read import relpath
from builder.problems import Problem, errors
from builder.theme import (
    ChartTheme,
    Colours,
    Faces,
    Fonts,
    PdfTheme,
    SlideTheme,
    Theme,
    installed_font,
)

FONT_SUFFIXES = (".ttf", ".otf")


def read_brand(file: Path, root: Path) -> tuple[Theme | None, list[Problem]]:
    """The theme of ``file``, or None and the problems that stop it."""
    problems: list[Problem] = []
    ctx = Ctx(relpath(file.resolve(), root.resolve()), problems)
    node = load_file(file, ctx.path, problems)
    f = ctx.fields(node, shapes.BRAND) if node is not None else None
    if f is None or errors(problems):
        return None, problems
    theme = Theme(
        name=f.text("name"),
        fonts=_fonts(ctx, _sub(ctx, f, "fonts", shapes.FONTS), file.parent),
        colours=Colours(**_colours(_sub(ctx, f, "colours", shapes.COLOURS))),
        chart_palette=f.colours("chart_palette"),
        chart_highlight=f.colour("chart_highlight"),
        pdf=_pdf(ctx, _sub(ctx, f, "pdf", shapes.PDF)),
        slides=SlideTheme(**_sizes(_sub(ctx, f, "slides", shapes.SLIDES_SIZE))),  # type: ignore[arg-type]
        charts=_charts(_sub(ctx, f, "charts", shapes.CHARTS_SIZE)),
        source=file)
    return (None, problems) if errors(problems) else (theme, problems)


def _sub(ctx: Ctx, f: Fields, key: str, shape: shapes.Shape) -> Fields:
    node = f.get(key)
    return (ctx.fields(node, shape) if node is not None else None) or Fields(
        ctx, shape, {}, f.node)


def _colours(f: Fields) -> dict[str, str]:
    return {field.key: f.colour(field.key) for field in f.shape.fields}


def _sizes(f: Fields) -> dict[str, float]:
    return {field.key: f.size(field.key) for field in f.shape.fields if field.type == "size"}


def _pdf(ctx: Ctx, f: Fields) -> PdfTheme:
    m = _sizes(_sub(ctx, f, "margins_mm", shapes.MARGINS))
    heading = f.sizes("heading_sizes")
    return PdfTheme(page=f.choice("page"), margin_top_mm=m["top"], margin_bottom_mm=m["bottom"],
                    margin_inner_mm=m["inner"], margin_outer_mm=m["outer"],
                    heading_sizes=(*heading, 0.0, 0.0, 0.0)[:3],  # type: ignore[arg-type]
                    **_sizes(f))


def _charts(f: Fields) -> ChartTheme:
    dpi = f.integer("dpi_png") or 0
    if "dpi_png" in f and not 72 <= dpi <= 1200:
        f.ctx.error(f["dpi_png"], f"'dpi_png' is {dpi}; give a whole number from 72 to 1200")
    return ChartTheme(dpi_png=dpi, **_sizes(f))


def _fonts(ctx: Ctx, f: Fields, here: Path) -> Fonts:
    given = [k for k in f.shape.one_of if k in f]
    if len(given) != 1:
        ctx.error(f.node, "fonts need either folder: (a folder of .ttf/.otf files, relative "
                  "to this file) or package: (an installed font package), not "
                  + ("both" if given else "neither"))
    folder = _folder(ctx, f, here) if given == ["folder"] else (
        _package(ctx, f) if given == ["package"] else None)
    files = _sub(ctx, f, "files", shapes.FONT_FILES)
    paths = {k.key: _font_file(ctx, files, k.key, folder) for k in files.shape.fields}
    paths["semibold"] = paths["semibold"] or paths["bold"]
    paths["light"] = paths["light"] or paths["regular"]
    family = f.text("family")
    if paths["regular"] and family and (found := _family(paths["regular"])) not in (family, None):
        ctx.error(f["family"], f"family is '{family}' but the regular font file's family is "
                  f"'{found}'; write family: {found}")
    subs = tuple(s for s in (_substitute(ctx, n, here) for n in f.seq("substitutes")) if s)
    return Fonts(family=family, substitutes=subs, **{k: v or Path() for k, v in paths.items()})


def _substitute(ctx: Ctx, node: Node, here: Path) -> Faces | None:
    """A substitute family's faces: its metrics files where a metrics folder is given,
    else its installed font files (a problem saying what to install or write if not)."""
    f = ctx.fields(node, shapes.SUBSTITUTE)
    if f is None:
        return None
    files = _sub(ctx, f, "files", shapes.SUBSTITUTE_FILES)
    names = {k.key: files.text(k.key) for k in files.shape.fields}
    family, package = f.text("family"), f.text("package")
    if "metrics" in f:
        folder = here / f.text("metrics")
        found = {k: p if (p := folder / f"{Path(v).stem}.json").is_file() else None
                 for k, v in names.items()}
        missing = [f"{Path(names[k]).stem}.json" for k, v in found.items() if v is None]
        if missing:
            ctx.error(f["metrics"], f"font '{family}': {', '.join(missing)} not found in "
                      f"{f.text('metrics')}; write them with python -m builder.deck.metrics "
                      f"{f.text('metrics')} <the font files> (Debian/Ubuntu package "
                      f"{package}), or remove metrics: to measure the installed fonts")
            return None
    else:
        found = {k: installed_font(v) for k, v in names.items()}
        missing = [names[k] for k, v in found.items() if v is None]
        if missing:
            ctx.error(node, f"font '{family}', a substitute the deck is measured against, is "
                      f"not installed ({', '.join(missing)} not found in the system's font "
                      f"folders); install it (Debian/Ubuntu package {package}) or remove it "
                      "from fonts.substitutes")
            return None
    return Faces(family=family, **{k: v for k, v in found.items() if v is not None})


def _folder(ctx: Ctx, f: Fields, here: Path) -> Path | None:
    name = f.text("folder")
    folder = here / name
    if not folder.is_dir():
        ctx.error(f["folder"], f"font folder '{name}' does not exist; give a folder of .ttf/.otf "
                  "files relative to this file (e.g. fonts)")
        return None
    return folder


def _package(ctx: Ctx, f: Fields) -> Path | None:
    name = f.text("package")
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        ctx.error(f["package"], f"font package '{name}' is not installed; install it, or put "
                  "the font files in a folder and give folder: instead")
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "files"


def _font_file(ctx: Ctx, f: Fields, key: str, folder: Path | None) -> Path | None:
    name = f.text(key)
    node: Node | None = f.get(key)
    if node is None or folder is None:
        return None
    path = folder / name
    if not path.is_file():
        there = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
        guess = did_you_mean(name, there)
        hint = (f"did you mean '{guess}'?" if guess else "font files there: " + ", ".join(there)
                if there else "the folder holds no .ttf or .otf files")
        ctx.error(node, f"font file '{name}' is not in {folder}; {hint}")
        return None
    why = _unusable(path)
    if why:
        ctx.error(node, f"font file '{name}' {why}")
        return None
    return path


def _unusable(path: Path) -> str | None:
    """Why the PDF writer cannot embed the font file, or None."""
    from fontTools.ttLib import TTFont, TTLibError

    if path.suffix.lower() not in FONT_SUFFIXES:
        return "is not a .ttf or .otf file; give a TrueType or OpenType font file"
    try:
        with TTFont(str(path), lazy=True) as font:
            if "glyf" not in font:
                return ("has PostScript (CFF) outlines, which the PDF writer cannot embed; use "
                        "the TrueType (.ttf) version of the font")
    except (TTLibError, OSError, ValueError, AssertionError, KeyError):
        return "cannot be read as a font; give a TrueType or OpenType font file"
    return None


def _family(path: Path) -> str | None:
    """The family name a font file gives itself (typographic family first)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        names = font["name"]
        entry = names.getName(16, 3, 1) or names.getName(1, 3, 1) or names.getName(1, 1, 0)
        return entry.toUnicode() if entry is not None else None
