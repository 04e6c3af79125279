"""The session timed: which slides are shown and how long each takes, so that the shown
slides fill the session's minutes; the rest are hidden slides a trainer can show to go
deeper. Pure.

Slides of tier 0 are always shown. The others are added tier by tier, within a tier
each topic's earlier slides before its later ones, while their minutes fit. The minutes
left over are shared out over the shown teaching slides in proportion to their own, in
whole minutes that add up to the session's length.
"""

from __future__ import annotations

from dataclasses import replace

from builder.deck.plan.notes import notes_text
from builder.deck.plan.planner import Draft, Group
from builder.deck.plan.spec import DeckSection, SlideSpec

FIXED = ("title", "furniture", "aims", "divider", "references", "closing")  # no share of spare


def schedule(drafts: list[Draft], minutes: int) -> tuple[list[SlideSpec], list[DeckSection]]:
    """The slides with ``hidden``, ``minutes`` and notes set, and the PowerPoint sections."""
    shown = _shown(drafts, minutes)
    times = _times(drafts, shown, minutes)
    slides = [replace(d.spec, hidden=i not in shown, minutes=times.get(i, 0))
              for i, d in enumerate(drafts)]
    sections = _sections(drafts, slides)
    where = {i: s for s in sections for i in s.slides}
    extra = {i: round(d.base) for i, d in enumerate(drafts) if i not in shown}
    out = [replace(s, notes=notes_text(s, where[i], i, extra.get(i, 0)))
           for i, s in enumerate(slides)]
    return out, sections


def _shown(drafts: list[Draft], minutes: int) -> set[int]:
    """The slides shown: tier 0, then the rest best first while they fit. A slide comes
    with its continuations ("(2 of 2)") or not at all, and a continuation is shown only
    after the slide it continues: never a "(1 of 2)" without its "(2 of 2)" where time
    allows both."""
    shown = {i for i, d in enumerate(drafts) if d.tier == 0}
    used = sum(drafts[i].base for i in shown)
    rank: dict[Group, int] = {}
    order = []
    for i, d in enumerate(drafts):
        rank[d.group] = rank.get(d.group, -1) + 1
        order.append((d.tier, rank[d.group], i))
    for tier, _, i in sorted(order):
        run = [i] if drafts[i].follows else _run(drafts, i)
        run = [j for j in run if j not in shown]
        cost = sum(drafts[j].base for j in run)
        ready = not drafts[i].follows or i - 1 in shown
        if tier and run and ready and used + cost <= minutes:
            shown.update(run)
            used += cost
    return shown


def _run(drafts: list[Draft], i: int) -> list[int]:
    """The slide and the continuations that follow it."""
    end = i + 1
    while end < len(drafts) and drafts[end].follows:
        end += 1
    return list(range(i, end))


def _times(drafts: list[Draft], shown: set[int], minutes: int) -> dict[int, int]:
    """Whole minutes for each shown slide, adding up to ``minutes`` (at least 1 each):
    the spare time shared over teaching slides in proportion to their own minutes, or
    every slide cut in proportion when even the fixed ones take longer."""
    base = {i: drafts[i].base for i in sorted(shown)}
    flexible = [i for i in base if drafts[i].spec.kind not in FIXED] or list(base)
    spare = minutes - sum(base.values())
    pool = flexible if spare >= 0 else list(base)
    weight = sum(base[i] for i in pool) or 1.0
    exact = {i: base[i] + (spare * base[i] / weight if i in pool else 0.0) for i in base}
    whole = {i: max(1, int(t)) for i, t in exact.items()}
    left = minutes - sum(whole.values())
    for i in sorted(pool, key=lambda i: (whole[i] - exact[i], i))[:max(0, left)]:
        whole[i] += 1
    return whole


def _sections(drafts: list[Draft], slides: list[SlideSpec]) -> list[DeckSection]:
    """One PowerPoint section per group of consecutive slides, with its shown minutes."""
    out: list[DeckSection] = []
    for i, d in enumerate(drafts):
        if out and out[-1].id == d.group[0]:
            last = out[-1]
            out[-1] = replace(last, slides=(*last.slides, i),
                              minutes=last.minutes + slides[i].minutes)
        else:
            out.append(DeckSection(d.group[0], d.group[1], (i,), slides[i].minutes))
    return out
