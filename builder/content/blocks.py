"""Located block values -> model blocks (paragraphs, lists, quotes, cases, tables, figures)."""

from __future__ import annotations

import re

from builder.content import shapes
from builder.content.cells import parse_cell
from builder.content.fields import Ctx, Fields, describe, did_you_mean
from builder.content.load import Mapping, Node, Scalar, Sequence
from builder.content.slots import fill, is_slot
from builder.limits import CELL
from builder.model import (
    Accepted,
    Block,
    BulletList,
    CaseExample,
    Cell,
    Column,
    Figure,
    LearningPoints,
    ListItem,
    Paragraph,
    Quote,
    Row,
    Table,
)

BLOCK_KINDS = tuple(shapes.BLOCKS)
# what the builder prints before a title, and how an editor might have copied it in
_PRINTED = {"case": "Case example: ", "table": "Table N: ", "figure": "Figure N: "}
_COPIED = {kind: re.compile(rf"^\s*{label.split()[0]}(\s+example)?(\s*\d+)?\s*[:.–—-]\s", re.I)
           for kind, label in _PRINTED.items()}


def _title(ctx: Ctx, f: Fields, kind: str) -> str:
    """The title; one that repeats the label the builder prints before it is a problem."""
    title = f.text("title")
    copied = _COPIED[kind].match(title)
    if copied and (kind == "case") == bool(copied.group(1)):
        ctx.error(f["title"], f"the {kind} title '{title}' starts with '{copied.group().strip()}'"
                  f", which the builder prints itself ('{_PRINTED[kind]}...'); remove it from "
                  "the title")
        return title[copied.end():]
    return title


def read_blocks(ctx: Ctx, node: Node | None, key: str = "blocks",
                allowed: tuple[str, ...] = tuple(BLOCK_KINDS)) -> tuple[Block, ...]:
    out: list[Block] = []
    for item in ctx.seq(node, key):
        if "slot" in allowed and isinstance(item, Mapping) and is_slot(item):
            out.extend(fill(ctx, item))
            continue
        block = read_block(ctx, item, allowed)
        if block is not None:
            out.append(block)
    return tuple(out)


def read_block(ctx: Ctx, node: Node, allowed: tuple[str, ...]) -> Block | None:
    if not isinstance(node, Mapping) or not node.items:
        ctx.error(node, "a block must be a mapping such as '- p: text'; "
                  f"got {describe(node)}")
        return None
    if "kind" in node.items:
        reshaped = _kind_form(ctx, node)
        if reshaped is None:
            return None
        node = reshaped
    kinds = [k for k in node.items if k in BLOCK_KINDS]
    if len(kinds) != 1:
        if kinds:
            ctx.error(node, f"a block holds one of {', '.join(BLOCK_KINDS)}; this one has "
                      + " and ".join(f"'{k}'" for k in kinds) + "; split it into separate blocks")
            return None
        first, (knode, _) = next(iter(node.items.items()))
        guess = did_you_mean(first, tuple(BLOCK_KINDS))
        hint = f"did you mean '{guess}'?" if guess else "allowed: " + ", ".join(BLOCK_KINDS)
        ctx.error(knode, f"unknown block kind '{first}'; {hint}")
        return None
    kind = kinds[0]
    if kind not in allowed:
        ctx.error(node, f"a '{kind}' block is not allowed here; allowed: {', '.join(allowed)}")
        return None
    f = ctx.fields(node, shapes.BLOCKS[kind])
    if f is None:
        return None
    body = f[kind]
    at = ctx.at(node)
    if kind == "p":
        content = f.inlines("p")
        if not content:
            ctx.error(node, "'p' is empty; write the paragraph or remove the block")
        return Paragraph(content=content, at=at)
    if kind == "bullets":
        return BulletList(items=read_items(ctx, body, "bullets"), at=at)
    if kind == "quote":
        paras = [body] if isinstance(body, Scalar) else ctx.seq(body, "quote")
        return Quote(paragraphs=tuple(ctx.inlines(p, "quote") for p in paras),
                     kind="voice" if f.boolean("voice") else "scr",
                     attribution=f.inlines("attribution"), at=at)
    if kind == "learning_points":
        title = f.text("title") if "title" in f else "Learning points"
        return LearningPoints(title=title, items=read_items(ctx, body, "learning_points"), at=at)
    if kind == "case":
        c = ctx.fields(body, shapes.CASE)
        if c is None:
            return None
        inner = read_blocks(ctx, c.get("blocks"), "blocks", ("p", "quote", "bullets"))
        return CaseExample(title=_title(ctx, c, "case"),
                           blocks=inner, at=at)  # type: ignore[arg-type]
    if kind == "table":
        return read_table(ctx, body)
    return read_figure(ctx, body)


def _kind_form(ctx: Ctx, node: Mapping) -> Mapping | None:
    """``{kind: table, id: ..., ...}`` -> ``{table: {id: ..., ...}}`` (tables, figures, cases)."""
    knode, value = node.items["kind"]
    kind = ctx.text(value, "kind")
    larger = shapes.KIND_FORM
    if kind not in larger:
        guess = did_you_mean(kind, larger)
        hint = f"did you mean '{guess}'?" if guess else "kind: is for " + ", ".join(larger)
        ctx.error(knode, f"unknown block kind '{kind}'; {hint}")
        return None
    body = Mapping(node.line, {k: v for k, v in node.items.items() if k != "kind"})
    return Mapping(node.line, {kind: (knode, body)})


def read_items(ctx: Ctx, node: Node | None, key: str) -> tuple[ListItem, ...]:
    out: list[ListItem] = []
    for item in ctx.seq(node, key):
        if isinstance(item, Mapping):
            f = ctx.fields(item, shapes.LIST_ITEM)
            if f is None:
                continue
            out.append(ListItem(content=f.inlines("text"),
                                children=read_items(ctx, f.get("items"), "items"),
                                at=ctx.at(item)))
        else:
            out.append(ListItem(content=ctx.inlines(item, key), at=ctx.at(item)))
    return tuple(out)


def read_columns(ctx: Ctx, node: Node | None) -> tuple[Column, ...]:
    cols: list[Column] = []
    for item in ctx.seq(node, "columns"):
        f = ctx.fields(item, shapes.TABLE_COLUMN)
        if f is None:
            continue
        n = f.integer("n", 1, "the number of cases its percentages are of")
        cols.append(Column(key=f.ident("key"), label=f.text("label"), n=n,
                           partition=f.boolean("partition"), sums=f.texts("sums"),
                           at=ctx.at(item)))
        if (cols[-1].partition or cols[-1].sums) and n is None:
            ctx.error(item, f"column '{cols[-1].key}' has partition/sums but no 'n'; "
                      "add the column's n")
    keys = [c.key for c in cols]
    for col in cols:
        for s in col.sums:
            if s not in keys[1:]:
                guess = did_you_mean(s, keys[1:])
                hint = f"did you mean '{guess}'?" if guess else "use keys of this table's columns"
                ctx.error(col.at.line, f"column '{col.key}' sums '{s}', which is not a column; "
                          f"{hint}")
    return tuple(cols)


def read_table(ctx: Ctx, node: Node) -> Table | None:
    f = ctx.fields(node, shapes.TABLE)
    if f is None:
        return None
    table_id = f.ident("id")
    columns = read_columns(ctx, f.get("columns"))
    if f.get("columns") is not None and len(columns) < 2:
        ctx.error(node, f"table '{table_id}' needs a label column and at least one more column")
    rows: list[Row] = []
    for item in f.seq("rows"):
        if not isinstance(item, Sequence) or not item.items:
            ctx.error(item, f"a table row must be a list [label, cell, ...], got {describe(item)}")
            continue
        label = ctx.text(item.items[0], "row label", one_line=False, limit=CELL)
        cells: list[Cell] = []
        for c in item.items[1:]:
            text = ctx.text(c, "cell", one_line=False, limit=CELL)
            found: list[str] = []
            cells.append(parse_cell(text, ctx.at(c), found))
            for message in found:
                ctx.error(c, message)
        want = len(columns) - 1
        if len(cells) != want and columns:
            ctx.error(item, f"row '{label}' has {len(cells)} cells but table '{table_id}' has "
                      f"{want} columns after the label; write one cell per column")
        rows.append(Row(label=label, cells=tuple(cells), at=ctx.at(item)))
    return Table(id=table_id, number=f.integer("number", 1) or 0, title=_title(ctx, f, "table"),
                 columns=columns, rows=tuple(rows),
                 notes=f.markups("notes"), accepted=_accepted(ctx, f.seq("accept")),
                 chart=f.ident("chart") or None, at=ctx.at(node))


def _accepted(ctx: Ctx, nodes: list[Node]) -> tuple[Accepted, ...]:
    out: list[Accepted] = []
    for node in nodes:
        f = ctx.fields(node, shapes.ACCEPTED)
        if f is not None:
            out.append(Accepted(column=f.text("column"), row=f.text("row"),
                                reason=f.text("reason"), at=ctx.at(node)))
    return tuple(out)


def read_figure(ctx: Ctx, node: Node) -> Figure | None:
    f = ctx.fields(node, shapes.FIGURE)
    if f is None:
        return None
    return Figure(id=f.ident("id"), number=f.integer("number", 1) or 0,
                  title=_title(ctx, f, "figure"),
                  chart=f.ident("chart"), caption=f.inlines("caption"),
                  missing=f.inlines("missing"), source_note=f.inlines("source_note"),
                  at=ctx.at(node))
