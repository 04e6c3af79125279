"""The training deck as data: which slides, in which layouts, with which text, how long
each takes and which are hidden. Pure.

``plan_deck`` decides everything (what goes on which slide, where text continues, which
size it is set in, the session's timing) and returns warnings as Problems; ``emit`` only
translates the plan into python-pptx calls. Every text frame was measured with the real
font. The plan is also what a handout or session plan is made from: per slide its
section, minutes, talking points and briefing page; per section its training material.

One module per slide kind (``bookends``: title, what the session covers and closing;
``furniture``: the trainer's placeholder slides; ``sections``: part dividers, content
and extra slides; ``blocks`` hands a section's charts, quotation, cases and learning
points to ``charts``, ``quotes``, ``cases`` and ``learning_points``; ``training``:
reflection and activity slides from the editor's material; ``references``), all adding
to one ``planner.Planner``; ``points`` picks a content slide's text, ``session`` times
the session and ``notes`` writes the speaker notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from builder.deck.plan.bookends import plan_aims, plan_closing, plan_title
from builder.deck.plan.furniture import CLOSING_SLIDES, OPENING_SLIDES, plan_furniture
from builder.deck.plan.planner import CLOSE, OPENING, Planner
from builder.deck.plan.references import plan_references
from builder.deck.plan.sections import plan_part
from builder.deck.plan.session import schedule
from builder.deck.plan.spec import (
    ChartPlan,
    DeckPlan,
    DeckSection,
    Excerpt,
    Frame,
    SectionTraining,
    SlideKind,
    SlideSpec,
)
from builder.deck.text import clean
from builder.model import Briefing, walk_sections
from builder.theme import Theme

__all__ = ["ChartPlan", "DeckPlan", "DeckSection", "Excerpt", "Frame", "SectionTraining",
           "SlideKind", "SlideSpec", "plan_deck"]


def plan_deck(briefing: Briefing, theme: Theme, pages: Mapping[str, int]) -> DeckPlan:
    """The slides of the training deck for the briefing, timed to its session, and the
    warnings found while fitting text (each at the content's file:line). ``pages`` maps
    ids, and the block keys of ``builder.pages.block_key``, to PDF pages; notes cite them
    as "Briefing, p. N"."""
    p = Planner(briefing, theme, pages)
    p.enter("", OPENING)
    plan_title(p)
    plan_furniture(p, OPENING_SLIDES)
    plan_aims(p)
    for part in briefing.parts:
        plan_part(p, part)
    p.enter("", CLOSE)
    plan_furniture(p, CLOSING_SLIDES[:1])
    plan_references(p)
    plan_furniture(p, CLOSING_SLIDES[1:])
    plan_closing(p)
    slides, sections = schedule(p.drafts, briefing.deck.minutes)
    meta = briefing.meta
    return DeckPlan(_numbered_repeats(slides), tuple(p.warnings),
                    clean(meta.short_title or meta.title), meta.language, tuple(sections),
                    _training(p), briefing.deck.minutes)


def _training(p: Planner) -> tuple[SectionTraining, ...]:
    """Each section's training material, as plain text, in reading order."""
    out = []
    for part in p.briefing.parts:
        for sec in walk_sections(part.sections):
            t = sec.training
            if t is None:
                continue
            acts = tuple(f"{a.title}: " + " ".join(p.plain(s) for s in a.steps)
                         for a in t.activities)
            out.append(SectionTraining(sec.id, clean(sec.title),
                                       tuple(p.plain(q) for q in t.questions), acts,
                                       tuple(p.plain(x) for x in t.prompts)))
    return tuple(out)


def _numbered_repeats(slides: list[SlideSpec]) -> tuple[SlideSpec, ...]:
    """The slides with every title unique: a repeated title gets " (2)", " (3)", ..."""
    seen: dict[str, int] = {}
    out: list[SlideSpec] = []
    for s in slides:
        n = seen[s.title] = seen.get(s.title, 0) + 1
        out.append(s if n == 1 else replace(s, title=f"{s.title} ({n})"))
    return tuple(out)
