"""The PDF's layout as the rest of the build sees it: the page map (``PdfResult.page_of``:
key -> 1-based PDF page) that the PDF records and the deck's notes cite, whose keys are
section, table and figure ids and a key for every block written in the content
(``block_key``); and the layout seed a build leaves for the next (``PdfSeed``). No
reportlab here: the main process reads and keeps these without importing the renderer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.model import SourceRef


def block_key(at: SourceRef) -> str:
    """The page map's key for the block written at ``at`` ("@file:line"; ids cannot
    hold "@"): the PDF records the page each paragraph, list, quotation, box, table and
    figure starts on under it, and the deck's notes cite that page."""
    return f"@{at.path}:{at.line}"


SEED_FORMAT = 1

Reserve = Mapping[int, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class PdfSeed:
    """Everything a layout pass takes from the pass before it, as the last pass of a build
    left it. Frozen, hashable, picklable; :meth:`to_json`/:meth:`from_json` for a cache file.

    ``page_of``: (anchor id, 1-based page) for every anchor (contents, parts, sections,
    tables, figures, references), sorted by id. The contents page and the "see page N"
    references are made from it, so contents entries need no field of their own.
    ``reserve``: (page, footnote numbers) for each page whose foot keeps room for
    footnotes, sorted; a footnote number appears on one page only, except after a build
    that had to keep room on two pages for a marker at a page foot (see :attr:`usable`).
    ``footnotes``: (footnote id, number) in number order (reading order of first markers).

    A seed only saves passes: any seed, even of other content, gives the same PDF as none
    (the pass made with it is kept only if it reproduces it exactly; see :func:`render_pdf`).
    """

    page_of: tuple[tuple[str, int], ...] = ()
    reserve: tuple[tuple[int, tuple[int, ...]], ...] = ()
    footnotes: tuple[tuple[str, int], ...] = ()

    @classmethod
    def of(cls, page_of: Mapping[str, int], reserve: Reserve,
           footnotes: Mapping[str, int]) -> PdfSeed:
        return cls(tuple(sorted(page_of.items())),
                   tuple(sorted((p, tuple(sorted(ns))) for p, ns in reserve.items() if ns)),
                   tuple(sorted(footnotes.items(), key=lambda kv: (kv[1], kv[0]))))

    @property
    def usable(self) -> bool:
        """False for the empty seed, and for one whose reserve names a footnote on two
        pages (kept room for a marker oscillating at a page foot): that reserve depends on
        the passes that led to it, so a build given it starts afresh instead."""
        numbers = [n for _, ns in self.reserve for n in ns]
        return bool(self.page_of) and len(numbers) == len(set(numbers))

    def pages(self) -> dict[str, int]:
        return dict(self.page_of)

    def reserved(self) -> dict[int, tuple[int, ...]]:
        return dict(self.reserve)

    def numbers(self) -> dict[str, int]:
        return dict(self.footnotes)

    def to_json(self) -> str:
        return json.dumps({"format": SEED_FORMAT, "page_of": dict(self.page_of),
                           "reserve": {str(p): list(ns) for p, ns in self.reserve},
                           "footnotes": dict(self.footnotes)}, sort_keys=True,
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> PdfSeed:
        """The seed :meth:`to_json` wrote. ``ValueError`` for anything else (another
        format version, a damaged file): the caller then renders without a seed."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != SEED_FORMAT:
                raise ValueError("not a PDF layout seed of this version")
            page_of = {str(k): _int(v) for k, v in data["page_of"].items()}
            reserve = {_int(k): tuple(_int(n) for n in ns) for k, ns in data["reserve"].items()}
            footnotes = {str(k): _int(v) for k, v in data["footnotes"].items()}
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a PDF layout seed: {exc}") from exc
        return cls.of(page_of, reserve, footnotes)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not a number: {value!r}")
    return int(value)


EMPTY_SEED = PdfSeed()
