"""Characters the brand font cannot show: found before layout, reported with file:line."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import assert_never

from builder.model import (
    Block,
    Briefing,
    BulletList,
    CaseExample,
    CrossRef,
    Emphasis,
    Figure,
    FootnoteRef,
    Inlines,
    LearningPoints,
    Link,
    ListItem,
    Paragraph,
    Part,
    Quote,
    Section,
    SourceRef,
    Strong,
    Table,
    Text,
)
from builder.problems import Problem
from builder.theme import Theme, font_charset

_IGNORED = frozenset("\n\t\r")


def _spans(spans: Inlines) -> Iterator[tuple[SourceRef, str]]:
    for span in spans:
        match span:
            case Text(text=t, at=at):
                yield at, t
            case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                yield from _spans(c)
            case CrossRef() | FootnoteRef():
                pass
            case _:
                assert_never(span)


def _items(items: tuple[ListItem, ...]) -> Iterator[tuple[SourceRef, str]]:
    for item in items:
        yield from _spans(item.content)
        yield from _items(item.children)


def _block(block: Block) -> Iterator[tuple[SourceRef, str]]:
    match block:
        case Paragraph(content=c):
            yield from _spans(c)
        case BulletList(items=items):
            yield from _items(items)
        case Quote(paragraphs=ps, attribution=a):
            for p in ps:
                yield from _spans(p)
            yield from _spans(a)
        case CaseExample(title=t, blocks=bs, at=at):
            yield at, t
            for b in bs:
                yield from _block(b)
        case LearningPoints(title=t, items=items, at=at):
            yield at, t
            yield from _items(items)
        case Table(title=t, columns=cols, rows=rows, notes=notes, at=at):
            yield at, t
            for col in cols:
                yield col.at, col.label
            for row in rows:
                yield row.at, row.label
                for cell in row.cells:
                    yield cell.at, cell.text
            for n in notes:
                yield from _spans(n)
        case Figure(title=t, caption=c, missing=m, source_note=s, at=at):
            yield at, t
            for spans in (c, m, s):
                yield from _spans(spans)
        case _:
            assert_never(block)


def _section(section: Section) -> Iterator[tuple[SourceRef, str]]:
    yield section.at, section.title
    for b in section.blocks:
        yield from _block(b)
    for s in section.sections:
        yield from _section(s)


def _part(part: Part) -> Iterator[tuple[SourceRef, str]]:
    yield part.at, part.title
    for b in part.blocks:
        yield from _block(b)
    for s in part.sections:
        yield from _section(s)


def texts(briefing: Briefing) -> Iterator[tuple[SourceRef, str]]:
    """Every string the PDF prints, with where it was written."""
    m = briefing.meta
    for value in (m.title, m.subtitle, m.series, m.date, m.short_title, m.copyright,
                  *m.authors, *m.acknowledgements, *m.partners, *m.colophon):
        yield m.at, value
    pub = m.publisher
    for value in (pub.name, *pub.address, pub.telephone, pub.email, pub.website):
        yield pub.at, value
    for part in briefing.parts:
        yield from _part(part)
    for fn in briefing.footnotes:
        yield from _spans(fn.content)
    for ref in briefing.references:
        yield from _spans(ref.text)
        yield ref.at, ref.url


def _name(ch: str) -> str:
    return unicodedata.name(ch, "unnamed character").lower()


def check_coverage(briefing: Briefing, theme: Theme) -> list[Problem]:
    """One error per string and character the font cannot show."""
    charset = font_charset(theme)
    family = theme.fonts.family
    problems: list[Problem] = []
    shown = charset.issuperset
    for at, value in texts(briefing):
        if shown(map(ord, value)):
            continue
        seen: set[str] = set()
        for ch in value:
            if ch in seen or ch in _IGNORED or ord(ch) in charset:
                continue
            seen.add(ch)
            problems.append(Problem.at(
                at, f"character {ch!r} (U+{ord(ch):04X}, {_name(ch)}) cannot be shown by font "
                f"{family}; remove it or replace it with a character the font has"))
    return problems
