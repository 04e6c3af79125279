"""What the last build learnt about the PDF's layout, kept between builds in .cache:
the page of every section, table and figure (so the deck, whose notes cite pages, can
be made while the PDF is laid out) and the PDF's layout seed (so an unchanged layout
takes one pass). Both are hints: a missing or damaged file only costs time."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.model import SourceRef
    from builder.pdf import PdfSeed


def block_key(at: SourceRef) -> str:
    """The page map's key for the block written at ``at`` ("@file:line"; ids cannot
    hold "@"): the PDF records the page each paragraph, list, quotation, box, table and
    figure starts on under it, and the deck's notes cite that page."""
    return f"@{at.path}:{at.line}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def load(cache: Path, briefing_id: str) -> dict[str, int]:
    """The last build's page of every anchor, or {} when there is none."""
    try:
        data = json.loads((cache / "pages" / f"{briefing_id}.json").read_text())
        return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def load_seed(cache: Path, briefing_id: str) -> PdfSeed | None:
    """The last build's layout seed, or None when there is none or it is unreadable."""
    from builder.pdf import PdfSeed

    try:
        return PdfSeed.from_json((cache / "pages" / f"{briefing_id}.seed.json").read_bytes())
    except (OSError, ValueError):
        return None


def save(cache: Path, briefing_id: str, page_of: dict[str, int], seed: PdfSeed) -> None:
    _write(cache / "pages" / f"{briefing_id}.json", json.dumps(page_of, sort_keys=True))
    _write(cache / "pages" / f"{briefing_id}.seed.json", seed.to_json())
