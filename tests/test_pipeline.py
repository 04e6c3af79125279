"""The whole pipeline as editors and CI run it: exit codes, messages, atomic outputs."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, generations, published, run_cli


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
    first = published(tiny / "output", "tiny")
    assert generations(tiny / "output", "tiny") == [first]
    assert oct(first.stat().st_mode & 0o777) == oct(0o777 & ~_umask())


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_each_build_publishes_a_new_generation_and_keeps_one_before_it(tiny: Path) -> None:
    out = tiny / "output"
    assert run_cli(tiny, "build").returncode == 0
    first = published(out, "tiny")
    assert run_cli(tiny, "build", "--force").returncode == 0
    second = published(out, "tiny")
    assert second != first and generations(out, "tiny") == sorted([first, second])
    assert run_cli(tiny, "build", "--force").returncode == 0
    assert generations(out, "tiny") == sorted([second, published(out, "tiny")])


def test_outputs_of_an_older_builder_are_kept_as_the_previous_set(tiny: Path) -> None:
    old = tiny / "output" / "tiny"
    old.mkdir(parents=True)
    (old / "tiny.pdf").write_bytes(b"%PDF- an old one")
    assert run_cli(tiny, "build").returncode == 0
    legacy = tiny / "output" / ".tiny.build-legacy"
    assert (legacy / "tiny.pdf").read_bytes() == b"%PDF- an old one"
    assert generations(tiny / "output", "tiny") == sorted([legacy, published(tiny / "output",
                                                                              "tiny")])
    assert run_cli(tiny, "build", "--force").returncode == 0
    assert not legacy.exists()


def test_a_file_where_outputs_go_gets_one_line(tiny: Path) -> None:
    (tiny / "output").mkdir()
    (tiny / "output" / "tiny").write_text("mine")
    run = run_cli(tiny, "build")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "output/tiny: is a file where the outputs of 'tiny' go; move it away or choose "
        "another --out"]
    assert (tiny / "output" / "tiny").read_text() == "mine"
    (tiny / "file").write_text("x")
    run = run_cli(tiny, "build", "--out", "file")
    assert (run.returncode, run.stderr.splitlines()) == (1, [
        "file: is a file, not a folder; remove it or choose another folder with --out"])


def test_a_build_waiting_for_the_lock_says_so_and_gives_up(tiny: Path) -> None:
    import fcntl
    import os

    (tiny / "output").mkdir()
    with open(tiny / "output" / ".tiny.lock", "w") as held:
        held.write(str(os.getpid()))
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)
        run = run_cli(tiny, "build", "--wait", "1")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"waiting for another build of tiny (process {os.getpid()}) to finish (up to 1 s)",
        f"output/.tiny.lock: another build of tiny (process {os.getpid()}) still holds the "
        "lock after 1 s; stop it, or wait longer with --wait SECONDS"]
    assert not (tiny / "output" / "tiny").exists()
    assert run_cli(tiny, "build").returncode == 0  # released with its holder's file


def test_one_worker_and_two_give_the_same_bytes(tiny: Path) -> None:
    assert run_cli(tiny, "build", "-j", "1", "--out", "a").returncode == 0
    assert run_cli(tiny, "build", "-j", "2", "--out", "b", "--force").returncode == 0
    assert _digests(tiny / "a" / "tiny") == _digests(tiny / "b" / "tiny")


def test_briefings_sharing_a_chart_build_together_and_draw_it_once(tiny: Path) -> None:
    from tests.conftest import MINIMAL_BRIEFING, write_project

    write_project(tiny, {"content/other/briefing.yaml": MINIMAL_BRIEFING.replace(
        "id: tiny", "id: other").replace("include: part.yaml", "include: ../tiny/part.yaml")})
    run = run_cli(tiny, "build")
    assert run.returncode == 0, run.stderr
    assert "built output/other/" in run.stdout and "built output/tiny/" in run.stdout
    assert len(list((tiny / ".cache" / "charts").glob("*.chart"))) == 1
    assert _digests(tiny / "output" / "other" / "charts") == _digests(
        tiny / "output" / "tiny" / "charts")


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
    assert _digests(tiny / "a" / "tiny") == _digests(tiny / "b" / "tiny")


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
    assert run.returncode == 0 and "built output/tiny/" in run.stdout, run.stderr
