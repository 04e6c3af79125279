"""Known inconsistencies of published tables are accepted in the content, next to the
table, with a reason: ``check --strict`` passes on the shipped content and fails on a new
inconsistency, or on an accepted one that no longer occurs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.content.conftest import PART, Load

P = "content/demo/part.yaml"
PART1 = "content/shared/scr-2017-19/part1.yaml"
KEEP = "the published figures are kept as printed; check the source"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def test_strict_check_passes_on_the_shipped_content(shipped: Path) -> None:
    run = run_cli(shipped, "check", "--strict")
    assert run.returncode == 0, run.stderr
    assert run.stdout == "1 briefing checked; no errors\n"


def test_strict_check_fails_on_a_new_inconsistency(shipped: Path) -> None:
    part1 = shipped / PART1
    text = part1.read_text(encoding="utf-8")
    old = '"Fatal physical abuse", "46 (22%)"'
    assert text.count(old) == 1
    part1.write_text(text.replace(old, '"Fatal physical abuse", "46 (23%)"'), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    run = run_cli(shipped, "check", "--strict")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"{PART1}:{line}: table-1 (Table 1), row 'Fatal physical abuse', column 'deaths_2014_17': "
        f"stated 23% but 46/206 = 22.3%; {KEEP}",
        "1 problem in content; nothing was built"]
    assert run_cli(shipped, "check").returncode == 0


UNEVEN = PART.replace('            - [Accident, "7 (70%)"]', '            - [Accident, "6 (70%)"]')


def test_an_accepted_inconsistency_is_not_reported(load: Load) -> None:
    _, problems = load(part=UNEVEN)
    assert problems == [
        f"{P}:14: warning: table-1 (Table 1), column 'd2017': the rows add up to 9 but n = 10; "
        f"{KEEP}",
        f"{P}:17: warning: table-1 (Table 1), row 'Accident', column 'd2017': stated 70% but "
        f"6/10 = 60.0%; {KEEP}"]
    accepted = UNEVEN.replace("          chart: c1", """\
          chart: c1
          accept:
            - column: d2017
              reason: As published.
            - column: d2017
              row: Accident
              reason: As published.""")
    _, problems = load(part=accepted)
    assert problems == []


def test_an_accepted_inconsistency_that_no_longer_occurs(load: Load) -> None:
    accepted = PART.replace("          chart: c1", """\
          chart: c1
          accept:
            - column: d2017
              row: Acident
              reason: As published.""")
    _, problems = load(part=accepted)
    assert problems == [
        f"{P}:20: warning: table-1 (Table 1): the accepted inconsistency in row 'Acident', "
        "column 'd2017' no longer occurs (or names no such row or column); remove this entry "
        "from accept:"]


def test_an_acceptance_needs_a_reason(load: Load) -> None:
    accepted = PART.replace("          chart: c1", """\
          chart: c1
          accept:
            - column: d2017""")
    _, problems = load(part=accepted)
    assert problems == [
        f"{P}:20: accept entry is missing 'reason'; add a reason: line",
        f"{P}:20: warning: table-1 (Table 1): the accepted inconsistency in column 'd2017' no "
        "longer occurs (or names no such row or column); remove this entry from accept:"]
