"""Where things sit on a slide: the one table of layout boxes, shared by the template
(which draws them) and the plan (which measures text against them). Pure: no python-pptx.

Lengths are inches; font sizes and spacing are points. A layout's placeholders are
listed in reading order: the template writes them in this order, so the slide's
reading order follows the content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PlaceholderKind = Literal["title", "ctrTitle", "subTitle", "body", "obj", "chart", "ftr", "sldNum"]

# Text frame insets (PowerPoint's defaults, written explicitly so the measure holds).
INSET_X_IN = 0.1
INSET_Y_IN = 0.05
# Bullet indents per level: (left margin, hanging indent) in inches.
BULLET_INDENT_IN = ((0.34, 0.34), (0.74, 0.32), (1.1, 0.3))
# Space before a paragraph, as a fraction of its font size (level 0 / deeper levels).
SPACE_BEFORE = (0.45, 0.2)
# Width safety: LibreOffice and PowerPoint may kern or hint a little differently.
WIDTH_SLACK = 0.97


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class PlaceholderSpec:
    """``role`` is how the plan names the slot; ``kind`` the OOXML placeholder type."""

    role: str
    kind: PlaceholderKind
    box: Box
    idx: int = 0


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    name: str
    placeholders: tuple[PlaceholderSpec, ...]
    dark: bool = False  # navy background, light text, master graphics hidden

    def box(self, role: str) -> Box:
        for ph in self.placeholders:
            if ph.role == role:
                return ph.box
        raise KeyError(f"layout {self.name!r} has no {role!r} placeholder")


SLIDE_W = 40 / 3  # 16:9, 12192000 EMU (brand: 13.333 in)
SLIDE_H = 7.5
MARGIN = 0.6
CONTENT_W = SLIDE_W - 2 * MARGIN
TITLE_BOX = Box(MARGIN, 0.22, CONTENT_W, 1.25)
TITLE_RULE_Y = 1.55
BODY_TOP = 1.7
BODY_H = 4.95
FOOTER_Y = 6.92
FOOTER = PlaceholderSpec("footer", "ftr", Box(MARGIN, FOOTER_Y, 9.0, 0.36), 11)
SLIDE_NUMBER = PlaceholderSpec("number", "sldNum", Box(11.0, FOOTER_Y, 1.05, 0.36), 12)
LOGO_BOX = Box(12.2, 6.9, 0.53, 0.4)


DARK_LOGO_BOX = Box(SLIDE_W - MARGIN - 0.7, SLIDE_H - 0.95, 0.7, 0.52)


def logo_bars(box: Box) -> tuple[Box, Box, Box]:
    """The mark: three rising bars, as in a bar chart."""
    w = box.w / 4
    bars = [Box(box.x + i * w * 1.45, box.y + box.h * (1 - share), w, box.h * share)
            for i, share in enumerate((0.45, 0.7, 1.0))]
    return bars[0], bars[1], bars[2]


def accent_bar(title: Box) -> Box:
    """The short bar under the title of the dark layouts."""
    return Box(title.x + 0.1, title.y + title.h + 0.06, 1.4, 0.08)


def _content(name: str, *rest: PlaceholderSpec) -> LayoutSpec:
    return LayoutSpec(name, (PlaceholderSpec("title", "title", TITLE_BOX), *rest,
                             FOOTER, SLIDE_NUMBER))


TITLE = "Title"
DIVIDER = "Section divider"
CONTENT = "Title and content"
TWO = "Two content"
CHART = "Chart"
QUOTE = "Quote"
CLOSING = "Closing"
LEARNING = "Learning points"
REFLECTION = "Reflection"
CASE = "Case example"
TRAINER = "Trainer to complete"
TITLE_ONLY = "Title Only"
BLANK = "Blank"

LAYOUTS: dict[str, LayoutSpec] = {
    TITLE: LayoutSpec(TITLE, (
        PlaceholderSpec("title", "ctrTitle", Box(0.9, 1.55, 11.3, 2.65)),
        PlaceholderSpec("subtitle", "subTitle", Box(0.9, 4.45, 11.3, 2.05), 1),
    ), dark=True),
    DIVIDER: LayoutSpec(DIVIDER, (
        PlaceholderSpec("title", "title", Box(0.9, 1.9, 11.3, 2.3)),
        PlaceholderSpec("body", "body", Box(0.9, 4.5, 11.3, 2.2), 1),
    ), dark=True),
    CONTENT: _content(CONTENT, PlaceholderSpec(
        "body", "obj", Box(MARGIN, BODY_TOP, CONTENT_W, BODY_H), 1)),
    TWO: _content(
        TWO,
        PlaceholderSpec("left", "obj", Box(MARGIN, BODY_TOP, 5.85, BODY_H), 1),
        PlaceholderSpec("right", "obj", Box(MARGIN + 6.28, BODY_TOP, 5.85, BODY_H), 2)),
    CHART: _content(
        CHART,
        PlaceholderSpec("chart", "chart", Box(MARGIN, BODY_TOP, 8.35, 4.55), 1),
        PlaceholderSpec("side", "body", Box(9.25, BODY_TOP, 3.48, 4.55), 2),
        PlaceholderSpec("source", "body", Box(MARGIN, 6.28, CONTENT_W, 0.56), 3)),
    QUOTE: _content(
        QUOTE,
        PlaceholderSpec("quote", "body", Box(1.45, BODY_TOP, 11.28, 3.7), 1),
        PlaceholderSpec("context", "body", Box(1.45, 5.5, 11.28, 1.25), 2)),
    LEARNING: _content(LEARNING, PlaceholderSpec(
        "body", "obj", Box(MARGIN + 0.35, BODY_TOP + 0.12, CONTENT_W - 1.2, BODY_H - 0.27), 1)),
    CASE: _content(CASE, PlaceholderSpec(
        "body", "obj", Box(MARGIN + 0.35, BODY_TOP + 0.12, CONTENT_W - 0.55, BODY_H - 0.27), 1)),
    REFLECTION: _content(
        REFLECTION,
        PlaceholderSpec("body", "obj", Box(MARGIN + 0.35, BODY_TOP + 0.12,
                                           CONTENT_W - 1.2, BODY_H - 1.42), 1),
        PlaceholderSpec("prompt", "body", Box(MARGIN + 0.35, 5.55, CONTENT_W - 0.55, 1.0), 2)),
    TRAINER: _content(TRAINER, PlaceholderSpec(
        "body", "body", Box(MARGIN + 0.35, BODY_TOP + 0.62, CONTENT_W - 0.7, BODY_H - 0.9), 1)),
    TITLE_ONLY: _content(TITLE_ONLY),
    BLANK: LayoutSpec(BLANK, (FOOTER, SLIDE_NUMBER)),
    CLOSING: LayoutSpec(CLOSING, (
        PlaceholderSpec("title", "title", Box(0.9, 1.2, 11.3, 1.5)),
        PlaceholderSpec("body", "body", Box(0.9, 3.1, 11.3, 3.6), 1),
    ), dark=True),
}

REQUIRED_LAYOUTS = (TITLE, DIVIDER, CONTENT, TWO, CHART, QUOTE, CLOSING)
# Layouts our template adds; an organisation's template may leave them out.
FALLBACK_LAYOUTS = {LEARNING: CONTENT, REFLECTION: CONTENT, CASE: CONTENT, TRAINER: CONTENT,
                    TITLE_ONLY: CONTENT, BLANK: CONTENT}
