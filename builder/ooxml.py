"""PowerPoint packages as untrusted input: what a deck template may hold, and what a
built deck may not.

A .pptx is a zip of XML parts joined by relationship parts. Before python-pptx reads a
template (it reads every part into memory), :func:`inspect` reads the zip's directory,
the content types and the relationships, each bounded, and refuses: a file, a part or a
total unzipped size over its limit (a 1.5 MB file can inflate to 1.5 GiB); parts that
run code or embed other programs' objects (VBA macro projects, ActiveX controls, OLE
objects, embedded packages, ribbon customisations); links out of the package
(``TargetMode="External"``: linked pictures and hyperlinks fetched or followed from
another machine); any part a deck template does not need (the allowed ones are masters,
layouts, slides, theme, pictures, fonts and properties); relationships to parts the file
lacks; XML with a document type declaration. A built deck (``DECK``) may link to the
web addresses of its content and embed each native chart's data workbook, nothing else.

Each problem is "what; what to do" for the caller to place at a file and line.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from builder.files import what_is

MAX_FILE_BYTES = 50_000_000  # a template with many full-page pictures is about 20 MB
MAX_PARTS = 2_000  # a template with 20 layouts and 100 pictures has about 300
MAX_PART_BYTES = 50_000_000  # unzipped, one part
MAX_TOTAL_BYTES = 200_000_000  # unzipped, all parts
MAX_XML_BYTES = 10_000_000  # one content-types, relationships or layout part

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE = "application/vnd.openxmlformats-officedocument."
_PML = _OFFICE + "presentationml."
_ALLOWED_TYPES = frozenset({
    _PML + "presentation.main+xml", _PML + "template.main+xml", _PML + "slideshow.main+xml",
    *(_PML + k + "+xml" for k in (
        "slideMaster", "slideLayout", "slide", "notesMaster", "notesSlide", "handoutMaster",
        "presProps", "viewProps", "tableStyles", "commentAuthors", "comments", "tags",
        "slideUpdateInfo")),
    _PML + "printerSettings",
    _OFFICE + "theme+xml", _OFFICE + "themeOverride+xml",
    _OFFICE + "extended-properties+xml", _OFFICE + "custom-properties+xml",
    _OFFICE + "customXmlProperties+xml", _OFFICE + "obfuscatedFont",
    "application/vnd.openxmlformats-package.core-properties+xml",
    "application/vnd.openxmlformats-package.relationships+xml",
    "application/xml", "text/xml", "application/x-fontdata", "application/x-font-ttf",
    "application/vnd.ms-office.chartstyle+xml", "application/vnd.ms-office.chartcolorstyle+xml",
})
_ALLOWED_PREFIXES = ("image/", "font/", _OFFICE + "drawingml.")
# content types (exact, or a prefix ending in "/" or ".") -> what they are, for refusals
# that name the danger
_REFUSED_TYPES = {
    "application/vnd.ms-office.vbaProject": "a macro project (VBA code)",
    "application/vnd.ms-office.vbaProjectSignature": "a macro project signature",
    "application/vnd.ms-office.activeX+xml": "an ActiveX control",
    "application/vnd.ms-office.activeX": "an ActiveX control",
    _OFFICE + "oleObject": "an embedded OLE object",
    _OFFICE + "spreadsheetml.": "an embedded spreadsheet",
    _OFFICE + "wordprocessingml.": "an embedded Word document",
    _PML + "presentation": "an embedded presentation",
    "application/vnd.ms-excel": "an embedded spreadsheet",
    "application/msword": "an embedded Word document",
    "application/vnd.ms-powerpoint": "an embedded presentation",
    "video/": "a video",
    "audio/": "a sound",
}
_REFUSED_FOLDERS = {"ppt/embeddings/": "an embedded object", "ppt/activeX/": "an ActiveX control"}
_CODE_RELATIONSHIPS = {
    "vbaProject": "a macro project (VBA code)",
    "control": "an ActiveX control",
    "activeXControl": "an ActiveX control",
    "oleObject": "an embedded OLE object",
    "package": "an embedded document",
    "ui/extensibility": "a ribbon customisation (it can call macros)",
    "attachedTemplate": "a link to another template",
    "externalLink": "a link to another file's data",
}
_WEB = ("https://", "http://", "mailto:")


@dataclass(frozen=True, slots=True)
class Policy:
    """What a package may hold beyond a template's needs."""

    hyperlinks: bool = False  # external hyperlinks to web and mail addresses
    chart_workbooks: bool = False  # an embedded .xlsx per chart (its "Edit data")
    geometry: bool = True  # 16:9 slides, every master and layout placeholder on the slide
    max_parts: int = MAX_PARTS  # a deck has about 5 parts a slide, so its own, larger limit


TEMPLATE = Policy()
DECK = Policy(hyperlinks=True, chart_workbooks=True, geometry=False, max_parts=0xFFFF)
SAVE_AGAIN = "save the template again from PowerPoint as a .pptx"


def inspect(path: Path, policy: Policy = TEMPLATE) -> list[str]:
    """Every reason ``path`` may not be used under ``policy`` (empty when it may)."""
    if why := what_is(path):
        return [f"it {why}"]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [f"the file is {size / 1e6:.0f} MB, over the limit of "
                    f"{MAX_FILE_BYTES / 1e6:.0f} MB; make pictures smaller and save it again"]
        count = _entry_count(path)
        if count > policy.max_parts:
            return [f"the file holds {count:,} parts, over the limit of {policy.max_parts:,}; "
                    f"{SAVE_AGAIN} with fewer pictures and layouts"]
        with zipfile.ZipFile(path) as zf:
            return _inspect_zip(zf, policy)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, zlib.error,
            NotImplementedError):  # the last two: a damaged or unknown compression of a part
        return [f"it is not a PowerPoint file (its zip structure is damaged); {SAVE_AGAIN}"]
    except ValueError:  # a size or position that is not a number
        return [f"it is not a PowerPoint file as PowerPoint writes one (a slide size or "
                f"position is not a number); {SAVE_AGAIN}"]
    except OSError as exc:
        return [f"it cannot be read ({exc.strerror or exc}); check that it is readable"]


def _entry_count(path: Path) -> int:
    """The number of entries the zip's end record declares, read without the directory."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        end = handle.tell()
        handle.seek(max(0, end - 65_557))
        tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        raise zipfile.BadZipFile("no end of central directory")
    count = struct.unpack("<H", tail[at + 10: at + 12])[0]
    return int(count)  # 0xFFFF: a ZIP64 file with at least that many, more than a template has


def _inspect_zip(zf: zipfile.ZipFile, policy: Policy) -> list[str]:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    problems = _sizes(infos)
    if len(set(names)) != len(names):
        problems.append(f"the file names a part twice; {SAVE_AGAIN}")
    if problems:
        return problems
    types = _content_types(zf, set(names))
    if isinstance(types, str):
        return [types]
    problems += _parts(types, policy)
    for name in names:
        if name.endswith(".rels"):
            problems += _relationships(zf, name, set(names), types, policy)
    if policy.geometry and not problems:
        problems += _geometry(zf, types)
    return list(dict.fromkeys(problems))


def _sizes(infos: list[zipfile.ZipInfo]) -> list[str]:
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        return [f"it unzips to {total / 1e6:,.0f} MB, over the limit of "
                f"{MAX_TOTAL_BYTES / 1e6:.0f} MB; make pictures smaller and save it again"]
    big = [i for i in infos if i.file_size > MAX_PART_BYTES]
    return [f"part {i.filename} unzips to {i.file_size / 1e6:,.0f} MB, over the limit of "
            f"{MAX_PART_BYTES / 1e6:.0f} MB; replace it with a smaller picture" for i in big]


def read_xml(zf: zipfile.ZipFile, name: str) -> etree._Element | str:
    """Part ``name`` parsed, reading at most ``MAX_XML_BYTES``; or why it cannot be."""
    try:
        with zf.open(name) as handle:
            data = handle.read(MAX_XML_BYTES + 1)
    except KeyError:
        return f"part {name} is missing; {SAVE_AGAIN}"
    if len(data) > MAX_XML_BYTES:
        return f"part {name} is over {MAX_XML_BYTES / 1e6:.0f} MB of XML; {SAVE_AGAIN}"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return f"part {name} is not well-formed XML; {SAVE_AGAIN}"
    if root.getroottree().docinfo.doctype:
        return f"part {name} declares a document type (not allowed in Office files); {SAVE_AGAIN}"
    return root


def _content_types(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str] | str:
    """Part name -> content type, for every part but the content types part itself."""
    root = read_xml(zf, "[Content_Types].xml")
    if isinstance(root, str):
        return f"it is not a PowerPoint file ({root.split(';')[0]}); {SAVE_AGAIN}"
    defaults = {e.get("Extension", "").lower(): e.get("ContentType", "")
                for e in root.iter(_CT + "Default")}
    overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "")
                 for e in root.iter(_CT + "Override")}
    out: dict[str, str] = {}
    for name in names - {"[Content_Types].xml"}:
        if name.endswith("/"):
            continue
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        out[name] = overrides.get(name) or defaults.get(ext, "")
    return out


def _refused(name: str, kind: str) -> str | None:
    """What part ``name`` of type ``kind`` is, when it runs code or embeds an object."""
    if "macroEnabled" in kind:
        return "a macro-enabled presentation"
    for key, what in _REFUSED_TYPES.items():
        if kind == key or (key.endswith(("/", ".")) and kind.startswith(key)):
            return what
    return next((w for f, w in _REFUSED_FOLDERS.items() if name.startswith(f)), None)


def _parts(types: dict[str, str], policy: Policy) -> list[str]:
    problems: list[str] = []
    for name, kind in sorted(types.items()):
        if policy.chart_workbooks and name.startswith("ppt/embeddings/") and kind.endswith(
                "spreadsheetml.sheet"):
            continue
        what = _refused(name, kind)
        if what:
            problems.append(f"it contains {what} ({name}); remove it and save the file as a "
                            "PowerPoint Presentation (.pptx), which holds no macros or objects")
        elif not (kind in _ALLOWED_TYPES or kind.startswith(_ALLOWED_PREFIXES)):
            shown = kind or "no declared type"
            problems.append(f"it contains a part a deck template does not need ({name}, "
                            f"{shown}); remove it and save the file again")
    return problems


def _source_of(rels_name: str) -> str:
    """``ppt/slides/_rels/slide1.xml.rels`` -> ``ppt/slides/slide1.xml``."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _relationships(zf: zipfile.ZipFile, name: str, names: set[str], types: dict[str, str],
                   policy: Policy) -> list[str]:
    root = read_xml(zf, name)
    if isinstance(root, str):
        return [root]
    source = _source_of(name)
    base = posixpath.dirname(source)
    problems: list[str] = []
    for rel in root.iter(_REL + "Relationship"):
        rtype, target = rel.get("Type", ""), rel.get("Target", "")
        code = next((w for k, w in _CODE_RELATIONSHIPS.items() if rtype.endswith("/" + k)), None)
        if rel.get("TargetMode") == "External":
            allowed = (policy.hyperlinks and rtype.endswith("/hyperlink")
                       and target.lower().startswith(_WEB))
            if not allowed:
                problems.append(f"{source} links to {target[:80]!r} outside the file; "
                                "remove the link (a template must not fetch or open anything "
                                "elsewhere)")
            continue
        part = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                  else posixpath.join(base, target))
        workbook = (policy.chart_workbooks and rtype.endswith("/package")
                    and types.get(part, "").endswith("spreadsheetml.sheet"))
        if code and not workbook:
            problems.append(f"{source} uses {code} ({part}); remove it and save the file as a "
                            "PowerPoint Presentation (.pptx)")
        elif part not in names:
            problems.append(f"{source} refers to part {part}, which the file lacks; {SAVE_AGAIN}")
    return problems


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_EMU_IN = 914_400
WIDE = 16 / 9
_SLACK = 0.005  # of the slide size: rounding in files PowerPoint saves


def _geometry(zf: zipfile.ZipFile, types: dict[str, str]) -> list[str]:
    """16:9 slides, and every placeholder of the masters and layouts on the slide."""
    main = [n for n, k in types.items() if k.endswith(".main+xml") and k.startswith(_PML)]
    root = read_xml(zf, main[0]) if main else "the file has no presentation part"
    size = root.find(_P + "sldSz") if not isinstance(root, str) else None
    if isinstance(root, str) or size is None:
        why = root if isinstance(root, str) else "it has no slide size"
        return [f"it is not a usable presentation ({why}); {SAVE_AGAIN}"]
    cx, cy = int(size.get("cx", "0")), int(size.get("cy", "0"))
    if cy <= 0 or abs(cx / cy - WIDE) > 0.01:
        return [f"its slides are {cx / _EMU_IN:.2f} x {cy / _EMU_IN:.2f} in, not 16:9 as the deck "
                "is laid out; set the slide size to Widescreen (16:9) in PowerPoint (Design > "
                "Slide Size), check the layouts and save it again"]
    problems: list[str] = []
    for name, kind in sorted(types.items()):
        if kind in (_PML + "slideMaster+xml", _PML + "slideLayout+xml"):
            part = read_xml(zf, name)
            problems += [part] if isinstance(part, str) else _off_slide(part, name, cx, cy)
    return problems


def _off_slide(root: etree._Element, name: str, cx: int, cy: int) -> list[str]:
    csld = root.find(_P + "cSld")
    where = f"layout '{csld.get('name')}'" if csld is not None and csld.get("name") else name
    out = []
    for sp in root.iter(_P + "sp"):
        if sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph") is None:
            continue
        off, ext = sp.find(f"{_P}spPr/{_A}xfrm/{_A}off"), sp.find(f"{_P}spPr/{_A}xfrm/{_A}ext")
        if off is None or ext is None:
            continue  # placed by the master
        x, y = int(off.get("x", "0")), int(off.get("y", "0"))
        w, h = int(ext.get("cx", "0")), int(ext.get("cy", "0"))
        if min(x, y) < -_SLACK * cx or x + w > cx * (1 + _SLACK) or y + h > cy * (1 + _SLACK):
            label = sp.find(f"{_P}nvSpPr/{_P}cNvPr")
            shown = label.get("name", "?") if label is not None else "?"
            out.append(f"placeholder '{shown}' of {where} lies off the slide; move it onto "
                       "the slide in PowerPoint (View > Slide Master) and save it again")
    return out
