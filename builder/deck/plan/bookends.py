"""The slides that open and close the deck: the title slide, the session aims, and the
closing slide with the publisher's details."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import Frame
from builder.deck.text import Run, clean
from builder.model import Metadata, Section

CLOSING_TITLE = "Find out more"
AIMS_TITLE = "Session aims"
AIMS_LEAD = "By the end of this session you will be able to discuss:"


def plan_title(p: Planner) -> None:
    """Adds the title slide: the briefing's title, with its subtitle, date and authors."""
    meta = p.briefing.meta
    sub = _subtitle(meta)
    size = fixed(sub, g.LAYOUTS[g.TITLE].box("subtitle"), p.theme.fonts, p.body)
    if size is None:
        p.warn(meta.at, "the subtitle does not fit the title slide; shorten it")
        size = p.body[-1]
    notes = p.notes([meta.title, meta.subtitle, meta.series,
                     *(f"Authors: {a}" for a in meta.authors[:1] if a),
                     meta.publisher.name])
    p.add("title", g.TITLE, meta.title, [Frame("subtitle", tuple(sub), size)], notes,
          meta.at, footer=False, title_sizes=p.display_sizes())


def _subtitle(meta: Metadata) -> list[Para]:
    """The subtitle, then "date · authors" smaller and muted; either may be absent."""
    sub = [Para((Run(clean(meta.subtitle)),), bullet=False)] if meta.subtitle else []
    byline = "  \u00b7  ".join(x for x in (meta.date, ", ".join(meta.authors)) if x)
    if byline:
        sub.append(Para((Run(clean(byline)),), bullet=False, style="muted", scale=0.85))
    return sub


def plan_aims(p: Planner) -> None:
    """Adds what the session will discuss: the top-level sections of the briefing's own
    (not shared) parts, or of every part when all are shared; none if there are none."""
    parts = p.briefing.parts
    own = [x for x in parts if not x.shared] or list(parts)
    topics = [s.title for x in own for s in x.sections if not _skipped(s)]
    if not topics:
        return
    lead = Para((Run(AIMS_LEAD),), bullet=False, style="strong", keep=True)
    paras = [lead, *(Para(p.plain_runs(t)) for t in topics)]
    notes = p.notes([AIMS_LEAD, *(f"- {t}" for t in topics),
                     "The session follows the briefing:", *(
                         f"{x.title}" + (f" (p. {p.pages[x.id]})" if x.id in p.pages else "")
                         for x in parts)])
    p.chosen("aims", g.CONTENT, AIMS_TITLE, [paras], notes, own[0].at)


def _skipped(sec: Section) -> bool:
    """Whether the section's slides were turned off in the content."""
    return sec.slides is not None and sec.slides.skip


def plan_closing(p: Planner) -> None:
    """Adds the closing slide: the publisher's name, website, email and telephone, and the
    copyright line."""
    meta = p.briefing.meta
    pub = meta.publisher
    lines = [pub.name, pub.website, pub.email, pub.telephone and f"Telephone {pub.telephone}"]
    paras = [Para((Run(clean(x)),), bullet=False) for x in lines if x]  # no link colours on navy
    if meta.copyright:
        paras.append(Para((Run(clean(meta.copyright)),), bullet=False, style="muted",
                          scale=0.8))
    size = fixed(paras, g.LAYOUTS[g.CLOSING].box("body"), p.theme.fonts, p.body)
    if size is None:
        p.warn(meta.at, "the publisher's details do not fit the closing slide")
        size = p.body[-1]
    notes = p.notes([meta.title, *meta.acknowledgements, *meta.partners])
    p.add("closing", g.CLOSING, CLOSING_TITLE, [Frame("body", tuple(paras), size)],
          notes, meta.publisher.at, footer=False)
