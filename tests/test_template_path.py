"""An organisation's deck template named next to briefing.yaml is found relative to that
file by ``check`` and by ``build``; one that lacks what the deck needs fails ``check``."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from pptx import Presentation

from builder.deck.template import build_template
from builder.theme import load_theme
from tests.conftest import ROOT, run_cli

BRIEFING = "content/tiny/briefing.yaml"


def _use_template(tiny: Path, name: str) -> None:
    path = tiny / BRIEFING
    path.write_text(path.read_text() + f"template: {name}\n")


def test_a_template_beside_the_briefing_is_used(tiny: Path) -> None:
    prs = build_template(load_theme())
    prs.core_properties.title = "Org template"
    prs.save(str(tiny / "content/tiny/org.pptx"))
    _use_template(tiny, "org.pptx")
    check = run_cli(tiny, "check")
    assert check.returncode == 0, check.stderr
    build = run_cli(tiny, "build")
    assert build.returncode == 0, build.stderr
    with zipfile.ZipFile(tiny / "output/tiny/tiny.pptx") as deck:
        assert "ppt/slideLayouts/slideLayout1.xml" in deck.namelist()


def test_a_template_lacking_layouts_fails_check(tiny: Path) -> None:
    plain = Presentation()
    plain.slide_width, plain.slide_height = 12192000, 6858000  # type: ignore[assignment]
    plain.save(str(tiny / "content/tiny/plain.pptx"))  # 16:9, python-pptx's layouts
    _use_template(tiny, "plain.pptx")
    run = run_cli(tiny, "check")
    assert run.returncode == 1, run.stderr
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"{BRIEFING}:1: template ")
    assert "cannot be used; it lacks: layout 'Title'" in first
    assert "Traceback" not in run.stderr


def _tool(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "builder.deck.template", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_template_tool_explains_itself_and_writes_only_pptx(tmp_path: Path) -> None:
    run = _tool(tmp_path, "--help")
    assert run.returncode == 0 and run.stdout.startswith("usage: python -m builder.deck.template")
    run = _tool(tmp_path, "org.potx")
    assert run.returncode == 1
    assert run.stderr == ("org.potx: the template is written as a .pptx file; give a name "
                          "ending .pptx\n")
    assert list(tmp_path.iterdir()) == []
    assert _tool(tmp_path, "org.pptx").returncode == 0
    assert Presentation(str(tmp_path / "org.pptx")).slide_layouts.get_by_name("Title")
