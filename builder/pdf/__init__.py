"""The PDF renderer: Briefing + Theme + chart SVGs -> a branded A4 PDF.

Only this package imports reportlab. :func:`render_pdf` lays the briefing out in passes
until page numbers (contents, "see page N", footnote placement) stop changing. A pass is a
function of the content and of the state the pass before it left (:class:`PdfSeed`): the
page of every anchor and the footnotes whose room is reserved on each page. Given the
seed of the last build, a warm rebuild whose edit moved nothing is laid out once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from reportlab import rl_config
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from builder.model import Briefing, walk_sections
from builder.pages import EMPTY_SEED, PdfSeed, Reserve
from builder.pdf._reportlab import lay_out_only
from builder.pdf.contents import CONTENTS_ID, REFERENCES_ID
from builder.pdf.context import RenderContext
from builder.pdf.document import BriefingDoc
from builder.pdf.finish import SCREEN, Finish, canvas_maker
from builder.pdf.footnotes import FootnoteArea, footnote_paragraphs
from builder.pdf.save import save_tagged
from builder.pdf.story import build_story
from builder.pdf.styles import Styles, make_styles
from builder.pdf.text import InlineContext
from builder.problems import Problem, errors
from builder.texts import glyph_problems
from builder.theme import Theme
from builder.walk import all_sections, figures, tables

__all__ = ["PdfResult", "PdfSeed", "render_pdf"]

MAX_PASSES = 8
STICKY_AFTER = 4


@dataclass(frozen=True, slots=True)
class PdfResult:
    """``pages``: physical pages; ``page_of``: section/table/figure id -> 1-based physical
    page; ``problems``: errors mean no PDF was written; ``seed``: the state the kept pass
    was laid out with, to pass as ``seed=`` to the next build (empty when nothing was laid
    out); ``passes``: layout passes this build ran; ``notes_pages``: the pages (1-based)
    added before the back cover to pad the count for printing."""

    pages: int
    page_of: Mapping[str, int]
    problems: tuple[Problem, ...]
    seed: PdfSeed = EMPTY_SEED
    passes: int = 0
    notes_pages: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Pass:
    doc: BriefingDoc  # laid out, not yet written: only the pass that is kept is written
    pages: int
    page_of: dict[str, int]
    footnote_pages: dict[int, tuple[int, ...]]
    footnote_numbers: dict[str, int]
    problems: tuple[Problem, ...]
    reserve: dict[int, tuple[int, ...]] = field(default_factory=dict)  # what it was given


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
    """Every id a cross-reference may point at: parts, sections, tables, figures."""
    return frozenset((*(p.id for p in briefing.parts), *(s.id for s in all_sections(briefing)),
                      *(t.id for t in tables(briefing)), *(f.id for f in figures(briefing))))


def _one_pass(briefing: Briefing, theme: Theme, styles: Styles, charts: Mapping[str, bytes],
              page_of: dict[str, int], reserve: dict[int, tuple[int, ...]],
              drawings: dict[str, tuple[Flowable, Problem | None]]) -> _Pass | Problem:
    inline = InlineContext(link_colour=styles.colours.hex("accent"),
                           footnote_ids=frozenset(fn.id for fn in briefing.footnotes),
                           page_of=page_of, targets=_targets(briefing))
    ctx = RenderContext(theme=theme, styles=styles, inline=inline, charts=charts,
                        drawings=drawings,
                        alt_text={c.id: c.alt for c in briefing.charts if c.alt})
    story = build_story(briefing, ctx)
    area = FootnoteArea(footnote_paragraphs(briefing.footnotes, inline, styles), styles)
    doc = BriefingDoc(briefing, styles, area, reserve, _outline(briefing))
    lay_out_only(doc)  # a pass: the kept one is written once its structure is added
    try:
        doc.build(story, canvasmaker=canvas_maker(styles.layout.finish, ctx.tags))
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
    return _Pass(doc, doc.page, dict(doc.page_of), pages, dict(inline.footnote_numbers),
                 tuple(problems), dict(reserve))


def _targets_of(page_of: Mapping[str, int]) -> dict[str, int]:
    """The pages the layout itself prints (contents, "see page N"): those of the ids, not
    the block keys recorded for the deck's notes, which follow from them."""
    return {k: v for k, v in page_of.items() if not k.startswith("@")}


def _fits(actual: Reserve, reserved: Reserve) -> bool:
    return all(set(ns) <= set(reserved.get(p, ())) for p, ns in actual.items())


def _sets(reserve: Reserve) -> dict[int, frozenset[int]]:
    return {p: frozenset(ns) for p, ns in reserve.items() if ns}


def _layout(briefing: Briefing, theme: Theme, styles: Styles, charts: Mapping[str, bytes],
            seed: PdfSeed, notify: Callable[[dict[str, int]], None]
            ) -> tuple[_Pass | Problem, int, bool]:
    """Passes from ``seed`` until one reproduces the state it was given: (the kept pass
    or the problem that stopped layout, passes run, whether page numbers settled).

    The first pass is given the seed. It is kept when its page numbers equal the seed's,
    its footnote numbering too, and each footnote was drawn on the page whose room the
    seed reserved for it: it is then the pass an unseeded build ends with, whose input
    is its own output. Otherwise passes go on as without a seed; a seeded start that comes
    back to a state it was given before (a cycle), or has not settled by the pass where
    reserves turn sticky, starts over from the empty seed: sticky reserves depend on the
    passes before them, so only the unseeded passes give the unseeded result."""
    seeded = seed.usable
    page_of = seed.pages() if seeded else {}
    reserve = seed.reserved() if seeded else {}
    numbers = seed.numbers() if seeded else None
    drawings: dict[str, tuple[Flowable, Problem | None]] = {}
    given: list[tuple[dict[str, int], dict[int, frozenset[int]]]] = []
    done: _Pass | Problem | None = None
    for attempt in range(MAX_PASSES):
        done = _one_pass(briefing, theme, styles, charts, page_of, reserve, drawings)
        if isinstance(done, Problem):
            return done, attempt + 1, False
        notify(done.page_of)
        if (_targets_of(done.page_of) == _targets_of(page_of)
                and _fits(done.footnote_pages, reserve)
                and numbers in (None, done.footnote_numbers)):
            return done, attempt + 1, True
        numbers = None  # only the seed's own pass is held to the seed's numbering
        given.append((_targets_of(page_of), _sets(reserve)))
        page_of = done.page_of
        if seeded and (attempt + 1 >= STICKY_AFTER
                       or (_targets_of(done.page_of), _sets(done.footnote_pages)) in given):
            # going round in a cycle, or about to make reserves sticky: the outcome then
            # depends on the passes before, so do the passes of an unseeded build
            again, passes, settled = _layout(briefing, theme, styles, charts, EMPTY_SEED,
                                             notify)
            return again, passes + attempt + 1, settled
        if attempt + 1 >= STICKY_AFTER:  # a marker oscillating at a page foot: keep room
            pages = set(reserve) | set(done.footnote_pages)
            reserve = {p: tuple(sorted(set(reserve.get(p, ())) | set(done.footnote_pages.get(
                p, ())))) for p in pages}
        else:
            reserve = done.footnote_pages
    assert done is not None
    return done, MAX_PASSES, False


def render_pdf(briefing: Briefing, theme: Theme, charts: Mapping[str, bytes], out: Path, *,
               seed: PdfSeed | None = None,
               on_pages: Callable[[Mapping[str, int]], None] | None = None,
               finish: Finish = SCREEN) -> PdfResult:
    """Write the briefing's PDF to ``out``; nothing is written when there are errors.

    ``seed``: the :attr:`PdfResult.seed` of an earlier build, of this content or any other
    (or None). The PDF is byte-identical to the one made without it; when the content's
    page numbers and footnote places are those of the seed, it is laid out in one pass.

    ``on_pages``: called, before the PDF is written, with the page of every anchor after
    each layout pass whose page numbers differ from those of the previous call (the first
    pass always calls it). The last call's pages are the result's ``page_of``, so a caller
    that started work with the pages of an earlier call redoes it when they differ from
    the result's. A seeded build whose first pass is kept calls it once, with the final
    pages, right after that pass; an unseeded build calls it after its first pass with
    page numbers that are usually but not always final. No call when content errors stop
    the build before layout; if layout then fails, earlier calls are void (no PDF).
    The mapping passed is read-only and is not changed afterwards.

    ``finish``: the screen/office PDF (:data:`SCREEN`) or the print shop's (``PRESS``):
    both have the same text on the same pages (see :mod:`builder.pdf.finish`), so the
    result's ``seed`` of one lays out the other in one pass.
    """
    problems = glyph_problems(briefing, theme)  # checked when read; again, to be sure
    if errors(problems):
        return PdfResult(0, {}, tuple(problems))
    styles = make_styles(theme)
    styles = replace(styles, layout=replace(styles.layout, finish=finish))
    last: list[dict[str, int]] = []

    def notify(page_of: dict[str, int]) -> None:
        if on_pages is not None and (not last or last[-1] != page_of):
            last.append(dict(page_of))
            on_pages(MappingProxyType(last[-1]))

    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary (deflated) streams: smaller, and no base-85 pass on save
    try:
        result, passes, settled = _layout(briefing, theme, styles, charts,
                                          seed or EMPTY_SEED, notify)
        if isinstance(result, Problem):
            return PdfResult(0, {}, (*problems, result), passes=passes)
        save_tagged(result.doc.canv, briefing.meta)
    finally:
        rl_config.useA85 = a85
    if not settled:
        problems.append(Problem.at(briefing.at, "page numbers did not settle after "
                                   f"{MAX_PASSES} layout passes; check contents and "
                                   "'see page' numbers", "warning"))
    out.write_bytes(result.doc.buffer.getvalue())
    kept = PdfSeed.of(result.page_of, result.reserve, result.footnote_numbers)
    return PdfResult(result.pages, dict(result.page_of), (*problems, *result.problems),
                     kept, passes, result.doc.notes_pages)
