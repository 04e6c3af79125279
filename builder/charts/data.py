"""What a chart plots, read from the briefing's tables and datasets: pure, no matplotlib.

``chart_data`` turns a ``ChartSpec`` into ``ChartData``: category labels, one tuple of
numbers per series (``None`` where the source has no plottable number, never an
invented one), the value labels printed on the chart, alt text and a statement of
what is missing. ``spec_hash`` names everything that affects the drawing, for the cache.
"""

from __future__ import annotations

import hashlib
import json
import math
import zlib
from dataclasses import asdict, dataclass, fields
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from builder.model import (
    Briefing,
    Cell,
    ChartKind,
    ChartSpec,
    ChartUnit,
    Dataset,
    Table,
)
from builder.theme import Theme
from builder.walk import tables

# the modules whose code draws a chart, under builder/ (model.py only lends type names)
DRAWING_CODE = ("charts/data.py", "charts/render.py", "charts/style.py", "theme.py")
DRAWING_LIBRARIES = ("matplotlib", "numpy", "pillow")

NO_DATA = "no data"
KIND_NAMES: dict[str, str] = {
    "bar": "Bar chart",
    "hbar": "Horizontal bar chart",
    "grouped": "Grouped bar chart",
    "stacked": "Stacked bar chart",
    "line": "Line chart",
}
ALT_TOP = 5


@dataclass(frozen=True, slots=True)
class SeriesData:
    """One plotted series. ``texts[i]`` is the label printed for ``values[i]``:
    the exact number ("46", "23,580", "68.5%"), or why there is no bar ("no data",
    "n/a", "<1%")."""

    label: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything a renderer needs to draw one chart, and nothing it must look up."""

    id: str
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[SeriesData, ...]
    unit: ChartUnit
    title: str
    x_label: str = ""
    y_label: str = ""
    highlight: tuple[str, ...] = ()
    source_note: str = ""
    alt: str = ""
    alt_drafted: bool = False
    missing: str = ""
    gaps: tuple[tuple[str, str, str], ...] = ()  # (category, series label, printed text)


# ---------------------------------------------------------------- finding sources


def find_source(briefing: Briefing, source_id: str) -> Table | Dataset | None:
    """The table or dataset with this id, or None."""
    for table in tables(briefing):
        if table.id == source_id:
            return table
    for dataset in briefing.datasets:
        if dataset.id == source_id:
            return dataset
    return None


def source_columns(source: Table | Dataset) -> tuple[str, ...]:
    """The value columns a series may name."""
    if isinstance(source, Table):
        return tuple(c.key for c in source.columns[1:])
    return source.columns[1:]


def category_names(source: Table | Dataset) -> tuple[str, ...]:
    """What ``category:`` may say: 'label', or a dataset's first column (its labels)."""
    if isinstance(source, Table):
        return ("label",)
    return ("label", *source.columns[:1])


# ---------------------------------------------------------------- numbers and their labels


def format_number(value: float) -> str:
    """The number as published: thousands separated, decimals kept, none added."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def format_value(value: float, unit: ChartUnit) -> str:
    return format_number(value) + ("%" if unit == "percent" else "")


def percent_value(text: str) -> float | None:
    """A published percentage ("22", "68.5") as a number; None for "<1" and anything
    that is not a plain number (no value is guessed)."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def cell_value(cell: Cell, unit: ChartUnit) -> tuple[float | None, str]:
    """The plotted number of a table cell and the label printed for it."""
    if unit == "count":
        if cell.count is not None:
            return float(cell.count), format_value(cell.count, unit)
    elif cell.percent is not None:
        value = percent_value(cell.percent)
        if value is not None:
            return value, format_value(value, unit)
        return None, f"{cell.percent}%"
    elif cell.count == 0:
        return 0.0, format_value(0, unit)  # "0": none of n, so 0%, as published
    return None, "n/a" if cell.text.strip().lower() == "n/a" else NO_DATA


def data_value(value: object, unit: ChartUnit) -> tuple[float | None, str]:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None, NO_DATA
    return float(value), format_value(value, unit)


# ---------------------------------------------------------------- the chart's data


def _raw(source: Table | Dataset, spec: ChartSpec) -> list[tuple[str, list[tuple[float | None, str]]]]:
    """(category, [(value, text) per series]) in source order."""
    idx = [source_columns(source).index(s.column) for s in spec.series]
    rows: list[tuple[str, list[tuple[float | None, str]]]] = []
    if isinstance(source, Table):
        for row in source.rows:
            rows.append((row.label, [cell_value(row.cells[i], spec.unit)
                                     if i < len(row.cells) else (None, NO_DATA) for i in idx]))
    else:
        for drow in source.rows:
            by_column = {v.column: v.value for v in drow.values}
            rows.append((drow.label, [data_value(by_column.get(s.column), spec.unit)
                                      for s in spec.series]))
    return rows


def _select(rows: list[tuple[str, list[tuple[float | None, str]]]], spec: ChartSpec
            ) -> list[tuple[str, list[tuple[float | None, str]]]]:
    if spec.rows:
        by_label = dict(rows)
        rows = [(label, by_label[label]) for label in spec.rows]
    if spec.sort != "source":
        known = [r for r in rows if r[1][0][0] is not None]
        unknown_rows = [r for r in rows if r[1][0][0] is None]
        known.sort(key=lambda r: r[1][0][0] or 0.0, reverse=spec.sort == "descending")
        rows = known + unknown_rows  # rows without a value go last whatever the order
    return rows


def _gaps_sentence(gaps: tuple[tuple[str, str, str], ...], single: bool) -> str:
    def where(g: tuple[str, str, str]) -> str:
        return g[0] if single else f"{g[0]} ({g[1]})"

    no_data = [where(g) for g in gaps if g[2] in (NO_DATA, "n/a")]
    small = [where(g) for g in gaps if g[2] not in (NO_DATA, "n/a")]
    parts = []
    if no_data:
        parts.append(f"No value in the source for: {'; '.join(no_data)}.")
    if small:
        parts.append(f"Published only as a range (e.g. \u201c<1%\u201d), so not plotted: "
                     f"{'; '.join(small)}.")
    return " ".join(parts)


def chart_data(briefing: Briefing, spec: ChartSpec) -> ChartData:
    """The data of one chart whose spec passed the chart rules (``rules.check_chart``)."""
    source = find_source(briefing, spec.source)
    assert source is not None, f"chart {spec.id}: unchecked source {spec.source!r}"
    rows = _select(_raw(source, spec), spec)
    series = tuple(
        SeriesData(label=s.label, values=tuple(r[1][i][0] for r in rows),
                   texts=tuple(r[1][i][1] for r in rows))
        for i, s in enumerate(spec.series))
    gaps = tuple((cat, s.label, s.texts[j]) for s in series
                 for j, cat in enumerate(r[0] for r in rows) if s.values[j] is None)
    note = spec.source_note
    if not note and isinstance(source, Dataset) and source.source:
        note = f"Source: {source.source}"
    data = ChartData(
        id=spec.id, kind=spec.kind, categories=tuple(r[0] for r in rows), series=series,
        unit=spec.unit, title=spec.title, x_label=spec.x_label, y_label=spec.y_label,
        highlight=spec.highlight, source_note=note,
        missing=spec.missing or _gaps_sentence(gaps, len(series) == 1), gaps=gaps)
    if spec.alt:
        return _replace_alt(data, spec.alt, drafted=False)
    return _replace_alt(data, draft_alt(data), drafted=True)


def _replace_alt(data: ChartData, alt: str, drafted: bool) -> ChartData:
    values = {f.name: getattr(data, f.name) for f in fields(data)}
    values.update(alt=alt, alt_drafted=drafted)
    return ChartData(**values)


# ---------------------------------------------------------------- alt text


def _lower_first(text: str) -> str:
    """'Fatal physical abuse' -> 'fatal physical abuse'; 'SUDI', 'North West' unchanged."""
    if len(text) > 1 and text[0].isupper() and not any(c.isupper() for c in text[1:]):
        return text[0].lower() + text[1:]
    return text


def _lower_title(text: str) -> str:
    """'Categories of death in SCRs' -> 'categories of death in SCRs' (first word only)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _listing(categories: tuple[str, ...], values: tuple[float | None, ...],
             texts: tuple[str, ...], by_size: bool) -> str:
    items = [(c, v, t) for c, v, t in zip(categories, values, texts, strict=True) if v is not None]
    if by_size:
        items.sort(key=lambda i: i[1] or 0.0, reverse=True)
    shown = [f"{_lower_first(c)} {t}" for c, _, t in items[:ALT_TOP]]
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" and {rest} more" if rest else "")


def draft_alt(data: ChartData) -> str:
    """A factual description: kind, what is plotted, the largest values (in order for a
    line chart), highlighted categories and what has no value."""
    kind = KIND_NAMES[data.kind]
    by_size = data.kind != "line"
    head = f"{kind} of {_lower_title(data.title)}"
    if len(data.series) == 1:
        s = data.series[0]
        order = "largest values" if by_size and len(data.categories) > ALT_TOP else ""
        body = f"{head} ({s.label}){', ' + order if order else ''}: " + _listing(
            data.categories, s.values, s.texts, by_size)
    else:
        per = [f"{s.label}: {_listing(data.categories, s.values, s.texts, by_size)}"
               for s in data.series]
        body = f"{head}, comparing {' and '.join(s.label for s in data.series)}. " + "; ".join(per)
    out = [body.rstrip(". ") + "."]
    if data.highlight:
        out.append(f"Highlighted: {', '.join(data.highlight)}.")
    if data.gaps:
        out.append(_gaps_sentence(data.gaps, len(data.series) == 1))
    return " ".join(out)


# ---------------------------------------------------------------- cache key


@lru_cache(maxsize=32)
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _font_digest(path: Path) -> str:
    st = path.stat()
    return _file_digest(path, st.st_size, st.st_mtime_ns)


@cache
def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def code_digest() -> str:
    """sha256 of the source of the modules that draw: any edit to them (even one that
    changes no picture) makes every chart be drawn again."""
    here = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for name in DRAWING_CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def spec_hash(data: ChartData, spec: ChartSpec, theme: Theme) -> str:
    """sha256 of everything that changes the drawn chart: the data and spec (not the alt
    text), the theme's colours, palette, chart sizes and font files (their bytes), the
    drawing code (:func:`code_digest`), the installed matplotlib, numpy and pillow, and
    the zlib that compresses the PNG."""
    drawn = {k: v for k, v in asdict(data).items() if k not in ("alt", "alt_drafted")}
    spec_fields = {f.name: getattr(spec, f.name) for f in fields(spec)
                   if f.name not in ("at", "alt")}
    spec_fields["series"] = [(s.column, s.label) for s in spec.series]
    fonts = {name: _font_digest(path) for name, path in theme.fonts.files().items()}
    key = {
        "code": code_digest(),
        "libraries": {d: _version(d) for d in DRAWING_LIBRARIES},
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "data": drawn,
        "spec": spec_fields,
        "colours": asdict(theme.colours),
        "palette": theme.chart_palette,
        "charts": asdict(theme.charts),
        "font_family": theme.fonts.family,
        "fonts": fonts,
    }
    text = json.dumps(key, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("ascii")).hexdigest()
