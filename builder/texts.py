"""Every string of a briefing that a reader may see, found by walking the model's
dataclasses field by field, so a field added to the model is covered without a list to
keep up to date; and the one check that the brand font can show all of them, run when
the content is read (``briefing check`` reports it) and again before the PDF is laid out.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator

from builder.model import NOWHERE, Briefing, SourceRef
from builder.problems import Problem
from builder.theme import Theme, font_charset

NOT_SHOWN = frozenset({"at", "field_at", "template"})  # source locations, a file name
_IGNORED = frozenset("\n\t\r")


def model_texts(node: object, at: SourceRef = NOWHERE, name: str = ""
                ) -> Iterator[tuple[SourceRef, str, str]]:
    """(where, field name, text) for every string in ``node`` and in the dataclasses and
    tuples it holds, in field order; ``where`` is the nearest enclosing ``at``."""
    if isinstance(node, str):
        yield at, name, node
    elif isinstance(node, tuple):
        for item in node:
            yield from model_texts(item, at, name)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type | SourceRef):
        own = getattr(node, "at", NOWHERE)
        here = own if own is not NOWHERE and own.line else at
        lines = dict(getattr(node, "field_at", ()))
        for f in dataclasses.fields(node):
            if f.name not in NOT_SHOWN:
                yield from model_texts(getattr(node, f.name), lines.get(f.name, here), f.name)


def _name(ch: str) -> str:
    return unicodedata.name(ch, "unnamed character").lower()


def glyph_problems(briefing: Briefing, theme: Theme) -> list[Problem]:
    """One error per string and character the brand font cannot show (it would print
    as an empty box, and copy as the wrong text)."""
    charset = font_charset(theme)
    family = theme.fonts.family
    problems: list[Problem] = []
    for at, name, value in model_texts(briefing):
        if value.isascii() and value.isprintable() or charset.issuperset(map(ord, value)):
            continue
        field = f"'{name}': " if name != "text" else ""
        for ch in dict.fromkeys(value):
            if ch not in _IGNORED and ord(ch) not in charset:
                problems.append(Problem.at(
                    at, f"{field}character {ch!r} (U+{ord(ch):04X}, {_name(ch)}) cannot be "
                    f"shown by font {family}; remove it or replace it with a character the "
                    "font has"))
    return problems
