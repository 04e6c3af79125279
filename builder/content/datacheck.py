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


def table_warnings(t: Table) -> list[Problem]:
    out: list[Problem] = []
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
                out.append(Problem.at(cell.at, f"{_name(t)}, row '{row.label}', column "
                                      f"'{col.key}': stated {cell.percent}% but {cell.count}/"
                                      f"{col.n} = {computed}%; {_KEEP}", "warning"))
        if col.partition:
            total = sum(c.count for _, c in cells if c.count is not None)
            if total != col.n:
                out.append(Problem.at(col.at, f"{_name(t)}, column '{col.key}': the rows add up "
                                      f"to {total} but n = {col.n}; {_KEEP}", "warning"))
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
                out.append(Problem.at(row.cells[i].at, f"{_name(t)}, row '{row.label}', column "
                                      f"'{col.key}': stated {whole} but {added} = "
                                      f"{sum(c for c in counts if c is not None)}; {_KEEP}",
                                      "warning"))
    return out


def data_warnings(b: Briefing) -> list[Problem]:
    out: list[Problem] = []
    for block in all_blocks(b):
        if isinstance(block, Table):
            out.extend(table_warnings(block))
    return out
