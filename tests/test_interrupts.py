"""Builds killed or interrupted at random moments: what is published is always one whole
set of outputs from one build, and an interrupted build says truly whether it published.

Each build changes a paragraph, a footnote and a chart title to "version K", so every
file says which build made it: the PDF's text, the deck's notes and the chart SVG."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from builder.gate import check_output
from tests.conftest import ROOT, generations, published

KILLS = 14
VERSION = re.compile(r"version (\d+)")


def _write_version(project: Path, k: int) -> None:
    part = project / "content" / "tiny" / "part.yaml"
    text = re.sub(r"A paragraph( at version \d+)?", f"A paragraph at version {k}",
                  part.read_text())
    part.write_text(re.sub(r"title: Counts by category( at version \d+)?",
                           f"title: Counts by category at version {k}", text))


def _versions_published(out: Path) -> set[int]:
    """Every version each published file names (a mix shows as more than one)."""
    folder = published(out, "tiny")
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert names == {"tiny.pdf", "tiny.pptx", "tiny-handout.pdf", "tiny-session-plan.pdf",
                     "charts/table-1-chart.svg", "charts/table-1-chart.png",
                     "charts/table-1-chart.txt"}
    for name in names - {"charts/table-1-chart.txt"}:
        assert check_output(folder / name) == [], name
    pdf = " ".join(page.extract_text() for page in PdfReader(folder / "tiny.pdf").pages)
    from pptx import Presentation

    deck = Presentation(str(folder / "tiny.pptx"))
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in deck.slides
                     if s.has_notes_slide)
    svg = (folder / "charts" / "table-1-chart.svg").read_text()
    alt = (folder / "charts" / "table-1-chart.txt").read_text()
    found = [set(map(int, VERSION.findall(text))) for text in (pdf, notes, svg, alt)]
    assert all(found), found
    return set().union(*found)


def _start(project: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "builder", "build", "--force"], cwd=project,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def test_killed_and_interrupted_builds_leave_one_whole_set(tiny: Path) -> None:
    out = tiny / "output"
    _write_version(tiny, 0)
    started = time.monotonic()
    first = _start(tiny)
    assert first.communicate(timeout=300)[1] is not None and first.returncode == 0
    whole = time.monotonic() - started
    shown = 0
    rng = random.Random(13)
    for k in range(1, KILLS + 1):
        _write_version(tiny, k)
        proc = _start(tiny)
        # kills spread over the whole build, half of them near its end (publishing)
        time.sleep(rng.uniform(0, whole * 1.1) if k % 2 else rng.uniform(whole * 0.7,
                                                                         whole * 1.1))
        how = signal.SIGKILL if k % 3 == 0 else signal.SIGINT  # Ctrl-C reaches the group
        try:
            os.killpg(proc.pid, how)
        except ProcessLookupError:
            pass
        _, stderr = proc.communicate(timeout=300)
        now = _versions_published(out)
        assert len(now) == 1, (k, now)
        assert now <= {shown, k}, (k, now, shown)
        if how == signal.SIGINT and proc.returncode == 130:
            assert "Traceback" not in stderr, stderr
            claim = stderr.strip().splitlines()[-1]
            if now == {k}:
                assert claim == "interrupted; published the new outputs of tiny", stderr
            else:
                assert claim in ("interrupted; kept the previous outputs of tiny",
                                 "interrupted; nothing was built"), stderr
        shown = now.pop()
    after = _start(tiny)  # whatever the kills left, the next build is clean
    after.communicate(timeout=300)
    assert after.returncode == 0
    assert len(generations(out, "tiny")) == 2
    assert not list(out.glob(".tiny.link-*"))
