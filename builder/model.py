"""The briefing document model: a closed set of frozen dataclasses.

Every node carries ``at`` (its source file and line), which is excluded from
equality. Renderers read this model and never see YAML. Derived facts (page
numbers, slide numbers, footnote numbers) are computed by the stage that needs
them and are never written back here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, assert_never


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a node came from: a path relative to the project root, and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


NOWHERE = SourceRef("<built-in>", 0)


# where each field of a mapping was written, (key, location), for messages about one field
FieldLines = tuple[tuple[str, SourceRef], ...]


def _lines() -> FieldLines:
    return field(default=(), compare=False, repr=False)  # type: ignore[return-value]


def _at() -> SourceRef:
    return field(default=NOWHERE, compare=False, repr=False)  # type: ignore[return-value]


# ---------------------------------------------------------------- inline spans


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    text: str
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Emphasis:
    children: Inlines
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Strong:
    children: Inlines
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """An external link; ``url`` scheme is https, http or mailto (checked at load)."""

    children: Inlines
    url: str
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class CrossRef:
    """``{see:ID}``: a reference to a section, table or figure id.

    The PDF renders it as "see page N" with N the page the target lands on;
    slides render it as "see 'Target title'".
    """

    target: str
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class FootnoteRef:
    """``{fn:ID}``: a marker for the footnote with that id."""

    target: str
    at: SourceRef = _at()


Inline = Text | Emphasis | Strong | Link | CrossRef | FootnoteRef
Inlines = tuple[Inline, ...]


def plain_text(spans: Inlines) -> str:
    """The text of the spans as a reader sees it, without markers or cross-reference text."""
    out: list[str] = []
    for span in spans:
        match span:
            case Text(text=t):
                out.append(t)
            case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                out.append(plain_text(c))
            case CrossRef() | FootnoteRef():
                pass
            case _:
                assert_never(span)
    return "".join(out)


# ---------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    content: Inlines
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class ListItem:
    content: Inlines
    children: tuple[ListItem, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class BulletList:
    items: tuple[ListItem, ...]
    at: SourceRef = _at()


QuoteKind = Literal["scr", "voice"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """An italic quotation: an extract from an SCR report (``scr``) or a child's or
    young person's own words (``voice``). ``paragraphs`` are verbatim."""

    paragraphs: tuple[Inlines, ...]
    kind: QuoteKind = "scr"
    attribution: Inlines = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseExample:
    """A narrative case description (a boxed example in print), optionally with quotes."""

    title: str = ""
    blocks: tuple[Paragraph | Quote | BulletList, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class LearningPoints:
    title: str = "Learning points"
    items: tuple[ListItem, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """A table column. ``n`` is the base for the percentages in its cells.

    ``partition``: its rows' counts are categories that add up to ``n``.
    ``sums``: keys of columns whose counts add up to this column's count, row by row.
    """

    key: str
    label: str
    n: int | None = None
    partition: bool = False
    sums: tuple[str, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """A cell exactly as published (``text``), with the numbers read from it.

    "46 (22%)" -> count 46, percent "22"; "1 (<1%)" -> count 1, percent "<1";
    "7 (4)**" -> count 7, detail 4; "n/a", "-" -> no numbers.
    """

    text: str
    count: int | None = None
    percent: str | None = None
    detail: int | None = None
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    label: str
    cells: tuple[Cell, ...]
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Accepted:
    """A known inconsistency of a published table, kept as printed: the cell (``row`` and
    ``column``) or the column total (``row`` empty), and the editor's reason."""

    column: str
    row: str = ""
    reason: str = ""
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A data table. ``columns[0]`` is the row-label column; ``rows[i].cells`` align
    with ``columns[1:]``. ``number`` is the published table number."""

    id: str
    number: int
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[Inlines, ...] = ()
    chart: str | None = None
    accepted: tuple[Accepted, ...] = ()
    at: SourceRef = _at()


ChartKind = Literal["bar", "hbar", "grouped", "stacked", "line"]
ChartUnit = Literal["count", "percent"]
SortOrder = Literal["source", "ascending", "descending"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """One plotted series: a column of the source (table column key or dataset column)."""

    column: str
    label: str
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChartSpec:
    """A chart drawn from a table or dataset of the content, never from pasted numbers.

    ``source`` is a table id or dataset id; ``category`` the column holding the
    category labels (for a table: its row labels, write ``label``); ``series`` the
    value columns; ``unit`` whether counts or the published percentages are plotted.
    ``rows``: if not empty, only these category labels (in this order) are drawn.
    """

    id: str
    kind: ChartKind
    source: str
    category: str
    series: tuple[Series, ...]
    unit: ChartUnit
    title: str
    x_label: str = ""
    y_label: str = ""
    sort: SortOrder = "source"
    highlight: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    source_note: str = ""
    alt: str = ""
    missing: str = ""
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A numbered figure: a chart (``chart`` id) with caption and notes.

    ``missing`` says, in the editor's words, what the original showed that the data
    cannot (so the figure never pretends to be complete).
    """

    id: str
    number: int
    title: str
    chart: str
    caption: Inlines = ()
    missing: Inlines = ()
    source_note: Inlines = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class DataValue:
    """A number in a dataset: ``None`` where the source has no value."""

    column: str
    value: float | None
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class DataRow:
    label: str
    values: tuple[DataValue, ...]
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Dataset:
    """Numbers that feed charts but are not printed as a table (e.g. official statistics)."""

    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[DataRow, ...]
    source: str = ""
    at: SourceRef = _at()


Block = Paragraph | BulletList | Quote | CaseExample | LearningPoints | Table | Figure


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtraSlide:
    title: str
    bullets: tuple[Inlines, ...] = ()
    notes: str = ""
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class SlideOverride:
    """Per-section control of the training deck. With none, the plan decides."""

    skip: bool = False
    show: bool = False  # the section's first slide is shown in a session of any length
    bullets: tuple[Inlines, ...] = ()
    extra: tuple[ExtraSlide, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity:
    """A group activity an editor wrote for the training: its title, what participants
    do (one step a line) and the minutes it takes."""

    title: str
    steps: tuple[Inlines, ...] = ()
    minutes: int = 10
    at: SourceRef = _at()


TRAINING_MARK = "Written for this training, not from the briefing"  # shown with Training


@dataclass(frozen=True, slots=True, kw_only=True)
class Training:
    """Training material for a section that the briefing does not hold, written by an
    editor for the training (never the briefing authors' words, and always shown as
    such): reflection ``questions`` and ``activities`` get slides; facilitator
    ``prompts`` go to the trainer's notes only."""

    questions: tuple[Inlines, ...] = ()
    activities: tuple[Activity, ...] = ()
    prompts: tuple[Inlines, ...] = ()
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A headed section. ``level`` 2 for a part's sections, 3 for their subsections."""

    id: str
    title: str
    level: int
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    slides: SlideOverride | None = None
    training: Training | None = None
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    """A part of the briefing (level 1). ``shared`` parts are common to a series."""

    id: str
    title: str
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...] = ()
    shared: bool = False
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Footnote:
    id: str
    content: Inlines
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A reference-list entry: ``text`` verbatim, ``url`` normalised (``www.`` -> https)."""

    id: str
    text: Inlines
    url: str = ""
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Publisher:
    name: str
    address: tuple[str, ...] = ()
    telephone: str = ""
    email: str = ""
    website: str = ""
    at: SourceRef = _at()
    field_at: FieldLines = _lines()


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    title: str
    subtitle: str
    series: str
    date: str
    publisher: Publisher
    authors: tuple[str, ...]
    language: str = "en-GB"
    short_title: str = ""
    sector: str = ""
    acknowledgements: tuple[str, ...] = ()
    copyright: str = ""
    partners: tuple[str, ...] = ()
    colophon: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    at: SourceRef = _at()
    field_at: FieldLines = _lines()


DEFAULT_SESSION_MINUTES = 90


@dataclass(frozen=True, slots=True, kw_only=True)
class DeckSettings:
    """How the training deck is delivered: ``minutes`` is the session's length."""

    minutes: int = DEFAULT_SESSION_MINUTES
    at: SourceRef = _at()


HANDOUT_PAGES = (2, 4)  # the fewest and most pages a handout may be given
Printing = Literal["screen", "press"]


@dataclass(frozen=True, slots=True, kw_only=True)
class HandoutSettings:
    """What the participant handout holds. ``sections``: ids of the sections it covers, in
    this order (none: the sections of the briefing's own parts the deck covers); ``charts``: ids of the
    charts for its key data, at most two (none: the chart of the first figure);
    ``pages``: the most pages it may take."""

    sections: tuple[str, ...] = ()
    charts: tuple[str, ...] = ()
    pages: int = HANDOUT_PAGES[1]
    at: SourceRef = _at()


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    """One whole briefing: metadata, parts in reading order, and its data. ``printing``:
    "press" also makes the print shop's PDF (bleed, crop marks, booklet page count)."""

    id: str
    meta: Metadata
    parts: tuple[Part, ...]
    footnotes: tuple[Footnote, ...] = ()
    references: tuple[Reference, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    datasets: tuple[Dataset, ...] = ()
    template: str = ""  # a deck template, relative to the project folder ("" = built-in)
    deck: DeckSettings = DeckSettings()
    printing: Printing = "screen"
    handout: HandoutSettings = HandoutSettings()
    at: SourceRef = _at()


def walk_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """All sections in reading order, depth first."""
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(walk_sections(s.sections))
    return tuple(out)
