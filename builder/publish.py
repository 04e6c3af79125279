"""Publishing a briefing's outputs: all of them change together, or none do.

In the output folder, for a briefing with id ``ID``::

    ID                   a link to the current generation: the folder users open
    .ID.build-XXXXXXXX/  a generation: every file of one build
    .ID.lock             one build of a briefing at a time

A build writes a whole new generation, gates every file in it, and then publishes it
with one step: a new link renamed over ``ID`` (``os.replace``, atomic). A reader that
resolves ``ID`` (opens a file through it, or ``cd``s into it) sees the old set or the new
one, never a mix, and a crash at any moment leaves one complete set published. The
generation before the current one is kept until the next publish, so a reader that
resolved the link just before a switch can finish; older ones, and the folders of
builds that were killed, are removed after each publish.

The lock is ``flock``: the kernel releases it when its holder exits or is killed, so a
lock left by a dead build never blocks. A build that finds the lock held says so, and
gives up with a one-line message after ``wait_s`` seconds.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

GENERATION = ".{id}.build-"


class OutputError(Exception):
    """The output folder cannot be used; the message is one line naming the path and
    what to do."""


def _where(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def prepare(out: Path, briefing_id: str) -> None:
    """The output folder exists and ``out/ID`` is free for our link (OutputError if not)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{_where(out)}: is a file, not a folder; remove it or choose "
                          "another folder with --out") from None
    except OSError as exc:
        raise OutputError(f"{_where(out)}: cannot create the output folder "
                          f"({exc.strerror}); choose another folder with --out") from None
    target = out / briefing_id
    if target.exists() and not target.is_dir():
        raise OutputError(f"{_where(target)}: is a file where the outputs of "
                          f"'{briefing_id}' go; move it away or choose another --out")
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"{_where(out)}: cannot write to the output folder (permission "
                          "denied); fix its permissions or choose another --out")


def _acquire(path: Path, briefing_id: str, wait_s: float, say: Callable[[str], None]
             ) -> IO[str]:
    handle = open(path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        say(f"waiting for another build of {briefing_id} (process {holder}) to finish "
            f"(up to {wait_s:g} s)")
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise OutputError(
                        f"{_where(path)}: another build of {briefing_id} (process {holder}) "
                        f"still holds the lock after {wait_s:g} s; stop it, or wait longer "
                        "with --wait SECONDS") from None
                time.sleep(0.1)
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


@contextmanager
def locked(out: Path, ids: list[str], wait_s: float, say: Callable[[str], None]
           ) -> Iterator[None]:
    """Hold the lock of every briefing in ``ids`` (taken in sorted order, so two builds
    never wait for each other in a circle)."""
    with ExitStack() as stack:
        for briefing_id in sorted(set(ids)):
            handle = _acquire(out / f".{briefing_id}.lock", briefing_id, wait_s, say)
            stack.callback(handle.close)
            stack.callback(fcntl.flock, handle, fcntl.LOCK_UN)
        yield


def new_generation(out: Path, briefing_id: str) -> Path:
    """An empty folder for a build's files, beside the published ones (with the
    permissions of any new folder, not a temporary folder's owner-only ones)."""
    folder = Path(tempfile.mkdtemp(prefix=GENERATION.format(id=briefing_id), dir=out))
    umask = os.umask(0o022)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def is_published(out: Path, briefing_id: str, generation: Path) -> bool:
    """Whether ``generation`` is what ``out/ID`` shows now."""
    link = out / briefing_id
    return link.is_symlink() and os.readlink(link) == generation.name


def publish(out: Path, briefing_id: str, generation: Path) -> None:
    """Make ``generation`` the briefing's outputs in one atomic step, then remove every
    generation but it and the one it replaced."""
    for path in generation.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    link = out / briefing_id
    previous = os.readlink(link) if link.is_symlink() else None
    if link.is_dir() and previous is None:  # a folder an older builder wrote: it becomes
        legacy = out / (GENERATION.format(id=briefing_id) + "legacy")  # the previous set
        shutil.rmtree(legacy, ignore_errors=True)
        os.replace(link, legacy)
        previous = legacy.name
    temporary = out / f".{briefing_id}.link-{os.getpid()}"
    temporary.unlink(missing_ok=True)
    os.symlink(generation.name, temporary)
    os.replace(temporary, link)
    keep = {generation.name, previous}
    for old in out.glob(GENERATION.format(id=briefing_id) + "*"):
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in out.glob(f".{briefing_id}.link-*"):  # left by builds killed mid-switch
        stale.unlink(missing_ok=True)


def discard(generation: Path) -> None:
    """Remove a generation that will not be published."""
    shutil.rmtree(generation, ignore_errors=True)
