"""``make bench``: whole-process medians of our builds and of the peer tool chain, in one run.

Scenarios (each timed by ../shared/bench/timeit_process.py, wall time and peak memory):
cold build (empty caches), warm build after a one-paragraph edit, no-change build,
forced builds of the content repeated 1x, 4x and 16x, and the peer chain
(pandoc -> PPTX, pandoc -> Typst -> PDF). The watch rebuild (time from saving an edit
to the watcher's "rebuilt" line, polling latency included) is timed here, in-process.
Writes bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
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


def _project_copy(repeat: int = 1) -> Path:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "assets", work / "assets")
    if repeat > 1:
        _repeat_part2(work / "content" / "health", repeat)
    return work


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


def _time(label: str, cmd: str, cwd: Path, runs: int) -> dict[str, object]:
    out = subprocess.run([sys.executable, str(TIMER), "-n", str(runs), label, "--", "sh", "-c", cmd],
                         cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    print(out, flush=True)
    return _row(out)


def _watch_rebuild(work: Path, runs: int, deadline: float = 120.0) -> dict[str, object]:
    """Median time from an edit to the watcher's "rebuilt in" line (one warm-up edit)."""
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
    try:
        wait_for("built in", "up to date")
        for _ in range(runs + 1):
            time.sleep(0.5)
            _edit(work)
            started = time.perf_counter()
            wait_for("rebuilt in")
            walls.append(time.perf_counter() - started)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    walls = walls[1:]
    row = {"label": "watch_rebuild_one_paragraph_edit", "runs": len(walls),
           "median": statistics.median(walls), "min": min(walls), "max": max(walls),
           "peak": float("nan"), "failed": False}
    print(f"{row['label']}\t{row['runs']}\t{row['median']:.3f}", flush=True)
    return row


def _row(line: str) -> dict[str, object]:
    f = line.split("\t")
    return {"label": f[0], "runs": int(f[1]), "median": float(f[2]), "min": float(f[3]),
            "max": float(f[4]), "peak": float(f[5]), "failed": len(f) > 6}


def _trace(work: Path, cmd: str) -> str:
    """One build with BRIEFING_TRACE=1: when each stage ended, in each process."""
    env = dict(os.environ, BRIEFING_TRACE="1")
    done = subprocess.run(["sh", "-c", cmd], cwd=work, env=env, capture_output=True, text=True)
    return "\n".join(line for line in done.stderr.splitlines()
                     if line.startswith(("[trace", "built")))


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
        rows["watch"] = _watch_rebuild(work, n)
        for k in (1, 4, 16):
            scaled = _project_copy(k)
            copies.append(scaled)
            subprocess.run([b, "build"], cwd=scaled, check=True, capture_output=True)
            rows[f"x{k}"] = _time(f"forced_build_content_x{k}", f"{b} build --force", scaled,
                                  max(3, n // 2))
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
    Path(ROOT / "bench" / "results.md").write_text(_report(rows, n, traces), encoding="utf-8")
    print((ROOT / "bench" / "results.md").read_text())
    return 0


def _report(rows: dict[str, dict[str, object]], n: int, traces: dict[str, str]) -> str:
    peer = float(rows["peer_chain_pptx_and_pdf"]["median"])  # type: ignore[arg-type]
    med = {k: float(v["median"]) for k, v in rows.items()}  # type: ignore[arg-type]
    peak = max(float(rows[k]["peak"]) for k in ("cold", "warm", "nochange", "x1"))  # type: ignore[arg-type]
    growth16 = med["x16"] / med["x1"]
    targets = [
        ("cold build / peer chain", f"{med['cold'] / peer:.2f}x", "<= 1.0x", med["cold"] <= peer),
        ("warm build (one paragraph edited) / peer chain", f"{med['warm'] / peer:.2f}x", "<= 0.5x",
         med["warm"] <= 0.5 * peer),
        ("no-change build", f"{med['nochange']:.3f} s", "<= 0.1 s", med["nochange"] <= 0.1),
        ("peak memory (cold, warm, no-change, x1)", f"{peak:.0f} MiB", "<= 150 MiB", peak <= 150),
        ("16x content time / 1x content time", f"{growth16:.1f}x", "<= 16x", growth16 <= 16),
        ("watch rebuild (edit to new outputs) / peer chain (no target of its own; "
         "held to the warm goal)", f"{med['watch'] / peer:.2f}x", "<= 0.5x",
         med["watch"] <= 0.5 * peer),
    ]
    failed = [str(r["label"]) for r in rows.values() if r["failed"]]
    lines = [
        "# Benchmark results", "",
        f"`make bench` on this machine ({n} counted runs per row after one warm-up, medians of "
        "whole-process wall time; peak = largest process RSS). Peer chain measured in the same "
        "run. The machine is shared and noisy: compare ratios, not seconds.",
        "", "| scenario | runs | median s | min s | max s | peak MiB | / peer chain |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows.values():
        peak_text = "-" if float(r["peak"]) != float(r["peak"]) else f"{float(r['peak']):.1f}"  # type: ignore[arg-type]
        lines.append(f"| {r['label']}{' (FAILED)' if r['failed'] else ''} | {r['runs']} | "
                     f"{float(r['median']):.3f} | {float(r['min']):.3f} | "  # type: ignore[arg-type]
                     f"{float(r['max']):.3f} | {peak_text} | "  # type: ignore[arg-type]
                     f"{float(r['median']) / peer:.2f}x |")  # type: ignore[arg-type]
    lines += ["", "| target | measured | goal | met |", "|---|---|---|---|"]
    lines += [f"| {t} | {m} | {g} | {'yes' if ok else 'NO'} |" for t, m, g, ok in targets]
    lines += ["", f"Growth: x4 {med['x4'] / med['x1']:.1f}x, x16 {growth16:.1f}x the time of x1 "
              f"(medians {med['x1']:.2f} / {med['x4']:.2f} / {med['x16']:.2f} s)."]
    if failed:
        lines += ["", "Rows whose command exited non-zero: " + ", ".join(failed) + "."]
    lines += ["", "## Where the time goes", "",
              "One traced build of each kind (`BRIEFING_TRACE=1`: seconds after the pipeline module "
              "was imported when each "
              "stage ended, by process id; the first pid is the parent, the other the helper).",
              ""]
    for name, text in traces.items():
        lines += [f"{name}:", "", "```", text, "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
