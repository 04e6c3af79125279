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
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from builder.handout import CUTS, HandoutPlan, plan_handout
from builder.handout.plan import HandoutChart, HandoutTopic
from builder.model import TRAINING_MARK, Briefing, LearningPoints, ListItem, Text
from builder.pdf.context import RenderContext
from builder.pdf.figures import chart_flowable
from builder.pdf.leaflet import band, heading, para, write_leaflet
from builder.pdf.learning_points import render_learning_points
from builder.pdf.lists import render_items
from builder.pdf.para import Paragraph
from builder.pdf.references import render_references
from builder.pdf.styles import Styles, make_styles
from builder.pdf.tags import Tagged, tag
from builder.pdf.text import esc, plain, safe_url
from builder.problems import Problem
from builder.theme import Theme

LABEL = "Participant handout"
CHART_SCALE = 0.9  # of the text width: two charts and the points fit; chart text >= 6 pt
WRITING_LINES = 3  # under each question
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
    for cut in CUTS:  # pages counted without writing a PDF; the one that fits is written
        plan = plan_handout(b, page_of, cut)
        _, pages, _ = write_leaflet(b, theme, styles, LABEL, partial(_story, plan), charts,
                                    save=False)
        if pages <= plan.max_pages:
            break
    data, pages, problems = write_leaflet(b, theme, styles, LABEL, partial(_story, plan),
                                          charts)
    if pages > plan.max_pages:
        problems.append(Problem.at(b.handout.at if b.handout.sections else b.at,
                                   f"the handout takes {pages} pages even with one "
                                   "learning point per topic; list fewer sections under "
                                   "handout: sections", "warning"))
    out.write_bytes(data)
    return HandoutResult(pages, (*plan.warnings, *problems), plan)


def _story(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    """The handout's flowables, in reading order."""
    out = _opening(plan, ctx)
    out += _covers(plan, ctx)
    if plan.charts:
        out += heading("Key data", ctx)
        for chart in plan.charts:
            out += _chart(chart, ctx)
    topics = [t for t in plan.topics if t.shown]
    if topics:
        out += heading("Learning points and questions", ctx)
        ctx.heading_level = 2  # topic boxes and questions: headings under it
        for topic in topics:
            out += _topic(topic, ctx) if topic.points else []
            out += _questions(topic, ctx)
        ctx.heading_level = 1
    out += _full_briefing(plan, ctx)
    if plan.references:
        out += heading("References", ctx)
        out += render_references(plan.references, ctx)
    return out


def _opening(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    """The band with the title, the subtitle, and what this handout is."""
    s = ctx.styles
    source = ", ".join(x for x in (plan.publisher.name, plan.date) if x)
    return [band(plan.title, ctx),
            para(plain(plan.subtitle), s.lead, ctx),
            para(f"{LABEL} for a training session based on the briefing"
                  + (f" ({plain(source)})" if source else ""), s.note, ctx),
            Spacer(1, 4)]


def _covers(plan: HandoutPlan, ctx: RenderContext) -> list[Flowable]:
    """"This session covers" and the topics' titles, in order."""
    items = tuple(ListItem(content=(Text(text=t.title),), at=t.at) for t in plan.topics)
    if not items:
        return []
    return [*heading("This session covers", ctx),
            *render_items(items, ctx, ctx.styles.bullet)]


def _chart(chart: HandoutChart, ctx: RenderContext) -> list[Flowable]:
    """The briefing's chart, and where the briefing shows it."""
    s = ctx.styles
    width = s.layout.frame_width * CHART_SCALE
    drawing = chart_flowable(chart.id, ctx, width, None)
    where = (f"Figure {chart.figure}" if chart.figure else "") + (
        f", page {chart.page}" if chart.page else "")
    note = f"From the briefing{': ' + where.lstrip(', ') if where else ''}."
    return [Tagged(drawing, ctx.elem("Figure", chart.alt)), para(note, s.note, ctx),
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
            para(esc(TRAINING_MARK), s.note, ctx)]
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

    return [*heading("Read the full briefing", ctx), para(text, s.body, ctx)]
