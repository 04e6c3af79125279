"""The one place where the theme becomes reportlab fonts, colours, paragraph styles and
layout measures. Every other module of the PDF renderer takes a :class:`Styles`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from builder.pdf.finish import SCREEN, Finish
from builder.theme import Theme

_FACES = ("regular", "italic", "bold", "bold_italic", "semibold", "light")


@dataclass(frozen=True, slots=True)
class FontNames:
    regular: str
    italic: str
    bold: str
    bold_italic: str
    semibold: str
    light: str


@dataclass(frozen=True, slots=True)
class Palette:
    primary: Color
    accent: Color
    secondary: Color
    highlight: Color
    text: Color
    muted: Color
    rule: Color
    tint: Color
    tint_green: Color
    white: Color

    def hex(self, name: str) -> str:
        """``#rrggbb`` of a palette colour, for paragraph markup."""
        colour: Color = getattr(self, name)
        return "#" + colour.hexval()[2:]


@dataclass(frozen=True, slots=True)
class Layout:
    """Page geometry and the measures of boxes, rules and gaps, in points."""

    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_inner: float
    margin_outer: float
    header_gap: float = 9 * mm
    footer_gap: float = 10 * mm
    box_padding: float = 9.0
    box_rule: float = 3.0
    box_space: float = 10.0
    quote_indent: float = 16.0
    quote_rule: float = 2.0
    part_band_height: float = 62 * mm
    footnote_gap: float = 8.0
    footnote_rule_width: float = 42 * mm
    table_padding: float = 4.0
    figure_space: float = 8.0
    finish: Finish = SCREEN  # how edge-reaching areas meet the page edge; page padding

    @property
    def frame_width(self) -> float:
        return self.page_width - self.margin_inner - self.margin_outer

    @property
    def frame_height(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom


@dataclass(frozen=True, slots=True)
class Styles:
    family: str
    fonts: FontNames
    colours: Palette
    layout: Layout
    body: ParagraphStyle
    lead: ParagraphStyle
    bullet: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    part_title: ParagraphStyle
    section: ParagraphStyle
    subsection: ParagraphStyle
    quote_scr: ParagraphStyle
    quote_voice: ParagraphStyle
    attribution: ParagraphStyle
    box_title: ParagraphStyle
    box_label: ParagraphStyle
    box_body: ParagraphStyle
    box_bullet: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    table_caption: ParagraphStyle
    table_head: ParagraphStyle
    table_label: ParagraphStyle
    table_number: ParagraphStyle
    note: ParagraphStyle
    figure_caption: ParagraphStyle
    placeholder: ParagraphStyle
    footnote: ParagraphStyle
    reference: ParagraphStyle
    contents_title: ParagraphStyle
    contents_part: ParagraphStyle
    contents_section: ParagraphStyle
    contents_page: ParagraphStyle
    contents_part_page: ParagraphStyle
    cover_sector: ParagraphStyle
    cover_series: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    back_heading: ParagraphStyle
    back_text: ParagraphStyle
    back_small: ParagraphStyle
    header_size: float
    footer_size: float
    chevron: str = "\u203a"


@cache
def _register(family: str, paths: tuple[Path, ...]) -> FontNames:
    # registered under the file stem, as the chart drawings do, so each face is embedded once
    names = {face: path.stem for face, path in zip(_FACES, paths, strict=True)}
    for face, path in zip(_FACES, paths, strict=True):
        if names[face] not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(names[face], str(path)))
    return FontNames(**names)


def bind_family(f: FontNames) -> None:
    """Make <b> and <i> in markup pick the brand's bold and italic faces. (Nothing may
    register these TTFs again: that would reset this binding; the chart converter maps
    to the registered faces instead.)"""
    pdfmetrics.registerFontFamily(f.regular, normal=f.regular, bold=f.bold, italic=f.italic,
                                  boldItalic=f.bold_italic)


def register_fonts(theme: Theme) -> FontNames:
    """Register the brand's TrueType faces (embedded and subset in every PDF)."""
    f = theme.fonts
    names = _register(f.family, (f.regular, f.italic, f.bold, f.bold_italic, f.semibold,
                                 f.light))
    bind_family(names)
    for name in {names.regular, names.italic, names.bold, names.bold_italic, names.semibold,
                 names.light}:
        _remember_widths(pdfmetrics.getFont(name))
    return names


def _remember_widths(font: object) -> None:
    """Give a registered TrueType face a word-width memory: line breaking measures the
    same words over and over (a third of a layout pass went on summing glyph widths).
    The width is computed exactly as reportlab does, ``0.001 * size * sum(glyph
    widths)``, so the layout does not change by a bit. Whoever registered the face (the
    chart drawings may have), the instance found by name gets it, once."""
    if not isinstance(font, TTFont) or "stringWidth" in vars(font):
        return
    face = font.face
    get, default = face.charWidths.get, face.defaultWidth
    units: dict[str, float] = {}

    def width(text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        try:
            total = units[text]
        except KeyError:
            total = units[text] = sum([get(ord(ch), default) for ch in text])
        return 0.001 * size * total

    font.stringWidth = width  # type: ignore[method-assign]


def _palette(theme: Theme) -> Palette:
    c = theme.colours
    return Palette(**{name: HexColor(getattr(c, name)) for name in Palette.__slots__})


def _layout(theme: Theme) -> Layout:
    p = theme.pdf
    if p.page.upper() != "A4":
        raise ValueError(f"{theme.source}: pdf page {p.page!r} is not supported; use A4")
    return Layout(page_width=A4[0], page_height=A4[1],
                  margin_top=p.margin_top_mm * mm, margin_bottom=p.margin_bottom_mm * mm,
                  margin_inner=p.margin_inner_mm * mm, margin_outer=p.margin_outer_mm * mm,
                  box_padding=p.box_padding)


def make_styles(theme: Theme) -> Styles:
    """All paragraph styles of the briefing, from the theme's fonts, palette and sizes."""
    f = register_fonts(theme)
    c = _palette(theme)
    p = theme.pdf
    size, lead = p.body_size, p.leading
    h_part, h_sec, h_sub = p.heading_sizes
    body = ParagraphStyle("body", fontName=f.regular, fontSize=size, leading=lead,
                          textColor=c.text, alignment=TA_LEFT, spaceAfter=p.paragraph_space,
                          allowWidows=0, allowOrphans=0, splitLongWords=1,
                          bulletFontName=f.regular)

    def derive(name: str, parent: ParagraphStyle, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    def bullets(parent: ParagraphStyle, prefix: str) -> tuple[ParagraphStyle, ...]:
        out = []
        for level in range(3):
            indent = 14.0 * (level + 1)
            out.append(derive(f"{prefix}{level}", parent, leftIndent=indent,
                              bulletIndent=indent - 11.0, bulletFontName=f.semibold,
                              bulletFontSize=parent.fontSize * (1.15 if level == 0 else 1.0),
                              bulletColor=c.accent if level == 0 else c.muted,
                              spaceAfter=3.0))
        return tuple(out)

    note = derive("note", body, fontSize=p.note_size, leading=p.note_size * 1.3,
                  textColor=c.muted, spaceAfter=2.0)
    box_body = derive("box_body", body)
    heading = derive("heading", body, fontName=f.semibold, textColor=c.primary,
                     keepWithNext=1, allowWidows=1, allowOrphans=1)
    contents_section = derive("contents_section", body, fontSize=size, leading=lead,
                              leftIndent=14, spaceAfter=4.5)
    return Styles(
        family=theme.fonts.family, fonts=f, colours=c, layout=_layout(theme),
        body=body,
        lead=derive("lead", body, fontName=f.light, fontSize=size * 1.2, leading=lead * 1.2),
        bullet=bullets(body, "bullet"),  # type: ignore[arg-type]
        part_title=derive("part_title", heading, fontName=f.semibold, fontSize=h_part,
                          leading=h_part * 1.15, textColor=c.white, keepWithNext=0),
        section=derive("section", heading, fontSize=h_sec, leading=h_sec * 1.2,
                       spaceBefore=14, spaceAfter=7),
        subsection=derive("subsection", heading, fontName=f.bold, fontSize=h_sub,
                          leading=h_sub * 1.25, textColor=c.accent, spaceBefore=10, spaceAfter=4),
        quote_scr=derive("quote_scr", body, fontName=f.italic, textColor=c.primary,
                         spaceAfter=4),
        quote_voice=derive("quote_voice", body, fontName=f.italic, fontSize=size * 1.25,
                           leading=lead * 1.25, textColor=c.accent, spaceAfter=4),
        attribution=derive("attribution", note, alignment=TA_LEFT, spaceBefore=2),
        box_title=derive("box_title", heading, fontName=f.bold, fontSize=size * 1.15,
                         leading=lead * 1.1, spaceAfter=5),
        box_label=derive("box_label", heading, fontName=f.bold, fontSize=p.note_size,
                         leading=p.note_size * 1.4, textColor=c.accent, spaceAfter=2),
        box_body=box_body,
        box_bullet=bullets(box_body, "box_bullet"),  # type: ignore[arg-type]
        table_caption=derive("table_caption", heading, fontName=f.bold, fontSize=size,
                             leading=lead, spaceBefore=8, spaceAfter=5),
        table_head=derive("table_head", body, fontName=f.semibold, fontSize=p.table_size,
                          leading=p.table_size * 1.22, textColor=c.white, spaceAfter=0,
                          allowWidows=1, allowOrphans=1),
        table_label=derive("table_label", body, fontSize=p.table_size,
                           leading=p.table_size * 1.25, spaceAfter=0,
                           allowWidows=1, allowOrphans=1),
        table_number=derive("table_number", body, fontSize=p.table_size,
                            leading=p.table_size * 1.25, alignment=TA_RIGHT, spaceAfter=0,
                            allowWidows=1, allowOrphans=1),
        note=note,
        figure_caption=derive("figure_caption", body, fontSize=p.caption_size,
                              leading=p.caption_size * 1.3, textColor=c.text, spaceAfter=3),
        placeholder=derive("placeholder", body, fontName=f.semibold, textColor=c.muted,
                           alignment=1),
        footnote=derive("footnote", note, textColor=c.text, leftIndent=11, bulletIndent=0,
                        bulletFontName=f.bold, bulletColor=c.accent, spaceAfter=2.5),
        reference=derive("reference", body, fontSize=p.caption_size,
                         leading=p.caption_size * 1.35, leftIndent=14, firstLineIndent=-14,
                         spaceAfter=5),
        contents_title=derive("contents_title", heading, fontSize=h_part, leading=h_part * 1.2,
                              spaceAfter=18),
        contents_part=derive("contents_part", contents_section, fontName=f.semibold,
                             textColor=c.primary, fontSize=size * 1.15, leading=lead * 1.15,
                             leftIndent=0, spaceBefore=16, spaceAfter=7),
        contents_section=contents_section,
        contents_page=derive("contents_page", body, alignment=TA_RIGHT, spaceAfter=4.5),
        contents_part_page=derive("contents_part_page", body, alignment=TA_RIGHT,
                                  fontName=f.semibold, textColor=c.primary,
                                  fontSize=size * 1.15, leading=lead * 1.15, spaceBefore=16,
                                  spaceAfter=7),
        cover_sector=derive("cover_sector", body, fontName=f.bold, fontSize=11, leading=14,
                            textColor=c.highlight),
        cover_series=derive("cover_series", body, fontName=f.semibold, fontSize=10,
                            leading=13, textColor=c.white),
        cover_title=derive("cover_title", body, fontName=f.light, fontSize=30, leading=35,
                           textColor=c.white),
        cover_subtitle=derive("cover_subtitle", body, fontName=f.semibold, fontSize=17,
                              leading=22, textColor=c.white),
        cover_meta=derive("cover_meta", body, fontSize=10.5, leading=14, textColor=c.white),
        back_heading=derive("back_heading", body, fontName=f.bold, fontSize=p.note_size,
                            leading=p.note_size * 1.4, textColor=c.primary, spaceAfter=1,
                            spaceBefore=6),
        back_text=derive("back_text", body, fontSize=9, leading=12.5, spaceAfter=2),
        back_small=derive("back_small", note, leading=p.note_size * 1.35, spaceAfter=4),
        header_size=p.note_size,
        footer_size=p.note_size,
    )
