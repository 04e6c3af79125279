"""Chart data the loader cannot catch by shape alone: every problem, with its line.

``check_chart_data`` stands alone (the loader checks some of the same things at load);
it never raises, and a briefing with no problems here can be drawn by ``render_charts``.
"""

from __future__ import annotations

import math

from builder.charts.data import (
    category_names,
    cell_value,
    find_source,
    percent_value,
    source_columns,
    tables,
)
from builder.model import Briefing, ChartSpec, Dataset, SourceRef, Table
from builder.problems import Problem
from builder.theme import Theme, font_charset

SHARE_KINDS = ("stacked",)
MAX_CATEGORIES = 30  # more bars than this cannot be read at print size
FIX_NUMBER = "write the number as published, or null where the source has no value"


def _number_problem(value: object) -> str | None:
    """Why a dataset value cannot be plotted, or None if it can."""
    if value is None:
        return None
    if isinstance(value, bool):
        return f"is {str(value).lower()}, not a number"
    if isinstance(value, str):
        return f"is text ({value!r}), not a number"
    if not isinstance(value, int | float):
        return f"is a {type(value).__name__}, not a number"
    if math.isnan(value):
        return "is not a number (NaN)"
    if math.isinf(value):
        return "is infinite"
    return None


def check_dataset(ds: Dataset) -> list[Problem]:
    """Empty datasets, rows with the wrong number of values, values that are not numbers."""
    out: list[Problem] = []
    where = f"dataset {ds.id}"
    if len(ds.columns) < 2:
        out.append(Problem.at(ds.at, f"{where}: needs a label column and at least one value "
                                     f"column; columns are: {', '.join(ds.columns) or 'none'}"))
    if not ds.rows:
        out.append(Problem.at(ds.at, f"{where}: has no rows; add rows or remove the dataset"))
    for row in ds.rows:
        names = tuple(v.column for v in row.values)
        if names != ds.columns[1:]:
            out.append(Problem.at(row.at, (
                f"{where}: row {row.label!r} has {len(row.values)} values for "
                f"{len(ds.columns) - 1} value columns ({', '.join(ds.columns[1:])}); "
                "give the label, then one value per column")))
        for v in row.values:
            why = _number_problem(v.value)
            if why:
                out.append(Problem.at(v.at if v.at.line else row.at, (
                    f"{where}: value of {v.column!r} in row {row.label!r} {why}; {FIX_NUMBER}")))
    return out


def check_table_shape(table: Table) -> list[Problem]:
    """Rows whose cell count does not match the columns (drawn charts would shift)."""
    out = []
    want = len(table.columns) - 1
    for row in table.rows:
        if len(row.cells) != want:
            out.append(Problem.at(row.at, (
                f"table {table.id}: row {row.label!r} has {len(row.cells)} cells for {want} "
                "value columns; give the label, then one cell per column")))
    return out


def _values(source: Table | Dataset, spec: ChartSpec, column: str
            ) -> list[tuple[str, float | None, str, SourceRef]]:
    """(row label, plotted value, printed text, where) for one series column."""
    out: list[tuple[str, float | None, str, SourceRef]] = []
    if isinstance(source, Table):
        i = source_columns(source).index(column)
        for row in source.rows:
            if i < len(row.cells):
                cell = row.cells[i]
                value, text = cell_value(cell, spec.unit)
                out.append((row.label, value, text, cell.at if cell.at.line else row.at))
        return out
    for drow in source.rows:
        for v in drow.values:
            if v.column == column and _number_problem(v.value) is None:
                out.append((drow.label, v.value, "", v.at if v.at.line else drow.at))
    return out


def _check_series(source: Table | Dataset, spec: ChartSpec) -> list[Problem]:
    out: list[Problem] = []
    where = f"chart {spec.id}"
    for series in spec.series:
        values = _values(source, spec, series.column)
        if source.rows and len(values) == len(source.rows) and all(
                v is None for _, v, _, _ in values):
            out.append(Problem.at(series.at if series.at.line else spec.at, (
                f"{where}: series {series.column!r} has no {spec.unit} to plot in "
                f"{spec.source}; every value is empty, 'n/a' or '-'; pick another column "
                f"or unit")))
            continue
        for label, value, _text, at in values:
            if value is not None and value < 0 and (spec.kind in SHARE_KINDS
                                                    or spec.unit == "percent"):
                out.append(Problem.at(at, (
                    f"{where}: {series.column!r} is negative ({value:g}) for {label!r}; "
                    f"{spec.kind} charts of {spec.unit}s need values of 0 or more")))
        if isinstance(source, Table) and spec.unit == "percent":
            out += _check_percent_cells(source, spec, series.column)
    return out


def _check_percent_cells(table: Table, spec: ChartSpec, column: str) -> list[Problem]:
    """Percent charts plot the published percentages: each must be a number or '<n'."""
    out = []
    i = source_columns(table).index(column)
    for row in table.rows:
        if i >= len(row.cells):
            continue
        cell = row.cells[i]
        at = cell.at if cell.at.line else row.at
        pct = cell.percent
        if pct is not None and percent_value(pct) is None and not pct.startswith("<"):
            out.append(Problem.at(at, (
                f"chart {spec.id}: percentage {pct!r} in {column!r} for {row.label!r} is not "
                "a number; write cells as '46 (22%)' or '1 (<1%)'")))
        if pct is None and cell.count:
            out.append(Problem.at(at, (
                f"chart {spec.id}: {row.label!r} in {column!r} has a count ({cell.text!r}) but "
                "no published percentage; use unit: count, or a column with percentages")))
    return out


def _labels(source: Table | Dataset) -> tuple[str, ...]:
    return tuple(r.label for r in source.rows)


def check_spec(briefing: Briefing, spec: ChartSpec) -> list[Problem]:
    """Problems of one chart: its source, category, columns, rows, highlights and values."""
    where = f"chart {spec.id}"
    source = find_source(briefing, spec.source)
    if source is None:
        ids = [t.id for t in tables(briefing)] + [d.id for d in briefing.datasets]
        return [Problem.at(spec.at, f"{where}: source {spec.source!r} is not a table or "
                                    f"dataset id; ids are: {', '.join(ids) or 'none'}")]
    out: list[Problem] = []
    if spec.category not in category_names(source):
        allowed = " or ".join(repr(c) for c in category_names(source))
        out.append(Problem.at(spec.at, f"{where}: category {spec.category!r} is not usable "
                                       f"for {spec.source}; write {allowed}"))
    if not spec.series:
        out.append(Problem.at(spec.at, f"{where}: has no series; name at least one column"))
    names = source_columns(source)
    unknown = [s for s in spec.series if s.column not in names]
    for s in unknown:
        out.append(Problem.at(s.at if s.at.line else spec.at, (
            f"{where}: series column {s.column!r} is not a column of {spec.source}; "
            f"columns are: {', '.join(names) or 'none'}")))
    if not source.rows:
        out.append(Problem.at(spec.at, f"{where}: {spec.source} has no rows to plot"))
    labels = _labels(source)
    shown = len(spec.rows) if spec.rows else len(labels)
    if shown > MAX_CATEGORIES:
        out.append(Problem.at(spec.at, (
            f"{where}: {shown} categories are too many to read in one chart; pick at most "
            f"{MAX_CATEGORIES} with rows:"), "warning"))
    for key, wanted in (("rows", spec.rows), ("highlight", spec.highlight)):
        for label in wanted:
            if label not in labels:
                out.append(Problem.at(spec.at, (
                    f"{where}: {key} {label!r} is not a row of {spec.source}; "
                    f"rows are: {', '.join(labels)}")))
    if not unknown and spec.series:
        out += _check_series(source, spec)
    return out


def check_chart_data(briefing: Briefing) -> list[Problem]:
    """Every chart-data problem of the briefing, in no particular order."""
    out: list[Problem] = []
    used = {c.source for c in briefing.charts}
    for ds in briefing.datasets:
        out += check_dataset(ds)
    for table in tables(briefing):
        if table.id in used:
            out += check_table_shape(table)
    seen: dict[str, ChartSpec] = {}
    for spec in briefing.charts:
        if spec.id in seen:
            out.append(Problem.at(spec.at, f"chart {spec.id}: id used twice (first at "
                                           f"{seen[spec.id].at}); give each chart its own id"))
        seen[spec.id] = spec
        out += check_spec(briefing, spec)
    return out


def _chart_strings(briefing: Briefing, spec: ChartSpec) -> list[tuple[str, str]]:
    """(what, text) for every string of the chart that is drawn."""
    out = [("title", spec.title), ("x_label", spec.x_label), ("y_label", spec.y_label),
           ("source_note", spec.source_note)]
    out += [("series label", s.label) for s in spec.series]
    source = find_source(briefing, spec.source)
    if source is not None:
        wanted = set(spec.rows) if spec.rows else None
        out += [("category", r.label) for r in source.rows if wanted is None or r.label in wanted]
        if isinstance(source, Dataset) and not spec.source_note:
            out.append(("dataset source", source.source))
    return out


def check_chart_text(briefing: Briefing, theme: Theme) -> list[Problem]:
    """Characters the brand font cannot draw (they would print as empty boxes)."""
    have = font_charset(theme)
    out = []
    for spec in briefing.charts:
        for what, text in _chart_strings(briefing, spec):
            lacking = sorted({c for c in text if not c.isspace() and ord(c) not in have})
            if lacking:
                shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in lacking[:5])
                out.append(Problem.at(spec.at, (
                    f"chart {spec.id}: {what} {text[:40]!r} has characters the font "
                    f"{theme.fonts.family} cannot draw: {shown}; replace them")))
    return out
