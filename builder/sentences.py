"""Whole sentences of the content's inline text, for outputs that shorten it (the handout)
without rewording: a text is cut only where a sentence ends, and what is kept is the
content's own spans (emphasis, links) up to that point."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import assert_never

from builder.model import CrossRef, Emphasis, FootnoteRef, Inline, Inlines, Link, Strong, Text
from builder.model import plain_text as plain

# a full stop, question or exclamation mark (and any closing quote or bracket), then
# space and the capital or digit that starts the next sentence (maybe after an opening
# quote or bracket); not after an abbreviation or an initial
_END = re.compile(r"[.?!][\u2019'\"\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9])")
_ABBREV = {"e.g", "i.e", "al", "etc", "cf", "dr", "mr", "mrs", "ms", "no", "p", "pp", "vs",
           "st", "fig", "approx"}


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` but the last ends (after its closing punctuation):
    "e.g.", "et al." and initials do not end one."""
    out = []
    for m in _END.finditer(text):
        word = re.findall(r"[\w.]+$", text[: m.start()])
        if word and (word[0].lower().rstrip(".") in _ABBREV or len(word[0]) == 1):
            continue
        out.append(m.end())
    return out


def words(text: str) -> int:
    return len(text.split())


def cut(spans: Inlines, end: int) -> Inlines:
    """The spans up to plain-text offset ``end``: the same spans, the last one cut.
    Markers (footnotes, cross-references) at the cut are left out."""
    out: list[Inline] = []
    for span in spans:
        if end <= 0:
            break
        taken, end = _cut_span(span, end)
        if taken is not None:
            out.append(taken)
    return tuple(out)


def _cut_span(span: Inline, end: int) -> tuple[Inline | None, int]:
    """(the span cut at ``end``, or None when nothing of it is left; what is left of end)."""
    match span:
        case Text(text=t):
            return Text(text=t[:end], at=span.at), end - len(t)
        case Emphasis(children=c) | Strong(children=c) | Link(children=c):
            size = len(plain(c))
            kids = cut(c, end)
            return (replace(span, children=kids) if kids else None), end - size
        case CrossRef() | FootnoteRef():
            return span, end
        case _:
            assert_never(span)


def leading_sentences(spans: Inlines, most_words: int | None) -> tuple[Inlines, bool]:
    """The first whole sentences of ``spans`` within ``most_words`` (always at least
    the first; all of them when ``most_words`` is None), and whether any were left out."""
    text = plain(spans)
    last = len(text.rstrip())
    if not last:
        return (), False
    ends = [*sentence_ends(text), last]
    keep = ends[0]
    for end in ends[1:]:
        if most_words is not None and words(text[:end]) > most_words:
            break
        keep = end
    return cut(spans, keep), keep < ends[-1]


def without_markers(spans: Inlines) -> Inlines:
    """The spans without footnote markers (a text shown outside the briefing has no
    footnotes); cross-references are kept."""
    out: list[Inline] = []
    for span in spans:
        match span:
            case FootnoteRef():
                continue
            case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                out.append(replace(span, children=without_markers(c)))
            case _:
                out.append(span)
    return tuple(out)
