"""Charts: the briefing's chart specs + data -> SVG and PNG files, cached by content hash.

``render_charts`` is the stage the pipeline calls. It imports matplotlib only when a
chart has to be drawn: when every chart is in the cache, matplotlib is never imported.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from builder.charts.data import ChartData, chart_data, draft_alt, spec_hash
from builder.charts.validate import check_chart_data, check_chart_text
from builder.model import Briefing
from builder.problems import ContentError, errors
from builder.theme import Theme

__all__ = [
    "ChartData",
    "ChartFiles",
    "ChartsResult",
    "chart_data",
    "check_chart_data",
    "check_chart_text",
    "draft_alt",
    "render_charts",
    "spec_hash",
]


@dataclass(frozen=True, slots=True)
class ChartFiles:
    svg: Path
    png: Path
    data: ChartData


@dataclass(frozen=True, slots=True)
class ChartsResult:
    """The files of every chart by chart id, and the ids that had to be drawn (not cached)."""

    files: dict[str, ChartFiles]
    redrawn: tuple[str, ...]


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cached(cache_dir: Path, key: str) -> tuple[bytes, bytes] | None:
    svg, png = cache_dir / f"{key}.svg", cache_dir / f"{key}.png"
    try:
        return svg.read_bytes(), png.read_bytes()
    except OSError:
        return None


def render_charts(briefing: Briefing, theme: Theme, out_dir: Path, cache_dir: Path
                  ) -> ChartsResult:
    """Write ``out_dir/<chart-id>.svg`` and ``.png`` for every chart of the briefing.

    A chart is drawn only when its ``spec_hash`` is not in ``cache_dir``. Raises
    ContentError (every problem, with file and line) when chart data is unusable.
    """
    problems = errors(check_chart_data(briefing) + check_chart_text(briefing, theme))
    if problems:
        raise ContentError(problems)
    files: dict[str, ChartFiles] = {}
    redrawn: list[str] = []
    for spec in briefing.charts:
        data = chart_data(briefing, spec)
        key = spec_hash(data, spec, theme)
        drawn = _cached(cache_dir, key)
        if drawn is None:
            from builder.charts.render import render_chart  # matplotlib: only when needed

            drawn = render_chart(data, spec.kind, theme)
            write_atomic(cache_dir / f"{key}.svg", drawn[0])
            write_atomic(cache_dir / f"{key}.png", drawn[1])
            redrawn.append(spec.id)
        svg, png = out_dir / f"{spec.id}.svg", out_dir / f"{spec.id}.png"
        write_atomic(svg, drawn[0])
        write_atomic(png, drawn[1])
        files[spec.id] = ChartFiles(svg=svg, png=png, data=data)
    return ChartsResult(files=files, redrawn=tuple(redrawn))
