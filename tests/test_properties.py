"""Property-based tests: generated valid documents always build and pass the output gate;
generated broken ones only ever produce content errors (exit 1, ``file:line`` lines)."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import pipeline
from builder.gate import check_output
from builder.theme import font_charset, load_theme
from tests.conftest import MINIMAL_BRIEFING, MINIMAL_PART, write_project

# Every character the brand font can show (Latin, punctuation, markup characters), less
# controls and the characters that open inline syntax.
SHOWABLE = sorted(
    cp for cp in font_charset(load_theme())
    if cp >= 0x20 and unicodedata.category(chr(cp)) not in ("Cc", "Cs", "Zl", "Zp", "Cf", "Mn")
    and chr(cp) not in "\\{}\x7f\xa0\xad" and unicodedata.normalize("NFC", chr(cp)) == chr(cp)
)
TEXT = st.text(alphabet=st.sampled_from([chr(cp) for cp in SHOWABLE]), min_size=1, max_size=120
               ).filter(lambda s: s.strip() != "")

BLOCK = st.one_of(
    TEXT.map(lambda t: {"p": t}),
    st.lists(TEXT, min_size=1, max_size=6).map(lambda items: {"bullets": items}),
    st.lists(TEXT, min_size=1, max_size=4).map(lambda items: {"learning_points": items}),
    st.lists(TEXT, min_size=1, max_size=2).map(lambda ps: {"quote": ps}),
)

SECTION = st.tuples(TEXT, st.lists(BLOCK, min_size=1, max_size=5))


def _project(sections: list[tuple[str, list[dict[str, object]]]]) -> Path:
    part = {"id": "part-1", "title": "Part 1",
            "sections": [{"id": f"s{i}", "title": title, "blocks": blocks}
                         for i, (title, blocks) in enumerate(sections)]}
    folder = Path(tempfile.mkdtemp(prefix="prop-"))
    write_project(folder, {"content/tiny/briefing.yaml": MINIMAL_BRIEFING,
                           "content/tiny/part.yaml": yaml.safe_dump(part, allow_unicode=True)})
    return folder


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(SECTION, min_size=1, max_size=4))
def test_generated_valid_documents_build_and_pass_the_gate(sections: list[
        tuple[str, list[dict[str, object]]]]) -> None:
    folder = _project(sections)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = pipeline.build([], folder, folder / "output")
    assert code == 0, err.getvalue()
    out = folder / "output" / "tiny"
    assert check_output(out / "tiny.pdf") == []
    assert check_output(out / "tiny.pptx") == []


LOCATED = re.compile(r"^content/tiny/(part|briefing)\.yaml:\d+: ")
NOISE = st.sampled_from([":", "- ", "[", "]", "{", "}", "\t", "*", "&a", "!!str ", "'", '"',
                         "{fn:x}", "{see:y}", "\n  bogus: 1\n", "\n", "#", "|", ">", "%", "@"])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(MINIMAL_PART)), NOISE, st.booleans()),
                min_size=1, max_size=4))
def test_broken_documents_only_ever_give_content_errors(edits: list[tuple[int, str, bool]]
                                                        ) -> None:
    text = MINIMAL_PART
    for pos, noise, delete in edits:
        text = text[:pos] + ("" if delete else noise) + text[pos + (1 if delete else 0):]
    folder = Path(tempfile.mkdtemp(prefix="prop-bad-"))
    write_project(folder, {"content/tiny/briefing.yaml": MINIMAL_BRIEFING,
                           "content/tiny/part.yaml": text})
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = pipeline.check([], folder)
    lines = err.getvalue().splitlines()
    assert code in (0, 1)
    if code == 1:
        summary = re.compile(r"^\d+ (problems? in content; nothing was built|warnings?)$")
        located = [line for line in lines if LOCATED.match(line)]
        assert [line for line in located if ": warning: " not in line], lines
        assert all(LOCATED.match(line) or summary.match(line) for line in lines), lines
