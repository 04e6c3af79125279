"""The no-change fast path: a fingerprint of every input, checked without importing
YAML, reportlab, python-pptx or matplotlib (nor the model, nor multiprocessing).

Inputs are every file under content/ and assets/, the builder's own source, the Python
version and the installed distributions (their names carry their versions); outputs are
remembered by size and mtime.

The check is cheap: the inputs' (path, size, mtime) are compared first; only when they
differ (a touched or edited file) are the contents hashed and compared, so a file saved
without a change does not cause a rebuild. A file modified within ``RACY_S`` seconds
before the stamp was written may have been modified again within the same mtime tick;
its contents are always hashed (as git does for "racily clean" files).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAMPS = Path(".cache") / "stamps"
RACY_S = 2.0
HASH_BYTES = 64_000_000  # larger inputs are refused anyway; they are known by size and time


def key(paths: list[str], out: Path, strict: bool = False, only: frozenset[str] = frozenset(),
        printing: str | None = None) -> str:
    """Which build a stamp is for: its briefings, output folder, strictness, outputs and
    ``--print``."""
    raw = json.dumps([sorted(paths), str(out)] + ([strict, sorted(only)] if strict or only
                                                  else []) + ([printing] if printing else []))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _walk(folder: str, found: list[str], seen: set[tuple[int, int]], top: str = "") -> None:
    """Every file under ``folder``; a folder reached again (a link loop, or two links to
    one folder) is walked once, and a link to a folder outside ``top`` (which the builder
    does not read either) not at all."""
    top = top or os.path.realpath(folder)
    try:
        st = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:  # a link that loops
            is_dir = False
        if is_dir:
            outside = entry.is_symlink() and not (
                os.path.realpath(entry.path) + os.sep).startswith(top + os.sep)
            if not entry.name.startswith((".", "__")) and not outside:
                _walk(entry.path, found, seen, top)
        elif not entry.name.endswith(".pyc"):
            found.append(entry.path)


def _files(root: Path, *, source: bool = True) -> list[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for folder in (root / "content", root / "assets", *((HERE,) if source else ())):
        _walk(str(folder), found, seen)
    return found


def content_state(root: Path) -> list[list[object]]:
    """Path, size and mtime of every file under content/ and assets/ (for ``watch``)."""
    return _stats(_files(root, source=False))


def _environment() -> str:
    """The Python version and every installed distribution (name and version)."""
    dists: list[str] = []
    for entry in sys.path:
        if entry.endswith("-packages"):
            try:
                dists += sorted(n for n in os.listdir(entry) if n.endswith(".dist-info"))
            except OSError:
                pass
    return json.dumps([sys.version, sys.executable, dists])


def _stats(files: list[str]) -> list[list[object]]:
    state: list[list[object]] = []
    for f in files:
        try:
            st = os.stat(f)
            state.append([f, st.st_size, st.st_mtime_ns])
        except OSError:
            state.append([f, -1, 0])
    return state


def _digest(path: str) -> str:
    """The contents' hash of a regular file read in chunks up to ``HASH_BYTES`` (beyond:
    its size and time); never a read of a FIFO, a device or a socket (the builder refuses
    them as inputs, with a message, when it reads the content)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return "<unreadable>"
    st = os.fstat(fd)  # before fdopen, which refuses a folder with an exception
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return f"<not a file: {stat.S_IFMT(st.st_mode)}>"
    with os.fdopen(fd, "rb") as handle:
        if st.st_size > HASH_BYTES:
            return f"<{st.st_size} bytes at {st.st_mtime_ns}>"
        digest = hashlib.sha256()
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
        return digest.hexdigest()


class Snapshot:
    """The inputs as a build is about to read them (no dataclasses: a cheap import)."""

    __slots__ = ("stats", "digests", "environment", "taken")

    def __init__(self, stats: list[list[object]], digests: dict[str, str], environment: str,
                 taken: float) -> None:
        self.stats, self.digests, self.environment, self.taken = (
            stats, digests, environment, taken)

    @property
    def inputs(self) -> str:
        digest = hashlib.sha256(self.environment.encode())
        for path, _, _ in self.stats:
            digest.update(str(path).encode())
            digest.update(self.digests[str(path)].encode())
        return digest.hexdigest()


def snapshot(root: Path) -> Snapshot:
    taken = time.time()
    files = _files(root)
    stats = _stats(files)
    return Snapshot(stats, {f: _digest(f) for f in files}, _environment(), taken)


def _outputs_state(paths: list[str]) -> list[list[object]]:
    state: list[list[object]] = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            return []
        state.append([p, st.st_size, st.st_mtime_ns])
    return state


def unchanged(root: Path, build_key: str) -> bool:
    """True when the inputs and the outputs are exactly as the last successful build left them."""
    try:
        saved = json.loads((root / STAMPS / build_key).read_text())
    except (OSError, ValueError):
        return False
    if not isinstance(saved, dict) or not saved.get("outputs"):
        return False
    if _outputs_state([o[0] for o in saved["outputs"]]) != saved["outputs"]:
        return False
    files = _files(root)
    if _stats(files) == saved.get("stats") and saved.get("environment") == _environment():
        return all(_digest(f) == d for f, d in saved.get("racy", {}).items())
    return bool(saved.get("inputs") == snapshot(root).inputs)


def record(root: Path, build_key: str, outputs: list[Path], before: Snapshot) -> None:
    """Remember the inputs (as ``before``, taken when the build started) and the outputs
    of a successful build. A file edited while the build ran no longer matches."""
    folder = root / STAMPS
    folder.mkdir(parents=True, exist_ok=True)
    recent = (before.taken - RACY_S) * 1e9
    data = {
        "inputs": before.inputs,
        "environment": before.environment,
        "stats": before.stats,
        "racy": {str(f): before.digests[str(f)] for f, _, m in before.stats
                 if isinstance(m, int) and m >= recent},
        "outputs": _outputs_state([str(o) for o in outputs]),
    }
    tmp = folder / f"{build_key}.tmp{os.getpid()}"
    tmp.write_text(json.dumps(data))
    os.replace(tmp, folder / build_key)
