"""The case slide: a section's case examples together, each by its first sentence or the
phrase its text highlights; the cases in full, with their quotations, in the notes."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.notes import block_note
from builder.deck.plan.planner import Item, Planner
from builder.deck.plan.points import Unit, choose, paragraph_units
from builder.deck.plan.spec import Excerpt
from builder.deck.text import Run, clean
from builder.model import BulletList, CaseExample, Paragraph

CASE_MINUTES = 3.0
CASE_WORDS = 34


def has_text(block: object) -> bool:
    """Whether the block is a case example with prose or a list (not only a quotation)."""
    return isinstance(block, CaseExample) and any(
        isinstance(b, Paragraph | BulletList) for b in block.blocks)


def plan_cases(p: Planner, cases: list[CaseExample], title: str, tier: int) -> None:
    """Adds one slide for the section's case examples."""
    many = len(cases) > 1
    units: list[Unit] = []
    for n, case in enumerate(cases):
        best = _summary(p, case, n * 100)
        if best is not None:
            name = clean(case.title)
            lead = (Run(f"{name}: ", bold=True),) if name and many else ()
            para = Para((*lead, *best.paras[0].runs), bullet=many)
            units.append(Unit((para,), best.said, best.order, best.score + (5 if n == 0 else 0)))
    chosen = choose(units, CASE_WORDS)
    excerpts = tuple(x for c in cases for x in _case_texts(p, c, cases))
    if not chosen:  # no sentence short enough to show: the cases go to the notes
        p.carry.extend(excerpts)
        return
    items = [Item(x) for u in chosen for x in u.paras]
    items[0] = Item(items[0].para, tuple(s for u in chosen for s in u.said), excerpts)
    p.flowed("case", g.CASE, _heading(cases, title), items, cases[0].at, tier=tier,
             minutes=CASE_MINUTES)


def _summary(p: Planner, case: CaseExample, order: int) -> Unit | None:
    """The case's best point: its first paragraph's first sentence, or a sentence with
    the phrase the case highlights in bold."""
    units = [u for b in case.blocks if isinstance(b, Paragraph)
             for u in paragraph_units(p, b.content, order, True)]
    return max(units, key=lambda u: (u.score, -u.order)) if units else None


def _case_texts(p: Planner, case: CaseExample, cases: list[CaseExample]) -> list[Excerpt]:
    """The case in full for the notes: "Case example 2: Title", then its text."""
    n = cases.index(case) + 1
    head = f"Case example {n}" if len(cases) > 1 else "Case example"
    if case.title:
        head += f": {clean(case.title)}"
    texts = [head, *(t for t in (block_note(p, b) for b in case.blocks) if t is not None)]
    page = p.excerpt("", case.at).page
    return [Excerpt(t, page) for t in texts]


def _heading(cases: list[CaseExample], title: str) -> str:
    """"Case examples: <section>", or "Case example: <the case's title or section's>"."""
    if len(cases) > 1:
        return f"Case examples: {title}"
    names = [clean(c.title) for c in cases if c.title]
    return f"Case example: {names[0] if names else title}"
