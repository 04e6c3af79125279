"""Whole-document rules: unique ids, cross-references and footnote markers that resolve,
footnotes that are used, and charts whose source, columns and numbers make sense."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from builder.content.fields import did_you_mean
from builder.model import (
    Block,
    Briefing,
    BulletList,
    CaseExample,
    ChartSpec,
    CrossRef,
    Dataset,
    Emphasis,
    Figure,
    FootnoteRef,
    Inlines,
    LearningPoints,
    Link,
    ListItem,
    Paragraph,
    Quote,
    SourceRef,
    Strong,
    Table,
    walk_sections,
)
from builder.problems import Problem

KIND_NAMES = {"bar": "Bar chart", "hbar": "Horizontal bar chart", "grouped": "Grouped bar chart",
              "stacked": "Stacked bar chart", "line": "Line chart"}


def all_blocks(b: Briefing) -> Iterator[Block]:
    def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
        for block in blocks:
            yield block
            if isinstance(block, CaseExample):
                yield from walk(block.blocks)  # type: ignore[arg-type]

    for part in b.parts:
        yield from walk(part.blocks)
        for s in walk_sections(part.sections):
            yield from walk(s.blocks)


def _item_inlines(items: tuple[ListItem, ...]) -> Iterator[Inlines]:
    for item in items:
        yield item.content
        yield from _item_inlines(item.children)


def all_inlines(b: Briefing) -> Iterator[Inlines]:
    """Every run of inline text in the document, in reading order."""
    for block in all_blocks(b):
        match block:
            case Paragraph(content=c):
                yield c
            case BulletList(items=items) | LearningPoints(items=items):
                yield from _item_inlines(items)
            case Quote(paragraphs=ps, attribution=a):
                yield from ps
                yield a
            case Table(notes=notes):
                yield from notes
            case Figure(caption=c, missing=m, source_note=s):
                yield from (c, m, s)
    for part in b.parts:
        for sec in walk_sections(part.sections):
            if sec.slides is not None:
                yield from sec.slides.bullets
                for extra in sec.slides.extra:
                    yield from extra.bullets
    for fn in b.footnotes:
        yield fn.content
    for ref in b.references:
        yield ref.text


def refs(spans: Inlines) -> Iterator[CrossRef | FootnoteRef]:
    for span in spans:
        if isinstance(span, CrossRef | FootnoteRef):
            yield span
        elif isinstance(span, Emphasis | Strong | Link):
            yield from refs(span.children)


def _where(at: SourceRef, here: SourceRef) -> str:
    return f"line {at.line}" if at.path == here.path else str(at)


def _duplicates(groups: list[tuple[str, SourceRef, str]], problems: list[Problem]) -> None:
    seen: dict[str, tuple[str, SourceRef]] = {}
    for ident, at, kind in groups:
        if not ident:
            continue
        if ident in seen:
            kind0, at0 = seen[ident]
            problems.append(Problem.at(at0, f"duplicate id '{ident}': the {kind} at "
                                       f"{_where(at, at0)} has it too; give each a different id"))
            problems.append(Problem.at(at, f"duplicate id '{ident}': the {kind0} at "
                                       f"{_where(at0, at)} has it too; give each a different id"))
        else:
            seen[ident] = (kind, at)


def check(b: Briefing) -> tuple[Briefing, list[Problem]]:
    """Document-wide problems; charts without alt text get a drafted one (and a warning)."""
    problems: list[Problem] = []
    sections = [s for part in b.parts for s in walk_sections(part.sections)]
    tables = [x for x in all_blocks(b) if isinstance(x, Table)]
    figures = [x for x in all_blocks(b) if isinstance(x, Figure)]
    targets = ([(s.id, s.at, "section") for s in sections]
               + [(t.id, t.at, "table") for t in tables] + [(f.id, f.at, "figure") for f in figures])
    _duplicates(targets, problems)
    _duplicates([(f.id, f.at, "footnote") for f in b.footnotes], problems)
    _duplicates([(r.id, r.at, "reference") for r in b.references], problems)
    _duplicates([(c.id, c.at, "chart") for c in b.charts], problems)
    _duplicates([(t.id, t.at, "table") for t in tables]
                + [(d.id, d.at, "dataset") for d in b.datasets], problems)

    target_ids = [t[0] for t in targets]
    fn_ids = [f.id for f in b.footnotes]
    used_fn: set[str] = set()
    for spans in all_inlines(b):
        for r in refs(spans):
            if isinstance(r, FootnoteRef):
                used_fn.add(r.target)
                if r.target not in fn_ids:
                    problems.append(Problem.at(r.at, f"footnote marker {{fn:{r.target}}} points "
                                               "nowhere; " + _hint(r.target, fn_ids, "footnote")))
            elif r.target not in target_ids:
                problems.append(Problem.at(r.at, f"cross-reference {{see:{r.target}}} points "
                                           "nowhere; " + _hint(r.target, target_ids,
                                                               "section, table or figure")))
    for fn in b.footnotes:
        if fn.id and fn.id not in used_fn:
            problems.append(Problem.at(fn.at, f"footnote '{fn.id}' is never referenced; add "
                                       f"{{fn:{fn.id}}} where it belongs or remove it"))

    chart_ids = [c.id for c in b.charts]
    holders: list[Table | Figure] = [*tables, *figures]
    for holder in holders:
        if holder.chart and holder.chart not in chart_ids:
            kind = "table" if isinstance(holder, Table) else "figure"
            problems.append(Problem.at(holder.at, f"{kind} '{holder.id}' uses chart "
                                       f"'{holder.chart}', which does not exist; "
                                       + _hint(holder.chart, chart_ids, "chart")))
    sources: dict[str, Table | Dataset] = {d.id: d for d in b.datasets}
    sources.update({t.id: t for t in tables})
    charts = tuple(_check_chart(c, sources, problems) for c in b.charts)
    return dataclasses.replace(b, charts=charts), problems


def _hint(word: str, choices: list[str], what: str) -> str:
    guess = did_you_mean(word, choices)
    return f"did you mean '{guess}'?" if guess else f"use the id of a {what}"


def chart_values(c: ChartSpec, src: Table | Dataset) -> list[tuple[str, list[float | None]]]:
    """(category, value per series) for the chart's source, in source order."""
    out: list[tuple[str, list[float | None]]] = []
    if isinstance(src, Table):
        keys = [col.key for col in src.columns[1:]]
        for row in src.rows:
            vals: list[float | None] = []
            for s in c.series:
                cell = row.cells[keys.index(s.column)] if s.column in keys and keys.index(
                    s.column) < len(row.cells) else None
                if cell is None:
                    vals.append(None)
                elif c.unit == "percent":
                    vals.append(float(cell.percent) if cell.percent and
                                not cell.percent.startswith("<") else None)
                else:
                    vals.append(float(cell.count) if cell.count is not None else None)
            out.append((row.label, vals))
    else:
        for drow in src.rows:
            by_col = {v.column: v.value for v in drow.values}
            out.append((drow.label, [by_col.get(s.column) for s in c.series]))
    return out


def _check_chart(c: ChartSpec, sources: dict[str, Table | Dataset],
                 problems: list[Problem]) -> ChartSpec:
    src = sources.get(c.source)
    if src is None:
        problems.append(Problem.at(c.at, f"chart '{c.id}': source '{c.source}' is not a table or "
                                   "dataset id; " + _hint(c.source, list(sources),
                                                          "table or dataset")))
        return c
    if isinstance(src, Table):
        columns = [col.key for col in src.columns[1:]]
        categories = ["label"]
    else:
        columns = list(src.columns[1:])
        categories = ["label", *src.columns[:1]]
    if c.category not in categories:
        problems.append(Problem.at(c.at, f"chart '{c.id}': category '{c.category}' is not the "
                                   f"label column of '{c.source}'; write category: label"))
    for s in c.series:
        if s.column not in columns:
            problems.append(Problem.at(s.at, f"chart '{c.id}': column '{s.column}' does not exist "
                                       f"in '{c.source}'; " + _col_hint(s.column, columns)))
    values = chart_values(c, src)
    labels = [label for label, _ in values]
    for key, names in (("rows", c.rows), ("highlight", c.highlight)):
        for name in names:
            if name not in labels:
                guess = did_you_mean(name, labels)
                hint = f"did you mean '{guess}'?" if guess else "use a row label of the source"
                problems.append(Problem.at(c.at, f"chart '{c.id}': {key} entry '{name}' is not a "
                                           f"row of '{c.source}'; {hint}"))
    if c.kind == "stacked" and isinstance(src, Dataset):
        for drow in src.rows:
            for v in drow.values:
                if v.value is not None and v.value < 0 and v.column in [s.column for s in c.series]:
                    problems.append(Problem.at(v.at, f"chart '{c.id}' is stacked but "
                                               f"'{c.source}', row '{drow.label}', column "
                                               f"'{v.column}' is negative ({v.value:g}); stacked "
                                               "charts need values of 0 or more"))
    if c.alt:
        return c
    draft = draft_alt(c, src, values)
    problems.append(Problem.at(c.at, f"chart '{c.id}' has no alt text; a draft was made from the "
                               f"data: '{draft}'; review it and put it in alt:", "warning"))
    return dataclasses.replace(c, alt=draft)


def _col_hint(word: str, columns: list[str]) -> str:
    guess = did_you_mean(word, columns)
    return f"did you mean '{guess}'?" if guess else "columns: " + ", ".join(columns)


def draft_alt(c: ChartSpec, src: Table | Dataset,
              values: list[tuple[str, list[float | None]]]) -> str:
    """A plain description: kind, source, and the top categories of the first series."""
    name = (f"Table {src.number} ({src.title})" if isinstance(src, Table) and src.number
            else src.title)
    if c.rows:
        values = [v for v in values if v[0] in c.rows]
    text = f"{KIND_NAMES[c.kind]} of {c.title or name}, from {name}"
    if len(c.series) > 1:
        text += "; series: " + ", ".join(s.label or s.column for s in c.series)
    first = [(label, vals[0]) for label, vals in values if vals and vals[0] is not None]
    first.sort(key=lambda lv: -(lv[1] or 0.0))
    unit = "%" if c.unit == "percent" else ""
    top = ", ".join(f"{label} {value:g}{unit}" for label, value in first[:3])
    if top:
        label = c.series[0].label or c.series[0].column if c.series else ""
        text += f". Highest{f' ({label})' if label else ''}: {top}"
        if len(first) > 3:
            text += f"; {len(first) - 3} more categories"
    return text + "."
