"""The PDF page of every section, table and figure from the last build, kept so the deck
(whose notes cite pages) can be made at the same time as the PDF."""

from __future__ import annotations

import json
import os
from pathlib import Path


def load(cache: Path, briefing_id: str) -> dict[str, int]:
    try:
        data = json.loads((cache / "pages" / f"{briefing_id}.json").read_text())
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save(cache: Path, briefing_id: str, page_of: dict[str, int]) -> None:
    folder = cache / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{briefing_id}.{os.getpid()}"
    tmp.write_text(json.dumps(page_of, sort_keys=True))
    os.replace(tmp, folder / f"{briefing_id}.json")
