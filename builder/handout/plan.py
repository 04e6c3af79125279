"""The participant handout as data: which topics, learning points, charts and references
it holds, in which order, and how much of each learning point it prints. Pure.

A learning point is printed in the content's own words: whole, or its first whole
sentences when the handout must be shorter (:class:`Cut`); never reworded. What is
left out is counted, so the handout can send the reader to the briefing's page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from builder.citations import cites
from builder.model import (
    Briefing,
    CrossRef,
    Inlines,
    LearningPoints,
    Publisher,
    Reference,
    Section,
    SourceRef,
    plain_text,
    walk_sections,
)
from builder.problems import Problem
from builder.sentences import leading_sentences, without_markers
from builder.walk import all_sections, figures


@dataclass(frozen=True, slots=True)
class Cut:
    """How short the handout's learning points are: ``words``, the most words a point
    keeps (its first whole sentences; always at least one); ``points``, the most points
    a topic prints (its first ones). None: no limit."""

    words: int | None = None
    points: int | None = None


# tried in turn until the handout fits its pages: every point shorter, down to its first
# sentence, before any point is left out
CUTS = (Cut(), Cut(60), Cut(45), Cut(35), Cut(25), Cut(1), Cut(1, 4), Cut(1, 3), Cut(1, 2),
        Cut(1, 1))


@dataclass(frozen=True, slots=True)
class HandoutPoint:
    """A learning point as printed: its first whole sentences (or all of it), and
    whether any sentence was left out."""

    text: Inlines
    shortened: bool
    at: SourceRef


@dataclass(frozen=True, slots=True)
class HandoutTopic:
    """A topic of the session: the section's title, the briefing page it starts on
    (None when not known), its learning points, how many more the briefing has, and the
    questions an editor wrote for it (and its subsections) for the training."""

    id: str
    title: str
    page: int | None
    points: tuple[HandoutPoint, ...]
    more: int
    questions: tuple[Inlines, ...]
    at: SourceRef

    @property
    def shown(self) -> bool:
        """Whether the handout has anything of the topic to print besides its title."""
        return bool(self.points or self.questions)


@dataclass(frozen=True, slots=True)
class HandoutChart:
    """A key-data chart: its id (the drawing is the briefing's), title and alt text, and
    the number and briefing page of the figure that shows it (None: no figure does)."""

    id: str
    title: str
    alt: str
    figure: int | None
    page: int | None


@dataclass(frozen=True, slots=True)
class HandoutPlan:
    title: str
    subtitle: str
    date: str
    publisher: Publisher
    topics: tuple[HandoutTopic, ...]
    charts: tuple[HandoutChart, ...]
    references: tuple[Reference, ...]
    max_pages: int
    warnings: tuple[Problem, ...] = ()

    @property
    def points(self) -> tuple[HandoutPoint, ...]:
        return tuple(p for t in self.topics for p in t.points)


def plan_handout(b: Briefing, page_of: Mapping[str, int], cut: Cut = CUTS[0]) -> HandoutPlan:
    """The handout of the briefing, its learning points shortened as ``cut`` says.
    ``page_of`` maps section and figure ids to their page in the briefing's PDF."""
    warnings: list[Problem] = []
    topics = tuple(_topic(s, page_of, cut, warnings) for s in _sections(b))
    charts = tuple(_chart(b, cid, page_of) for cid in chart_ids(b))
    said = " ".join(plain_text(p.text) for t in topics for p in t.points)
    refs = tuple(r for r in b.references if cites(r, said))
    meta = b.meta
    return HandoutPlan(meta.title, meta.subtitle, meta.date, meta.publisher, topics, charts,
                       refs, b.handout.pages, tuple(warnings))


def _sections(b: Briefing) -> list[Section]:
    """The sections the editor chose, in their order; else, as the session covers them,
    the top-level sections of the briefing's own (not shared) parts, or of all parts when
    every part is shared, less those left out of the deck (``slides: skip``)."""
    if b.handout.sections:
        found = {s.id: s for s in all_sections(b)}
        return [found[i] for i in b.handout.sections if i in found]
    own = [p for p in b.parts if not p.shared] or list(b.parts)
    return [s for p in own for s in p.sections if not (s.slides and s.slides.skip)]


def _topic(s: Section, page_of: Mapping[str, int], cut: Cut,
           warnings: list[Problem]) -> HandoutTopic:
    """The section with the learning points of it and of its subsections, shortened,
    and their training questions (whole: the editor wrote them for the session)."""
    subs = walk_sections((s,))
    items = [i for sub in subs for block in sub.blocks
             if isinstance(block, LearningPoints) for i in block.items]
    questions = tuple(q for sub in subs if sub.training for q in sub.training.questions)
    points: list[HandoutPoint] = []
    for item in items:
        text, shortened = leading_sentences(without_markers(item.content), cut.words)
        if any(isinstance(x, CrossRef) for x in text):
            warnings.append(Problem.at(item.at, "a learning point that refers to a page of "
                                       "the briefing is left out of the handout", "warning"))
            continue
        points.append(HandoutPoint(text, shortened, item.at))
    kept = points[:cut.points] if cut.points is not None else points
    return HandoutTopic(s.id, s.title, page_of.get(s.id), tuple(kept), len(items) - len(kept),
                        questions, s.at)


def chart_ids(b: Briefing) -> list[str]:
    """The charts the editor chose; else the first figure's (room for learning points)."""
    return list(b.handout.charts) or [f.chart for f in figures(b)][:1]


def _chart(b: Briefing, chart_id: str, page_of: Mapping[str, int]) -> HandoutChart:
    spec = next(c for c in b.charts if c.id == chart_id)
    figure = next((f for f in figures(b) if f.chart == chart_id), None)
    if figure is None:
        return HandoutChart(chart_id, spec.title, spec.alt or spec.title, None, None)
    return HandoutChart(chart_id, figure.title, spec.alt or spec.title, figure.number,
                        page_of.get(figure.id))
