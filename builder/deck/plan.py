"""The training deck as data: which slides, in which layouts, with which text. Pure.

``plan_deck`` decides everything (what goes on which slide, where text continues,
which size it is set in) and returns warnings as Problems; ``emit`` only translates
the plan into python-pptx calls. Every text frame was measured with the real font.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from builder.charts.data import ChartData, chart_data
from builder.deck import geometry as g
from builder.deck.pack import Para, fixed, flow
from builder.deck.text import Run, Runs, clean, first_sentence, plain, runs, text_of
from builder.model import (
    Briefing,
    BulletList,
    CaseExample,
    ChartKind,
    ChartUnit,
    Figure,
    Inlines,
    LearningPoints,
    ListItem,
    Paragraph,
    Part,
    Quote,
    Section,
    SourceRef,
    Table,
    walk_sections,
)
from builder.problems import ContentError, Problem
from builder.theme import Theme

SlideKind = Literal["title", "agenda", "divider", "content", "case", "chart", "learning_points",
                    "reflection", "quote", "extra", "references", "closing"]


@dataclass(frozen=True, slots=True)
class Frame:
    """The text of one placeholder (``role`` as named in geometry.LAYOUTS), at ``size`` pt."""

    role: str
    paras: tuple[Para, ...]
    size: float


@dataclass(frozen=True, slots=True)
class ChartPlan:
    """A native chart: the numbers are embedded in the deck exactly as given here."""

    id: str
    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    unit: ChartUnit
    x_label: str
    y_label: str
    highlight: tuple[str, ...]
    alt: str
    horizontal: bool = False


@dataclass(frozen=True, slots=True)
class SlideSpec:
    kind: SlideKind
    layout: str
    title: str
    title_size: float
    frames: tuple[Frame, ...]
    notes: str
    source: SourceRef
    chart: ChartPlan | None = None
    footer: bool = True  # footer text and slide number


@dataclass(frozen=True, slots=True)
class DeckPlan:
    slides: tuple[SlideSpec, ...]
    warnings: tuple[Problem, ...]
    footer: str = ""
    language: str = "en-GB"


REFLECT_PROMPT = ("Discuss: What does this look like in your own practice? "
                  "What would you do differently?")
CLOSING_TITLE = "Find out more"
AGENDA_TITLE = "Session agenda"
REFERENCES_TITLE = "Further reading"


def _steps(top: float, bottom: float) -> tuple[float, ...]:
    out = []
    size = top
    while size >= bottom:
        out.append(size)
        size -= 2
    return tuple(out) if out and out[-1] == bottom else (*out, bottom)


@dataclass
class _Planner:
    briefing: Briefing
    theme: Theme
    pages: Mapping[str, int]
    slides: list[SlideSpec] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s = self.theme.slides
        self.body = _steps(s.body_size, s.min_body_size)
        self.title_sizes = _steps(s.title_size, s.title_size - 8)
        for part in self.briefing.parts:
            self.titles[part.id] = part.title
            for sec in walk_sections(part.sections):
                self.titles[sec.id] = sec.title
                for b in _all_blocks(sec.blocks):
                    if isinstance(b, Table):
                        self.titles[b.id] = f"Table {b.number}"
                    elif isinstance(b, Figure):
                        self.titles[b.id] = f"Figure {b.number}"

    # ------------------------------------------------------------ helpers

    def runs(self, spans: Inlines, italic: bool = False) -> Runs:
        return runs(spans, self.titles, italic=italic)

    def plain(self, spans: Inlines) -> str:
        return plain(spans, self.titles)

    def page_note(self, *ids: str) -> str:
        for i in ids:
            if i in self.pages:
                return f"Briefing, p. {self.pages[i]}"
        return ""

    def notes(self, texts: list[str], *ids: str) -> str:
        return "\n\n".join(t for t in [*texts, self.page_note(*ids)] if t)

    def warn(self, at: SourceRef, message: str) -> None:
        self.warnings.append(Problem.at(at, message, "warning"))

    def title_size(self, layout: str, title: str, at: SourceRef, sizes: tuple[float, ...]
                   ) -> float:
        box = g.LAYOUTS[layout].box("title")
        para = (Para((Run(title, bold=True),), bullet=False),)
        size = fixed(para, box, self.theme.fonts, sizes)
        if size is None:
            self.warn(at, f"slide title {title!r} does not fit its box even at {sizes[-1]:g} pt; "
                          "shorten the title")
            return sizes[-1]
        return size

    def add(self, kind: SlideKind, layout: str, title: str, frames: list[Frame], notes: str,
            at: SourceRef, chart: ChartPlan | None = None, footer: bool = True,
            title_sizes: tuple[float, ...] | None = None) -> None:
        title = clean(title)
        size = self.title_size(layout, title, at, title_sizes or self.title_sizes)
        self.slides.append(SlideSpec(kind, layout, title, size, tuple(frames), notes, at,
                                     chart, footer))

    def flowed(self, kind: SlideKind, layout: str, title: str, paras: list[Para], notes: str,
               at: SourceRef, extra: list[Frame] | None = None, role: str = "body",
               sizes: tuple[float, ...] | None = None) -> None:
        """Slides holding ``paras`` in the layout's ``role`` box, continued as
        "Title (2 of 3)" when they need more than one slide."""
        if not paras:
            return
        box = g.LAYOUTS[layout].box(role)
        size, chunks = flow(paras, box, self.theme.fonts, sizes or self.body)
        for i, chunk in enumerate(chunks, start=1):
            t = title if len(chunks) == 1 else f"{title} ({i} of {len(chunks)})"
            self.add(kind, layout, t, [Frame(role, tuple(chunk), size), *(extra or [])], notes, at)

    # ------------------------------------------------------------ the deck

    def plan(self) -> DeckPlan:
        self.title_slide()
        self.agenda()
        for part in self.briefing.parts:
            self.part(part)
        self.references()
        self.closing()
        self._unique_titles()
        meta = self.briefing.meta
        return DeckPlan(tuple(self.slides), tuple(self.warnings),
                        clean(meta.short_title or meta.title), meta.language)

    def title_slide(self) -> None:
        meta = self.briefing.meta
        layout = g.LAYOUTS[g.TITLE]
        sub = [Para((Run(clean(meta.subtitle)),), bullet=False)] if meta.subtitle else []
        byline = "  \u00b7  ".join(x for x in (meta.date, ", ".join(meta.authors)) if x)
        if byline:
            sub.append(Para((Run(clean(byline)),), bullet=False, style="muted", scale=0.85))
        size = fixed(sub, layout.box("subtitle"), self.theme.fonts, self.body)
        if size is None:
            self.warn(meta.at, "the subtitle does not fit the title slide; shorten it")
            size = self.body[-1]
        notes = self.notes([meta.title, meta.subtitle, meta.series,
                            *(f"Authors: {a}" for a in meta.authors[:1] if a),
                            meta.publisher.name])
        top = self.theme.slides.title_size + 8
        self.add("title", g.TITLE, meta.title, [Frame("subtitle", tuple(sub), size)], notes,
                 meta.at, footer=False, title_sizes=_steps(top, top - 12))

    def agenda(self) -> None:
        parts = self.briefing.parts
        cols = [[Para(self.plain_runs(p.title), bullet=False, style="strong", keep=True)]
                + [Para(self.plain_runs(s.title)) for s in p.sections if not _skipped(s)]
                for p in parts]
        notes = self.notes(["This session follows the briefing:", *(
            f"{p.title}" + (f" (p. {self.pages[p.id]})" if p.id in self.pages else "")
            for p in parts)])
        at = parts[0].at if parts else self.briefing.at
        if len(cols) == 2:
            layout = g.LAYOUTS[g.TWO]
            fonts = self.theme.fonts
            sizes = [fixed(c, layout.box(r), fonts, self.body) for c, r in zip(
                cols, ("left", "right"), strict=True)]
            if all(s is not None for s in sizes):
                size = min(s for s in sizes if s is not None)
                self.add("agenda", g.TWO, AGENDA_TITLE,
                         [Frame("left", tuple(cols[0]), size),
                          Frame("right", tuple(cols[1]), size)], notes, at)
                return
        box = g.LAYOUTS[g.CONTENT].box("body")
        pages = [(size, chunk) for c in cols for size, chunks in [flow(c, box, self.theme.fonts,
                                                                      self.body)]
                 for chunk in chunks]  # a part starts a new slide
        for i, (size, chunk) in enumerate(pages, start=1):
            title = AGENDA_TITLE if len(pages) == 1 else f"{AGENDA_TITLE} ({i} of {len(pages)})"
            self.add("agenda", g.CONTENT, title, [Frame("body", tuple(chunk), size)], notes, at)

    def plain_runs(self, text: str) -> Runs:
        return (Run(clean(text)),)

    def part(self, part: Part) -> None:
        prose = [self.plain(b.content) for b in part.blocks if isinstance(b, Paragraph)]
        notes = self.notes(prose or [part.title], part.id,
                           *(s.id for s in part.sections[:1]))
        top = self.theme.slides.title_size + 8
        self.add("divider", g.DIVIDER, part.title, [], notes, part.at, footer=False,
                 title_sizes=_steps(top, top - 12))
        self.blocks(part.blocks, part.title, part.id, part.at)
        for sec in part.sections:
            self.section(sec)

    def section(self, sec: Section) -> None:
        ov = sec.slides
        if ov is not None and ov.skip:
            return
        if ov is not None and ov.bullets:
            paras = [Para(self.runs(b)) for b in ov.bullets]
        else:
            paras = self.derived_bullets(sec)
        self.flowed("content", g.CONTENT, sec.title, paras, self.section_notes(sec),
                    sec.at)
        self.blocks(sec.blocks, sec.title, sec.id, sec.at)
        for extra in ov.extra if ov is not None else ():
            notes = self.notes([clean(extra.notes)], sec.id)
            ps = [Para(self.runs(b)) for b in extra.bullets]
            if ps:
                self.flowed("extra", g.CONTENT, extra.title, ps, notes, extra.at)
            else:
                self.add("extra", g.CONTENT, extra.title, [], notes, extra.at)
        for sub in sec.sections:
            self.section(sub)

    def derived_bullets(self, sec: Section) -> list[Para]:
        """The first sentence of each paragraph and every list item, in reading order."""
        out: list[Para] = []
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                out.append(Para(first_sentence(self.runs(b.content))))
            elif isinstance(b, BulletList):
                out.extend(self.items(b.items))
        return [p for p in out if text_of(p.runs).strip()]

    def items(self, items: tuple[ListItem, ...], level: int = 0) -> list[Para]:
        out: list[Para] = []
        for it in items:
            out.append(Para(self.runs(it.content), level=min(level, 2)))
            out.extend(self.items(it.children, level + 1))
        return out

    def section_notes(self, sec: Section) -> str:
        texts: list[str] = []
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                texts.append(self.plain(b.content))
            elif isinstance(b, BulletList):
                texts.append("\n".join(self.item_lines(b.items)))
        return self.notes(texts or [sec.title], sec.id)

    def item_lines(self, items: tuple[ListItem, ...], depth: int = 0) -> list[str]:
        out: list[str] = []
        for it in items:
            out.append("  " * depth + "- " + self.plain(it.content))
            out.extend(self.item_lines(it.children, depth + 1))
        return out

    # ------------------------------------------------------------ blocks with their own slides

    def blocks(self, blocks: tuple[object, ...], title: str, sid: str, at: SourceRef) -> None:
        quotes = [q.kind for b in blocks for q, _ in _quotes(b)]
        n = {"scr": 0, "voice": 0}
        n_cases, cases = sum(_has_text(b) for b in blocks), 0
        prev: Paragraph | None = None
        for b in blocks:
            if isinstance(b, Table) and b.chart:
                self.chart(b.chart, [f"Table {b.number}: {b.title}",
                                     *(self.plain(x) for x in b.notes)], (b.id, sid), b.at)
            elif isinstance(b, Figure):
                self.chart(b.chart, [f"Figure {b.number}: {b.title}",
                                     *(self.plain(x) for x in (b.caption, b.missing,
                                                                b.source_note) if x)],
                           (b.id, sid), b.at)
            elif isinstance(b, LearningPoints):
                self.learning_points(b, title, sid)
            elif isinstance(b, Quote | CaseExample):
                if isinstance(b, CaseExample) and _has_text(b):
                    cases += 1
                    self.case(b, title, sid, cases if n_cases > 1 else 0)
                for q, context in _quotes(b, prev):
                    n[q.kind] += 1
                    self.quote(q, context, title, sid,
                               n[q.kind] if quotes.count(q.kind) > 1 else 0)
            prev = b if isinstance(b, Paragraph) else prev

    def case(self, case: CaseExample, title: str, sid: str, n: int) -> None:
        """The case's own paragraphs and lists, verbatim; its quotes follow on quote slides."""
        paras: list[Para] = []
        texts: list[str] = []
        for b in case.blocks:
            if isinstance(b, Paragraph):
                paras.append(Para(self.runs(b.content), bullet=False))
                texts.append(self.plain(b.content))
            elif isinstance(b, BulletList):
                paras.extend(self.items(b.items))
                texts.append("\n".join(self.item_lines(b.items)))
        label = f"Case example {n}" if n else "Case example"
        name = clean(case.title) or title
        self.flowed("case", g.CASE, f"{label}: {name}", paras, self.notes(texts, sid),
                    case.at)

    def chart(self, chart_id: str, texts: list[str], ids: tuple[str, str],
              at: SourceRef) -> None:
        spec = next((c for c in self.briefing.charts if c.id == chart_id), None)
        if spec is None:
            self.warn(at, f"chart {chart_id!r} not found; no chart slide was made")
            return
        try:
            data = chart_data(self.briefing, spec)
        except ContentError as exc:
            self.warnings.extend(Problem(p.path, p.line, p.message, "warning")
                                 for p in exc.problems)
            return
        plan = ChartPlan(data.id, data.kind, clean(data.title), tuple(map(clean, data.categories)),
                         tuple((clean(s.label), s.values) for s in data.series), data.unit,
                         clean(data.x_label), clean(data.y_label), data.highlight,
                         clean(data.alt), _horizontal(data))
        layout = g.LAYOUTS[g.CHART]
        frames = [f for f in (self.headlines(data, layout.box("side")),
                              self.source_line(data, layout.box("source"))) if f]
        notes = self.notes([*texts, data.source_note,
                            f"What the chart cannot show: {data.missing}" if data.missing else "",
                            f"Chart description: {data.alt}"], *ids)
        self.add("chart", g.CHART, data.title, frames, notes, spec.at, chart=plan)

    def headlines(self, data: ChartData, box: g.Box) -> Frame | None:
        """A few headline numbers, as printed on the chart: the highlighted categories
        (else the largest value); with several series, each series' value for the first."""
        s0 = data.series[0]
        picks = [data.categories.index(h) for h in data.highlight if h in data.categories]
        if not picks:
            known = [i for i, v in enumerate(s0.values) if v is not None]
            picks = [max(known, key=lambda i: s0.values[i] or 0.0)] if known else []
        if not picks:
            return None
        options: list[list[Para]] = []
        if len(data.series) > 1:
            i = picks[0]
            paras = [Para(self.plain_runs(data.categories[i]), bullet=False, style="strong")]
            for s in data.series:
                if s.values[i] is not None:
                    paras += [self.figure(s.texts[i]), self.label(s.label)]
            options.append(paras)
        for count in range(min(3, len(picks)), 0, -1):
            paras = [Para(self.plain_runs(s0.label), bullet=False, style="muted")]
            for i in picks[:count]:
                paras += [self.figure(s0.texts[i]), self.label(data.categories[i])]
            options.append(paras)
        for paras in options:
            size = fixed(paras, box, self.theme.fonts, self.body)
            if size is not None:
                return Frame("side", tuple(paras), size)
        return None

    def figure(self, text: str) -> Para:
        return Para(self.plain_runs(text), bullet=False, style="figure", scale=1.9)

    def label(self, text: str) -> Para:
        return Para(self.plain_runs(text), bullet=False, level=1)

    def source_line(self, data: ChartData, box: g.Box) -> Frame | None:
        size = self.theme.slides.footer_size + 1
        note = data.source_note.strip()
        if note and data.missing and not note.endswith((".", "!", "?")):
            note += "."
        options = [t for t in (" ".join(x for x in (note, data.missing) if x),
                               data.source_note) if t]
        for text in options:
            paras = (Para((Run(clean(text)),), bullet=False, style="muted"),)
            if fixed(paras, box, self.theme.fonts, (size,)):
                return Frame("source", paras, size)
        return None

    def learning_points(self, lp: LearningPoints, title: str, sid: str) -> None:
        points = [self.plain(it.content) for it in lp.items]
        notes = self.notes(["\n".join(f"- {p}" for p in points)], sid)
        self.flowed("learning_points", g.LEARNING, f"{lp.title}: {title}",
                    self.items(lp.items), notes, lp.at)
        reflect = [Para(first_sentence(self.runs(it.content))) for it in lp.items]
        prompt = (Para((Run(REFLECT_PROMPT),), bullet=False, style="strong"),)
        layout = g.LAYOUTS[g.REFLECTION]
        size = fixed(prompt, layout.box("prompt"), self.theme.fonts, self.body) or self.body[-1]
        notes = self.notes(["Turn each learning point into a question for the group, using "
                            "the prompt on the slide. The points in full:", *points], sid)
        self.flowed("reflection", g.REFLECTION, f"Reflect: {title}", reflect, notes, lp.at,
                    extra=[Frame("prompt", prompt, size)])

    def quote(self, q: Quote, context: Paragraph | None, title: str, sid: str, n: int) -> None:
        paras = [Para(self.runs(p, italic=True), bullet=False) for p in q.paragraphs]
        if q.attribution:
            paras.append(Para((Run("\u2014 "), *self.runs(q.attribution)), bullet=False,
                              style="muted"))
        label = "In their own words" if q.kind == "voice" else "SCR extract"
        label = f"{label} {n}" if n else label
        ctx = self.context(context, title)
        quote_sizes = _steps(self.theme.slides.body_size + 2, self.theme.slides.min_body_size)
        notes = self.notes([*(self.plain(p) for p in q.paragraphs),
                            self.plain(context.content) if context else ""], sid)
        self.flowed("quote", g.QUOTE, f"{label}: {title}", paras, notes, q.at,
                    extra=[ctx] if ctx else [], role="quote", sizes=quote_sizes)

    def context(self, context: Paragraph | None, title: str) -> Frame | None:
        box = g.LAYOUTS[g.QUOTE].box("context")
        options: list[Runs] = []
        if context is not None:
            full = self.runs(context.content)
            options += [full, first_sentence(full)]
        options.append((Run(f"From the section \u2018{clean(title)}\u2019"),))
        for rs in options:
            paras = (Para(rs, bullet=False, style="muted"),)
            size = fixed(paras, box, self.theme.fonts, self.body)
            if size is not None:
                return Frame("context", paras, size)
        return None

    # ------------------------------------------------------------ the end

    def references(self) -> None:
        paras = []
        for ref in self.briefing.references:
            rs = self.runs(ref.text)
            if ref.url and ref.url not in text_of(rs):
                rs = (*rs, Run(" "), Run(clean(ref.url), url=ref.url))
            paras.append(Para(rs, bullet=False))
        notes = self.notes(["The full reference list is in the briefing."], "references")
        at = self.briefing.references[0].at if self.briefing.references else self.briefing.at
        self.flowed("references", g.CONTENT, REFERENCES_TITLE, paras, notes, at)

    def closing(self) -> None:
        meta = self.briefing.meta
        pub = meta.publisher
        lines = [pub.name, pub.website, pub.email, pub.telephone and f"Telephone {pub.telephone}"]
        paras = [Para((Run(clean(x)),), bullet=False) for x in lines if x]  # no link colours on navy
        if meta.copyright:
            paras.append(Para((Run(clean(meta.copyright)),), bullet=False, style="muted",
                              scale=0.8))
        box = g.LAYOUTS[g.CLOSING].box("body")
        size = fixed(paras, box, self.theme.fonts, self.body)
        if size is None:
            self.warn(meta.at, "the publisher's details do not fit the closing slide")
            size = self.body[-1]
        notes = self.notes([meta.title, *meta.acknowledgements, *meta.partners])
        self.add("closing", g.CLOSING, CLOSING_TITLE, [Frame("body", tuple(paras), size)],
                 notes, meta.publisher.at, footer=False)

    def _unique_titles(self) -> None:
        seen: dict[str, int] = {}
        for i, s in enumerate(self.slides):
            n = seen.get(s.title, 0) + 1
            seen[s.title] = n
            if n > 1:
                self.slides[i] = SlideSpec(s.kind, s.layout, f"{s.title} ({n})", s.title_size,
                                           s.frames, s.notes, s.source, s.chart, s.footer)


LONG_LABEL = 14  # as the printed charts: long or many categories turn a bar chart horizontal


def _horizontal(data: ChartData) -> bool:
    if data.kind == "hbar":
        return True
    if data.kind == "bar" or data.kind == "line":
        return False
    return max((len(c) for c in data.categories), default=0) > LONG_LABEL or len(
        data.categories) > 8


def _has_text(block: object) -> bool:
    return isinstance(block, CaseExample) and any(
        isinstance(b, Paragraph | BulletList) for b in block.blocks)


def _skipped(sec: Section) -> bool:
    return sec.slides is not None and sec.slides.skip


def _all_blocks(blocks: tuple[object, ...]) -> list[object]:
    out: list[object] = []
    for b in blocks:
        out.append(b)
        if isinstance(b, CaseExample):
            out.extend(b.blocks)
    return out


def _quotes(block: object, prev: Paragraph | None = None
            ) -> list[tuple[Quote, Paragraph | None]]:
    """The quotes of a block with the paragraph that introduces each."""
    if isinstance(block, Quote):
        return [(block, prev)]
    out: list[tuple[Quote, Paragraph | None]] = []
    if isinstance(block, CaseExample):
        before = prev
        for b in block.blocks:
            if isinstance(b, Quote):
                out.append((b, before))
            elif isinstance(b, Paragraph):
                before = b
    return out


def plan_deck(briefing: Briefing, theme: Theme, pages: Mapping[str, int]) -> DeckPlan:
    """The slides of the training deck for the briefing, and the warnings found while
    fitting text (each at the content's file:line). ``pages`` maps section, table and
    figure ids to the PDF page they start on; notes cite them as "Briefing, p. N"."""
    return _Planner(briefing, theme, pages).plan()
