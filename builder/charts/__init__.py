"""Charts: the briefing's chart specs + data -> SVG and PNG files, cached by content hash.

The pipeline plans the charts (``plan_charts``: pure, no matplotlib), draws the ones the
cache lacks (``draw_chart``, one job each, possibly in other processes) and then copies
every chart from the cache (``write_chart_files``). matplotlib is imported only when a
chart has to be drawn. ``render_charts`` does all three in this process.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.charts.cache import has_entry, read_entry, write_entry
from builder.charts.data import ChartData, chart_data, spec_hash
from builder.charts.rules import check_chart, check_chart_text
from builder.model import Briefing, ChartKind
from builder.problems import ContentError, errors
from builder.theme import Theme

__all__ = [
    "ChartData",
    "ChartFiles",
    "ChartJob",
    "ChartsResult",
    "draw_chart",
    "has_entry",
    "plan_charts",
    "render_charts",
    "write_chart_files",
]


@dataclass(frozen=True, slots=True)
class ChartJob:
    """One chart of a briefing: its data, kind and cache key."""

    id: str
    kind: ChartKind
    data: ChartData
    key: str


@dataclass(frozen=True, slots=True)
class ChartFiles:
    """A chart's files: the SVG and PNG, and the PNG's text alternative beside it
    (``<id>.txt``: the title, then the alt text)."""

    svg: Path
    png: Path
    data: ChartData
    alt: Path | None = None


@dataclass(frozen=True, slots=True)
class ChartsResult:
    """The written files of every chart by chart id, and the ids that were drawn anew."""

    files: dict[str, ChartFiles]
    redrawn: tuple[str, ...]


def plan_charts(briefing: Briefing, theme: Theme) -> list[ChartJob]:
    """Every chart of the briefing with its cache key, in content order (no drawing).

    Raises ContentError (every problem, with file and line) when a chart breaks the chart
    rules or has text the brand font cannot draw.
    """
    problems = [p for spec in briefing.charts for p in check_chart(briefing, spec)]
    problems = errors(problems + check_chart_text(briefing, theme))
    if problems:
        raise ContentError(problems)
    jobs = []
    for spec in briefing.charts:
        data = chart_data(briefing, spec)
        jobs.append(ChartJob(spec.id, spec.kind, data, spec_hash(data, spec, theme)))
    return jobs


def draw_chart(job: ChartJob, theme: Theme, cache_dir: Path) -> str:
    """Draw the chart (importing matplotlib) and store its SVG and PNG in the cache under
    its key; returns the chart id."""
    from builder.charts.render import render_chart

    svg, png = render_chart(job.data, job.kind, theme)
    write_entry(cache_dir, job.key, svg, png)
    return job.id


def write_chart_files(jobs: list[ChartJob], cache_dir: Path, out_dir: Path
                      ) -> dict[str, ChartFiles]:
    """``out_dir/<chart id>.svg``, ``.png`` and ``.txt`` (the text alternative) for every
    job, from the cache; a job whose entry is missing or damaged raises LookupError
    (draw it first)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    for job in jobs:
        entry = read_entry(cache_dir, job.key)
        if entry is None:
            raise LookupError(f"chart {job.id} is not in the cache")
        svg, png = out_dir / f"{job.id}.svg", out_dir / f"{job.id}.png"
        svg.write_bytes(entry[0])
        png.write_bytes(entry[1])
        alt = out_dir / f"{job.id}.txt"
        alt.write_text(f"{job.data.title}\n\n{job.data.alt}\n", encoding="utf-8")
        files[job.id] = ChartFiles(svg, png, job.data, alt)
    return files


def render_charts(briefing: Briefing, theme: Theme, out_dir: Path, cache_dir: Path
                  ) -> ChartsResult:
    """Plan, draw what the cache lacks (or holds damaged) and write every chart's files."""
    jobs = plan_charts(briefing, theme)
    redrawn = tuple(draw_chart(j, theme, cache_dir) for j in jobs
                    if not has_entry(cache_dir, j.key))
    return ChartsResult(write_chart_files(jobs, cache_dir, out_dir), redrawn)
