"""Placeholders: text an editor still has to write, marked ``TODO:`` (``briefing new``
writes them), reported as warnings until replaced."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from builder.model import NOWHERE, Briefing, SourceRef
from builder.problems import Problem

MARK = "TODO:"


def _texts(value: object, at: SourceRef) -> Iterator[tuple[str, SourceRef]]:
    """Every text in the model with the location of the nearest node that has one."""
    if isinstance(value, str):
        yield value, at
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item, at)
    elif dataclasses.is_dataclass(value) and not isinstance(value, SourceRef | type):
        here = getattr(value, "at", at)
        for f in dataclasses.fields(value):
            if f.name != "at":
                yield from _texts(getattr(value, f.name), here)


def placeholders(b: Briefing) -> list[Problem]:
    """A warning for each text still holding ``TODO:``."""
    out: list[Problem] = []
    for text, at in _texts(b, NOWHERE):
        if MARK in text:
            shown = " ".join(text[text.index(MARK):].split())
            shown = shown if len(shown) <= 70 else shown[:67] + "..."
            out.append(Problem.at(at, f"placeholder '{shown}' is still to be written; replace "
                                  "it with this briefing's own text", "warning"))
    return out
