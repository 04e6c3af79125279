"""The shipped health briefing, built by the CLI and read by the clients users have:
poppler (text, fonts), qpdf (structure) and LibreOffice Impress (the deck)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from builder.content import load_briefing
from tests.conftest import ROOT, need_tool, run_cli
from tests.texts import blocks, chunks, inlines


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clients")
    run = run_cli(ROOT, "build", "content/health", "--out", str(folder), "--force")
    assert run.returncode == 0, run.stderr
    return folder / "health-2022"


def _words(text: str) -> str:
    return " ".join(re.sub(r"[\u00ad]", "", text).split())


def _content_texts() -> list[str]:
    briefing, _ = load_briefing(ROOT / "content/health/briefing.yaml", ROOT)
    assert briefing is not None
    return [c.strip() for block in blocks(briefing) for runs in inlines(block)
            for c in chunks(runs) if len(c.strip()) > 2]


def _pages(pdf: Path) -> list[str]:
    """Each page's words, without running header and footer lines (those on most pages)."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout.split("\f")
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in raw]
    counts: dict[str, int] = {}
    for page in lines:
        for line in set(page):
            counts[line] = counts.get(line, 0) + 1
    furniture = {line for line, n in counts.items() if n > len(lines) // 2 or line.isdigit()}
    # Lines broken at a hyphen by the layout are joined back before comparing.
    return [_words(re.sub(r"-\n", "-", "\n".join(x for x in page if x not in furniture)))
            for page in lines]


def _found(text: str, pages: list[str]) -> bool:
    """On one page, or running from the end of the body of one page onto the next."""
    if any(text in page for page in pages):
        return True
    words = text.split()
    for k in range(1, len(words)):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if any(head in a and tail in b for a, b in zip(pages, pages[1:], strict=False)):
            return True
    return False


def test_poppler_text_has_every_paragraph_and_item(out: Path) -> None:
    need_tool("pdftotext")
    pages = _pages(out / "health-2022.pdf")
    missing = [t for t in _content_texts() if not _found(_words(t), pages)]
    assert not missing, f"{len(missing)} texts not found, e.g. {missing[:3]}"


def test_poppler_lists_only_embedded_fonts(out: Path) -> None:
    need_tool("pdffonts")
    rows = subprocess.run(["pdffonts", str(out / "health-2022.pdf")], capture_output=True,
                          text=True, check=True).stdout.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the 'emb' column


def test_qpdf_finds_no_damage(out: Path) -> None:
    need_tool("qpdf")
    run = subprocess.run(["qpdf", "--check", str(out / "health-2022.pdf")], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout


def test_libreoffice_converts_the_deck_one_page_per_slide(out: Path, tmp_path: Path) -> None:
    need_tool("soffice")
    from pptx import Presentation
    from pypdf import PdfReader

    deck = out / "health-2022.pptx"
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(deck)], capture_output=True, timeout=300,
                   env=dict(os.environ, HOME=str(tmp_path)))
    converted = tmp_path / "health-2022.pdf"
    assert converted.is_file(), "LibreOffice wrote no PDF (its exit code is not to be trusted)"
    shown = [s for s in Presentation(str(deck)).slides if s._element.get("show") != "0"]
    assert len(PdfReader(converted).pages) == len(shown)  # hidden slides are not exported
