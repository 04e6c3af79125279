"""What a content slide shows: a few points taken from a section's own text, never
reworded. A point is a whole sentence, a sentence's lead-in clause (the words before
its colon or semicolon), a list item's bold lead-in with its own lead-in clause, or a
list introduced by its lead-in sentence; references to the briefing's tables, figures
and pages are left out, and so are sentences that lean on the one before them (and the
paragraphs that go on from the one before), or point at what follows. The sentences
behind the points are the talking points.

Units are scored (a paragraph's first sentence, a bold phrase the source highlights,
short sentences) and chosen best first until the slide's word budget is spent; they
are shown in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.deck.pack import Para
from builder.deck.plan.planner import Planner
from builder.deck.text import (
    Run,
    Runs,
    audience,
    count_words,
    label,
    lead_clause,
    split_sentences,
    strip,
    text_of,
)
from builder.model import BulletList, Inlines, ListItem, Paragraph

BODY_WORDS = 30  # on-slide words of a content slide's body, titles not counted
MAX_POINTS = 5
LONG = 24  # words: a longer sentence is shown by its lead-in clause, if it has one
ITEM_WORDS = 14  # a list item under its lead-in sentence is shown when at most this long

# A sentence that leans on the one before it is not shown alone ("There" pointing back,
# not "There was evidence ...").
_LEANS = re.compile(r"(This|These|They|Their|It|Its|Those|Such|Also|However|Thus|"
                    r"So|For example|For instance|In another|In the next|As mentioned|"
                    r"Alongside|Again|But|And|Here|The following|She|He)\b"
                    r"|There\b(?! (is|was|were|are|has|have|had|may|might|can)\b)")
# A sentence that points at what follows it in the briefing ("as illustrated by the
# following three examples") is not shown: the slides after it may show other examples.
_POINTS_ON = re.compile(r"\bthe following\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """One or more paragraphs that go on a slide together (a lead-in and its list), what
    they come from (the talking points), their words and their score."""

    paras: tuple[Para, ...]
    said: tuple[str, ...]
    order: int
    score: float

    @property
    def words(self) -> int:
        return sum(count_words(text_of(p.runs)) for p in self.paras)


def choose(units: list[Unit], budget: int = BODY_WORDS, most: int = MAX_POINTS) -> list[Unit]:
    """The best units that fit the budget, in reading order; the best one alone when none
    fits (a slide always has its point)."""
    chosen: list[Unit] = []
    used = 0
    for u in sorted(units, key=lambda u: (-u.score, u.order)):
        if used + u.words <= budget and len(chosen) + len(u.paras) <= most:
            chosen.append(u)
            used += u.words
    if not chosen and units:
        chosen = [min(units, key=lambda u: (u.words, -u.score))]
    return sorted(chosen, key=lambda u: u.order)


def section_units(p: Planner, blocks: tuple[object, ...]) -> list[Unit]:
    """The units of a section's paragraphs and lists, in reading order."""
    units: list[Unit] = []
    first_para = True
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(b, Paragraph):
            if isinstance(nxt, BulletList) and _introduces(p, b):
                units.append(_listed(p, b, nxt, len(units)))
            else:
                units.extend(paragraph_units(p, b.content, len(units), first_para))
            first_para = False
        elif isinstance(b, BulletList) and not (
                i and isinstance(blocks[i - 1], Paragraph) and _introduces(p, blocks[i - 1])):
            units.extend(item_units(p, b.items, len(units)))
    return units


def paragraph_units(p: Planner, spans: Inlines, order: int, first: bool) -> list[Unit]:
    """Each sentence of a paragraph that can stand alone, as itself or its lead-in; the
    section's first sentence whole when it fits a slide (it states the topic)."""
    units: list[Unit] = []
    sentences = split_sentences(audience(p.runs(spans)))
    if sentences and _LEANS.match(text_of(sentences[0])):
        return []  # the paragraph goes on from the one before ("In another case, ...")
    for n, sentence in enumerate(sentences):
        shown = sentence if first and n == 0 and count_words(
            text_of(sentence)) <= BODY_WORDS else _shown(sentence)
        if (not shown or _LEANS.match(text_of(sentence)) or text_of(shown).endswith(":")
                or _POINTS_ON.search(text_of(shown))):
            continue
        score = (6.0 if n == 0 else 1.0) + (4.0 if first and n == 0 else 0.0)
        score += 5.0 if any(r.bold for r in shown) else 0.0
        score -= max(0, count_words(text_of(shown)) - 16) / 4
        units.append(Unit((Para(shown),), (text_of(sentence),), order + n, score))
    return units


def item_units(p: Planner, items: tuple[ListItem, ...], order: int) -> list[Unit]:
    """Each list item in brief: its bold lead-in with the lead-in clause of what follows
    ("Infants: As in previous review periods, the largest proportion ..."), else its
    first sentence or that sentence's lead-in; an item with sub-items as its lead-in over
    its first sub-item."""
    units: list[Unit] = []
    for n, it in enumerate(items):
        rs = audience(p.runs(it.content))
        if it.children:
            head = Para(strip(label(rs)[0] or rs, " :"), bullet=False, style="strong",
                        keep=True)
            short = all(count_words(p.plain(c.content)) <= ITEM_WORDS for c in it.children)
            subs = item_units(p, it.children if short else it.children[:1], 0)
            if subs:
                units.append(Unit((head, *(_indent(x) for u in subs for x in u.paras)),
                                  (text_of(rs), *(x for u in subs for x in u.said)),
                                  order + n, 4.0 - n / 10))
            continue
        brief = _brief(rs)
        if brief:
            units.append(Unit((Para(brief),), (text_of(rs),), order + n, 4.0 - n / 10))
    return units


def _brief(rs: Runs) -> Runs:
    """A list item as a point: label and lead-in clause, else its shown first sentence."""
    name, rest = label(rs)
    first = split_sentences(rest)
    if name and first:
        clause = lead_clause(first[0], 4) or (first[0] if count_words(
            text_of(first[0])) <= LONG - 8 else ())
        return (*name, Run(": ", bold=True), *clause) if clause else name
    sentences = split_sentences(rs)
    return _shown(sentences[0]) if sentences else ()


def _shown(sentence: Runs) -> Runs:
    """A sentence as a slide shows it: whole when short, else its lead-in clause, else
    nothing (it stays in the notes)."""
    if count_words(text_of(sentence)) <= LONG:
        return sentence
    return lead_clause(sentence, 4)


def _introduces(p: Planner, para: object) -> bool:
    """Whether a paragraph ends with a colon: its last sentence leads into the list."""
    return isinstance(para, Paragraph) and text_of(p.runs(para.content)).rstrip().endswith(":")


def _listed(p: Planner, para: Paragraph, lst: BulletList, order: int) -> Unit:
    """A list with the sentence that introduces it: the lead-in sentence, then the items
    that fit the word budget (each as written when short, else in brief); sub-items go
    with their item. A list of lower-case items continues its lead-in sentence, so it
    goes whole; a list whose items open with bold lead-ins ("**Neglect:** ...") shows
    just those (all that have one) when that shows more of them. A list otherwise cut
    short ends in an ellipsis; the talking points hold every item."""
    sentences = split_sentences(audience(p.runs(para.content)))
    lead = sentences[-1] if sentences else ()
    head = Para(lead, bullet=False, style="strong", keep=True)
    whole = any(text_of(p.runs(it.content))[:1].islower() for it in lst.items)
    groups = [[_item_para(p, it, 0), *(_item_para(p, c, 1) for c in it.children)]
              for it in lst.items]
    budget = BODY_WORDS - count_words(text_of(lead))
    shown = groups if whole else _fitting(groups, budget)
    cut = len(shown) < len(groups)
    names = _labels(p, lst.items)
    if len(shown) < len(names) and _words([[Para(n)] for n in names]) <= budget:
        shown, cut = [[Para(n, style="strong")] for n in names], False
    if cut:  # the list goes on in the notes: say so on the slide
        shown.append([Para((Run("\u2026"),), marker=False, style="muted")])
    said = [text_of(lead)] + [t for it in lst.items for t in (
        p.plain(it.content), *(p.plain(c.content) for c in it.children))]
    return Unit((head, *(x for g in shown for x in g)), tuple(said), order, 7.0)


def _labels(p: Planner, items: tuple[ListItem, ...]) -> list[Runs]:
    """The bold lead-ins of the list's first items, up to the first item without one."""
    out = []
    for it in items:
        name = label(audience(p.runs(it.content)))[0]
        if not name:
            break
        out.append(name)
    return out


def _words(groups: list[list[Para]]) -> int:
    return sum(count_words(text_of(x.runs)) for g in groups for x in g)


def _fitting(groups: list[list[Para]], budget: int) -> list[list[Para]]:
    """The leading groups within the budget (at least the first)."""
    out: list[list[Para]] = []
    for g in groups:
        if out and _words(out) + _words([g]) > budget:
            break
        out.append(g)
    return out


def _item_para(p: Planner, item: ListItem, level: int) -> Para:
    """A list item as written when short, else in brief."""
    rs = audience(p.runs(item.content))
    if count_words(text_of(rs)) > ITEM_WORDS and not text_of(rs)[:1].islower():
        rs = _brief(rs) or rs
    return Para(rs, level=level)


def _indent(para: Para) -> Para:
    return Para(para.runs, level=1, bullet=para.bullet, style=para.style)
