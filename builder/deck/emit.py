"""The deck plan as python-pptx calls. Decides nothing: every slide, text, size and split
comes from the plan; this module only places them in the template's layouts."""

from __future__ import annotations

import io
import re
from copy import deepcopy
from pathlib import Path
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.parts.slide import NotesSlidePart
from pptx.presentation import Presentation as PresentationT
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from builder.deck import geometry as g
from builder.deck._pptx import (
    next_shape_id,
    paragraph_xml,
    run_xml,
    shape_tree,
    slide_id_list,
    text_frame_xml,
)
from builder.deck.charts import add_chart
from builder.deck.docprops import describe
from builder.deck.embed import embed_fonts
from builder.deck.fit import BREAK, space_before
from builder.deck.pack import Para
from builder.deck.plan import DeckPlan, Frame, SlideSpec
from builder.deck.repro import core_properties, normalise
from builder.deck.sections import add_sections
from builder.deck.styles import Styles
from builder.deck.template import build_template, check_template, layout_by_name, match_roles
from builder.deck.text import Run
from builder.deck.thumbnail import thumbnail
from builder.model import Briefing
from builder.ooxml import inspect
from builder.problems import ContentError, Problem
from builder.theme import Theme

SLIDE_NUMBER_FIELD = "{4F3B5A44-1B7C-4C5E-9B0E-5D1A7B2C3D4E}"


class _Deck:
    def __init__(self, prs: PresentationT, plan: DeckPlan, theme: Theme) -> None:
        self.prs, self.plan, self.theme = prs, plan, theme
        self.st = Styles(theme)
        self.lang = plan.language or "en-GB"
        self.layouts: dict[str, tuple[SlideLayout, dict[str, int], g.LayoutSpec]] = {}
        self.notes_proto: Any = None
        self.notes_part: Any = None
        self.notes_count = 0

    def layout(self, name: str) -> tuple[SlideLayout, dict[str, int], g.LayoutSpec]:
        if name not in self.layouts:
            found = layout_by_name(self.prs, name)
            if found is None and name in g.FALLBACK_LAYOUTS:
                found = layout_by_name(self.prs, g.FALLBACK_LAYOUTS[name])
            if found is None:
                raise ContentError([])  # check_template has run; not reached
            roles, _ = match_roles(g.LAYOUTS[name], found)
            self.layouts[name] = (found, roles, g.LAYOUTS[name])
        return self.layouts[name]

    def slide(self, spec: SlideSpec) -> None:
        layout, roles, lspec = self.layout(spec.layout)
        slide = self.prs.slides.add_slide(layout)
        dark = lspec.dark
        title = slide.shapes.title
        if title is not None:
            self.fill(title.text_frame, (Para((Run(spec.title, bold=True),), bullet=False),),
                      spec.title_size, dark, title=True)
        for frame in spec.frames:
            self.frame(slide, frame, roles, dark)
        if spec.chart is not None and "chart" in roles:
            ph = slide.placeholders[roles["chart"]]
            add_chart(slide, ph, spec.chart, self.st, self.lang)
        for ph in list(slide.placeholders):
            if ph.has_text_frame and not ph.text_frame.text.strip():
                ph.element.getparent().remove(ph.element)
        if spec.footer:
            self.footer(slide, layout)
        if spec.hidden:
            slide.element.set("show", "0")
        notes = self.notes_frame(slide)
        notes.text = spec.notes
        for r in text_frame_xml(notes).iter(qn("a:r")):
            r.get_or_add_rPr().set("lang", self.lang)

    def notes_frame(self, slide: Slide) -> TextFrame:
        """The slide's notes text frame. python-pptx makes the first notes slide from the
        notes master; every later one is a copy of that empty one, named by count:
        python-pptx would search the whole package for a free name on every slide."""
        if self.notes_proto is None:
            notes_slide = slide.notes_slide
            self.notes_proto = deepcopy(notes_slide.element)
            self.notes_part = notes_slide.part
            self.notes_count = int(re.sub(r"\D", "", str(self.notes_part.partname)) or 1)
            frame = notes_slide.notes_text_frame
        else:
            self.notes_count += 1
            name = PackURI(f"/ppt/notesSlides/notesSlide{self.notes_count}.xml")
            part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, slide.part.package,
                                  deepcopy(self.notes_proto))
            part.relate_to(self.notes_part.part_related_by(RT.NOTES_MASTER), RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
            frame = part.notes_slide.notes_text_frame
        assert frame is not None
        return frame

    def frame(self, slide: Slide, frame: Frame, roles: dict[str, int], dark: bool) -> None:
        if frame.role in roles:
            ph = slide.placeholders[roles[frame.role]]
            self.fill(ph.text_frame, frame.paras, frame.size, dark)
        elif "body" in roles:  # a fallback layout lacks this slot: append to the body
            tf = slide.placeholders[roles["body"]].text_frame
            self.fill(tf, frame.paras, frame.size, dark, append=True)

    def fill(self, tf: TextFrame, paras: tuple[Para, ...], size: float, dark: bool,
             title: bool = False, append: bool = False) -> None:
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        tf.margin_left = tf.margin_right = Emu(round(g.INSET_X_IN * 914400))
        tf.margin_top = tf.margin_bottom = Emu(round(g.INSET_Y_IN * 914400))
        first = not append
        for para in paras:
            p = tf.paragraphs[0] if first else tf.add_paragraph()
            s = size * para.scale
            pPr = paragraph_xml(p).get_or_add_pPr()
            if not title:
                p.level = para.level if para.bullet else 0
                mar, ind = (g.BULLET_INDENT_IN[min(para.level, len(g.BULLET_INDENT_IN) - 1)]
                            if para.bullet else (0.0, 0.0))
                pPr.set("marL", str(round(mar * 914400)))
                pPr.set("indent", str(-round(ind * 914400) if para.marker else 0))
                if not para.bullet or not para.marker:
                    pPr.insert(0, parse_xml(f"<a:buNone {nsdecls('a')}/>"))
                p.space_before = Pt(space_before(para.level, s, first))
            p.line_spacing = 1.0
            colour = self.st.colour(para.style, dark)
            for r in para.runs:
                if r.text == BREAK:
                    p.add_line_break()
                    continue
                run = p.add_run()
                run.text = r.text
                f = run.font
                f.size = Pt(s)
                f.bold = r.bold or para.style in ("figure", "strong") or title or None
                f.italic = r.italic or None
                mark = self.st.colour("figure", dark) if r.mark else None
                if mark or colour:
                    f.color.rgb = RGBColor.from_string(mark or colour or "")
                if r.url:
                    run.hyperlink.address = r.url
                run_xml(run).get_or_add_rPr().set("lang", self.lang)
            first = False

    def footer(self, slide: Slide, layout: SlideLayout) -> None:
        """Footer text and slide number: python-pptx does not copy these placeholders."""
        placeholders: Any = layout.placeholders
        for ph in placeholders:
            kind = ph.placeholder_format.type
            if kind == PP_PLACEHOLDER.FOOTER:
                para = parse_xml(f'<a:p {nsdecls("a")}><a:r><a:rPr lang="{self.lang}"/><a:t/>'
                                 '</a:r></a:p>')
                para.find(f"{qn('a:r')}/{qn('a:t')}").text = self.plan.footer
            elif kind == PP_PLACEHOLDER.SLIDE_NUMBER:
                para = parse_xml(f'<a:p {nsdecls("a")}><a:fld id="{SLIDE_NUMBER_FIELD}" '
                                 f'type="slidenum"><a:rPr lang="{self.lang}"/>'
                                 f'<a:t>{len(self.prs.slides)}</a:t></a:fld></a:p>')
            else:
                continue
            sp = deepcopy(ph.element)
            sp.find(qn("p:spPr")).clear()  # position inherited from the layout
            body = sp.find(qn("p:txBody"))
            for old in body.findall(qn("a:p")):
                body.remove(old)
            body.find(qn("a:lstStyle")).clear()
            body.append(para)
            sp.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", str(next_shape_id(slide)))
            shape_tree(slide).append(sp)


def open_template(briefing: Briefing, theme: Theme, root: Path | None = None) -> PresentationT:
    """The briefing's own template (checked first; ContentError naming all that is
    missing) or the branded one built from the theme."""
    if not briefing.template:
        return build_template(theme)
    from pptx import Presentation

    path = (root or Path.cwd()) / briefing.template  # the reader made it relative to the project
    unsafe = [Problem.at(briefing.at, f"template {briefing.template} cannot be used: {why}")
              for why in inspect(path)]  # checked when read; again, as it is opened now
    problems = unsafe or check_template(path, briefing.at)
    if problems:
        raise ContentError(problems)
    prs = Presentation(str(path))
    ids = slide_id_list(prs)
    for sld in list(ids):  # the template's own example slides are not part of the deck
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)
    return prs


def write_deck(plan: DeckPlan, briefing: Briefing, theme: Theme, out: Path) -> None:
    """Write the planned deck to ``out``: byte-identical for the same plan and content."""
    prs = open_template(briefing, theme)
    deck = _Deck(prs, plan, theme)
    for spec in plan.slides:
        deck.slide(spec)
    core_properties(prs, briefing)
    add_sections(prs, plan.sections)
    embed_fonts(prs, theme.fonts)
    describe(prs, thumbnail(plan.slides[0], theme) if plan.slides else None)
    if len(prs.slides):
        for rpr in prs.notes_master.element.iter(qn("a:defRPr"), qn("a:rPr"),
                                                  qn("a:endParaRPr")):
            rpr.set("lang", deck.lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    out.write_bytes(normalise(buffer.getvalue()))

