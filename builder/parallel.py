"""Run one function in a forked process while the caller goes on (the machine has two cores).

The child inherits the already-loaded model (no pickling of the input); its result, or
its traceback, comes back through a pipe. A failure in the child is a bug and is raised
in the parent with the child's traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """The function raised in the child process; the message holds its traceback."""


class Running(Generic[T]):
    def __init__(self, process: Any, receive: Any) -> None:
        self._process, self._receive = process, receive

    def result(self) -> T:
        try:
            ok, payload = pickle.loads(self._receive.recv_bytes())
        except EOFError:
            ok, payload = False, "the child process died without a result"
        finally:
            self._process.join()
        if not ok:
            raise ChildFailed(payload)
        return payload  # type: ignore[no-any-return]


def start(func: Callable[..., T], *args: Any) -> Running[T]:
    """Start ``func(*args)`` in a forked child; ``.result()`` waits for it."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        message: tuple[bool, object]
        try:
            message = (True, func(*args))
        except BaseException:
            message = (False, traceback.format_exc())
        send.send_bytes(pickle.dumps(message))
        send.close()
        os._exit(0)

    process = ctx.Process(target=child, daemon=True)
    process.start()
    send.close()
    return Running(process, receive)
