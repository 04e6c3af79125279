"""``make bench``: whole-process medians of our builds and of the peer tool chain, in one run.

Scenarios (each timed by ../shared/bench/timeit_process.py, wall time and peak memory):
cold build (empty caches), warm build after a one-paragraph edit, no-change build,
a series of four briefings sharing Part 1 (cold and forced) against one briefing,
forced builds of the content repeated 1x, 4x and 16x, the floor of the stack (Python
starting and importing what a build needs), and the peer chain (pandoc -> PPTX,
pandoc -> Typst -> PDF). The watch rebuild is timed here, in-process: from saving an edit
to the watcher's "PDF ready" line (the new PDF) and to its "rebuilt" line (the whole set),
polling latency included. Writes bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
TIMER = SHARED / "timeit_process.py"
BRIEFING = ROOT / ".venv" / "bin" / "briefing"
# One paragraph of Part 1 ("...every two years and thereafter every three years."),
# toggled so that every run changes it; the words are on one line of the YAML source.
PARAGRAPH = "content/shared/scr-2017-19/part1.yaml"
EDIT = ("perl -pi -e 's/(years) and (thereafter every)/$1 and then $2/ "
        "or s/(years) and then (thereafter every)/$1 and $2/' " + PARAGRAPH)


def _edit(work: Path) -> None:
    """The same edit as EDIT; fails loudly if the paragraph is no longer there."""
    path = work / PARAGRAPH
    text = path.read_text(encoding="utf-8")
    a, b = "years and thereafter every", "years and then thereafter every"
    if a in text:
        text = text.replace(a, b, 1)
    elif b in text:
        text = text.replace(b, a, 1)
    else:
        raise SystemExit(f"bench: the edited paragraph is gone from {PARAGRAPH}; update EDIT")
    path.write_text(text, encoding="utf-8")


def _project_copy(repeat: int = 1, series: int = 1) -> Path:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "assets", work / "assets")
    if repeat > 1:
        _repeat_part2(work / "content" / "health", repeat)
    for k in range(2, series + 1):
        _sector_copy(work / "content", k)
    return work


def _sector_copy(content: Path, k: int) -> None:
    """Another briefing of the series: the shared Part 1 and a Part 2 of its own (the
    health one, as the other sectors' are not transcribed), under its own id."""
    text = (content / "health" / "briefing.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^id: health-2022$", f"id: sector-{k}-2022", text, count=1, flags=re.M)
    text = text.replace("include: part2.yaml", "include: ../health/part2.yaml")
    folder = content / f"sector-{k}"
    folder.mkdir()
    (folder / "briefing.yaml").write_text(text, encoding="utf-8")


def _repeat_part2(folder: Path, repeat: int) -> None:
    """Repeat Part 2 `repeat` times, giving every id in each copy a suffix."""
    text = (folder / "part2.yaml").read_text(encoding="utf-8")
    ids = set(re.findall(r"^\s*(?:-\s+)?id:\s*([\w-]+)\s*$", text, flags=re.M))
    includes = []
    for k in range(2, repeat + 1):
        def rename(m: re.Match[str], k: int = k) -> str:
            return m.group(0).replace(m.group(2), f"{m.group(2)}-r{k}")
        copy = re.sub(r"((?:^\s*(?:-\s+)?id:\s*)|\{see:|\{fn:|chart:\s*|source:\s*)([\w-]+)",
                      lambda m: rename(m) if m.group(2) in ids else m.group(0), text, flags=re.M)
        (folder / f"part2-r{k}.yaml").write_text(copy, encoding="utf-8")
        includes.append(f"  - include: part2-r{k}.yaml\n")
    briefing = (folder / "briefing.yaml").read_text(encoding="utf-8")
    briefing = re.sub(r"(^\s*- include: part2\.yaml\s*\n)", lambda m: m.group(1) + "".join(includes),
                      briefing, count=1, flags=re.M)
    (folder / "briefing.yaml").write_text(briefing, encoding="utf-8")


def _limits_copy(repeat: int) -> Path:
    """A project whose one briefing holds ``repeat`` sections, each with a paragraph, a list
    and a table at their declared limits (``builder/limits.py``): the largest content a
    briefing may hold, for the row that shows its cost grows linearly."""
    sys.path.insert(0, str(ROOT))
    from builder.limits import ITEMS, ROWS, TEXT

    words = ("safeguarding children practice review health learning services partners "
             "the of and").split()
    sections = []
    for k in range(repeat):
        text = " ".join(words[(i * 7 + k) % len(words)] for i in range(TEXT.value // 8))
        items = "".join(f"          - item {j} of list {k}\n" for j in range(ITEMS.value))
        rows = "".join(f'            - [Row {j}, "{j % 50}"]\n' for j in range(ROWS.value))
        sections.append(
            f"  - id: limits-{k}\n    title: Section {k} at the limits\n    blocks:\n"
            f"      - p: {text[:TEXT.value]}\n      - bullets:\n{items}"
            f"      - table:\n          id: limits-table-{k}\n          title: Rows {k}\n"
            "          columns:\n            - {key: k, label: Category}\n"
            f"            - {{key: c, label: Count}}\n          rows:\n{rows}")
    work = Path(tempfile.mkdtemp(prefix="bench-limits-"))
    folder = work / "content" / "limits"
    folder.mkdir(parents=True)
    shutil.copytree(ROOT / "assets", work / "assets")
    (folder / "briefing.yaml").write_text(
        "id: limits\ntitle: Content at the limits\nsubtitle: Bench\nseries: Bench\n"
        "date: 2024\npublisher: {name: Bench}\nauthors: [Bench]\n"
        "parts: [{include: part.yaml}]\n", encoding="utf-8")
    (folder / "part.yaml").write_text("id: part-1\ntitle: Limits\nsections:\n"
                                      + "".join(sections), encoding="utf-8")
    return work


def _time(label: str, cmd: str, cwd: Path, runs: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(TIMER), "-n", str(runs), label, "--", "sh", "-c", cmd],
                         cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    print(out, flush=True)
    return _row(out)


def _watch_rebuild(work: Path, runs: int, deadline: float = 120.0
                   ) -> tuple[dict[str, object], dict[str, object]]:
    """Median times from an edit to the watcher's "PDF ready" and "rebuilt in" lines
    (after one warm-up edit)."""
    proc = subprocess.Popen([str(BRIEFING), "watch"], cwd=work, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    def wait_for(*texts: str) -> None:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            try:
                if any(t in lines.get(timeout=0.05) for t in texts):
                    return
            except queue.Empty:
                if proc.poll() is not None:
                    raise SystemExit("bench: the watcher exited") from None
        raise SystemExit(f"bench: no {texts} from the watcher within {deadline} s")

    threading.Thread(target=read, daemon=True).start()
    walls: list[float] = []
    firsts: list[float] = []
    try:
        wait_for("built in", "up to date")
        for _ in range(runs + 2):
            time.sleep(0.5)
            _edit(work)
            started = time.perf_counter()
            wait_for("PDF ready")
            firsts.append(time.perf_counter() - started)
            wait_for("rebuilt in")
            walls.append(time.perf_counter() - started)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return (_in_process_row("watch_edit_to_new_pdf", firsts[2:]),
            _in_process_row("watch_edit_to_all_outputs", walls[2:]))


def _in_process_row(label: str, walls: list[float], quiet: bool = False) -> dict[str, object]:
    row = {"label": label, "runs": len(walls), "median": statistics.median(walls),
           "min": min(walls), "max": max(walls), "peak": float("nan"), "failed": False}
    if not quiet:
        print(f"{label}\t{len(walls)}\t{row['median']:.3f}", flush=True)
    return row


def _cpu(label: str, cmd: str, cwd: Path, runs: int) -> dict[str, object]:
    """Median CPU seconds (user + system, every process of the build) of ``cmd``."""
    used = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["sh", "-c", cmd], cwd=cwd, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return _in_process_row(label, used)


# Python starting and importing what each worker of a build needs: the floor of the stack
FLOORS = (
    ("floor_python_start", "pass"),
    ("floor_import_load", "import yaml, builder.content, builder.charts"),
    ("floor_import_pdf_and_gate", "import reportlab.platypus, pypdf, page, builder.pdf"),
    ("floor_import_deck", "import pptx, builder.deck.emit, builder.deck.plan"),
    ("floor_import_charts", "import builder.charts.render"),
)


def _row(line: str) -> dict[str, object]:
    f = line.split("\t")
    return {"label": f[0], "runs": int(f[1]), "median": float(f[2]), "min": float(f[3]),
            "max": float(f[4]), "peak": float(f[5]), "failed": len(f) > 6}


def _trace(work: Path, cmd: str) -> str:
    """One build with BRIEFING_TRACE=1: when each job ended, as the main process saw it."""
    env = dict(os.environ, BRIEFING_TRACE="1")
    done = subprocess.run(["sh", "-c", cmd + " 2>&1"], cwd=work, env=env,
                          capture_output=True, text=True)
    return "\n".join(line for line in done.stdout.splitlines()
                     if line.startswith(("[", "built")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--runs", type=int, default=5)
    args = ap.parse_args()
    n = args.runs
    b = str(BRIEFING)
    rows: dict[str, dict[str, object]] = {}
    copies: list[Path] = []
    try:
        work = _project_copy()
        copies.append(work)
        rows["cold"] = _time("cold_build", f"rm -rf .cache output && {b} build", work, n)
        rows["warm"] = _time("warm_build_one_paragraph_edit", f"{EDIT} && {b} build", work, n)
        rows["nochange"] = _time("nochange_build", f"{b} build", work, n)
        traces = {"cold": _trace(work, f"rm -rf .cache output && {b} build"),
                  "warm": _trace(work, f"{EDIT} && {b} build")}
        rows["watch_pdf"], rows["watch"] = _watch_rebuild(work, n)
        series = _project_copy(series=4)
        copies.append(series)
        one = f"{b} build content/health"
        rows["one_cold"] = _time("one_briefing_cold", f"rm -rf .cache output && {one}", series,
                                 max(3, n // 2))
        rows["four_cold"] = _time("series_of_four_cold", f"rm -rf .cache output && {b} build",
                                  series, max(3, n // 2))
        rows["one"] = _time("one_briefing_forced", f"{one} --force", series, max(3, n // 2))
        rows["four"] = _time("series_of_four_forced", f"{b} build --force", series,
                             max(3, n // 2))
        py = str(ROOT / ".venv" / "bin" / "python")
        for label, imports in FLOORS:
            rows[label] = _time(label, f"{py} -c '{imports}'", work, n)
        rows["cpu_one"] = _cpu("cpu_seconds_one_briefing_forced", f"{one} --force", series, n)
        rows["cpu_four"] = _cpu("cpu_seconds_series_of_four_forced", f"{b} build --force",
                                series, n)
        warm = subprocess.run([py, str(ROOT / "bench" / "warm_work.py"), str(work),
                               "content/health/briefing.yaml", str(n)], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
        for line in warm.splitlines():
            label, seconds = line.split("\t")
            print(line, flush=True)
            rows[label] = _in_process_row(label, [float(seconds)], quiet=True)
        for k in (1, 4, 16):
            scaled = _project_copy(k)
            copies.append(scaled)
            subprocess.run([b, "build"], cwd=scaled, check=True, capture_output=True)
            rows[f"x{k}"] = _time(f"forced_build_content_x{k}", f"{b} build --force", scaled,
                                  max(3, n // 2))
        for k in (1, 2, 4):
            limits = _limits_copy(k)
            copies.append(limits)
            subprocess.run([b, "build"], cwd=limits, check=True, capture_output=True)
            rows[f"limits{k}"] = _time(f"forced_build_at_the_limits_x{k}", f"{b} build --force",
                                       limits, max(3, n // 2))
        peer = subprocess.run(["bash", str(SHARED / "peer-chain.sh"), str(n)],
                              capture_output=True, text=True, check=True
                              ).stdout.strip().splitlines()[1:]
        for line in peer:
            print(line, flush=True)
            r = _row(line)
            rows[str(r["label"])] = r
    finally:
        for folder in copies:
            shutil.rmtree(folder, ignore_errors=True)
    results = ROOT / "bench" / "results.md"
    before = _previous(results.read_text(encoding="utf-8")) if results.exists() else []
    results.write_text(_report(rows, n, traces, before), encoding="utf-8")
    print(results.read_text(encoding="utf-8"))
    return 0


def _commit() -> str:
    """The commit measured, with "+changes" when the work tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                          capture_output=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                            ":!bench/results.md"], cwd=ROOT, text=True,
                           capture_output=True).stdout.strip()  # but the results themselves
    return head + ("+changes" if dirty else "")


def _previous(text: str) -> list[str]:
    """The targets table and floors of the results file this run replaces, with the commit
    they were measured on: two runs side by side."""
    lines = text.splitlines()
    commit = next((x for x in lines if x.startswith("Measured on commit")), "")
    start = next((i for i, x in enumerate(lines) if x.startswith("| target |")), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    floors = [x for x in lines if x.startswith("Floors on this machine")]
    return ["", "## The run before", "", commit or "Measured on an unrecorded commit.", "",
            *lines[start:end], "", *floors[:1]]


def _report(rows: dict[str, dict[str, object]], n: int, traces: dict[str, str],
            before: list[str]) -> str:
    peer = float(rows["peer_chain_pptx_and_pdf"]["median"])  # type: ignore[arg-type]
    med = {k: float(v["median"]) for k, v in rows.items()}  # type: ignore[arg-type]
    peak = max(float(rows[k]["peak"]) for k in ("cold", "warm", "nochange", "x1", "four_cold"))  # type: ignore[arg-type]
    growth16 = med["x16"] / med["x1"]
    series = med["four_cold"] / med["one_cold"]
    series_forced = med["four"] / med["one"]
    limits = med["limits4"] / med["limits1"]
    targets = [
        ("cold build / peer chain", f"{med['cold'] / peer:.2f}x", "<= 2.0x",
         med["cold"] <= 2 * peer),
        ("warm build (one paragraph edited) / peer chain", f"{med['warm'] / peer:.2f}x", "<= 0.5x",
         med["warm"] <= 0.5 * peer),
        ("watch: edit to the new PDF / peer chain", f"{med['watch_pdf'] / peer:.2f}x",
         "<= 0.5x", med["watch_pdf"] <= 0.5 * peer),
        ("watch: edit to all outputs published / peer chain (no target of its own)",
         f"{med['watch'] / peer:.2f}x", "-", True),
        ("no-change build", f"{med['nochange']:.3f} s", "<= 0.1 s", med["nochange"] <= 0.1),
        ("series of four briefings / one briefing (cold)", f"{series:.2f}x", "well under 4x",
         series <= 2.5),
        ("series of four briefings / one briefing (forced rebuild)", f"{series_forced:.2f}x",
         "well under 4x", series_forced <= 2.5),
        ("peak memory of any process (cold, warm, no-change, x1, series)", f"{peak:.0f} MiB",
         "<= 150 MiB", peak <= 150),
        ("16x content time / 1x content time", f"{growth16:.1f}x", "<= 16x", growth16 <= 16),
        ("4x content at the declared limits / 1x (a paragraph, a list and a table at their "
         "limits, per section)", f"{limits:.1f}x", "<= 4x", limits <= 4),
    ]
    failed = [str(r["label"]) for r in rows.values() if r["failed"]]
    lines = [
        "# Benchmark results", "",
        f"`make bench` on this machine ({n} counted runs per row after one warm-up, medians of "
        "whole-process wall time; peak = largest process RSS). Peer chain measured in the same "
        "run. The machine is shared and noisy: compare ratios, not seconds.",
        "", f"Measured on commit {_commit()}.",
        "", "| scenario | runs | median s | min s | max s | peak MiB | / peer chain |",
        "|---|---|---|---|---|---|---|",
    ]
    extra = {k for k in rows if k.startswith(("warm_", "cpu_"))}
    for r in (v for k, v in rows.items() if k not in extra):
        peak_text = "-" if float(r["peak"]) != float(r["peak"]) else f"{float(r['peak']):.1f}"  # type: ignore[arg-type]
        lines.append(f"| {r['label']}{' (FAILED)' if r['failed'] else ''} | {r['runs']} | "
                     f"{float(r['median']):.3f} | {float(r['min']):.3f} | "  # type: ignore[arg-type]
                     f"{float(r['max']):.3f} | {peak_text} | "  # type: ignore[arg-type]
                     f"{float(r['median']) / peer:.2f}x |")  # type: ignore[arg-type]
    lines += ["", "| target | measured | goal | met |", "|---|---|---|---|"]
    lines += [f"| {t} | {m} | {g} | {'yes' if ok else 'NO'} |" for t, m, g, ok in targets]
    lines += ["", f"Growth: x4 {med['x4'] / med['x1']:.1f}x, x16 {growth16:.1f}x the time of x1 "
              f"(medians {med['x1']:.2f} / {med['x4']:.2f} / {med['x16']:.2f} s).",
              "", f"At the declared limits: x2 {med['limits2'] / med['limits1']:.1f}x, x4 "
              f"{limits:.1f}x the time of x1 (medians {med['limits1']:.2f} / "
              f"{med['limits2']:.2f} / {med['limits4']:.2f} s)."]
    floor = max(med["floor_import_pdf_and_gate"], med["floor_import_deck"])
    lines += ["", f"Floor of the stack: a worker that makes the PDF and gates it spends "
              f"{med['floor_import_pdf_and_gate']:.2f} s starting Python and importing "
              f"reportlab, pypdf and the PDF/UA validator; the deck's worker "
              f"{med['floor_import_deck']:.2f} s for python-pptx; the charts' "
              f"{med['floor_import_charts']:.2f} s for matplotlib. Before any page is laid "
              f"out a build has spent {floor:.2f} s = {floor / peer:.2f}x the peer chain."]
    lines += _floors(med, peer)
    if failed:
        lines += ["", "Rows whose command exited non-zero: " + ", ".join(failed) + "."]
    lines += before
    lines += ["", "## Where the time goes", "",
              "One traced build of each kind (`BRIEFING_TRACE=1`: seconds after the pipeline "
              "module was imported when each job ended, as the main process saw it).",
              ""]
    for name, text in traces.items():
        lines += [f"{name}:", "", "```", text, "```", ""]
    return "\n".join(lines)


def _floors(med: dict[str, float], peer: float) -> list[str]:
    """What the targets missed cannot go below on this stack and this machine, from the
    work of each stage with every import done (bench/warm_work.py) and the CPU seconds of
    whole builds."""
    cores = os.cpu_count() or 1
    warm = {k.removeprefix("warm_"): v for k, v in med.items() if k.startswith("warm_")}
    outputs = sum(v for k, v in warm.items() if k != "all_charts")
    watch = warm["load_and_check"] + warm["pdf"] + warm["pdf_gate"]
    build = med["floor_import_pdf_and_gate"] + outputs / cores
    cold = med["floor_import_charts"] + (outputs + warm["all_charts"]) / cores
    series = med["cpu_four"] / cores / med["one"]
    lines = ["", "| stage, every import done (one warm process) | median s |", "|---|---|"]
    lines += [f"| {k} | {v:.3f} |" for k, v in warm.items()]
    lines += [f"| CPU seconds, one briefing forced (all processes) | {med['cpu_one']:.2f} |",
              f"| CPU seconds, series of four forced | {med['cpu_four']:.2f} |"]
    lines += ["", f"Floors on this machine ({cores} cores): `watch` needs at least loading, "
              f"the PDF and its gate after an edit: {watch:.2f} s = {watch / peer:.2f}x the "
              f"peer chain. A build needs at least the PDF worker's imports and every "
              f"output's work over the cores: {build:.2f} s = {build / peer:.2f}x; a cold one "
              f"the charts' imports and every chart too: {cold:.2f} s = {cold / peer:.2f}x. "
              f"The series of four uses {med['cpu_four']:.1f} CPU seconds against "
              f"{med['cpu_one']:.1f} for one briefing; on {cores} cores it cannot take less "
              f"than {series:.2f}x one briefing's time."]
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
