"""Where the project is: the nearest folder, from here up, that holds ``content/``."""

from __future__ import annotations

from pathlib import Path


def find_root(start: Path) -> Path | None:
    """The project folder holding ``start`` (``start`` itself included), or None."""
    for folder in (start, *start.parents):
        if (folder / "content").is_dir():
            return folder
    return None
