"""What a build leaves and says: the summary line and problems of each briefing, the
truth about an interrupted build (read from what the output folder shows), and the PDF
layout kept for the next build (a hint: a missing or damaged one only costs time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from builder import publish
from builder.outputs import ALL, CHARTS
from builder.pages import PdfSeed
from builder.pipeline import shown, tell
from builder.problems import Problem, errors, report

if TYPE_CHECKING:
    from builder.jobs import Build, Plan


@dataclass(frozen=True)
class Outcome:
    code: int
    written: list[Path]

    @property
    def ok(self) -> bool:
        return self.code == 0


def _layout_file(cache: Path, briefing_id: str) -> Path:
    return cache / "layout" / f"{briefing_id}.json"


def last_layout(cache: Path, briefing_id: str) -> PdfSeed | None:
    """The layout the last build of this briefing left (a hint: None if unreadable)."""
    try:
        return PdfSeed.from_json(_layout_file(cache, briefing_id).read_bytes())
    except (OSError, ValueError):
        return None


def _label(out: Path, cwd: Path, briefing_id: str) -> str:
    path = out / briefing_id
    return str(path.relative_to(cwd)) if path.is_relative_to(cwd) else str(path)


def interrupted(plan: Plan, out: Path) -> str:
    """What an interrupted build leaves, as the output folder shows it."""
    builds = plan.builds
    shown = {b.briefing.id for b in builds
             if b.folder is not None and publish.is_published(out, b.briefing.id, b.folder)}
    done = [b.briefing.id for b in builds if b.briefing.id in shown]
    kept = [b.briefing.id for b in builds if b.briefing.id not in shown]
    parts = ([f"published the new outputs of {', '.join(done)}"] if done else []) + (
        [f"kept the previous outputs of {', '.join(kept)}"] if kept else [])
    return "interrupted; " + "; ".join(parts)


def report_builds(plan: Plan, out: Path, cwd: Path, strict: bool, say: Callable[[str], None]
            ) -> Outcome:
    """Print each briefing's problems and summary; save the layouts published."""
    code, written = 0, []
    for b in plan.builds:
        label = _label(out, cwd, b.briefing.id)
        problems = [p for m in b.made.values() for p in m.problems]
        problems += [Problem(label, 0, f"output check failed: {f}; the previous outputs "
                             "were kept") for m in b.made.values() for f in m.failures]
        problems = shown(problems, strict)
        if problems:
            say(report(problems, built=False))
        if not b.published or errors(problems):
            code = 1
            continue
        tell(_summary(b, label, plan.making(b)))
        written += sorted(p for p in (out / b.briefing.id).rglob("*") if p.is_file())
        save_layout(plan.cache, b)
    return Outcome(code, written)


def _summary(b: Build, label: str, only: frozenset[str]) -> str:
    """One line: where the files are, how long it took, what was made."""
    made = [m.summary for o, m in b.made.items() if m.summary]
    if CHARTS in only:
        made.append(f"{len(b.charts)} chart{'s' * (len(b.charts) != 1)} "
                    f"({b.redrawn} redrawn)")
    kept = sorted(ALL - only)
    return (f"built {label}/ in {b.seconds:.1f} s: " + "; ".join(made)
            + (f"; kept from the last build: {', '.join(kept)}" if kept else ""))


def save_layout(cache: Path, b: Build) -> None:
    """Keep the layout of the PDF just published, for the next build to start from."""
    if b.layout is None:
        return
    path = _layout_file(cache, b.briefing.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(b.layout.to_json(), encoding="utf-8")
    tmp.replace(path)
