"""Property-based tests: no input makes the loader or the inline parser raise."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.content import load_briefing
from builder.content.inline import parse_inline
from builder.content.load import decode, parse
from builder.model import SourceRef, plain_text
from builder.problems import Problem
from tests.content.conftest import BRIEFING, BRIEFING_PATH, PART, PART_PATH, write

AT = SourceRef("x.yaml", 1)
YAMLISH = st.text(alphabet=st.sampled_from(list("ab1 :-[]{}&*!|>'\"#\n\t\\%@`,?.~") + [
    "\x00", "\x1b", "\u202e", "\ufffe", "\u00e9"]), max_size=200)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_parse_never_raises(text: str) -> None:
    problems: list[Problem] = []
    parse(text, "x.yaml", problems)
    assert all(p.path == "x.yaml" and p.line >= 0 for p in problems)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_decode_and_parse_bytes_never_raise(data: bytes) -> None:
    problems: list[Problem] = []
    text = decode(data, "x.yaml", problems)
    if text is not None:
        parse(text, "x.yaml", problems)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_inline_parser_never_raises(text: str) -> None:
    parse_inline(text, AT, [])


@given(st.text(alphabet=st.characters(blacklist_characters="*[]{}\\"), max_size=200))
def test_text_without_markers_is_kept_exactly(text: str) -> None:
    assert plain_text(parse_inline(text, AT, [])) == text


@given(st.text(alphabet=st.characters(blacklist_characters="[]{}\\"), max_size=100))
def test_stars_are_never_lost(text: str) -> None:
    """Every non-star character survives emphasis parsing, in order."""
    out = plain_text(parse_inline(text, AT, []))
    assert out.replace("*", "") == "".join(ch for ch in text if ch != "*")


@settings(max_examples=100, deadline=None)
@given(YAMLISH)
def test_load_briefing_never_raises(text: str) -> None:
    """Whatever a part file holds, the answer is problems (or a model), never an exception."""
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        write(root, BRIEFING_PATH, BRIEFING)
        (root / PART_PATH).write_text(PART + text, encoding="utf-8")
        model, problems = load_briefing(root / BRIEFING_PATH, root)
        assert (model is None) == any(p.severity == "error" for p in problems)
