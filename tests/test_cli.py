"""Command-line conventions: --version, running from any folder inside the project, and
exit 2 only for a bug (a mistyped command is the user's: exit 1 with usage)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli


def test_version(tmp_path: Path) -> None:
    run = run_cli(tmp_path, "--version")
    assert run.returncode == 0
    assert run.stdout.startswith("briefing ") and run.stdout.strip() != "briefing"


def test_check_and_build_from_a_folder_inside_the_project(tiny: Path) -> None:
    inside = tiny / "content" / "tiny"
    run = run_cli(inside, "check", ".")
    assert run.returncode == 0, run.stderr
    assert run.stdout == "1 briefing checked; no errors\n"
    run = run_cli(inside, "build", "--out", "here")
    assert run.returncode == 0, run.stderr
    assert (inside / "here/tiny/tiny.pdf").is_file()  # --out as the user meant it
    assert not (tiny / "output/tiny").exists()


def test_messages_name_files_from_the_project_folder(tiny: Path) -> None:
    part = tiny / "content/tiny/part.yaml"
    part.write_text(part.read_text().replace("title: Introduction", "titel: Introduction"))
    run = run_cli(tiny / "content", "check")
    assert run.returncode == 1
    assert "content/tiny/part.yaml:5: unknown key 'titel' in section; did you mean 'title'?" in (
        run.stderr)


def test_outside_any_project(tmp_path: Path) -> None:
    run = run_cli(tmp_path, "check")
    assert run.returncode == 1
    assert run.stderr == (f"briefing: no project here: {tmp_path} is not inside a folder "
                          "holding content/; run briefing in the project folder or one below "
                          "it\n")


def test_a_mistyped_command_exits_1_with_usage(tiny: Path) -> None:
    run = run_cli(tiny, "biuld")
    assert run.returncode == 1
    assert run.stderr.startswith("usage: briefing")
    assert "invalid choice: 'biuld'" in run.stderr
    assert run_cli(tiny, "build", "--nope").returncode == 1


def test_make_clean_leaves_nothing_behind(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    assert any(p.name.startswith(".") for p in (tiny / "output").iterdir())  # locks and such
    (tiny / "output/.gitkeep").touch()
    run = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "clean"], cwd=tiny,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [p.name for p in (tiny / "output").iterdir()] == [".gitkeep"]
    assert not (tiny / ".cache").exists()


def test_files_are_written_with_the_users_umask(tiny: Path) -> None:
    def build_with(mask: int) -> set[str]:
        for folder in ("output", ".cache"):
            shutil.rmtree(tiny / folder, ignore_errors=True)
        run = subprocess.run([sys.executable, "-m", "builder", "build", "--force"], cwd=tiny,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                             text=True, preexec_fn=lambda: os.umask(mask))
        assert run.returncode == 0, run.stderr
        made = [p for folder in ("output", ".cache") for p in (tiny / folder).rglob("*")
                if not p.is_symlink() and not p.name.endswith(".lock")]
        return {oct(p.stat().st_mode & 0o777) for p in made}

    assert build_with(0o027) == {oct(0o640), oct(0o750)}
    assert build_with(0o022) == {oct(0o644), oct(0o755)}


SUMMARY = re.compile(r"built output/tiny/ in \d+\.\d s: PDF \d+ pages, \d+ KB; (?:(?:deck \d+ "
                     r"slides, \d+ KB|handout \d+ pages?, \d+ KB|session plan \d+ pages? \(90 min\)"
                     r"); ){3}1 chart \(1 redrawn\)\n")  # the outputs in the order they end


def test_a_summary_per_briefing_on_stdout_and_quiet_and_verbose(tiny: Path) -> None:
    part = tiny / "content/tiny/part.yaml"
    part.write_text(part.read_text().replace("alt: Alpha 6, Beta 4.", "alt: ''"))
    run = run_cli(tiny, "build")
    assert run.returncode == 0, run.stderr
    assert SUMMARY.fullmatch(run.stdout), run.stdout
    assert "warning: chart 'table-1-chart' has no alt text" in run.stderr
    quiet = run_cli(tiny, "build", "-q", "--force")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = run_cli(tiny, "-v", "build", "--force")
    assert verbose.returncode == 0
    assert re.search(r"^\[ *\d+\.\d+s\] tiny: pdf made$", verbose.stderr, re.M), verbose.stderr
    assert run_cli(tiny, "-q", "-v", "check").returncode == 1  # one or the other


def test_only_the_pdf_remakes_what_cites_its_pages_when_they_move(tiny: Path) -> None:
    """``--only pdf`` after an edit that moves the Data section two pages on: the deck,
    handout and session plan, which cite its page, are made again with it rather than
    kept citing the old page."""
    assert run_cli(tiny, "build").returncode == 0
    out = tiny / "output/tiny"
    before = {p.name: p.read_bytes() for p in out.glob("*.p*")}
    part = tiny / "content/tiny/part.yaml"
    filler = "".join(f"      - p: Filler paragraph {n} of the introduction, long enough to fill "
                     "a line or two of the page when it is laid out.\n" for n in range(60))
    part.write_text(part.read_text().replace("      - bullets:", filler + "      - bullets:"))
    run = run_cli(tiny, "build", "--only", "pdf")
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("; kept from the last build: charts, press\n"), run.stdout
    after = {p.name: p.read_bytes() for p in out.glob("*.p*")}
    assert after.keys() == before.keys()
    # the deck's notes and the session plan cite the Data section's page (the handout
    # cites no page that moved: made again, the same bytes)
    assert [n for n in after if after[n] == before[n]] == ["tiny-handout.pdf"]


def test_strict_is_part_of_what_makes_a_build_unchanged(tiny: Path) -> None:
    part = tiny / "content/tiny/part.yaml"
    part.write_text(part.read_text().replace("alt: Alpha 6, Beta 4.", "alt: ''"))
    assert run_cli(tiny, "build").returncode == 0
    strict = run_cli(tiny, "build", "--strict")
    assert strict.returncode == 1
    assert "nothing changed" not in strict.stderr
    assert "table-1-chart' has no alt text" in strict.stderr


def test_only_some_outputs(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    out = tiny / "output/tiny"
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    part = tiny / "content/tiny/part.yaml"
    part.write_text(part.read_text().replace("A paragraph with", "A changed paragraph with"))
    run = run_cli(tiny, "build", "--only", "pdf")
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("; kept from the last build: charts, deck, handout, press, "
                               "session-plan\n"), run.stdout
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after.keys() == before.keys()
    changed = {p for p in after if after[p] != before[p]}
    assert changed == {Path("tiny.pdf")}
    deck = run_cli(tiny, "build", "--only", "deck")  # it cites the PDF's pages: both made
    assert deck.returncode == 0, deck.stderr
    assert deck.stdout.endswith("; kept from the last build: charts, handout, press, "
                                "session-plan\n"), deck.stdout
    wrong = run_cli(tiny, "build", "--only", "pdf,slides")
    assert (wrong.returncode, wrong.stderr) == (
        1, "briefing: --only takes charts, deck, handout, pdf, press, session-plan; not "
        "slides\n")
