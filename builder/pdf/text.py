"""The one function that turns content text into reportlab paragraph markup.

Every content string is escaped with :func:`xml.sax.saxutils.escape` first; only then
are our own tags added, so no content string can ever become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import assert_never
from xml.sax.saxutils import escape

from builder.model import (
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inlines,
    Link,
    Strong,
    Text,
    plain_text,
)
from builder.problems import Problem
from builder.values import normalise_url, url_problem

FOOTNOTE_CALLBACK = "bb_footnote"
LINK_START = "bb_link"
LINK_END = "bb_link_end"
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
_TRAILING = ".,;:!?)]}'\u2019\u201d"


def esc(text: str) -> str:
    """``text`` as literal paragraph text: ``<``, ``>``, ``&`` and quotes escaped."""
    return escape(text, {'"': "&quot;", "'": "&#39;"})


def dest(node_id: str) -> str:
    """The PDF destination name of a section, table or figure id."""
    return "d-" + re.sub(r"[^A-Za-z0-9_.-]", "_", node_id)


def footnote_dest(number: int) -> str:
    return f"fn-{number}"


def safe_url(url: str) -> str | None:
    """``url`` as a link target (``www.`` made https, percent-encoded) if it is a valid
    web or mail link, else None."""
    url = normalise_url(url)
    return url if url_problem(url) is None else None


@dataclass(slots=True)
class InlineContext:
    """What markup needs beyond the spans: numbers and pages decided elsewhere.

    ``page_of`` comes from the previous layout pass (empty on the first);
    ``footnote_numbers`` numbers footnotes in the order their first marker is rendered,
    which is reading order.
    """

    link_colour: str
    footnote_ids: frozenset[str]
    page_of: dict[str, int]
    targets: frozenset[str]
    footnote_numbers: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _autolink(text: str, ctx: InlineContext) -> str:
    """Escaped ``text`` with bare ``https://``/``www.`` addresses made live links."""
    out: list[str] = []
    pos = 0
    for m in _BARE_URL.finditer(text):
        url = m.group(0).rstrip(_TRAILING)
        end = m.start() + len(url)
        out.append(esc(text[pos:m.start()]))
        out.append(_link_markup(esc(url), safe_url(url), ctx))
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def link(inner: str, href: str, contents: str, colour: str | None = None) -> str:
    """Markup for a link: ``inner`` (markup) made live to ``href`` (a URL, or ``#`` and a
    destination), its words tagged as a Link element described by ``contents`` (plain
    text, the annotation's /Contents)."""
    colour_attr = f' color="{colour}"' if colour else ""
    return (f'<onDraw name="{LINK_START}" label="{esc(contents)}"/>'
            f'<a href="{esc(href)}"{colour_attr}>{inner}</a><onDraw name="{LINK_END}"/>')


def _link_markup(inner: str, url: str | None, ctx: InlineContext, text: str = "") -> str:
    if url is None:
        return inner
    shown = text or url
    same = safe_url(shown) == url or shown == url.removeprefix("mailto:")
    contents = shown if same else f"{shown} ({url})"
    return link(inner, url, contents, ctx.link_colour)


def _crossref(span: CrossRef, ctx: InlineContext) -> str:
    if span.target not in ctx.targets:
        ctx.problems.append(Problem.at(span.at, f"cross-reference {{see:{span.target}}} names "
                                       "no section, table or figure; use one of their ids"))
        return "see below"
    page = ctx.page_of.get(span.target)
    label = f"see page {page}" if page else "see page 00"
    return link(label, "#" + dest(span.target), label, ctx.link_colour)


def _footnote(span: FootnoteRef, ctx: InlineContext) -> str:
    if span.target not in ctx.footnote_ids:
        ctx.problems.append(Problem.at(span.at, f"footnote marker {{fn:{span.target}}} names "
                                       "no footnote; add it under footnotes:"))
        return ""
    mark = ""
    number = ctx.footnote_numbers.get(span.target)
    if number is None:
        number = ctx.footnote_numbers[span.target] = len(ctx.footnote_numbers) + 1
        mark = f'<onDraw name="{FOOTNOTE_CALLBACK}" label="{number}"/>'
    number_link = link(str(number), "#" + footnote_dest(number), f"Footnote {number}",
                       ctx.link_colour)
    return f"<super>{number_link}</super>{mark}"


def markup(spans: Inlines, ctx: InlineContext, *, links: bool = True) -> str:
    """Paragraph markup for inline spans: the only way content text reaches reportlab."""
    out: list[str] = []
    for span in spans:
        match span:
            case Text(text=t):
                out.append(_autolink(t, ctx) if links else esc(t))
            case Emphasis(children=c):
                out.append(f"<i>{markup(c, ctx, links=links)}</i>")
            case Strong(children=c):
                out.append(f"<b>{markup(c, ctx, links=links)}</b>")
            case Link(children=c, url=url):
                out.append(_link_markup(markup(c, ctx, links=False), safe_url(url), ctx,
                                        plain_text(c)))
            case CrossRef():
                out.append(_crossref(span, ctx))
            case FootnoteRef():
                out.append(_footnote(span, ctx))
            case _:
                assert_never(span)
    return "".join(out)


def plain(text: str) -> str:
    """Markup for a plain content string (titles, table cells): escaped, nothing parsed."""
    return esc(text)
