"""The further-reading slides: at most two, the works cited in the briefing's own parts
first, each as "Author (year) Title"; the full list is in the notes and the briefing."""

from __future__ import annotations

import re
from typing import assert_never

from builder.citations import AUTHOR_YEAR, cites, surnames
from builder.deck import geometry as g
from builder.deck.pack import Para, flow
from builder.deck.plan.notes import item_lines, quote_note
from builder.deck.plan.planner import Planner, numbered
from builder.deck.plan.spec import Excerpt, Frame
from builder.deck.text import (
    Run,
    Runs,
    count_words,
    first_sentence,
    strip,
    tail_from,
    text_of,
)
from builder.model import (
    BulletList,
    CaseExample,
    Figure,
    LearningPoints,
    Paragraph,
    Part,
    Quote,
    Reference,
    Table,
)
from builder.walk import part_blocks

REFERENCES_TITLE = "Further reading"
MAX_REFERENCE_SLIDES = 1
REFERENCE_WORDS = 40
MAX_REFERENCES = 5



def plan_references(p: Planner) -> None:
    """Adds the further-reading slides; none if the briefing has no references."""
    refs = list(p.briefing.references)
    if not refs:
        return
    page = p.pages.get("references")
    where = f"the References in the briefing (p. {page})" if page else \
        "the References in the briefing"
    size, chunks = _shortlist(p, [Para(short_ref(p, r), bullet=False) for r in _cited_first(
        p, refs)], where)
    full = []
    for ref in refs:
        text = p.plain(ref.text)
        full.append(f"- {text}" + (f" {ref.url}" if ref.url and ref.url not in text else ""))
    notes = (Excerpt("\n".join(full), page),)
    for n, chunk in enumerate(chunks, start=1):
        t = numbered(REFERENCES_TITLE, n, len(chunks))
        p.add("references", g.CONTENT, t, [Frame("body", tuple(chunk), size)], refs[0].at,
              tier=0 if n == 1 else 2, minutes=1.0,
              points=(f"The full reference list is in {where}.",),
              excerpts=notes if n == 1 else ())


def _cited_first(p: Planner, refs: list[Reference]) -> list[Reference]:
    """The references cited in the briefing's own (not shared) parts first, each group in
    the briefing's order."""
    own = " ".join(_part_text(p, x) for x in p.briefing.parts if not x.shared)
    order = sorted(range(len(refs)), key=lambda i: not cites(refs[i], own))
    return [refs[i] for i in order]


def _shortlist(p: Planner, shorts: list[Para], where: str) -> tuple[float, list[list[Para]]]:
    """As many of the short references as fit the word budget and the allowed slides,
    then "and N more in the briefing". Returns (size, slides' worth of paragraphs)."""
    box = g.LAYOUTS[g.CONTENT].box("body")
    chunks: list[list[Para]] = []
    size = p.body[-1]
    for k in range(len(shorts), 0, -1):
        more = [] if k == len(shorts) else [Para((Run(
            f"and {len(shorts) - k} more in the briefing"),), bullet=False, style="muted")]
        paras = [*shorts[:k], *more]
        size, chunks = flow(paras, box, p.theme.fonts, p.body[:2])
        words = sum(count_words(text_of(x.runs)) for x in paras)
        if (len(chunks) <= MAX_REFERENCE_SLIDES and words <= REFERENCE_WORDS
                and len(paras) <= MAX_REFERENCES + 1):
            break
    return size, chunks


def short_ref(p: Planner, ref: Reference) -> Runs:
    """"Author (year) Title": the first author's surname (with "and" or "et al."),
    the year, and the title (italic; an article's own title, not its journal)."""
    rs = p.runs(ref.text)
    m = AUTHOR_YEAR.match(text_of(rs))
    if m is None:
        return rs
    after = strip(tail_from(rs, m.end()))
    title = after[0].text if after and after[0].italic else text_of(first_sentence(after))
    title = title.strip().rstrip(".")
    return (Run(f"{_who(m.group(1).strip())} ({m.group(2)}) "),
            Run(title, italic=True))  # addresses in the notes


def _who(authors: str) -> str:
    """The first author's surname, "A and B" for two, "A et al." for more."""
    people = surnames(authors)
    if people:
        return people[0] if len(people) == 1 else (
            f"{people[0]} and {people[1]}" if len(people) == 2 else f"{people[0]} et al.")
    names = [n for n in re.split(r",\s*&?\s*|\s+&\s+", authors.strip(" .")) if n.strip()]
    return names[0] + (" et al." if len(names) > 1 else "")


def _part_text(p: Planner, part: Part) -> str:
    """The part's prose, list items and quotations as one string to search for citations."""
    out: list[str] = []
    for b in part_blocks(part):
        match b:
            case Paragraph(content=c):
                out.append(p.plain(c))
            case BulletList(items=items) | LearningPoints(items=items):
                out.extend(item_lines(p, items))
            case Quote():
                out.append(quote_note(p, b))
            case CaseExample() | Table() | Figure():
                pass  # a case's own blocks follow it; tables and figures cite no one
            case _:
                assert_never(b)
    return " ".join(out)
