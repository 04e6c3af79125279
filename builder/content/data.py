"""Located chart and dataset values -> ``ChartSpec`` and ``Dataset``."""

from __future__ import annotations

from builder.content import shapes
from builder.content.fields import Ctx, describe
from builder.content.load import Node, Sequence
from builder.model import ChartSpec, DataRow, Dataset, DataValue, Series


def read_charts(ctx: Ctx, node: Node | None) -> list[ChartSpec]:
    out: list[ChartSpec] = []
    for item in ctx.seq(node, "charts"):
        f = ctx.fields(item, shapes.CHART)
        if f is None:
            continue
        series: list[Series] = []
        for s in f.seq("series"):
            sf = ctx.fields(s, shapes.CHART_SERIES)
            if sf is not None:
                series.append(Series(column=sf.text("column"), label=sf.text("label"),
                                     at=ctx.at(s)))
        if "series" in f and not series:
            ctx.error(f["series"], "chart has no series; list at least one {column: ...}")
        out.append(ChartSpec(
            id=f.ident("id"),
            kind=f.choice("kind"),  # type: ignore[arg-type]
            source=f.text("source"),
            category=f.text("category") or "label",
            series=tuple(series),
            unit=f.choice("unit"),  # type: ignore[arg-type]
            title=f.text("title"),
            x_label=f.text("x_label"),
            y_label=f.text("y_label"),
            sort=f.choice("sort"),  # type: ignore[arg-type]
            highlight=f.texts("highlight"),
            rows=f.texts("rows"),
            source_note=f.text("source_note"),
            alt=f.text("alt").strip(),
            missing=f.text("missing"),
            at=ctx.at(item)))
    return out


def read_datasets(ctx: Ctx, node: Node | None) -> list[Dataset]:
    out: list[Dataset] = []
    for item in ctx.seq(node, "datasets"):
        f = ctx.fields(item, shapes.DATASET)
        if f is None:
            continue
        ds_id = f.ident("id")
        columns = f.texts("columns")
        if "columns" in f and len(columns) < 2:
            ctx.error(f["columns"], f"dataset '{ds_id}' needs a label column and at least one "
                      "value column")
        rows: list[DataRow] = []
        for r in f.seq("rows"):
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
        out.append(Dataset(id=ds_id, title=f.text("title"), columns=columns, rows=tuple(rows),
                           source=f.text("source"),
                           at=ctx.at(item)))
    return out
