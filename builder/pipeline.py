"""The only module that knows the order of the stages:

    load + check -> plan charts -> draw charts -> PDF, deck, ... (each gated) -> publish

Everything after planning runs as jobs on a pool of worker processes (``workers``),
several briefings sharing one pool (``-j``); ``jobs`` says what each job of a briefing
waits for, ``outcome`` what a build leaves and says. Each briefing's files go to a new generation folder, which is
published in one atomic step only when every file in it passed the gate (``publish``).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from builder import publish, stamp
from builder.model import Briefing, Printing
from builder.problems import ContentError, Problem, errors, report

if TYPE_CHECKING:
    from builder.theme import Theme

QUIET, NORMAL, VERBOSE = 0, 1, 2
verbosity = NORMAL  # the CLI's -q / -v
CACHE = ".cache"
WAIT_S = 600.0  # how long a build waits for another build of the same briefing
TRACE = bool(os.environ.get("BRIEFING_TRACE"))  # print when each job ends, for profiling
_T0 = time.perf_counter()


def _out(message: str) -> None:
    print(message, file=sys.stderr)


def trace(what: str) -> None:
    if TRACE or verbosity >= VERBOSE:
        _out(f"[{time.perf_counter() - _T0:7.3f}s] {what}")


def tell(message: str) -> None:
    """A result the user asked for (a briefing built, checked): stdout, unless -q."""
    if verbosity > QUIET:
        print(message, flush=True)


def shown(problems: list[Problem], strict: bool) -> list[Problem]:
    """The problems to print: warnings become errors with --strict; -q shows errors only."""
    if strict:
        problems = [Problem(p.path, p.line, p.message, "error") for p in problems]
    return problems if verbosity > QUIET else errors(problems)


def _load(paths: list[str], cwd: Path) -> tuple[list[Briefing], Theme | None, list[Problem]]:
    """The briefings of ``paths`` (all under content/ when empty) and the project's brand,
    with every problem found in them."""
    from builder.content import discover, load_briefings, resolve_targets
    from builder.theme import read_theme

    if paths:
        targets, problems = resolve_targets(paths, cwd)
    else:
        problems = []
        targets = discover(cwd, problems)
        if not targets:
            problems.append(Problem("content", 0, "no briefing.yaml found under content/; "
                                    "create content/<name>/briefing.yaml"))
    theme, brand = read_theme(cwd)
    briefings, found = load_briefings(targets, cwd, theme)
    return briefings, theme, problems + found + brand


def _stop(problems: list[Problem], strict: bool) -> bool:
    """Print problems; True when they must stop the build."""
    problems = shown(problems, strict)
    if problems:
        _out(report(problems, built=False))
    return bool(errors(problems))


def check(paths: list[str], cwd: Path, strict: bool = False) -> int:
    briefings, _, problems = _load(paths, cwd)
    problems += _template_problems(briefings, cwd)
    if _stop(problems, strict):
        return 1
    tell(f"{len(briefings)} briefing{'s' * (len(briefings) != 1)} checked; no errors")
    return 0


def build(paths: list[str], cwd: Path, out: Path, *, strict: bool = False, workers: int = 0,
          wait_s: float = WAIT_S, executor: Executor | None = None,
          preview: Callable[[str, Path], None] | None = None,
          only: frozenset[str] = frozenset(), printing: Printing | None = None) -> int:
    """Build every briefing of ``paths`` (all under content/ when empty) into ``out``, with
    ``workers`` processes (0: one per core) or on ``executor``; ``preview(id, pdf)`` is
    called when a briefing's PDF has passed the gate, before its outputs are published.
    ``only``: the outputs to make (``outputs.ALL`` when empty); the others are kept from the
    last build. ``printing`` ("press" or "screen", ``--print``) overrides each briefing's
    ``print:``. Whether anything changed is the caller's question (``stamp.unchanged``),
    asked before this module is imported."""
    from builder.jobs import plan_builds, run_builds
    from builder.outcome import interrupted
    from builder.outputs import ALL

    out = out if out.is_absolute() else cwd / out
    if only - ALL:
        _out(f"briefing: --only takes {', '.join(sorted(ALL))}; not "
             + ", ".join(sorted(only - ALL)))
        return 1
    with _pool(executor, workers) as (ex, count):
        before = stamp.snapshot(cwd)
        briefings, theme, problems = _load(paths, cwd)
        if _stop(problems, strict) or theme is None:
            return 1
        if printing is not None:
            briefings = [replace(b, printing=printing) for b in briefings]
        try:
            plan = plan_builds(briefings, theme, cwd / CACHE, only or ALL)
            for b in briefings:
                publish.prepare(out, b.id)
        except ContentError as exc:
            return int(_stop(list(exc.problems), strict))
        except publish.OutputError as exc:
            _out(str(exc))
            return 1
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            with publish.locked(out, [b.id for b in briefings], wait_s, _out):
                outcome = run_builds(plan, out, cwd, strict, count, ex, preview, _out)
            if outcome.ok:
                stamp.record(cwd, stamp.key(paths, out, strict, only, printing),
                             outcome.written, before)
            return outcome.code
        except publish.OutputError as exc:
            _out(str(exc))
            return 1
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM, whenever: say what the links show
            _out(interrupted(plan, out))
            return 130
        finally:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def _pool(executor: Executor | None, workers: int) -> Iterator[tuple[Executor, int]]:
    """The executor to build on and its number of workers: ``executor`` if given, else a
    pool started now (its workers import the renderers while this process loads the
    content) and stopped at the end."""
    from builder.outputs import WORKER_IMPORTS
    from builder.workers import pool, stop

    count = workers or os.cpu_count() or 1
    if executor is not None:
        yield executor, count
        return
    ex = pool(count, WORKER_IMPORTS)
    try:
        yield ex, count
    finally:
        stop(ex)


def _template_problems(briefings: list[Briefing], cwd: Path) -> list[Problem]:
    """What the briefings' own deck templates lack (the deck checks it again as it opens one)."""
    if not any(b.template for b in briefings):
        return []
    from builder.deck.template import check_template

    return [p for b in briefings if b.template for p in check_template(cwd / b.template, b.at)]


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt
