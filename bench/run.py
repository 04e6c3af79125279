"""``make bench``: whole-process medians of our builds and of the peer tool chain, in one run.

Scenarios (each timed by ../shared/bench/timeit_process.py, wall time and peak memory):
cold build (empty caches), warm build after a one-paragraph edit, no-change build,
forced builds of the content repeated 1x, 4x and 16x, and the peer chain
(pandoc -> PPTX, pandoc -> Typst -> PDF). Writes bench/results.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
TIMER = SHARED / "timeit_process.py"
BRIEFING = ROOT / ".venv" / "bin" / "briefing"
EDIT = ("perl -pi -e 's/(every two years) and (thereafter)/$1 and then $2/ "
        "or s/(every two years) and then (thereafter)/$1 and $2/' "
        "content/shared/scr-2017-19/part1.yaml")


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
    return _row(out)


def _row(line: str) -> dict[str, object]:
    f = line.split("\t")
    return {"label": f[0], "runs": int(f[1]), "median": float(f[2]), "min": float(f[3]),
            "max": float(f[4]), "peak": float(f[5]), "failed": len(f) > 6}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", "--runs", type=int, default=5)
    args = ap.parse_args()
    n = args.runs
    b = str(BRIEFING)
    rows: dict[str, dict[str, object]] = {}
    work = _project_copy()
    rows["cold"] = _time("cold_build", f"rm -rf .cache output && {b} build", work, n)
    rows["warm"] = _time("warm_build_one_paragraph_edit", f"{EDIT} && {b} build", work, n)
    rows["nochange"] = _time("nochange_build", f"{b} build", work, n)
    for k in (1, 4, 16):
        scaled = _project_copy(k)
        subprocess.run([b, "build"], cwd=scaled, check=True, capture_output=True)
        rows[f"x{k}"] = _time(f"forced_build_content_x{k}", f"{b} build --force", scaled, max(3, n // 2))
    peer = subprocess.run(["bash", str(SHARED / "peer-chain.sh"), str(n)], capture_output=True,
                          text=True, check=True).stdout.strip().splitlines()[1:]
    for line in peer:
        r = _row(line)
        rows[str(r["label"])] = r
    Path(ROOT / "bench" / "results.md").write_text(_report(rows, n), encoding="utf-8")
    print((ROOT / "bench" / "results.md").read_text())
    return 0


def _report(rows: dict[str, dict[str, object]], n: int) -> str:
    peer = float(rows["peer_chain_pptx_and_pdf"]["median"])  # type: ignore[arg-type]
    med = {k: float(v["median"]) for k, v in rows.items()}  # type: ignore[arg-type]
    peak = max(float(rows[k]["peak"]) for k in ("cold", "warm", "nochange", "x1"))  # type: ignore[arg-type]
    growth16 = med["x16"] / med["x1"]
    targets = [
        ("cold build / peer chain", f"{med['cold'] / peer:.2f}x", "<= 1.0x", med["cold"] <= peer),
        ("warm build (one paragraph edited) / peer chain", f"{med['warm'] / peer:.2f}x", "<= 0.5x",
         med["warm"] <= 0.5 * peer),
        ("no-change build", f"{med['nochange']:.3f} s", "<= 0.1 s", med["nochange"] <= 0.1),
        ("peak memory (our builds)", f"{peak:.0f} MiB", "<= 150 MiB", peak <= 150),
        ("16x content time / 1x content time", f"{growth16:.1f}x", "<= 16x", growth16 <= 16),
    ]
    lines = [
        "# Benchmark results", "",
        f"`make bench` on this machine ({n} counted runs per row after one warm-up, medians of "
        "whole-process wall time; peak = largest process RSS). Peer chain measured in the same run.",
        "", "| scenario | runs | median s | min s | max s | peak MiB |", "|---|---|---|---|---|---|",
    ]
    for r in rows.values():
        lines.append(f"| {r['label']} | {r['runs']} | {float(r['median']):.3f} | "  # type: ignore[arg-type]
                     f"{float(r['min']):.3f} | {float(r['max']):.3f} | {float(r['peak']):.1f} |")  # type: ignore[arg-type]
    lines += ["", "| target | measured | goal | met |", "|---|---|---|---|"]
    lines += [f"| {t} | {m} | {g} | {'yes' if ok else 'NO'} |" for t, m, g, ok in targets]
    lines += ["", f"Growth: x4 {med['x4'] / med['x1']:.1f}x, x16 {growth16:.1f}x the time of x1 "
              f"(medians {med['x1']:.2f} / {med['x4']:.2f} / {med['x16']:.2f} s).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
