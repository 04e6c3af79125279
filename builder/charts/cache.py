"""The chart cache: one file per drawn chart, named by its key, checked on every read.

An entry holds the SVG and the PNG with a digest of both. A damaged entry (cut short,
edited, a disk error) fails the check and reads as missing, so the chart is drawn again
rather than published broken. Entries are written through a temporary file and renamed,
so concurrent builds sharing the cache only ever see whole entries.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from pathlib import Path

MAGIC = b"briefing-chart-1\n"
_HEAD = struct.Struct(">Q32s")  # SVG length, sha256 of SVG + PNG


def _path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{key}.chart"


def read_entry(cache_dir: Path, key: str) -> tuple[bytes, bytes] | None:
    """(SVG, PNG) of the chart with this key, or None when there is no whole, undamaged entry."""
    try:
        raw = _path(cache_dir, key).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + _HEAD.size
    if not raw.startswith(MAGIC) or len(raw) < head:
        return None
    svg_len, digest = _HEAD.unpack_from(raw, len(MAGIC))
    body = raw[head:]
    if svg_len > len(body) or hashlib.sha256(body).digest() != digest:
        return None
    return body[:svg_len], body[svg_len:]


def has_entry(cache_dir: Path, key: str) -> bool:
    return read_entry(cache_dir, key) is not None


def write_entry(cache_dir: Path, key: str, svg: bytes, png: bytes) -> None:
    """Store the chart under its key (atomically: readers see the old entry or this one)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    body = svg + png
    data = MAGIC + _HEAD.pack(len(svg), hashlib.sha256(body).digest()) + body
    fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=cache_dir)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            umask = os.umask(0o022)
            os.umask(umask)
            os.fchmod(f.fileno(), 0o666 & ~umask)  # as any new file (mkstemp makes it 0600)
        os.replace(tmp, _path(cache_dir, key))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
