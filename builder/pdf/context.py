"""What every element renderer receives: styles, inline context, charts, and a problem list."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from builder.model import SourceRef
from builder.pdf.styles import Styles
from builder.pdf.tags import Elem, Tags
from builder.pdf.text import InlineContext, esc
from builder.problems import Problem
from builder.theme import Theme

ANCHOR_CALLBACK = "bb_anchor"


@dataclass(slots=True)
class RenderContext:
    theme: Theme
    styles: Styles
    inline: InlineContext
    charts: Mapping[str, bytes]
    # charts are converted once per render: chart id -> (flowable, warning)
    drawings: dict[str, tuple[Flowable, Problem | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    alt_text: Mapping[str, str] = field(default_factory=dict)  # chart id -> alt text
    tags: Tags = field(default_factory=Tags)
    parent: Elem | None = None  # where new structure elements go (None: the Document)
    heading_level: int = 1  # of the heading the blocks being rendered sit under

    def box_heading(self) -> str:
        """The role of a box's title: a heading one level below the section's."""
        return f"H{min(self.heading_level + 1, 6)}"

    def elem(self, role: str, alt: str | None = None) -> Elem:
        """A new structure element under the current parent."""
        return Elem(role, self.parent or self.tags.root, alt)

    @contextmanager
    def within(self, elem: Elem) -> Iterator[Elem]:
        """Elements made inside the block are children of ``elem``."""
        before, self.parent = self.parent, elem
        try:
            yield elem
        finally:
            self.parent = before

    def warn(self, at: SourceRef, message: str) -> None:
        self.problems.append(Problem.at(at, message, "warning"))


def anchor(node_id: str) -> str:
    """Markup that records the page of ``node_id`` when drawn and makes it a link target."""
    from builder.pdf.text import dest

    return f'<onDraw name="{ANCHOR_CALLBACK}" label="{esc(node_id)}"/><a name="{dest(node_id)}"/>'


class At(Flowable):
    """Zero-size marker placed before each block: tells the document which block is laid out."""

    def __init__(self, at: SourceRef, what: str) -> None:
        super().__init__()
        self.at = at
        self.what = what
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass
