"""The plan's values: slides, their text frames and native charts, and the deck."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from builder.deck.pack import Para
from builder.model import ChartKind, ChartUnit, SourceRef
from builder.problems import Problem

SlideKind = Literal["title", "aims", "divider", "content", "case", "chart", "learning_points",
                    "reflection", "quote", "extra", "references", "closing"]


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
class SlideSpec:
    kind: SlideKind
    layout: str
    title: str
    title_size: float
    frames: tuple[Frame, ...]
    notes: str
    source: SourceRef
    chart: ChartPlan | None = None
    footer: bool = True  # footer text and slide number


@dataclass(frozen=True, slots=True)
class DeckPlan:
    slides: tuple[SlideSpec, ...]
    warnings: tuple[Problem, ...]
    footer: str = ""
    language: str = "en-GB"
