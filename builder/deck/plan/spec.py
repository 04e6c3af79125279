"""The plan's values: slides (with their session data), text frames, native charts,
the PowerPoint sections and the training material, and the deck. Typed, frozen data:
the deck is written from it, and a handout or session plan can be made from the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.deck.pack import Para
from builder.model import ChartKind, ChartUnit, SourceRef
from builder.problems import Problem

SlideKind = Literal["title", "furniture", "aims", "divider", "content", "case", "chart",
                    "learning_points", "reflection", "activity", "quote", "extra",
                    "references", "closing"]


@dataclass(frozen=True, slots=True)
class Frame:
    """The text of one placeholder (``role`` as named in geometry.LAYOUTS), at ``size`` pt."""

    role: str
    paras: tuple[Para, ...]
    size: float


@dataclass(frozen=True, slots=True)
class ChartPlan:
    """A native chart: the numbers are embedded in the deck exactly as given here."""

    id: str
    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    unit: ChartUnit
    x_label: str
    y_label: str
    highlight: tuple[str, ...]
    alt: str
    horizontal: bool = False


@dataclass(frozen=True, slots=True)
class Excerpt:
    """Briefing text for the notes, and the PDF page the paragraph or box is printed on
    (None when the page is not known)."""

    text: str
    page: int | None = None


@dataclass(frozen=True, slots=True)
class SlideSpec:
    """One slide. ``section``: the id of the briefing part or section it belongs to ("" for
    the session's opening and close); ``minutes``: its suggested time (0 when hidden);
    ``points``: what the presenter says, in the content's words (the full sentences behind
    the slide's text, or the editor's prompts); ``page``: the briefing page of the slide's
    own text; ``excerpts``: the briefing text behind it; ``hidden``: optional depth a trainer
    can show; ``notes``: the speaker notes as written (points and time, then excerpts)."""

    kind: SlideKind
    layout: str
    title: str
    title_size: float
    frames: tuple[Frame, ...]
    notes: str
    source: SourceRef
    chart: ChartPlan | None = None
    footer: bool = True  # footer text and slide number
    section: str = ""
    minutes: int = 0
    points: tuple[str, ...] = ()
    page: int | None = None
    excerpts: tuple[Excerpt, ...] = ()
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class DeckSection:
    """A PowerPoint section: a part or topic of the session (or its opening or close),
    the indexes of its slides in the deck, and its suggested minutes (shown slides)."""

    id: str
    title: str
    slides: tuple[int, ...]
    minutes: int


@dataclass(frozen=True, slots=True)
class SectionTraining:
    """A section's training material, written by an editor for the training (not the
    briefing authors' words): questions, activities as "title: steps", prompts."""

    section: str
    title: str
    questions: tuple[str, ...]
    activities: tuple[str, ...]
    prompts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeckPlan:
    slides: tuple[SlideSpec, ...]
    warnings: tuple[Problem, ...]
    footer: str = ""
    language: str = "en-GB"
    sections: tuple[DeckSection, ...] = ()
    training: tuple[SectionTraining, ...] = ()
    minutes: int = 0  # the session's length, as the content gives it
