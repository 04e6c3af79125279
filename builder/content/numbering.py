"""Table and figure numbers: unique within a briefing; a table or figure without a number
takes the one after the table (figure) before it, in reading order."""

from __future__ import annotations

import dataclasses

from builder.model import Block, Briefing, Figure, Section, SourceRef, Table
from builder.problems import Problem


class _Counter:
    def __init__(self) -> None:
        self.last = {"table": 0, "figure": 0}
        self.seen: dict[tuple[str, int], Table | Figure] = {}
        self.problems: list[Problem] = []

    def block(self, block: Block) -> Block:
        if not isinstance(block, Table | Figure):
            return block
        kind = "table" if isinstance(block, Table) else "figure"
        number = block.number or self.last[kind] + 1
        self.last[kind] = number
        first = self.seen.setdefault((kind, number), block)
        if first is not block:
            self._twice(kind, number, first, block)
        return block if number == block.number else dataclasses.replace(block, number=number)

    def _twice(self, kind: str, number: int, first: Table | Figure, again: Table | Figure) -> None:
        def say(at: SourceRef, this: str, other: Table | Figure) -> None:
            where = f"line {other.at.line}" if other.at.path == at.path else str(other.at)
            self.problems.append(Problem.at(at, f"{kind} '{this}' is {kind.title()} {number}, as "
                                            f"is '{other.id}' at {where}; give each {kind} its "
                                            "own number, or leave number: out to have the "
                                            "builder count on"))
        say(first.at, first.id, again)
        say(again.at, again.id, first)

    def section(self, s: Section) -> Section:
        return dataclasses.replace(s, blocks=tuple(map(self.block, s.blocks)),
                                   sections=tuple(map(self.section, s.sections)))


def number(b: Briefing) -> tuple[Briefing, list[Problem]]:
    """The briefing with every table and figure numbered, and the numbers given twice."""
    count = _Counter()
    parts = tuple(dataclasses.replace(p, blocks=tuple(map(count.block, p.blocks)),
                                      sections=tuple(map(count.section, p.sections)))
                  for p in b.parts)
    return dataclasses.replace(b, parts=parts), count.problems
