"""The jobs of a build and what each waits for, on a pool of worker processes.

Per briefing: one job per chart missing from the cache (a chart several briefings share
is drawn once) and one per output of ``outputs.OUTPUTS``, which renders and gates its
file. The main PDF waits for the charts its figures show. Outputs citing its pages start
at once with the last build's layout (kept in the cache) and are made again only if the
PDF's layout differs; with no last build they wait for the PDF. Most urgent first: the
figures' charts, then the PDF, then the other outputs, then the other charts.

When every file of a briefing is in its generation folder and passed the gate, the
folder is published (``publish``); a briefing with errors publishes nothing.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder import publish
from builder.bugs import in_stage
from builder.charts import ChartJob, draw_chart, has_entry, plan_charts, write_chart_files
from builder.charts.cache import read_entry
from builder.gate import check_output
from builder.handout.plan import chart_ids
from builder.model import Briefing
from builder.outcome import Outcome, last_layout, report_builds
from builder.outputs import ALL, CHARTS, OUTPUTS, Inputs, Made, Output, check, make, named
from builder.pages import PdfSeed
from builder.pipeline import trace
from builder.problems import ContentError, errors
from builder.theme import Theme
from builder.walk import figures
from builder.workers import Queue, stop

FIGURE_CHART, LAYS_OUT, OUTPUT, CHART = range(4)  # job priorities, most urgent first


@dataclass(eq=False)
class Build:
    """One briefing being built: its charts, what is still missing, what was made."""

    briefing: Briefing
    charts: list[ChartJob]
    figures: frozenset[str]  # cache keys of the charts its figures (and handout) show
    guess: PdfSeed | None  # the last build's layout
    folder: Path | None = None  # its new generation, once the build has started
    missing: set[str] = field(default_factory=set)  # chart keys not yet in the cache
    made: dict[str, Made] = field(default_factory=dict)
    made_with: dict[str, PdfSeed | None] = field(default_factory=dict)  # layout used
    gated: set[str] = field(default_factory=set)  # outputs whose file passed the gate
    attempts: int = 0
    redrawn: int = 0
    started: float = 0.0
    seconds: float = 0.0  # from its start to its publishing
    failed: bool = False
    published: bool = False
    also: set[str] = field(default_factory=set)  # kept outputs made again: the pages moved

    @property
    def dir(self) -> Path:
        """Its generation folder (the build has started)."""
        assert self.folder is not None, f"{self.briefing.id}: not started"
        return self.folder

    @property
    def layout(self) -> PdfSeed | None:
        """The main PDF's layout, once it is made."""
        return next((m.layout for o, m in self.made.items() if named(o).lays_out), None)


@dataclass(frozen=True)
class Plan:
    builds: list[Build]
    theme: Theme
    cache: Path
    only: frozenset[str] = ALL  # the outputs to make; the others are kept from the last build

    def making(self, b: Build) -> frozenset[str]:
        """The outputs this build makes of ``b``: those asked for, and the kept ones that
        cite the PDF's pages when they moved."""
        return self.only | b.also


def plan_builds(briefings: list[Briefing], theme: Theme, cache: Path,
                only: frozenset[str] = ALL) -> Plan:
    """Each briefing's charts (those the outputs in ``only`` need) and last layout;
    ContentError with every chart problem. An output that cites the PDF's pages brings
    the PDF along: the pages it cites are those of the PDF published with it."""
    if any(o.cites_pages for o in OUTPUTS if o.name in only):
        only |= {o.name for o in OUTPUTS if o.lays_out}
    builds, problems = [], []
    for b in briefings:
        try:
            charts = plan_charts(b, theme)
        except ContentError as exc:
            problems += exc.problems
            continue
        shown = {f.chart for f in figures(b)} | set(chart_ids(b))  # and the handout's
        if CHARTS not in only:
            needed = any(o.shows_figures for o in OUTPUTS if o.name in only)
            charts = [j for j in charts if j.id in shown and needed]
        builds.append(Build(b, charts, frozenset(j.key for j in charts if j.id in shown),
                            last_layout(cache, b.id)))
    if problems:
        raise ContentError(problems)
    return Plan(builds, theme, cache, only)


class _Graph:
    """Puts each job on the queue when what it waits for is there."""

    def __init__(self, plan: Plan, queue: Queue, out: Path, strict: bool,
                 preview: Callable[[str, Path], None] | None) -> None:
        self.plan, self.queue, self.out, self.strict = plan, queue, out, strict
        self.preview = preview
        self.drawing: dict[str, list[Build]] = {}  # chart key -> builds waiting for it

    def start(self, b: Build) -> None:
        b.started = time.monotonic()
        for job in b.charts:
            if not has_entry(self.plan.cache / "charts", job.key):
                b.missing.add(job.key)
                if job.key not in self.drawing:
                    self.drawing[job.key] = []
                    urgent = FIGURE_CHART if job.key in b.figures else CHART
                    self.queue.put(urgent, self.drawn(job), in_stage, b.briefing.id,
                                   f"drawing chart '{job.id}'", draw_chart, job,
                                   self.plan.theme, self.plan.cache / "charts")
                self.drawing[job.key].append(b)
        self.advance(b)

    def drawn(self, job: ChartJob) -> Callable[[str], None]:
        def then(_: str) -> None:
            trace(f"chart {job.id} drawn")
            for b in self.drawing.pop(job.key):
                b.missing.discard(job.key)
                b.redrawn += 1
                self.advance(b)
        return then

    def advance(self, b: Build) -> None:
        """Start every output that can start (again), or finish the briefing."""
        if b.failed or b.published:
            return
        outputs = [o for o in OUTPUTS if o.name in self.plan.making(b)]
        for o in outputs:
            if self._due(b, o):
                self._start(b, o)
        if all(self._accepted(b, o) for o in outputs) and not b.missing:
            self._finish(b)

    def _due(self, b: Build, o: Output) -> bool:
        if o.shows_figures and b.missing & b.figures:
            return False
        if o.cites_pages:
            layout = b.layout or b.guess
            return layout is not None and not _same_pages(b.made_with.get(o.name, None), layout) \
                if o.name in b.made_with else layout is not None
        return o.name not in b.made_with

    def _accepted(self, b: Build, o: Output) -> bool:
        if o.name not in b.gated:
            return False
        return not o.cites_pages or _same_pages(b.made_with[o.name], b.layout)

    def _start(self, b: Build, o: Output) -> None:
        layout = (b.layout or b.guess) if o.cites_pages else b.guess if o.lays_out else None
        charts = {}
        if o.shows_figures:
            for job in b.charts:
                entry = read_entry(self.plan.cache / "charts", job.key)
                if job.key in b.figures and entry is not None:
                    charts[job.id] = entry[0]
        b.attempts += 1
        path = o.path(b.dir / f".attempt-{b.attempts}", b.briefing.id)
        path.parent.mkdir()
        b.made_with[o.name] = layout
        b.made.pop(o.name, None)
        b.gated.discard(o.name)
        inputs = Inputs(b.briefing, self.plan.theme, charts, layout)
        self.queue.put(LAYS_OUT if o.lays_out else OUTPUT, self._made(b, o, layout, path),
                       in_stage, b.briefing.id, f"making the {_STAGE.get(o.name, o.name)}",
                       make, o.name, inputs, path)

    def _made(self, b: Build, o: Output, layout: PdfSeed | None, path: Path
              ) -> Callable[[Made], None]:
        def then(made: Made) -> None:
            trace(f"{b.briefing.id}: {o.name} made")
            if b.made_with.get(o.name, "gone") is not layout:
                return  # made again meanwhile, with another layout
            b.made[o.name] = made
            if errors(made.problems) or (self.strict and made.problems):
                b.failed = True
                return
            if o.lays_out and not _same_pages(b.guess, made.layout):
                b.also |= self._citing_old_pages(b)
            if path.exists():
                self.queue.put(LAYS_OUT if o.lays_out else OUTPUT,  # the preview first
                               self._gated(b, o, layout, path), in_stage, b.briefing.id,
                               f"checking the {_STAGE.get(o.name, o.name)}", check, o.name,
                               path)
            else:  # nothing asked of this output this time (no print shop PDF): no file
                b.gated.add(o.name)
            self.advance(b)  # outputs citing the pages can start now
        return then

    def _citing_old_pages(self, b: Build) -> set[str]:
        """The outputs kept from the last build (``--only``) that cite its PDF's pages:
        made again when this build's pages differ, so that what is published agrees."""
        last = self.out / b.briefing.id
        return {o.name for o in OUTPUTS if o.cites_pages and o.name not in self.plan.only
                and o.path(last, b.briefing.id).is_file()}

    def _gated(self, b: Build, o: Output, layout: PdfSeed | None, path: Path
               ) -> Callable[[tuple[str, ...]], None]:
        def then(failures: tuple[str, ...]) -> None:
            trace(f"{b.briefing.id}: {o.name} gated")
            if b.made_with.get(o.name, "gone") is not layout:
                return
            if failures:
                b.made[o.name] = replace(b.made[o.name], failures=failures)
                b.failed = True
                return
            final = o.path(b.dir, b.briefing.id)
            path.replace(final)
            b.gated.add(o.name)
            if o.lays_out and self.preview is not None:
                self.preview(b.briefing.id, final)
            self.advance(b)
        return then

    def _finish(self, b: Build) -> None:
        if CHARTS in self.plan.only:
            charts = write_chart_files(b.charts, self.plan.cache / "charts", b.dir / CHARTS)
            failures = [m for f in charts.values() for p in (f.svg, f.png)
                        for m in check_output(p)]
            if failures:
                b.made[CHARTS] = Made(failures=tuple(failures))
                b.failed = True
                return
        for attempt in b.dir.glob(".attempt-*"):
            shutil.rmtree(attempt)
        self._keep_the_rest(b)
        publish.publish(self.out, b.briefing.id, b.dir)
        b.published = True
        b.seconds = time.monotonic() - b.started
        trace(f"{b.briefing.id}: published")

    def _keep_the_rest(self, b: Build) -> None:
        """The outputs not made this time (``--only``), as the last build left them."""
        last = self.out / b.briefing.id
        names = [o.path(Path(), b.briefing.id) for o in OUTPUTS
                 if o.name not in self.plan.making(b)]
        for name in names + ([Path(CHARTS)] if CHARTS not in self.plan.only else []):
            if (last / name).is_dir():
                shutil.copytree(last / name, b.dir / name)
            elif (last / name).is_file():
                shutil.copy2(last / name, b.dir / name)


_STAGE = {"pdf": "PDF"}  # an output's name as a stage is named in messages


def _same_pages(a: PdfSeed | None, b: PdfSeed | None) -> bool:
    return a is not None and b is not None and a.page_of == b.page_of


def run_builds(plan: Plan, out: Path, cwd: Path, strict: bool, workers: int,
               ex: Executor, preview: Callable[[str, Path], None] | None,
               say: Callable[[str], None]) -> Outcome:
    """Make every briefing of the plan and publish each whose files all passed; print
    what was built or what was wrong. Interrupted, it stops the workers and removes what
    it had not published, and raises (``interrupted`` says what was left)."""
    graph = _Graph(plan, Queue(ex, workers), out, strict, preview)
    try:
        for b in plan.builds:
            b.folder = publish.new_generation(out, b.briefing.id)
            graph.start(b)
        graph.queue.run()
        return report_builds(plan, out, cwd, strict, say)
    except BaseException:  # interrupted (the caller says what was left) or a bug
        stop(ex)
        raise
    finally:
        for b in plan.builds:  # what the link shows is the truth, whatever flags say
            if b.folder is not None and not publish.is_published(out, b.briefing.id, b.folder):
                publish.discard(b.folder)
