"""A paragraph longer than a page: every word printed once, in order, on consecutive
pages, and its lines broken once per layout pass (not again after every page), which is
what keeps layout time proportional to the paragraph's length."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus.paragraph import Paragraph as RLParagraph

from builder.limits import TEXT
from builder.model import Briefing, Emphasis, Link, Paragraph, Part, Section, Text, plain_text
from builder.pdf import render_pdf
from builder.theme import Theme
from tests.pdf.conftest import Built, norm
from tests.pdf.sample import LOREM, at, meta


def _long(chars: int) -> Paragraph:
    """A paragraph of about ``chars`` characters with emphasis and links in it."""
    spans: list[Any] = []
    n = 0
    while n < chars:
        spans += [Text(text=LOREM, at=at(9)), Emphasis(children=(Text(text="noticed", at=at(9)),),
                                                       at=at(9)),
                  Text(text=f" sentence {n} ", at=at(9)),
                  Link(children=(Text(text="a link", at=at(9)),), url="https://example.org",
                       at=at(9)), Text(text=". ", at=at(9))]
        n += len(LOREM) + 40
    return Paragraph(content=tuple(spans), at=at(9))


def _briefing(block: Paragraph) -> Briefing:
    section = Section(id="s", title="A long paragraph", level=2, blocks=(block,), at=at(5))
    return Briefing(id="long", meta=meta(), at=at(1),
                    parts=(Part(id="p", title="Part 1", sections=(section,), at=at(4)),))


@pytest.fixture(scope="module")
def long_paragraph(theme: Theme, tmp_path_factory: pytest.TempPathFactory) -> Built:
    briefing = _briefing(_long(TEXT.value - 500))
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    return Built(briefing, render_pdf(briefing, theme, {}, path), path, {})


def test_every_word_is_printed_once_in_order(long_paragraph: Built) -> None:
    block = long_paragraph.briefing.parts[0].sections[0].blocks[0]
    assert isinstance(block, Paragraph)
    text = norm(plain_text(block.content))
    body = long_paragraph.body_text()
    assert body.count(text) == 1
    pages = [i for i, p in enumerate(long_paragraph.pages_text()) if "sentence" in p]
    assert len(pages) >= 4 and pages == list(range(pages[0], pages[-1] + 1))


def test_lines_are_broken_once_per_pass(theme: Theme, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    broken: list[int] = []
    original = RLParagraph.breakLines

    def counting(self: Any, width: Any) -> Any:
        lines = original(self, width)
        broken.append(len(lines.lines))
        return lines

    monkeypatch.setattr(RLParagraph, "breakLines", counting)
    result = render_pdf(_briefing(_long(TEXT.value - 500)), theme, {}, tmp_path / "p.pdf")
    longest = max(broken)
    # the whole paragraph once per pass; after that only the part kept on each page
    # (reportlab makes it anew) and the short texts of the page furniture
    assert sum(broken) < result.passes * 2.5 * longest, (result.passes, longest, broken)
