"""The slides every session needs that no briefing holds: ground rules, a note on the
distressing material, local procedures and evaluation. Each is a marked placeholder on
the "Trainer to complete" layout, for the trainer to write; nothing on them is
presented as the briefing's."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import Frame
from builder.deck.text import Run

TO_COMPLETE = "Trainer to complete"

GROUND_RULES = ("Ground rules", 3.0, "[Trainer to complete: the ground rules for this "
                "session, including confidentiality when anyone talks about a real case.]")
WELLBEING = ("Looking after yourself in this session", 2.0, "[Trainer to complete: a note "
             "that this session covers the deaths and serious harm of children, how to take "
             "a break, and who to talk to afterwards.]")
LOCAL = ("Local procedures", 3.0, "[Trainer to complete: your area's safeguarding "
         "procedures, escalation policy and contacts.]")
EVALUATION = ("Evaluation", 3.0, "[Trainer to complete: how participants give feedback "
              "on this session.]")
OPENING_SLIDES = (GROUND_RULES, WELLBEING)
CLOSING_SLIDES = (LOCAL, EVALUATION)
FURNITURE_TEXTS = tuple(x[2] for x in (*OPENING_SLIDES, *CLOSING_SLIDES))


def plan_furniture(p: Planner, slides: tuple[tuple[str, float, str], ...]) -> None:
    """Adds the placeholder slides, always shown."""
    box = g.LAYOUTS[g.TRAINER].box("body")
    for title, minutes, text in slides:
        paras = (Para((Run(text),), bullet=False, style="muted"),)
        size = fixed(paras, box, p.theme.fonts, p.body) or p.body[-1]
        p.add("furniture", g.TRAINER, title, [Frame("body", paras, size)], p.briefing.at,
              tier=0, minutes=minutes, points=(text.strip("[]"),))
