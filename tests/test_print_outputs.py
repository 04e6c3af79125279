"""The printing outputs in a real build: handout and session plan every time, the print
shop's PDF when asked for (briefing.yaml or --print), all named in the build summary,
gated and the same bytes from two processes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pypdf import PdfReader

from builder.gate import check_output
from tests.conftest import run_cli

PRINTED = ("tiny.pdf", "tiny-handout.pdf", "tiny-session-plan.pdf")


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*.pdf"))}


def test_every_build_makes_the_handout_and_the_session_plan(tiny: Path) -> None:
    run = run_cli(tiny, "build")
    assert run.returncode == 0, run.stderr
    out = tiny / "output" / "tiny"
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(PRINTED)
    for name in PRINTED:
        assert check_output(out / name) == []
    summary = run.stdout.strip().splitlines()[-1]
    assert re.search(r"handout \d+ pages?, \d+ KB", summary), summary
    assert re.search(r"session plan \d+ pages? \(90 min\)", summary), summary
    assert "press" not in summary


def test_print_press_adds_the_print_shops_pdf(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    run = run_cli(tiny, "build", "--print", "press")  # not "nothing changed"
    assert run.returncode == 0, run.stderr
    press = tiny / "output" / "tiny" / "tiny-press.pdf"
    assert "press PDF" in run.stdout and check_output(press) == []
    pages = PdfReader(press).pages
    assert len(pages) % 4 == 0 and all("/TrimBox" in p and "/BleedBox" in p for p in pages)
    briefing = tiny / "content" / "tiny" / "briefing.yaml"
    briefing.write_text(briefing.read_text() + "print: press\n")
    assert run_cli(tiny, "build", "--print", "screen").returncode == 0
    assert not press.exists()  # --print screen wins; the old one is not left behind
    assert run_cli(tiny, "build").returncode == 0
    assert press.exists()  # briefing.yaml asks for it


def test_printing_outputs_are_the_same_bytes_from_two_processes(tiny: Path) -> None:
    assert run_cli(tiny, "build", "--print", "press", "--out", "a").returncode == 0
    assert run_cli(tiny, "build", "--print", "press", "--out", "b", "--force").returncode == 0
    first = _digests(tiny / "a" / "tiny")
    assert len(first) == 4 and first == _digests(tiny / "b" / "tiny")
