"""The JSON Schemas editors use and the loader agree: on the shipped content, on a
document that uses every field, and on that document broken in every position."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from builder.content import load_briefing, shapes
from builder.content.schema import render, schemas
from tests.conftest import ROOT
from tests.content.conftest import write
from tests.documents import DELETE, Path_, positions, replaced


class _Yaml11(yaml.SafeLoader):
    """PyYAML as the loader reads values, but dates stay text (as the loader keeps them)."""


_Yaml11.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

SCHEMAS = schemas()
BRIEFING_SCHEMA = SCHEMAS["briefing.schema.json"]
PART_SCHEMA = SCHEMAS["part.schema.json"]

# Every shape and field of a briefing and a part, with valid values.
SINK_BRIEFING: dict[str, Any] = {
    "id": "sink", "title": "Sink", "subtitle": "All fields", "series": "S", "date": "2022",
    "publisher": {"name": "P", "address": ["1 Street"], "telephone": "01",
                  "email": "a@b.org", "website": "www.example.org"},
    "authors": "One Author", "parts": [{"include": "part.yaml"}],
    "short_title": "Sink", "sector": "Health", "language": "en-GB", "keywords": ["k"],
    "acknowledgements": ["Thanks"], "copyright": "(c)", "partners": ["P"],
    "colophon": ["C"], "template": "", "slots": {"who": [{"p": "Our readers."}]},
    "references": [{"id": "r1", "text": "Ref *one*.", "url": "https://example.org"}],
    "footnotes": [{"id": "fn-b", "text": "Briefing note."}],
    "charts": [{"id": "c2", "kind": "line", "source": "ds", "category": "label",
                "series": [{"column": "v"}], "title": "Line"}],
    "datasets": [{"id": "ds", "title": "D", "source": "Somewhere", "columns": ["k", "v"],
                  "rows": [["a", 1], ["b", None]]}],
    "deck": {"minutes": 60},
    "print": "press", "handout": {"sections": ["s1"], "charts": ["c2"], "pages": 3},
}
SINK_PART: dict[str, Any] = {
    "id": "part-1", "title": "Part", "shared": False,
    "blocks": [{"p": "Before sections.{fn:fn-b}"}],
    "sections": [{
        "id": "s1", "title": "One",
        "slides": {"skip": False, "show": True, "bullets": ["b"],
                   "extra": [{"title": "X", "bullets": ["y"], "notes": "n"}]},
        "training": {"questions": ["Why?"], "prompts": ["Pairs first."],
                     "activities": [{"title": "A", "minutes": 5, "steps": ["Do it."]}]},
        "blocks": [
            {"p": "Text{fn:fn-p} {see:t1}"},
            {"slot": "who", "about": "Who the briefing is for"},
            {"bullets": ["a", {"text": "b", "items": ["c"]}]},
            {"quote": ["q1", "q2"], "voice": True, "attribution": "A"},
            {"case": {"title": "T", "blocks": [{"p": "c"}, {"quote": "q"}]}},
            {"learning_points": ["l"], "title": "Learning points"},
            {"table": {"id": "t1", "number": 1, "title": "T",
                       "columns": [{"key": "k", "label": "K"},
                                   {"key": "a", "label": "A", "n": 4, "partition": True},
                                   {"key": "b", "label": "B", "sums": ["a"], "n": 4}],
                       "rows": [["x", "4 (100%)", "4"]], "notes": ["note"], "chart": "c1",
                       "accept": [{"column": "b", "row": "x", "reason": "as printed"}]}},
            {"kind": "figure", "id": "f1", "number": 1, "title": "F", "chart": "c2",
             "caption": "c", "missing": "m", "source_note": "s"},
        ],
        "sections": [{"id": "s1a", "title": "Sub", "blocks": [{"p": "sub"}]}],
    }],
    "footnotes": [{"id": "fn-p", "text": "Part note."}],
    "references": [{"id": "r2", "text": "Part ref."}],
    "charts": [{"id": "c1", "kind": "hbar", "source": "t1", "series": [{"column": "a",
                "label": "A"}], "title": "C", "unit": "count", "x_label": "x", "y_label": "y",
                "sort": "descending", "highlight": ["x"], "rows": ["x"], "source_note": "s",
                "alt": "Alt.", "missing": ""}],
    "datasets": [],
}


def _load(tmp_path: Path, briefing: dict[str, Any], part: dict[str, Any]) -> list[str]:
    write(tmp_path, "content/sink/briefing.yaml", yaml.safe_dump(briefing, allow_unicode=True))
    write(tmp_path, "content/sink/part.yaml", yaml.safe_dump(part, allow_unicode=True))
    _, problems = load_briefing(tmp_path / "content/sink/briefing.yaml", tmp_path)
    return [str(p) for p in problems if p.severity == "error"]


def _schema_errors(schema: dict[str, Any], doc: Any) -> list[str]:
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(doc)]


def test_committed_schemas_are_current() -> None:
    for name, schema in SCHEMAS.items():
        committed = ROOT / "schema" / name
        assert committed.read_text(encoding="utf-8") == render(schema), (
            f"schema/{name} is out of date: run python -m builder.content.schema")


def test_schemas_are_valid_json_schema() -> None:
    for schema in SCHEMAS.values():
        jsonschema.Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("rel,name", [
    ("content/health/briefing.yaml", "briefing.schema.json"),
    ("content/health/part2.yaml", "part.schema.json"),
    ("content/shared/scr-2017-19/part1.yaml", "part.schema.json"),
])
def test_shipped_content_is_valid(rel: str, name: str) -> None:
    doc = yaml.load((ROOT / rel).read_text(encoding="utf-8"), Loader=_Yaml11)
    assert _schema_errors(SCHEMAS[name], doc) == []


def _keys_used(doc: Any, shape: str, found: set[tuple[str, str]]) -> None:
    """(shape, key) for every key in ``doc`` read as ``shape``."""
    if not isinstance(doc, dict):
        return
    s = shapes.SHAPES[shape]
    for key, value in doc.items():
        found.add((shape, key))
        f = s.field(key)
        inner = {"shape": f.shape, "list": f.shape, "items": "list item",
                 "parts": "part include"}.get(f.type, "")
        if f.type == "slots":
            value = [b for blocks in value.values() for b in blocks]
        for v in value if isinstance(value, list) else [value]:
            if f.type in ("blocks", "slots"):
                _block_keys(v, found)
            elif inner:
                _keys_used(v, inner, found)


def _block_keys(block: dict[str, Any], found: set[tuple[str, str]]) -> None:
    if "kind" in block:
        found.add((shapes.BLOCKS[block["kind"]].name, block["kind"]))
        _keys_used({k: v for k, v in block.items() if k != "kind"}, block["kind"], found)
        return
    (kind,) = [k for k in block if k in shapes.BLOCKS]
    _keys_used(block, shapes.BLOCKS[kind].name, found)


def test_the_sink_uses_every_field() -> None:
    """A field added to shapes.py must be added to the sink, so that it is tested below."""
    found: set[tuple[str, str]] = set()
    _keys_used(SINK_BRIEFING, "briefing", found)
    _keys_used(SINK_PART, "part", found)
    content = [s for s in shapes.SHAPES.values() if s not in shapes.BRAND_SHAPES]
    every = {(s.name, f.key) for s in content for f in s.fields}
    assert every - found == set()


def test_the_sink_is_valid_for_both(tmp_path: Path) -> None:
    assert _load(tmp_path, SINK_BRIEFING, SINK_PART) == []
    assert _schema_errors(BRIEFING_SCHEMA, SINK_BRIEFING) == []
    assert _schema_errors(PART_SCHEMA, SINK_PART) == []




def _field_of(doc: dict[str, Any], root: str, path: Path_) -> shapes.Field | None:
    """The declared field at ``path`` (a key of a mapping), or None when not declared."""
    holder: Any = doc
    for step in path[:-1]:
        holder = holder[step]
    shape = _shape_at(doc, root, path[:-1])
    if shape is None or not isinstance(holder, dict):
        return None
    try:
        return shapes.SHAPES[shape].field(str(path[-1]))
    except KeyError:
        return None


def _shape_at(doc: Any, shape: str | None, path: Path_) -> str | None:
    """The shape name of the mapping at ``path``."""
    value = doc
    kind = "shape"
    for step in path:
        if shape is None:
            return None
        if kind == "slots":
            value, kind = value[step], "blocks"
            continue
        if isinstance(step, int):
            value = value[step]
            if kind == "blocks":
                shape = (shapes.SHAPES[value["kind"]].name if "kind" in value else
                         next(shapes.BLOCKS[k].name for k in value if k in shapes.BLOCKS))
            elif kind == "parts":
                shape = "part include" if "include" in value else "part"
            elif kind == "items":
                shape = "list item"
            continue
        f = shapes.SHAPES[shape].field(step)
        value = value[step]
        kind = f.type
        shape = f.shape or None if f.type in ("shape", "list") else shape
    return shape


# Whole-document rules the schema cannot state (a removed optional key can break them).
DOCUMENT_RULES = ("points nowhere", "is never referenced", "is not a column", "is not a row",
                  "has partition/sums but no 'n'", "does not exist",
                  "is not a table or dataset id", "is not a slot of",
                  "that this briefing does not fill")


def _mutations(doc: dict[str, Any], root: str) -> Iterator[tuple[str, Any, bool]]:
    """(what, mutated document, still valid in shape?): every mapping with an unknown key
    and without each of its keys; every value of a mapping replaced by a value of the
    wrong kind (a mapping for a scalar or list, text for a mapping or list)."""
    for path, value in positions(doc):
        if isinstance(value, dict):
            yield f"{path} + unknown key", replaced(doc, path, {**value, "zzz": 1}), False
            for key in value:
                f = _field_of(doc, root, (*path, key))
                required = path[-1:] != ("slots",) and (f is None or f.required)
                yield f"{path} - {key}", replaced(doc, (*path, key), DELETE), not required
        if path and isinstance(path[-1], str) and path[-1] != "kind":
            wrong = "text" if isinstance(value, dict | list) else {"x": 1}
            f = _field_of(doc, root, path)
            ok = (wrong == "text" and f is not None and f.type in ("lines", "quote")
                  and f.min_items < 2)
            yield f"{path} = {json.dumps(wrong)}", replaced(doc, path, wrong), ok


def _verdicts(tmp_path: Path, briefing: dict[str, Any], part: dict[str, Any]
              ) -> tuple[list[str], bool]:
    loader = _load(tmp_path, briefing, part)
    schema = bool(_schema_errors(BRIEFING_SCHEMA, briefing) + _schema_errors(PART_SCHEMA, part))
    return loader, schema


def _agree(tmp_path: Path, briefing: dict[str, Any], part: dict[str, Any]) -> tuple[bool, bool]:
    loader, schema = _verdicts(tmp_path, briefing, part)
    return bool(loader), schema


def test_loader_and_schema_agree_on_every_broken_position(tmp_path: Path) -> None:
    disagree: list[str] = []
    runs = [("part", m, SINK_BRIEFING, m[1]) for m in _mutations(SINK_PART, "part")]
    runs += [("briefing", m, m[1], SINK_PART) for m in _mutations(SINK_BRIEFING, "briefing")]
    for file, (what, _, valid), briefing, part in runs:
        loader, schema = _verdicts(tmp_path, briefing, part)
        shape_errors = [e for e in loader if not any(r in e for r in DOCUMENT_RULES)]
        if schema == valid or bool(shape_errors) == valid:
            disagree.append(f"{file} {what}: expected valid={valid}; loader {loader}, "
                            f"schema rejects={schema}")
    assert len(runs) > 250
    assert disagree == [], "\n".join(disagree)


# (path in the sink part, value, both accept?)
CASES: list[tuple[Path_, Any, bool]] = [
    (("sections", 0, "id"), "has space", False),
    (("sections", 0, "id"), "-dash", False),
    (("sections", 0, "title"), "", False),
    (("sections", 0, "title"), 2022, True),
    (("sections", 0, "title"), "two\nlines", False),
    (("sections", 0, "title"), "NO", True),
    (("charts", 0, "kind"), "pie", False),
    (("charts", 0, "unit"), "percent", True),
    (("charts", 0, "sort"), None, False),
    (("sections", 0, "blocks", 3, "voice"), "maybe", False),
    (("sections", 0, "blocks", 3, "voice"), "yes", False),
    (("sections", 0, "blocks", 3, "voice"), False, True),
    (("sections", 0, "blocks", 6, "table", "number"), "1", False),
    (("sections", 0, "blocks", 6, "table", "number"), 1.5, False),
    (("sections", 0, "blocks", 6, "table", "number"), True, False),
    (("sections", 0, "blocks", 0), {"p": "a", "bullets": ["b"]}, False),
    (("sections", 0, "blocks", 0), {"para": "a"}, False),
    (("sections", 0, "blocks", 0), "just text", False),
    (("sections", 0, "blocks", 0), {"kind": "table"}, False),
    (("sections", 0, "sections", 0, "sections"), [{"id": "x", "title": "X"}], False),
    (("sections",), None, True),
    (("sections", 0, "sections"), None, True),
]


@pytest.mark.parametrize("path,value,valid", CASES, ids=[f"{c[0]}={c[1]!r}" for c in CASES])
def test_loader_and_schema_agree_on_values(tmp_path: Path, path: Path_, value: Any,
                                           valid: bool) -> None:
    part = replaced(SINK_PART, path, value)
    if path == ("sections",) and value is None:  # the cross-reference needs its section
        part["blocks"] = [{"p": "Before sections.{fn:fn-b}{fn:fn-p}"}, {"slot": "who"}]
        part["charts"] = []
        briefing = {**SINK_BRIEFING, "charts": [], "datasets": [], "handout": {"pages": 3}}
    else:
        briefing = SINK_BRIEFING
    assert _agree(tmp_path, briefing, part) == (not valid, not valid)


def test_dataset_values_agree(tmp_path: Path) -> None:
    # row b keeps a number: a chart whose every value is empty breaks a chart rule
    plotted = replaced(SINK_BRIEFING, ("datasets", 0, "rows", 1, 1), 2)
    for value, valid in (("12", False), (1.5, True), (None, True), ("n/a", False)):
        briefing = replaced(plotted, ("datasets", 0, "rows", 0, 1), value)
        assert _agree(tmp_path, briefing, SINK_PART) == (not valid, not valid), value


def test_link_schemes_agree(tmp_path: Path) -> None:
    for url, valid in (("javascript:alert(1)", False), ("ftp://x.org", False),
                       ("www.example.org", True), ("mailto:a@b.org", True), ("", True)):
        briefing = replaced(SINK_BRIEFING, ("references", 0, "url"), url)
        assert _agree(tmp_path, briefing, SINK_PART) == (not valid, not valid), url
