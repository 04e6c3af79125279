"""A tiny content folder in tmp_path for content tests: briefing.yaml + part.yaml."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from builder.content import load_briefing
from builder.model import Briefing

BRIEFING = """\
id: demo
title: Demo briefing
subtitle: A subtitle
series: Demo series
date: December 2022
publisher:
  name: Research in Practice
authors: [A. Author]
parts:
  - include: part.yaml
references:
  - id: ref-one
    text: "Author, A. (2020). *A book*."
    url: https://example.org/book
"""

PART = """\
id: part-1
title: "Part 1: Intro"
sections:
  - id: intro
    title: Introduction
    blocks:
      - p: Hello{fn:note} world, see {see:table-1}.
      - table:
          id: table-1
          number: 1
          title: Deaths
          columns:
            - {key: category, label: Category}
            - {key: d2017, label: "2017-19 (n=10)", n: 10, partition: true}
          rows:
            - [Suicide, "3 (30%)"]
            - [Accident, "7 (70%)"]
          chart: c1
footnotes:
  - id: note
    text: A footnote.
charts:
  - id: c1
    kind: hbar
    source: table-1
    series: [{column: d2017, label: "2017-19"}]
    title: Deaths
    alt: Deaths by category.
"""

BRIEFING_PATH = "content/demo/briefing.yaml"
PART_PATH = "content/demo/part.yaml"

Load = Callable[..., tuple[Briefing | None, list[str]]]


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def load(tmp_path: Path) -> Load:
    """``load(part=..., briefing=..., files={...})`` -> (model or None, problem lines)."""

    def run(part: str | bytes = PART, briefing: str | bytes = BRIEFING,
            files: dict[str, str | bytes] | None = None) -> tuple[Briefing | None, list[str]]:
        write(tmp_path, BRIEFING_PATH, briefing)
        write(tmp_path, PART_PATH, part)
        for rel, text in (files or {}).items():
            write(tmp_path, rel, text)
        model, problems = load_briefing(tmp_path / BRIEFING_PATH, tmp_path)
        return model, [str(p) for p in problems]

    return run
