"""Problems found in content or configuration, reported to editors one line each."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from builder.model import SourceRef

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """``path:line: message`` — message says what is wrong; what to do."""

    path: str
    line: int
    message: str
    severity: Severity = "error"

    @classmethod
    def at(cls, where: SourceRef, message: str, severity: Severity = "error") -> Problem:
        return cls(where.path, where.line, message, severity)

    def __str__(self) -> str:
        label = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {label}{self.message}"


class ContentError(Exception):
    """Raised to stop a build because of problems in content or configuration."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def report(problems: Iterable[Problem], built: bool) -> str:
    """All problems sorted by file and line, then a count line."""
    items = sorted(problems)
    lines = [str(p) for p in items]
    n_err = sum(p.severity == "error" for p in items)
    n_warn = len(items) - n_err
    if n_err:
        lines.append(f"{n_err} problem{'s' * (n_err != 1)} in content; nothing was built"
                     if not built else f"{n_err} problems")
    if n_warn:
        lines.append(f"{n_warn} warning{'s' * (n_warn != 1)}")
    return "\n".join(lines)


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice closest to a mistyped ``word`` (or one it starts, or that starts it)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return close[0]
    prefixed = [c for c in choices if c and (word.startswith(c) or c.startswith(word))]
    return prefixed[0] if word and prefixed else None
