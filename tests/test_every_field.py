"""Hostile text in every text-bearing field: the document that uses every field of every
shape (``tests.content.test_schema``; a test there fails when a field is added to the
shapes and not to it) is rewritten, field by field as the shapes declare them, so that
each text holds a marker and markup, quotes and XML that must stay literal. It must
build, and every marker must be found in the PDF, the deck or a chart file, followed by
the hostile text exactly as written, wherever it appears."""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from builder.content import shapes
from builder.limits import field_limit
from tests.conftest import run_cli
from tests.content.test_schema import SINK_BRIEFING, SINK_PART

PAYLOAD = '<b>B</b> & "q" \'a\' <font color="red">F</font> <img src="x"/> &lt; ]]> "/><x y="'
SHORT = '<b>&"\'/>'
TEXT_TYPES = ("line", "text", "markup")
# fields that name something else (their text must match it) or are not text
REFERENCES = {("chart", "source"), ("chart", "category"), ("chart series", "column"),
              ("table column", "sums"), ("dataset", "columns"), ("briefing", "language"),
              ("briefing", "template"), ("handout", "sections"), ("handout", "charts"),
              ("accept entry", "column")}
# row labels, renamed alike
LABEL_REFERENCES = {("chart", "highlight"), ("chart", "rows"), ("accept entry", "row")}
# fields that are for editors only, by design
NOT_SHOWN = {"dataset.title": "names the data for editors; a chart shows its own title",
             "'slot' block.about": "tells the editors of a series what a slot is for",
             "accept entry.reason": "why a published inconsistency is kept, for editors"}


class Hostile:
    """Rewrites documents, keeping the marker of every text it changed."""

    def __init__(self) -> None:
        self.markers: dict[str, str] = {}  # marker -> "shape.key"
        self.labels: dict[str, str] = {}  # row label -> its hostile version

    def text(self, original: str, where: str, limit: int) -> str:
        marker = f"QZ{len(self.markers)}ZQ"
        self.markers[marker] = where
        payload = PAYLOAD if limit >= 2 * len(PAYLOAD) + 20 else SHORT
        return f"{marker} {payload} {original}"[:limit] if len(original) < limit // 2 else (
            f"{marker} {payload}")

    def label(self, original: str) -> str:
        if original not in self.labels:
            self.labels[original] = self.text(original, "row label", 300)
        return self.labels[original]

    def doc(self, doc: dict[str, Any], shape: shapes.Shape) -> dict[str, Any]:
        out = {}
        for key, value in doc.items():
            field = shape.field(key)
            out[key] = self.value(value, field, shape)
        return out

    def value(self, value: Any, field: shapes.Field, shape: shapes.Shape) -> Any:
        where = f"{shape.name}.{field.key}"
        limit = field_limit(shape.name, field.key, field.type).value
        if (shape.name, field.key) in REFERENCES or field.type in ("id", "slug", "url"):
            return value
        if (shape.name, field.key) in LABEL_REFERENCES:
            return self.label(value) if isinstance(value, str) else [self.label(v) for v in value]
        kind = field.type
        if kind in TEXT_TYPES and isinstance(value, str):
            return self.text(value, where, limit)
        if kind in ("lines", "markups", "quote"):
            items = value if isinstance(value, list) else [value]
            return [self.text(v, where, limit) for v in items]
        if kind == "items":
            return [self.text(v, where, limit) if isinstance(v, str)
                    else self.doc(v, shapes.LIST_ITEM) for v in value]
        if kind in ("shape", "list"):
            sub = shapes.SHAPES[field.shape]
            return self.doc(value, sub) if isinstance(value, dict) else [
                self.doc(v, sub) for v in value]
        if kind == "blocks":
            return [self.block(b) for b in value]
        if kind == "slots":
            return {slot: [self.block(b) for b in blocks] for slot, blocks in value.items()}
        if kind == "cells":
            return [[self.label(r[0]), *r[1:-1], self.text(r[-1], "cell", 2000)] for r in value]
        if kind == "values":
            return [[self.label(r[0]), *r[1:]] for r in value]
        return value

    def block(self, block: dict[str, Any]) -> dict[str, Any]:
        if "kind" in block:
            rest = {k: v for k, v in block.items() if k != "kind"}
            return {"kind": block["kind"], **self.doc(rest, shapes.SHAPES[block["kind"]])}
        kind = next(k for k in block if k in shapes.BLOCKS)
        return self.doc(block, shapes.BLOCKS[kind])


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_texts(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    reader = PdfReader(path)
    out = [page.extract_text() or "" for page in reader.pages]
    out += [str(v) for v in (reader.metadata or {}).values()]
    numbers = [(n, g) for g, objs in reader.xref.items() for n in objs]
    numbers += [(n, 0) for n in reader.xref_objStm]
    for number, generation in numbers:
        item = reader.get_object(IndirectObject(number, generation, reader))
        if hasattr(item, "get"):
            out += [str(item[k]) for k in ("/Alt", "/Contents", "/ActualText", "/Title")
                    if k in item and isinstance(item[k], str)]
    return out


def _xml_texts(data: bytes) -> list[str]:
    root = ElementTree.fromstring(data)
    return ["".join(el.itertext()) for el in root.iter()] + [
        v for el in root.iter() for v in el.attrib.values()]


def _deck_texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [t for name in zf.namelist() if name.endswith(".xml")
                for t in _xml_texts(zf.read(name))]


def _literal(following: str) -> bool:
    """Whether ``following`` (after a marker) starts with the hostile text as written;
    the cover's capitals and a chart label cut short with an ellipsis count as written."""
    for payload in (_norm(PAYLOAD), _norm(SHORT)):
        if following.casefold().startswith(payload.casefold()):
            return True
        cut = following[:len(payload) + 1].split("\u2026")
        if len(cut) > 1 and len(cut[0]) >= 3 and payload.startswith(cut[0]):
            return True
    return False


def _literal_everywhere(haystack: str, marker: str) -> bool:
    at = haystack.find(marker)
    while at >= 0:
        if not _literal(haystack[at + len(marker): at + len(marker) + 200]):
            return False
        at = haystack.find(marker, at + 1)
    return True


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Hostile, Path]:
    hostile = Hostile()
    part = hostile.doc(copy.deepcopy(SINK_PART), shapes.PART)
    briefing = hostile.doc(copy.deepcopy(SINK_BRIEFING), shapes.BRIEFING)
    root = tmp_path_factory.mktemp("every-field")
    for name, doc in (("briefing.yaml", briefing), ("part.yaml", part)):
        path = root / "content" / "sink" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, width=1000), encoding="utf-8")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return hostile, root / "output" / "sink"


Source = Callable[[Path], list[str]]
SOURCES: dict[str, Source] = {
    "PDF": lambda out: [t for pdf in sorted(out.glob("*.pdf")) for t in _pdf_texts(pdf)],
    "deck": lambda out: _deck_texts(out / "sink.pptx"),
    "charts": lambda out: [t for svg in sorted((out / "charts").glob("*.svg"))
                           for t in _xml_texts(svg.read_bytes())],
}


def test_every_marked_text_is_shown_literally(built: tuple[Hostile, Path]) -> None:
    hostile, out = built
    found: dict[str, list[str]] = {m: [] for m in hostile.markers}
    garbled: list[str] = []
    for name, read in SOURCES.items():
        haystack = _norm("\n".join(read(out)))
        for marker in hostile.markers:
            if _norm(marker) not in haystack:
                continue
            found[marker].append(name)
            if not _literal_everywhere(haystack, _norm(marker)):
                garbled.append(f"{hostile.markers[marker]} ({marker}) in the {name}")
    missing = [f"{where} ({m})" for m, where in hostile.markers.items()
               if not found[m] and where not in NOT_SHOWN]
    assert not garbled, "not shown literally: " + ", ".join(garbled)
    assert not missing, "shown nowhere: " + ", ".join(missing)
    assert len(hostile.markers) > 60
