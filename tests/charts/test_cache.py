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
    assert names == ["c-grouped.png", "c-grouped.svg", "c-grouped.txt", "c-line.png", "c-line.svg",
                     "c-line.txt"]
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


def _hash_of(b, theme) -> str:  # type: ignore[no-untyped-def]
    from builder.charts import plan_charts

    return plan_charts(b, theme)[0].key


def test_damaged_cache_entry_is_drawn_again(tmp_path: Path) -> None:
    from builder.charts import render_charts
    from builder.theme import load_theme

    theme, b = load_theme(), fixture()
    cache = tmp_path / "cache"
    render_charts(b, theme, tmp_path / "good", cache)
    entries = sorted(cache.glob("*.chart"))
    assert len(entries) == 2
    raw = entries[0].read_bytes()
    entries[0].write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))  # one bit flipped in the PNG
    entries[1].write_bytes(entries[1].read_bytes()[:100])  # cut short
    again = render_charts(b, theme, tmp_path / "again", cache)
    assert sorted(again.redrawn) == ["c-grouped", "c-line"]
    for name in ("c-grouped.svg", "c-grouped.png", "c-line.svg", "c-line.png"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "good" / name).read_bytes()


def test_cache_key_covers_content_brand_fonts_libraries_and_code(tmp_path: Path,
                                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    from dataclasses import replace

    import builder.charts.data as data
    from builder.theme import load_theme

    theme, b = load_theme(), fixture()
    base = _hash_of(b, theme)
    changed = replace(b, datasets=(replace(b.datasets[0], title="x"),))  # not drawn
    assert _hash_of(changed, theme) == base
    row = b.parts[0].sections[0].blocks[0].rows[0]
    cell = replace(row.cells[0], count=47, text="47 (22%)")
    table = replace(b.parts[0].sections[0].blocks[0],
                    rows=(replace(row, cells=(cell, *row.cells[1:])),
                          *b.parts[0].sections[0].blocks[0].rows[1:]))
    section = replace(b.parts[0].sections[0], blocks=(table,))
    content = replace(b, parts=(replace(b.parts[0], sections=(section,)),))
    assert _hash_of(content, theme) != base  # a number of the content
    brand = replace(theme, colours=replace(theme.colours, accent="#123456"))
    assert _hash_of(b, brand) != base  # a brand colour
    font = tmp_path / "font.ttf"
    shutil.copy(theme.fonts.regular, font)
    assert _hash_of(b, replace(theme, fonts=replace(theme.fonts, regular=font))) == base
    font.write_bytes(font.read_bytes() + b"\0")  # same path, other bytes
    assert _hash_of(b, replace(theme, fonts=replace(theme.fonts, regular=font))) != base
    monkeypatch.setattr(data, "_version", lambda dist: "9.9" if dist == "matplotlib" else "1")
    assert _hash_of(b, theme) != base  # a library version
    monkeypatch.undo()
    assert _hash_of(b, theme) == base
    monkeypatch.setattr(data, "code_digest", lambda: "edited")
    assert _hash_of(b, theme) != base  # the drawing code


def test_code_digest_reads_every_module_the_drawing_imports() -> None:
    import ast

    import builder.charts.data as data

    root = ROOT / "builder"
    covered = {f"builder.{p[:-3].replace('/', '.')}" for p in data.DRAWING_CODE}
    for name in ("charts/render.py", "charts/style.py"):
        tree = ast.parse((root / name).read_text())
        imported = {n.module for n in ast.walk(tree)
                    if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("builder")}
        imported |= {f"builder.charts.{a.name}" for n in ast.walk(tree)
                     if isinstance(n, ast.ImportFrom) and n.module == "builder.charts"
                     for a in n.names}
        imported -= {"builder.charts", "builder.model"}  # the package; type names only
        assert imported <= covered, imported - covered
