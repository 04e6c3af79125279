"""The PDF renderer: Briefing + Theme + chart SVGs -> a branded A4 PDF.

Only this package imports reportlab. :func:`render_pdf` lays the briefing out in passes
until page numbers (contents, "see page N", footnote placement) stop changing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from builder.model import Briefing, walk_sections
from builder.pdf.contents import CONTENTS_ID, REFERENCES_ID
from builder.pdf.context import RenderContext
from builder.pdf.coverage import check_coverage
from builder.pdf.document import BriefingDoc
from builder.pdf.footnotes import FootnoteArea, footnote_paragraphs
from builder.pdf.story import build_story
from builder.pdf.styles import Styles, make_styles
from builder.pdf.text import InlineContext
from builder.problems import Problem, errors
from builder.theme import Theme

__all__ = ["PdfResult", "render_pdf"]

MAX_PASSES = 8
STICKY_AFTER = 4


@dataclass(frozen=True, slots=True)
class PdfResult:
    """``pages``: physical pages; ``page_of``: section/table/figure id -> 1-based physical
    page; ``problems``: errors mean no PDF was written."""

    pages: int
    page_of: Mapping[str, int]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class _Pass:
    doc: BriefingDoc  # laid out, not yet written: only the pass that is kept is written
    pages: int
    page_of: dict[str, int]
    footnote_pages: dict[int, tuple[int, ...]]
    problems: tuple[Problem, ...]


def _outline(briefing: Briefing) -> dict[str, tuple[str, int]]:
    """Anchor id -> (bookmark title, level): parts 0, sections 1, subsections 2."""
    out: dict[str, tuple[str, int]] = {CONTENTS_ID: ("Contents", 0)}
    for part in briefing.parts:
        out[part.id] = (part.title, 0)
        for s in walk_sections(part.sections):
            out[s.id] = (s.title, 1 if s.level <= 2 else 2)
    if briefing.references:
        out[REFERENCES_ID] = ("References", 0)
    return out


def _targets(briefing: Briefing) -> frozenset[str]:
    from builder.model import Figure, Table

    ids: set[str] = set()
    for part in briefing.parts:
        ids.add(part.id)
        blocks = list(part.blocks)
        for s in walk_sections(part.sections):
            ids.add(s.id)
            blocks += s.blocks
        ids.update(b.id for b in blocks if isinstance(b, Table | Figure))
    return frozenset(ids)


def _one_pass(briefing: Briefing, theme: Theme, styles: Styles, charts: Mapping[str, bytes],
              page_of: dict[str, int], reserve: dict[int, tuple[int, ...]],
              drawings: dict[str, tuple[Flowable, Problem | None]]) -> _Pass | Problem:
    inline = InlineContext(link_colour=styles.colours.hex("accent"),
                           footnote_ids=frozenset(fn.id for fn in briefing.footnotes),
                           page_of=page_of, targets=_targets(briefing))
    ctx = RenderContext(theme=theme, styles=styles, inline=inline, charts=charts,
                        drawings=drawings)
    story = build_story(briefing, ctx)
    area = FootnoteArea(footnote_paragraphs(briefing.footnotes, inline, styles), styles)
    doc = BriefingDoc(briefing, styles, area, reserve, _outline(briefing))
    doc._doSave = 0  # reportlab: build() lays out and draws but does not write the file
    try:
        doc.build(story)
    except LayoutError:
        at = doc.current_at or briefing.at
        what = doc.current_what.lower() or "content"
        return Problem.at(at, f"{what} does not fit on a page even when split (page "
                          f"{doc.page}); shorten it or break it into smaller blocks")
    problems = [*inline.problems, *ctx.problems]
    for fn in briefing.footnotes:
        if fn.id not in inline.footnote_numbers:
            problems.append(Problem.at(fn.at, f"footnote {fn.id!r} is never cited, so it is "
                                       "not printed; add {fn:" + fn.id + "} or remove it",
                                       "warning"))
    pages = {p: tuple(ns) for p, ns in doc.footnote_pages.items()}
    return _Pass(doc, doc.page, dict(doc.page_of), pages, tuple(problems))


def _fits(actual: Mapping[int, tuple[int, ...]], reserved: Mapping[int, tuple[int, ...]]) -> bool:
    return all(set(ns) <= set(reserved.get(p, ())) for p, ns in actual.items())


def render_pdf(briefing: Briefing, theme: Theme, charts: Mapping[str, bytes],
               out: Path) -> PdfResult:
    """Write the briefing's PDF to ``out``; nothing is written when there are errors."""
    problems = check_coverage(briefing, theme)
    if errors(problems):
        return PdfResult(0, {}, tuple(problems))
    styles = make_styles(theme)
    page_of: dict[str, int] = {}
    reserve: dict[int, tuple[int, ...]] = {}
    result: _Pass | None = None
    drawings: dict[str, tuple[Flowable, Problem | None]] = {}
    for attempt in range(MAX_PASSES):
        done = _one_pass(briefing, theme, styles, charts, page_of, reserve, drawings)
        if isinstance(done, Problem):
            return PdfResult(0, {}, (*problems, done))
        result = done
        if done.page_of == page_of and _fits(done.footnote_pages, reserve):
            break
        page_of = done.page_of
        if attempt + 1 >= STICKY_AFTER:  # a marker oscillating at a page foot: keep room
            pages = set(reserve) | set(done.footnote_pages)
            reserve = {p: tuple(sorted(set(reserve.get(p, ())) | set(done.footnote_pages.get(
                p, ())))) for p in pages}
        else:
            reserve = done.footnote_pages
    else:
        problems.append(Problem.at(briefing.at, "page numbers did not settle after "
                                   f"{MAX_PASSES} layout passes; check contents and "
                                   "'see page' numbers", "warning"))
    assert result is not None
    result.doc.canv.save()
    out.write_bytes(result.doc.buffer.getvalue())
    return PdfResult(result.pages, dict(result.page_of), (*problems, *result.problems))


