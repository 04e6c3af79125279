"""The work of a build with every import done: each stage timed in one warm process
(medians of ``-n`` runs after a warm-up). Run by ``bench/run.py`` in a project copy that
has been built once (arguments: the project, its briefing.yaml, runs); prints ``label<TAB>median seconds`` lines.

What no pipeline can avoid after an edit is loading the content, laying out the PDF and
gating it: their sum is the floor of ``watch`` (edit to the new PDF). The sum of every
stage over the cores, plus the imports, is the floor of a build.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from builder import outputs as o
from builder.charts import draw_chart, plan_charts
from builder.content import load_briefing
from builder.gate import check_pdf, check_pptx
from builder.theme import load_theme


def _median(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    result = work()  # warm-up: caches filled as a long-running worker has them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(root: Path, file: Path, runs: int) -> None:
    theme = load_theme(root / "assets" / "brand.yaml")
    rows: dict[str, float] = {}
    rows["load_and_check"], b = _median(runs, lambda: load_briefing(root / file, root)[0])
    tmp = Path(tempfile.mkdtemp(prefix="warm-"))
    jobs = plan_charts(b, theme)
    rows["all_charts"], _ = _median(runs, lambda: [draw_chart(j, theme, tmp) for j in jobs])
    charts = {p.stem: p.read_bytes()
              for p in (root / "output" / b.id / "charts").glob("*.svg")}
    first = o.render_pdf(o.Inputs(b, theme, charts), tmp / "seed.pdf")
    inputs = o.Inputs(b, theme, charts, first.layout)
    for name, render, gate in (("pdf", o.render_pdf, check_pdf),
                               ("deck", o.render_deck, check_pptx),
                               ("handout", o.render_handout, check_pdf),
                               ("session_plan", o.render_session_plan, check_pdf)):
        path = tmp / f"{name}.{'pptx' if name == 'deck' else 'pdf'}"
        rows[name], _ = _median(runs, lambda r=render, p=path: r(inputs, p))  # type: ignore[misc]
        rows[f"{name}_gate"], _ = _median(runs, lambda g=gate, p=path: g(p))  # type: ignore[misc]
    for label, seconds in rows.items():
        print(f"warm_{label}\t{seconds:.4f}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
