"""The quotation slide: one quotation of a section, large and italic, whole sentences of
it (an ellipsis where it was cut); the quotation in full, the sentence that introduces it
and the section's other quotations are in the notes."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.notes import quote_label, quote_note
from builder.deck.plan.planner import Item, Planner, steps
from builder.deck.text import Run, Runs, count_words, split_sentences, text_of
from builder.model import Paragraph, Quote

QUOTE_MINUTES = 2.0
QUOTE_WORDS = 40
ELLIPSIS = " \u2026"


def plan_quote(p: Planner, q: Quote, context: Paragraph | None, title: str,
               others: list[Quote], tier: int) -> None:
    """Adds the quotation's slide, titled "In their own words: <section>" for a voice,
    else "SCR extract: <section>"; none when its first sentence alone is over the word
    budget (it stays in the notes of the section's slides)."""
    shown = _shown(p, q)
    if sum(count_words(text_of(x)) for x in shown) > QUOTE_WORDS + 5:
        return
    paras = [Para(rs, bullet=False) for rs in shown]
    if q.attribution:
        paras.append(Para((Run("\u2014 "), *p.runs(q.attribution)), bullet=False,
                          style="muted"))
    excerpts = (p.excerpt(quote_note(p, q), q.at),
                *((p.excerpt(p.plain(context.content), context.at),) if context else ()),
                *(p.excerpt(quote_note(p, x), x.at) for x in others))
    items = [Item(x) for x in paras]
    items[0] = Item(paras[0], (" ".join(p.plain(x) for x in q.paragraphs),), excerpts)
    sizes = steps(p.theme.slides.body_size + 2, p.theme.slides.body_size)
    p.flowed("quote", g.QUOTE, f"{quote_label(q)}: {title}", items, q.at, tier=tier,
             minutes=QUOTE_MINUTES, role="quote", sizes=sizes)


def _shown(p: Planner, q: Quote) -> list[Runs]:
    """The quotation's paragraphs, italic, as many whole sentences as fit the word
    budget (at least one), with an ellipsis where it stops short."""
    out: list[Runs] = []
    used = 0
    for para in q.paragraphs:
        kept: list[Runs] = []
        for s in split_sentences(p.runs(para, italic=True)):
            n = count_words(text_of(s))
            if used + n > QUOTE_WORDS and (out or kept):
                if kept:
                    out.append(_join(kept) + (Run(ELLIPSIS, italic=True),))
                elif out:
                    out[-1] = out[-1] + (Run(ELLIPSIS, italic=True),)
                return out
            kept.append(s)
            used += n
        out.append(_join(kept))
    return out


def _join(sentences: list[Runs]) -> Runs:
    out: list[Run] = []
    for i, s in enumerate(sentences):
        if i:
            out.append(Run(" ", italic=True))
        out.extend(s)
    return tuple(out)
