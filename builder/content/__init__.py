"""Content: YAML briefings -> the document model, with every problem found at once.

The pipeline calls exactly ``discover``, ``resolve_targets``, ``load_briefing`` and
``input_files``. Content mistakes come back as ``Problem``s (``file:line: ...``);
anything raised from here is a bug.
"""

from __future__ import annotations

from pathlib import Path

from builder.content.check import check
from builder.content.datacheck import data_warnings
from builder.content.load import Mapping, Scalar, Sequence, load_file
from builder.content.read import read_briefing, relpath
from builder.model import Briefing
from builder.problems import Problem

__all__ = ["discover", "resolve_targets", "load_briefing", "input_files"]

BRIEFING_FILE = "briefing.yaml"


def discover(root: Path) -> list[Path]:
    """Every ``briefing.yaml`` under ``root/content``, sorted."""
    base = root / "content"
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob(BRIEFING_FILE) if p.is_file())


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
            what = ("does not exist" if not p.exists() else
                    "is a folder without a briefing.yaml" if p.is_dir() else
                    "is not a briefing.yaml")
            problems.append(Problem(raw, 0, f"'{raw}' {what}; give a briefing folder "
                                    "(e.g. content/health) or its briefing.yaml"))
            continue
        target = target.resolve()
        if target not in found:
            found.append(target)
    return found, problems


def load_briefing(path: Path, project_root: Path) -> tuple[Briefing | None, list[Problem]]:
    """Read a briefing and everything it includes; the model is None if any error."""
    problems: list[Problem] = []
    root = project_root.resolve()
    file = path.resolve()
    node = load_file(file, relpath(file, root), problems)
    briefing: Briefing | None = None
    if node is not None:
        briefing = read_briefing(node, file, root, problems)
        briefing, more = check(briefing)
        problems.extend(more)
        problems.extend(data_warnings(briefing))
    unique = sorted(set(problems))
    if any(p.severity == "error" for p in unique):
        return None, unique
    return briefing, unique


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

