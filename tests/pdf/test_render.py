"""The built PDF, checked with independent readers (pypdf, qpdf, poppler)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from builder.model import (
    CrossRef,
    Emphasis,
    FootnoteRef,
    Link,
    Strong,
    Table,
    Text,
    plain_text,
    walk_sections,
)
from builder.pdf import render_pdf
from builder.pdf.contents import contents_entries
from builder.theme import Theme
from tests.conftest import need_tool
from tests.pdf.conftest import Built, norm
from tests.texts import blocks as _blocks
from tests.texts import chunks as _chunks
from tests.texts import inlines as _inlines
from tests.texts import spans as _spans


def _all_text(built: Built) -> str:
    return "".join(built.pages_text())


def test_qpdf_check_passes(built: Built) -> None:
    need_tool("qpdf")
    run = subprocess.run(["qpdf", "--check", str(built.path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_only_the_brand_font_embedded(built: Built) -> None:
    need_tool("pdffonts")
    out = subprocess.run(["pdffonts", str(built.path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out
    for row in out:
        name, emb = row.split()[0], row.split()[-5]
        assert "SourceSansPro-" in name, row
        assert emb == "yes", row


def test_every_text_of_the_content_is_in_the_pdf(built: Built) -> None:
    text = built.body_text()
    b = built.briefing
    wanted: list[str] = []
    for block in _blocks(b):
        wanted += [c for spans in _inlines(block) for c in _chunks(spans)]
        if isinstance(block, Table):
            wanted += [row.label for row in block.rows]
            wanted += [cell.text for row in block.rows for cell in row.cells]
    wanted += [c for r in b.references for c in _chunks(r.text)]
    missing = [w for w in wanted if norm(w) not in text]
    everything = _all_text(built)
    missing += [c for fn in b.footnotes for c in _chunks(fn.content) if norm(c) not in everything]
    assert missing == []


def test_contents_numbers_are_the_heading_pages(built: Built) -> None:
    pages = built.pages_text()
    page_of = built.result.page_of
    contents = pages[page_of["contents"] - 1]
    for entry in contents_entries(built.briefing):
        n = page_of[entry.node_id]
        assert re.search(re.escape(norm(entry.title)) + r"(\.)*" + str(n) + r"(?!\d)",
                         contents), entry
        assert norm(entry.title) in pages[n - 1], (entry, n)


def test_see_page_names_the_target_page(built: Built) -> None:
    pages = built.pages_text()
    page_of = built.result.page_of
    refs = [s for block in _blocks(built.briefing) for spans in _inlines(block)
            for s in _spans(spans) if isinstance(s, CrossRef)]
    assert refs
    found = re.findall(r"seepage(\d+)", "".join(pages))
    assert sorted(found) == sorted(str(page_of[r.target]) for r in refs)
    assert "seepage00" not in "".join(pages)


def test_footnote_text_is_on_the_page_of_its_marker(built: Built) -> None:
    pages = built.pages_text()
    by_id = {fn.id: fn for fn in built.briefing.footnotes}
    seen: set[str] = set()
    for block in _blocks(built.briefing):
        for spans in _inlines(block):
            before = ""
            for span in spans:
                if isinstance(span, FootnoteRef) and span.target not in seen:
                    seen.add(span.target)
                    tail = norm(before)[-14:]
                    note = norm(plain_text(by_id[span.target].content))[:50]
                    marker_pages = {i for i, p in enumerate(pages) if tail in p}
                    note_pages = {i for i, p in enumerate(pages) if note in p}
                    assert marker_pages & note_pages, span.target
                elif isinstance(span, Text | Emphasis | Strong | Link):
                    before += plain_text((span,))
    assert seen


def test_footnotes_numbered_in_reading_order(built_health: Built) -> None:
    text = _all_text(built_health)
    numbers = [int(n) for n in re.findall(r"(?m)^(\d)\s", "\n".join(
        p.extract_text() or "" for p in PdfReader(built_health.path).pages))]
    assert set(range(1, len(built_health.briefing.footnotes) + 1)) <= set(numbers)
    assert text


def _outline_titles(outline: Sequence[object]) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield item.title  # type: ignore[attr-defined]


def test_outline_has_an_entry_per_heading(built: Built) -> None:
    reader = PdfReader(built.path)
    titles = list(_outline_titles(reader.outline))
    b = built.briefing
    wanted = ["Contents"]
    for part in b.parts:
        wanted += [part.title] + [s.title for s in walk_sections(part.sections)]
    if b.references:
        wanted.append("References")
    assert titles == wanted
    top = [o.title for o in reader.outline if not isinstance(o, list)]  # type: ignore[attr-defined]
    assert top == ["Contents", *[p.title for p in b.parts], "References"]


def test_metadata_language_and_title_display(built: Built) -> None:
    reader = PdfReader(built.path)
    meta = built.briefing.meta
    assert reader.metadata is not None
    assert reader.metadata.title == meta.title
    assert reader.metadata.author == ", ".join(meta.authors)
    assert reader.metadata.subject == meta.subtitle
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/PageMode"] == "/UseOutlines"


def test_health_size_and_pages(built_health: Built) -> None:
    assert built_health.path.stat().st_size <= 1_000_000
    assert 24 <= built_health.result.pages <= 32
    assert len(PdfReader(built_health.path).pages) == built_health.result.pages
    assert [p for p in built_health.result.problems if p.severity == "error"] == []


def test_two_builds_are_byte_identical(built: Built, theme: Theme, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    render_pdf(built.briefing, theme, built.charts, again, finish=built.finish)
    assert again.read_bytes() == built.path.read_bytes()


def test_links_are_live(built: Built) -> None:
    reader = PdfReader(built.path)
    uris = {a.get_object()["/A"].get("/URI") for page in reader.pages
            for a in page.get("/Annots", []) or [] if "/A" in a.get_object()}
    for ref in built.briefing.references:
        if ref.url:
            assert ref.url in uris or ref.url.rstrip("/") in {str(u).rstrip("/") for u in uris}
    assert not any(str(u).startswith("www.") for u in uris if u)


def test_page_of_covers_sections_tables_and_figures(built: Built) -> None:
    ids = {s.id for part in built.briefing.parts for s in walk_sections(part.sections)}
    ids |= {getattr(b, "id", "") for b in _blocks(built.briefing)} - {""}
    assert ids <= set(built.result.page_of)
    assert all(1 <= n <= built.result.pages for n in built.result.page_of.values())
