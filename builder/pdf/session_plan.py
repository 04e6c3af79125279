"""The trainer's session plan on A4, laid out from a :class:`~builder.session_plan.
SessionPlan`: for each section of the deck a heading with its time, then a table with a
row per slide (start, minutes, number and title, talking points, briefing page). Hidden
slides are listed as optional, without time or points (their points are in the deck's
notes). Tagged like the briefing: headings, tables with header cells, paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import Table as RLTable

from builder.deck.plan.spec import DeckPlan
from builder.model import TRAINING_MARK, Briefing, ListItem, Text
from builder.pdf.context import RenderContext
from builder.pdf.leaflet import band, heading, para, write_leaflet
from builder.pdf.lists import render_items
from builder.pdf.para import Paragraph
from builder.pdf.styles import make_styles
from builder.pdf.tables import table_style
from builder.pdf.tags import Elem, tag
from builder.pdf.text import esc, plain
from builder.problems import Problem
from builder.session_plan import PlannedSection, PlannedSlide, SessionPlan, clock, plan_session
from builder.theme import Theme

LABEL = "Session plan"
COLUMNS = (("Start", 16 * mm), ("Min", 10 * mm), ("Slide", 46 * mm),
           ("Talking points", 0.0), ("Page", 13 * mm))  # 0: the rest of the width
OPTIONAL = "optional"
TRAINING_KINDS = ("reflection", "activity")  # slides of the editor's training material
OPTIONAL_HEADING = "Optional slides (hidden in the deck)"


@dataclass(frozen=True, slots=True)
class SessionPlanResult:
    pages: int
    problems: tuple[Problem, ...]
    plan: SessionPlan


def render_session_plan(deck: DeckPlan, b: Briefing, theme: Theme,
                        out: Path) -> SessionPlanResult:
    """Write the session plan of ``deck`` (the plan the deck of ``b`` is written from)."""
    plan = plan_session(deck, b.meta)
    data, pages, problems = write_leaflet(b, theme, make_styles(theme), LABEL,
                                          partial(_story, plan))
    out.write_bytes(data)
    return SessionPlanResult(pages, tuple(problems), plan)


def _story(plan: SessionPlan, ctx: RenderContext) -> list[Flowable]:
    s = ctx.styles
    slides = plan.slides
    hidden = sum(1 for x in slides if x.hidden)
    intro = (f"A {plan.minutes}-minute session: {len(slides) - hidden} slides shown, with "
             f"suggested minutes that add up to {plan.minutes}; {hidden} optional slides "
             "are hidden in the deck, to show for a longer session. 'Page' is the page of the "
             "briefing a slide's text is printed on.")
    out: list[Flowable] = [band(LABEL, ctx), para(plain(plan.title), s.lead, ctx),
                           para(plain(plan.subtitle), s.body, ctx),
                           para(esc(intro), s.note, ctx), Spacer(1, 4)]
    for title, group in _groups(plan.sections):
        out += heading(title, ctx)
        out += [_table(group, ctx), Spacer(1, 8)]
    return out


def _groups(sections: tuple[PlannedSection, ...]) -> list[tuple[str, list[PlannedSlide]]]:
    """(heading, slides): a section with time on its own; runs of sections whose slides
    are all hidden together under one heading."""
    out: list[tuple[str, list[PlannedSlide]]] = []
    for sec in sections:
        if sec.start is None and out and out[-1][0] == OPTIONAL_HEADING:
            out[-1][1].extend(sec.slides)
        elif sec.start is None:
            out.append((OPTIONAL_HEADING, list(sec.slides)))
        else:
            out.append((_section_title(sec), list(sec.slides)))
    return out


def _section_title(section: PlannedSection) -> str:
    start = section.start or 0
    end = start + section.minutes
    return f"{section.title} ({clock(start)}\u2013{clock(end)}, {section.minutes} min)"


def _table(slides: list[PlannedSlide], ctx: RenderContext) -> RLTable:
    """The slides, one row each; the header row repeats on a new page."""
    s = ctx.styles
    table = ctx.elem("Table")
    tr = Elem("TR", table)
    rows: list[list[Flowable] | list[list[Flowable]]] = [[
        tag(Paragraph(name, s.table_head), Elem("TH", tr, scope="Column"))
        for name, _ in COLUMNS]]
    for slide in slides:
        rows.append(_row(slide, Elem("TR", table), ctx))
    rest = ctx.styles.layout.frame_width - sum(w for _, w in COLUMNS)
    widths = [w or rest for _, w in COLUMNS]
    # a row taller than a page (a slide with very many points) continues on the next one
    inner = [w - 2 * (ctx.styles.layout.table_padding + 1) for w in widths]  # table_style's
    tall = any(_height(row, inner) > ctx.styles.layout.frame_height * 0.8 for row in rows)
    out = RLTable(rows, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=int(tall),
                  hAlign="LEFT")
    out.setStyle(table_style(ctx))
    return out


def _height(row: list[Flowable] | list[list[Flowable]], widths: list[float]) -> float:
    """How tall a row's tallest cell is, its flowables wrapped in the cells' widths."""
    return max(sum(f.wrap(w, 1e6)[1] for f in (cell if isinstance(cell, list) else [cell]))
               for cell, w in zip(row, widths, strict=True))


def _row(slide: PlannedSlide, tr: Elem, ctx: RenderContext) -> list[list[Flowable]]:
    """The slide's cells: start, minutes, number and title (the row's header), talking
    points (a list), briefing page."""
    s = ctx.styles
    style = s.table_label if not slide.hidden else s.note
    texts = [OPTIONAL if slide.start is None else clock(slide.start),
             "\u2013" if slide.hidden else str(slide.minutes),
             f"{slide.number}. {slide.title}", "",
             str(slide.page) if slide.page else "\u2013"]
    cells: list[list[Flowable]] = []
    for n, text in enumerate(texts):
        elem = Elem("TH" if n == 2 else "TD", tr, scope="Row" if n == 2 else None)
        if n == 3:
            cells.append(_points(slide, elem, ctx))
        else:
            cells.append([tag(Paragraph(esc(text), style), elem)])
    return cells


def _points(slide: PlannedSlide, cell: Elem, ctx: RenderContext) -> list[Flowable]:
    """The talking points as a list; a hidden slide's are in the deck's notes."""
    s = ctx.styles
    if slide.hidden or not slide.points:
        text = "In the slide's notes" if slide.hidden else "\u2013"
        return [tag(Paragraph(text, s.note), cell)]
    style = s.table_label.clone("plan_point", leftIndent=9, bulletIndent=0, spaceAfter=2)
    items = tuple(ListItem(content=(Text(text=p),)) for p in slide.points)
    with ctx.within(cell):
        mark = ([tag(Paragraph(esc(TRAINING_MARK), s.note), ctx.elem("P"))]
                if slide.kind in TRAINING_KINDS else [])
        return mark + render_items(items, ctx, (style,))
