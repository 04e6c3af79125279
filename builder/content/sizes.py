"""Content over the declared limits of ``limits``: lists, tables and datasets (errors),
and tables too wide to read at print size (warnings). Text lengths are checked as each
field is read (``fields.Ctx.text``); chart categories by the chart rules."""

from __future__ import annotations

from collections.abc import Iterator

from builder.limits import COLUMNS, ITEMS, PROPERTY, ROWS, WARN_COLUMNS, listed
from builder.model import Briefing, BulletList, LearningPoints, ListItem, Table
from builder.problems import Problem
from builder.walk import all_blocks


def _items(items: tuple[ListItem, ...]) -> Iterator[tuple[ListItem, ...]]:
    yield items
    for item in items:
        if item.children:
            yield from _items(item.children)


def size_problems(b: Briefing) -> list[Problem]:
    """Every list, table and dataset over its limit or too crowded to read, and metadata
    lists the deck's document properties hold only in part."""
    out = _properties(b)
    for block in all_blocks(b):
        if isinstance(block, BulletList | LearningPoints):
            for items in _items(block.items):
                if why := ITEMS.over(len(items), "this list"):
                    out.append(Problem.at(items[0].at, why))
        if isinstance(block, Table):
            out += _table(block)
    for ds in b.datasets:
        for limit, count in ((ROWS, len(ds.rows)), (COLUMNS, len(ds.columns) - 1)):
            if why := limit.over(count, f"dataset '{ds.id}'"):
                out.append(Problem.at(ds.at, why))
    return out


def _table(t: Table) -> list[Problem]:
    out: list[Problem] = []
    columns = len(t.columns) - 1
    for limit, count in ((ROWS, len(t.rows)), (COLUMNS, columns)):
        if why := limit.over(count, f"table '{t.id}'"):
            out.append(Problem.at(t.at, why))
    if WARN_COLUMNS < columns <= COLUMNS.value:
        out.append(Problem.at(t.at, f"table '{t.id}' has {columns} value columns; on an A4 "
                              f"page more than {WARN_COLUMNS} leave too little room and "
                              "numbers break across lines; split it into two tables",
                              "warning"))
    return out


def _properties(b: Briefing) -> list[Problem]:
    out: list[Problem] = []
    for key, values, more in (("authors", b.meta.authors, "et al."),
                              ("keywords", b.meta.keywords, "")):
        _, kept = listed(values, more)
        if kept < len(values):
            ending = f" and '{more}'" if more else ""
            out.append(Problem.at(b.meta.at, f"'{key}': the deck's document properties hold "
                                  f"{PROPERTY} characters, so they list the first {kept} of "
                                  f"{len(values)}{ending} (the PDF lists all); shorten the "
                                  "list to keep them all", "warning"))
    return out
