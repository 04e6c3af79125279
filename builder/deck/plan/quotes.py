"""The quotation slide: one quotation of a section, large and italic, with the sentence
that introduces it; the section's other quotations are in its notes."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.notes import quote_label
from builder.deck.plan.planner import Planner, steps
from builder.deck.plan.spec import Frame
from builder.deck.text import Run, Runs, clean, first_sentence
from builder.model import Paragraph, Quote


def plan_quote(p: Planner, q: Quote, context: Paragraph | None, title: str, sid: str,
               others: list[str]) -> None:
    """Adds the quotation's slide(s), titled "In their own words: <section>" for a voice,
    else "SCR extract: <section>"; ``others`` (the section's other quotations as notes
    lines) go into the notes."""
    paras = [Para(p.runs(x, italic=True), bullet=False) for x in q.paragraphs]
    if q.attribution:
        paras.append(Para((Run("\u2014 "), *p.runs(q.attribution)), bullet=False,
                          style="muted"))
    ctx = _context(p, context, title)
    quote_sizes = steps(p.theme.slides.body_size + 2, p.theme.slides.min_body_size)
    notes = p.notes([*(p.plain(x) for x in q.paragraphs),
                     p.plain(context.content) if context else "",
                     *(["More extracts from this section of the briefing:", *others]
                       if others else [])], sid)
    p.flowed("quote", g.QUOTE, f"{quote_label(q)}: {title}", paras, notes, q.at,
             extra=[ctx] if ctx else [], role="quote", sizes=quote_sizes)


def _context(p: Planner, context: Paragraph | None, title: str) -> Frame | None:
    """The line under the quotation: the paragraph before it, else that paragraph's first
    sentence, else "From the section 'Title'", whichever fits first; None if none does."""
    box = g.LAYOUTS[g.QUOTE].box("context")
    options: list[Runs] = []
    if context is not None:
        full = p.runs(context.content)
        options += [full, first_sentence(full)]
    options.append((Run(f"From the section \u2018{clean(title)}\u2019"),))
    for rs in options:
        paras = (Para(rs, bullet=False, style="muted"),)
        size = fixed(paras, box, p.theme.fonts, p.body)
        if size is not None:
            return Frame("context", paras, size)
    return None
