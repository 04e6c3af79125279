"""LibreOffice, a real client, converts the deck to PDF with one page per slide."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from builder.deck.plan import DeckPlan
from tests.conftest import need_tool


def test_libreoffice_renders_one_page_per_slide(deck_path: Path, plan: DeckPlan,
                                                tmp_path: Path) -> None:
    need_tool("soffice")
    profile = tmp_path / "lo-profile"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_path)],
                         capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "sample.pdf"
    assert pdf.is_file(), run.stderr
    assert len(PdfReader(pdf, strict=True).pages) == len(plan.slides)
