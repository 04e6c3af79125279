"""The training deck as data: which slides, in which layouts, with which text. Pure.

``plan_deck`` decides everything (what goes on which slide, where text continues,
which size it is set in) and returns warnings as Problems; ``emit`` only translates
the plan into python-pptx calls. Every text frame was measured with the real font.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from builder.charts.data import ChartData, chart_data
from builder.deck import geometry as g
from builder.deck.pack import Para, fits, fixed, flow
from builder.deck.reflect import question
from builder.deck.text import (
    Run,
    Runs,
    clean,
    cut,
    first_sentence,
    headline,
    label,
    lead,
    mark_numbers,
    plain,
    runs,
    sentence_ends,
    sentences,
    strip,
    tail_from,
    text_of,
)
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
    Reference,
    Section,
    SourceRef,
    Table,
    walk_sections,
)
from builder.problems import ContentError, Problem
from builder.theme import Theme

SlideKind = Literal["title", "aims", "divider", "content", "case", "chart", "learning_points",
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


REFLECT_PROMPT = "What does this look like in your own practice? What would you do differently?"
CLOSING_TITLE = "Find out more"
AIMS_TITLE = "Session aims"
AIMS_LEAD = "By the end of this session you will be able to discuss:"
REFERENCES_TITLE = "Further reading"
CASE_MORE = "The full case is in the speaker notes."
CASE_MORE_MANY = "The full cases are in the speaker notes."
MIN_QUESTIONS, MAX_QUESTIONS = 3, 4
MAX_REFERENCE_SLIDES = 2
LONG_ITEM = 110  # characters: a list item longer than this is cut to its number


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
    carry: list[str] = field(default_factory=list)  # prose for the next chart's notes
    figures: bool = False  # list items in brief keep their numbers (a section with charts)
    lead: tuple[Runs, str] | None = None  # a section's lead-in for its case slide, and notes

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
        self.aims()
        for part in self.briefing.parts:
            self.part(part)
        self.references()
        self.closing()
        self._unique_titles()
        meta = self.briefing.meta
        return DeckPlan(tuple(self.slides), tuple(self.warnings),
                        clean(meta.short_title or meta.title), meta.language)

    def choose(self, options: list[list[Para]], box: g.Box, sizes: tuple[float, ...],
               columns: bool = False) -> tuple[float, list[list[Para]], int]:
        """Of several wordings of the same content (fullest first), the first that fits one
        slide at one of the two largest sizes; else, with ``columns``, the briefest in two
        columns (``split`` > 0 is where the right column starts); else the first that
        fits one slide at all; else the briefest continued over as many slides as it
        needs. Returns (size, slides' worth of paragraphs, split)."""
        fonts = self.theme.fonts
        options = [o for i, o in enumerate(options) if o and o not in options[:i]]
        for tried, order in ((sizes[:2], options), (sizes, options[1:] + options[:1])):
            for paras in order:
                size = fixed(paras, box, fonts, tried)
                if size is not None:
                    return size, [paras], 0
            if columns:
                found = self.two_columns(options[-1], tried)
                if found is not None:
                    return found[0], [options[-1]], found[1]
        size, chunks = flow(options[-1], box, fonts, sizes)
        return size, chunks, 0

    def two_columns(self, paras: list[Para], sizes: tuple[float, ...]
                    ) -> tuple[float, int] | None:
        """The largest size at which the paragraphs fit two columns, and where the right
        one starts: at a heading (a lead-in kept with its list) if one balances them,
        else between any two top-level items."""
        layout = g.LAYOUTS[g.TWO]
        left, right = layout.box("left"), layout.box("right")
        fonts = self.theme.fonts
        cuts = [i for i in range(1, len(paras)) if paras[i].level == 0
                and not paras[i - 1].keep]
        headed = [i for i in cuts if paras[i].keep]
        for group in (headed, cuts):
            for size in sizes:
                ok = [i for i in group if fits(paras[:i], left, fonts, size)
                      and fits(paras[i:], right, fonts, size)]
                if ok:
                    return size, min(ok, key=lambda i: abs(2 * i - len(paras)))
        return None

    def chosen(self, kind: SlideKind, layout: str, title: str, options: list[list[Para]],
               notes: str, at: SourceRef, extra: list[Frame] | None = None,
               role: str = "body", sizes: tuple[float, ...] | None = None) -> None:
        """Slides for the best-fitting wording, continued as "Title (2 of 3)" if need be;
        a content slide's list may go into two columns first."""
        if not any(options):
            return
        box = g.LAYOUTS[layout].box(role)
        size, chunks, split = self.choose(options, box, sizes or self.body,
                                          columns=layout == g.CONTENT and not extra)
        if split:
            paras = chunks[0]
            self.add(kind, g.TWO, title, [Frame("left", tuple(paras[:split]), size),
                                          Frame("right", tuple(paras[split:]), size)], notes, at)
            return
        for i, chunk in enumerate(chunks, start=1):
            t = title if len(chunks) == 1 else f"{title} ({i} of {len(chunks)})"
            self.add(kind, layout, t, [Frame(role, tuple(chunk), size), *(extra or [])], notes, at)

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

    def aims(self) -> None:
        """What the session will discuss: the top-level sections of the briefing's own
        (not shared) parts, or of every part when all are shared."""
        parts = self.briefing.parts
        own = [p for p in parts if not p.shared] or list(parts)
        topics = [s.title for p in own for s in p.sections if not _skipped(s)]
        if not topics:
            return
        lead = Para((Run(AIMS_LEAD),), bullet=False, style="strong", keep=True)
        paras = [lead, *(Para(self.plain_runs(t)) for t in topics)]
        notes = self.notes([AIMS_LEAD, *(f"- {t}" for t in topics),
                            "The session follows the briefing:", *(
                                f"{p.title}" + (f" (p. {self.pages[p.id]})"
                                                if p.id in self.pages else "")
                                for p in parts)])
        self.chosen("aims", g.CONTENT, AIMS_TITLE, [paras], notes, own[0].at)

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
        notes = self.section_notes(sec)
        if ov is not None and ov.bullets:
            self.flowed("content", g.CONTENT, sec.title, [Para(self.runs(b)) for b in ov.bullets],
                        notes, sec.at)
        elif _charts_carry(sec):  # prose about its charts: the chart slides carry it
            self.carry = [self.plain(b.content) for b in sec.blocks if isinstance(b, Paragraph)]
        elif (intro := _lead_only(sec)) and first_sentence(rs := self.runs(intro.content)) == rs:
            self.lead = (rs, notes)  # one sentence introducing the cases: on the case slide
        else:
            self.chosen("content", g.CONTENT, sec.title, self.bullet_options(sec), notes, sec.at)
        self.blocks(sec.blocks, sec.title, sec.id, sec.at)
        if self.carry:  # no chart slide was made after all
            self.carry = []
            self.chosen("content", g.CONTENT, sec.title, self.bullet_options(sec), notes, sec.at)
        for extra in ov.extra if ov is not None else ():
            enotes = self.notes([clean(extra.notes)], sec.id)
            ps = [Para(self.runs(b)) for b in extra.bullets]
            if ps:
                self.flowed("extra", g.CONTENT, extra.title, ps, enotes, extra.at)
            else:
                self.add("extra", g.CONTENT, extra.title, [], enotes, extra.at)
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

    def bullet_options(self, sec: Section) -> list[list[Para]]:
        """The section's slide text in three wordings, fullest first: every list item in
        full; list items in brief (a bold lead-in, or the words before a colon, with the
        clause that carries a number); and, for a section made mostly of lists, the lists
        alone with one line per item."""
        full = self.derived_bullets(sec)
        self.figures = _has_charts(sec)
        brief: list[Para] = []
        listed: list[Para] = []
        for i, b in enumerate(sec.blocks):
            if isinstance(b, Paragraph):
                rs = self.runs(b.content)
                brief.append(Para(first_sentence(rs)))
                nxt = sec.blocks[i + 1] if i + 1 < len(sec.blocks) else None
                if isinstance(nxt, BulletList) and text_of(rs).rstrip().endswith(":"):
                    listed.append(Para(_lead_in(rs), bullet=False, style="strong", keep=True))
            elif isinstance(b, BulletList):
                brief.extend(self.brief_items(b.items))
                listed.extend(self.terse_items(b.items))
        keep = [p for p in brief if text_of(p.runs).strip()]
        options = [full, keep]
        if sum(p.bullet for p in listed) >= 3:
            options.append(listed)
        return options

    def brief_items(self, items: tuple[ListItem, ...], level: int = 0) -> list[Para]:
        out: list[Para] = []
        for it in items:
            out.append(Para(self.brief(it), level=min(level, 2)))
            out.extend(self.brief_items(it.children, level + 1))
        return out

    def brief(self, item: ListItem) -> Runs:
        """One list item in brief: "Infants: 86 (37%) incidents involved a child under 12
        months old" (lead-in and the clause with the number, numbers marked), else its
        lead-in, else the words before a colon, else its first sentence."""
        rs = self.runs(item.content)
        name, rest = label(rs)
        if item.children:
            return lead(rs)
        figure = headline(rest) if self.figures else ()
        if name and figure:
            return (*name, Run(": "), *mark_numbers(figure))
        if figure and not name:
            first = first_sentence(rs)
            return mark_numbers(figure if len(text_of(first)) > LONG_ITEM else first)
        return lead(rs)

    def terse_items(self, items: tuple[ListItem, ...]) -> list[Para]:
        """Each top-level item on one line: its lead-in with its first sub-item in brief
        ("Gender: More than half (57%) of all SCRs ... involved boys"); a long item
        without one is cut before its examples (", including ...")."""
        out: list[Para] = []
        for it in items:
            rs = self.runs(it.content)
            if it.children:
                first = self.brief(it.children[0])
                _, after = label(first)  # "Infants: 86 ..." -> "86 ..."
                out.append(Para((*lead(rs), Run(": "), *(after or first))))
                continue
            brief = self.brief(it)
            text = text_of(brief)
            cut_at = min((i for i in (text.find(", including"), text.find(" such as "))
                          if i > 0), default=-1)
            if len(text) > LONG_ITEM // 2 and cut_at > 0:
                brief = strip(cut(brief, cut_at), " ,")
            out.append(Para(brief))
        return out

    def items(self, items: tuple[ListItem, ...], level: int = 0) -> list[Para]:
        out: list[Para] = []
        for it in items:
            out.append(Para(self.runs(it.content), level=min(level, 2)))
            out.extend(self.items(it.children, level + 1))
        return out

    def section_notes(self, sec: Section) -> str:
        """The section's prose, lists and quotations in full, in reading order (case
        examples and learning points have their own slides and notes)."""
        texts: list[str] = []
        for b in sec.blocks:
            if isinstance(b, Paragraph):
                texts.append(self.plain(b.content))
            elif isinstance(b, BulletList):
                texts.append("\n".join(self.item_lines(b.items)))
            elif isinstance(b, Quote):
                texts.append(self.quote_note(b))
        return self.notes(texts or [sec.title], sec.id)

    def quote_note(self, q: Quote) -> str:
        label = "In their own words" if q.kind == "voice" else "SCR extract"
        body = " ".join(self.plain(p) for p in q.paragraphs)
        who = f" \u2014 {self.plain(q.attribution)}" if q.attribution else ""
        return f"{label}: \u201c{body}\u201d{who}"

    def item_lines(self, items: tuple[ListItem, ...], depth: int = 0) -> list[str]:
        out: list[str] = []
        for it in items:
            out.append("  " * depth + "- " + self.plain(it.content))
            out.extend(self.item_lines(it.children, depth + 1))
        return out

    # ------------------------------------------------------------ blocks with their own slides

    def blocks(self, blocks: tuple[object, ...], title: str, sid: str, at: SourceRef) -> None:
        """Charts in reading order, then one quotation, the case examples together, and
        each learning-points box with its reflection."""
        prev: Paragraph | None = None
        quotes: list[tuple[Quote, Paragraph | None]] = []
        cases = [b for b in blocks if isinstance(b, CaseExample) and _has_text(b)]
        for b in blocks:
            if isinstance(b, Table) and b.chart:
                self.chart(b.chart, [f"Table {b.number}: {b.title}",
                                     *(self.plain(x) for x in b.notes)], (b.id, sid), b.at)
            elif isinstance(b, Figure):
                self.chart(b.chart, [f"Figure {b.number}: {b.title}",
                                     *(self.plain(x) for x in (b.caption, b.missing,
                                                                b.source_note) if x)],
                           (b.id, sid), b.at)
            elif isinstance(b, Quote):
                quotes.append((b, prev))
            elif isinstance(b, CaseExample) and not _has_text(b):
                quotes.extend(_quotes(b, prev))  # a case that is only a quotation
            prev = b if isinstance(b, Paragraph) else prev
        voice = [q for q in quotes if q[0].kind == "voice"]
        if voice or (quotes and not cases):  # a case slide carries the section's evidence
            q, context = (voice or quotes)[0]
            others = [self.quote_note(x) for x, _ in quotes if x is not q]
            self.quote(q, context, title, sid, others)
        if cases:
            self.cases(cases, title, sid)
        for b in blocks:
            if isinstance(b, LearningPoints):
                self.learning_points(b, title, sid)

    def cases(self, cases: list[CaseExample], title: str, sid: str) -> None:
        """One slide for the section's case examples: each in its first sentence or two;
        the cases in full, with their quotations, in the notes."""
        texts: list[str] = []
        for n, case in enumerate(cases, start=1):
            head = f"Case example {n}" if len(cases) > 1 else "Case example"
            if case.title:
                head += f": {clean(case.title)}"
            texts.append(head)
            for b in case.blocks:
                if isinstance(b, Paragraph):
                    texts.append(self.plain(b.content))
                elif isinstance(b, BulletList):
                    texts.append("\n".join(self.item_lines(b.items)))
                elif isinstance(b, Quote):
                    texts.append(self.quote_note(b))
        many = len(cases) > 1
        more = Para((Run(CASE_MORE_MANY if many else CASE_MORE),), bullet=False,
                    style="muted", scale=0.85)
        options = []
        intro: list[Para] = []
        notes = self.notes(texts, sid)
        if self.lead is not None:
            intro = [Para(self.lead[0], bullet=False, style="strong", keep=True)]
            notes = self.lead[1].replace(self.page_note(sid), "").rstrip() + "\n\n" + notes
            self.lead = None
        for count in ((1,) if many else (2, 1)):
            paras = list(intro)
            for case in cases:
                rs = self.case_summary(case, count)
                if case.title and many:
                    rs = (Run(f"{clean(case.title)}: ", bold=True), *rs)
                paras.append(Para(rs, bullet=many))
            options.append([*paras, more])
        names = [clean(c.title) for c in cases if c.title]
        if many:
            heading = f"Case examples: {title}"
        else:
            heading = f"Case example: {names[0] if names else title}"
        self.chosen("case", g.CASE, heading, options, notes, cases[0].at)

    def case_summary(self, case: CaseExample, count: int) -> Runs:
        for b in case.blocks:
            if isinstance(b, Paragraph):
                return sentences(self.runs(b.content), count)
            if isinstance(b, BulletList) and b.items:
                return first_sentence(self.runs(b.items[0].content))
        return ()

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
        carried, self.carry = self.carry, []
        notes = self.notes([*carried, *texts, data.source_note,
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
        """The box in full if it fits one slide, else each point's first sentence (the
        points in full are in the notes); then a reflection slide of questions."""
        points = [self.plain(it.content) for it in lp.items]
        notes = self.notes(["\n".join(f"- {p}" for p in points)], sid)
        firsts = [Para(first_sentence(self.runs(it.content))) for it in lp.items]
        self.chosen("learning_points", g.LEARNING, f"{lp.title}: {title}",
                    [self.items(lp.items), firsts], notes, lp.at)
        self.reflection(lp, title, sid)

    def reflection(self, lp: LearningPoints, title: str, sid: str) -> None:
        """Two to four of the points as questions for the group ("How do you ...?") where
        the sentence allows it, the others as "Discuss: <first sentence>"."""
        asked: list[tuple[int, Runs]] = []
        for i, it in enumerate(lp.items):
            q = question(self.plain(it.content))
            if q:
                asked.append((i, (Run(clean(q)),)))
        asked = asked[:MAX_QUESTIONS]
        for i, it in enumerate(lp.items):
            if len(asked) >= min(MIN_QUESTIONS, len(lp.items)):
                break
            if all(i != j for j, _ in asked):
                asked.append((i, (Run("Discuss: ", bold=True),
                                  *first_sentence(self.runs(it.content)))))
        asked.sort(key=lambda x: x[0])
        prompt = (Para((Run(REFLECT_PROMPT),), bullet=False, style="strong"),)
        layout = g.LAYOUTS[g.REFLECTION]
        size = fixed(prompt, layout.box("prompt"), self.theme.fonts, self.body) or self.body[-1]
        options = [[Para(rs) for _, rs in asked[:n]] for n in range(len(asked), 0, -1)]
        notes = self.notes(["Questions for discussion, from the learning points on the "
                            "previous slide:", *(f"- {text_of(rs)}" for _, rs in asked),
                            "Ask the group to relate each to a case they know, and to name "
                            "one thing they will do differently."], sid)
        self.chosen("reflection", g.REFLECTION, f"Reflect: {title}", options, notes, lp.at,
                    extra=[Frame("prompt", prompt, size)])

    def quote(self, q: Quote, context: Paragraph | None, title: str, sid: str,
              others: list[str]) -> None:
        paras = [Para(self.runs(p, italic=True), bullet=False) for p in q.paragraphs]
        if q.attribution:
            paras.append(Para((Run("\u2014 "), *self.runs(q.attribution)), bullet=False,
                              style="muted"))
        label = "In their own words" if q.kind == "voice" else "SCR extract"
        ctx = self.context(context, title)
        quote_sizes = _steps(self.theme.slides.body_size + 2, self.theme.slides.min_body_size)
        notes = self.notes([*(self.plain(p) for p in q.paragraphs),
                            self.plain(context.content) if context else "",
                            *(["More extracts from this section of the briefing:", *others]
                              if others else [])], sid)
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
        """At most two slides: the works cited in the briefing's own parts first, each as
        "Author (year) Title"; the full list is in the notes and the briefing."""
        refs = list(self.briefing.references)
        if not refs:
            return
        own = " ".join(self.part_text(p) for p in self.briefing.parts if not p.shared)
        order = sorted(range(len(refs)), key=lambda i: not _cited(refs[i], self.plain(
            refs[i].text), own))
        shorts = [Para(self.short_ref(refs[i]), bullet=False) for i in order]
        page = self.pages.get("references")
        where = f"the References in the briefing (p. {page})" if page else \
            "the References in the briefing"
        box = g.LAYOUTS[g.CONTENT].box("body")
        chunks: list[list[Para]] = []
        size = self.body[-1]
        for k in range(len(shorts), 0, -1):
            more = [] if k == len(shorts) else [Para((Run(
                f"and {len(shorts) - k} more: see {where}"),), bullet=False, style="muted")]
            size, chunks = flow([*shorts[:k], *more], box, self.theme.fonts, self.body[:2])
            if len(chunks) <= MAX_REFERENCE_SLIDES:
                break
        full = []
        for ref in refs:
            text = self.plain(ref.text)
            full.append(f"- {text}" + (f" {ref.url}" if ref.url and ref.url not in text else ""))
        notes = self.notes([f"The full reference list is in {where}:", "\n".join(full)])
        at = refs[0].at
        for i, chunk in enumerate(chunks, start=1):
            t = REFERENCES_TITLE if len(chunks) == 1 else \
                f"{REFERENCES_TITLE} ({i} of {len(chunks)})"
            self.add("references", g.CONTENT, t, [Frame("body", tuple(chunk), size)], notes, at)

    def short_ref(self, ref: Reference) -> Runs:
        """"Author (year) Title": the first author's surname (with "and" or "et al."),
        the year, and the title (italic; an article's own title, not its journal)."""
        rs = self.runs(ref.text)
        text = text_of(rs)
        m = _REF.match(text)
        if m is None:
            return rs
        authors, year = m.group(1).strip(), m.group(2)
        people = _SURNAME.findall(authors)
        authors = authors.strip(" .")
        if people:
            who = people[0] if len(people) == 1 else (
                f"{people[0]} and {people[1]}" if len(people) == 2 else f"{people[0]} et al.")
        else:
            names = [n for n in re.split(r",\s*&?\s*|\s+&\s+", authors) if n.strip()]
            who = names[0] + (" et al." if len(names) > 1 else "")
        after = strip(tail_from(rs, m.end()))
        title = after[0].text if after and after[0].italic else text_of(first_sentence(after))
        title = title.strip().rstrip(".")
        return (Run(f"{who} ({year}) "), Run(title, italic=True))  # addresses in the notes

    def part_text(self, part: Part) -> str:
        out: list[str] = []
        for sec in walk_sections(part.sections):
            for b in _all_blocks(sec.blocks):
                if isinstance(b, Paragraph):
                    out.append(self.plain(b.content))
                elif isinstance(b, BulletList | LearningPoints):
                    out.extend(self.item_lines(b.items))
                elif isinstance(b, Quote):
                    out.append(self.quote_note(b))
        return " ".join(out)

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


_REF = re.compile(r"(.+?)\s*\((\d{4}[a-z]?)\)\.?\s*")
_SURNAME = re.compile(r"([A-Z][\w'\u2019-]+), (?:[A-Z]\.\s?)+")


def _cited(ref: Reference, text: str, within: str) -> bool:
    """Whether the briefing's text cites the reference ("Daniel et al., 2010")."""
    m = _REF.match(text)
    if m is None:
        return False
    people = _SURNAME.findall(m.group(1))
    name = people[0] if people else re.split(r"[,.&(]", m.group(1))[0].strip()
    return bool(name) and re.search(re.escape(name) + r"[^()]{0,40}?" + re.escape(m.group(2)),
                                    within) is not None


def _lead_in(rs: Runs) -> Runs:
    """The sentence of a paragraph that introduces the list after it: its last ("This
    briefing is for all health professionals, including:") unless that leans on the one
    before ("These are ..."), then its first."""
    ends = sentence_ends(text_of(rs))
    last = strip(tail_from(rs, ends[-1])) if ends else rs
    if re.match(r"(These|They|It|Those|Such)\b|This (is|are|was|were|means)\b", text_of(last)):
        return first_sentence(rs)
    return last


def _lead_only(sec: Section) -> Paragraph | None:
    """The paragraph of a section whose text is one paragraph followed by its case
    examples, else None."""
    first = sec.blocks[0] if sec.blocks else None
    if (isinstance(first, Paragraph) and any(_has_text(b) for b in sec.blocks)
            and all(isinstance(b, CaseExample) for b in sec.blocks[1:])):
        return first
    return None


def _has_charts(sec: Section) -> bool:
    return any(isinstance(b, Figure) or (isinstance(b, Table) and b.chart) for b in sec.blocks)


def _charts_carry(sec: Section) -> bool:
    """A section of prose about its charts, with no lists, quotations or cases: the chart
    slides carry it (its prose goes into their notes)."""
    return _has_charts(sec) and all(isinstance(b, Paragraph | Table | Figure) for b in sec.blocks)


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
