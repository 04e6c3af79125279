"""YAML text -> a tree of located values.

The tree is built from the parser's *events* (never ``yaml.load``), iteratively, so
that every mapping key and value keeps its line, duplicate keys are seen, unsafe tags
are refused, aliases are counted without being expanded and deep nesting cannot hit
Python's recursion limit. Every string is cleaned once here (see ``clean``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.reader import Reader
from yaml.resolver import Resolver

from builder.content.yaml_errors import explain
from builder.files import read_regular
from builder.problems import Problem


def _libyaml_parser() -> Any:
    """libyaml's parser (the same events, with marks, many times faster), if PyYAML has it."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return None
    return CParser


_CParser = _libyaml_parser()

MAX_NODES = 100_000
MAX_DEPTH = 50

_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "seq", "map")} | {"!"}
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
# Any character ``clean`` reports or removes; text without one is only NFC-normalised.
_SUSPECT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                      + "".join(f"\\U{p | 0xFFFE:08x}\\U{p | 0xFFFF:08x}"
                                for p in range(0, 0x110000, 0x10000))
                      + "".join(f"\\u{cp:04x}" for cp in sorted(_BIDI)) + "]")
# Text on which libyaml and PyYAML's pure-Python parser are known to disagree (libyaml
# accepts tabs after "key:", drops BOMs at a line start, reads tags and "|#" differently and
# puts marks at the end of input without a final line break one line further down) is
# parsed by the Python parser only, so that the tree, every line and every message stay
# exactly the same. See ``_libyaml_fits``.
_C_TAG = re.compile(r"(?<!\w)!")
_C_BLOCK_COMMENT = re.compile(r"[|>][-+0-9]*#")
_COMMENT_VALUE = re.compile(r":[ ]+#")  # an empty value then a comment: the Python parser's marks
_CUT = re.compile(r" #[^\s#]")  # one space, then '#' and a word: text, not a comment
_CUT_TEXT = re.compile(r"\S #[^\s#]")


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


class _Fallback(Exception):
    """Internal: libyaml read something PyYAML reads differently; use the Python parser."""


def clean(text: str, path: str, line: int, problems: list[Problem]) -> str:
    """NFC-normalise; remove and report control characters and invalid code points.

    Newlines and tabs are kept (folded and literal text); bidi controls are kept and
    reported as warnings.
    """
    # every character reported below is "not printable" to Python (Cc, Cs, Cn or Cf)
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if not _SUSPECT.search(text):
        return unicodedata.normalize("NFC", text)
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
    line, message = explain(e, text)
    return Problem(path, line, message)


class _Builder:
    def __init__(self, path: str, problems: list[Problem], libyaml: bool = False,
                 text: str = "") -> None:
        self.path = path
        self.libyaml = libyaml
        self.text = text
        self.lines: list[str] | None = None
        self.text_anchors: dict[str, int] = {}  # anchors on text, by line, until aliased
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
            self.problems.append(Problem(self.path, line, f"'{shown}' is read by YAML as a tag, "
                                         "which content does not use; if it is text, put the "
                                         "whole text in double quotes, otherwise remove it"))

    def scalar(self, ev: yaml.ScalarEvent) -> Scalar:
        line = ev.start_mark.line + 1 if ev.start_mark is not None else 1
        self._tag(ev.tag, line)
        text = clean(ev.value, self.path, line, self.problems)
        tag = ev.tag if ev.tag in _ALLOWED_TAGS and ev.tag != "!" else None
        if tag is None:
            implicit = ev.implicit
            if ev.tag == "!" and not ev.value and not ev.style:
                implicit = (True, False)  # "key: !" - libyaml calls it not implicit
            tag = self.resolver.resolve(yaml.ScalarNode, ev.value, implicit)
        value: object = text
        if tag in (_STD + "int", _STD + "float", _STD + "bool", _STD + "null"):
            node = yaml.ScalarNode(tag, ev.value, style=ev.style)
            try:
                value = self.constructor.construct_object(node)
            except (yaml.YAMLError, ValueError, LookupError):  # e.g. !!bool maybe, !!int ''
                self.problems.append(Problem(self.path, line, f"cannot read '{text}' as "
                                             f"{tag.replace(_STD, '!!')}; remove the tag"))
                tag = _STD + "str"
        elif tag != _STD + "str":
            tag = _STD + "str"  # timestamps and the like stay text
        if ev.anchor:
            self.text_anchors[ev.anchor] = line
        if not ev.value and not ev.style and self._comment_after(ev):
            self.problems.append(Problem(self.path, line, "the text after ' #' is a comment to "
                                         "YAML, so this value is empty; if it is text, put the "
                                         "whole text in double quotes", "warning"))
        elif not ev.style and (cut := self._cut_by_comment(ev)):
            self.problems.append(Problem(self.path, line, f"the text stops at ' #', which YAML "
                                         f"reads as the start of a comment ('{cut}' is left "
                                         "out); if it is part of the text, put the whole text "
                                         "in double quotes", "warning"))
        return Scalar(text, value, tag, line, quoted=ev.style in ("'", '"'))

    def _line(self, n: int) -> str:
        if self.lines is None:
            self.lines = self.text.splitlines()
        return self.lines[n] if n < len(self.lines) else ""

    def _comment_after(self, ev: yaml.ScalarEvent) -> bool:
        """Whether an empty value is followed on its line by a comment ('title: #1 ...')."""
        mark = ev.start_mark
        if mark is None or not self.text:
            return False
        src = self._line(mark.line)
        return src[mark.column:].lstrip().startswith("#") and ":" in src[:mark.column]

    def _cut_by_comment(self, ev: yaml.ScalarEvent) -> str:
        """The words a ' #' comment cut off a text ('title: Issue #1'), or "". A comment
        written as one ('value  # a note', '# ' then words) is not reported."""
        mark = ev.end_mark
        if mark is None or not self.text:
            return ""
        rest = self._line(mark.line)[mark.column:]
        return rest[1:].strip() if _CUT.match(rest) else ""

    def _unused_text_anchors(self) -> None:
        for anchor, line in self.text_anchors.items():
            self.problems.append(Problem(
                self.path, line, f"'&{anchor}' at the start of this text is read by YAML as an "
                "anchor and left out of the text; put the whole text in double quotes",
                "warning"))

    def build(self, loader: Any) -> Node | None:
        """Walk the events of ``loader`` (PyYAML's Python parser or libyaml's ``CParser``)."""
        root: Node | None = None
        # stack entries: (container, anchor, pending key list for mappings)
        stack: list[tuple[Mapping | Sequence, str | None, list[Node]]] = []
        docs = 0
        flow_at = -1  # libyaml only: stack depth of the outermost open [...] or {...}
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
                    self.problems.append(Problem(self.path, line, f"'*{ev.anchor}' is read by "
                                                 "YAML as an alias of an anchor that does not "
                                                 "exist; if it is text (e.g. *emphasis*), put the "
                                                 "whole text in double quotes"))
                    raise _Stop
                self.text_anchors.pop(ev.anchor, None)
                node = self.anchors[ev.anchor]
                self._grow(node.size, line)
            elif isinstance(ev, yaml.ScalarEvent):
                if flow_at >= 0 and not ev.style and (not ev.value or "?" in ev.value):
                    # inside [...] or {...} PyYAML ends a plain scalar at "?", and may place
                    # an empty value on another line
                    raise _Fallback
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
                if self.libyaml and ev.flow_style and flow_at < 0:
                    flow_at = len(stack)
                stack.append((box, ev.anchor, []))
                continue
            elif isinstance(ev, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                box, anchor, kids = stack.pop()
                if len(stack) == flow_at:
                    flow_at = -1
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
        self._unused_text_anchors()
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


def _libyaml_fits(text: str) -> bool:
    """Whether libyaml reads ``text`` exactly as PyYAML's Python parser does (see
    the patterns above); text with characters PyYAML's reader refuses is left to PyYAML, which
    reports the first of them wherever it is."""
    return (_CParser is not None and text.endswith("\n") and "\t" not in text
            and "\ufeff" not in text and not ("!" in text and _C_TAG.search(text))
            and not ("#" in text and (_C_BLOCK_COMMENT.search(text)
                                      or _COMMENT_VALUE.search(text) or _CUT_TEXT.search(text)))
            and not Reader.NON_PRINTABLE.search(text))


def _run(builder: _Builder, loader: Any) -> Node | None:
    try:
        return builder.build(loader)
    except _Stop:
        return None
    finally:
        loader.dispose()


def parse(text: str, path: str, problems: list[Problem]) -> Node | None:
    """YAML text -> located tree (None if the file cannot be read); problems are added.

    libyaml builds the tree when it can; whenever it reports a syntax error (or reads
    something PyYAML reads differently) the text is parsed again by PyYAML's Python parser,
    whose messages, lines and columns are the ones reported."""
    if _libyaml_fits(text):
        found: list[Problem] = []
        try:
            root = _run(_Builder(path, found, libyaml=True), _CParser(text))
        except (yaml.YAMLError, _Fallback):
            pass
        else:
            problems.extend(found)
            return root
    try:
        return _run(_Builder(path, problems, text=text), yaml.SafeLoader(text))
    except yaml.YAMLError as e:
        problems.append(_syntax_error(e, text, path))
    except RecursionError:  # pragma: no cover - the builder is iterative; belt and braces
        problems.append(Problem(path, 1, f"nested more than {MAX_DEPTH} levels deep; "
                                "simplify the structure"))
    return None


def load_file(file: Path, relpath: str, problems: list[Problem]) -> Node | None:
    """Read and parse one YAML file; an unreadable file (also a FIFO, a device, a link
    loop or one over the size limit) is a problem, not an exception."""
    data = read_regular(file)
    if isinstance(data, str):
        problems.append(Problem(relpath, 0, f"the file {data}"))
        return None
    text = decode(data, relpath, problems)
    if text is None:
        return None
    root = parse(text, relpath, problems)
    if root is None and not any(p.path == relpath for p in problems):
        problems.append(Problem(relpath, 1, "file is empty; write the YAML content"))
    return root
