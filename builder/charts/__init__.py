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
from builder.model import Briefing, ChartKind
from builder.problems import ContentError, errors
from builder.theme import Theme

__all__ = [
    "ChartData",
    "ChartFiles",
    "ChartJob",
    "ChartsResult",
    "chart_data",
    "check_chart_data",
    "check_chart_text",
    "draft_alt",
    "draw_into_cache",
    "missing",
    "plan_charts",
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


@dataclass(frozen=True, slots=True)
class ChartJob:
    """One chart of a briefing: its data, kind and cache key."""

    id: str
    kind: ChartKind
    data: ChartData
    key: str


def plan_charts(briefing: Briefing, theme: Theme) -> list[ChartJob]:
    """Every chart of the briefing with its cache key, in content order (no drawing).

    Raises ContentError (every problem, with file and line) when chart data is unusable.
    """
    problems = errors(check_chart_data(briefing) + check_chart_text(briefing, theme))
    if problems:
        raise ContentError(problems)
    jobs = []
    for spec in briefing.charts:
        data = chart_data(briefing, spec)
        jobs.append(ChartJob(spec.id, spec.kind, data, spec_hash(data, spec, theme)))
    return jobs


def missing(jobs: list[ChartJob], cache_dir: Path) -> list[ChartJob]:
    """The jobs whose drawing is not in the cache."""
    return [j for j in jobs if not ((cache_dir / f"{j.key}.svg").is_file()
                                     and (cache_dir / f"{j.key}.png").is_file())]


def draw_into_cache(jobs: list[ChartJob], theme: Theme, cache_dir: Path) -> None:
    """Draw each job (importing matplotlib) and store its SVG and PNG under its key."""
    if not jobs:
        return
    from builder.charts.render import render_chart  # matplotlib: only when needed

    for job in jobs:
        svg, png = render_chart(job.data, job.kind, theme)
        write_atomic(cache_dir / f"{job.key}.svg", svg)
        write_atomic(cache_dir / f"{job.key}.png", png)


def cost(job: ChartJob) -> int:
    """A rough relative drawing cost (labels drawn), for sharing charts between processes."""
    return 4 + sum(len(s.values) for s in job.data.series) + len(job.data.categories)


def split(jobs: list[ChartJob], share: float) -> tuple[list[ChartJob], list[ChartJob]]:
    """Two lists of jobs, the first with about ``share`` of the total cost (greedy, by
    decreasing cost; deterministic)."""
    first: list[ChartJob] = []
    second: list[ChartJob] = []
    load = [0.0, 0.0]
    weight = (share, 1.0 - share)
    for job in sorted(jobs, key=lambda j: (-cost(j), j.id)):
        k = 0 if (load[0] + cost(job)) / max(weight[0], 1e-9) <= \
            (load[1] + cost(job)) / max(weight[1], 1e-9) else 1
        (first if k == 0 else second).append(job)
        load[k] += cost(job)
    return first, second


def render_charts(briefing: Briefing, theme: Theme, out_dir: Path, cache_dir: Path,
                  jobs: list[ChartJob] | None = None, drawn_elsewhere: tuple[str, ...] = ()
                  ) -> ChartsResult:
    """Write ``out_dir/<chart-id>.svg`` and ``.png`` for every chart of the briefing.

    A chart is drawn only when its ``spec_hash`` is not in ``cache_dir``. Raises
    ContentError (every problem, with file and line) when chart data is unusable.
    ``jobs`` (from ``plan_charts``) and ``drawn_elsewhere`` (ids another process has
    just drawn into the cache) let the pipeline share the drawing between processes.
    """
    jobs = plan_charts(briefing, theme) if jobs is None else jobs
    files: dict[str, ChartFiles] = {}
    redrawn: list[str] = []
    for job in jobs:
        drawn = _cached(cache_dir, job.key)
        if drawn is None:
            draw_into_cache([job], theme, cache_dir)
            drawn = _cached(cache_dir, job.key)
            assert drawn is not None
            redrawn.append(job.id)
        elif job.id in drawn_elsewhere:
            redrawn.append(job.id)
        svg, png = out_dir / f"{job.id}.svg", out_dir / f"{job.id}.png"
        write_atomic(svg, drawn[0])
        write_atomic(png, drawn[1])
        files[job.id] = ChartFiles(svg=svg, png=png, data=job.data)
    return ChartsResult(files=files, redrawn=tuple(redrawn))
