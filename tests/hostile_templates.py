"""Hostile and damaged PowerPoint templates, made from the branded one by editing its
zip: macros, ActiveX, OLE objects, links out, bombs, missing parts, wrong geometry."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

Parts = dict[str, bytes]
PML = "application/vnd.openxmlformats-officedocument.presentationml."
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def branded(path: Path) -> Path:
    """The builder's own template, as an organisation would start from it."""
    from builder.deck.template import build_template
    from builder.theme import load_theme

    build_template(load_theme()).save(str(path))
    return path


def _read(path: Path) -> Parts:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write(path: Path, parts: Parts) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _content_type(parts: Parts, name: str, kind: str) -> None:
    override = f'<Override PartName="/{name}" ContentType="{kind}"/>'.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>",
                                                                        override + b"</Types>")


def _relate(parts: Parts, rels: str, kind: str, target: str, external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="rId99" Type="{kind}" Target="{target}"{mode}/>'.encode()
    parts[rels] = parts[rels].replace(b"</Relationships>", rel + b"</Relationships>")


def macros(parts: Parts) -> None:
    """A macro-enabled presentation renamed .pptx, with its VBA project."""
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        f"{PML}presentation.main+xml".encode(),
        b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 not really a VBA project"
    _content_type(parts, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    _relate(parts, "ppt/_rels/presentation.xml.rels",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")


def vba_only(parts: Parts) -> None:
    """A VBA project in an otherwise ordinary presentation."""
    parts["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0"
    _content_type(parts, "ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject")


def activex(parts: Parts) -> None:
    parts["ppt/activeX/activeX1.xml"] = b'<?xml version="1.0"?><ocx/>'
    _content_type(parts, "ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")
    _relate(parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels", RELS + "control",
            "../activeX/activeX1.xml")


def ole_object(parts: Parts) -> None:
    parts["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0 an OLE package"
    _content_type(parts, "ppt/embeddings/oleObject1.bin", "application/vnd.openxmlformats-"
                  "officedocument.oleObject")
    _relate(parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels", RELS + "oleObject",
            "../embeddings/oleObject1.bin")


def external_link(parts: Parts) -> None:
    """A linked picture fetched from a web server whenever the deck is opened."""
    _relate(parts, "ppt/slideMasters/_rels/slideMaster1.xml.rels", RELS + "image",
            "http://tracker.example/pixel.png", external=True)


def external_hyperlink(parts: Parts) -> None:
    _relate(parts, "ppt/slideLayouts/_rels/slideLayout1.xml.rels", RELS + "hyperlink",
            "https://example.org/", external=True)


def missing_part(parts: Parts) -> None:
    del parts["ppt/slideLayouts/slideLayout2.xml"]


def doctype(parts: Parts) -> None:
    name = "ppt/slideLayouts/slideLayout1.xml"
    parts[name] = re.sub(rb"^(<\?xml[^>]*\?>)", rb'\1<!DOCTYPE x [<!ENTITY a "aaaa">]>',
                         parts[name])


def four_by_three(parts: Parts) -> None:
    parts["ppt/presentation.xml"] = re.sub(rb'<p:sldSz cx="\d+" cy="\d+"',
                                           b'<p:sldSz cx="9144000" cy="6858000"',
                                           parts["ppt/presentation.xml"])


def placeholder_off_slide(parts: Parts) -> None:
    name = "ppt/slideLayouts/slideLayout2.xml"
    parts[name] = re.sub(rb'(<p:ph [^>]*type="title"[^>]*/>.*?<a:off )x="\d+"', rb'\1x="15000000"',
                         parts[name], count=1, flags=re.S)


def unneeded_part(parts: Parts) -> None:
    parts["ppt/media/intro.mp4"] = b"\x00\x00\x00\x18ftypmp42"
    _content_type(parts, "ppt/media/intro.mp4", "video/mp4")


def too_many_parts(parts: Parts) -> None:
    for i in range(2_100):
        parts[f"customXml/item{i}.xml"] = b"<a/>"


def size_not_a_number(parts: Parts) -> None:
    parts["ppt/presentation.xml"] = re.sub(rb'<p:sldSz cx="\d+"', b'<p:sldSz cx="wide"',
                                           parts["ppt/presentation.xml"])


HOSTILE: dict[str, Callable[[Parts], None]] = {
    "macros": macros, "vba-only": vba_only, "activex": activex, "ole-object": ole_object,
    "external-link": external_link, "external-hyperlink": external_hyperlink,
    "missing-part": missing_part, "doctype": doctype, "four-by-three": four_by_three,
    "placeholder-off-slide": placeholder_off_slide, "unneeded-part": unneeded_part,
    "too-many-parts": too_many_parts, "size-not-a-number": size_not_a_number,
}


def hostile(base: Path, kind: str, out: Path) -> Path:
    """The template at ``base`` with the ``kind`` of damage applied, written to ``out``."""
    parts = _read(base)
    HOSTILE[kind](parts)
    return _write(out, parts)


def bomb(out: Path, unzipped_mb: int = 300) -> Path:
    """A template whose picture inflates from about 0.3 MB to ``unzipped_mb`` MB."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("ppt/media/image1.png", "w", force_zip64=True) as handle:
            block = bytes(1 << 20)
            for _ in range(unzipped_mb):
                handle.write(block)
        zf.writestr("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/'
                    b'package/2006/content-types"/>')
    return out
