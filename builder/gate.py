"""The output gate: a built file must open in independent readers before it replaces
the previous one. Each check returns what is wrong (empty when the file is good)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

PROFILES = {"ua1": "PDF/UA-1", "2a": "PDF/A-2a"}


def check_conformance(path: Path) -> list[str]:
    """Every rule of PDF/UA-1 and PDF/A-2a passes in the ``page-validation`` checker (a
    reimplementation of veraPDF's rules): one line per failed rule."""
    import page

    # our own tables may be long (a 1,500-row table is allowed content); other limits stay
    limits = page.SafetyLimits(max_table_grid_rows=100_000, max_table_grid_cells=10_000_000)
    problems: list[str] = []
    for profile, name in PROFILES.items():
        try:
            report = page.validate_pdf(path, profile=profile, limits=limits)
        except page.PageError as exc:
            return [f"{path.name}: {name} validation could not read the file: {exc}"]
        problems += [f"{path.name}: {name} rule {f.rule_id} fails: {f.message}"
                     for f in report.failures]
    return problems


def check_pdf(path: Path) -> list[str]:
    """pypdf strict parse, every font embedded and PDF/UA-1 and PDF/A-2a conformance,
    while qpdf --check (where installed) reads the same file in its own process."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    qpdf = (subprocess.Popen(["qpdf", "--check", str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
            if shutil.which("qpdf") else None)
    problems: list[str] = []
    try:
        reader = PdfReader(path, strict=True)
        for number, page in enumerate(reader.pages, start=1):
            problems += _page_fonts(page, number)
        problems += check_conformance(path)
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        problems = [f"{path.name}: PDF does not open in strict mode: {exc}"]
    if qpdf is not None:
        report, _ = qpdf.communicate()
        if qpdf.returncode not in (0, 3):  # 3 = warnings only
            problems.append(f"{path.name}: qpdf --check failed: {report.strip()[-300:]}")
    return problems


def _page_fonts(page: Any, number: int) -> list[str]:
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    out: list[str] = []
    for name, ref in (fonts.get_object().items() if fonts is not None else ()):
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        target = descendants.get_object()[0].get_object() if descendants else font
        desc = target.get("/FontDescriptor")
        desc = desc.get_object() if desc is not None else {}
        if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            if font.get("/Subtype") != "/Type3":
                out.append(f"page {number}: font {name} ({font.get('/BaseFont')}) is not embedded")
    return out


def check_pptx(path: Path) -> list[str]:
    """The deck holds no macro, ActiveX, embedded object (but its charts' data) or link
    out of the file (but web and mail hyperlinks), and reopens with python-pptx with every
    slide, shape and note readable."""
    from pptx import Presentation

    from builder.ooxml import DECK, inspect

    try:
        deck = Presentation(str(path))
        for slide in deck.slides:
            for shape in slide.shapes:
                if shape.has_text_frame:
                    _ = shape.text_frame.text
                if getattr(shape, "has_chart", False):
                    _ = [s.values for s in shape.chart.plots[0].series]
            if slide.has_notes_slide:
                _ = slide.notes_slide.notes_text_frame.text  # type: ignore[union-attr]
    except Exception as exc:  # any failure to read is a failed gate, reported by name
        return [f"{path.name}: deck does not reopen: {type(exc).__name__}: {exc}"]
    empty = [f"{path.name}: the deck has no slides"] if len(deck.slides) == 0 else []
    return empty + [f"{path.name}: {why}" for why in inspect(path, DECK)]


def check_svg(path: Path) -> list[str]:
    """The chart SVG is well-formed XML whose root is an ``<svg>`` with a size and a
    viewBox, and an image (``role="img"``) named by a ``<title>`` and ``<desc>``."""
    from xml.etree import ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        return [f"{path.name}: SVG does not parse: {exc}"]
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        return [f"{path.name}: not an SVG image (root element {root.tag})"]
    missing = [a for a in ("width", "height", "viewBox") if not root.get(a)]
    missing += [f"<{t}>" for t in ("title", "desc")
                if not (root.findtext("{http://www.w3.org/2000/svg}" + t) or "").strip()]
    if root.get("role") != "img":
        missing.append('role="img"')
    return [f"{path.name}: SVG without {', '.join(missing)}"] if missing else []


_PNG = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type -> samples per pixel


def check_png(path: Path) -> list[str]:
    """Every chunk of the PNG is whole with a good CRC, its image data inflates to
    exactly the rows its header announces (no truncated or damaged picture), and its
    text alternative is beside it (``<name>.txt``)."""
    try:
        raw = path.read_bytes()
        header, data = _png_chunks(raw)
        width, height, depth, colour = struct.unpack(">IIBB", header[:10])
        row = 1 + (width * _CHANNELS[colour] * depth + 7) // 8
        if len(zlib.decompress(data)) != row * height:
            raise ValueError("image data does not match the header's size")
    except (OSError, ValueError, KeyError, struct.error, zlib.error) as exc:
        return [f"{path.name}: PNG is damaged: {exc}"]
    alt = path.with_suffix(".txt")
    if not alt.is_file() or not alt.read_text(encoding="utf-8").strip():
        return [f"{path.name}: PNG without its text alternative {alt.name}"]
    return []


def _png_chunks(raw: bytes) -> tuple[bytes, bytes]:
    """(IHDR data, all IDAT data); ValueError for a bad signature, chunk, CRC or order."""
    if not raw.startswith(_PNG):
        raise ValueError("no PNG signature")
    at, header, data, kinds = len(_PNG), b"", bytearray(), []
    while at < len(raw):
        length, kind = struct.unpack(">I4s", raw[at:at + 8])
        body = raw[at + 8:at + 8 + length]
        crc = raw[at + 8 + length:at + 12 + length]
        if len(body) != length or len(crc) != 4 or zlib.crc32(kind + body) != int.from_bytes(crc):
            raise ValueError(f"chunk {kind!r} is cut short or has a bad CRC")
        header = body if kind == b"IHDR" else header
        data += body if kind == b"IDAT" else b""
        kinds.append(kind)
        at += 12 + length
    if not kinds or kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or len(header) != 13:
        raise ValueError("chunks out of order or missing")
    return header, bytes(data)


GATES = {".pdf": check_pdf, ".pptx": check_pptx, ".svg": check_svg, ".png": check_png}


def check_output(path: Path) -> list[str]:
    gate = GATES.get(path.suffix)
    return gate(path) if gate else []
