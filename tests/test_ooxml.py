"""Templates are untrusted input: what a deck template needs passes, everything that
runs code, embeds objects, links out, inflates or is damaged is named and refused; the
gate refuses a built deck carrying any of it."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import pytest

from builder.gate import check_pptx
from builder.ooxml import DECK, TEMPLATE, inspect
from tests.hostile_templates import HOSTILE, bomb, branded, hostile

EXPECTED = {
    "macros": "macro-enabled presentation",
    "vba-only": "macro project (VBA code) (ppt/vbaProject.bin)",
    "activex": "ActiveX control",
    "ole-object": "embedded OLE object",
    "external-link": "links to 'http://tracker.example/pixel.png' outside the file",
    "external-hyperlink": "links to 'https://example.org/' outside the file",
    "missing-part": "refers to part ppt/slideLayouts/slideLayout2.xml, which the file lacks",
    "doctype": "declares a document type",
    "four-by-three": "10.00 x 7.50 in, not 16:9",
    "placeholder-off-slide": "lies off the slide",
    "unneeded-part": "a video (ppt/media/intro.mp4)",
    "too-many-parts": "over the limit of 2,000",
    "size-not-a-number": "a slide size or position is not a number",
}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return branded(tmp_path_factory.mktemp("template") / "org.pptx")


def test_the_branded_template_passes(base: Path) -> None:
    assert inspect(base) == []


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_each_hostile_template_is_refused_naming_the_danger(base: Path, tmp_path: Path,
                                                            kind: str) -> None:
    problems = inspect(hostile(base, kind, tmp_path / f"{kind}.pptx"))
    assert problems and any(EXPECTED[kind] in p for p in problems), problems
    assert all(";" in p for p in problems), "each says what to do"


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = bomb(tmp_path / "bomb.pptx")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problems = inspect(path)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert path.stat().st_size < 2_000_000
    assert problems and "unzips to 315 MB, over the limit" in problems[0], problems
    assert grown_mib < 50


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04" + bytes(100)])
def test_files_that_are_not_packages_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pptx"
    path.write_bytes(data)
    assert "not a PowerPoint file" in " ".join(inspect(path))


def test_a_part_whose_compressed_data_is_damaged_is_refused(base: Path, tmp_path: Path) -> None:
    """The deflated bytes of the presentation part overwritten: zlib cannot inflate them."""
    data = bytearray(base.read_bytes())
    with zipfile.ZipFile(base) as zf:
        info = zf.getinfo("ppt/presentation.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 16] = b"\xff" * 16
    path = tmp_path / "damaged.pptx"
    path.write_bytes(bytes(data))
    problems = inspect(path)
    assert problems and "not a PowerPoint file" in problems[0], problems


def test_a_built_deck_passes_the_deck_policy_only(tmp_path: Path) -> None:
    from builder.deck.emit import write_deck
    from builder.deck.plan import plan_deck
    from builder.theme import load_theme
    from tests.deck.sample import BRIEFING, PAGES

    theme = load_theme()
    deck = tmp_path / "deck.pptx"
    write_deck(plan_deck(BRIEFING, theme, PAGES), BRIEFING, theme, deck)
    assert inspect(deck, DECK) == []
    assert any("embedded spreadsheet" in p for p in inspect(deck, TEMPLATE))


@pytest.mark.parametrize("kind", ["macros", "activex", "ole-object", "external-link"])
def test_the_gate_refuses_a_deck_carrying_code_objects_or_links_out(base: Path, tmp_path: Path,
                                                                    kind: str) -> None:
    failures = check_pptx(hostile(base, kind, tmp_path / "deck.pptx"))
    assert any(EXPECTED[kind] in f for f in failures), failures
