"""Content: YAML briefings -> the document model, with every problem found at once.

The pipeline calls exactly ``discover``, ``resolve_targets``, ``load_briefing`` and
``input_files``. Content mistakes come back as ``Problem``s (``file:line: ...``);
anything raised from here is a bug.
"""

from __future__ import annotations

import re
from pathlib import Path

from builder.content.check import check
from builder.content.datacheck import data_warnings
from builder.content.load import Mapping, Scalar, Sequence, load_file
from builder.content.numbering import number
from builder.content.read import inside, read_briefing, relpath
from builder.content.sizes import size_problems
from builder.files import find_files, what_is
from builder.model import Briefing
from builder.problems import Problem
from builder.texts import glyph_problems
from builder.theme import Theme, read_theme

__all__ = ["discover", "resolve_targets", "load_briefing", "load_briefings", "input_files"]

BRIEFING_FILE = "briefing.yaml"


def discover(root: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Every ``briefing.yaml`` under ``root/content`` that is a file, sorted. A problem is
    added to ``problems`` for each folder that cannot be read or links out of content/,
    and each briefing.yaml that is not a file: nothing is skipped without a word."""
    base = root / "content"
    if not base.is_dir():
        return []
    found, unreadable = find_files(base, BRIEFING_FILE)
    out = [p for p in found if not what_is(p)]
    if problems is not None:
        problems += [Problem(relpath(path, root), 0, f"folder {why}",
                             "warning" if why.startswith("is a link") else "error")
                     for path, why in unreadable]
        problems += [Problem(relpath(p, root), 0, f"{BRIEFING_FILE} {what_is(p)}; make it a "
                             "YAML file or remove it") for p in found if p not in out]
    return out


def resolve_targets(paths: list[str], cwd: Path) -> tuple[list[Path], list[Problem]]:
    """Each PATH is a briefing folder or its briefing.yaml; anything else is a problem."""
    found: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        p = (cwd / raw) if not Path(raw).is_absolute() else Path(raw)
        if p.is_dir() and (p / BRIEFING_FILE).is_file():
            target = p / BRIEFING_FILE
        elif p.is_file() and p.name == BRIEFING_FILE:
            target = p
        else:
            inner = what_is(p / BRIEFING_FILE) if p.is_dir() else ""
            what = ("does not exist" if not p.exists() else
                    f"holds a {BRIEFING_FILE} that {inner}" if inner and inner != "does not "
                    "exist" else "is a folder without a briefing.yaml" if p.is_dir() else
                    "is not a briefing.yaml")
            problems.append(Problem(raw, 0, f"'{raw}' {what}; give a briefing folder "
                                    "(e.g. content/health) or its briefing.yaml"))
            continue
        target = target.resolve()
        if target not in found:
            found.append(target)
    return found, problems


def load_briefing(path: Path, project_root: Path, theme: Theme | None = None
                  ) -> tuple[Briefing | None, list[Problem]]:
    """Read a briefing and everything it includes; the model is None if any error.
    ``theme``: the project's brand, when the caller has read it (else it is read here)."""
    problems: list[Problem] = []
    root = project_root.resolve()
    file = path.resolve()
    node = load_file(file, relpath(file, root), problems)
    briefing: Briefing | None = None
    if node is not None:
        briefing, numbered = number(read_briefing(node, file, root, problems))
        problems.extend(size_problems(briefing))
        briefing, more = check(briefing)
        problems.extend(numbered + more)
        problems.extend(data_warnings(briefing))
        if theme is None:
            theme, _ = read_theme(root)  # the brand's own problems: the pipeline's to report
        if theme is not None:
            problems.extend(glyph_problems(briefing, theme))
    else:
        problems.extend(_named_files_problems(file, root))
    unique = sorted(set(problems))
    if any(p.severity == "error" for p in unique):
        return None, unique
    return briefing, unique


_INCLUDE_LINE = re.compile(r"^\s*-?\s*include:\s*[\"']?([^\"'#\s]+)", re.M)


def _named_files_problems(file: Path, root: Path) -> list[Problem]:
    """When a briefing.yaml cannot be read, the problems of the part files its text names
    (``include:`` lines), so that every file's mistakes are told at once."""
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    problems: list[Problem] = []
    for name in _INCLUDE_LINE.findall(text):
        target = (file.parent / name).resolve()
        if not what_is(target) and inside(target, root, ("content",)):
            load_file(target, relpath(target, root), problems)
    return problems


def load_briefings(targets: list[Path], project_root: Path, theme: Theme | None = None
                   ) -> tuple[list[Briefing], list[Problem]]:
    """Read every target (their glyphs checked against ``theme``, the project's brand,
    read once). A problem in a file several briefings share is reported once; two
    briefings with the same id (one output folder) are an error."""
    problems: set[Problem] = set(_id_clashes(targets, project_root))
    briefings: list[Briefing] = []
    if theme is None:
        theme, _ = read_theme(project_root.resolve())
    for target in targets:
        briefing, found = load_briefing(target, project_root, theme)
        problems.update(found)
        if briefing is not None:
            briefings.append(briefing)
    if any(p.severity == "error" for p in problems):
        briefings = []
    return briefings, sorted(problems)


def _briefing_id(file: Path, root: Path) -> tuple[str, int]:
    """The ``id:`` of a briefing file and its line ("" if it has none that reads)."""
    node = load_file(file, relpath(file, root), [])
    entry = node.items.get("id") if isinstance(node, Mapping) else None
    if entry is None or not isinstance(entry[1], Scalar):
        return "", 0
    return entry[1].text, entry[1].line


def _id_clashes(targets: list[Path], root: Path) -> list[Problem]:
    """The ids of the targets that another briefing of the project also has."""
    files = sorted({*(p.resolve() for p in discover(root)), *targets})
    owners: dict[str, list[tuple[str, int]]] = {}
    for file in files:
        ident, line = _briefing_id(file, root.resolve())
        if ident:
            owners.setdefault(ident, []).append((relpath(file, root.resolve()), line))
    wanted = {relpath(t, root.resolve()) for t in targets}
    out: list[Problem] = []
    for ident, where in owners.items():
        if len(where) > 1 and wanted & {path for path, _ in where}:
            for path, line in where:
                others = ", ".join(f"{p}:{n}" for p, n in where if p != path)
                out.append(Problem(path, line, f"briefing id '{ident}' is also the id of "
                                   f"{others}; give each briefing its own id (it names the "
                                   f"output folder output/{ident}/)"))
    return out


def input_files(briefing_yaml: Path) -> list[Path]:
    """The files a briefing reads: itself, its included parts and its template."""
    file = briefing_yaml.resolve()
    out = [file]
    node = load_file(file, file.name, [])
    if not isinstance(node, Mapping):
        return out
    parts = node.items.get("parts", (None, None))[1]
    if isinstance(parts, Sequence):
        for item in parts.items:
            inc = item.items.get("include") if isinstance(item, Mapping) else None
            if inc is not None and isinstance(inc[1], Scalar):
                target = (file.parent / inc[1].text).resolve()
                if target.is_file() and target not in out:
                    out.append(target)
    tmpl = node.items.get("template", (None, None))[1]
    if isinstance(tmpl, Scalar) and tmpl.text.strip():
        for base in (file.parent, _project_root(file)):
            candidate = (base / tmpl.text).resolve()
            if candidate.is_file():
                out.append(candidate)
                break
    return out


def _project_root(file: Path) -> Path:
    """The folder holding the ``content`` folder that holds ``file``."""
    for parent in file.parents:
        if parent.name == "content":
            return parent.parent
    return file.parent

