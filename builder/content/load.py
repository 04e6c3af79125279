"""YAML text -> a tree of located values.

The tree is built from the parser's *events* (never ``yaml.load``), iteratively, so
that every mapping key and value keeps its line, duplicate keys are seen, unsafe tags
are refused, aliases are counted without being expanded and deep nesting cannot hit
Python's recursion limit. Every string is cleaned once here (see ``clean``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from builder.problems import Problem

MAX_NODES = 100_000
MAX_DEPTH = 50

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "seq", "map")} | {"!"}
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@dataclass(eq=False)
class Scalar:
    """A scalar: ``text`` is the (cleaned) text as written; ``value`` its YAML 1.1 value,
    used only where a number or a yes/no is expected."""

    text: str
    value: object
    tag: str
    line: int
    quoted: bool = False
    size: int = 1


@dataclass(eq=False)
class Mapping:
    line: int
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)
    size: int = 1


@dataclass(eq=False)
class Sequence:
    line: int
    items: list[Node] = field(default_factory=list)
    size: int = 1


Node = Scalar | Mapping | Sequence


class _Stop(Exception):
    """Internal: stop reading a file after a problem that makes the rest meaningless."""


def clean(text: str, path: str, line: int, problems: list[Problem]) -> str:
    """NFC-normalise; remove and report control characters and invalid code points.

    Newlines and tabs are kept (folded and literal text); bidi controls are kept and
    reported as warnings.
    """
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if ch in "\n\t":
            out.append(ch)
        elif cp < 0x20 or 0x7F <= cp < 0xA0:
            problems.append(Problem(path, line,
                                    f"contains control character U+{cp:04X}; remove it"))
        elif 0xD800 <= cp < 0xE000:
            problems.append(Problem(path, line,
                                    f"contains an invalid character (lone surrogate U+{cp:04X}); "
                                    "remove it"))
        elif (cp & 0xFFFE) == 0xFFFE or 0xFDD0 <= cp <= 0xFDEF:
            problems.append(Problem(path, line,
                                    f"contains a non-character U+{cp:04X}; remove it"))
        else:
            if cp in _BIDI:
                problems.append(Problem(
                    path, line, f"contains invisible bidirectional control U+{cp:04X}; "
                    "remove it unless the text really needs it", "warning"))
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def decode(data: bytes, path: str, problems: list[Problem]) -> str | None:
    """Bytes -> text: UTF-8 only; a BOM is dropped, CRLF is accepted."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        problems.append(Problem(path, line, f"invalid UTF-8 at column {col}; "
                                "save the file with UTF-8 encoding"))
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        problems.append(Problem(path, 1, "file is empty; write the YAML content or remove the file"))
        return None
    return text


def _syntax_error(e: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(e, yaml.reader.ReaderError):
        line = text[: e.position].count("\n") + 1
        ch = e.character if isinstance(e.character, int) else ord(e.character)
        return Problem(path, line, f"contains control character U+{ch:04X}; remove it")
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    lines = text.splitlines()
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = src[: len(src) - len(src.lstrip(" \t"))]
    if "\t" in indent or ("\t" in src and "'\\t'" in str(getattr(e, "problem", ""))):
        return Problem(path, line, "a tab is used for indentation; indent with spaces only")
    problem = getattr(e, "problem", None) or str(e)
    return Problem(path, line, f"YAML syntax error at column {col}: {problem}; "
                   "check indentation and quoting")


class _Builder:
    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.count = 0
        self.resolver = Resolver()
        self.constructor = SafeConstructor()

    def _grow(self, n: int, line: int) -> None:
        self.count += n
        if self.count > MAX_NODES:
            self.problems.append(Problem(
                self.path, line, f"too many aliases/nodes (more than {MAX_NODES}); "
                "do not repeat large anchored blocks with *aliases"))
            raise _Stop

    def _tag(self, tag: str | None, line: int) -> None:
        if tag is not None and tag not in _ALLOWED_TAGS:
            shown = tag.replace(_STD, "!!")
            self.problems.append(Problem(self.path, line, f"YAML tag '{shown}' is not allowed; "
                                         "remove it (content holds plain text, numbers and lists)"))

    def scalar(self, ev: yaml.ScalarEvent) -> Scalar:
        line = ev.start_mark.line + 1 if ev.start_mark is not None else 1
        self._tag(ev.tag, line)
        text = clean(ev.value, self.path, line, self.problems)
        tag = ev.tag if ev.tag in _ALLOWED_TAGS and ev.tag != "!" else None
        if tag is None:
            tag = self.resolver.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        value: object = text
        if tag in (_STD + "int", _STD + "float", _STD + "bool", _STD + "null"):
            node = yaml.ScalarNode(tag, ev.value, style=ev.style)
            try:
                value = self.constructor.construct_object(node)
            except (yaml.YAMLError, ValueError):
                self.problems.append(Problem(self.path, line, f"cannot read '{text}' as "
                                             f"{tag.replace(_STD, '!!')}; remove the tag"))
                tag = _STD + "str"
        elif tag != _STD + "str":
            tag = _STD + "str"  # timestamps and the like stay text
        return Scalar(text, value, tag, line, quoted=ev.style in ("'", '"'))

    def build(self, loader: yaml.SafeLoader) -> Node | None:
        root: Node | None = None
        # stack entries: (container, anchor, pending key list for mappings)
        stack: list[tuple[Mapping | Sequence, str | None, list[Node]]] = []
        docs = 0
        while loader.check_event():
            ev = loader.get_event()
            line = ev.start_mark.line + 1 if ev.start_mark is not None else 1
            if isinstance(ev, yaml.DocumentStartEvent):
                docs += 1
                if docs > 1:
                    self.problems.append(Problem(self.path, line, "a second YAML document "
                                                 "starts here; keep one document per file"))
                    raise _Stop
                continue
            node: Node | None = None
            if isinstance(ev, yaml.AliasEvent):
                if ev.anchor in self.open_anchors:
                    self.problems.append(Problem(self.path, line, f"alias *{ev.anchor} refers to "
                                                 "a block that contains it; remove the loop"))
                    raise _Stop
                if ev.anchor not in self.anchors:
                    self.problems.append(Problem(self.path, line, f"alias *{ev.anchor} has no "
                                                 f"anchor &{ev.anchor} before it"))
                    raise _Stop
                node = self.anchors[ev.anchor]
                self._grow(node.size, line)
            elif isinstance(ev, yaml.ScalarEvent):
                self._grow(1, line)
                node = self.scalar(ev)
                if ev.anchor:
                    self.anchors[ev.anchor] = node
            elif isinstance(ev, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self._grow(1, line)
                self._tag(ev.tag, line)
                if len(stack) >= MAX_DEPTH:
                    self.problems.append(Problem(self.path, line, f"nested more than {MAX_DEPTH} "
                                                 "levels deep; simplify the structure"))
                    raise _Stop
                box: Mapping | Sequence = (Sequence(line) if isinstance(ev, yaml.SequenceStartEvent)
                                           else Mapping(line))
                if ev.anchor:
                    self.open_anchors.add(ev.anchor)
                stack.append((box, ev.anchor, []))
                continue
            elif isinstance(ev, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                box, anchor, kids = stack.pop()
                node = self._finish(box, kids)
                if anchor:
                    self.open_anchors.discard(anchor)
                    self.anchors[anchor] = node
            else:
                continue
            if stack:
                stack[-1][2].append(node)
            else:
                root = node
        return root

    def _finish(self, box: Mapping | Sequence, kids: list[Node]) -> Node:
        box.size = 1 + sum(k.size for k in kids)
        if isinstance(box, Sequence):
            box.items = kids
            return box
        for key, value in zip(kids[::2], kids[1::2], strict=True):
            if not isinstance(key, Scalar):
                self.problems.append(Problem(self.path, key.line, "a key must be plain text, "
                                             "not a list or mapping"))
                continue
            if key.text in box.items:
                first = box.items[key.text][0].line
                self.problems.append(Problem(self.path, first, f"duplicate key '{key.text}': "
                                             f"also at line {key.line}; keep only one"))
                self.problems.append(Problem(self.path, key.line, f"duplicate key '{key.text}': "
                                             f"first at line {first}; keep only one"))
                continue
            box.items[key.text] = (key, value)
        return box


def parse(text: str, path: str, problems: list[Problem]) -> Node | None:
    """YAML text -> located tree (None if the file cannot be read); problems are added."""
    builder = _Builder(path, problems)
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)
        return builder.build(loader)
    except yaml.YAMLError as e:
        problems.append(_syntax_error(e, text, path))
    except _Stop:
        pass
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        problems.append(Problem(path, 1, f"nested more than {MAX_DEPTH} levels deep; "
                                "simplify the structure"))
    finally:
        if loader is not None:
            loader.dispose()
    return None


def load_file(file: Path, relpath: str, problems: list[Problem]) -> Node | None:
    """Read and parse one YAML file; an unreadable file is a problem, not an exception."""
    try:
        data = file.read_bytes()
    except OSError as e:
        problems.append(Problem(relpath, 0, f"cannot read the file ({e.strerror}); "
                                "check that it exists and is readable"))
        return None
    text = decode(data, relpath, problems)
    if text is None:
        return None
    root = parse(text, relpath, problems)
    if root is None and not any(p.path == relpath for p in problems):
        problems.append(Problem(relpath, 1, "file is empty; write the YAML content"))
    return root
