"""Document metadata for PDF/UA-1 and PDF/A-2a: the Info dictionary, the XMP packet that
repeats it (with the PDF/UA and PDF/A identification) and the sRGB output intent.

Everything is derived from the content, never from the clock: the dates come from the
briefing's publication date (``meta.date``, e.g. "December 2022"), the XMP document id
from its title and the instance id from the page contents, so the same content gives the
same bytes. The ICC profile is the sRGB profile LittleCMS builds (through Pillow), with
its creation date fixed.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)

from builder.model import Metadata

PRODUCER = "Briefing Builder (reportlab)"
CREATOR = "Briefing Builder"
SRGB = "sRGB IEC61966-2.1"
_MONTHS = ("january february march april may june july august september october "
           "november december").split()
_EPOCH = date(2000, 1, 1)


def publication_date(text: str) -> date:
    """The first day named by a date like "December 2022", "3 March 2021" or "2022"
    (1 January 2000 when there is no year: a fixed date, never today's)."""
    words = re.findall(r"[A-Za-z]+|\d+", text.lower())
    years = [int(w) for w in words if w.isdigit() and len(w) == 4]
    if not years:
        return _EPOCH
    month = next((_MONTHS.index(w) + 1 for w in words if w in _MONTHS), 1)
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 28]
    return date(years[0], month, days[0] if days else 1)


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the Info dictionary and the XMP packet both say, in the same words."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str
    day: date

    @classmethod
    def of(cls, meta: Metadata) -> DocInfo:
        return cls(meta.title, ", ".join(meta.authors), meta.subtitle, ", ".join(meta.keywords),
                   meta.language or "en-GB", publication_date(meta.date))

    @property
    def pdf_date(self) -> str:
        return f"D:{self.day:%Y%m%d}000000+00'00'"

    @property
    def xmp_date(self) -> str:
        return f"{self.day:%Y-%m-%d}T00:00:00+00:00"


class InfoDict(PDFInfo):  # type: ignore[misc]
    """The Info dictionary (reportlab's own writes its own dates and /Trapped)."""

    def __init__(self, info: DocInfo) -> None:
        super().__init__()
        self.info = info

    def format(self, document: object) -> bytes:
        i = self.info
        d: dict[str, object] = {"Title": PDFString(i.title), "Creator": PDFString(CREATOR),
                                "Producer": PDFString(PRODUCER),
                                "CreationDate": PDFString(i.pdf_date),
                                "ModDate": PDFString(i.pdf_date)}
        for key, value in (("Author", i.author), ("Subject", i.subject),
                           ("Keywords", i.keywords)):
            if value:
                d[key] = PDFString(value)
        return PDFDictionary(d).format(document)  # type: ignore[no-any-return]


def _alt(text: str) -> str:
    return (f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>')


_EXTENSION = """
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>"""


def xmp(info: DocInfo, instance: str) -> bytes:
    """The XMP packet: Dublin Core, XMP basic, PDF, media management, PDF/A-2a and
    PDF/UA-1 identification, and the extension schema PDF/A needs for pdfuaid."""
    i = info
    document_id = uuid.uuid5(uuid.NAMESPACE_URL, "briefing:" + i.title)
    optional = "".join([
        f"\n   <dc:creator><rdf:Seq><rdf:li>{escape(i.author)}</rdf:li></rdf:Seq></dc:creator>"
        if i.author else "",
        f"\n   <dc:description>{_alt(i.subject)}</dc:description>" if i.subject else "",
        f"\n   <pdf:Keywords>{escape(i.keywords)}</pdf:Keywords>" if i.keywords else ""])
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title>{_alt(i.title)}</dc:title>
   <dc:language><rdf:Bag><rdf:li>{escape(i.language)}</rdf:li></rdf:Bag></dc:language>{optional}
   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
   <xmp:CreateDate>{i.xmp_date}</xmp:CreateDate>
   <xmp:ModifyDate>{i.xmp_date}</xmp:ModifyDate>
   <xmp:MetadataDate>{i.xmp_date}</xmp:MetadataDate>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{instance}</xmpMM:InstanceID>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>A</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>{_EXTENSION}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


@cache
def srgb_profile() -> bytes:
    """LittleCMS's built-in sRGB profile, with the creation date in its header fixed."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes([0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2000-01-01 00:00:00
    return bytes(data)


def instance_id(contents: Iterable[bytes]) -> str:
    """A UUID drawn from the pages' content: the same pages, the same id."""
    digest = hashlib.sha256()
    for chunk in contents:
        digest.update(chunk)
    return str(uuid.UUID(bytes=digest.digest()[:16], version=4))


def write_metadata(doc: object, meta: Metadata, contents: Iterable[bytes]) -> None:
    """Give reportlab's document ``doc`` the Info dictionary, the XMP metadata stream and
    the sRGB output intent, before it is saved."""
    info = DocInfo.of(meta)
    doc.info = InfoDict(info)  # type: ignore[attr-defined]
    stream = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                       xmp(info, instance_id(contents)), filters=[])
    catalog = doc.Catalog  # type: ignore[attr-defined]
    catalog.Metadata = doc.Reference(stream, "BBMetadata")  # type: ignore[attr-defined]
    icc = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(SRGB), "Info": PDFString(SRGB),
        "RegistryName": PDFString("http://www.color.org"),
        "DestOutputProfile": doc.Reference(icc, "BBOutputProfile")})  # type: ignore[attr-defined]
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])
