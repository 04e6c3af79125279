"""The training deck as data: which slides, in which layouts, with which text. Pure.

``plan_deck`` decides everything (what goes on which slide, where text continues,
which size it is set in) and returns warnings as Problems; ``emit`` only translates
the plan into python-pptx calls. Every text frame was measured with the real font.

One module per slide kind (``bookends``: title, aims and closing; ``sections``: part
dividers, content and extra slides; ``blocks`` hands a section's charts, quotation,
cases and learning points to ``charts``, ``quotes``, ``cases`` and
``learning_points``; ``references``), all adding to one ``planner.Planner``.
"""

from __future__ import annotations

from collections.abc import Mapping

from builder.deck.plan.bookends import plan_aims, plan_closing, plan_title
from builder.deck.plan.planner import Planner
from builder.deck.plan.references import plan_references
from builder.deck.plan.sections import plan_part
from builder.deck.plan.spec import ChartPlan, DeckPlan, Frame, SlideKind, SlideSpec
from builder.deck.text import clean
from builder.model import Briefing
from builder.theme import Theme

__all__ = ["ChartPlan", "DeckPlan", "Frame", "SlideKind", "SlideSpec", "plan_deck"]


def plan_deck(briefing: Briefing, theme: Theme, pages: Mapping[str, int]) -> DeckPlan:
    """The slides of the training deck for the briefing, and the warnings found while
    fitting text (each at the content's file:line). ``pages`` maps section, table and
    figure ids to the PDF page they start on; notes cite them as "Briefing, p. N"."""
    p = Planner(briefing, theme, pages)
    plan_title(p)
    plan_aims(p)
    for part in briefing.parts:
        plan_part(p, part)
    plan_references(p)
    plan_closing(p)
    meta = briefing.meta
    return DeckPlan(_numbered_repeats(p.slides), tuple(p.warnings),
                    clean(meta.short_title or meta.title), meta.language)


def _numbered_repeats(slides: list[SlideSpec]) -> tuple[SlideSpec, ...]:
    """The slides with every title unique: a repeated title gets " (2)", " (3)", ..."""
    seen: dict[str, int] = {}
    out: list[SlideSpec] = []
    for s in slides:
        n = seen[s.title] = seen.get(s.title, 0) + 1
        out.append(s if n == 1 else SlideSpec(
            s.kind, s.layout, f"{s.title} ({n})", s.title_size, s.frames, s.notes, s.source,
            s.chart, s.footer))
    return tuple(out)
