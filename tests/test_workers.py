"""The build's worker pool: jobs most urgent first, workers stopped at once, and no
worker outliving a parent that was killed."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from builder.workers import InlineExecutor, Queue, pool, stop
from tests.conftest import ROOT


def _sleep_then(value: str, seconds: float = 0.0) -> str:
    time.sleep(seconds)
    return value


def test_the_most_urgent_ready_job_takes_the_next_free_worker() -> None:
    done: list[str] = []
    queue = Queue(InlineExecutor(), 1)
    queue.put(3, done.append, _sleep_then, "late chart")
    queue.put(0, done.append, _sleep_then, "figure chart")

    def then(value: str) -> None:
        done.append(value)
        queue.put(1, done.append, _sleep_then, "pdf, put by a finished job")

    queue.put(2, then, _sleep_then, "deck")
    queue.run()
    assert done == ["figure chart", "deck", "pdf, put by a finished job", "late chart"]


def test_stop_ends_running_workers_at_once() -> None:
    ex = pool(2)
    futures = [ex.submit(_sleep_then, "slow", 60) for _ in range(2)]
    time.sleep(0.5)
    pids = list(ex._processes)  # type: ignore[attr-defined]  # before Python 3.14: private
    assert len(pids) == 2
    started = time.monotonic()
    stop(ex)
    assert time.monotonic() - started < 10
    assert all(f.done() for f in futures)
    for pid in pids:
        assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_workers_of_a_killed_parent_exit() -> None:
    code = ("import os, sys, time\n"
            "from builder.workers import pool\n"
            "ex = pool(2)\n"
            "ex.submit(time.sleep, 0).result()\n"
            "print(*ex._processes, flush=True)\n"
            "os._exit(9)  # no clean-up, as if killed\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    pids = [int(p) for p in run.stdout.split()]
    assert run.returncode == 9 and len(pids) == 2, run.stderr
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)
