"""Walking and editing a loaded YAML document by path (for the schema/loader tests)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

Path_ = tuple[str | int, ...]
DELETE = object()  # as the value of ``replaced``: remove the key or item


def positions(doc: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) of the document, the whole document first."""
    yield path, doc
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from positions(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from positions(v, (*path, i))


def replaced(doc: Any, path: Path_, value: Any) -> Any:
    """A copy of ``doc`` with the value at ``path`` replaced (or removed: ``DELETE``)."""
    if not path:
        return value
    out = copy.deepcopy(doc)
    holder = out
    for step in path[:-1]:
        holder = holder[step]
    if value is DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return out
