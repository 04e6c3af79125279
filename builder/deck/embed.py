"""The brand font inside the deck, as PowerPoint embeds one: each face an EOT part
``/ppt/fonts/fontN.fntdata`` (``application/x-fontdata``) related from the presentation
part, listed in ``p:embeddedFontLst`` after ``p:notesSz``, with
``embedTrueTypeFonts="1"`` (ISO/IEC 29500-1 §19.2.1.9-10; ECMA-376 Part 1 §15.2.13).

PowerPoint for Windows and Mac use the embedded faces; applications that ignore them
substitute, which is why the plan measures text against substitute metrics too.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT

from builder.deck.eot import eot, face_info
from builder.theme import Fonts

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def faces(fonts: Fonts) -> tuple[tuple[str, Path], ...]:
    """The four faces a text run can ask for, by their ``p:embeddedFont`` element."""
    return (("regular", fonts.regular), ("bold", fonts.bold), ("italic", fonts.italic),
            ("boldItalic", fonts.bold_italic))


def theme_typefaces(prs: PresentationT) -> set[str]:
    """The Latin typefaces of the first master's theme (major and minor)."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    return {str(el.get("typeface")) for el in root.iter(f"{_A}latin")
            if el.getparent() is not None and el.getparent().tag in (f"{_A}majorFont",
                                                                      f"{_A}minorFont")}


def embed_fonts(prs: PresentationT, fonts: Fonts) -> bool:
    """Embed the brand's regular, bold, italic and bold-italic faces when the deck's
    theme uses the brand family and the font's licence allows embedding. Returns whether
    it did; the same fonts always give the same parts."""
    info = face_info(fonts.regular.read_bytes())
    if fonts.family not in theme_typefaces(prs) or not info.embeddable:
        return False
    pres = prs.element
    package = prs.part.package
    entry = etree.Element(qn("p:embeddedFont"))
    etree.SubElement(entry, qn("p:font"), typeface=fonts.family, panose=info.panose,
                     pitchFamily=str(info.pitch_family), charset=str(info.charset))
    for tag, path in faces(fonts):
        name = package.next_partname("/ppt/fonts/font%d.fntdata")
        part = Part(name, CT.X_FONTDATA, package, eot(path.read_bytes()))
        rid = prs.part.relate_to(part, RT.FONT)
        etree.SubElement(entry, qn(f"p:{tag}")).set(qn("r:id"), rid)
    _font_list(prs, fonts.family).append(entry)
    pres.set("embedTrueTypeFonts", "1")
    pres.attrib.pop("saveSubsetFonts", None)  # the faces are whole, not subsets
    return True


def _font_list(prs: PresentationT, family: str) -> etree._Element:
    """The presentation's ``p:embeddedFontLst`` (made after ``p:notesSz`` when missing),
    without an entry for ``family`` (a template's own copy of it is dropped, relationships
    and all: each typeface is listed once)."""
    pres = prs.element
    lst = pres.find(qn("p:embeddedFontLst"))
    if lst is None:
        lst = etree.Element(qn("p:embeddedFontLst"))
        notes_size = pres.find(qn("p:notesSz"))
        assert notes_size is not None  # required by the schema; python-pptx always writes it
        notes_size.addnext(lst)
    for old in lst.findall(qn("p:embeddedFont")):
        font = old.find(qn("p:font"))
        if font is not None and font.get("typeface") == family:
            for face in old[1:]:
                prs.part.drop_rel(str(face.get(qn("r:id"))))
            lst.remove(old)
    return lst
