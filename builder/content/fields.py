"""Reading typed fields out of located values, collecting one-line problems.

Text is always the scalar as written (``Scalar.text``), so YAML 1.1 implicit typing
(``NO``, ``1.10``, ``12:30``, ``01234``, ``2024-01-02``) never leaks into text fields.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from builder.content.inline import parse_inline
from builder.content.load import Mapping, Node, Scalar, Sequence
from builder.content.numbers import read_number, read_whole
from builder.content.placeholders import placeholder
from builder.content.shapes import Field, FieldType, Shape
from builder.limits import ENTRIES, LINE, TEXT, Limit, field_limit
from builder.model import FieldLines, Inlines, SourceRef
from builder.problems import Problem, Severity, did_you_mean
from builder.values import normalise_url, url_problem

if TYPE_CHECKING:
    from builder.content.slots import Slots

_STD = "tag:yaml.org,2002:"
_NUMERIC = (_STD + "int", _STD + "float", _STD + "str")
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def describe(node: Node) -> str:
    """How a value looks to an editor, for 'got ...' in messages."""
    if isinstance(node, Mapping):
        return "a mapping (key: value lines)"
    if isinstance(node, Sequence):
        return "a list"
    if node.tag == _STD + "null":
        return "nothing"
    if node.tag in (_STD + "int", _STD + "float"):
        return f"the number {node.text}"
    if node.tag == _STD + "bool":
        return f"yes/no value {node.text}"
    return f"text '{node.text}'"


class Ctx:
    """Problems and the file being read (``path`` relative to the project root), and the
    briefing's slot fills while its parts are read."""

    def __init__(self, path: str, problems: list[Problem], slots: Slots | None = None) -> None:
        self.path = path
        self.problems = problems
        self.slots = slots

    def at(self, node: Node | int) -> SourceRef:
        return SourceRef(self.path, node if isinstance(node, int) else node.line)

    def error(self, where: Node | int, message: str, severity: Severity = "error") -> None:
        line = where if isinstance(where, int) else where.line
        self.problems.append(Problem(self.path, line, message, severity))

    # ------------------------------------------------------------ structure

    def fields(self, node: Node, shape: Shape) -> Fields | None:
        """Check a mapping's keys against ``shape``: unknown keys and missing required ones
        are problems. None if ``node`` is not a mapping."""
        what = shape.name
        if not isinstance(node, Mapping):
            self.error(node, f"{what} must be a mapping of key: value lines, got {describe(node)}")
            return None
        allowed = shape.keys
        out: dict[str, Node] = {}
        for key, (knode, value) in node.items.items():
            if key in allowed:
                out[key] = value
                continue
            guess = did_you_mean(key, allowed)
            hint = f"did you mean '{guess}'?" if guess else "allowed keys: " + ", ".join(allowed)
            self.error(knode, f"unknown key '{key}' in {what}; {hint}")
        for key in shape.required:
            if key not in out:
                self.error(node, f"{what} is missing '{key}'; add a {key}: line")
        return Fields(self, shape, out, node)

    def seq(self, node: Node | None, key: str) -> list[Node]:
        """A list value; a missing/empty value is an empty list."""
        if node is None or (isinstance(node, Scalar) and node.tag == _STD + "null"):
            return []
        if not isinstance(node, Sequence):
            self.error(node, f"'{key}' must be a list, got {describe(node)}")
            return []
        return node.items

    # ------------------------------------------------------------ scalars

    def text(self, node: Node | None, key: str, *, one_line: bool = True,
             required: bool = False, limit: Limit | None = None) -> str:
        """The text as written, within ``limit`` (default: a line, or a paragraph when
        line breaks are allowed); text over its limit is a problem, and cut to it."""
        if node is None:
            return ""
        if not isinstance(node, Scalar):
            self.error(node, f"'{key}' must be text, got {describe(node)}")
            return ""
        text = "" if node.tag == _STD + "null" else node.text
        if one_line and "\n" in text.strip():
            self.error(node, f"'{key}' must be one line; use a folded (>-) block or "
                       "remove the line breaks")
            text = " ".join(text.split())
        if required and not text.strip():
            self.error(node, f"'{key}' is empty; write the {key}")
        limit = limit or (LINE if one_line else TEXT)
        if why := limit.over(len(text), f"'{key}'"):
            self.error(node, why)
            text = text[:limit.value]
        if todo := placeholder(text):
            self.error(node, todo, "warning")
        return text

    def ident(self, node: Node | None, key: str = "id") -> str:
        text = self.text(node, key)
        if node is not None and text and not ID_RE.match(text):
            self.error(node, f"'{key}' '{text}' may hold only letters, digits, '-', '_' and '.'"
                       "; rename it")
        return text

    def texts(self, node: Node | None, key: str, limit: Limit | None = None
              ) -> tuple[str, ...]:
        """A list of texts, each within ``limit``, at most ``ENTRIES`` of them; a single
        text is accepted as a list of one."""
        if isinstance(node, Scalar) and node.tag != _STD + "null":
            return (self.text(node, key, one_line=False, limit=limit),)
        items = self.seq(node, key)
        if node is not None and (why := ENTRIES.over(len(items), f"'{key}'")):
            self.error(node, why)
            items = items[:ENTRIES.value]
        return tuple(self.text(item, key, one_line=False, limit=limit) for item in items)

    def inlines(self, node: Node | None, key: str, limit: Limit | None = None) -> Inlines:
        if node is None:
            return ()
        text = self.text(node, key, one_line=False, limit=limit)
        return self.parse(text, node)

    def parse(self, text: str, node: Node) -> Inlines:
        msgs: list[str] = []
        warnings: list[str] = []
        spans = parse_inline(text, self.at(node), msgs, warnings)
        for m in msgs:
            self.error(node, m)
        for m in warnings:
            self.error(node, m, "warning")
        return spans

    def integer(self, node: Node | None, key: str, minimum: int = 0,
                meaning: str = "") -> int | None:
        """A whole number of at least ``minimum`` (``meaning`` says what it counts), read
        by ``numbers.read_whole``."""
        if node is None:
            return None
        if isinstance(node, Scalar) and not node.quoted and node.tag in _NUMERIC:
            value = read_whole(node.text, minimum, meaning)
            if isinstance(value, int):
                return value
            if value:
                self.error(node, f"'{key}' {value}")
                return None
        self.error(node, f"'{key}' must be a whole number, got {describe(node)}")
        return None

    def boolean(self, node: Node | None, key: str) -> bool:
        if node is None:
            return False
        if isinstance(node, Scalar) and node.tag == _STD + "bool" and isinstance(node.value, bool):
            return node.value
        self.error(node, f"'{key}' must be true or false, got {describe(node)}")
        return False

    def number(self, node: Node, what: str) -> float | None:
        """A dataset value, read from the text as written by ``numbers.read_number``;
        null is None; anything else is a problem."""
        if isinstance(node, Scalar):
            if node.tag == _STD + "null":
                return None
            if node.quoted and isinstance(read_number(node.text), float):
                self.error(node, f"{what}: numbers given as strings ('{node.text}' is quoted "
                           "text); write the number without quotes")
                return None
            if not node.quoted and node.tag in _NUMERIC:
                value = read_number(node.text)
                if isinstance(value, float):
                    return value
                if value:
                    self.error(node, f"{what} {value}")
                    return None
        self.error(node, f"{what} must be a number (or null), got {describe(node)}")
        return None

    def colour(self, node: Node | None, key: str) -> str:
        """A colour written #RRGGBB ("" when missing or wrong, after saying so)."""
        if node is None:
            return ""
        text = self.text(node, key).strip()
        if COLOUR_RE.match(text):
            return text.upper()
        if isinstance(node, Scalar) and node.tag == _STD + "null":
            self.error(node, f"'{key}' is empty; write the colour in quotes, as \"#RRGGBB\" "
                       "(without quotes YAML reads # as the start of a comment)")
            return ""
        shown = f"'{text}'" if isinstance(node, Scalar) else describe(node)
        self.error(node, f"'{key}' is {shown}, which is not a colour the builder reads; write "
                   "it as \"#RRGGBB\" (quoted), e.g. \"#12355B\"")
        return ""

    def size(self, node: Node | None, key: str) -> float:
        """A number above 0 (0.0 when missing or wrong, after saying so)."""
        if node is None:
            return 0.0
        value = node.value if isinstance(node, Scalar) and node.tag in (
            _STD + "int", _STD + "float") else None
        if isinstance(value, int | float) and not isinstance(value, bool) and (
                math.isfinite(value) and value > 0):
            return value  # kept as written: 22 stays 22
        shown = node.text if isinstance(node, Scalar) and value is not None else describe(node)
        self.error(node, f"'{key}' is {shown}; give a number above 0 (without quotes)")
        return 0.0

    def choice(self, node: Node | None, key: str, allowed: tuple[str, ...], default: str) -> str:
        if node is None:
            return default
        text = self.text(node, key)
        if text in allowed:
            return text
        guess = did_you_mean(text, allowed)
        hint = f"did you mean '{guess}'?" if guess else "allowed: " + ", ".join(allowed)
        self.error(node, f"'{key}' cannot be '{text}'; {hint}")
        return default


class Fields:
    """The values of one mapping, read as its shape declares them (asking for a key as
    another type is a bug, caught by an assertion)."""

    def __init__(self, ctx: Ctx, shape: Shape, nodes: dict[str, Node], node: Node) -> None:
        self.ctx, self.shape, self.nodes, self.node = ctx, shape, nodes, node

    def __contains__(self, key: str) -> bool:
        return key in self.nodes

    def __getitem__(self, key: str) -> Node:
        return self.nodes[key]

    def get(self, key: str) -> Node | None:
        return self.nodes.get(key)

    def lines(self) -> FieldLines:
        """Where each field was written, for messages about one field."""
        return tuple((k, self.ctx.at(n)) for k, n in self.nodes.items())

    def _declared(self, key: str, *types: FieldType) -> Field:
        f = self.shape.field(key)
        assert f.type in types, f"{self.shape.name}.{key} is {f.type}, read as {types}"
        return f

    def _limit(self, f: Field) -> Limit:
        return field_limit(self.shape.name, f.key, f.type)

    def text(self, key: str) -> str:
        f = self._declared(key, "line", "text")
        return self.ctx.text(self.nodes.get(key), key, one_line=f.type == "line",
                             required=f.filled, limit=self._limit(f))

    def texts(self, key: str) -> tuple[str, ...]:
        f = self._declared(key, "lines")
        return self.ctx.texts(self.nodes.get(key), key, self._limit(f))

    def inlines(self, key: str) -> Inlines:
        f = self._declared(key, "markup")
        return self.ctx.inlines(self.nodes.get(key), key, self._limit(f))

    def markups(self, key: str) -> tuple[Inlines, ...]:
        f = self._declared(key, "markups")
        return tuple(self.ctx.inlines(n, key, self._limit(f))
                     for n in self.ctx.seq(self.nodes.get(key), key))

    def ident(self, key: str) -> str:
        self._declared(key, "id")
        return self.ctx.ident(self.nodes.get(key), key)

    def slug(self, key: str) -> str:
        self._declared(key, "slug")
        node = self.nodes.get(key)
        text = self.ctx.text(node, key)
        if node is not None and text and not SLUG_RE.match(text):
            self.ctx.error(node, f"{self.shape.name} {key} '{text}' may hold only a-z, 0-9 and "
                           "'-'; rename it")
        return text

    def url(self, key: str) -> str:
        f = self._declared(key, "url")
        url = normalise_url(self.ctx.text(self.nodes.get(key), key, limit=self._limit(f)))
        if url and (why := url_problem(url)):
            self.ctx.error(self.nodes[key], why)
        return url

    def integer(self, key: str, minimum: int = 0, meaning: str = "") -> int | None:
        self._declared(key, "int")
        return self.ctx.integer(self.nodes.get(key), key, minimum, meaning)

    def boolean(self, key: str) -> bool:
        self._declared(key, "bool")
        return self.ctx.boolean(self.nodes.get(key), key)

    def colour(self, key: str) -> str:
        self._declared(key, "colour")
        return self.ctx.colour(self.nodes.get(key), key)

    def colours(self, key: str) -> tuple[str, ...]:
        f = self._declared(key, "colours")
        items = self.ctx.seq(self.nodes.get(key), key)
        if key in self.nodes and len(items) < f.min_items:
            self.ctx.error(self.nodes[key], f"'{key}' needs at least {f.min_items} colour"
                           f"{'s' * (f.min_items != 1)}")
        return tuple(self.ctx.colour(n, key) for n in items)

    def size(self, key: str) -> float:
        """A number above 0 (0.0 when missing or wrong, after saying so)."""
        self._declared(key, "size")
        return self.ctx.size(self.nodes.get(key), key)

    def sizes(self, key: str) -> tuple[float, ...]:
        """Exactly ``min_items`` numbers above 0."""
        f = self._declared(key, "numbers")
        items = self.ctx.seq(self.nodes.get(key), key)
        if key in self.nodes and len(items) != f.min_items:
            self.ctx.error(self.nodes[key], f"'{key}' needs {f.min_items} numbers, got "
                           f"{len(items)}")
        return tuple(self.ctx.size(n, key) for n in items)

    def choice(self, key: str) -> str:
        """One of the declared options; the first one when absent."""
        f = self._declared(key, "choice")
        return self.ctx.choice(self.nodes.get(key), key, f.options, f.options[0])

    def seq(self, key: str) -> list[Node]:
        self._declared(key, "list", "blocks", "items", "markups", "cells", "values", "numbers",
                       "parts")
        return self.ctx.seq(self.nodes.get(key), key)

