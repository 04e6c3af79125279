"""Transcription completeness: every line of prose in the published source text is found
in the model's text, except an explicit list of deliberate omissions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.content import load_briefing
from builder.model import (
    Briefing,
    CaseExample,
    CrossRef,
    Emphasis,
    Figure,
    Inlines,
    Link,
    Strong,
    Table,
    Text,
    walk_sections,
)
from builder.walk import all_blocks, all_inlines

ROOT = Path(__file__).resolve().parents[2]
HEALTH = ROOT / "content/health/briefing.yaml"
SOURCE = ROOT.parent / "shared/source/health-briefing-2022.txt"

# Source lines deliberately not in the model text (normalised form, exact match).
OMITTED_LINES = {
    "Contents",                    # the printed contents list: the PDF prints its own
    "References",                  # heading printed by the builder from references:
    "Learning points",             # heading printed by the builder for learning_points
    "research",                    # page furniture: the logo "research in practice"
    "in practice",
    "UNIVERSITY OF",               # logo text "UNIVERSITY OF BIRMINGHAM": `partners`
    "BIRMINGHAM",
    "case reviews (SCRs) 2022.",   # cover title block: `title:` (without the full stop)
    "Authors: Steve Flood and",    # back cover: `authors:` list, printed by the builder
}
OMITTED_PATTERNS = [
    re.compile(r"- page \d+$"),           # contents list entries
    re.compile(r"^\d+$"),                 # page numbers
]
# Text in the source that the model holds in another form.
REWRITES = [
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),          # autolinks <url> -> links
    (re.compile(r"\bsee page \d+\b"), "see page #"),     # "see page N" <- {see:ID}
    (re.compile(r"^(Table|Figure) \d+: "), ""),          # numbers printed by the builder
    (re.compile(r"^\d (?=[A-Z][a-z])"), ""),             # footnote number "5 Recent ..."
    (re.compile(r"^(tel|email) "), ""),                   # back-cover labels
]

_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def normalise(text: str) -> str:
    text = re.sub(r"^\s*-?\s*>\s*", "", text)            # bullet glyphs "- > " and "> "
    text = re.sub(r"^\s*-\s+", "", text)
    text = text.translate({ord(c): None for c in _SUPERSCRIPTS})
    text = text.replace("**", "").replace("*", "")
    text = text.replace("\\", "")
    return " ".join(text.split())


def reader_text(spans: Inlines) -> str:
    """Plain text with cross-references as the PDF prints them ("see page #")."""
    out: list[str] = []
    for span in spans:
        if isinstance(span, CrossRef):
            out.append("see page #")
        elif isinstance(span, Emphasis | Strong | Link):
            out.append(reader_text(span.children))
        elif isinstance(span, Text):
            out.append(span.text)
    return "".join(out)


def model_texts(b: Briefing) -> Iterator[str]:
    m = b.meta
    yield from (m.title, m.subtitle, m.short_title, m.series, m.date, m.copyright)
    yield from (*m.authors, *m.acknowledgements, *m.partners, *m.colophon)
    p = m.publisher
    yield from (p.name, *p.address, p.telephone, p.email, p.website)
    for part in b.parts:
        yield part.title
        for s in walk_sections(part.sections):
            yield s.title
    for spans in all_inlines(b):
        yield reader_text(spans)
    for block in all_blocks(b):
        if isinstance(block, Table):
            yield block.title
            for col in block.columns:
                yield col.label
            for row in block.rows:
                yield row.label
                yield from (c.text for c in row.cells)
        elif isinstance(block, Figure | CaseExample):
            yield block.title
    for ref in b.references:
        yield ref.url
    for chart in b.charts:
        yield chart.title


def source_pieces(text: str) -> Iterator[tuple[int, str]]:
    """(line number, normalised piece) for every line; table rows split at tabs."""
    for number, line in enumerate(text.splitlines(), start=1):
        for piece in line.split("\t"):
            for pattern, repl in REWRITES:
                piece = pattern.sub(repl, piece)
            norm = normalise(piece)
            if not norm or norm in OMITTED_LINES:
                continue
            if any(p.search(norm) for p in OMITTED_PATTERNS):
                continue
            yield number, norm


@pytest.mark.skipif(not (SOURCE.is_file() and HEALTH.is_file()),
                    reason="source text or content/health not present")
def test_every_source_line_is_in_the_model() -> None:
    model, problems = load_briefing(HEALTH, ROOT)
    assert model is not None, [str(p) for p in problems]
    haystack = "\n".join(normalise(t) for t in model_texts(model) if t)
    flat = " ".join(haystack.split())
    missing = [f"{n}: {piece}" for n, piece in source_pieces(SOURCE.read_text(encoding="utf-8"))
               if piece not in flat]
    assert missing == [], "source lines not found in the model:\n" + "\n".join(missing)


def test_comparison_reports_a_dropped_line() -> None:
    source = "Contents\n\nPart 1 - page 3\n\n- > A **bold** point¹\nTable 1: Deaths\nGone line\n"
    model = normalise("A bold point") + "\n" + normalise("Deaths")
    pieces = [piece for _, piece in source_pieces(source)]
    assert pieces == ["A bold point", "Deaths", "Gone line"]
    assert [p for p in pieces if p not in model] == ["Gone line"]
