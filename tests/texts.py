"""The text a reader should find in the outputs, walked out of the model (for tests)."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model import (
    Briefing,
    BulletList,
    CaseExample,
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inlines,
    LearningPoints,
    Link,
    ListItem,
    Paragraph,
    Quote,
    Strong,
    Table,
    plain_text,
    walk_sections,
)


def items(entries: tuple[ListItem, ...]) -> Iterator[Inlines]:
    for item in entries:
        yield item.content
        yield from items(item.children)


def inlines(block: object) -> Iterator[Inlines]:
    """Every run of inline text of a block (paragraphs, list items, quotes, notes)."""
    match block:
        case Paragraph(content=c):
            yield c
        case BulletList(items=entries) | LearningPoints(items=entries):
            yield from items(entries)
        case Quote(paragraphs=ps):
            yield from ps
        case CaseExample(blocks=bs):
            for b in bs:
                yield from inlines(b)
        case Table(notes=notes):
            yield from notes


def blocks(briefing: Briefing) -> Iterator[object]:
    """Every top-level block of every part and section, in reading order."""
    for part in briefing.parts:
        yield from part.blocks
        for s in walk_sections(part.sections):
            yield from s.blocks


def spans(runs: Inlines) -> Iterator[object]:
    for span in runs:
        yield span
        if isinstance(span, Emphasis | Strong | Link):
            yield from spans(span.children)


def chunks(runs: Inlines) -> list[str]:
    """The text between markers (which print as 'see page N' or a footnote number)."""
    out = [""]
    for span in runs:
        if isinstance(span, CrossRef | FootnoteRef):
            out.append("")
        elif isinstance(span, Emphasis | Strong | Link):
            inner = chunks(span.children) or [""]
            out[-1] += inner[0]
            out += inner[1:]
        else:
            out[-1] += plain_text((span,))
    return [c for c in out if c.strip()]
