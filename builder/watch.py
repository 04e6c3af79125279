"""``briefing watch``: build, then rebuild whenever a file under content/ or assets/ changes.

The watcher polls the files' sizes and mtimes (every 0.3 s by default; no dependency)
and keeps the builder's modules imported, so a rebuild pays for no imports: each
rebuild runs in a forked child (the watcher's memory stays as it was; a crash in a
build does not stop the watcher). One line per rebuild says what happened and how long
it took. A build with content errors prints them and keeps the previous outputs, as
``briefing build`` does; the watcher waits for the next change. Ctrl-C stops it.

Changes to the builder's own source are not picked up: restart the watcher.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType

from builder import stamp

PRELOAD = ("builder.pipeline", "builder.content", "builder.theme", "builder.charts",
           "builder.charts.render", "builder.pdf", "builder.deck.emit", "builder.deck.plan",
           "builder.gate", "pypdf", "pptx")


def _preload() -> None:
    """Import everything a build needs, once, before the first fork."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)


def _say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


UP_TO_DATE = 3  # the child's exit code when nothing had changed (a file saved unchanged)


def _build_in_child(paths: list[str], cwd: Path, out: Path, strict: bool) -> int:
    """Fork; the child builds and exits with the build's exit code (2 for a bug)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child
        code = 2
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.setpgid(0, 0)  # Ctrl-C reaches the watcher only, which passes on one SIGINT
            from builder import pipeline

            target = out if out.is_absolute() else cwd / out
            if stamp.unchanged(cwd, stamp.key(paths, target)):
                code = UP_TO_DATE
            else:
                code = pipeline.build(paths, cwd, out, strict=strict)
        except KeyboardInterrupt:
            code = 130
        except BaseException:
            traceback.print_exc()
            print("briefing: internal error (a bug); please report it with the text above",
                  file=sys.stderr)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    try:
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)
    except KeyboardInterrupt:  # stop the build (it cleans up its staging folder)
        try:
            os.kill(pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        raise


def _rebuild(paths: list[str], cwd: Path, out: Path, strict: bool, first: bool) -> None:
    started = time.perf_counter()
    code = _build_in_child(paths, cwd, out, strict)
    took = time.perf_counter() - started
    if code == UP_TO_DATE:
        _say(f"outputs are up to date ({took:.2f} s)")
    elif code == 0:
        _say(f"{'built' if first else 'rebuilt'} in {took:.2f} s")
    elif code == 1:
        _say(f"problems in content after {took:.2f} s; previous outputs kept; "
             "waiting for the next change")
    else:
        _say(f"build failed (exit {code}) after {took:.2f} s; waiting for the next change")


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def watch(paths: list[str], cwd: Path, out: Path, *, strict: bool = False,
          interval: float = 0.3) -> int:
    """Build, then rebuild on every change until Ctrl-C (or SIGTERM); exit 0."""
    signal.signal(signal.SIGTERM, _stop)
    try:
        _preload()
        seen = stamp.content_state(cwd)
        _say(f"watching {cwd / 'content'} and {cwd / 'assets'} (Ctrl-C stops)")
        _rebuild(paths, cwd, out, strict, first=True)
        while True:
            time.sleep(interval)
            now = stamp.content_state(cwd)
            if now != seen:
                seen = now
                _rebuild(paths, cwd, out, strict, first=False)
    except KeyboardInterrupt:
        _say("stopped")
        return 0
