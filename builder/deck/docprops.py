"""The package's own description of the deck, for file browsers, search and PowerPoint's
open dialog: the extended ("app") properties — slide, hidden-slide and notes counts, the
16:9 format, the fonts, theme and slide titles — and the thumbnail of the first slide.
python-pptx carries both over unchanged from its default (4:3, no slides), so they are
rewritten here from the finished presentation."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationT

from builder.deck._pptx import replace_blob
from builder.deck.embed import theme_typefaces
from builder.deck.text import clean

EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
APPLICATION = "Briefing Builder"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _replace(prs: PresentationT, reltype: str, name: str, content_type: str,
             blob: bytes) -> None:
    """Give the package-level part of this relationship type new bytes (added when the
    template has none)."""
    package = prs.part.package
    try:
        part = package.part_related_by(reltype)
    except KeyError:
        part = Part(PackURI(name), content_type, package)
        package.relate_to(part, reltype)
    replace_blob(part, blob)


def _fonts(prs: PresentationT) -> list[str]:
    """The typefaces the slides can show: the theme's, and the bullets'."""
    used = set(theme_typefaces(prs))
    for master in prs.slide_masters:
        used |= {str(f.get("typeface")) for f in master.element.iter(f"{_A}buFont")}
    return sorted(used)


def _theme_name(prs: PresentationT) -> str:
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    return str(theme.get("name") or "Theme")


def _titles(prs: PresentationT) -> list[str]:
    out = []
    for slide in prs.slides:
        title = slide.shapes.title
        out.append(clean(title.text_frame.text.replace("\v", " ")) if title is not None else "")
    return out


def _vector(parent: etree._Element, items: list[tuple[str, str]], variant: bool) -> None:
    """A ``vt:vector`` of typed values (each wrapped in ``vt:variant`` when ``variant``)."""
    vec = etree.SubElement(parent, f"{{{VT}}}vector", size=str(len(items)),
                           baseType="variant" if variant else "lpstr")
    for kind, value in items:
        holder = etree.SubElement(vec, f"{{{VT}}}variant") if variant else vec
        etree.SubElement(holder, f"{{{VT}}}{kind}").text = value


def app_xml(prs: PresentationT) -> bytes:
    """``docProps/app.xml`` for the presentation as it stands."""
    slides = list(prs.slides)
    parts = {"Fonts Used": _fonts(prs), "Theme": [_theme_name(prs)], "Slide Titles": _titles(prs)}
    root = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP, "vt": VT})
    for tag, value in (
            ("Application", APPLICATION), ("PresentationFormat", "Widescreen"),
            ("Slides", str(len(slides))),
            ("Notes", str(sum(s.has_notes_slide for s in slides))),
            ("HiddenSlides", str(sum(s.element.get("show") == "0" for s in slides))),
            ("MMClips", "0"), ("ScaleCrop", "false")):
        etree.SubElement(root, f"{{{EP}}}{tag}").text = value
    pairs = [item for name, names in parts.items() if names
             for item in (("lpstr", name), ("i4", str(len(names))))]
    _vector(etree.SubElement(root, f"{{{EP}}}HeadingPairs"), pairs, True)
    titles = [("lpstr", t) for names in parts.values() for t in names]
    _vector(etree.SubElement(root, f"{{{EP}}}TitlesOfParts"), titles, False)
    for tag in ("LinksUpToDate", "SharedDoc", "HyperlinksChanged"):
        etree.SubElement(root, f"{{{EP}}}{tag}").text = "false"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def describe(prs: PresentationT, thumbnail: bytes | None) -> None:
    """Replace the app properties, and the thumbnail when given, with the deck's own."""
    _replace(prs, RT.EXTENDED_PROPERTIES, "/docProps/app.xml", CT.OFC_EXTENDED_PROPERTIES,
             app_xml(prs))
    if thumbnail is not None:
        _replace(prs, RT.THUMBNAIL, "/docProps/thumbnail.jpeg", CT.JPEG, thumbnail)
