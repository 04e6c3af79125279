"""The learning-points slides: each point by its first sentence (or that sentence's
lead-in clause) on at most two slides, the second optional; points that fit neither
are in the second slide's notes, and every point is in full in the notes."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.planner import Item, Planner, numbered
from builder.deck.text import audience, count_words, lead_clause, split_sentences, text_of
from builder.model import LearningPoints

LP_MINUTES = 3.0
LP_WORDS = 34
LP_POINTS = 4
LONG = 26
MAX_SLIDES = 2


def plan_learning_points(p: Planner, lp: LearningPoints, title: str, tier: int) -> None:
    """Adds the box's slides: the points in reading order while they fit the word
    budget, the others on a second slide a tier deeper (hidden first when time is
    short) as far as they fit, the rest only in its notes."""
    items = [_item(p, lp, it.content) for it in lp.items]
    chunks: list[list[Item]] = []
    left = items
    while left and len(chunks) < MAX_SLIDES:
        chunk = _fill(left)
        chunks.append(chunk)
        left = [x for x in left if x not in chunk]
    if left:  # in the notes of the last slide
        last = chunks[-1]
        last[-1] = Item(last[-1].para, last[-1].points,
                        (*last[-1].excerpts, *(x.excerpts[0] for x in left)))
    for n, chunk in enumerate(chunks, start=1):
        t = numbered(f"{lp.title}: {title}", n, len(chunks))
        p.flowed("learning_points", g.LEARNING, t, chunk, lp.at, tier=tier + (n > 1),
                 minutes=LP_MINUTES, follows=n > 1)


def _item(p: Planner, lp: LearningPoints, content: object) -> Item:
    rs = audience(p.runs(content))  # type: ignore[arg-type]
    sentences = split_sentences(rs)
    first = sentences[0] if sentences else rs
    shown = first if count_words(text_of(first)) <= LONG else (lead_clause(first, 4) or first)
    return Item(Para(shown), (text_of(shown),),
                (p.excerpt(p.plain(content), lp.at),))  # type: ignore[arg-type]


def _fill(items: list[Item]) -> list[Item]:
    """The items, in order, that fit one slide's budget (at least the first)."""
    out: list[Item] = []
    used = 0
    for it in items:
        n = count_words(text_of(it.para.runs))
        if out and (used + n > LP_WORDS or len(out) >= LP_POINTS):
            continue
        out.append(it)
        used += n
    return out
