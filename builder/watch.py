"""``briefing watch``: build, then rebuild whenever a file under content/ or assets/ changes.

The watcher polls the files' sizes and mtimes (every 0.3 s by default; no dependency).
It keeps one pool of worker processes for all its rebuilds, each worker importing what
the jobs need as it starts, so a rebuild pays for no imports and the workers' caches
(measured words, converted charts) stay warm.

The new PDF first, the rest after: as soon as a rebuild's PDF has passed the gate it is
copied to ``<out>/<id>.preview.pdf`` (replaced in one step; keep it open in a viewer that
reloads on change), and one line says so. The complete set of outputs is then published
together, as ``briefing build`` does, in ``<out>/<id>/``. A build with content errors
prints them and publishes nothing (the previous outputs stay); the watcher waits for the
next change. Ctrl-C stops it. Changes to the builder's own source are not picked up:
restart the watcher.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
import traceback
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType

from builder import stamp
from builder.outputs import WORKER_IMPORTS

HERE = ("builder.pipeline", "builder.jobs", "builder.content", "builder.theme",
        "builder.charts")  # what the watcher itself runs: loading, checking, planning
WORKERS = ("builder.charts.render", *WORKER_IMPORTS)  # imported by each worker as it starts


def _preload() -> None:
    """Import, once, what the watcher runs itself."""
    import importlib

    for name in HERE:
        importlib.import_module(name)


def _say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def preview_path(out: Path, briefing_id: str) -> Path:
    return out / f"{briefing_id}.preview.pdf"


class _Rebuilds:
    """The watcher's builds, on one pool of workers kept for all of them."""

    def __init__(self, paths: list[str], cwd: Path, out: Path, strict: bool, workers: int,
                 wait_s: float, only: frozenset[str]) -> None:
        from builder import workers as pools

        self.paths, self.cwd, self.strict, self.wait_s = paths, cwd, strict, wait_s
        self.only = only
        self.out = out if out.is_absolute() else cwd / out
        self.workers = workers or os.cpu_count() or 1
        self.pool: Executor = pools.pool(self.workers, WORKERS)
        self.started = 0.0

    def preview(self, briefing_id: str, pdf: Path) -> None:
        target = preview_path(self.out, briefing_id)
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(pdf, tmp)
        os.replace(tmp, target)
        _say(f"PDF ready in {time.perf_counter() - self.started:.2f} s: "
             f"{_shown(target, self.cwd)}")

    def run(self, first: bool) -> int:
        """One rebuild; its exit code as ``briefing build`` would give it."""
        from builder import pipeline
        from builder import workers as pools

        self.started = time.perf_counter()
        if stamp.unchanged(self.cwd, stamp.key(self.paths, self.out, self.strict, self.only)):
            _say(f"outputs are up to date ({time.perf_counter() - self.started:.2f} s)")
            return 0
        try:
            code = pipeline.build(self.paths, self.cwd, self.out, strict=self.strict,
                                  workers=self.workers, wait_s=self.wait_s,
                                  executor=self.pool, preview=self.preview, only=self.only)
        except BrokenProcessPool:  # a worker died: a bug; start a new pool
            traceback.print_exc()
            self.pool = pools.pool(self.workers, WORKERS)
            code = 2
        except Exception:
            traceback.print_exc()
            code = 2
        self._said(code, first, time.perf_counter() - self.started)
        return code

    @staticmethod
    def _said(code: int, first: bool, took: float) -> None:
        if code == 0:
            _say(f"{'built' if first else 'rebuilt'} in {took:.2f} s")
        elif code == 1:
            _say(f"problems in content after {took:.2f} s; previous outputs kept; "
                 "waiting for the next change")
        elif code != 130:
            _say(f"build failed (exit {code}, a bug) after {took:.2f} s; previous outputs "
                 "kept; waiting for the next change")

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _shown(path: Path, cwd: Path) -> str:
    return str(path.relative_to(cwd)) if path.is_relative_to(cwd) else str(path)


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def watch(paths: list[str], cwd: Path, out: Path, *, strict: bool = False,
          interval: float = 0.3, workers: int = 0, wait_s: float = 600.0,
          only: frozenset[str] = frozenset()) -> int:
    """Build, then rebuild on every change until Ctrl-C (or SIGTERM); exit 0."""
    signal.signal(signal.SIGTERM, _stop)
    rebuilds = None
    try:
        _preload()
        rebuilds = _Rebuilds(paths, cwd, out, strict, workers, wait_s, only)
        seen = stamp.content_state(cwd)
        _say(f"watching {cwd / 'content'} and {cwd / 'assets'} (Ctrl-C stops)")
        code = rebuilds.run(first=True)
        while code != 130:
            time.sleep(interval)
            now = stamp.content_state(cwd)
            if now != seen:
                seen = now
                code = rebuilds.run(first=False)
    except KeyboardInterrupt:
        pass
    finally:
        if rebuilds is not None:
            rebuilds.close()
    sys.stdout.flush()
    _say("stopped")
    return 0
