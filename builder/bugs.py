"""Internal errors (bugs, never content problems) as an editor should see them: one line
naming the briefing and the stage that failed, saying that the previous outputs were
kept (a build publishes nothing it did not finish), and the traceback only when asked
for (``-v``).

A worker's job runs through :func:`in_stage`, so an exception raised in another process
comes back to the command line with where it happened and its traceback as text.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from builder.problems import ContentError

T = TypeVar("T")
REPORT = "it is a bug: run the command again with -v and report what it prints"


class StageError(Exception):
    """An unexpected exception in ``stage`` of briefing ``briefing`` (picklable)."""

    def __init__(self, briefing: str, stage: str, error: str, details: str) -> None:
        super().__init__(briefing, stage, error, details)
        self.briefing, self.stage, self.error, self.details = briefing, stage, error, details

    def __str__(self) -> str:
        return (f"internal error while {self.stage} for '{self.briefing}' ({self.error}); "
                f"the previous outputs were kept; {REPORT}")


class FilesystemError(Exception):
    """A file could not be written for a reason of the machine (a full disk, a folder
    without permission): not a bug; the message says which path and what to do."""


_MACHINE = {errno.ENOSPC: "the disk is full; free some space",
            errno.EDQUOT: "the disk quota is used up; free some space",
            errno.EACCES: "permission denied; fix the permissions of its folder",
            errno.EPERM: "permission denied; fix the permissions of its folder",
            errno.EROFS: "the disk is read-only; build on a writable one"}


def filesystem_message(exc: BaseException, near: object = None) -> str | None:
    """The one line for an OSError the machine caused, else None. It names the file, or
    (a write that failed has none) the folder of ``near``, the path the stage wrote to."""
    if not isinstance(exc, OSError) or exc.errno not in _MACHINE:
        return None
    where = f"{exc.filename}: " if exc.filename else (
        f"{_folder(near)}: " if isinstance(near, Path) else "")
    return (f"briefing: {where}cannot write ({_MACHINE[exc.errno]}) and build again; the "
            "previous outputs were kept")


def _folder(path: Path) -> Path:
    """The folder a user knows ``path`` by: not a build's own hidden folders."""
    folder = path.parent
    while ".build-" in folder.name or folder.name.startswith(".attempt-"):
        folder = folder.parent
    return folder


def in_stage(briefing: str, stage: str, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``; a bug raised in it comes out as a StageError naming where, a full
    disk or a folder without permission as a FilesystemError."""
    try:
        return fn(*args)
    except (ContentError, StageError, FilesystemError):
        raise
    except Exception as exc:
        if message := filesystem_message(exc, next((a for a in args if isinstance(a, Path)),
                                                   None)):
            raise FilesystemError(message) from None
        raise StageError(briefing, stage, _short(exc), traceback.format_exc()) from None


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def explain(exc: Exception, command: str, verbose: bool) -> tuple[int, str]:
    """The exit code and what the command line prints for an exception that escaped a
    command: 1 and one line for the machine's (a full disk), else 2 and one line for a
    bug, with ``verbose`` after its traceback."""
    if isinstance(exc, FilesystemError) or filesystem_message(exc):
        return 1, str(exc) if isinstance(exc, FilesystemError) else str(filesystem_message(exc))
    if isinstance(exc, StageError):
        line, details = f"briefing: {exc}", exc.details
    else:
        line = (f"briefing: internal error during '{command}' ({_short(exc)}); the previous "
                f"outputs were kept; {REPORT}")
        details = "".join(traceback.format_exception(exc))
    return 2, f"{details.rstrip()}\n{line}" if verbose else line


def _unraisable(info: sys.UnraisableHookArgs) -> None:
    if info.exc_type is not None and issubclass(info.exc_type, KeyboardInterrupt):
        # sent again from another thread, so that it arrives after this hook has returned
        threading.Timer(0.01, os.kill, (os.getpid(), signal.SIGINT)).start()
    else:
        sys.__unraisablehook__(info)


def keep_interrupts() -> None:
    """A Ctrl-C that lands where Python cannot raise it (a hook run while a worker is
    forked) is not lost with an "Exception ignored" traceback: it is sent again."""
    sys.unraisablehook = _unraisable
