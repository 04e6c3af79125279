"""``briefing new ID``: a new briefing's files that build at once, every place an editor
must fill marked ``TODO:`` (reported as a warning until written).

With ``--series NAME`` the briefing includes the shared parts of ``content/shared/NAME/``,
fills each of their slots with a placeholder, and takes the metadata a series has in
common (title, series, publisher, colophon, ...) from a briefing already in the series;
without it, a stand-alone briefing with one part of its own is written.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from builder.content import discover
from builder.content.fields import SLUG_RE
from builder.content.load import Mapping, Node, Scalar, Sequence, load_file
from builder.content.schema import render, schemas
from builder.problems import Problem

# metadata a briefing of a series shares with the others (copied), in briefing.yaml order
COMMON = ("title", "series", "date", "language", "publisher", "copyright", "partners",
          "colophon")


@dataclass(frozen=True)
class Series:
    """A series' shared parts (project-relative paths) and their slots (id, about)."""

    name: str
    parts: tuple[Path, ...]
    slots: tuple[tuple[str, str], ...]


def new_briefing(root: Path, ident: str, series: str | None) -> tuple[list[Path], list[Problem]]:
    """Write the files of briefing ``ident`` under ``root/content``: (files, problems)."""
    problems = _refuse(root, ident)
    found = _series(root, series, problems) if series else None
    if problems:
        return [], problems
    folder = root / "content" / ident
    folder.mkdir(parents=True)
    schema_dir = _write_schemas(root)
    briefing = folder / "briefing.yaml"
    part = folder / "part2.yaml" if found else folder / "part1.yaml"
    briefing.write_text(_briefing_text(root, ident, found, part.name, schema_dir),
                        encoding="utf-8")
    part.write_text(_part_text(found, _rel(schema_dir, folder)), encoding="utf-8")
    return [briefing, part], []


def _refuse(root: Path, ident: str) -> list[Problem]:
    where = f"content/{ident}"
    if not SLUG_RE.match(ident):
        return [Problem(where, 0, f"'{ident}' cannot be a briefing id: use a-z, 0-9 and '-' "
                        "(it names the folder and the output files)")]
    if (root / where).exists():
        return [Problem(where, 0, f"{where} already exists; choose another id, or edit the "
                        "briefing that is there")]
    taken = [p for p in discover(root) if _text(load_file(p, str(p), []), "id") == ident]
    if taken:
        return [Problem(where, 0, f"the id '{ident}' is already the id of "
                        f"{taken[0].relative_to(root)}; choose another id")]
    return []


def series_names(root: Path) -> list[str]:
    """The series of the project: folders of content/shared/."""
    shared = root / "content" / "shared"
    return sorted(p.name for p in shared.iterdir() if p.is_dir()) if shared.is_dir() else []


def _series(root: Path, name: str, problems: list[Problem]) -> Series | None:
    folder = root / "content" / "shared" / name
    known = series_names(root)
    parts = sorted(p for p in folder.glob("*.yaml")) if folder.is_dir() else []
    shared_parts = [p for p in parts if _is_shared(load_file(p, str(p), []))]
    if not shared_parts:
        problems.append(Problem(f"content/shared/{name}", 0, f"there is no series '{name}' "
                                "(no shared part in content/shared/" + name + "); series here: "
                                + (", ".join(known) or "none")))
        return None
    slots = [s for p in shared_parts for s in _slots(load_file(p, str(p), []))]
    return Series(name, tuple(p.relative_to(root) for p in shared_parts), tuple(slots))


def _is_shared(node: Node | None) -> bool:
    value = node.items.get("shared") if isinstance(node, Mapping) else None
    return value is not None and isinstance(value[1], Scalar) and value[1].value is True


def _text(node: Node | None, key: str) -> str:
    value = node.items.get(key) if isinstance(node, Mapping) else None
    return value[1].text if value is not None and isinstance(value[1], Scalar) else ""


def _slots(node: Node | None) -> list[tuple[str, str]]:
    """(slot id, about) of every slot block in a part, in reading order."""
    out: list[tuple[str, str]] = []
    stack: list[Node] = [node] if node is not None else []
    while stack:
        here = stack.pop()
        if isinstance(here, Mapping):
            if "slot" in here.items:
                out.append((_text(here, "slot"), " ".join(_text(here, "about").split())))
            stack.extend(v for _, v in reversed(here.items.values()))
        elif isinstance(here, Sequence):
            stack.extend(reversed(here.items))
    return out


def _write_schemas(root: Path) -> Path:
    """The JSON Schemas in ``root/schema`` (written or brought up to date)."""
    folder = root / "schema"
    folder.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        text = render(schema)
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return folder


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def _model(root: Path, series: Series) -> tuple[Path, list[str]] | None:
    """A briefing already in the series, and its common metadata lines as written."""
    for path in discover(root):
        text = path.read_text(encoding="utf-8")
        if any(_rel(root / p, path.parent) in text for p in series.parts):
            return path, _common_lines(text)
    return None


def _common_lines(text: str) -> list[str]:
    """The lines of the top-level keys in COMMON (with their indented continuations)."""
    out: list[str] = []
    keep = False
    for line in text.splitlines():
        if line and not line.startswith((" ", "#", "-")):
            keep = line.split(":", 1)[0] in COMMON
        elif line.startswith("#"):
            continue
        if keep:
            out.append(line)
    return out


def _briefing_text(root: Path, ident: str, series: Series | None, part: str,
                   schema_dir: Path) -> str:
    folder = root / "content" / ident
    lines = [f"# yaml-language-server: $schema={_rel(schema_dir, folder)}/briefing.schema.json",
             f"# The briefing '{ident}': made by 'briefing new'. Replace every TODO: with this "
             "briefing's own text;",
             "# 'briefing check' lists the ones left. docs/content-format.md explains each key.",
             f"id: {ident}"]
    model = _model(root, series) if series else None
    if model is not None:
        lines.append(f"# copied from {model[0].relative_to(root)}, as common to the series:")
        lines += model[1]
    else:
        lines += ['title: "TODO: the cover title"', 'series: "TODO: the series"',
                  'date: "TODO: the month and year of publication"',
                  "publisher:", '  name: "TODO: the publisher"']
    lines += ['subtitle: "TODO: the subtitle on the cover"',
              'short_title: "TODO: a short title for the running header"',
              'sector: "TODO: the sector this briefing is for"',
              'authors: ["TODO: the authors"]',
              "keywords: []"]
    if series is not None:
        lines += _fill_lines(series)
    lines.append("parts:")
    lines += [f"  - include: {_rel(root / p, folder)}" for p in (series.parts if series else ())]
    lines.append(f"  - include: {part}")
    lines += ["# References this briefing's own part cites (the shared parts bring theirs):",
              "references: []"]
    return "\n".join(lines) + "\n"


def _fill_lines(series: Series) -> list[str]:
    out = ["# This briefing's own text for each slot of the shared parts:", "slots:"]
    for name, about in series.slots:
        out.append(f"  {name}:")
        out += [f"    # {line}" for line in textwrap.wrap(about, 84)]
        out.append(f'    - p: "TODO: {name.replace("-", " ")}"')
    return out


def _part_text(series: Series | None, schema: str) -> str:
    number = 2 if series else 1
    return "\n".join([
        f"# yaml-language-server: $schema={schema}/part.schema.json",
        f"id: part-{number}",
        f'title: "Part {number}: TODO: the part\'s title"',
        "sections:",
        "  - id: first-section",
        '    title: "TODO: the first section\'s title"',
        "    blocks:",
        '      - p: "TODO: the first paragraph"',
        "      - learning_points:",
        '          - "TODO: a learning point"',
    ]) + "\n"
