"""PowerPoint sections (the PowerPoint 2010 ``p14:sectionLst`` extension of the
presentation part): one per part and topic of the session, so a trainer can collapse,
move or hide a topic in seconds. Section ids are derived from the plan's, so two builds
write the same bytes."""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT

from builder.deck.plan import DeckSection

P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_NAMESPACE = uuid.UUID("0d9b6f0e-4c1e-4a53-9d43-6a2f1b7c5e10")


def section_guid(section_id: str) -> str:
    """A fixed GUID for a section id, in braces as PowerPoint writes it."""
    return "{" + str(uuid.uuid5(_NAMESPACE, section_id)).upper() + "}"


def add_sections(prs: PresentationT, sections: tuple[DeckSection, ...]) -> None:
    """Write the sections into presentation.xml (each slide in the section listing its
    index); nothing when there are none."""
    if not sections:
        return
    pres = prs.element
    ids = [s.get("id") for s in pres.find(qn("p:sldIdLst"))]
    lst = etree.Element(f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    seen: set[str] = set()
    for sec in sections:
        key = sec.id if sec.id not in seen else f"{sec.id}#{sec.slides[0]}"
        seen.add(key)
        el = etree.SubElement(lst, f"{{{P14}}}section", name=sec.title, id=section_guid(key))
        slide_ids = etree.SubElement(el, f"{{{P14}}}sldIdLst")
        for i in sec.slides:
            etree.SubElement(slide_ids, f"{{{P14}}}sldId", id=str(ids[i]))
    ext_lst = pres.find(qn("p:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(pres, qn("p:extLst"))
    ext = etree.SubElement(ext_lst, qn("p:ext"), uri=SECTIONS_EXT)
    ext.append(lst)
