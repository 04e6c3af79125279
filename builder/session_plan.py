"""The trainer's session plan as data, read off the deck's plan so the two never disagree:
every slide in deck order, grouped by the deck's sections, with its suggested minutes,
its start in the running time, its talking points and the briefing page it draws on.
Hidden slides (optional depth) are listed too, with no time. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.deck.plan.spec import DeckPlan, DeckSection, SlideSpec
from builder.model import Metadata


@dataclass(frozen=True, slots=True)
class PlannedSlide:
    """A slide as the plan lists it: its number in the deck, title and kind; ``start``,
    the minutes of the session gone when it comes up (None when hidden)."""

    number: int
    title: str
    kind: str
    minutes: int
    start: int | None
    points: tuple[str, ...]
    page: int | None
    hidden: bool


@dataclass(frozen=True, slots=True)
class PlannedSection:
    """A section of the deck: its title, its minutes and when it starts (None when all
    its slides are hidden), and its slides."""

    id: str
    title: str
    minutes: int
    start: int | None
    slides: tuple[PlannedSlide, ...]


@dataclass(frozen=True, slots=True)
class SessionPlan:
    title: str
    subtitle: str
    minutes: int
    sections: tuple[PlannedSection, ...]

    @property
    def slides(self) -> tuple[PlannedSlide, ...]:
        return tuple(s for sec in self.sections for s in sec.slides)


def plan_session(deck: DeckPlan, meta: Metadata) -> SessionPlan:
    """The session plan of ``deck`` (the plan the deck is written from)."""
    starts = _starts(deck.slides)
    sections = tuple(_section(sec, deck.slides, starts) for sec in deck.sections)
    return SessionPlan(meta.title, meta.subtitle, deck.minutes, sections)


def _starts(slides: tuple[SlideSpec, ...]) -> list[int | None]:
    """Each slide's start in the running time: the minutes of the shown slides before
    it; None for a hidden slide."""
    out: list[int | None] = []
    gone = 0
    for s in slides:
        out.append(None if s.hidden else gone)
        gone += 0 if s.hidden else s.minutes
    return out


def _section(sec: DeckSection, slides: tuple[SlideSpec, ...],
             starts: list[int | None]) -> PlannedSection:
    listed = tuple(PlannedSlide(i + 1, slides[i].title, slides[i].kind, slides[i].minutes,
                                starts[i], slides[i].points, slides[i].page, slides[i].hidden)
                   for i in sec.slides)
    start = next((s.start for s in listed if s.start is not None), None)
    return PlannedSection(sec.id, sec.title, sec.minutes, start, listed)


def clock(minutes: int) -> str:
    """Running time as the plan prints it: 0:05, 1:30."""
    return f"{minutes // 60}:{minutes % 60:02d}"
