"""The brand font travels with the deck as PowerPoint embeds it: four EOT parts that
Debian's eot2ttf (libeot) unpacks back to the brand's TrueType files, listed in
``p:embeddedFontLst``; and the theme font carries the matching data from the font."""

from __future__ import annotations

import struct
import subprocess
import zipfile
from pathlib import Path

from fontTools.ttLib import TTFont
from lxml import etree
from pptx import Presentation

from builder.deck.embed import embed_fonts, faces
from builder.deck.eot import MAGIC, VERSION, eot
from builder.deck.template import build_template
from builder.theme import Theme
from tests.conftest import need_tool

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CTS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"


def _embedded(deck: Path) -> dict[str, bytes]:
    """The embedded faces of the deck by element name (regular, bold, ...), as stored."""
    with zipfile.ZipFile(deck) as z:
        pres = etree.fromstring(z.read("ppt/presentation.xml"))
        rels = {r.get("Id"): r for r in etree.fromstring(
            z.read("ppt/_rels/presentation.xml.rels"))}
        types = etree.fromstring(z.read("[Content_Types].xml"))
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{CTS}Default")}
        (entry,) = pres.iterfind(f"{P}embeddedFontLst/{P}embeddedFont")
        out = {}
        for face in entry[1:]:
            rel = rels[face.get(f"{R}id")]
            assert rel.get("Type") == FONT_REL
            target = "ppt/" + rel.get("Target")
            assert target.endswith(".fntdata") and target.startswith("ppt/fonts/font")
            assert defaults["fntdata"] == "application/x-fontdata"
            out[etree.QName(face).localname] = z.read(target)
        return out


def test_the_four_brand_faces_unpack_with_eot2ttf_to_the_brand_files(
        deck_path: Path, theme: Theme, tmp_path: Path) -> None:
    need_tool("eot2ttf")
    stored = _embedded(deck_path)
    assert list(stored) == ["regular", "bold", "italic", "boldItalic"]
    for tag, path in faces(theme.fonts):
        packed = tmp_path / f"{tag}.eot"
        packed.write_bytes(stored[tag])
        run = subprocess.run(["eot2ttf", str(packed), str(tmp_path / f"{tag}.ttf")],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert (tmp_path / f"{tag}.ttf").read_bytes() == path.read_bytes(), tag


def test_each_eot_header_describes_its_face(theme: Theme) -> None:
    for _, path in faces(theme.fonts):
        ttf = path.read_bytes()
        data = eot(ttf)
        size, font_size, version, flags = struct.unpack_from("<4L", data)
        assert (size, font_size, version, flags) == (len(data), len(ttf), VERSION, 0)
        italic, weight, fs_type, magic = struct.unpack_from("<BLHH", data, 27)
        os2 = TTFont(str(path))["OS/2"]
        assert (italic, weight, fs_type, magic) == (
            os2.fsSelection & 1, os2.usWeightClass, os2.fsType, MAGIC)
        assert data.endswith(ttf)


def test_the_font_list_is_where_powerpoint_reads_it(deck_path: Path, theme: Theme) -> None:
    with zipfile.ZipFile(deck_path) as z:
        pres = etree.fromstring(z.read("ppt/presentation.xml"))
    names = [etree.QName(el).localname for el in pres]
    assert names[names.index("notesSz") + 1] == "embeddedFontLst"
    assert pres.get("embedTrueTypeFonts") == "1" and pres.get("saveSubsetFonts") is None
    font = pres.find(f"{P}embeddedFontLst/{P}embeddedFont/{P}font")
    assert font is not None
    assert dict(font.attrib) == {"typeface": theme.fonts.family, "panose": "020B0503030403020204",
                                 "pitchFamily": "34", "charset": "0"}


def test_theme_fonts_carry_the_matching_data_of_the_brand_font(deck_path: Path) -> None:
    with zipfile.ZipFile(deck_path) as z:
        theme = etree.fromstring(z.read("ppt/theme/theme1.xml"))
    latin = [el for el in theme.iter(f"{A}latin")]
    assert len(latin) == 2  # major and minor
    for el in latin:
        assert (el.get("panose"), el.get("pitchFamily"), el.get("charset")) == (
            "020B0503030403020204", "34", "0")


def test_the_fonts_survive_a_save_by_python_pptx(deck_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "resaved.pptx"
    Presentation(str(deck_path)).save(str(again))
    assert _embedded(again) == _embedded(deck_path)


def test_a_theme_in_another_family_gets_no_brand_font(theme: Theme) -> None:
    prs = build_template(theme)
    part = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    part._blob = part.blob.replace(theme.fonts.family.encode(), b"Calibri")  # type: ignore[attr-defined]
    assert not embed_fonts(prs, theme.fonts)
    assert prs.part._element.find(f"{P}embeddedFontLst") is None


def test_embedding_twice_lists_the_family_once(theme: Theme) -> None:
    prs = build_template(theme)
    assert embed_fonts(prs, theme.fonts) and embed_fonts(prs, theme.fonts)
    entries = prs.part._element.findall(f"{P}embeddedFontLst/{P}embeddedFont")
    fonts = [r for r in prs.part.rels.values() if r.reltype == FONT_REL]
    assert len(entries) == 1 and len(fonts) == 4
