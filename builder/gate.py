"""The output gate: a built file must open in independent readers before it replaces
the previous one. Each check returns what is wrong (empty when the file is good)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any


def check_pdf(path: Path) -> list[str]:
    """pypdf strict parse and every font embedded, while qpdf --check (where installed)
    reads the same file in its own process."""
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
    """The deck reopens with python-pptx and every slide, shape and note can be read."""
    from pptx import Presentation

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
        if len(deck.slides) == 0:
            return [f"{path.name}: the deck has no slides"]
    except Exception as exc:  # any failure to read is a failed gate, reported by name
        return [f"{path.name}: deck does not reopen: {type(exc).__name__}: {exc}"]
    return []


GATES = {".pdf": check_pdf, ".pptx": check_pptx}


def check_output(path: Path) -> list[str]:
    gate = GATES.get(path.suffix)
    return gate(path) if gate else []
