"""The output gate rejects damaged files before they can replace good ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.gate import check_output
from tests.conftest import need_tool


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import MINIMAL_BRIEFING, MINIMAL_PART, run_cli, write_project

    folder = write_project(tmp_path_factory.mktemp("gate"), {
        "content/tiny/briefing.yaml": MINIMAL_BRIEFING, "content/tiny/part.yaml": MINIMAL_PART})
    assert run_cli(folder, "build").returncode == 0
    return folder / "output" / "tiny"


def test_good_outputs_pass(good: Path) -> None:
    assert check_output(good / "tiny.pdf") == []
    assert check_output(good / "tiny.pptx") == []


def test_truncated_pdf_fails_in_pypdf_and_qpdf(good: Path, tmp_path: Path) -> None:
    need_tool("qpdf")
    data = (good / "tiny.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    found = check_output(cut)
    assert found[0] == "cut.pdf: PDF does not open in strict mode: EOF marker not found"
    assert found[1].startswith("cut.pdf: qpdf --check failed: ")


def test_pdf_with_a_font_not_embedded_fails(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "base14.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 72, "base-14 font, not embedded")
    canvas.save()
    assert check_output(path)[0] == "page 1: font /F1 (/Helvetica) is not embedded"


def test_untagged_pdf_fails_pdf_ua_and_pdf_a(tmp_path: Path) -> None:
    """A plain reportlab PDF (no structure, no XMP, no output intent) fails both profiles,
    one line per failed rule."""
    from reportlab.pdfgen.canvas import Canvas

    from builder.gate import check_conformance

    path = tmp_path / "plain.pdf"
    Canvas(str(path), invariant=1).save()
    found = check_conformance(path)
    assert "plain.pdf: PDF/UA-1 rule PDFUA1-ID-SCHEMA-001 fails: XMP does not contain the " \
        "PDF/UA Identification schema" in found
    assert any(line.startswith("plain.pdf: PDF/A-2a rule PDFA2A-") for line in found)


def test_deck_that_does_not_reopen_fails(good: Path, tmp_path: Path) -> None:
    data = (good / "tiny.pptx").read_bytes()
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(data[: len(data) - 200])
    [message] = check_output(broken)
    assert message.startswith("broken.pptx: deck does not reopen: ")


def test_chart_files_pass_and_damaged_ones_fail(good: Path, tmp_path: Path) -> None:
    svg, png = good / "charts" / "table-1-chart.svg", good / "charts" / "table-1-chart.png"
    assert check_output(svg) == [] and check_output(png) == []
    raw = png.read_bytes()
    for name, data, why in (
            ("cut.png", raw[: len(raw) // 2], "is cut short or has a bad CRC"),
            ("flip.png", raw[:60] + bytes([raw[60] ^ 1]) + raw[61:], "has a bad CRC"),
            ("text.png", b"not a png", "no PNG signature")):
        (tmp_path / name).write_bytes(data)
        found = check_output(tmp_path / name)
        assert len(found) == 1 and found[0].startswith(f"{name}: PNG is damaged: ")
        assert why in found[0]
    text = svg.read_bytes()
    (tmp_path / "cut.svg").write_bytes(text[: len(text) // 2])
    assert check_output(tmp_path / "cut.svg")[0].startswith("cut.svg: SVG does not parse: ")
    (tmp_path / "html.svg").write_bytes(b"<html><body/></html>")
    assert check_output(tmp_path / "html.svg") == ["html.svg: not an SVG image (root element html)"]


def test_chart_files_without_their_text_alternative_fail(good: Path, tmp_path: Path) -> None:
    """A chart SVG must name itself (<title>, <desc>, role="img"); a PNG needs its .txt."""
    svg, png = good / "charts" / "table-1-chart.svg", good / "charts" / "table-1-chart.png"
    bare = re.sub(rb"<title.*?</desc>", b"", svg.read_bytes(), flags=re.S)
    (tmp_path / "bare.svg").write_bytes(bare.replace(b' role="img"', b""))
    assert check_output(tmp_path / "bare.svg") == [
        'bare.svg: SVG without <title>, <desc>, role="img"']
    (tmp_path / "alone.png").write_bytes(png.read_bytes())
    assert check_output(tmp_path / "alone.png") == [
        "alone.png: PNG without its text alternative alone.txt"]
