"""Slides for the training material an editor wrote for a section (the briefing has
none): a reflection slide of its questions and a slide for each activity, each marked
on the slide and in the notes as written for the training; facilitator prompts go to
the notes only. A section without training material has no such slides."""

from __future__ import annotations

from dataclasses import replace

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Item, Planner
from builder.deck.plan.spec import Frame
from builder.deck.text import Run
from builder.model import TRAINING_MARK, Activity, Inlines, SourceRef, Training

REFLECT_MINUTES = 2.0  # and as many again per question, up to MAX_REFLECT
MAX_REFLECT = 8.0
PROMPT = "Facilitator prompt (written for this training, not from the briefing)"


def plan_training(p: Planner, t: Training, title: str, at: SourceRef) -> None:
    """Adds the reflection and activity slides; with neither, the prompts join the notes
    of the section's last slide."""
    prompts = tuple(p.plain(x) for x in t.prompts)
    if t.questions:
        minutes = min(MAX_REFLECT, REFLECT_MINUTES * (1 + len(t.questions)))
        _slide(p, "reflection", f"Reflect: {title}", t.questions, prompts, minutes, t.at)
    for a in t.activities:
        _activity(p, a, prompts if not t.questions else ())
    if prompts and not t.questions and not t.activities and p.drafts:
        last = p.drafts[-1]
        spec = replace(last.spec, points=(*last.spec.points, *(f"{PROMPT}: {x}"
                                                               for x in prompts)))
        p.drafts[-1] = replace(last, spec=spec)


def _activity(p: Planner, a: Activity, prompts: tuple[str, ...]) -> None:
    _slide(p, "activity", f"Activity: {a.title}", a.steps, prompts, float(a.minutes), a.at,
           bullets=False)


def _slide(p: Planner, kind: str, title: str, texts: tuple[Inlines, ...],
           prompts: tuple[str, ...], minutes: float, at: SourceRef, bullets: bool = True
           ) -> None:
    """One slide of the editor's texts, marked as written for the training."""
    mark = (Para((Run(TRAINING_MARK),), bullet=False, style="strong"),)
    size = fixed(mark, g.LAYOUTS[g.REFLECTION].box("prompt"), p.theme.fonts, p.body)
    items = [Item(Para(p.runs(x), bullet=bullets), (p.plain(x),)) for x in texts]
    if not items:
        return
    items[-1] = Item(items[-1].para, (*items[-1].points, *prompts))
    p.flowed("reflection" if kind == "reflection" else "activity", g.REFLECTION, title,
             items, at, tier=1, minutes=minutes,
             extra=[Frame("prompt", mark, size or p.body[-1])])
