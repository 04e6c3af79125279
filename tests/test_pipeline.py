"""The whole pipeline as editors and CI run it: exit codes, messages, atomic outputs."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_pdf_deck_and_charts(tiny: Path) -> None:
    run = run_cli(tiny, "build")
    assert run.returncode == 0, run.stderr
    out = tiny / "output" / "tiny"
    assert (out / "tiny.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "tiny.pptx").read_bytes().startswith(b"PK")
    assert {p.name for p in (out / "charts").iterdir()} == {
        "table-1-chart.svg", "table-1-chart.png", "table-1-chart.txt"}
    assert not [p for p in (tiny / "output").iterdir() if p.name.startswith(".tiny.") and p.is_dir()]


def test_content_error_exits_1_with_file_line_and_keeps_outputs(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    before = _digests(tiny / "output" / "tiny")
    part = tiny / "content" / "tiny" / "part.yaml"
    part.write_text(part.read_text().replace("title: Introduction", "titel: Introduction"))
    run = run_cli(tiny, "build")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "content/tiny/part.yaml:5: unknown key 'titel' in section; did you mean 'title'?" \
        in run.stderr.splitlines()
    assert _digests(tiny / "output" / "tiny") == before


def test_check_reports_every_problem_at_once(tiny: Path) -> None:
    part = tiny / "content" / "tiny" / "part.yaml"
    text = part.read_text().replace("title: Introduction", "titel: Introduction")
    part.write_text(text.replace("{see:intro}", "{see:intor}"))
    run = run_cli(tiny, "check")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "content/tiny/part.yaml:4: section is missing 'title'; add a title: line",
        "content/tiny/part.yaml:5: unknown key 'titel' in section; did you mean 'title'?",
        "content/tiny/part.yaml:13: cross-reference {see:intor} points nowhere; "
        "did you mean 'intro'?",
        "3 problems in content; nothing was built",
    ]


def test_nothing_changed_build_skips_without_heavy_imports(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    code = ("import sys; from builder.cli import main; rc = main(['build']); "
            "heavy = [m for m in ('yaml', 'reportlab', 'pptx', 'matplotlib') if m in sys.modules]; "
            "print(rc, heavy)")
    run = subprocess.run([sys.executable, "-c", code], cwd=tiny, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.stdout.strip() == "0 []", run.stderr
    assert "nothing changed" in run.stderr


def test_two_builds_in_separate_processes_are_byte_identical(tiny: Path) -> None:
    assert run_cli(tiny, "build", "--out", "a").returncode == 0
    assert run_cli(tiny, "build", "--out", "b", "--force").returncode == 0
    assert _digests(tiny / "a") == _digests(tiny / "b")


def _crashing(tiny: Path, patch: str) -> subprocess.CompletedProcess[str]:
    code = "\n".join(["import os, builder.deck.emit as emit", "from builder.cli import main",
                      patch, "raise SystemExit(main(['build', '--force']))"])
    return subprocess.run([sys.executable, "-c", code], cwd=tiny, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                          start_new_session=True)


def test_crash_in_the_middle_of_writing_leaves_old_outputs(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    before = _digests(tiny / "output" / "tiny")
    part = tiny / "content" / "tiny" / "part.yaml"
    part.write_text(part.read_text().replace("A paragraph", "A changed paragraph"))
    patch = ("def write_deck(plan, b, t, out):\n"
             "    out.write_bytes(b'PK half a deck'); os.killpg(0, 9)\n"
             "emit.write_deck = write_deck")
    assert _crashing(tiny, patch).returncode == -9
    assert _digests(tiny / "output" / "tiny") == before


def test_output_failing_the_gate_is_not_swapped_in(tiny: Path) -> None:
    assert run_cli(tiny, "build").returncode == 0
    before = _digests(tiny / "output" / "tiny")
    patch = ("def write_deck(plan, b, t, out):\n"
             "    out.write_bytes(b'PK not a deck')\n"
             "emit.write_deck = write_deck")
    run = _crashing(tiny, patch)
    assert run.returncode == 1
    assert "output check failed: tiny.pptx: deck does not reopen" in run.stderr
    assert "the previous outputs were kept" in run.stderr
    assert _digests(tiny / "output" / "tiny") == before


def test_two_builds_at_once_both_succeed_with_valid_outputs(tiny: Path) -> None:
    import os

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "builder", "build", "--force"], cwd=tiny,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    from builder.gate import check_output

    out = tiny / "output" / "tiny"
    assert check_output(out / "tiny.pdf") == [] and check_output(out / "tiny.pptx") == []


def test_shipped_content_checks_clean() -> None:
    run = run_cli(ROOT, "check")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr


def test_no_change_check_looks_at_contents_not_only_mtimes(tiny: Path) -> None:
    import os
    import time

    part = tiny / "content" / "tiny" / "part.yaml"
    recent = time.time_ns() + 60_000_000_000  # modified "just before" the build's stamp
    os.utime(part, ns=(recent, recent))
    assert run_cli(tiny, "build").returncode == 0
    os.utime(part, ns=(recent, recent + 5_000_000_000))  # saved again, unchanged
    run = run_cli(tiny, "build")
    assert run.returncode == 0 and "nothing changed" in run.stderr
    # Same size and the stamped mtime, different text: a racy file's contents are compared.
    part.write_text(part.read_text().replace("first point", "final point"))
    os.utime(part, ns=(recent, recent))
    run = run_cli(tiny, "build")
    assert run.returncode == 0 and "built output/tiny/" in run.stderr, run.stderr
