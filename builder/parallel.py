"""Run one function in a forked process while the caller goes on (the machine has two cores).

The child inherits the already-loaded model (no pickling of the input); its result, or
its traceback, comes back through a pipe. A failure in the child is a bug and is raised
in the parent with the child's traceback.

``start_linked`` runs ``func(link, *args)``: the child and the parent can exchange
messages while it runs (``Link.send``/``recv``
in the child, ``Running.send``/``recv`` in the parent).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_MESSAGE, _DONE = 0, 1


class ChildFailed(RuntimeError):
    """The function raised in the child process; the message holds its traceback."""


class Link:
    """The child's end of the pipe: messages to and from the parent."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def send(self, obj: object) -> None:
        self._conn.send_bytes(pickle.dumps((_MESSAGE, obj)))

    def recv(self) -> Any:
        """The parent's next message; exits the child quietly when the parent has gone."""
        try:
            return pickle.loads(self._conn.recv_bytes())
        except (EOFError, OSError):
            os._exit(0)


class Running(Generic[T]):
    def __init__(self, process: Any, conn: Any) -> None:
        self._process, self._conn = process, conn
        self._final: tuple[bool, Any] | None = None

    def _next(self) -> tuple[int, Any]:
        try:
            return pickle.loads(self._conn.recv_bytes())  # type: ignore[no-any-return]
        except EOFError:
            return _DONE, (False, "the child process died without a result")

    def recv(self) -> Any:
        """The child's next message (raises ChildFailed if the child failed instead)."""
        if self._final is None:
            kind, payload = self._next()
            if kind == _MESSAGE:
                return payload
            self._final = payload
        self._process.join()
        ok, payload = self._final
        raise ChildFailed(payload if not ok else "the child finished without the message")

    def send(self, obj: object) -> None:
        self._conn.send_bytes(pickle.dumps(obj))

    def result(self) -> T:
        while self._final is None:
            kind, payload = self._next()
            if kind == _DONE:
                self._final = payload
        self._conn.close()
        self._process.join()
        ok, payload = self._final
        if not ok:
            raise ChildFailed(payload)
        return payload  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child (the parent no longer needs its result)."""
        if self._process.is_alive():
            self._process.kill()
        self._conn.close()
        self._process.join()


def _fork(body: Callable[[Any], object]) -> Running[Any]:
    ctx = multiprocessing.get_context("fork")
    here, there = ctx.Pipe(duplex=True)

    def child() -> None:
        here.close()
        message: tuple[bool, object]
        try:
            message = (True, body(there))
        except BaseException:
            message = (False, traceback.format_exc())
        try:
            there.send_bytes(pickle.dumps((_DONE, message)))
            there.close()
        finally:
            os._exit(0)

    process = ctx.Process(target=child, daemon=True)
    process.start()
    there.close()
    return Running(process, here)


def start_linked(func: Callable[..., T], *args: Any) -> Running[T]:
    """Start ``func(link, *args)`` in a forked child; ``.recv()``/``.send()`` talk to it
    while it runs and ``.result()`` waits for its return value."""
    return _fork(lambda conn: func(Link(conn), *args))
