"""Reading the project's input files: only regular files, each checked on the descriptor
that is then read (so a file swapped for a FIFO or a link to a device in between is still
refused), with one bounded read. A FIFO would hang a build, a link to ``/dev/zero`` grow it
until the machine runs out of memory, a link loop end it with an ``OSError``: each is a
one-line answer instead. And the walk that finds briefings under ``content/``, which
follows no link out of it, visits no folder twice and reports the folders it cannot read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from builder.limits import FILE_BYTES, Limit

_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def what_is(path: Path) -> str:
    """Why ``path`` is not a readable regular file ("does not exist", "is a named pipe
    (FIFO)", ...), or "" when it is one."""
    try:
        st = path.stat()
    except OSError as exc:
        return _os_reason(exc)
    kind = _KINDS.get(stat.S_IFMT(st.st_mode))
    return f"is {kind}, not a file" if kind else ""


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "is a link that leads back to itself (a loop)"
    if exc.errno == errno.ENOENT:
        return "does not exist" + (" (a link to nothing)" if exc.filename and Path(
            exc.filename).is_symlink() else "")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot be read (permission denied); check the file's permissions"
    return f"cannot be read ({exc.strerror or exc})"


def read_regular(path: Path, limit: Limit = FILE_BYTES) -> bytes | str:
    """The bytes of ``path``, or why it cannot be read: not a regular file, over
    ``limit``, or an error of the system (phrased to follow the file's name)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return _os_reason(exc)
    st = os.fstat(fd)  # before fdopen, which refuses a folder with an exception
    kind = _KINDS.get(stat.S_IFMT(st.st_mode))
    if kind or not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return f"is {kind or 'not a regular file'}, not a file"
    with os.fdopen(fd, "rb") as handle:
        if why := limit.over(st.st_size, "it"):
            return why.removeprefix("it ")
        data = handle.read(limit.value + 1)
    if why := limit.over(len(data), "it"):  # it grew while being read
        return why.removeprefix("it ")
    return data


def find_files(base: Path, name: str) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every file called ``name`` under ``base`` (sorted), following links to folders only
    while they stay inside ``base`` and visiting each real folder once; and the folders
    that could not be read or that link elsewhere, each with why."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    top = base.resolve()
    seen: set[Path] = set()
    pending = [base]
    while pending:
        folder = pending.pop()
        real = folder.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append((folder, _os_reason(exc)))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name == name:
                found.append(path)
            elif _is_folder(entry, path, top, problems):
                pending.append(path)
    return sorted(found), problems


def _is_folder(entry: os.DirEntry[str], path: Path, top: Path,
               problems: list[tuple[Path, str]]) -> bool:
    if entry.name.startswith("."):
        return False
    try:
        if not entry.is_dir():
            return False
        if entry.is_symlink() and not path.resolve().is_relative_to(top):
            problems.append((path, "is a link to a folder outside content/, so its "
                             "briefings are not built; move the folder into content/ or "
                             "remove the link"))
            return False
    except OSError as exc:
        problems.append((path, _os_reason(exc)))
        return False
    return True
