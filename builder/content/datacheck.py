"""Data warnings on published tables. Published numbers are never corrected; an editor
is told where a percentage, a total or a row sum does not agree with the counts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from builder.model import Briefing, Cell, Table
from builder.problems import Problem
from builder.walk import all_blocks

_KEEP = "the published figures are kept as printed; check the source"


def _name(t: Table) -> str:
    return f"{t.id} (Table {t.number})" if t.number else t.id


def percent_ok(cell: Cell, n: int) -> tuple[bool, str]:
    """Whether the stated percentage agrees with count/n (rounded half-up to the decimals
    shown; "<1" means above 0 and below 1), and the computed value as text."""
    assert cell.count is not None and cell.percent is not None
    exact = Decimal(cell.count) * 100 / Decimal(n)
    if cell.percent.startswith("<"):
        return Decimal(0) < exact < Decimal(1), f"{exact.quantize(Decimal('0.01'), ROUND_HALF_UP)}"
    places = len(cell.percent.partition(".")[2])
    unit = Decimal(1).scaleb(-places)
    ok = exact.quantize(unit, ROUND_HALF_UP) == Decimal(cell.percent)
    return ok, f"{exact.quantize(unit.scaleb(-1), ROUND_HALF_UP)}"


Found = tuple[str, str, Problem]  # (row label or "" for a column, column key, warning)


def table_warnings(t: Table) -> list[Problem]:
    """Every inconsistency between the table's counts, percentages and totals."""
    return [p for _, _, p in _found(t)]


def _found(t: Table) -> list[Found]:
    out: list[Found] = []
    cols = t.columns[1:]
    for i, col in enumerate(cols):
        if col.n is None or col.n <= 0:
            continue
        cells = [(row, row.cells[i]) for row in t.rows if i < len(row.cells)]
        for row, cell in cells:
            if cell.count is None or cell.percent is None:
                continue
            ok, computed = percent_ok(cell, col.n)
            if not ok:
                out.append((row.label, col.key, Problem.at(
                    cell.at, f"{_name(t)}, row '{row.label}', column '{col.key}': stated "
                    f"{cell.percent}% but {cell.count}/{col.n} = {computed}%; {_KEEP}",
                    "warning")))
        if col.partition:
            total = sum(c.count for _, c in cells if c.count is not None)
            if total != col.n:
                out.append(("", col.key, Problem.at(
                    col.at, f"{_name(t)}, column '{col.key}': the rows add up to {total} but "
                    f"n = {col.n}; {_KEEP}", "warning")))
    keys = [c.key for c in cols]
    for i, col in enumerate(cols):
        parts = [keys.index(k) for k in col.sums if k in keys]
        if not col.sums or len(parts) != len(col.sums):
            continue
        for row in t.rows:
            if max([i, *parts]) >= len(row.cells):
                continue
            whole = row.cells[i].count
            counts = [row.cells[j].count for j in parts]
            if whole is None or any(c is None for c in counts):
                continue
            if sum(c for c in counts if c is not None) != whole:
                added = " + ".join(str(c) for c in counts)
                out.append((row.label, col.key, Problem.at(
                    row.cells[i].at, f"{_name(t)}, row '{row.label}', column '{col.key}': "
                    f"stated {whole} but {added} = {sum(c for c in counts if c is not None)}; "
                    f"{_KEEP}", "warning")))
    return out


def data_warnings(b: Briefing) -> list[Problem]:
    """The tables' inconsistencies, except those accepted in the table's ``accept:``
    (an accepted one that no longer occurs is itself a warning)."""
    out: list[Problem] = []
    for block in all_blocks(b):
        if isinstance(block, Table):
            out.extend(_unaccepted(block))
    return out


def _unaccepted(t: Table) -> list[Problem]:
    found = _found(t)
    keys = {(row, column) for row, column, _ in found}
    out = [p for row, column, p in found
           if not any(a.row == row and a.column == column for a in t.accepted)]
    for a in t.accepted:
        if (a.row, a.column) not in keys:
            what = f"row '{a.row}', column '{a.column}'" if a.row else f"column '{a.column}'"
            out.append(Problem.at(a.at, f"{_name(t)}: the accepted inconsistency in {what} "
                                  "no longer occurs (or names no such row or column); remove "
                                  "this entry from accept:", "warning"))
    return out
