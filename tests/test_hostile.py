"""Hostile and odd input, by the categories of ../shared/docs/reliability.md.

Every case has a defined outcome: it builds and its text appears literally, or it is
rejected with ``file:line`` messages (exit 1). Never a traceback (exit 2), always in
bounded time and memory, and never a half-written output.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.limits import CATEGORIES, COLUMNS, ITEMS, ROWS, TEXT
from tests.conftest import MINIMAL_PART, ROOT, write_project
from tests.hostile_templates import HOSTILE, bomb, branded, hostile

LINE = re.compile(r"^content/[\w./-]+:\d+: ")
PART = "content/tiny/part.yaml"
TIME_LIMIT_S = 120
MEMORY_LIMIT_MIB = 1024


def _run(cwd: Path, *args: str) -> tuple[int, str, float, float]:
    """Exit code, stderr, seconds and peak MiB (of that process alone) of
    ``python -m builder ARGS``; killed and failed past the time limit."""
    import signal
    import tempfile
    import threading

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "builder", *args], cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=err, text=True,
                                start_new_session=True)
        timer = threading.Timer(TIME_LIMIT_S, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read()
    if proc.returncode == -signal.SIGKILL:
        pytest.fail(f"took longer than {TIME_LIMIT_S} s")
    return proc.returncode, text, seconds, usage.ru_maxrss / 1024


def _part_with(block: str) -> str:
    """The tiny part with ``block`` (YAML, one list item) added to the first section."""
    marker = "      - bullets: [first point, second point]\n"
    return MINIMAL_PART.replace(marker, marker + block.rstrip("\n") + "\n")


def _project(tmp_path: Path, part: str | bytes) -> Path:
    from tests.conftest import MINIMAL_BRIEFING

    write_project(tmp_path, {"content/tiny/briefing.yaml": MINIMAL_BRIEFING})
    path = tmp_path / PART
    if isinstance(part, bytes):
        path.write_bytes(part)
    else:
        path.write_text(part, encoding="utf-8")
    return tmp_path


def _rejected(tmp_path: Path, part: str | bytes, *needles: str) -> str:
    code, err, _, peak = _run(_project(tmp_path, part), "build")
    assert code == 1, err
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if LINE.match(line)]
    assert problems, err
    for needle in needles:
        assert needle in err, err
    assert peak < MEMORY_LIMIT_MIB
    assert not (tmp_path / "output" / "tiny").exists(), "a failed build wrote outputs"
    return err


def _pdf_text(folder: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(folder / "output" / "tiny" / "tiny.pdf")
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _built(tmp_path: Path, part: str) -> Path:
    code, err, _, peak = _run(_project(tmp_path, part), "build")
    assert code == 0, err
    assert peak < MEMORY_LIMIT_MIB
    return tmp_path


# ------------------------------------------------------------ rendered literally

LITERAL = [
    "x<y and y>z & Tom <tom@example.com>",
    "<b>not bold</b> <img src=\"/etc/passwd\"/> <font color=\"red\">plain</font>",
    "&amp; &lt; &#169; stay as typed",
    "<a href=\"javascript:alert(1)\">not a link</a>",
    "'single' \"double\" ‘curly’ “curly” – — … £ € ©",
]


@pytest.mark.parametrize("text", LITERAL)
def test_markup_and_symbols_render_literally(tmp_path: Path, text: str) -> None:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    folder = _built(tmp_path, _part_with(f'      - p: "{quoted}"'))
    assert " ".join(text.split()) in _pdf_text(folder)


def test_markup_and_symbols_reach_the_deck_literally(tmp_path: Path) -> None:
    """Every literal text above, in one briefing: python-pptx reads each back from the
    deck's slides or notes as typed, and LibreOffice opens the deck and draws its slides
    with the text that is on them."""
    from pptx import Presentation

    from tests.conftest import need_tool

    def quoted(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"')

    folder = _built(tmp_path, _part_with("\n".join(f'      - p: "{quoted(t)}"'
                                                   for t in LITERAL)))
    deck = folder / "output" / "tiny" / "tiny.pptx"
    prs = Presentation(str(deck))
    on_slides = [sh.text_frame.text for sl in prs.slides for sh in sl.shapes
                 if sh.has_text_frame]
    notes = [sl.notes_slide.notes_text_frame.text for sl in prs.slides if sl.has_notes_slide]
    every = " ".join(" ".join(on_slides + notes).split())
    missing = [t for t in LITERAL if " ".join(t.split()) not in every]
    assert not missing, missing
    need_tool("soffice")
    need_tool("pdftotext")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(deck)], check=True, capture_output=True, timeout=180)
    drawn = subprocess.run(["pdftotext", str(tmp_path / "tiny.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout
    drawn = " ".join(drawn.split())
    shown = [t for t in LITERAL if " ".join(t.split()) in " ".join(" ".join(on_slides).split())]
    assert shown and all(" ".join(t.split()) in drawn for t in shown), (shown, drawn[:2000])


def test_implicit_yaml_typing_keeps_the_text(tmp_path: Path) -> None:
    part = _part_with("      - bullets: [NO, 1.10, '12:30', 01234, 2024-01-02, ~x, yes]")
    text = _pdf_text(_built(tmp_path, part))
    for word in ("NO", "1.10", "12:30", "01234", "2024-01-02", "~x", "yes"):
        assert f" {word} " in f" {text} "


# ------------------------------------------------------------ rejected with file:line


@pytest.mark.parametrize("url, scheme", [("javascript:alert(1)", "javascript"),
                                         ("file:///etc/passwd", "file"),
                                         ("data:text/html,hi", "data")])
def test_link_schemes_other_than_web_and_mail_are_rejected(tmp_path: Path, url: str,
                                                           scheme: str) -> None:
    err = _rejected(tmp_path, _part_with(f'      - p: "[click]({url})"'), f"{PART}:9: ")
    assert scheme in err


@pytest.mark.parametrize("escape", ["\\x1b", "\\x00", "\\x85", "\\ud800", "\\ufffe"])
def test_control_characters_and_invalid_code_points(tmp_path: Path, escape: str) -> None:
    _rejected(tmp_path, _part_with(f'      - p: "bad {escape} char"'), f"{PART}:9: ")


def test_python_tags_are_refused(tmp_path: Path) -> None:
    _rejected(tmp_path, _part_with('      - p: !!python/object/apply:os.system ["echo hi"]'),
              f"{PART}:9: ")


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    part = MINIMAL_PART.replace("    title: Introduction\n",
                                "    title: Introduction\n    title: Again\n", 1)
    err = _rejected(tmp_path, part, f"{PART}:")
    assert f"{PART}:5" in err and ":6" in err


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    part = MINIMAL_PART + "\n".join(bomb) + "\n"
    _, _, seconds, _ = _run(_project(tmp_path, part), "check")
    err = _rejected(tmp_path, part, f"{PART}:")
    assert seconds < 30, err


def test_deep_nesting_is_bounded(tmp_path: Path) -> None:
    _rejected(tmp_path, MINIMAL_PART + "deep: " + "[" * 5000 + "]" * 5000 + "\n", f"{PART}:")


@pytest.mark.parametrize("part, line", [
    (MINIMAL_PART.replace("    title: Introduction", "\ttitle: Introduction"), 4),
    (MINIMAL_PART.replace("[first point, second point]", "[first point, second point"), 11),
    ("", 1),
])
def test_syntax_errors(tmp_path: Path, part: str, line: int) -> None:
    _rejected(tmp_path, part, f"{PART}:")


def test_invalid_utf8_is_rejected(tmp_path: Path) -> None:
    _rejected(tmp_path, MINIMAL_PART.encode().replace(b"A paragraph", b"A \xff paragraph"),
              f"{PART}:")


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    data = ("\ufeff" + MINIMAL_PART).replace("\n", "\r\n").encode("utf-8")
    folder = _project(tmp_path, data)
    code, err, _, _ = _run(folder, "check")
    assert code == 0, err


def test_unknown_block_kind_suggests(tmp_path: Path) -> None:
    _rejected(tmp_path, _part_with("      - paragraf: text"), f"{PART}:9: ", "did you mean")


@pytest.mark.parametrize("values, needle", [
    ("[.nan]", "NaN"), ("[.inf]", "infinit"), ("['12']", "text"), ("[1, 2]", "values"),
])
def test_bad_chart_numbers(tmp_path: Path, values: str, needle: str) -> None:
    dataset = (f"datasets:\n  - id: ds\n    title: Data\n    columns: [label, v]\n"
               f"    rows:\n      - [A, {values.strip('[]')}]\n")
    chart = ("  - id: ds-chart\n    kind: bar\n    source: ds\n    category: label\n"
             "    series: [{column: v, label: V}]\n    unit: count\n    title: T\n    alt: A.\n")
    part = MINIMAL_PART.replace("charts:\n", "charts:\n" + chart) + dataset
    err = _rejected(tmp_path, part, f"{PART}:")
    assert needle.lower() in err.lower()


def test_template_outside_the_project_is_rejected(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL_BRIEFING

    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "content/tiny/briefing.yaml").write_text(
        MINIMAL_BRIEFING + "template: ../../../../etc/passwd\n")
    code, err, _, _ = _run(folder, "build")
    assert code == 1 and "content/tiny/briefing.yaml:" in err and "Traceback" not in err


def test_template_that_is_not_a_pptx_is_rejected(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL_BRIEFING

    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "content/tiny/brand.pptx").write_bytes(b"not a zip")
    (folder / "content/tiny/briefing.yaml").write_text(MINIMAL_BRIEFING + "template: brand.pptx\n")
    code, err, _, _ = _run(folder, "build")
    assert code == 1 and "brand.pptx" in err and "Traceback" not in err


# ------------------------------------------------------------ overlong content


def test_overlong_word_title_and_cell_build_or_are_located(tmp_path: Path) -> None:
    word = "x" * 3000
    cell = " ".join(["long cell text"] * 1500)
    part = MINIMAL_PART.replace("title: Introduction", f"title: Introduction {word[:300]}")
    part = part.replace("[Beta, \"4 (40%)\"]", f"[\"{cell}\", \"4 (40%)\"]")
    part = part.replace("      - bullets: [first point, second point]\n",
                        f"      - bullets: [first point, second point]\n      - p: {word}\n")
    code, err, seconds, peak = _run(_project(tmp_path, part), "build")
    assert "Traceback" not in err
    assert code == 0 or any(LINE.match(line) for line in err.splitlines()), err
    assert seconds < TIME_LIMIT_S and peak < MEMORY_LIMIT_MIB


def test_table_at_the_row_limit_and_many_bullets_build(tmp_path: Path) -> None:
    rows = "".join(f"            - [Row {i}, \"1 (<1%)\"]\n" for i in range(ROWS.value - 1))
    part = MINIMAL_PART.replace("            - [Alpha, \"6 (60%)\"]\n", rows)
    part = part.replace("n: 10, partition: true", f"n: {ROWS.value - 1}, partition: true")
    points = ", ".join(f"point number {i}" for i in range(25))
    part = part.replace("learning_points: [Learn this, And this]", f"learning_points: [{points}]")
    part = part.replace("    title: Counts by category\n",
                        "    title: Counts by category\n    rows: [Beta]\n")
    code, err, seconds, peak = _run(_project(tmp_path, part.replace("[Beta, \"4 (40%)\"]",
                                                                       "[Beta, \"0\"]")), "build")
    assert code == 0, err
    assert seconds < TIME_LIMIT_S and peak < MEMORY_LIMIT_MIB


@pytest.mark.parametrize("text", ["漢字 and 🙂", "Ελληνικά and кириллица"])
def test_font_cannot_show_a_script_is_located(tmp_path: Path, text: str) -> None:
    code, err, _, _ = _run(_project(tmp_path, _part_with(f'      - p: "{text}"')), "build")
    if code == 0:  # a fallback font was used: the text must then be in the PDF
        assert text in _pdf_text(tmp_path)
    else:
        assert code == 1 and f"{PART}:9: " in err and "Traceback" not in err


# ------------------------------------------------------------ numbers


def _dataset_part(value: str) -> str:
    """The tiny part with a dataset whose row 'A' holds ``value``, charted in a figure."""
    figure = ("      - figure: {id: fig-1, number: 1, title: Values, chart: ds-chart}\n")
    chart = ("  - id: ds-chart\n    kind: bar\n    source: ds\n    category: label\n"
             "    series: [{column: v, label: V}]\n    unit: count\n    title: T\n    alt: A.\n")
    dataset = ("datasets:\n  - id: ds\n    title: Data\n    columns: [label, v]\n    rows:\n"
               f"      - - A\n        - {value}\n      - [B, 2]\n")
    return _part_with(figure).replace("charts:\n", "charts:\n" + chart) + dataset


def _deck_chart_values(folder: Path) -> list[float]:
    from pptx import Presentation

    deck = Presentation(str(folder / "output" / "tiny" / "tiny.pptx"))
    return [v for slide in deck.slides for shape in slide.shapes
            if getattr(shape, "has_chart", False)
            and tuple(shape.chart.plots[0].categories) == ("A", "B")
            for v in shape.chart.plots[0].series[0].values]


@pytest.mark.parametrize("written, value", [
    ("2.5e6", 2.5e6), (".5", 0.5), ("-3", -3.0), ("+4", 4.0), ("7E-3", 0.007), ("1,234", 1234.0),
])
def test_numbers_as_people_write_them_are_read(tmp_path: Path, written: str,
                                               value: float) -> None:
    folder = _built(tmp_path, _dataset_part(written))
    assert _deck_chart_values(folder)[:1] == [value]


@pytest.mark.parametrize("written, found", [
    ("1:30", "base-60"), ("-0:45", "base-60"), ("0x1F", "hexadecimal"), ("0o17", "octal"),
    ("0b11", "binary"), ("017", "leading zero"), ("1_000", "'_'"), ("1e400", "10^15"),
    ("-2e16", "10^15"), ("1" + "0" * 400, "401 characters"), (".NaN", "NaN"),
    ("-.inf", "infinite"), ("12,5", "decimal point"), ("1e-12", "too small"),
])
def test_number_surprises_are_refused_saying_what_was_found(tmp_path: Path, written: str,
                                                           found: str) -> None:
    line = _dataset_part(written).splitlines().index(f"        - {written}") + 1
    _rejected(tmp_path, _dataset_part(written), f"{PART}:{line}: ", found)


@pytest.mark.parametrize("n", ["0", "-10", "2.5", "0x10", "1e40"])
def test_impossible_n_is_refused(tmp_path: Path, n: str) -> None:
    part = MINIMAL_PART.replace("n: 10, partition: true", f"n: {n}, partition: true")
    _rejected(tmp_path, part, f"{PART}:20: ", "'n'")


@pytest.mark.parametrize("cell", ["9" * 400 + " (5%)", "3 (" + "9" * 40 + "%)"])
def test_absurd_numbers_in_cells_are_refused(tmp_path: Path, cell: str) -> None:
    _rejected(tmp_path, MINIMAL_PART.replace('"6 (60%)"', f'"{cell}"'), f"{PART}:22: ",
              "characters long")


# ------------------------------------------------------------ declared limits


def test_a_paragraph_at_the_limit_builds_and_one_over_is_refused(tmp_path: Path) -> None:
    words = ("Practice & <learning> ",) * (TEXT.value // 22)
    text = "".join(words).strip()
    folder = _built(tmp_path / "at", _part_with(f'      - p: "{text}"'))
    shown = _pdf_text(folder)
    assert shown.count("<learning>") == len(words) and shown.count(" & ") >= len(words) - 10
    over = text + " x" * (TEXT.value - len(text) + 1)
    _rejected(tmp_path / "over", _part_with(f'      - p: "{over}"'), f"{PART}:9: ",
              f"the limit is {TEXT.value:,}", "split it")


@pytest.mark.parametrize("what", ["list", "rows", "columns", "categories"])
def test_blocks_over_their_limits_are_refused_naming_the_limit(tmp_path: Path,
                                                               what: str) -> None:
    if what == "list":
        items = "".join(f"        - item {i}\n" for i in range(ITEMS.value + 1))
        part, needle = _part_with("      - bullets:\n" + items), f"{ITEMS.value} (a list"
    elif what == "rows":
        rows = "".join(f"            - [Row {i}, \"1\"]\n" for i in range(ROWS.value + 1))
        part = MINIMAL_PART.replace("            - [Alpha, \"6 (60%)\"]\n", rows)
        needle = f"limit is {ROWS.value:,}"
    elif what == "columns":
        cols = "".join(f"            - {{key: k{i}, label: K{i}}}\n" for i in range(COLUMNS.value))
        part = MINIMAL_PART.replace("            - {key: c, label:", cols + "            - {key: c, label:")
        cells = ", \"1\"" * COLUMNS.value
        part = part.replace('[Alpha, "6', f'[Alpha{cells}, "6').replace('[Beta, "4', f'[Beta{cells}, "4')
        needle = f"limit is {COLUMNS.value}"
    else:
        rows = "".join(f"            - [Row {i}, \"1\"]\n" for i in range(CATEGORIES.value + 1))
        part = MINIMAL_PART.replace("            - [Alpha, \"6 (60%)\"]\n", rows)
        part = part.replace("n: 10, partition: true", "n: 10")
        needle = f"limit is {CATEGORIES.value}"
    _rejected(tmp_path, part, f"{PART}:", needle, "split" if what != "categories" else "rows:")


def test_tables_and_charts_too_crowded_to_read_are_warned_about(tmp_path: Path) -> None:
    cols = "".join(f"            - {{key: k{i}, label: K{i}}}\n" for i in range(9))
    part = MINIMAL_PART.replace("            - {key: c, label:", cols + "            - {key: c, label:")
    cells = ", \"1\"" * 9
    part = part.replace('[Alpha, "6', f'[Alpha{cells}, "6').replace('[Beta, "4', f'[Beta{cells}, "4')
    rows = "".join(f"            - [Row {i}{cells}, \"0\"]\n" for i in range(40))
    part = part.replace('            - [Beta,', rows + '            - [Beta,')
    code, err, _, _ = _run(_project(tmp_path, part), "build")
    assert code == 0, err
    assert f"{PART}:15: warning: table 'table-1' has 10 value columns" in err
    assert "chart 'table-1-chart': 42 categories are too many to read" in err


# ------------------------------------------------------------ templates


def _with_template(tmp_path: Path, make: Callable[[Path], Path]) -> tuple[Path, str]:
    """The tiny project using ``assets/org.pptx`` made by ``make``; and where the
    template: line is."""
    from tests.conftest import MINIMAL_BRIEFING

    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "assets").mkdir(exist_ok=True)
    make(folder / "assets" / "org.pptx")
    (folder / "content/tiny/briefing.yaml").write_text(
        MINIMAL_BRIEFING + "template: ../../assets/org.pptx\n", encoding="utf-8")
    return folder, f"content/tiny/briefing.yaml:{MINIMAL_BRIEFING.count(chr(10)) + 1}: "


def test_an_organisations_template_is_used(tmp_path: Path) -> None:
    from pptx import Presentation

    folder, _ = _with_template(tmp_path, branded)
    code, err, _, _ = _run(folder, "build")
    assert code == 0, err
    deck = Presentation(str(folder / "output" / "tiny" / "tiny.pptx"))
    assert len(deck.slides) > 3


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_templates_are_refused_at_the_template_line(tmp_path: Path, kind: str) -> None:
    base = branded(tmp_path / "base.pptx")
    folder, where = _with_template(tmp_path / "p", lambda out: hostile(base, kind, out))
    code, err, seconds, peak = _run(folder, "build")
    assert code == 1 and where + "template '../../assets/org.pptx' cannot be used" in err, err
    assert "Traceback" not in err and peak < MEMORY_LIMIT_MIB
    assert not (folder / "output" / "tiny").exists()


def test_a_template_bomb_is_refused_in_bounded_memory_keeping_the_outputs(tmp_path: Path) -> None:
    folder, where = _with_template(tmp_path, branded)
    assert _run(folder, "build")[0] == 0
    before = {p.name: p.read_bytes() for p in (folder / "output" / "tiny").glob("tiny.*")}
    bomb(folder / "assets" / "org.pptx")
    code, err, _, peak = _run(folder, "build")
    assert code == 1 and where in err and "unzips to" in err, err
    assert peak < MEMORY_LIMIT_MIB, f"{peak:.0f} MiB"
    assert {p.name: p.read_bytes() for p in (folder / "output" / "tiny").glob("tiny.*")} == before


# ------------------------------------------------------------ metadata, language, links


def _briefing_project(tmp_path: Path, extra: str, replace: tuple[str, str] = ("", "")) -> Path:
    from tests.conftest import MINIMAL_BRIEFING

    folder = _project(tmp_path, MINIMAL_PART)
    text = MINIMAL_BRIEFING.replace(*replace) if replace[0] else MINIMAL_BRIEFING
    (folder / "content/tiny/briefing.yaml").write_text(text + extra, encoding="utf-8")
    return folder


@pytest.mark.parametrize("field", ["sector", "series", "short_title", "copyright", "date"])
def test_metadata_the_font_cannot_show_is_located_naming_the_field(tmp_path: Path,
                                                                   field: str) -> None:
    key = f"{field}: "
    folder = _briefing_project(tmp_path, f"{key}漢字 ☃\n" if field not in ("series", "date")
                               else "", (f"{key}", f"{key}漢字 ☃ ") if field in (
                                   "series", "date") else ("", ""))
    code, err, _, _ = _run(folder, "check")
    assert code == 1 and f"'{field}': character '漢'" in err and "Traceback" not in err, err


@pytest.mark.parametrize("tag", ['en-GB" b="1', "en GB", "en_GB", "en-GB<x/>", "e" * 40])
def test_a_language_that_is_not_a_tag_is_refused(tmp_path: Path, tag: str) -> None:
    from tests.conftest import MINIMAL_BRIEFING

    folder = _briefing_project(tmp_path, f"language: '{tag}'\n")
    code, err, _, _ = _run(folder, "check")
    line = MINIMAL_BRIEFING.count("\n") + 1
    assert code == 1 and f"content/tiny/briefing.yaml:{line}: 'language'" in err, err


def _link_targets(folder: Path) -> tuple[list[str], list[str]]:
    from pypdf import PdfReader

    pdf = [str(a.get_object()["/A"]["/URI"]) for page in PdfReader(
        folder / "output/tiny/tiny.pdf").pages for a in page.get("/Annots") or []
        if "/URI" in a.get_object().get("/A", {})]
    with zipfile.ZipFile(folder / "output/tiny/tiny.pptx") as zf:
        deck = [m for n in zf.namelist() if n.endswith(".rels")
                for m in re.findall(r'Target="(http[^"]*)"', zf.read(n).decode())]
    return pdf, deck


def test_link_targets_are_percent_encoded(tmp_path: Path) -> None:
    folder = _briefing_project(
        tmp_path, "", ("url: https://example.org/book",
                       "url: 'https://example.org/a b<i>x</i>\"q'"))
    folder = _built_folder(folder)
    pdf, _ = _link_targets(folder)
    assert "https://example.org/a%20b%3Ci%3Ex%3C/i%3E%22q" in pdf
    assert not any(c in url for url in pdf for c in ' <>"')


@pytest.mark.parametrize("url, found", [
    ("https://user:pw@example.org/", "user name or password"),
    ("https:///no-host", "no valid host"), ("https://exa mple.org/", "no valid host"),
    ("javascript:alert(1)", "scheme"), ("mailto:", "no address"),
])
def test_bad_links_in_metadata_are_refused(tmp_path: Path, url: str, found: str) -> None:
    from tests.conftest import MINIMAL_BRIEFING

    folder = _briefing_project(tmp_path, "", ("url: https://example.org/book", f"url: '{url}'"))
    code, err, _, _ = _run(folder, "check")
    line = MINIMAL_BRIEFING.splitlines().index("    url: https://example.org/book") + 1
    assert code == 1 and f"content/tiny/briefing.yaml:{line}: " in err and found in err, err


def _built_folder(folder: Path) -> Path:
    code, err, _, _ = _run(folder, "build")
    assert code == 0, err
    return folder


# ------------------------------------------------------------ the filesystem


def _replace_part(folder: Path, make: Callable[[Path], None]) -> None:
    path = folder / PART
    path.unlink()
    make(path)


@pytest.mark.parametrize("kind, found", [
    ("fifo", "named pipe (FIFO)"), ("device", "is a device"), ("loop", "leads back to itself"),
    ("dangling", "a link to nothing"), ("folder", "is a folder"),
])
def test_an_include_that_is_not_a_file_is_located_without_reading_it(
        tmp_path: Path, kind: str, found: str) -> None:
    folder = _project(tmp_path, MINIMAL_PART)
    _replace_part(folder, {
        "fifo": os.mkfifo, "device": lambda p: p.symlink_to("/dev/zero"),
        "loop": lambda p: p.symlink_to(p.name), "dangling": lambda p: p.symlink_to("gone.yaml"),
        "folder": lambda p: p.mkdir()}[kind])
    code, err, seconds, peak = _run(folder, "check")
    assert code == 1 and "content/tiny/briefing.yaml:11: included file 'part.yaml' " in err
    assert found in err and "Traceback" not in err, err
    assert peak < MEMORY_LIMIT_MIB


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = _project(tmp_path, MINIMAL_PART)
    with open(folder / PART, "ab") as handle:
        handle.truncate(4_000_000_000)  # sparse: 4 GB that take no disk
    code, err, _, peak = _run(folder, "check")
    assert code == 1 and f"{PART}:0: the file has 4,000,000,000 bytes; the limit is" in err, err
    assert peak < MEMORY_LIMIT_MIB


def test_a_briefing_that_is_not_a_file_is_named(tmp_path: Path) -> None:
    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "content/tiny/briefing.yaml").unlink()
    (folder / "content/tiny/briefing.yaml").symlink_to("/dev/zero")
    code, err, _, _ = _run(folder, "check", "content/tiny")
    assert code == 1 and "briefing.yaml that is a device" in err, err


def test_a_template_that_is_not_a_file_is_named(tmp_path: Path) -> None:
    folder, where = _with_template(tmp_path, os.mkfifo)
    code, err, _, _ = _run(folder, "check")
    assert code == 1 and where + "template '../../assets/org.pptx' is a named pipe" in err, err


# ------------------------------------------------------------ structure


@pytest.mark.parametrize("inner", ["{fn:note-two}", "{fn:note-one}", "*see{fn:note-two}*"])
def test_a_footnote_cited_from_a_footnote_is_located(tmp_path: Path, inner: str) -> None:
    notes = ("footnotes:\n  - id: note-one\n    text: \"A footnote." + inner + "\"\n"
             "  - id: note-two\n    text: The inner note.\n")
    part = MINIMAL_PART.replace("footnotes:\n  - id: note-one\n    text: A footnote.\n", notes)
    line = part.splitlines().index("  - id: note-one") + 2
    _rejected(tmp_path, part, f"{PART}:{line}: footnote 'note-one' cites footnote")


@pytest.mark.parametrize("kind", ["device", "fifo", "loop", "folder-loop"])
def test_files_nothing_uses_are_not_read(tmp_path: Path, kind: str) -> None:
    """A link to /dev/zero, a FIFO or a link loop lying in content/ or assets/ unused:
    the build (and the no-change check after it) never reads them."""
    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "assets").mkdir(exist_ok=True)
    for place in (folder / "content/tiny", folder / "assets"):
        stray = place / "stray.yaml"
        {"device": lambda p: p.symlink_to("/dev/zero"), "fifo": os.mkfifo,
         "loop": lambda p: p.symlink_to(p.name),
         "folder-loop": lambda p: p.symlink_to(".")}[kind](stray)
    for _ in range(2):
        code, err, seconds, peak = _run(folder, "build")
        assert code == 0 and "Traceback" not in err, err
        assert peak < MEMORY_LIMIT_MIB


# ------------------------------------------------------------ bugs


BUG = '''
import dataclasses, builder.outputs as o
def _boom(*args, **kwargs):
    raise ValueError("boom in the deck")
o.OUTPUTS = tuple(dataclasses.replace(x, render=_boom) if x.name == "deck" else x
                  for x in o.OUTPUTS)
'''


def _with_bug(folder: Path) -> None:
    """Make the deck stage raise (as a bug would) in the next runs, through sitecustomize."""
    (folder / "bug").mkdir()
    (folder / "bug" / "sitecustomize.py").write_text(BUG, encoding="utf-8")


def _run_with_bug(folder: Path, *args: str) -> tuple[int, str]:
    env = dict(os.environ, PYTHONPATH=f"{folder / 'bug'}{os.pathsep}{ROOT}")
    done = subprocess.run([sys.executable, "-m", "builder", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=TIME_LIMIT_S)
    return done.returncode, done.stderr


def test_a_bug_names_briefing_and_stage_keeps_outputs_and_hides_the_traceback(
        tmp_path: Path) -> None:
    folder = _built(tmp_path, MINIMAL_PART)
    before = {p.name: p.read_bytes() for p in (folder / "output/tiny").iterdir() if p.is_file()}
    _with_bug(folder)
    code, err = _run_with_bug(folder, "build", "--force")
    assert code == 2 and "Traceback" not in err, err
    assert ("internal error while making the deck for 'tiny' (ValueError: boom in the deck); "
            "the previous outputs were kept") in err, err
    after = {p.name: p.read_bytes() for p in (folder / "output/tiny").iterdir() if p.is_file()}
    assert after == before
    code, err = _run_with_bug(folder, "build", "--force", "-v")
    assert code == 2 and "Traceback" in err and "boom in the deck" in err, err


FULL = '''
import dataclasses, errno, builder.outputs as o
def _full(inputs, path):
    raise OSError(errno.ENOSPC, "No space left on device")
o.OUTPUTS = tuple(dataclasses.replace(x, render=_full) if x.name == "pdf" else x
                  for x in o.OUTPUTS)
'''


def test_a_full_disk_is_one_line_naming_the_folder(tmp_path: Path) -> None:
    folder = _built(tmp_path, MINIMAL_PART)
    (folder / "bug").mkdir()
    (folder / "bug" / "sitecustomize.py").write_text(FULL, encoding="utf-8")
    code, err = _run_with_bug(folder, "build", "--force")
    assert code == 1 and "Traceback" not in err, err
    assert f"briefing: {folder / 'output'}: cannot write (the disk is full; free some " \
           "space) and build again; the previous outputs were kept" in err, err
    assert (folder / "output/tiny/tiny.pdf").stat().st_size > 1000


# The timer is stopped when the build has ended: Python restores SIGALRM's default action
# (end the process) while it shuts down, and a build that took just under the delay would
# be killed by the test's own alarm.
INTERRUPT_AFTER = """
import os, runpy, signal, sys
ended = []
signal.signal(signal.SIGALRM, lambda *_: ended or os.kill(os.getpid(), signal.SIGINT))
signal.setitimer(signal.ITIMER_REAL, float(sys.argv[1]))
sys.argv = ["builder", "build"]
try:
    runpy.run_module("builder", run_name="__main__")
finally:
    ended.append(True)
    signal.setitimer(signal.ITIMER_REAL, 0)
"""


@pytest.mark.parametrize("delay_ms", [15, 30, 60, 100, 150, 250, 400, 700])
def test_ctrl_c_while_starting_prints_no_traceback(tmp_path: Path, delay_ms: int) -> None:
    """Ctrl-C at moments of the builder's start (its imports, reading the content, the
    first jobs), once Python itself has started: a line, exit 130, nothing half-written."""
    folder = _project(tmp_path, MINIMAL_PART)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", INTERRUPT_AFTER, str(delay_ms / 1000)],
                          cwd=folder, env=env, capture_output=True, text=True,
                          timeout=TIME_LIMIT_S)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 130), (done.returncode, done.stderr)
    assert done.returncode == 0 or "interrupted" in done.stderr
    assert not (folder / "output" / "tiny").exists() or done.returncode == 0


def test_discovery_names_what_it_cannot_build(tmp_path: Path) -> None:
    folder = _project(tmp_path, MINIMAL_PART)
    (folder / "content/other").mkdir()
    os.mkfifo(folder / "content/other/briefing.yaml")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (folder / "content/linked").symlink_to(outside)
    (folder / "content/loop").symlink_to(folder / "content")
    code, err, _, _ = _run(folder, "check")
    assert code == 1 and "Traceback" not in err, err
    assert "content/other/briefing.yaml:0: briefing.yaml is a named pipe (FIFO)" in err
    assert "content/linked:0: warning: folder is a link to a folder outside content/" in err


def test_a_folder_read_as_a_file_is_named_not_raised(tmp_path: Path) -> None:
    """What every read of content goes through, given a folder where a file was named (a
    folder called part.yaml): a reason, not IsADirectoryError."""
    from builder.files import read_regular
    from builder.stamp import _digest

    (tmp_path / "part.yaml").mkdir()
    assert read_regular(tmp_path / "part.yaml") == "is a folder, not a file"
    assert _digest(str(tmp_path / "part.yaml")).startswith("<not a file")


def test_the_no_change_check_does_not_walk_a_link_out_of_content(tmp_path: Path) -> None:
    """The builder reads nothing through a link to a folder outside content/ (it warns),
    so the check of what changed does not hash what lies there either."""
    from builder.stamp import _files

    folder = _project(tmp_path, MINIMAL_PART)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "big.bin").write_bytes(b"x" * 1000)
    (folder / "content/linked").symlink_to(outside)
    (folder / "content/tiny/again").symlink_to(folder / "content/tiny")  # inside: walked once
    files = _files(folder, source=False)
    assert not any("big.bin" in f for f in files), files
    assert any(f.endswith("content/tiny/briefing.yaml") for f in files), files
