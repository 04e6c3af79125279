"""A series shares its Part 1: a new sector briefing is its own Part 2, its own text for
the shared part's slots, and one include."""

from __future__ import annotations

import shutil
from pathlib import Path

from builder.content import discover, load_briefing
from tests.conftest import ROOT, run_cli, write_project

POLICE = """\
id: police-test
title: Triennial analysis of serious case reviews (SCRs) 2022
subtitle: "Learning for the future: a second sector"
series: Test series
date: December 2022
publisher:
  name: Test Publisher
authors: [A. Author]
slots:
  who-this-briefing-is-for:
    - p: This briefing{fn:language} is for all police officers and staff.
parts:
  - include: ../shared/scr-2017-19/part1.yaml
  - include: part2.yaml
"""

PART2 = """\
id: part-2
title: "Part 2: Learning for a second sector"
sections:
  - id: learning
    title: Learning
    blocks:
      - p: "As Part 1 says ({see:key-data}), the data come first."
"""


def test_a_second_sector_briefing_reuses_part_1_with_its_own_slot_text(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content" / "shared", tmp_path / "content" / "shared")
    shutil.copytree(ROOT / "content" / "health", tmp_path / "content" / "health")
    write_project(tmp_path, {"content/police/briefing.yaml": POLICE,
                             "content/police/part2.yaml": PART2})
    assert [p.parent.name for p in discover(tmp_path)] == ["health", "police"]
    police, problems = load_briefing(tmp_path / "content/police/briefing.yaml", tmp_path)
    health, _ = load_briefing(tmp_path / "content/health/briefing.yaml", tmp_path)
    assert police is not None and health is not None, [str(p) for p in problems]
    slot = "who-this-briefing-is-for"
    police_who = next(s for s in police.parts[0].sections if s.id == slot)
    health_who = next(s for s in health.parts[0].sections if s.id == slot)
    assert police_who.blocks[0].at.path == "content/police/briefing.yaml"
    assert police_who.blocks[1:] == health_who.blocks[2:]  # the shared text after the slot
    others = [s for s in police.parts[0].sections if s.id != slot]
    assert others == [s for s in health.parts[0].sections if s.id != slot]
    assert police.parts[0].shared and not police.parts[1].shared
    assert police.parts[0].at.path == "content/shared/scr-2017-19/part1.yaml"
    assert {c.id for c in police.charts} == {c.id for c in health.charts}
    run = run_cli(tmp_path, "check")
    assert run.returncode == 0, run.stderr
    assert "2 briefings checked; no errors" in run.stdout
