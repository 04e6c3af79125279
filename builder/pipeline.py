"""The only module that knows the order of the stages.

load + check -> charts -> PDF -> deck plan -> deck -> gate -> swap into place.
Outputs are staged beside the target folder and replace the previous ones only
after every output of the briefing has passed the gate.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder import stamp
from builder.model import Briefing
from builder.problems import Problem, errors, report

CACHE = ".cache"


def _out(message: str) -> None:
    print(message, file=sys.stderr)


def _load(paths: list[str], cwd: Path) -> tuple[list[Briefing], list[Problem]]:
    from builder.content import discover, load_briefing, resolve_targets

    if paths:
        targets, problems = resolve_targets(paths, cwd)
    else:
        targets, problems = discover(cwd), []
        if not targets:
            problems.append(Problem("content", 0, "no briefing.yaml found under content/; "
                                    "create content/<name>/briefing.yaml"))
    briefings = []
    for target in targets:
        briefing, found = load_briefing(target, cwd)
        problems += found
        if briefing is not None:
            briefings.append(briefing)
    return briefings, problems


def _stop(problems: list[Problem], strict: bool) -> bool:
    """Print problems; True when they must stop the build."""
    if strict:
        problems = [Problem(p.path, p.line, p.message, "error") for p in problems]
    if problems:
        _out(report(problems, built=False))
    return bool(errors(problems))


def check(paths: list[str], cwd: Path, strict: bool = False) -> int:
    briefings, problems = _load(paths, cwd)
    if _stop(problems, strict):
        return 1
    _out(f"{len(briefings)} briefing{'s' * (len(briefings) != 1)} checked; no errors")
    return 0


def build(paths: list[str], cwd: Path, out: Path, *, strict: bool = False,
          force: bool = False) -> int:
    out = out if out.is_absolute() else cwd / out
    key = stamp.key(paths, out)
    if not force and stamp.unchanged(cwd, key):
        _out("nothing changed; outputs are up to date")
        return 0
    briefings, problems = _load(paths, cwd)
    if _stop(problems, strict):
        return 1
    from builder.theme import load_theme

    theme = load_theme()
    written: list[Path] = []
    for briefing in briefings:
        files, found = _build_one(briefing, theme, cwd, out)
        if _stop(found, strict):
            return 1
        written += files
    stamp.record(cwd, key, written)
    return 0


@contextmanager
def _locked(out: Path, name: str) -> Iterator[None]:
    """One build of a briefing at a time; a second waits for the first."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f".{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_one(briefing: Briefing, theme: object, cwd: Path, out: Path
               ) -> tuple[list[Path], list[Problem]]:
    from builder.charts import render_charts
    from builder.deck.emit import write_deck
    from builder.deck.plan import plan_deck
    from builder.gate import check_output
    from builder.pdf import render_pdf

    final = out / briefing.id
    with _locked(out, briefing.id):
        staging = Path(tempfile.mkdtemp(prefix=f".{briefing.id}.", dir=out))
        try:
            charts = render_charts(briefing, theme, staging / "charts", cwd / CACHE / "charts")  # type: ignore[arg-type]
            svgs = {cid: f.svg.read_bytes() for cid, f in charts.files.items()}
            pdf_path = staging / f"{briefing.id}.pdf"
            pdf = render_pdf(briefing, theme, svgs, pdf_path)  # type: ignore[arg-type]
            problems = list(pdf.problems)
            if errors(problems):
                return [], problems
            plan = plan_deck(briefing, theme, pdf.page_of)  # type: ignore[arg-type]
            problems += plan.warnings
            deck_path = staging / f"{briefing.id}.pptx"
            write_deck(plan, briefing, theme, deck_path)  # type: ignore[arg-type]
            staged = [pdf_path, deck_path] + sorted((staging / "charts").glob("*"))
            failures = [msg for p in staged for msg in check_output(p)]
            if failures:
                return [], [Problem(str(final), 0, f"output check failed: {m}; the previous "
                                    "outputs were kept") for m in failures]
            written = _swap(staging, final, staged)
            _out(f"built {final.relative_to(cwd) if final.is_relative_to(cwd) else final}/: "
                 f"PDF {pdf.pages} pages, {pdf_path.stat().st_size // 1024} KB; "
                 f"deck {len(plan.slides)} slides; {len(charts.files)} charts "
                 f"({len(charts.redrawn)} redrawn)")
            return written, problems
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, final: Path, staged: list[Path]) -> list[Path]:
    """Move every checked file into place (each replace is atomic); drop stale charts."""
    written = []
    for path in staged:
        target = final / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(path, target)
        written.append(target)
    charts = final / "charts"
    if charts.is_dir():
        keep = {p.name for p in written if p.parent == charts}
        for old in charts.iterdir():
            if old.name not in keep:
                old.unlink()
    return written
