"""The learning-points slide, and the reflection slide after it that turns the points
into questions for the group."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.items import full_items
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import Frame
from builder.deck.reflect import question
from builder.deck.text import Run, Runs, clean, first_sentence, text_of
from builder.model import LearningPoints

REFLECT_PROMPT = "What does this look like in your own practice? What would you do differently?"
MIN_QUESTIONS, MAX_QUESTIONS = 3, 4


def plan_learning_points(p: Planner, lp: LearningPoints, title: str, sid: str) -> None:
    """Adds the box in full if it fits one slide, else each point's first sentence (the
    points in full are in the notes); then a reflection slide of questions."""
    points = [p.plain(it.content) for it in lp.items]
    notes = p.notes(["\n".join(f"- {x}" for x in points)], sid)
    firsts = [Para(first_sentence(p.runs(it.content))) for it in lp.items]
    p.chosen("learning_points", g.LEARNING, f"{lp.title}: {title}",
             [full_items(p, lp.items), firsts], notes, lp.at)
    _reflection(p, lp, title, sid)


def _reflection(p: Planner, lp: LearningPoints, title: str, sid: str) -> None:
    """Adds "Reflect: <section>": the questions under a standing prompt, as many as fit."""
    asked = _questions(p, lp)
    prompt = (Para((Run(REFLECT_PROMPT),), bullet=False, style="strong"),)
    layout = g.LAYOUTS[g.REFLECTION]
    size = fixed(prompt, layout.box("prompt"), p.theme.fonts, p.body) or p.body[-1]
    options = [[Para(rs) for _, rs in asked[:n]] for n in range(len(asked), 0, -1)]
    notes = p.notes(["Questions for discussion, from the learning points on the "
                     "previous slide:", *(f"- {text_of(rs)}" for _, rs in asked),
                     "Ask the group to relate each to a case they know, and to name "
                     "one thing they will do differently."], sid)
    p.chosen("reflection", g.REFLECTION, f"Reflect: {title}", options, notes, lp.at,
             extra=[Frame("prompt", prompt, size)])


def _questions(p: Planner, lp: LearningPoints) -> list[tuple[int, Runs]]:
    """Two to four of the points, in their order, each with its index: as questions
    ("How do you ...?") where the sentence allows it, the others as "Discuss: <first
    sentence>"."""
    asked: list[tuple[int, Runs]] = []
    for i, it in enumerate(lp.items):
        q = question(p.plain(it.content))
        if q:
            asked.append((i, (Run(clean(q)),)))
    asked = asked[:MAX_QUESTIONS]
    for i, it in enumerate(lp.items):
        if len(asked) >= min(MIN_QUESTIONS, len(lp.items)):
            break
        if all(i != j for j, _ in asked):
            asked.append((i, (Run("Discuss: ", bold=True),
                              *first_sentence(p.runs(it.content)))))
    asked.sort(key=lambda x: x[0])
    return asked
