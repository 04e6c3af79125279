"""libyaml builds the located tree when it can; the tree, lines and problems must be exactly
those of PyYAML's pure-Python parser (which also gives every syntax-error message)."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.content import load
from builder.content.load import Mapping, Node, Scalar, parse
from builder.problems import Problem
from tests.content.conftest import BRIEFING, PART
from tests.content.test_properties import YAMLISH

ROOT = Path(__file__).resolve().parents[2]
needs_libyaml = pytest.mark.skipif(load._CParser is None, reason="PyYAML without libyaml")


def _dump(node: Node | None) -> object:
    if node is None:
        return None
    if isinstance(node, Scalar):
        return ("S", node.text, repr(node.value), node.tag, node.line, node.quoted, node.size)
    if isinstance(node, Mapping):
        return ("M", node.line, node.size,
                [(k, _dump(a), _dump(b)) for k, (a, b) in node.items.items()])
    return ("Q", node.line, node.size, [_dump(x) for x in node.items])


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """(Python parser only, libyaml where it fits): each as (tree, problem lines)."""
    out = []
    for fits in (lambda t: False, load._libyaml_fits):
        with monkeypatch.context() as m:
            m.setattr(load, "_libyaml_fits", fits)
            problems: list[Problem] = []
            root = parse(text, "x.yaml", problems)
            out.append((_dump(root), [str(p) for p in problems]))
    return out[0], out[1]


def _samples() -> list[str]:
    files = sorted((ROOT / "content").rglob("*.yaml"))
    return [f.read_text(encoding="utf-8") for f in files] + [BRIEFING, PART]


@needs_libyaml
def test_real_content_goes_through_libyaml() -> None:
    for text in _samples():
        assert load._libyaml_fits(text)


@needs_libyaml
def test_parsers_agree_on_real_content(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _samples():
        py, c = _both(text, monkeypatch)
        assert py == c


@needs_libyaml
def test_parsers_agree_on_edited_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines deleted, repeated, shifted and characters typed: the usual editing slips."""
    rng = random.Random(7)
    typed = list("  - : ' \" [ ] { } # & * ? , | > ! \t \n é ---".split(" ")) + [
        "&x ", "*x", "!!str ", "\ufeff", "\x1b", "\u202e", " ", "|#", "? ", "{a: }"]
    samples = _samples()
    for _ in range(400):
        lines = rng.choice(samples).splitlines(keepends=True)
        for _ in range(rng.randint(1, 4)):
            j = rng.randrange(len(lines))
            op = rng.random()
            if op < 0.2:
                del lines[j]
            elif op < 0.35:
                lines.insert(j, rng.choice(lines))
            elif op < 0.5:
                lines[j] = " " + lines[j]
            elif op < 0.6:
                lines[j] = lines[j][1:]
            else:
                k = rng.randint(0, len(lines[j]))
                lines[j] = lines[j][:k] + rng.choice(typed) + lines[j][k + rng.randint(0, 1):]
        py, c = _both("".join(lines), monkeypatch)
        assert py == c


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a:\tb\n",                 # libyaml accepts a tab after "key:"
    "a: b\n\ufeffc: d\n",      # libyaml drops a BOM at a line start
    "a: >#\n  x\n",            # PyYAML refuses "#" right after a block indicator
    "a: !\n",                  # libyaml: a bare "!" empty node is not implicit
    "a: [Why?, 3]\n",          # PyYAML ends a flow plain scalar at "?"
    "{? '' : \r}\n",           # an empty value inside {...}: marks differ
    "a:\n",                    # an empty value at the end
    "a: b",                    # no final line break: libyaml's end mark is a line lower
    "---\na: 1\n---\nb: [\n",  # a second document, then an error
    "a: 1\nb: \x1b\n" + "[" * 60 + "\n",
])
def test_parsers_agree_on_known_differences(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    py, c = _both(text, monkeypatch)
    assert py == c


@needs_libyaml
@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_parsers_agree_on_anything(text: str) -> None:
    with pytest.MonkeyPatch.context() as m:
        assert _both(text, m)[0] == _both(text, m)[1]
        assert _both(text + "\n", m)[0] == _both(text + "\n", m)[1]


@pytest.mark.parametrize(("text", "message"), [
    ("a: !!bool maybe\n", "cannot read 'maybe' as !!bool; remove the tag"),
    ("a: !!int ''\n", "cannot read '' as !!int; remove the tag"),
    ("a: !!float ''\n", "cannot read '' as !!float; remove the tag"),
])
def test_unreadable_tagged_scalar_is_a_problem(text: str, message: str) -> None:
    problems: list[Problem] = []
    parse(text, "x.yaml", problems)
    assert [p.message for p in problems] == [message]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=50))
def test_clean_fast_path_matches_the_slow_loop(text: str) -> None:
    """``clean`` skips its per-character loop for text with nothing to report."""
    problems: list[Problem] = []
    out = load.clean(text, "x.yaml", 1, problems)
    if not problems:
        assert out == unicodedata.normalize("NFC", text)


def test_every_reported_character_is_unprintable() -> None:
    """The fast path relies on str.isprintable() being False for each of them."""
    reported = [chr(cp) for cp in range(0x110000) if load._SUSPECT.match(chr(cp))]
    assert len(reported) == 2189 and not any(ch.isprintable() for ch in reported)
    for ch in reported:
        problems: list[Problem] = []
        load.clean(ch, "x.yaml", 1, problems)
        assert problems, f"U+{ord(ch):04X}"
