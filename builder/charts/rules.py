"""The chart rules, in one place: what a chart spec must name and what its numbers must be
before it can be drawn. Pure (no matplotlib). ``check`` (the content stage) runs
``check_charts`` on every briefing, so ``briefing check`` and ``briefing build`` report the
same problems, each at its file and line; a briefing without errors here can be drawn.

Dataset and table shapes (row lengths, numbers that are numbers) are the loader's rules;
what is here needs the chart and its source together.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator

from builder.charts.data import (
    category_names,
    cell_value,
    chart_data,
    find_source,
    percent_value,
    source_columns,
)
from builder.limits import CATEGORIES, WARN_CATEGORIES
from builder.model import Briefing, ChartSpec, Dataset, SourceRef, Table
from builder.problems import Problem, did_you_mean
from builder.theme import Theme, font_charset
from builder.walk import tables

SHARE_KINDS = ("stacked",)


def _hint(word: str, choices: list[str], listing: str) -> str:
    guess = did_you_mean(word, choices)
    return f"did you mean '{guess}'?" if guess else f"{listing}: {', '.join(choices) or 'none'}"


def _where(at: SourceRef, fallback: SourceRef) -> SourceRef:
    return at if at.line else fallback


def _spec_problems(spec: ChartSpec, source: Table | Dataset) -> Iterator[Problem]:
    """Category, series columns, rows and highlights that the source does not have."""
    name = f"chart '{spec.id}'"
    if spec.category not in category_names(source):
        allowed = " or ".join(f"'{c}'" for c in category_names(source))
        yield Problem.at(spec.at, f"{name}: category '{spec.category}' is not usable for "
                                  f"'{spec.source}'; write {allowed}")
    columns = list(source_columns(source))
    for s in spec.series:
        if s.column not in columns:
            yield Problem.at(_where(s.at, spec.at), (
                f"{name}: column '{s.column}' does not exist in '{spec.source}'; "
                + _hint(s.column, columns, "columns are")))
    labels = [r.label for r in source.rows]
    if not labels:
        yield Problem.at(spec.at, f"{name}: '{spec.source}' has no rows to plot; add rows or "
                                  "chart another source")
    for key, wanted in (("rows", spec.rows), ("highlight", spec.highlight)):
        for label in wanted:
            if label not in labels:
                yield Problem.at(spec.at, (f"{name}: {key} entry '{label}' is not a row of "
                                           f"'{spec.source}'; " + _hint(label, labels, "rows are")))
    shown = len(spec.rows) if spec.rows else len(labels)
    if why := CATEGORIES.over(shown, name):
        yield Problem.at(spec.at, why)
    elif shown > WARN_CATEGORIES:
        yield Problem.at(spec.at, (
            f"{name}: {shown} categories are too many to read in one chart; pick at most "
            f"{WARN_CATEGORIES} with rows:"), "warning")


def _values(source: Table | Dataset, spec: ChartSpec, column: str
            ) -> list[tuple[str, float | None, SourceRef]]:
    """(row label, plotted value, where) for one series column."""
    out: list[tuple[str, float | None, SourceRef]] = []
    if isinstance(source, Table):
        i = source_columns(source).index(column)
        for row in source.rows:
            if i < len(row.cells):
                cell = row.cells[i]
                out.append((row.label, cell_value(cell, spec.unit)[0], _where(cell.at, row.at)))
        return out
    for drow in source.rows:
        for v in drow.values:
            if v.column == column:
                out.append((drow.label, v.value, _where(v.at, drow.at)))
    return out


def _series_problems(source: Table | Dataset, spec: ChartSpec) -> Iterator[Problem]:
    """Per series: something to plot, finite numbers, no negatives where shares are drawn,
    and published percentages where percentages are plotted."""
    name = f"chart '{spec.id}'"
    for series in spec.series:
        values = _values(source, spec, series.column)
        if values and all(v is None for _, v, _ in values):
            yield Problem.at(_where(series.at, spec.at), (
                f"{name}: series '{series.column}' has no {spec.unit} to plot in "
                f"'{spec.source}'; every value is empty, 'n/a' or '-'; pick another column "
                "or unit"))
            continue
        for label, value, at in values:
            if value is not None and not math.isfinite(value):
                yield Problem.at(at, f"{name}: '{series.column}' for '{label}' is not a "
                                     "finite number; write the number as published")
            elif value is not None and value < 0 and (spec.kind in SHARE_KINDS
                                                      or spec.unit == "percent"):
                yield Problem.at(at, (
                    f"{name}: '{series.column}' is negative ({value:g}) for '{label}'; "
                    f"{spec.kind} charts of {spec.unit}s need values of 0 or more"))
        if isinstance(source, Table) and spec.unit == "percent":
            yield from _percent_cells(source, spec, series.column)


def _percent_cells(table: Table, spec: ChartSpec, column: str) -> Iterator[Problem]:
    """Percent charts plot the published percentages: each must be a number or '<n'."""
    i = source_columns(table).index(column)
    for row in table.rows:
        if i >= len(row.cells):
            continue
        cell = row.cells[i]
        at, pct = _where(cell.at, row.at), cell.percent
        if pct is not None and percent_value(pct) is None and not pct.startswith("<"):
            yield Problem.at(at, (
                f"chart '{spec.id}': percentage '{pct}' in '{column}' for '{row.label}' is not "
                "a number; write cells as '46 (22%)' or '1 (<1%)'"))
        if pct is None and cell.count:
            yield Problem.at(at, (
                f"chart '{spec.id}': '{row.label}' in '{column}' has a count ('{cell.text}') but "
                "no published percentage; use unit: count, or a column with percentages"))


def _totals_problems(source: Table | Dataset, spec: ChartSpec) -> Iterator[Problem]:
    """A stacked bar is the sum of its segments: each sum must be a number too."""
    if spec.kind not in SHARE_KINDS:
        return
    totals: dict[str, float] = {}
    for series in spec.series:
        for label, value, _ in _values(source, spec, series.column):
            totals[label] = totals.get(label, 0.0) + (value or 0.0)
    for label, total in totals.items():
        if not math.isfinite(total):
            yield Problem.at(spec.at, (f"chart '{spec.id}': the values for '{label}' add up "
                                       "to more than a chart can draw; check the numbers"))


def check_chart(b: Briefing, spec: ChartSpec) -> list[Problem]:
    """Every problem of one chart (none: it can be drawn)."""
    source = find_source(b, spec.source)
    if source is None:
        ids = [t.id for t in tables(b)] + [d.id for d in b.datasets]
        return [Problem.at(spec.at, (f"chart '{spec.id}': source '{spec.source}' is not a "
                                     "table or dataset id; " + _hint(spec.source, ids, "ids are")))]
    out = list(_spec_problems(spec, source))
    if not any(p.severity == "error" for p in out):
        out += _series_problems(source, spec)
    if not any(p.severity == "error" for p in out):
        out += _totals_problems(source, spec)
    return out


def check_charts(b: Briefing) -> tuple[Briefing, list[Problem]]:
    """Every chart problem of the briefing, and the briefing with alt text drafted from the
    data for each drawable chart whose editor gave none (with a warning quoting the draft,
    so the editor can review it and put it in ``alt:``)."""
    problems: list[Problem] = []
    charts: list[ChartSpec] = []
    for spec in b.charts:
        found = check_chart(b, spec)
        problems += found
        if spec.alt or any(p.severity == "error" for p in found):
            charts.append(spec)
            continue
        draft = chart_data(b, spec).alt
        problems.append(Problem.at(spec.at, (
            f"chart '{spec.id}' has no alt text; a draft was made from the data: '{draft}'; "
            "review it and put it in alt:"), "warning"))
        charts.append(dataclasses.replace(spec, alt=draft))
    return dataclasses.replace(b, charts=tuple(charts)), problems


def _chart_strings(b: Briefing, spec: ChartSpec) -> Iterator[tuple[str, str]]:
    """(what, text) for every string of the chart that is drawn."""
    yield from (("title", spec.title), ("x_label", spec.x_label), ("y_label", spec.y_label),
                ("source_note", spec.source_note))
    yield from (("series label", s.label) for s in spec.series)
    source = find_source(b, spec.source)
    if source is not None:
        wanted = set(spec.rows) if spec.rows else None
        yield from (("category", r.label) for r in source.rows
                    if wanted is None or r.label in wanted)
        if isinstance(source, Dataset) and not spec.source_note:
            yield "dataset source", source.source


def check_chart_text(b: Briefing, theme: Theme) -> list[Problem]:
    """Characters the brand font cannot draw (they would print as empty boxes)."""
    have = font_charset(theme)
    out = []
    for spec in b.charts:
        for what, text in _chart_strings(b, spec):
            lacking = sorted({c for c in text if not c.isspace() and ord(c) not in have})
            if lacking:
                shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in lacking[:5])
                out.append(Problem.at(spec.at, (
                    f"chart '{spec.id}': {what} {text[:40]!r} has characters the font "
                    f"{theme.fonts.family} cannot draw: {shown}; replace them")))
    return out
