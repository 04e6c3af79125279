"""Shared test helpers: a tiny project on disk, and the CLI run as a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a failure found once is then a reproducible bug to
# fix, not a flaky landing); on a laptop, hypothesis explores new examples each run.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

MINIMAL_BRIEFING = """\
id: tiny
title: A tiny briefing
subtitle: "Learning for the future: a test"
series: Test series
date: December 2022
publisher:
  name: Test Publisher
  address: [1 Test Street, Testtown]
authors: [A. Author]
parts:
  - include: part.yaml
references:
  - id: ref-one
    text: "Author, A. (2020). *A book*. Publisher."
    url: https://example.org/book
"""

MINIMAL_PART = """\
id: part-1
title: "Part 1: Everything"
sections:
  - id: intro
    title: Introduction
    blocks:
      - p: "A paragraph with *emphasis* and a note.{fn:note-one}"
      - bullets: [first point, second point]
      - learning_points: [Learn this, And this]
  - id: data
    title: Data
    blocks:
      - p: "As said before ({see:intro})."
      - table:
          id: table-1
          number: 1
          title: Counts
          columns:
            - {key: category, label: Category}
            - {key: c, label: "Number (%) n=10", n: 10, partition: true}
          rows:
            - [Alpha, "6 (60%)"]
            - [Beta, "4 (40%)"]
          chart: table-1-chart
charts:
  - id: table-1-chart
    kind: hbar
    source: table-1
    category: label
    series: [{column: c, label: Number}]
    unit: count
    title: Counts by category
    alt: Alpha 6, Beta 4.
footnotes:
  - id: note-one
    text: A footnote.
"""


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> text, dedented) under ``root``; return root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A project folder holding one small valid briefing at content/tiny/."""
    return write_project(tmp_path, {"content/tiny/briefing.yaml": MINIMAL_BRIEFING,
                                    "content/tiny/part.yaml": MINIMAL_PART})


def run_cli(cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m builder ARGS`` in ``cwd`` as a separate process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def need_tool(name: str) -> None:
    """Skip when an external tool is missing on a laptop; fail in CI, where it must be there."""
    if shutil.which(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI but is not installed")
        pytest.skip(f"{name} not installed")


def generations(out: Path, briefing_id: str) -> list[Path]:
    """The generation folders of a briefing in an output folder (see builder/publish.py)."""
    return sorted(p for p in out.glob(f".{briefing_id}.build-*") if p.is_dir())


def published(out: Path, briefing_id: str) -> Path:
    """The generation ``out/ID`` links to (asserting it is a link to one)."""
    link = out / briefing_id
    assert link.is_symlink(), f"{link} is not a link to a generation"
    target = out / os.readlink(link)
    assert target in generations(out, briefing_id)
    return target
