"""Part dividers and section content slides (with a section's extra slides), the
section's text in the wordings its content slide chooses from, and its notes."""

from __future__ import annotations

import re

from builder.deck import geometry as g
from builder.deck.pack import Para
from builder.deck.plan.blocks import plan_blocks
from builder.deck.plan.cases import has_text
from builder.deck.plan.items import brief_items, full_items, terse_items
from builder.deck.plan.notes import block_note
from builder.deck.plan.planner import Planner
from builder.deck.text import (
    Runs,
    clean,
    first_sentence,
    sentence_ends,
    strip,
    tail_from,
    text_of,
)
from builder.model import (
    BulletList,
    CaseExample,
    ExtraSlide,
    Figure,
    Paragraph,
    Part,
    Section,
    Table,
)


def plan_part(p: Planner, part: Part) -> None:
    """Adds the part's divider (its prose in the notes), its own blocks' slides, then
    its sections'."""
    prose = [p.plain(b.content) for b in part.blocks if isinstance(b, Paragraph)]
    notes = p.notes(prose or [part.title], part.id, *(s.id for s in part.sections[:1]))
    p.add("divider", g.DIVIDER, part.title, [], notes, part.at, footer=False,
          title_sizes=p.display_sizes())
    plan_blocks(p, part.blocks, part.title, part.id)
    for sec in part.sections:
        plan_section(p, sec)


def plan_section(p: Planner, sec: Section) -> None:
    """Adds the section's content slide, its blocks' slides, its extra slides, then its
    subsections'; nothing for a section whose slides are skipped."""
    ov = sec.slides
    if ov is not None and ov.skip:
        return
    notes = section_notes(p, sec)
    _content(p, sec, notes)
    plan_blocks(p, sec.blocks, sec.title, sec.id)
    if p.carry:  # no chart slide was made after all
        p.carry = []
        p.chosen("content", g.CONTENT, sec.title, bullet_options(p, sec), notes, sec.at)
    for extra in ov.extra if ov is not None else ():
        _extra(p, extra, sec.id)
    for sub in sec.sections:
        plan_section(p, sub)


def _content(p: Planner, sec: Section, notes: str) -> None:
    """Adds the section's content slide: its override bullets, else its own text; or
    hands its prose on to its chart slides (``p.carry``), or its one-sentence
    introduction on to its case slide (``p.lead``)."""
    ov = sec.slides
    if ov is not None and ov.bullets:
        p.flowed("content", g.CONTENT, sec.title, [Para(p.runs(b)) for b in ov.bullets],
                 notes, sec.at)
    elif _charts_carry(sec):
        p.carry = [p.plain(b.content) for b in sec.blocks if isinstance(b, Paragraph)]
    elif (intro := _lead_only(sec)) and first_sentence(rs := p.runs(intro.content)) == rs:
        p.lead = (rs, notes)
    else:
        p.chosen("content", g.CONTENT, sec.title, bullet_options(p, sec), notes, sec.at)


def _extra(p: Planner, extra: ExtraSlide, sid: str) -> None:
    """Adds an extra slide written in the content: its bullets, or a title alone."""
    notes = p.notes([clean(extra.notes)], sid)
    paras = [Para(p.runs(b)) for b in extra.bullets]
    if paras:
        p.flowed("extra", g.CONTENT, extra.title, paras, notes, extra.at)
    else:
        p.add("extra", g.CONTENT, extra.title, [], notes, extra.at)


def section_notes(p: Planner, sec: Section) -> str:
    """The section's prose, lists and quotations in full, in reading order (case
    examples and learning points have their own slides and notes)."""
    texts = [t for t in (block_note(p, b) for b in sec.blocks) if t is not None]
    return p.notes(texts or [sec.title], sec.id)


def bullet_options(p: Planner, sec: Section) -> list[list[Para]]:
    """The section's slide text in three wordings, fullest first: every list item in
    full; list items in brief (a bold lead-in, or the words before a colon, with the
    clause that carries a number); and, for a section made mostly of lists, the lists
    alone with one line per item."""
    brief, listed = _brief_and_listed(p, sec, _has_charts(sec))
    options = [_derived_bullets(p, sec), [x for x in brief if text_of(x.runs).strip()]]
    if sum(x.bullet for x in listed) >= 3:
        options.append(listed)
    return options


def _derived_bullets(p: Planner, sec: Section) -> list[Para]:
    """The first sentence of each paragraph and every list item, in reading order."""
    out: list[Para] = []
    for b in sec.blocks:
        if isinstance(b, Paragraph):
            out.append(Para(first_sentence(p.runs(b.content))))
        elif isinstance(b, BulletList):
            out.extend(full_items(p, b.items))
    return [x for x in out if text_of(x.runs).strip()]


def _brief_and_listed(p: Planner, sec: Section, figures: bool
                      ) -> tuple[list[Para], list[Para]]:
    """Each paragraph's first sentence and each list item in brief; and the lists alone,
    one line per item, each after the sentence that leads into it."""
    brief: list[Para] = []
    listed: list[Para] = []
    for i, b in enumerate(sec.blocks):
        if isinstance(b, Paragraph):
            rs = p.runs(b.content)
            brief.append(Para(first_sentence(rs)))
            nxt = sec.blocks[i + 1] if i + 1 < len(sec.blocks) else None
            if isinstance(nxt, BulletList) and text_of(rs).rstrip().endswith(":"):
                listed.append(Para(_lead_in(rs), bullet=False, style="strong", keep=True))
        elif isinstance(b, BulletList):
            brief.extend(brief_items(p, b.items, figures))
            listed.extend(terse_items(p, b.items, figures))
    return brief, listed


def _lead_in(rs: Runs) -> Runs:
    """The sentence of a paragraph that introduces the list after it: its last ("This
    briefing is for all health professionals, including:") unless that leans on the one
    before ("These are ..."), then its first."""
    ends = sentence_ends(text_of(rs))
    last = strip(tail_from(rs, ends[-1])) if ends else rs
    if re.match(r"(These|They|It|Those|Such)\b|This (is|are|was|were|means)\b", text_of(last)):
        return first_sentence(rs)
    return last


def _lead_only(sec: Section) -> Paragraph | None:
    """The paragraph of a section whose text is one paragraph followed by its case
    examples, else None."""
    first = sec.blocks[0] if sec.blocks else None
    if (isinstance(first, Paragraph) and any(has_text(b) for b in sec.blocks)
            and all(isinstance(b, CaseExample) for b in sec.blocks[1:])):
        return first
    return None


def _has_charts(sec: Section) -> bool:
    """Whether the section has a figure or a table with a chart."""
    return any(isinstance(b, Figure) or (isinstance(b, Table) and b.chart) for b in sec.blocks)


def _charts_carry(sec: Section) -> bool:
    """A section of prose about its charts, with no lists, quotations or cases: the chart
    slides carry it (its prose goes into their notes)."""
    return _has_charts(sec) and all(isinstance(b, Paragraph | Table | Figure) for b in sec.blocks)
