"""The case slide: a section's case examples together, each in a sentence or two; the
cases in full, with their quotations, in the notes."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.notes import block_note
from builder.deck.plan.planner import Planner
from builder.deck.text import Run, Runs, clean, first_sentence, sentences
from builder.model import BulletList, CaseExample, Paragraph

CASE_MORE = "The full case is in the speaker notes."
CASE_MORE_MANY = "The full cases are in the speaker notes."


def has_text(block: object) -> bool:
    """Whether the block is a case example with prose or a list (not only a quotation)."""
    return isinstance(block, CaseExample) and any(
        isinstance(b, Paragraph | BulletList) for b in block.blocks)


def plan_cases(p: Planner, cases: list[CaseExample], title: str, sid: str) -> None:
    """Adds one slide for the section's case examples, led by the section's one-sentence
    introduction if it handed one on (``p.lead``)."""
    notes = p.notes(_case_texts(p, cases), sid)
    intro: list[Para] = []
    if p.lead is not None:
        intro = [Para(p.lead[0], bullet=False, style="strong", keep=True)]
        notes = p.lead[1].replace(p.page_note(sid), "").rstrip() + "\n\n" + notes
        p.lead = None
    p.chosen("case", g.CASE, _heading(cases, title), _options(p, cases, intro), notes,
             cases[0].at)


def _case_texts(p: Planner, cases: list[CaseExample]) -> list[str]:
    """Each case in full for the notes: "Case example 2: Title", then its text."""
    texts: list[str] = []
    for n, case in enumerate(cases, start=1):
        head = f"Case example {n}" if len(cases) > 1 else "Case example"
        if case.title:
            head += f": {clean(case.title)}"
        texts.append(head)
        texts.extend(t for t in (block_note(p, b) for b in case.blocks) if t is not None)
    return texts


def _options(p: Planner, cases: list[CaseExample], intro: list[Para]) -> list[list[Para]]:
    """The slide's wordings, fullest first: one case in two sentences, then in one; several
    cases one sentence each, as bullets led by their titles."""
    many = len(cases) > 1
    more = Para((Run(CASE_MORE_MANY if many else CASE_MORE),), bullet=False,
                style="muted", scale=0.85)
    options = []
    for count in ((1,) if many else (2, 1)):
        paras = list(intro)
        for case in cases:
            rs = _summary(p, case, count)
            if case.title and many:
                rs = (Run(f"{clean(case.title)}: ", bold=True), *rs)
            paras.append(Para(rs, bullet=many))
        options.append([*paras, more])
    return options


def _heading(cases: list[CaseExample], title: str) -> str:
    """"Case examples: <section>", or "Case example: <the case's title or section's>"."""
    if len(cases) > 1:
        return f"Case examples: {title}"
    names = [clean(c.title) for c in cases if c.title]
    return f"Case example: {names[0] if names else title}"


def _summary(p: Planner, case: CaseExample, count: int) -> Runs:
    """The first ``count`` sentences of the case's first paragraph, else the first sentence
    of its list's first item."""
    for b in case.blocks:
        if isinstance(b, Paragraph):
            return sentences(p.runs(b.content), count)
        if isinstance(b, BulletList) and b.items:
            return first_sentence(p.runs(b.items[0].content))
    return ()
