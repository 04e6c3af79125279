"""The deck being planned: its slides and warnings so far, the text helpers every slide
kind shares, and the one way to add a slide (its title measured, its text set at the
largest size that fits, continued as "Title (2 of 3)" when it needs more than one)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed, flow
from builder.deck.plan.choose import choose
from builder.deck.plan.spec import ChartPlan, Frame, SlideKind, SlideSpec
from builder.deck.text import Run, Runs, clean, plain, runs
from builder.model import Briefing, CaseExample, Figure, Inlines, SourceRef, Table, walk_sections
from builder.problems import Problem
from builder.theme import Theme


def steps(top: float, bottom: float) -> tuple[float, ...]:
    """Font sizes from ``top`` down in 2 pt steps, always ending at ``bottom``."""
    out = []
    size = top
    while size >= bottom:
        out.append(size)
        size -= 2
    return tuple(out) if out and out[-1] == bottom else (*out, bottom)


def all_blocks(blocks: tuple[object, ...]) -> list[object]:
    """The blocks in reading order, each case example followed by its own blocks."""
    out: list[object] = []
    for b in blocks:
        out.append(b)
        if isinstance(b, CaseExample):
            out.extend(b.blocks)
    return out


def _titles(briefing: Briefing) -> dict[str, str]:
    """What a cross-reference to each part, section, table and figure reads as."""
    titles: dict[str, str] = {}
    for part in briefing.parts:
        titles[part.id] = part.title
        for sec in walk_sections(part.sections):
            titles[sec.id] = sec.title
            for b in all_blocks(sec.blocks):
                if isinstance(b, Table):
                    titles[b.id] = f"Table {b.number}"
                elif isinstance(b, Figure):
                    titles[b.id] = f"Figure {b.number}"
    return titles


@dataclass
class Planner:
    """The deck so far. Slide kinds add slides through ``add``, ``flowed`` and ``chosen``;
    ``carry`` and ``lead`` hand a section's text on to the slide that will show it."""

    briefing: Briefing
    theme: Theme
    pages: Mapping[str, int]
    slides: list[SlideSpec] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    carry: list[str] = field(default_factory=list)  # prose for the next chart's notes
    lead: tuple[Runs, str] | None = None  # a section's lead-in for its case slide, and notes
    titles: dict[str, str] = field(init=False)
    body: tuple[float, ...] = field(init=False)
    title_sizes: tuple[float, ...] = field(init=False)

    def __post_init__(self) -> None:
        s = self.theme.slides
        self.body = steps(s.body_size, s.min_body_size)
        self.title_sizes = steps(s.title_size, s.title_size - 8)
        self.titles = _titles(self.briefing)

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

    def page_note(self, *ids: str) -> str:
        """"Briefing, p. N" for the first of the ids the PDF has a page for, else ""."""
        for i in ids:
            if i in self.pages:
                return f"Briefing, p. {self.pages[i]}"
        return ""

    def notes(self, texts: list[str], *ids: str) -> str:
        """Speaker notes: the non-empty texts, then the briefing page, a blank line apart."""
        return "\n\n".join(t for t in [*texts, self.page_note(*ids)] if t)

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

    def add(self, kind: SlideKind, layout: str, title: str, frames: list[Frame], notes: str,
            at: SourceRef, chart: ChartPlan | None = None, footer: bool = True,
            title_sizes: tuple[float, ...] | None = None) -> None:
        """One slide, its title set at the largest size that fits."""
        title = clean(title)
        size = self.title_size(layout, title, at, title_sizes or self.title_sizes)
        self.slides.append(SlideSpec(kind, layout, title, size, tuple(frames), notes, at,
                                     chart, footer))

    def continued(self, kind: SlideKind, layout: str, title: str, chunks: list[list[Para]],
                  size: float, notes: str, at: SourceRef, role: str = "body",
                  extra: list[Frame] | None = None) -> None:
        """One slide per chunk of paragraphs, titled "Title (2 of 3)" when there are several."""
        for i, chunk in enumerate(chunks, start=1):
            t = title if len(chunks) == 1 else f"{title} ({i} of {len(chunks)})"
            self.add(kind, layout, t, [Frame(role, tuple(chunk), size), *(extra or [])], notes, at)

    def flowed(self, kind: SlideKind, layout: str, title: str, paras: list[Para], notes: str,
               at: SourceRef, extra: list[Frame] | None = None, role: str = "body",
               sizes: tuple[float, ...] | None = None) -> None:
        """Slides holding ``paras`` in the layout's ``role`` box, continued as
        "Title (2 of 3)" when they need more than one slide."""
        if not paras:
            return
        box = g.LAYOUTS[layout].box(role)
        size, chunks = flow(paras, box, self.theme.fonts, sizes or self.body)
        self.continued(kind, layout, title, chunks, size, notes, at, role, extra)

    def chosen(self, kind: SlideKind, layout: str, title: str, options: list[list[Para]],
               notes: str, at: SourceRef, extra: list[Frame] | None = None,
               role: str = "body", sizes: tuple[float, ...] | None = None) -> None:
        """Slides for the best-fitting wording, continued as "Title (2 of 3)" if need be;
        a content slide's list may go into two columns first."""
        if not any(options):
            return
        box = g.LAYOUTS[layout].box(role)
        size, chunks, split = choose(options, box, self.theme.fonts, sizes or self.body,
                                     columns=layout == g.CONTENT and not extra)
        if split:
            paras = chunks[0]
            self.add(kind, g.TWO, title, [Frame("left", tuple(paras[:split]), size),
                                          Frame("right", tuple(paras[split:]), size)], notes, at)
            return
        self.continued(kind, layout, title, chunks, size, notes, at, role, extra)
