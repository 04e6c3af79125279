"""The outputs of a briefing, in one table: each with its file name, its renderer and its
gate check. Adding an output is adding an entry.

A renderer runs in a worker process: it gets the briefing, the theme and what the build
knows (``Inputs``), writes one file and returns what it made (``Made``); the gate check
then reads that file back, in a job of its own. The main PDF lays the briefing out: its
``Made.layout`` (the page of every section, table and figure, and the layout seed) is
what outputs that ``cite_pages`` are made with. The build first gives them the last
build's layout, so they run beside the PDF, and makes them again only when the PDF's
layout turns out to differ.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from builder.gate import check_pdf, check_pptx
from builder.model import Briefing
from builder.problems import ContentError, Problem, errors
from builder.theme import Theme

if TYPE_CHECKING:
    from builder.pages import PdfSeed


@dataclass(frozen=True, slots=True)
class Inputs:
    """What a renderer may use. ``charts``: the SVG of every chart a figure shows, by
    chart id; ``layout``: the main PDF's layout (this build's, or the last build's as a
    first guess; None when there is none yet)."""

    briefing: Briefing
    theme: Theme
    charts: Mapping[str, bytes] = field(default_factory=dict)
    layout: PdfSeed | None = None


@dataclass(frozen=True, slots=True)
class Made:
    """What a renderer made: a few words for the build's summary line, the warnings (or
    the errors that stopped it: then no file), what the gate found wrong with the file,
    and, from the main PDF, its layout."""

    summary: str = ""
    problems: tuple[Problem, ...] = ()
    failures: tuple[str, ...] = ()
    layout: PdfSeed | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """One output file of a briefing. ``file``: its name, ``{id}`` standing for the
    briefing's id; ``render(inputs, path) -> Made``; ``gate(path) -> failures``;
    ``shows_figures``: waits for the charts its figures show; ``lays_out``: this is the
    main PDF, whose layout the others cite; ``cites_pages``: made with that layout."""

    name: str
    file: str
    render: Callable[[Inputs, Path], Made]
    gate: Callable[[Path], list[str]]
    shows_figures: bool = False
    lays_out: bool = False
    cites_pages: bool = False

    def path(self, folder: Path, briefing_id: str) -> Path:
        return folder / self.file.format(id=briefing_id)


# what each worker imports as it starts (while the main process loads the content)
WORKER_IMPORTS = ("builder.pdf", "builder.pdf.chart_drawing", "builder.deck.emit",
                  "builder.deck.plan", "pypdf", "page")


def render_pdf(inputs: Inputs, path: Path) -> Made:
    """The branded A4 PDF, laid out from the last build's seed when there is one."""
    from builder.pdf import render_pdf as render

    result = render(inputs.briefing, inputs.theme, inputs.charts, path, seed=inputs.layout)
    summary = (f"PDF {result.pages} pages, {path.stat().st_size // 1024} KB"
               if path.exists() else "")
    return Made(summary, result.problems, layout=result.seed)


def render_deck(inputs: Inputs, path: Path) -> Made:
    """The training deck, its notes citing the PDF's pages."""
    from builder.deck.emit import write_deck
    from builder.deck.plan import plan_deck

    pages = inputs.layout.pages() if inputs.layout is not None else {}
    plan = plan_deck(inputs.briefing, inputs.theme, pages)
    write_deck(plan, inputs.briefing, inputs.theme, path)
    return Made(f"deck {len(plan.slides)} slides, {path.stat().st_size // 1024} KB",
                plan.warnings)


def render_press(inputs: Inputs, path: Path) -> Made:
    """The print shop's PDF, when the briefing asks for it (``print: press``; nothing is
    written otherwise): the main PDF's pages laid out from its layout, with bleed, crop
    marks and a page count a booklet takes. Its warnings are the main PDF's: not repeated."""
    from builder.pdf import render_pdf as render
    from builder.pdf.finish import PRESS

    if inputs.briefing.printing != "press":
        return Made()
    result = render(inputs.briefing, inputs.theme, inputs.charts, path, seed=inputs.layout,
                    finish=PRESS)
    return Made(f"press PDF {_pages(result.pages)} ({len(result.notes_pages)} for notes)",
                tuple(errors(result.problems)))


def render_handout(inputs: Inputs, path: Path) -> Made:
    """The participant handout, citing the PDF's pages."""
    from builder.pdf.handout import render_handout as render

    pages = inputs.layout.pages() if inputs.layout is not None else {}
    result = render(inputs.briefing, inputs.theme, inputs.charts, pages, path)
    size = path.stat().st_size // 1024 if path.exists() else 0
    return Made(f"handout {_pages(result.pages)}, {size} KB", result.problems)


def render_session_plan(inputs: Inputs, path: Path) -> Made:
    """The trainer's session plan, from the same plan as the deck (whose warnings the
    deck reports)."""
    from builder.deck.plan import plan_deck
    from builder.pdf.session_plan import render_session_plan as render

    pages = inputs.layout.pages() if inputs.layout is not None else {}
    plan = plan_deck(inputs.briefing, inputs.theme, pages)
    result = render(plan, inputs.briefing, inputs.theme, path)
    return Made(f"session plan {_pages(result.pages)} ({plan.minutes} min)", result.problems)


def _pages(n: int) -> str:
    return f"{n} page{'s' * (n != 1)}"


OUTPUTS: tuple[Output, ...] = (
    Output("pdf", "{id}.pdf", render_pdf, check_pdf, shows_figures=True,
           lays_out=True),
    Output("deck", "{id}.pptx", render_deck, check_pptx, cites_pages=True),
    Output("press", "{id}-press.pdf", render_press, check_pdf, shows_figures=True,
           cites_pages=True),
    Output("handout", "{id}-handout.pdf", render_handout, check_pdf, shows_figures=True,
           cites_pages=True),
    Output("session-plan", "{id}-session-plan.pdf", render_session_plan, check_pdf,
           cites_pages=True),
)


CHARTS = "charts"  # the chart files (SVG, PNG, text) of charts/
ALL = frozenset({*(o.name for o in OUTPUTS), CHARTS})  # what --only can name


def named(name: str) -> Output:
    """The output called ``name``."""
    return next(o for o in OUTPUTS if o.name == name)


def make(name: str, inputs: Inputs, path: Path) -> Made:
    """Render the output called ``name`` to ``path`` (a worker's job). Content problems
    come back as ``Made.problems``; anything raised is a bug."""
    try:
        return named(name).render(inputs, path)
    except ContentError as exc:
        return Made(problems=tuple(exc.problems))


def check(name: str, path: Path) -> tuple[str, ...]:
    """What the gate of the output called ``name`` finds wrong with ``path`` (a worker's
    job: the other outputs are made meanwhile)."""
    return tuple(named(name).gate(path))
