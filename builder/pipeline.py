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
from typing import TYPE_CHECKING

from builder import pages, parallel, stamp
from builder.model import Briefing
from builder.problems import Problem, errors, report

if TYPE_CHECKING:
    from builder.theme import Theme

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


def _build_one(briefing: Briefing, theme: Theme, cwd: Path, out: Path
               ) -> tuple[list[Path], list[Problem]]:
    """Charts and PDF here, the deck in a second process (both cores), then gate and swap.

    The deck's speaker notes cite PDF pages; the deck process starts from the pages of
    the last build, and the deck is made again here if the PDF's pages turned out different.
    """
    from builder.charts import render_charts
    from builder.gate import check_output
    from builder.pdf import render_pdf

    final = out / briefing.id
    with _locked(out, briefing.id):
        for stale in out.glob(f".{briefing.id}.*/"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{briefing.id}.", dir=out))
        try:
            deck_path = staging / f"{briefing.id}.pptx"
            guess = pages.load(cwd / CACHE, briefing.id)
            deck = parallel.start(_make_deck, briefing, theme, guess, deck_path)
            charts = render_charts(briefing, theme, staging / "charts", cwd / CACHE / "charts")
            svgs = {cid: f.svg.read_bytes() for cid, f in charts.files.items()}
            pdf_path = staging / f"{briefing.id}.pdf"
            pdf = render_pdf(briefing, theme, svgs, pdf_path)
            problems = list(pdf.problems)
            failures = check_output(pdf_path)
            slides, deck_problems, deck_failures = deck.result()
            if dict(pdf.page_of) != guess:
                slides, deck_problems, deck_failures = _make_deck(
                    briefing, theme, dict(pdf.page_of), deck_path)
            pages.save(cwd / CACHE, briefing.id, dict(pdf.page_of))
            problems += deck_problems
            if errors(problems):
                return [], problems
            staged = [pdf_path, deck_path] + sorted((staging / "charts").glob("*"))
            failures += deck_failures + [m for p in staged[2:] for m in check_output(p)]
            if failures:
                return [], [Problem(_rel(final, cwd), 0, f"output check failed: {m}; the "
                                    "previous outputs were kept") for m in failures]
            size_kb = pdf_path.stat().st_size // 1024
            written = _swap(staging, final, staged)
            _out(f"built {_rel(final, cwd)}/: PDF {pdf.pages} pages, "
                 f"{size_kb} KB; deck {slides} slides; "
                 f"{len(charts.files)} charts ({len(charts.redrawn)} redrawn)")
            return written, problems
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _make_deck(briefing: Briefing, theme: Theme, page_of: dict[str, int], path: Path
               ) -> tuple[int, list[Problem], list[str]]:
    """Plan and write the deck, then gate it: (slide count, warnings, gate failures)."""
    from builder.deck.emit import write_deck
    from builder.deck.plan import plan_deck
    from builder.gate import check_output

    plan = plan_deck(briefing, theme, page_of)
    write_deck(plan, briefing, theme, path)
    return len(plan.slides), list(plan.warnings), check_output(path)


def _rel(path: Path, cwd: Path) -> str:
    return str(path.relative_to(cwd)) if path.is_relative_to(cwd) else str(path)


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
