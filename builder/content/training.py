"""The training keys of the content: a briefing's ``deck:`` settings (the session's
length) and a section's ``training:`` material (questions, activities and facilitator
prompts an editor wrote for the training, next to the section's ``slides:``)."""

from __future__ import annotations

from builder.content import shapes
from builder.content.fields import Ctx
from builder.content.load import Node
from builder.model import Activity, DeckSettings, Training

MIN_MINUTES, MAX_MINUTES = 30, 240
MIN_ACTIVITY, MAX_ACTIVITY = 1, 60


def read_deck(ctx: Ctx, node: Node | None) -> DeckSettings:
    """``deck: {minutes: 90}``; the default settings when absent."""
    f = ctx.fields(node, shapes.DECK) if node is not None else None
    if f is None or node is None:
        return DeckSettings()
    minutes = _minutes(ctx, f.get("minutes"), f.integer("minutes"), MIN_MINUTES, MAX_MINUTES)
    return DeckSettings(minutes=minutes or DeckSettings().minutes, at=ctx.at(node))


def read_training(ctx: Ctx, node: Node | None) -> Training | None:
    """``training: {questions: [...], activities: [...], prompts: [...]}``; None when absent."""
    f = ctx.fields(node, shapes.TRAINING) if node is not None else None
    if f is None or node is None:
        return None
    activities = tuple(a for a in (_activity(ctx, n) for n in f.seq("activities"))
                       if a is not None)
    return Training(questions=f.markups("questions"), activities=activities,
                    prompts=f.markups("prompts"), at=ctx.at(node))


def _activity(ctx: Ctx, node: Node) -> Activity | None:
    f = ctx.fields(node, shapes.ACTIVITY)
    if f is None:
        return None
    minutes = _minutes(ctx, f.get("minutes"), f.integer("minutes"), MIN_ACTIVITY,
                       MAX_ACTIVITY)
    return Activity(title=f.text("title"), steps=f.markups("steps"),
                    minutes=minutes or Activity(title="").minutes, at=ctx.at(node))


def _minutes(ctx: Ctx, node: Node | None, value: int | None, low: int, high: int
             ) -> int | None:
    """A whole number of minutes from ``low`` to ``high``, else a problem and None."""
    if node is not None and value is not None and not low <= value <= high:
        ctx.error(node, f"'minutes' is {value}; give a whole number of minutes from {low} "
                  f"to {high}")
        return None
    return value
