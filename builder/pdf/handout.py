"""The participant handout on A4, laid out from a :class:`~builder.handout.HandoutPlan`:
a band with the title; what the session covers; the key data as the briefing's own
charts; each topic's learning points in the briefing's learning-point box, with the page
to read more; where to read the full briefing; the references it cites.

It is drawn with the briefing's styles, boxes, charts and tagging (structure tree, alt
text, artifacts), so it is as accessible as the briefing. The plan is shortened
(:data:`~builder.handout.CUTS`) until the handout fits the pages the content allows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)

from builder.handout import CUTS, HandoutPlan, plan_handout
from builder.handout.plan import HandoutChart, HandoutTopic
from builder.model import TRAINING_MARK, Briefing, LearningPoints, ListItem, Text
from builder.pdf.context import RenderContext
from builder.pdf.figures import chart_flowable
from builder.pdf.finish import SCREEN, canvas_maker
from builder.pdf.headings import PartBand
from builder.pdf.learning_points import render_learning_points
from builder.pdf.lists import render_items
from builder.pdf.para import Paragraph
from builder.pdf.references import render_references
from builder.pdf.save import save_tagged, tag_links
from builder.pdf.styles import Styles, make_styles
from builder.pdf.tags import Tagged, Tags, tag
from builder.pdf.text import InlineContext, esc, plain, safe_url
from builder.problems import Problem
from builder.theme import Theme

LABEL = "Participant handout"
BAND_HEIGHT = 44 * mm
CHART_SCALE = 0.9  # of the text width: two charts and the points fit; chart text >= 6 pt
WRITING_LINES = 3  # under each question
HEADING_ROOM = 110  # pt: what must fit under a heading (a box: title, note, a point)
WRITING_RULING = 8 * mm


@dataclass(frozen=True, slots=True)
class HandoutResult:
    """``pages``: the handout's pages (0: not written); ``plan``: the plan laid out, with
    the learning points as printed."""

    pages: int
    problems: tuple[Problem, ...]
    plan: HandoutPlan | None = None


def render_handout(b: Briefing, theme: Theme, charts: Mapping[str, bytes],
                   page_of: Mapping[str, int], out: Path) -> HandoutResult:
    """Write the handout of ``b`` to ``out``: the longest plan that fits its pages.
    ``page_of``: the briefing PDF's page of each section and figure."""
    styles = make_styles(theme)
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        for cut in CUTS:
            plan = plan_handout(b, page_of, cut)
            data, pages, problems = _layout(plan, b, theme, styles, charts)
            if pages <= plan.max_pages:
                break
        else:
            problems.append(Problem.at(b.handout.at if b.handout.sections else b.at,
                                       f"the handout takes {pages} pages even with one "
                                       "learning point per topic; list fewer sections under "
                                       "handout: sections", "warning"))
    finally:
        rl_config.useA85 = a85
    out.write_bytes(data)
    return HandoutResult(pages, (*plan.warnings, *problems), plan)


class _HandoutDoc(BaseDocTemplate):
    def __init__(self, b: Briefing, styles: Styles) -> None:
        self.buffer = BytesIO()
        meta, lay = b.meta, styles.layout
        super().__init__(
            self.buffer, pagesize=(lay.page_width, lay.page_height), invariant=1,
            pageCompression=1, title=f"{meta.title}: {LABEL.lower()}",
            author=", ".join(meta.authors), subject=meta.subtitle,
            keywords=list(meta.keywords), creator="Briefing Builder",
            producer="Briefing Builder (reportlab)", lang=meta.language or "en-GB",
            displayDocTitle=1, initialFontName=styles.fonts.regular)
        self.styles, self.meta = styles, meta
        frame = Frame(lay.margin_inner, lay.margin_bottom, lay.frame_width, lay.frame_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer)])

    def beforeDocument(self) -> None:
        tag_links(self.canv)

    def _footer(self, canv: Any, doc: object) -> None:
        s, lay = self.styles, self.styles.layout
        y = lay.margin_bottom - lay.footer_gap
        canv.saveState()
        canv.setFillColor(s.colours.muted)
        canv.setFont(s.fonts.regular, s.footer_size)
        canv.drawString(lay.margin_inner, y, f"{LABEL} \u00b7 "
                        f"{self.meta.short_title or self.meta.title}")
        canv.setFillColor(s.colours.accent)
        canv.setFont(s.fonts.bold, s.footer_size + 1)
        canv.drawRightString(lay.page_width - lay.margin_outer, y, str(self.page))
        canv.restoreState()


def _layout(plan: HandoutPlan, b: Briefing, theme: Theme, styles: Styles,
            charts: Mapping[str, bytes]) -> tuple[bytes, int, list[Problem]]:
    """The handout laid out and written: (PDF bytes, pages, problems)."""
    inline = InlineContext(link_colour=styles.colours.hex("accent"), footnote_ids=frozenset(),
                           page_of={}, targets=frozenset())
    ctx = RenderContext(theme=theme, styles=styles, inline=inline, charts=charts,
                        alt_text={c.id: c.alt for c in b.charts if c.alt}, tags=Tags())
    doc = _HandoutDoc(b, styles)
    doc._doSave = 0  # reportlab: lay out and draw; the structure is added before saving
    doc.build(_story(plan, ctx), canvasmaker=canvas_maker(SCREEN, ctx.tags))
    save_tagged(doc.canv, replace(b.meta, title=doc.title))
    return doc.buffer.getvalue(), doc.page, [*inline.problems, *ctx.problems]


def _story(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    out = _opening(plan, ctx)
    out += _covers(plan, ctx)
    if plan.charts:
        out += _heading("Key data", ctx)
        for chart in plan.charts:
            out += _chart(chart, ctx)
    topics = [t for t in plan.topics if t.shown]
    if topics:
        out += _heading("Learning points and questions", ctx)
        ctx.heading_level = 2  # topic boxes and questions: headings under it
        for topic in topics:
            out += _topic(topic, ctx) if topic.points else []
            out += _questions(topic, ctx)
        ctx.heading_level = 1
    out += _full_briefing(plan, ctx)
    if plan.references:
        out += _heading("References", ctx)
        out += render_references(plan.references, ctx)
    return out


def _heading(title: str, ctx: RenderContext) -> list[Flowable]:
    """A heading that moves to the next page unless a few lines fit after it (it is not
    kept with the whole box that follows, which may split)."""
    style = ctx.styles.section
    need = style.spaceBefore + style.leading + style.spaceAfter + HEADING_ROOM
    return [CondPageBreak(need), tag(Paragraph(esc(title), style.clone(
        "handout_heading", keepWithNext=0)), ctx.elem("H2"))]


def _para(text: str, style: Any, ctx: RenderContext) -> Flowable:
    """A paragraph of the handout's own furniture text (already markup)."""
    return tag(Paragraph(text, style), ctx.elem("P"))


def _opening(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    """The band with the title, the subtitle, and what this handout is."""
    s = ctx.styles
    band = replace(s, layout=replace(s.layout, part_band_height=BAND_HEIGHT))
    source = ", ".join(x for x in (plan.publisher.name, plan.date) if x)
    return [PartBand("handout", plan.title, band, ctx.elem("H1")),
            _para(plain(plan.subtitle), s.lead, ctx),
            _para(f"{LABEL} for a training session based on the briefing"
                  + (f" ({plain(source)})" if source else ""), s.note, ctx),
            Spacer(1, 4)]


def _covers(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    """"This session covers" and the topics' titles, in order."""
    items = tuple(ListItem(content=(Text(text=t.title),), at=t.at) for t in plan.topics)
    if not items:
        return []
    return [*_heading("This session covers", ctx),
            *render_items(items, ctx, ctx.styles.bullet)]


def _chart(chart: HandoutChart, ctx: RenderContext) -> list[Flowable]:
    """The briefing's chart, and where the briefing shows it."""
    s = ctx.styles
    width = s.layout.frame_width * CHART_SCALE
    drawing = chart_flowable(chart.id, ctx, width, None)
    where = (f"Figure {chart.figure}" if chart.figure else "") + (
        f", page {chart.page}" if chart.page else "")
    note = f"From the briefing{': ' + where.lstrip(', ') if where else ''}."
    return [Tagged(drawing, ctx.elem("Figure", chart.alt)), _para(note, s.note, ctx),
            Spacer(1, 6)]


def _topic(topic: HandoutTopic, ctx: RenderContext) -> list[Flowable]:
    """The topic's learning points in the briefing's box, titled with the topic, then
    the page to read more (and how many points only the briefing has)."""
    items = tuple(ListItem(content=p.text, at=p.at) for p in topic.points)
    more = f"{topic.more} more learning point{'s' * (topic.more != 1)}" if topic.more else ""
    what = "the full text" if any(p.shortened for p in topic.points) else ""
    there = " and ".join(x for x in (what, more) if x)
    page = f"Briefing, page {topic.page}" if topic.page else "In the briefing"
    note = f"{page}{': ' + there + ' there' if there else ''}"
    return render_learning_points(LearningPoints(title=topic.title, items=items, at=topic.at),
                                  ctx, note)


def _questions(topic: HandoutTopic, ctx: RenderContext) -> list[Flowable]:
    """The editor's questions, marked as theirs, each with ruled space to write."""
    if not topic.questions:
        return []
    s = ctx.styles
    title = f"Reflect: {plain(topic.title)}" if not topic.points else "Reflect"
    head = [tag(Paragraph(title, s.box_title), ctx.elem(ctx.box_heading())),
            _para(esc(TRAINING_MARK), s.note, ctx)]
    items = tuple(ListItem(content=q) for q in topic.questions)
    paras = render_items(items, ctx, s.bullet)  # one paragraph per question
    asked = [[p, WritingSpace(WRITING_LINES, s)] for p in paras]
    asked[0] = [*head, *asked[0]]  # the heading stays with the first question
    return [*(KeepTogether(a) for a in asked), Spacer(1, 6)]


class WritingSpace(Flowable):
    """Ruled lines to write on (page furniture: an artifact)."""

    def __init__(self, lines: int, styles: Styles) -> None:
        super().__init__()
        self.lines, self.styles = lines, styles

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, self.lines * WRITING_RULING
        return self.width, self.height

    def draw(self) -> None:
        indent = self.styles.bullet[0].leftIndent
        self.canv.saveState()
        self.canv.setStrokeColor(self.styles.colours.rule)
        self.canv.setLineWidth(0.5)
        for n in range(self.lines):
            self.canv.line(indent, n * WRITING_RULING, self.width, n * WRITING_RULING)
        self.canv.restoreState()


def _full_briefing(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    s, pub = ctx.styles, plan.publisher
    text = f"<i>{plain(plan.title)}</i>"
    if plan.subtitle:
        text += f": {plain(plan.subtitle)}"
    text += f". {plain(pub.name)}" + (f", {plain(plan.date)}" if plan.date else "") + "."
    url = safe_url(pub.website) if pub.website else None
    if url:
        text += f' <a href="{esc(url)}" color="{ctx.inline.link_colour}">{esc(pub.website)}</a>'

    return [*_heading("Read the full briefing", ctx), _para(text, s.body, ctx)]
