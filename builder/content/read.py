"""Located values -> the briefing model: metadata, parts (with includes), sections,
footnotes, references, charts and datasets. Problems are collected, never raised."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from builder.content import shapes
from builder.content.blocks import read_blocks
from builder.content.data import read_charts, read_datasets
from builder.content.fields import Ctx, Fields
from builder.content.load import Mapping, Node, load_file
from builder.content.slots import read_fills, unfilled
from builder.content.training import read_deck, read_training
from builder.files import what_is
from builder.model import (
    HANDOUT_PAGES,
    Briefing,
    ChartSpec,
    Dataset,
    ExtraSlide,
    Footnote,
    HandoutSettings,
    Inlines,
    Metadata,
    Part,
    Publisher,
    Reference,
    Section,
    SlideOverride,
    SourceRef,
    plain_text,
)
from builder.problems import Problem
from builder.values import language_problem

_ASSET_DIRS = ("content", "assets")


def relpath(file: Path, root: Path) -> str:
    """``file`` relative to the project root, with forward slashes."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(file, root)).as_posix()


def inside(file: Path, root: Path, dirs: tuple[str, ...]) -> bool:
    """Whether ``file`` (after resolving symlinks) lies under one of root's ``dirs``."""
    real = file.resolve()
    return any(real.is_relative_to((root / d).resolve()) for d in dirs)


@dataclass
class _Extras:
    """What parts may hold besides sections, gathered in reading order."""

    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
    datasets: list[Dataset] = field(default_factory=list)


def read_briefing(node: Node, file: Path, root: Path, problems: list[Problem]) -> Briefing:
    ctx = Ctx(relpath(file, root), problems)
    f = ctx.fields(node, shapes.BRIEFING) or Fields(ctx, shapes.BRIEFING, {}, node)
    slots = ctx.slots = read_fills(ctx, f.get("slots"))
    meta = Metadata(
        title=f.text("title"),
        subtitle=f.text("subtitle"),
        series=f.text("series"),
        date=f.text("date"),
        publisher=_publisher(ctx, f.get("publisher")),
        authors=f.texts("authors"),
        language=_language(ctx, f),
        short_title=f.text("short_title"),
        sector=f.text("sector"),
        acknowledgements=f.texts("acknowledgements"),
        copyright=f.text("copyright"),
        partners=f.texts("partners"),
        colophon=f.texts("colophon"),
        keywords=f.texts("keywords"),
        at=ctx.at(node), field_at=f.lines())
    extras = _Extras()
    parts: list[Part] = []
    for item in f.seq("parts"):
        slots.part_line = item.line
        part = _part_item(ctx, item, file, root, extras)
        if part is not None:
            parts.append(part)
    if "parts" in f and not parts and not problems:
        ctx.error(f["parts"], "the briefing has no parts; list them under parts:")
    unfilled(ctx, slots)
    extras.footnotes.extend(_footnotes(ctx, f.get("footnotes")))
    extras.references.extend(_references(ctx, f.get("references")))
    extras.charts.extend(read_charts(ctx, f.get("charts")))
    extras.datasets.extend(read_datasets(ctx, f.get("datasets")))
    return Briefing(id=f.slug("id"), meta=meta, parts=tuple(parts),
                    footnotes=tuple(extras.footnotes),
                    references=merge_references(extras.references),
                    charts=tuple(extras.charts), datasets=tuple(extras.datasets),
                    template=_template(ctx, f.get("template"), file, root),
                    deck=read_deck(ctx, f.get("deck")),
                    printing="press" if f.choice("print") == "press" else "screen",
                    handout=_handout(ctx, f.get("handout")), at=ctx.at(node))


def _handout(ctx: Ctx, node: Node | None) -> HandoutSettings:
    """``handout: {sections, charts, pages}``; the defaults when absent (the ids are
    checked against the whole briefing by ``check``)."""
    f = ctx.fields(node, shapes.HANDOUT) if node is not None else None
    if f is None or node is None:
        return HandoutSettings()
    pages = f.integer("pages")
    low, high = HANDOUT_PAGES
    if pages is not None and not low <= pages <= high:
        ctx.error(f["pages"], f"a handout of {pages} pages cannot be made; give {low} to "
                  f"{high} pages")
        pages = None
    return HandoutSettings(sections=f.texts("sections"), charts=f.texts("charts"),
                           pages=pages or high, at=ctx.at(node))


def _language(ctx: Ctx, f: Fields) -> str:
    """The language tag (BCP 47), en-GB when not given; it is written into the PDF and
    every text run of the deck, so it is checked here."""
    tag = f.text("language").strip()
    if tag and (why := language_problem(tag)):
        ctx.error(f["language"], f"'language' {why}")
        return "en-GB"
    return tag or "en-GB"


def _publisher(ctx: Ctx, node: Node | None) -> Publisher:
    if node is None:
        return Publisher(name="")
    f = ctx.fields(node, shapes.PUBLISHER) or Fields(ctx, shapes.PUBLISHER, {}, node)
    return Publisher(name=f.text("name"), address=f.texts("address"),
                     telephone=f.text("telephone"), email=f.text("email"),
                     website=f.url("website"), at=ctx.at(node),
                     field_at=f.lines())


def _template(ctx: Ctx, node: Node | None, file: Path, root: Path) -> str:
    """A template path (relative to the briefing file, else to the project root),
    returned relative to the project root."""
    name = ctx.text(node, "template")
    if node is None or not name.strip():
        return ""
    for base in (file.parent, root):
        candidate = base / name
        why = what_is(candidate)
        if why and os.path.lexists(candidate) and why != "does not exist":
            ctx.error(node, f"template '{name}' {why}; give a .pptx file")
            return ""
        if not why:
            if not inside(candidate, root, _ASSET_DIRS):
                ctx.error(node, f"template '{name}' lies outside the project's content/ and "
                          "assets/ folders; move it under assets/")
                return ""
            if candidate.suffix.lower() not in (".pptx", ".potx"):
                ctx.error(node, f"template '{name}' is not a PowerPoint file (.pptx); "
                          "give a .pptx template saved from PowerPoint")
                return ""
            from builder import ooxml  # lxml only where a briefing has a template

            unsafe = ooxml.inspect(candidate)
            for why in unsafe:
                ctx.error(node, f"template '{name}' cannot be used: {why}")
            return "" if unsafe else relpath(candidate.resolve(), root.resolve())
    ctx.error(node, f"template '{name}' does not exist; give a path relative to this file "
              "or to the project folder, or leave it empty")
    return ""


def _part_item(ctx: Ctx, node: Node, file: Path, root: Path, extras: _Extras) -> Part | None:
    if isinstance(node, Mapping) and "include" not in node.items:
        return read_part(ctx, node, extras)
    f = ctx.fields(node, shapes.INCLUDE)
    if f is None or "include" not in f:
        return None
    name = f.text("include")
    target = file.parent / name
    if not name or (why := what_is(target)):
        why = why if name else "does not exist"
        ctx.error(f["include"], f"included file '{name}' {why}; "
                  "give a path relative to this file")
        return None
    if not inside(target, root, ("content",)):
        ctx.error(f["include"], f"included file '{name}' lies outside the project's content/ "
                  "folder; includes must stay inside content/")
        return None
    sub_path = relpath(target.resolve(), root.resolve())
    sub = load_file(target, sub_path, ctx.problems)
    if sub is None:
        return None
    return read_part(Ctx(sub_path, ctx.problems, ctx.slots), sub, extras)


def read_part(ctx: Ctx, node: Node, extras: _Extras) -> Part | None:
    f = ctx.fields(node, shapes.PART)
    if f is None:
        return None
    part = Part(id=f.ident("id"), title=f.text("title"),
                sections=_sections(ctx, f.get("sections"), 2),
                blocks=read_blocks(ctx, f.get("blocks")),
                shared=f.boolean("shared"), at=ctx.at(node))
    extras.footnotes.extend(_footnotes(ctx, f.get("footnotes")))
    extras.references.extend(_references(ctx, f.get("references")))
    extras.charts.extend(read_charts(ctx, f.get("charts")))
    extras.datasets.extend(read_datasets(ctx, f.get("datasets")))
    return part


def _sections(ctx: Ctx, node: Node | None, level: int) -> tuple[Section, ...]:
    out: list[Section] = []
    for item in ctx.seq(node, "sections"):
        f = ctx.fields(item, shapes.SECTION)
        if f is None:
            continue
        subs: tuple[Section, ...] = ()
        if "sections" in f:
            if level >= 3:
                ctx.error(f["sections"], "sections nest only two levels inside a part; "
                          "move these subsections up a level")
            else:
                subs = _sections(ctx, f["sections"], level + 1)
        out.append(Section(id=f.ident("id"), title=f.text("title"), level=level, blocks=read_blocks(ctx, f.get("blocks")), sections=subs,
                           slides=_slides(ctx, f.get("slides")),
                           training=read_training(ctx, f.get("training")), at=ctx.at(item)))
    return tuple(out)


def _slides(ctx: Ctx, node: Node | None) -> SlideOverride | None:
    if node is None:
        return None
    f = ctx.fields(node, shapes.SLIDES)
    if f is None:
        return None
    extra: list[ExtraSlide] = []
    for item in f.seq("extra"):
        e = ctx.fields(item, shapes.EXTRA_SLIDE)
        if e is not None:
            extra.append(ExtraSlide(title=e.text("title"), bullets=e.markups("bullets"),
                                    notes=e.text("notes"), at=ctx.at(item)))
    return SlideOverride(skip=f.boolean("skip"), show=f.boolean("show"),
                         bullets=f.markups("bullets"),
                         extra=tuple(extra), at=ctx.at(node))


def _footnotes(ctx: Ctx, node: Node | None) -> list[Footnote]:
    out: list[Footnote] = []
    for item in ctx.seq(node, "footnotes"):
        f = ctx.fields(item, shapes.FOOTNOTE)
        if f is not None:
            out.append(Footnote(id=f.ident("id"), content=f.inlines("text"), at=ctx.at(item)))
    return out


def reference_order(ref: Reference) -> tuple[str, ...]:
    """Where a reference goes in the alphabetical list: its words (authors, year, title),
    compared without case, accents, punctuation, '&' and 'and' (so authors sort by name)."""
    text = unicodedata.normalize("NFKD", plain_text(ref.text)).casefold()
    return (*(w for w in re.findall(r"[^\W_]+", text) if w != "and"), ref.id)


def merge_references(refs: list[Reference]) -> tuple[Reference, ...]:
    """The briefing's and its parts' references as one alphabetical list; an entry given
    twice with the same id, text and link is listed once (different ones are kept, for
    the duplicate-id check to report)."""
    out: dict[tuple[str, Inlines, str], Reference] = {}
    for ref in refs:
        out.setdefault((ref.id, ref.text, ref.url), ref)
    return tuple(sorted(out.values(), key=reference_order))


def _references(ctx: Ctx, node: Node | None) -> tuple[Reference, ...]:
    out: list[Reference] = []
    for item in ctx.seq(node, "references"):
        f = ctx.fields(item, shapes.REFERENCE)
        if f is not None:
            out.append(Reference(id=f.ident("id"), text=f.inlines("text"), url=f.url("url"),
                                 at=ctx.at(item)))
    return tuple(out)


__all__ = ["read_briefing", "relpath", "inside", "SourceRef"]
