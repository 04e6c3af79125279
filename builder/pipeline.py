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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from builder import pages, parallel, stamp
from builder.model import Briefing
from builder.problems import ContentError, Problem, errors, report

if TYPE_CHECKING:
    from builder.charts import ChartJob
    from builder.theme import Theme

CACHE = ".cache"
TRACE = bool(os.environ.get("BRIEFING_TRACE"))  # print when each stage ends, for profiling


def _out(message: str) -> None:
    print(message, file=sys.stderr)


_T0 = time.perf_counter()


def _trace(stage: str) -> None:
    if TRACE:
        print(f"[trace {os.getpid()} {time.perf_counter() - _T0:7.3f}s] {stage}", file=sys.stderr)


def _load(paths: list[str], cwd: Path) -> tuple[list[Briefing], Theme | None, list[Problem]]:
    """The briefings of ``paths`` (all under content/ when empty) and the project's brand,
    with every problem found in them."""
    from builder.content import discover, load_briefings, resolve_targets
    from builder.theme import read_theme

    if paths:
        targets, problems = resolve_targets(paths, cwd)
    else:
        targets, problems = discover(cwd), []
        if not targets:
            problems.append(Problem("content", 0, "no briefing.yaml found under content/; "
                                    "create content/<name>/briefing.yaml"))
    briefings, found = load_briefings(targets, cwd)
    theme, brand = read_theme(cwd)
    return briefings, theme, problems + found + brand


def _stop(problems: list[Problem], strict: bool) -> bool:
    """Print problems; True when they must stop the build."""
    if strict:
        problems = [Problem(p.path, p.line, p.message, "error") for p in problems]
    if problems:
        _out(report(problems, built=False))
    return bool(errors(problems))


def check(paths: list[str], cwd: Path, strict: bool = False) -> int:
    briefings, _, problems = _load(paths, cwd)
    problems += _template_problems(briefings, cwd)
    if _stop(problems, strict):
        return 1
    _out(f"{len(briefings)} briefing{'s' * (len(briefings) != 1)} checked; no errors")
    return 0


def build(paths: list[str], cwd: Path, out: Path, *, strict: bool = False) -> int:
    """Build every briefing of ``paths`` (all under content/ when empty) into ``out``.
    Whether anything changed is the caller's question (``stamp.unchanged``), asked before
    this module is imported."""
    out = out if out.is_absolute() else cwd / out
    key = stamp.key(paths, out)
    before = stamp.snapshot(cwd)
    briefings, theme, problems = _load(paths, cwd)
    if _stop(problems, strict) or theme is None:
        return 1
    written: list[Path] = []
    for briefing in briefings:
        files, found = _build_one(briefing, theme, cwd, out)
        if _stop(found, strict):
            return 1
        written += files
    stamp.record(cwd, key, written, before)
    return 0


def _template_problems(briefings: list[Briefing], cwd: Path) -> list[Problem]:
    """What the briefings' own deck templates lack (the deck checks it again as it opens one)."""
    if not any(b.template for b in briefings):
        return []
    from builder.deck.template import check_template

    return [p for b in briefings if b.template for p in check_template(cwd / b.template, b.at)]


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


HELPER_SHARE = 0.55  # of the charts to draw (the parent imports the PDF modules meanwhile)


def _build_one(briefing: Briefing, theme: Theme, cwd: Path, out: Path
               ) -> tuple[list[Path], list[Problem]]:
    """Build one briefing into a staging folder beside ``out``, gate it, swap it in.

    Two processes (the machine has two cores): a forked helper plans the charts while
    this process imports the PDF modules; each draws its share of the charts missing from
    the cache. Then this process lays out the PDF and the helper makes the deck, whose
    notes cite PDF pages: it starts from the last build's pages and makes the deck again
    whenever the PDF's layout passes report different ones.
    """
    final = out / briefing.id
    with _locked(out, briefing.id):
        for stale in out.glob(f".{briefing.id}.*/"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{briefing.id}.", dir=out))
        guess = pages.load(cwd / CACHE, briefing.id)
        helper = parallel.start_linked(_helper, briefing, theme, guess,
                                       staging / f"{briefing.id}.pptx", cwd / CACHE / "charts")
        try:
            staged, problems = _make_outputs(helper, briefing, theme, cwd / CACHE, staging,
                                             _rel(final, cwd))
            if errors(problems) or not staged:
                return [], problems
            written = _swap(staging, final, staged)
            _trace("swapped into place")
            return written, problems
        finally:
            helper.cancel()
            shutil.rmtree(staging, ignore_errors=True)


def _make_outputs(helper: parallel.Running[_DeckResult], briefing: Briefing, theme: Theme,
                  cache: Path, staging: Path, label: str) -> tuple[list[Path], list[Problem]]:
    """Charts, PDF (here) and deck (in the helper) in ``staging``, each through the gate:
    the staged files, or none and the problems that stopped them (``label`` names the
    output folder in messages)."""
    from builder.charts import draw_chart, write_chart_files
    from builder.gate import check_output
    from builder.pdf import render_pdf

    _trace("imported PDF modules")
    planned: _Plan | list[Problem] = helper.recv()
    if isinstance(planned, list):  # chart data unusable: the helper has stopped
        helper.result()
        return [], planned
    for job in planned.mine:
        draw_chart(job, theme, cache / "charts")
    _trace(f"drew {len(planned.mine)} of {len(planned.to_draw)} charts to draw")
    helper.recv()  # the helper's charts are in the cache
    charts = write_chart_files(planned.jobs, cache / "charts", staging / "charts")
    pdf_path = staging / f"{briefing.id}.pdf"
    pdf = render_pdf(briefing, theme, {cid: f.svg.read_bytes() for cid, f in charts.items()},
                     pdf_path, seed=pages.load_seed(cache, briefing.id),
                     on_pages=lambda found: helper.send(("pages", dict(found))))
    helper.send(("final", dict(pdf.page_of)))
    _trace(f"PDF written ({pdf.passes} layout passes)")
    problems = list(pdf.problems)
    failures = check_output(pdf_path) if not errors(problems) else []
    slides, deck_problems, deck_failures = helper.result()
    _trace("PDF gate passed; deck ready")
    if not errors(problems):
        pages.save(cache, briefing.id, dict(pdf.page_of), pdf.seed)
    problems += deck_problems
    if errors(problems):
        return [], problems
    staged = [pdf_path, staging / f"{briefing.id}.pptx"] + sorted((staging / "charts").glob("*"))
    failures += deck_failures + [m for p in staged[2:] for m in check_output(p)]
    if failures:
        return [], [Problem(label, 0, f"output check failed: {m}; the previous outputs were kept")
                    for m in failures]
    _out(f"built {label}/: PDF {pdf.pages} pages, {pdf_path.stat().st_size // 1024} KB; "
         f"deck {slides} slides; {len(charts)} charts ({len(planned.to_draw)} redrawn)")
    return staged, problems


class _Plan(NamedTuple):
    """The charts of a briefing, which of them are to be drawn, and the parent's share."""

    jobs: list[ChartJob]
    to_draw: tuple[str, ...]
    mine: list[ChartJob]


_DeckResult = tuple[int, list[Problem], list[str]]  # slides, warnings, gate failures


def _helper(link: parallel.Link, briefing: Briefing, theme: Theme, guess: dict[str, int],
            deck_path: Path, chart_cache: Path) -> _DeckResult:
    """The second process: the chart plan (sent to the parent with the parent's share),
    its own share of the charts (then tells the parent), then the deck: made with the
    last build's pages at once, and again for each pages message that differs from
    the pages it was made with, until the PDF's final pages."""
    from builder.charts import draw_chart, has_entry, plan_charts

    try:
        jobs = plan_charts(briefing, theme)
    except ContentError as exc:
        link.send(list(exc.problems))
        return 0, [], []
    to_draw = [j for j in jobs if not has_entry(chart_cache, j.key)]
    mine, theirs = to_draw[::2], to_draw[1::2]
    link.send(_Plan(jobs, tuple(j.id for j in to_draw), theirs))
    for job in mine:
        draw_chart(job, theme, chart_cache)
    _trace(f"helper drew {len(mine)} charts")
    link.send("charts")
    made_with: dict[str, int] = guess
    made = _make_deck(briefing, theme, guess, deck_path) if guess else None
    _trace("helper: deck made with the last build's pages" if made else "helper waits")
    while True:
        kind, page_of = link.recv()
        if made is None or page_of != made_with:
            made_with, made = page_of, _make_deck(briefing, theme, page_of, deck_path)
            _trace(f"helper: deck made with the PDF's {kind} pages")
        if kind == "final":
            return made


def _make_deck(briefing: Briefing, theme: Theme, page_of: dict[str, int], path: Path
               ) -> _DeckResult:
    """Plan and write the deck, then gate it: (slide count, warnings, gate failures)."""
    from builder.deck.emit import write_deck
    from builder.deck.plan import plan_deck
    from builder.gate import check_output

    try:
        plan = plan_deck(briefing, theme, page_of)
        write_deck(plan, briefing, theme, path)
    except ContentError as exc:
        return 0, list(exc.problems), []
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
