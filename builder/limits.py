"""Declared limits: sizes no real briefing reaches, checked when content is read, before
any layout, each with a message naming the limit and how to split the content.

The health briefing, for scale: its longest paragraph has 1,109 characters, its longest
list 7 items, its largest table 6 columns and 11 rows, its largest chart 11 categories,
its longest title 105 characters, its largest file 50 KB. The limits sit 10 to 40 times
above that, and below the sizes at which layout stops being quick (a paragraph of 20,000
characters is about 5 pages) or the output stops being readable (``WARN_*``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limit:
    """At most ``value`` ``unit`` (``why``); ``fix`` says what to do when over."""

    value: int
    unit: str
    why: str
    fix: str

    def over(self, count: int, what: str) -> str | None:
        """The message for ``what`` holding ``count`` units, or None within the limit."""
        if count <= self.value:
            return None
        return (f"{what} has {count:,} {self.unit}; the limit is {self.value:,} "
                f"({self.why}); {self.fix}")


TEXT = Limit(20_000, "characters", "about 5 pages", "split it into several paragraphs")
LINE = Limit(300, "characters", "a title or label longer than 3 lines", "shorten it")
CELL = Limit(2_000, "characters", "half a page in a table cell", "shorten it or move the "
             "text into a paragraph or a note")
TITLE = Limit(100, "characters", "more runs off the cover", "shorten it; put the rest in "
              "subtitle:")
SUBTITLE = Limit(140, "characters", "more runs off the cover", "shorten it")
SHORT = Limit(80, "characters", "the running header holds one line", "shorten it")
SECTOR = Limit(40, "characters", "one line on the cover", "shorten it")
NAME = Limit(200, "characters", "one line of metadata", "shorten it")
ITEMS = Limit(200, "items", "a list longer than about 8 pages", "split it into several lists, "
              "each under its own heading or lead-in paragraph")
ENTRIES = Limit(100, "entries", "no list of names or keywords of a briefing comes near it",
                "keep the most important ones")
COLUMNS = Limit(16, "value columns", "more leave no room for a number in a cell on an A4 page",
                "split it into two tables, each with the label column")
ROWS = Limit(1_000, "rows", "about 30 pages of table", "split it into several tables")
CATEGORIES = Limit(100, "categories", "more bars than a page can separate",
                   "choose the categories to draw with rows:, or split the data")
URL = Limit(2_000, "characters", "longer links break in some readers", "use a shorter link")
FILE_BYTES = Limit(2_000_000, "bytes", "40 times the largest content file of a briefing",
                   "split it into parts, each in its own file included from briefing.yaml")

WARN_COLUMNS = 8  # above this, numbers break across lines in a printed table
WARN_CATEGORIES = 30  # above this, bar labels overlap or shrink below legible size

# the fields whose limit is not their type's (shape name, key)
_BY_FIELD: dict[tuple[str, str], Limit] = {
    ("briefing", "title"): TITLE, ("briefing", "subtitle"): SUBTITLE,
    ("briefing", "series"): TITLE, ("briefing", "short_title"): SHORT,
    ("briefing", "sector"): SECTOR, ("briefing", "date"): SECTOR,
    ("briefing", "copyright"): NAME, ("briefing", "authors"): NAME,
    ("briefing", "keywords"): NAME, ("briefing", "partners"): NAME,
    ("publisher", "name"): NAME, ("publisher", "address"): NAME,
    ("publisher", "telephone"): SECTOR, ("publisher", "email"): NAME,
    ("table column", "label"): CELL,
}
_BY_TYPE: dict[str, Limit] = {"line": LINE, "id": LINE, "slug": LINE, "url": URL}


def field_limit(shape: str, key: str, kind: str) -> Limit:
    """The limit of field ``key`` of the shape named ``shape``, of type ``kind``."""
    return _BY_FIELD.get((shape, key)) or _BY_TYPE.get(kind, TEXT)

PROPERTY = 255  # characters in a document property of the deck (python-pptx, Office)


def listed(values: tuple[str, ...], more: str = "", limit: int = PROPERTY) -> tuple[str, int]:
    """``values`` joined by "; " as far as whole entries fit in ``limit`` characters, then
    ``more`` (e.g. "et al.") if some were left out; and how many are listed."""
    text = "; ".join(values)
    if len(text) <= limit:
        return text, len(values)
    tail = f"; {more}" if more else ""
    kept: list[str] = []
    for value in values:
        if len("; ".join([*kept, value])) + len(tail) > limit:
            break
        kept.append(value)
    return ("; ".join(kept) + tail).removeprefix("; ")[:limit], len(kept)
