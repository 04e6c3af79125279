"""JSON Schemas for briefing, part and brand files, made from the same field definitions
the readers use (``shapes.py``), so an editor's completion and checking agree with
``briefing check``. ``python -m builder.content.schema [DIR]`` writes them (default
``schema/``); a test keeps the committed copies current.

The schemas describe values as PyYAML reads them (YAML 1.1): any scalar is text where
text is expected, since the loader keeps ``NO`` or ``1.10`` as written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from builder.content import shapes
from builder.content.shapes import Field, Shape

DRAFT = "http://json-schema.org/draft-07/schema#"
SCALAR = ["string", "number", "boolean", "null"]
_LINE = r"^\s*([^\n]*\S)?\s*$"
_FILLED_LINE = r"^\s*[^\n]*\S[^\n]*\s*$"
_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
_SLUG = r"^[a-z0-9][a-z0-9-]*$"
_COLOUR = {"type": "string", "pattern": r"^\s*#[0-9A-Fa-f]{6}\s*$"}
_URL = (r"^\s*$|^\s*([Ww][Ww][Ww]\.|([Hh][Tt][Tt][Pp][Ss]?|[Mm][Aa][Ii][Ll][Tt][Oo]):)"
        r"[^\n]*$")

Json = dict[str, Any]


def _text(f: Field) -> Json:
    if f.type == "line":
        return {"type": SCALAR[:-1] if f.filled else SCALAR,
                "pattern": _FILLED_LINE if f.filled else _LINE}
    return {"type": SCALAR[:-1], "pattern": r"\S"} if f.filled else {"type": SCALAR}


def _ident(pattern: str) -> Json:
    return {"type": ["string", "integer", "boolean"], "pattern": pattern, "minimum": 0}


def _list(items: Json) -> Json:
    return {"type": ["array", "null"], "items": items}


def _ref(name: str) -> Json:
    return {"$ref": f"#/definitions/{name}"}


def _value(f: Field) -> Json:
    """The schema of one field's value."""
    text: Json = {"type": SCALAR}
    match f.type:
        case "line" | "text" | "markup":
            return _text(f)
        case "id":
            return _ident(_ID)
        case "slug":
            return _ident(_SLUG)
        case "lines":
            if f.min_items > 1:
                return {"type": "array", "items": text, "minItems": f.min_items}
            return {"anyOf": [{"type": SCALAR}, _list(text)]}
        case "markups":
            return _list(text)
        case "url":
            return {"type": ["string", "null"], "pattern": _URL}
        case "int":
            return {"type": "integer"}
        case "number":
            return {"type": "number"}
        case "size":
            return {"type": "number", "exclusiveMinimum": 0}
        case "bool":
            return {"type": "boolean"}
        case "choice":
            return {"enum": list(f.options)}
        case "colour":
            return _COLOUR
        case "colours":
            return {"type": "array", "items": _COLOUR, "minItems": max(1, f.min_items)}
        case "shape":
            return _ref(f.shape)
        case "list":
            if f.min_items:
                return {"type": "array", "items": _ref(f.shape), "minItems": f.min_items}
            return _list(_ref(f.shape))
        case "blocks":
            return _list(_ref("block"))
        case "items":
            return _list({"anyOf": [text, _ref("list item")]})
        case "quote":
            return {"anyOf": [text, _list(text)]}
        case "cells":
            return _list({"type": "array", "minItems": 1, "items": text})
        case "values":
            return _list({"type": "array", "minItems": 1, "items": [text],
                          "additionalItems": {"type": ["number", "null"]}})
        case "numbers":
            return {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0},
                    "minItems": f.min_items, "maxItems": f.min_items}
        case "parts":
            return {"type": "array", "minItems": 1,
                    "items": {"oneOf": [_ref("part include"), _ref("part")]}}
        case "slots":
            return {"type": ["object", "null"], "additionalProperties": _list(_ref("block")),
                    "propertyNames": {"pattern": _ID}}
    raise AssertionError(f.type)


def _object(shape: Shape, skip: tuple[str, ...] = ()) -> Json:
    props: Json = {}
    for f in shape.fields:
        if f.key in skip:
            continue
        value = _value(f)
        if f.about:
            value = {**value, "description": f.about}
        props[f.key] = value
    out: Json = {"title": shape.name, "type": "object", "properties": props,
                 "additionalProperties": False}
    if shape.about:
        out["description"] = shape.about
    required = [k for k in shape.required if k not in skip]
    if required:
        out["required"] = required
    if shape.one_of:
        out["oneOf"] = [{"required": [k]} for k in shape.one_of]
    return out


def _block() -> Json:
    """One block: ``{p: ...}``, ``{table: {...}}``, or ``{kind: table, ...}``."""
    forms: list[Json] = [_ref(shape.name) for shape in shapes.BLOCKS.values()]
    for kind in shapes.KIND_FORM:
        body = _object(shapes.SHAPES[kind])
        body["properties"] = {"kind": {"const": kind}, **body["properties"]}
        body["required"] = ["kind", *body.get("required", [])]
        body["title"] = f"{kind} (kind: form)"
        forms.append(body)
    return {"oneOf": forms}


def _refs(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {value["$ref"].rsplit("/", 1)[1]} if "$ref" in value else set()
        for v in value.values():
            found |= _refs(v)
        return found
    if isinstance(value, list):
        return set().union(*(_refs(v) for v in value)) if value else set()
    return set()


def _definition(name: str) -> Json:
    if name == "block":
        return _block()
    if name == "subsection":
        return _object(shapes.SECTION, skip=("sections",))
    obj = _object(shapes.SHAPES[name])
    if name == "section":  # sections nest one level only
        obj["properties"]["sections"] = {**_list(_ref("subsection")),
                                         "description": "subsections (one level)"}
    return obj


def json_schema(root: Shape, title: str) -> Json:
    """A self-contained schema for files of shape ``root``."""
    top = _definition(root.name)
    definitions: Json = {}
    todo = sorted(_refs(top))
    while todo:
        name = todo.pop()
        if name not in definitions:
            definitions[name] = _definition(name)
            todo += sorted(_refs(definitions[name]) - set(definitions))
    return {"$schema": DRAFT, "$id": f"https://briefing-builder.invalid/{title}",
            **top, "definitions": dict(sorted(definitions.items()))}


def schemas() -> dict[str, Json]:
    """File name -> schema, for every kind of file an editor writes."""
    return {"briefing.schema.json": json_schema(shapes.BRIEFING, "briefing.schema.json"),
            "part.schema.json": json_schema(shapes.PART, "part.schema.json"),
            "brand.schema.json": json_schema(shapes.BRAND, "brand.schema.json")}


def render(schema: Json) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("schema")
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
