"""``briefing new``: a second sector briefing of the 2017-19 series, made as an editor
would (from a folder inside the project), builds at once; filled in, its PDF has the
shared Part 1 with its own "who this briefing is for", every reference Part 1 cites, and
no sentence of the health briefing's sector text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builder.content import load_briefing
from builder.model import Briefing, plain_text
from tests.conftest import ROOT, need_tool, run_cli
from tests.texts import blocks, inlines

SLOT = "who-this-briefing-is-for"
EDUCATION_WHO = """\
    - p: >-
        Schools, colleges and early years settings see children every day. This
        briefing{fn:language} is for everyone who works in education and early help,
        including:
    - bullets:
        - Designated safeguarding leads and their deputies
        - Teachers, teaching assistants and pastoral staff
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("content", "assets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def _new(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project / "content" / "health", "new", *args)  # from inside the project


def _health() -> Briefing:
    health, _ = load_briefing(ROOT / "content/health/briefing.yaml", ROOT)
    assert health is not None
    return health


def _pdf_words(pdf: Path) -> str:
    """The PDF's text as one run of words (lines broken at a hyphen joined back)."""
    need_tool("pdftotext")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(re.sub(r"-\n", "-", text.replace("\u00ad", "")).split())


def _fill(project: Path) -> None:
    path = project / "content/education/briefing.yaml"
    text = path.read_text(encoding="utf-8")
    filled = re.sub(r'  who-this-briefing-is-for:\n(    #.*\n)*    - p: "TODO: [^"]*"\n',
                    f"  {SLOT}:\n{EDUCATION_WHO}", text)
    assert filled != text
    filled = (filled.replace('"TODO: the subtitle on the cover"',
                             '"Learning for the future: Messages for education"')
              .replace('"TODO: a short title for the running header"', "Messages for education")
              .replace('"TODO: the sector this briefing is for"', "Education"))
    path.write_text(filled, encoding="utf-8")


def test_new_writes_files_that_check_with_the_places_to_fill(project: Path) -> None:
    run = _new(project, "education", "--series", "scr-2017-19")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["created content/education/briefing.yaml",
                                       "created content/education/part2.yaml"]
    check = run_cli(project, "check", "content/education")
    assert check.returncode == 0, check.stderr
    todo = [line for line in check.stderr.splitlines() if "placeholder 'TODO:" in line]
    assert len(todo) == 9
    text = (project / "content/education/briefing.yaml").read_text()
    line = text[: text.index("TODO: who")].count("\n") + 1
    assert (f"content/education/briefing.yaml:{line}: warning: placeholder 'TODO: who this "
            "briefing is for' is still to be written; replace it with this briefing's own "
            "text") in todo
    assert run_cli(project, "check", "--strict", "content/education").returncode == 1
    schema = project / "schema/briefing.schema.json"
    assert schema.is_file()
    first = (project / "content/education/briefing.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/briefing.schema.json"


def test_new_refuses_a_taken_id_a_bad_id_and_an_unknown_series(project: Path) -> None:
    cases = [(("health",), "briefing new: content/health already exists; choose another id, "
              "or edit the briefing that is there"),
             (("Education!",), "briefing new: 'Education!' cannot be a briefing id: use a-z, "
              "0-9 and '-' (it names the folder and the output files)"),
             (("education", "--series", "scr"), "briefing new: there is no series 'scr' (no "
              "shared part in content/shared/scr); series here: scr-2017-19")]
    for args, message in cases:
        run = _new(project, *args)
        assert (run.returncode, run.stderr) == (1, message + "\n")
    assert not (project / "content/education").exists()


def test_a_second_sector_briefing_made_with_new(project: Path) -> None:
    assert _new(project, "education", "--series", "scr-2017-19").returncode == 0
    first = run_cli(project, "build", "content/education")  # builds at once, TODO: and all
    assert first.returncode == 0, first.stderr
    _fill(project)
    run = run_cli(project, "build", "content/education")
    assert run.returncode == 0, run.stderr
    words = _pdf_words(project / "output/education/education.pdf")
    health = _health()

    # the shared Part 1, with this briefing's own "who this briefing is for"
    assert "Schools, colleges and early years settings see children every day." in words
    assert "Teachers, teaching assistants and pastoral staff" in words
    part1 = [b for b in blocks(health) if b.at.path.startswith("content/shared/")]
    shared = [" ".join(plain_text(runs).split()) for b in part1 for runs in inlines(b)]
    assert len(shared) > 50
    missing = [t for t in shared if len(t) > 20 and t[:60] not in words]
    assert missing == []

    # every reference Part 1 cites, and none of Part 2's
    for ref in health.references:
        text = " ".join(plain_text(ref.text).split())[:60]
        assert (text in words) == ref.at.path.startswith("content/shared/"), ref.id

    # no sentence of the health briefing's sector text
    sector = [b for b in blocks(health) if b.at.path == "content/health/briefing.yaml"]
    sentences = [s for b in sector for runs in inlines(b)
                 for s in re.split(r"(?<=[.:])\s+", " ".join(plain_text(runs).split()))]
    assert len(sentences) >= 7
    assert [s for s in sentences if s[:40] in words] == []
    assert "health professionals" not in words
