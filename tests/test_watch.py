"""``briefing watch`` as a real process: builds, rebuilds on an edit, survives a content
error with the previous outputs kept, and stops cleanly on Ctrl-C (SIGINT)."""

from __future__ import annotations

import hashlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import ROOT, generations, published

DEADLINE_S = 60.0


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Watcher:
    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "builder", "watch", "--interval", "0.1"], cwd=cwd, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, *texts: str) -> str:
        """The next output line containing one of ``texts`` (fails after DEADLINE_S)."""
        end = time.monotonic() + DEADLINE_S
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, f"watcher exited: {self.seen}"
                continue
            self.seen.append(line)
            if any(t in line for t in texts):
                return line
        raise AssertionError(f"no line with {texts!r} within {DEADLINE_S} s: {self.seen}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=DEADLINE_S)
        finally:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            self.reader.join(timeout=DEADLINE_S)
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            while not self.lines.empty():
                self.seen.append(self.lines.get())


def test_watch_rebuilds_on_edit_keeps_outputs_on_error_and_stops(tiny: Path) -> None:
    out = tiny / "output" / "tiny"
    part = tiny / "content" / "tiny" / "part.yaml"
    w = Watcher(tiny)
    try:
        w.wait_for("built in")
        first = _digests(out)
        assert {"tiny.pdf", "tiny.pptx"} <= set(first)

        part.write_text(part.read_text().replace("A paragraph", "An edited paragraph"))
        ready = w.wait_for("PDF ready in")  # the new PDF first, the rest after
        assert ready.endswith("output/tiny.preview.pdf")
        assert "rebuilt in" in w.wait_for("rebuilt in")
        second = _digests(out)
        assert (tiny / "output" / "tiny.preview.pdf").read_bytes() == (out / "tiny.pdf").read_bytes()
        assert second["tiny.pdf"] != first["tiny.pdf"]
        assert second["tiny.pptx"] != first["tiny.pptx"]

        part.write_text(part.read_text().replace("title: Introduction", "titel: Introduction"))
        w.wait_for("unknown key 'titel' in section")
        w.wait_for("previous outputs kept")
        assert _digests(out) == second

        part.write_text(part.read_text().replace("titel: Introduction", "title: Introduction"))
        w.wait_for("rebuilt in", "up to date")  # the watcher kept going
    finally:
        code = w.stop()
    assert code == 0
    assert any(line.endswith(" stopped") for line in w.seen), w.seen
    # the set published and the one before it; nothing left of the build with errors
    assert published(tiny / "output", "tiny") in generations(tiny / "output", "tiny")
    assert len(generations(tiny / "output", "tiny")) == 2
