"""Hand-built briefings for chart tests, and reading a chart SVG back."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from builder.model import (
    Briefing,
    Cell,
    ChartSpec,
    Column,
    DataRow,
    Dataset,
    DataValue,
    Metadata,
    Part,
    Publisher,
    Row,
    Section,
    Series,
    SourceRef,
    Table,
)

SVG = "{http://www.w3.org/2000/svg}"


def at(line: int) -> SourceRef:
    return SourceRef("content/t/part.yaml", line)


def parse_cell(text: str) -> Cell:
    """The published cell text with its numbers, as the loader reads them."""
    m = re.fullmatch(r"(\d+)(?: \((<?[\d.]+)%\))?(?: \((\d+)\))?\**", text)
    if not m:
        return Cell(text=text)
    return Cell(text=text, count=int(m[1]), percent=m[2],
                detail=int(m[3]) if m[3] else None)


def table(tid: str, columns: list[str], rows: list[list[str]], line: int = 10) -> Table:
    cols = (Column(key="label", label="Label"),) + tuple(
        Column(key=c, label=c.title(), at=at(line)) for c in columns)
    return Table(id=tid, number=1, title=tid, columns=cols, at=at(line), rows=tuple(
        Row(label=r[0], cells=tuple(parse_cell(c) for c in r[1:]), at=at(line + 1 + i))
        for i, r in enumerate(rows)))


def dataset(did: str, columns: list[str], rows: list[list[Any]], line: int = 50) -> Dataset:
    return Dataset(id=did, title=did, columns=tuple(columns), at=at(line), rows=tuple(
        DataRow(label=r[0], at=at(line + 1 + i), values=tuple(
            DataValue(column=c, value=v, at=at(line + 1 + i))
            for c, v in zip(columns[1:], r[1:], strict=False)))
        for i, r in enumerate(rows)))


def spec(cid: str, source: str, series: list[str], *, kind: str = "hbar",
         unit: str = "count", category: str = "label", line: int = 90, **kw: Any) -> ChartSpec:
    return ChartSpec(id=cid, kind=kind, source=source, category=category,  # type: ignore[arg-type]
                     series=tuple(Series(column=s, label=f"{s} label") for s in series),
                     unit=unit, title=kw.pop("title", f"Chart {cid}"), at=at(line),  # type: ignore[arg-type]
                     **kw)


def briefing(*, tables: tuple[Table, ...] = (), datasets: tuple[Dataset, ...] = (),
             charts: tuple[ChartSpec, ...] = ()) -> Briefing:
    meta = Metadata(title="T", subtitle="S", series="X", date="2022",
                    publisher=Publisher(name="P"), authors=("A",))
    part = Part(id="p", title="Part", sections=(Section(id="s", title="S", level=2,
                                                        blocks=tables),))
    return Briefing(id="t", meta=meta, parts=(part,), charts=charts, datasets=datasets)


def svg_labels(svg: bytes) -> dict[str, str]:
    """The text of every element drawn with an id (value-S-C, gap-S-C, title, ...)."""
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        gid = g.get("id", "")
        if re.fullmatch(r"(value|gap)-\d+-\d+|title|subtitle|source", gid):
            out[gid] = "\n".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
    return out


def svg_texts(svg: bytes) -> list[tuple[str, float]]:
    """(text, font size in pt at the chart's printed size) of every <text> element."""
    root = ET.fromstring(svg)
    width_pt = float(root.get("width", "0pt").removesuffix("pt"))
    view_w = float(root.get("viewBox", "0 0 1 1").split()[2])
    out = []
    for t in root.iter(f"{SVG}text"):
        m = re.search(r"font-size:\s*([\d.]+)px", t.get("style", ""))
        size = float(m[1]) * width_pt / view_w if m else 0.0
        out.append(("".join(t.itertext()), size))
    return out
