"""The field definitions of every content and brand file: one table that the readers use
to check keys and read values (``fields.Ctx.fields``) and that ``schema.py`` turns into
the JSON Schema editors use. A key added here is known to both; a reader can only read
a key as the type declared here (``fields.Fields`` asserts it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldType = Literal[
    "line",      # one line of text (any scalar, kept as written)
    "text",      # text that may span lines, no inline markup
    "markup",    # text with the inline syntax (*em*, [link](url), {see:ID}, {fn:ID})
    "id",        # letters, digits, '-', '_' and '.'
    "slug",      # a-z, 0-9 and '-' (names output files)
    "lines",     # a list of texts (a single text counts as a list of one)
    "url",       # an https, http or mailto address
    "int",       # a whole number
    "number",    # a number
    "bool",      # true or false
    "choice",    # one of ``options``
    "colour",    # "#RRGGBB"
    "colours",   # a list of "#RRGGBB"
    "size",      # a number above 0
    "shape",     # a mapping of the shape named ``shape``
    "list",      # a list of mappings of the shape named ``shape``
    "blocks",    # a list of blocks
    "markups",   # a list of markup texts
    "items",     # a list of list items (text, or a mapping of the shape 'list item')
    "quote",     # one paragraph of markup, or a list of them
    "cells",     # table rows: lists [label, cell, ...]
    "values",    # dataset rows: lists [label, number or null, ...]
    "numbers",   # a list of numbers
    "parts",     # a list of parts: '- include: FILE' or a part written in place
    "slots",     # a mapping slot id -> blocks
]

CHART_KINDS = ("bar", "hbar", "grouped", "stacked", "line")
UNITS = ("count", "percent")
SORTS = ("source", "ascending", "descending")
PRINTING = ("screen", "press")


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    type: FieldType
    required: bool = False
    shape: str = ""
    options: tuple[str, ...] = ()
    about: str = ""
    filled: bool = False  # text that must not be empty
    min_items: int = 0  # for lists


@dataclass(frozen=True, slots=True)
class Shape:
    """A mapping: its name in messages ("unknown key 'x' in <name>") and its keys."""

    name: str
    fields: tuple[Field, ...]
    about: str = ""
    one_of: tuple[str, ...] = ()  # exactly one of these keys must be given

    @property
    def keys(self) -> tuple[str, ...]:
        """Required keys first, then optional ones, each in declared order."""
        return self.required + tuple(f.key for f in self.fields if not f.required)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(f"{self.name} has no field {key!r}")


def _req(key: str, type: FieldType, about: str = "", *, shape: str = "",
         options: tuple[str, ...] = (), filled: bool = False, min_items: int = 0) -> Field:
    return Field(key, type, True, shape, options, about, filled, min_items)


def _opt(key: str, type: FieldType, about: str = "", *, shape: str = "",
         options: tuple[str, ...] = ()) -> Field:
    return Field(key, type, False, shape, options, about)


# ---------------------------------------------------------------- content files

PUBLISHER = Shape("publisher", (
    _req("name", "line", filled=True), _opt("address", "lines", "address lines as printed"),
    _opt("telephone", "line"), _opt("email", "line"), _opt("website", "url")))

INCLUDE = Shape("part include", (
    _req("include", "line", "a part file, relative to this file"),))

BRIEFING = Shape("briefing", (
    _req("id", "slug", "names the output folder and files: a-z, 0-9 and '-', unique in the "
         "project"),
    _req("title", "line", "the cover title", filled=True),
    _req("subtitle", "line"),
    _req("series", "line"),
    _req("date", "line", "as printed, e.g. December 2022"),
    _req("publisher", "shape", shape="publisher"),
    _req("authors", "lines"),
    _req("parts", "parts", "the parts in reading order: '- include: file.yaml' or a part "
         "written here"),
    _opt("short_title", "line", "the running header"),
    _opt("sector", "line", "the sector this briefing is for, e.g. Health"),
    _opt("language", "line", "e.g. en-GB"),
    _opt("keywords", "lines"),
    _opt("acknowledgements", "lines"),
    _opt("copyright", "line"),
    _opt("partners", "lines"),
    _opt("colophon", "lines"),
    _opt("template", "line", "a PowerPoint template (.pptx), relative to this file"),
    _opt("slots", "slots", "this briefing's text for each slot of a shared part: slot id, "
         "then its blocks"),
    _opt("references", "list", "references cited by this briefing's own text (a part's "
         "references travel with the part)", shape="reference"),
    _opt("footnotes", "list", shape="footnote"),
    _opt("charts", "list", shape="chart"),
    _opt("datasets", "list", shape="dataset"),
    _opt("deck", "shape", "the training session the deck is made for", shape="deck"),
    _opt("print", "choice", "'press' also builds the print shop's PDF (<id>-press.pdf: "
         "3 mm bleed, crop marks, pages a multiple of 4)", options=PRINTING),
    _opt("handout", "shape", "the participant handout", shape="handout"),
), "briefing.yaml: a briefing's metadata and the list of its parts")

DECK = Shape("deck", (
    _opt("minutes", "int", "the session's length in minutes, 30 to 240 (default 90)"),))

HANDOUT = Shape("handout", (
    _opt("sections", "lines", "ids of the sections it covers, in order (default: the "
         "sections of the briefing's own parts that the deck covers)"),
    _opt("charts", "lines", "ids of at most two charts for the key data (default: the "
         "chart of the first figure)"),
    _opt("pages", "int", "the most pages it may take, 2 to 4 (default 4)"),
))

PART = Shape("part", (
    _req("id", "id"),
    _req("title", "line", filled=True),
    _opt("shared", "bool", "true for a part common to every briefing of a series"),
    _opt("blocks", "blocks", "blocks before the first section"),
    _opt("sections", "list", shape="section"),
    _opt("references", "list", "the references this part cites: every briefing that includes "
         "the part lists them", shape="reference"),
    _opt("footnotes", "list", shape="footnote"),
    _opt("charts", "list", shape="chart"),
    _opt("datasets", "list", shape="dataset"),
), "a part file: sections of blocks, and the footnotes, charts and datasets they use")

SECTION = Shape("section", (
    _req("id", "id"), _req("title", "line", filled=True), _opt("blocks", "blocks"),
    _opt("sections", "list", "subsections (one level)", shape="section"),
    _opt("slides", "shape", "training deck settings for this section", shape="slides"),
    _opt("training", "shape", "training material written by an editor, not the briefing's "
         "words", shape="training")))

TRAINING = Shape("training", (
    _opt("questions", "markups", "reflection questions: a 'Reflect' slide"),
    _opt("activities", "list", shape="activity"),
    _opt("prompts", "markups", "facilitator prompts, for the trainer's notes only")))

ACTIVITY = Shape("activity", (
    _req("title", "line", filled=True), _opt("minutes", "int", "1 to 60 (default 10)"),
    _opt("steps", "markups", "what participants do, one step a line")))

SLIDES = Shape("slides", (
    _opt("skip", "bool", "leave this section out of the deck"),
    _opt("show", "bool", "always show the section's first slide, whatever the session's "
         "length"),
    _opt("bullets", "markups", "show these bullets instead of the derived ones"),
    _opt("extra", "list", shape="extra slide")))

EXTRA_SLIDE = Shape("extra slide", (
    _req("title", "line", filled=True), _opt("bullets", "markups"), _opt("notes", "text")))

FOOTNOTE = Shape("footnote", (_req("id", "id"), _req("text", "markup")))

REFERENCE = Shape("reference", (
    _req("id", "id"), _req("text", "markup"), _opt("url", "url")))

CHART = Shape("chart", (
    _req("id", "id"),
    _req("kind", "choice", options=CHART_KINDS),
    _req("source", "line", "a table id or dataset id"),
    _req("series", "list", shape="chart series"),
    _req("title", "line", filled=True),
    _opt("category", "line", "'label' (the table's row labels) or a dataset column"),
    _opt("unit", "choice", options=UNITS),
    _opt("x_label", "line"),
    _opt("y_label", "line"),
    _opt("sort", "choice", options=SORTS),
    _opt("highlight", "lines", "category labels drawn in the highlight colour"),
    _opt("rows", "lines", "only these category labels, in this order"),
    _opt("source_note", "text"),
    _opt("alt", "text", "alt text; if empty the builder drafts one and warns"),
    _opt("missing", "text", "what the chart cannot show"),
))

CHART_SERIES = Shape("chart series", (_req("column", "line"), _opt("label", "line")))

DATASET = Shape("dataset", (
    _req("id", "id"), _req("title", "line", filled=True),
    _req("columns", "lines", "the label column, then the value columns", min_items=2),
    _req("rows", "values"), _opt("source", "text")))

# ---------------------------------------------------------------- blocks

TABLE = Shape("table", (
    _req("id", "id"),
    _opt("number", "int", "the published table number; without one, the builder counts on "
         "from the table before"),
    _req("title", "line", filled=True),
    _req("columns", "list", "the row-label column, then one per cell", shape="table column",
         min_items=2),
    _req("rows", "cells", "[label, cell, ...]: cells as published, e.g. \"46 (22%)\""),
    _opt("notes", "markups"),
    _opt("chart", "id", "the id of a chart drawn from this table"),
    _opt("accept", "list", "known inconsistencies of the published table, kept as printed, "
         "each with the reason: the check then no longer warns about them",
         shape="accept entry"),
))

ACCEPTED = Shape("accept entry", (
    _req("column", "line", "the column's key"),
    _req("reason", "text", "why the published figure is kept", filled=True),
    _opt("row", "line", "the row's label; without one, the column's total")))

TABLE_COLUMN = Shape("table column", (
    _req("key", "id"), _req("label", "text"),
    _opt("n", "int", "the base of the column's percentages"),
    _opt("partition", "bool", "the rows' counts add up to n"),
    _opt("sums", "lines", "keys of columns whose counts add up to this one, row by row")))

FIGURE = Shape("figure", (
    _req("id", "id"), _req("title", "line", filled=True), _req("chart", "id"),
    _opt("number", "int", "the published figure number; without one, the builder counts on "
         "from the figure before"),
    _opt("caption", "markup"), _opt("missing", "markup"), _opt("source_note", "markup")))

CASE = Shape("case", (_req("blocks", "blocks"), _opt("title", "line")))

LIST_ITEM = Shape("list item", (_req("text", "markup"), _opt("items", "items")))

# block key -> the shape of a block of that kind (the key itself plus its sibling keys)
BLOCKS: dict[str, Shape] = {
    "p": Shape("'p' block", (_req("p", "markup", "a paragraph"),)),
    "bullets": Shape("'bullets' block", (_req("bullets", "items"),)),
    "quote": Shape("'quote' block", (
        _req("quote", "quote"),
        _opt("voice", "bool", "a child's or young person's own words"),
        _opt("attribution", "markup"))),
    "case": Shape("'case' block", (_req("case", "shape", "a case example box", shape="case"),)),
    "learning_points": Shape("'learning_points' block", (
        _req("learning_points", "items"), _opt("title", "line"))),
    "table": Shape("'table' block", (_req("table", "shape", shape="table"),)),
    "figure": Shape("'figure' block", (_req("figure", "shape", shape="figure"),)),
    "slot": Shape("'slot' block", (
        _req("slot", "id", "a place each briefing of the series fills with its own blocks "
             "(under slots: in its briefing.yaml)"),
        _opt("about", "text", "what each briefing writes here"))),
}
# blocks that may also be written as a mapping with ``kind:``
KIND_FORM = ("table", "figure", "case")

# ---------------------------------------------------------------- the brand file

BRAND = Shape("brand", (
    _req("name", "line"),
    _req("fonts", "shape", shape="fonts"),
    _req("colours", "shape", shape="colours"),
    _req("chart_palette", "colours", "chart series colours, in order (at least 3:1 on white)",
         min_items=1),
    _req("chart_highlight", "colour", "highlighted chart categories (at least 3:1 on white)"),
    _req("pdf", "shape", shape="pdf"),
    _req("slides", "shape", shape="slides size"),
    _req("charts", "shape", shape="charts size"),
), "assets/brand.yaml: the one brand of the PDF, the deck and the charts")

FONTS = Shape("fonts", (
    _req("family", "line", "the family name, as the PDF and the deck name it"),
    _req("files", "shape", shape="font files"),
    _opt("folder", "line", "a folder of .ttf/.otf files, relative to this file"),
    _opt("package", "line", "an installed Python font package (its files/ folder)"),
    _opt("substitutes", "list", "fonts that stand in for the brand font on a presenter's "
         "laptop without it; the deck's text is measured against them too",
         shape="font substitute"),
), one_of=("folder", "package"))

SUBSTITUTE = Shape("font substitute", (
    _req("family", "line"),
    _req("package", "line", "the Debian/Ubuntu package that installs it, for the message "
         "when it is missing"),
    _req("files", "shape", "file names, found in the system's font folders",
         shape="substitute files"),
    _opt("metrics", "line", "a folder, relative to this file, of the files' metrics "
         "(python -m builder.deck.metrics writes them): measured from these instead of the "
         "installed fonts, so the deck builds where they are not installed")))

SUBSTITUTE_FILES = Shape("substitute files", tuple(
    _req(k, "line") for k in ("regular", "italic", "bold", "bold_italic")))

FONT_FILES = Shape("font files", (
    _req("regular", "line"), _req("italic", "line"), _req("bold", "line"),
    _req("bold_italic", "line"),
    _opt("semibold", "line", "headings and table heads; bold when not given"),
    _opt("light", "line", "light text; regular when not given")))

COLOURS = Shape("colours", tuple(_req(k, "colour", about) for k, about in (
    ("primary", "headings, cover, header rules"), ("accent", "chevrons, links, one-series charts"),
    ("secondary", "learning points"), ("highlight", "marks on the cover and slides"),
    ("text", ""), ("muted", "captions, notes, footers"), ("rule", "lines and grid"),
    ("tint", "quote and case backgrounds"), ("tint_green", "learning points background"),
    ("white", ""))))

PDF = Shape("pdf", (
    _req("page", "choice", "the paper size", options=("A4",)),
    _req("margins_mm", "shape", shape="margins"),
    *(_req(k, "size", "points") for k in ("body_size", "leading")),
    _req("heading_sizes", "numbers", "points: part, section, subsection", min_items=3),
    *(_req(k, "size", "points") for k in ("note_size", "table_size", "caption_size",
                                          "paragraph_space", "box_padding"))))

MARGINS = Shape("margins", tuple(_req(k, "size", "millimetres")
                                 for k in ("top", "bottom", "inner", "outer")))

SLIDES_SIZE = Shape("slides size", (
    *(_req(k, "size", "inches") for k in ("width_in", "height_in")),
    *(_req(k, "size", "points") for k in ("title_size", "body_size", "min_body_size",
                                          "footer_size"))))

CHARTS_SIZE = Shape("charts size", (
    *(_req(k, "size", "inches") for k in ("width_in", "height_in")),
    *(_req(k, "size", "points") for k in ("label_size", "title_size", "min_text_pt")),
    _req("dpi_png", "int", "pixels per inch of the PNG files")))

BRAND_SHAPES = (BRAND, FONTS, SUBSTITUTE, SUBSTITUTE_FILES, FONT_FILES, COLOURS, PDF, MARGINS, SLIDES_SIZE, CHARTS_SIZE)

SHAPES: dict[str, Shape] = {s.name: s for s in (
    PUBLISHER, INCLUDE, BRIEFING, DECK, HANDOUT, PART, SECTION, SLIDES, TRAINING, ACTIVITY,
    EXTRA_SLIDE, FOOTNOTE, REFERENCE,
    CHART, CHART_SERIES, DATASET, TABLE, TABLE_COLUMN, ACCEPTED, FIGURE, CASE, LIST_ITEM,
    *BLOCKS.values(), *BRAND_SHAPES)}
