"""render_charts: files written, cache hits skip matplotlib, output byte-identical across runs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.charts.helpers import briefing, dataset, spec, table

ROOT = Path(__file__).resolve().parents[2]

# A child process builds the same briefing and renders it; it reports what it redrew and
# whether matplotlib got imported.
CHILD = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.charts.test_cache import fixture
    from builder.charts import render_charts
    from builder.theme import load_theme
    r = render_charts(fixture(), load_theme(), Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps({{"redrawn": r.redrawn, "matplotlib": "matplotlib" in sys.modules,
                       "files": sorted(str(f.svg.name) for f in r.files.values())}}))
""")


def fixture():  # type: ignore[no-untyped-def]
    t = table("t", ["a", "b"], [["Fatal physical abuse", "46 (22%)", "18 (14%)"],
                                ["Extreme neglect", "1 (<1%)", "6 (5%)"]])
    ds = dataset("ds", ["period", "pct"], [["2005-07", 11], ["2007-09", None],
                                           ["2017-19", 19]])
    return briefing(tables=(t,), datasets=(ds,), charts=(
        spec("c-grouped", "t", ["a", "b"], kind="grouped"),
        spec("c-line", "ds", ["pct"], kind="line", unit="percent", category="period")))


def run_child(out: Path, cache: Path) -> dict:  # type: ignore[type-arg]
    code = CHILD.format(root=str(ROOT))
    done = subprocess.run([sys.executable, "-W", "error", "-c", code, str(out), str(cache)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_second_render_uses_the_cache_without_importing_matplotlib(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_child(tmp_path / "out1", cache)
    assert first["redrawn"] == ["c-grouped", "c-line"] and first["matplotlib"]
    assert first["files"] == ["c-grouped.svg", "c-line.svg"]
    second = run_child(tmp_path / "out2", cache)
    assert second["redrawn"] == [] and not second["matplotlib"]
    for name in ("c-grouped.svg", "c-grouped.png", "c-line.svg", "c-line.png"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    leftovers = [p.name for p in (tmp_path / "out2").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_files_byte_identical_across_processes(tmp_path: Path) -> None:
    run_child(tmp_path / "a", tmp_path / "cache-a")
    run_child(tmp_path / "b", tmp_path / "cache-b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["c-grouped.png", "c-grouped.svg", "c-line.png", "c-line.svg"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_changed_chart_alone_is_redrawn(tmp_path: Path) -> None:
    from dataclasses import replace

    from builder.charts import render_charts
    from builder.theme import load_theme

    theme, b = load_theme(), fixture()
    r1 = render_charts(b, theme, tmp_path / "out", tmp_path / "cache")
    assert r1.redrawn == ("c-grouped", "c-line")
    b2 = replace(b, charts=(b.charts[0], replace(b.charts[1], title="New title")))
    r2 = render_charts(b2, theme, tmp_path / "out", tmp_path / "cache")
    assert r2.redrawn == ("c-line",)
    assert r2.files["c-line"].data.title == "New title"
    assert b"New title" in (tmp_path / "out" / "c-line.svg").read_bytes()
