"""The deck being planned: its draft slides and warnings so far, the text helpers every
slide kind shares, and the one way to add a slide (its title measured, its text set at
the largest size that fits, continued as "Title (2 of 3)" when it needs more than one).

Each draft carries what the session needs to time it: its tier (0: always shown; higher
tiers are optional depth, hidden first when time is short), its minutes when shown, the
PowerPoint section it belongs to, its talking points and the briefing text behind it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed, flow
from builder.deck.plan.spec import ChartPlan, Excerpt, Frame, SlideKind, SlideSpec
from builder.deck.text import Run, Runs, clean, plain, runs
from builder.model import Briefing, Inlines, SourceRef
from builder.pages import block_key
from builder.problems import Problem
from builder.theme import Theme
from builder.walk import all_sections, figures, tables

Group = tuple[str, str]  # a PowerPoint section: (id, title)
OPENING: Group = ("opening", "Opening")
CLOSE: Group = ("close", "Close")


def numbered(title: str, n: int, total: int) -> str:
    """A title continued over ``total`` slides, "Title (2 of 3)"; the count's spaces do
    not break, so it never wraps as "(2 of" / "3)"."""
    return title if total == 1 else f"{title} ({n}\u00a0of\u00a0{total})"


def steps(top: float, bottom: float) -> tuple[float, ...]:
    """Font sizes from ``top`` down in 2 pt steps, always ending at ``bottom``."""
    out = []
    size = top
    while size >= bottom:
        out.append(size)
        size -= 2
    return tuple(out) if out and out[-1] == bottom else (*out, bottom)


def _titles(briefing: Briefing) -> dict[str, str]:
    """What a cross-reference to each part, section, table and figure reads as."""
    titles = {part.id: part.title for part in briefing.parts}
    titles.update((sec.id, sec.title) for sec in all_sections(briefing))
    titles.update((t.id, f"Table {t.number}") for t in tables(briefing))
    titles.update((f.id, f"Figure {f.number}") for f in figures(briefing))
    return titles


@dataclass(frozen=True, slots=True)
class Draft:
    """A planned slide before the session is timed (``spec`` has no notes or minutes yet)."""

    spec: SlideSpec
    tier: int
    base: float  # minutes when shown
    group: Group
    follows: bool = False  # continues the slide before it ("Title (2 of 3)")


@dataclass
class Planner:
    """The deck so far. Slide kinds add slides through ``add``, ``flowed`` and ``chosen``,
    within the section set by ``enter``; ``carry`` hands briefing text that has no slide
    of its own (a section's prose about its charts, a lead-in) on to the next slide's
    notes, and ``settle`` to the last slide's when no slide follows."""

    briefing: Briefing
    theme: Theme
    pages: Mapping[str, int]
    drafts: list[Draft] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    carry: list[Excerpt] = field(default_factory=list)  # briefing text for the next slide
    section: str = ""
    group: Group = OPENING
    titles: dict[str, str] = field(init=False)
    body: tuple[float, ...] = field(init=False)
    title_sizes: tuple[float, ...] = field(init=False)

    def __post_init__(self) -> None:
        s = self.theme.slides
        self.body = steps(s.body_size, s.min_body_size)
        self.title_sizes = steps(s.title_size, s.title_size - 8)
        self.titles = _titles(self.briefing)

    def enter(self, section: str, group: Group | None = None) -> None:
        """Slides from now on belong to ``section`` (and to the PowerPoint section ``group``)."""
        self.section = section
        if group is not None:
            self.group = group

    def settle(self) -> None:
        """Briefing text still carried goes to the last slide's notes."""
        if self.carry and self.drafts:
            last = self.drafts[-1]
            spec = replace(last.spec, excerpts=(*last.spec.excerpts, *self.carry))
            self.drafts[-1] = replace(last, spec=spec)
        self.carry = []

    # ------------------------------------------------------------ text

    def runs(self, spans: Inlines, italic: bool = False) -> Runs:
        """The spans as slide runs, cross-references read as their targets' titles."""
        return runs(spans, self.titles, italic=italic)

    def plain(self, spans: Inlines) -> str:
        """The spans as plain text for the notes."""
        return plain(spans, self.titles)

    def plain_runs(self, text: str) -> Runs:
        """Plain text as one run."""
        return (Run(clean(text)),)

    def page(self, *ids: str) -> int | None:
        """The page of the first of the ids the PDF has a page for (block keys first)."""
        for i in ids:
            if i in self.pages:
                return self.pages[i]
        return None

    def excerpt(self, text: str, at: SourceRef | None, *ids: str) -> Excerpt:
        """Briefing text for the notes, with the page of the block written at ``at`` (else
        of the first of ``ids`` the PDF has)."""
        keys = (block_key(at),) if at is not None else ()
        return Excerpt(text, self.page(*keys, *ids, self.section))

    def warn(self, at: SourceRef, message: str) -> None:
        self.warnings.append(Problem.at(at, message, "warning"))

    def display_sizes(self) -> tuple[float, ...]:
        """Title sizes for the title slide and part dividers: larger than other slides'."""
        top = self.theme.slides.title_size + 8
        return steps(top, top - 12)

    # ------------------------------------------------------------ slides

    def title_size(self, layout: str, title: str, at: SourceRef, sizes: tuple[float, ...]
                   ) -> float:
        """The largest of ``sizes`` at which the title fits; else the smallest, warned."""
        box = g.LAYOUTS[layout].box("title")
        para = (Para((Run(title, bold=True),), bullet=False),)
        size = fixed(para, box, self.theme.fonts, sizes)
        if size is None:
            self.warn(at, f"slide title {title!r} does not fit its box even at {sizes[-1]:g} pt; "
                          "shorten the title")
            return sizes[-1]
        return size

    def add(self, kind: SlideKind, layout: str, title: str, frames: list[Frame], at: SourceRef,
            *, tier: int, minutes: float, points: tuple[str, ...] = (),
            excerpts: tuple[Excerpt, ...] = (), chart: ChartPlan | None = None,
            footer: bool = True, title_sizes: tuple[float, ...] | None = None,
            follows: bool = False) -> None:
        """One slide, its title set at the largest size that fits."""
        title = clean(title)
        size = self.title_size(layout, title, at, title_sizes or self.title_sizes)
        excerpts = (*self.carry, *excerpts)
        self.carry = []
        page = next((e.page for e in excerpts if e.page is not None), None)
        spec = SlideSpec(kind, layout, title, size, tuple(frames), "", at, chart, footer,
                         self.section, 0, points, page, excerpts)
        self.drafts.append(Draft(spec, tier, minutes, self.group, follows))

    def flowed(self, kind: SlideKind, layout: str, title: str, items: list[Item],
               at: SourceRef, *, tier: int, minutes: float, extra: list[Frame] | None = None,
               role: str = "body", sizes: tuple[float, ...] | None = None,
               follows: bool = False) -> None:
        """Slides holding the items' paragraphs in the layout's ``role`` box, continued as
        "Title (2 of 3)" when they need more than one slide (continuation slides one tier
        deeper; ``follows``: the first one continues the slide before it too); each
        slide's notes have the points and excerpts of its own paragraphs."""
        if not items:
            return
        box = g.LAYOUTS[layout].box(role)
        size, chunks = flow([i.para for i in items], box, self.theme.fonts, sizes or self.body)
        notes = {i.para: i for i in items}
        for n, chunk in enumerate(chunks, start=1):
            t = numbered(title, n, len(chunks))
            mine = [notes[x] for x in chunk if x in notes]
            self.add(kind, layout, t, [Frame(role, tuple(chunk), size), *(extra or [])], at,
                     tier=tier + (n > 1), minutes=minutes,
                     points=tuple(x for i in mine for x in i.points),
                     excerpts=tuple(x for i in mine for x in i.excerpts),
                     follows=follows or n > 1)


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph of a slide with the talking points and briefing text behind it."""

    para: Para
    points: tuple[str, ...] = ()
    excerpts: tuple[Excerpt, ...] = ()
