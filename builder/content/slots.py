"""Slots: the places in a shared part that each briefing of the series fills with its own
text (``- slot: ID`` in the part; ``slots: {ID: [blocks]}`` in the briefing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.content import shapes
from builder.content.fields import Ctx, did_you_mean
from builder.content.load import Mapping, Node, Scalar
from builder.model import Block, SourceRef


@dataclass
class Slots:
    """A briefing's fills (slot id -> its blocks and the key's line in briefing.yaml), the
    slots its parts declare (id -> where, and the line of the part in briefing.yaml)."""

    fills: dict[str, tuple[tuple[Block, ...], int]] = field(default_factory=dict)
    declared: dict[str, tuple[SourceRef, int]] = field(default_factory=dict)
    part_line: int = 0  # the line in briefing.yaml of the part being read


def is_slot(node: Node) -> bool:
    return isinstance(node, Mapping) and "slot" in node.items


def read_fills(ctx: Ctx, node: Node | None) -> Slots:
    """The briefing's ``slots:``: each value is read as blocks (slots do not nest)."""
    from builder.content.blocks import BLOCK_KINDS, read_blocks

    slots = Slots()
    if node is None or (isinstance(node, Scalar) and not node.text):
        return slots
    if not isinstance(node, Mapping):
        ctx.error(node, "'slots' must be a mapping of slot id: blocks")
        return slots
    kinds = tuple(k for k in BLOCK_KINDS if k != "slot")
    for key, (knode, value) in node.items.items():
        slots.fills[key] = (read_blocks(ctx, value, key, kinds), knode.line)
    return slots


def fill(ctx: Ctx, node: Mapping) -> tuple[Block, ...]:
    """The blocks this briefing gives for the slot block ``node`` (none when unfilled:
    ``unfilled`` reports it)."""
    f = ctx.fields(node, shapes.BLOCKS["slot"])
    if f is None or ctx.slots is None:
        return ()
    name = f.ident("slot")
    f.text("about")
    ctx.slots.declared.setdefault(name, (ctx.at(node), ctx.slots.part_line))
    return ctx.slots.fills.get(name, ((), 0))[0]


def unfilled(ctx: Ctx, slots: Slots) -> None:
    """Report slots no fill was given for, and fills for slots no part has (``ctx`` is
    the briefing's)."""
    for name, (where, line) in slots.declared.items():
        if name not in slots.fills:
            ctx.error(line, f"the part at {where} has a slot '{name}' that this briefing does "
                      f"not fill; add '{name}:' under slots: with this briefing's own text")
    for name, (_, line) in slots.fills.items():
        if name not in slots.declared:
            known = sorted(slots.declared)
            guess = did_you_mean(name, known)
            hint = (f"did you mean '{guess}'?" if guess else
                    "the parts' slots: " + ", ".join(known) if known else
                    "this briefing's parts have no slots; remove it")
            ctx.error(line, f"slot '{name}' is not a slot of this briefing's parts; {hint}")
