"""The no-change fast path: a fingerprint of every input, checked without importing
YAML, reportlab, python-pptx or matplotlib.

Inputs are every file under content/ and assets/, the builder's own source, and the
versions of the libraries that render; outputs are remembered by size and mtime.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAMPS = Path(".cache") / "stamps"


def key(paths: list[str], out: Path) -> str:
    raw = json.dumps([sorted(paths), str(out)])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder in (root / "content", root / "assets", HERE):
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
            found += [Path(dirpath) / f for f in sorted(filenames) if not f.endswith(".pyc")]
    return found


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for path in _files(root):
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


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
    if not saved.get("outputs") or saved.get("inputs") != fingerprint(root):
        return False
    return bool(_outputs_state([o[0] for o in saved["outputs"]]) == saved["outputs"])


def record(root: Path, build_key: str, outputs: list[Path]) -> None:
    folder = root / STAMPS
    folder.mkdir(parents=True, exist_ok=True)
    data = {"inputs": fingerprint(root), "outputs": _outputs_state([str(o) for o in outputs])}
    tmp = folder / f"{build_key}.tmp{os.getpid()}"
    tmp.write_text(json.dumps(data))
    os.replace(tmp, folder / build_key)
