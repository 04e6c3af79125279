"""The slides that open and close the deck: the title slide, what the session covers,
and the closing slide with the publisher's details."""

from __future__ import annotations

from builder.deck import geometry as g
from builder.deck.fit import BREAK
from builder.deck.pack import Para, fixed
from builder.deck.plan.planner import Planner
from builder.deck.plan.spec import Frame
from builder.deck.text import Run, clean
from builder.model import Metadata, Section

CLOSING_TITLE = "Find out more"
AIMS_TITLE = "This session covers"
BASED_ON = "A training session based on the briefing"


def plan_title(p: Planner) -> None:
    """Adds the title slide: the briefing's title and subtitle, and the publisher and date
    of the briefing it is based on (its authors are named in the notes, not as the
    deck's)."""
    meta = p.briefing.meta
    sub = _subtitle(meta)
    size = fixed(sub, g.LAYOUTS[g.TITLE].box("subtitle"), p.theme.fonts, p.body)
    if size is None:
        p.warn(meta.at, "the subtitle does not fit the title slide; shorten it")
        size = p.body[-1]
    about = [meta.title, meta.subtitle, meta.series,
             "Briefing by " + ", ".join(meta.authors) if meta.authors else "",
             meta.publisher.name, meta.date]
    p.add("title", g.TITLE, meta.title, [Frame("subtitle", tuple(sub), size)], meta.at,
          tier=0, minutes=1.0, points=tuple(clean(x) for x in about if x), footer=False,
          title_sizes=p.display_sizes())


def _subtitle(meta: Metadata) -> list[Para]:
    """The subtitle (a line break after its colon: "Learning for the future:" over
    "Messages for ..."), then "A training session based on the briefing · publisher,
    date"."""
    head, colon, tail = clean(meta.subtitle).partition(": ")
    text = (Run(head + ":"), Run(BREAK), Run(tail)) if colon and tail else (Run(head),)
    sub = [Para(text, bullet=False)] if meta.subtitle else []
    source = ", ".join(x for x in (meta.publisher.name, meta.date) if x)
    sub.append(Para((Run(clean(f"{BASED_ON} \u00b7 {source}" if source else BASED_ON)),),
                    bullet=False, style="muted", scale=0.85))
    return sub


def plan_aims(p: Planner) -> None:
    """Adds what the session covers: the topics of the briefing's own (not shared) parts,
    or of every part when all are shared, in two columns; none if there are none."""
    parts = p.briefing.parts
    own = [x for x in parts if not x.shared] or list(parts)
    topics = [s.title for x in own for s in x.sections if not _skipped(s)]
    if not topics:
        return
    paras = [Para(p.plain_runs(t)) for t in topics]
    half = (len(paras) + 1) // 2
    columns = [paras[:half], paras[half:]] if len(paras) > 3 else [paras]
    layout = g.TWO if len(columns) == 2 else g.CONTENT
    roles = ("left", "right") if len(columns) == 2 else ("body",)
    frames = [Frame(r, tuple(c), _size(p, layout, r, c)) for r, c in zip(roles, columns,
                                                                           strict=True)]
    size = min(f.size for f in frames)
    frames = [Frame(f.role, f.paras, size) for f in frames]
    p.add("aims", layout, AIMS_TITLE, frames, own[0].at, tier=0, minutes=2.0,
          points=tuple(clean(t) for t in topics))


def _size(p: Planner, layout: str, role: str, paras: list[Para]) -> float:
    return fixed(paras, g.LAYOUTS[layout].box(role), p.theme.fonts, p.body) or p.body[-1]


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
    p.add("closing", g.CLOSING, CLOSING_TITLE, [Frame("body", tuple(paras), size)],
          meta.publisher.at, tier=0, minutes=1.0,
          points=tuple(clean(x) for x in (meta.title, *meta.acknowledgements,
                                          *meta.partners) if x), footer=False)
