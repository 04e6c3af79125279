"""Worker processes for builds: a standard pool (``concurrent.futures``), fed the most
urgent job first.

``pool(n)`` is a ProcessPoolExecutor of ``n`` forked workers (one process, no pool, for
``n`` = 1). Workers ignore Ctrl-C: the parent handles it and ``stop``s them at once; a
worker whose parent died (killed) exits within half a second. ``Queue`` keeps at most
one job per worker in flight and hands the next slot to the most urgent job ready, so a
job that others wait for (the PDF) is never queued behind work nobody waits for.
"""

from __future__ import annotations

import gc
import heapq
import importlib
import itertools
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from typing import Any


class InlineExecutor(Executor):
    """Runs each job in this process as it is submitted (``-j 1``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to whoever asks for the result
            future.set_exception(exc)
        return future


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)  # the parent is gone: no one will ask for a result


def _start_worker(preload: tuple[str, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # parent stops the workers itself
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    for name in preload:
        importlib.import_module(name)
    gc.freeze()  # what the imports made stays: collections look at what jobs make


def run_job(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, after collecting what earlier jobs left in reference cycles (lxml
    and matplotlib leave many): a worker's memory then stays what one job needs
    (about 100 MiB), instead of growing with every job it runs."""
    gc.collect()
    return fn(*args)


def _threads() -> int:
    """Threads of this process, the ones libraries start in C included (Linux)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def pool(workers: int, preload: tuple[str, ...] = ()) -> Executor:
    """``workers`` worker processes, each importing ``preload`` as it starts. Forked from
    this process (sharing what it has imported) when it runs one thread; from a fork
    server otherwise: a process forked while another thread holds a lock (numpy starts
    threads) can wait for that lock for ever."""
    if workers <= 1:
        for name in preload:
            importlib.import_module(name)
        return InlineExecutor()
    method = "fork" if _threads() == 1 else "forkserver"
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_start_worker, initargs=(preload,))
    for _ in range(workers):  # start them now: they import while the caller goes on
        executor.submit(int)
    return executor


def stop(executor: Executor) -> None:
    """Stop every worker now (jobs running are lost) and release the pool."""
    kill = getattr(executor, "kill_workers", None)  # Python 3.14
    if kill is not None:
        kill()
    else:  # before 3.14 the workers are only reachable privately (tests/test_workers.py)
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.kill()
    executor.shutdown(wait=True, cancel_futures=True)


class Queue:
    """Jobs for an executor, most urgent (lowest ``priority``) first, at most ``slots`` in
    flight. ``run`` calls each job's ``then(result)`` in this thread as the job finishes;
    ``then`` may put more jobs."""

    def __init__(self, executor: Executor, slots: int) -> None:
        self._executor, self._slots = executor, max(slots, 1)
        self._ready: list[tuple[int, int, Callable[[Any], None], Callable[..., Any],
                                tuple[Any, ...]]] = []
        self._order = itertools.count()
        self._running: dict[Future[Any], Callable[[Any], None]] = {}

    def put(self, priority: int, then: Callable[[Any], None], fn: Callable[..., Any],
            *args: Any) -> None:
        heapq.heappush(self._ready, (priority, next(self._order), then, fn, args))

    def run(self) -> None:
        """Until no job is left; a job's exception is raised here."""
        while self._ready or self._running:
            while self._ready and len(self._running) < self._slots:
                _, _, then, fn, args = heapq.heappop(self._ready)
                self._running[self._executor.submit(run_job, fn, *args)] = then
            done, _ = wait(self._running, return_when=FIRST_COMPLETED)
            for future in done:
                self._running.pop(future)(future.result())
