"""The project's brand file is read and checked like content: exact messages with file and
line, exit 1 never 2; fonts from a folder or a package; the brand's schema agrees with the
reader; and one brand drives the chart files, the PDF's charts and the deck's charts."""

from __future__ import annotations

import importlib.util
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from builder.content.schema import schemas
from builder.theme import BRAND_FILE, read_theme
from tests.conftest import run_cli
from tests.documents import DELETE, positions, replaced

B = "assets/brand.yaml"
SHIPPED = BRAND_FILE.read_text(encoding="utf-8")
FONTS = Path(next(iter(importlib.util.find_spec(  # type: ignore[union-attr]
    "font_source_sans_pro").submodule_search_locations))) / "files"


def _brand(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "assets").mkdir(exist_ok=True)
    if not (tmp_path / "assets/font-metrics").exists():
        shutil.copytree(BRAND_FILE.parent / "font-metrics", tmp_path / "assets/font-metrics")
    (tmp_path / B).write_text(text, encoding="utf-8")
    theme, problems = read_theme(tmp_path)
    assert (theme is None) == any(p.severity == "error" for p in problems)
    return [str(p) for p in problems]


def _line(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_project_brand_is_the_one_read(tmp_path: Path) -> None:
    assert read_theme(tmp_path)[0] is not None  # no brand of its own: the built-in one
    assert _brand(tmp_path, SHIPPED.replace('primary: "#12355B"', 'primary: "#aa0000"')) == []
    theme, _ = read_theme(tmp_path)
    assert theme is not None and theme.colours.primary == "#AA0000"
    assert theme.source == tmp_path / B


MISTAKES = [
    ("a colour by name", 'primary: "#12355B"', "primary: navy",
     "{line}: 'primary' is 'navy', which is not a colour the builder reads; write it as "
     '"#RRGGBB" (quoted), e.g. "#12355B"'),
    ("a colour not quoted", 'accent: "#0072B2"', "accent: #0072B2",
     "{line}: 'accent' is empty; write the colour in quotes, as \"#RRGGBB\" (without quotes "
     "YAML reads # as the start of a comment)"),
    ("a misspelled key", "colours:", "colors:",
     "{line}: unknown key 'colors' in brand; did you mean 'colours'?"),
    ("a size below zero", "body_size: 10.5", "body_size: -1",
     "{line}: 'body_size' is -1; give a number above 0 (without quotes)"),
    ("a size as text", "title_size: 32", "title_size: big",
     "{line}: 'title_size' is text 'big'; give a number above 0 (without quotes)"),
    ("an indentation slip", "  accent:", " accent:",
     "{line}: this line is indented by 1 space but line {above} by 2; keys of one mapping (and "
     "items of one list) must line up exactly, with spaces"),
    ("a missing font file", "regular: SourceSansPro-Regular.ttf",
     "regular: SourceSansPro-Regualr.ttf",
     "{line}: font file 'SourceSansPro-Regualr.ttf' is not in " + str(FONTS)
     + "; did you mean 'SourceSansPro-Regular.ttf'?"),
    ("a font with PostScript outlines", "bold: SourceSansPro-Bold.ttf",
     "bold: SourceSansPro-Bold.otf",
     "{line}: font file 'SourceSansPro-Bold.otf' has PostScript (CFF) outlines, which the PDF "
     "writer cannot embed; use the TrueType (.ttf) version of the font"),
    ("a family the files do not have", "family: Source Sans Pro ", "family: Source Sans ",
     "{line}: family is 'Source Sans' but the regular font file's family is 'Source Sans Pro'; "
     "write family: Source Sans Pro"),
    ("a font package not installed", "package: font_source_sans_pro", "package: font_nope",
     "{line}: font package 'font_nope' is not installed; install it, or put the font files in "
     "a folder and give folder: instead"),
]


@pytest.mark.parametrize("what,old,new,message", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_brand_mistake(tmp_path: Path, what: str, old: str, new: str, message: str) -> None:
    assert SHIPPED.count(old) == 1, old
    text = SHIPPED.replace(old, new)
    line = _line(text, new)
    problems = _brand(tmp_path, text)
    assert message.format(line=f"{B}:{line}", above=line - 1) in problems
    assert all(p.startswith(f"{B}:") for p in problems)


def test_brand_mistakes_exit_1_from_check_and_build(tmp_path: Path, tiny: Path) -> None:
    _brand(tiny, SHIPPED.replace('primary: "#12355B"', "primary: navy"))
    line = _line(SHIPPED, "primary:")
    for command in ("check", "build"):
        run = run_cli(tiny, command)
        assert run.returncode == 1, run.stderr
        assert f"{B}:{line}: 'primary' is 'navy'" in run.stderr
        assert "Traceback" not in run.stderr


def test_fonts_from_a_folder_of_font_files(tmp_path: Path) -> None:
    (tmp_path / "assets/fonts").mkdir(parents=True)
    for face in ("Regular", "It", "Bold", "BoldIt"):
        shutil.copy(FONTS / f"SourceSansPro-{face}.ttf", tmp_path / "assets/fonts")
    text = re.sub(r"  package: font_source_sans_pro\n", "  folder: fonts\n", SHIPPED)
    text = re.sub(r"    (semibold|light): .*\n", "", text)
    assert _brand(tmp_path, text) == []
    theme, _ = read_theme(tmp_path)
    assert theme is not None
    assert theme.fonts.regular == tmp_path / "assets/fonts/SourceSansPro-Regular.ttf"
    assert theme.fonts.semibold == theme.fonts.bold  # not given: bold stands in
    assert theme.fonts.light == theme.fonts.regular


def test_fonts_need_a_folder_or_a_package(tmp_path: Path) -> None:
    text = SHIPPED.replace("  package: font_source_sans_pro\n", "")
    assert _brand(tmp_path, text) == [
        f"{B}:{_line(text, 'fonts:') + 1}: fonts need either folder: (a folder of .ttf/.otf files, relative to this "
        "file) or package: (an installed font package), not neither"]


# ---------------------------------------------------------------- the brand's schema

def _schema_rejects(doc: Any) -> bool:
    validator = jsonschema.Draft7Validator(schemas()["brand.schema.json"])
    return any(True for _ in validator.iter_errors(doc))


def test_brand_schema_and_reader_agree(tmp_path: Path) -> None:
    shipped = yaml.safe_load(SHIPPED)
    assert not _schema_rejects(shipped)
    disagree = []
    optional = {"semibold", "light", "folder", "package", "substitutes", "metrics"}
    for path, here in list(positions(shipped))[1:]:
        if isinstance(path[-1], int):
            continue
        for what, value in (("wrong kind", {"x": 1} if not isinstance(here, dict) else "text"),
                            ("removed", DELETE)):
            if what == "removed" and path[-1] in optional:
                continue
            doc = replaced(shipped, path, value)
            reader = bool([p for p in _brand(tmp_path, yaml.safe_dump(doc)) if ": warning: "
                           not in p])
            if reader != _schema_rejects(doc) or not reader:
                disagree.append(f"{path} {what}: reader rejects {reader}")
    assert disagree == []


# ---------------------------------------------------------------- one brand, every chart

RED = "#AA0000"


def test_one_brand_colours_the_chart_files_the_pdf_and_the_deck(tiny: Path) -> None:
    """A one-series bar chart takes the brand's accent in the chart files (which the PDF
    draws) and in the deck's native charts."""
    _brand(tiny, SHIPPED.replace('accent: "#0072B2"', f'accent: "{RED}"'))
    run = run_cli(tiny, "build")
    assert run.returncode == 0, run.stderr
    out = tiny / "output/tiny"
    svg = (out / "charts/table-1-chart.svg").read_text(encoding="utf-8").upper()
    assert RED in svg and "#0072B2" not in svg
    with zipfile.ZipFile(out / "tiny.pptx") as deck:
        charts = [deck.read(n).decode() for n in deck.namelist()
                  if n.startswith("ppt/charts/chart") and n.endswith(".xml")]
    assert charts and all(f'<a:srgbClr val="{RED[1:]}"/>' in c for c in charts)
    assert all('val="0072B2"' not in c for c in charts)
