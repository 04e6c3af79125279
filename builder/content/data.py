"""Located chart and dataset values -> ``ChartSpec`` and ``Dataset``."""

from __future__ import annotations

from builder.content.fields import Ctx, describe
from builder.content.load import Node, Sequence
from builder.model import ChartSpec, DataRow, Dataset, DataValue, Series

CHART_KINDS = ("bar", "hbar", "grouped", "stacked", "line")
UNITS = ("count", "percent")
SORTS = ("source", "ascending", "descending")


def read_charts(ctx: Ctx, node: Node | None) -> list[ChartSpec]:
    out: list[ChartSpec] = []
    for item in ctx.seq(node, "charts"):
        f = ctx.fields(item, "chart", ("id", "kind", "source", "series", "title"),
                       ("category", "unit", "x_label", "y_label", "sort", "highlight", "rows",
                        "source_note", "alt", "missing"))
        if f is None:
            continue
        series: list[Series] = []
        for s in ctx.seq(f.get("series"), "series"):
            sf = ctx.fields(s, "chart series", ("column",), ("label",))
            if sf is not None:
                series.append(Series(column=ctx.text(sf.get("column"), "column"),
                                     label=ctx.text(sf.get("label"), "label"), at=ctx.at(s)))
        if "series" in f and not series:
            ctx.error(f["series"], "chart has no series; list at least one {column: ...}")
        out.append(ChartSpec(
            id=ctx.ident(f.get("id")),
            kind=ctx.choice(f.get("kind"), "kind", CHART_KINDS, "bar"),  # type: ignore[arg-type]
            source=ctx.text(f.get("source"), "source"),
            category=ctx.text(f.get("category"), "category") or "label",
            series=tuple(series),
            unit=ctx.choice(f.get("unit"), "unit", UNITS, "count"),  # type: ignore[arg-type]
            title=ctx.text(f.get("title"), "title", required=True),
            x_label=ctx.text(f.get("x_label"), "x_label"),
            y_label=ctx.text(f.get("y_label"), "y_label"),
            sort=ctx.choice(f.get("sort"), "sort", SORTS, "source"),  # type: ignore[arg-type]
            highlight=ctx.texts(f.get("highlight"), "highlight"),
            rows=ctx.texts(f.get("rows"), "rows"),
            source_note=ctx.text(f.get("source_note"), "source_note", one_line=False),
            alt=ctx.text(f.get("alt"), "alt", one_line=False).strip(),
            missing=ctx.text(f.get("missing"), "missing", one_line=False),
            at=ctx.at(item)))
    return out


def read_datasets(ctx: Ctx, node: Node | None) -> list[Dataset]:
    out: list[Dataset] = []
    for item in ctx.seq(node, "datasets"):
        f = ctx.fields(item, "dataset", ("id", "title", "columns", "rows"), ("source",))
        if f is None:
            continue
        ds_id = ctx.ident(f.get("id"))
        columns = ctx.texts(f.get("columns"), "columns")
        if "columns" in f and len(columns) < 2:
            ctx.error(f["columns"], f"dataset '{ds_id}' needs a label column and at least one "
                      "value column")
        rows: list[DataRow] = []
        for r in ctx.seq(f.get("rows"), "rows"):
            if not isinstance(r, Sequence) or not r.items:
                ctx.error(r, f"a dataset row must be a list [label, value, ...], got {describe(r)}")
                continue
            label = ctx.text(r.items[0], "row label")
            if len(r.items) != len(columns):
                ctx.error(r, f"row '{label}' of dataset '{ds_id}' has {len(r.items)} values but "
                          f"there are {len(columns)} columns; write one value per column")
            values = tuple(
                DataValue(column=col,
                          value=ctx.number(v, f"dataset '{ds_id}', row '{label}', column '{col}'"),
                          at=ctx.at(v))
                for col, v in zip(columns[1:], r.items[1:], strict=False))
            rows.append(DataRow(label=label, values=values, at=ctx.at(r)))
        if "rows" in f and not rows:
            ctx.error(f["rows"], f"dataset '{ds_id}' has no rows; add the data or remove it")
        out.append(Dataset(id=ds_id, title=ctx.text(f.get("title"), "title", required=True),
                           columns=columns, rows=tuple(rows),
                           source=ctx.text(f.get("source"), "source", one_line=False),
                           at=ctx.at(item)))
    return out
