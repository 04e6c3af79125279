"""Content text for slides: inline spans to styled runs, first sentences, plain notes.

Text reaches the deck only through ``runs`` and ``plain``: both keep every character
as written except those XML cannot hold (which python-pptx would turn into ``_x001B_``
or refuse), and both render cross-references the slide way ("see 'Title'").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import assert_never

from builder.model import (
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inlines,
    Link,
    Strong,
    Text,
)
from builder.sentences import sentence_ends

_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NONCHAR = re.compile("[\ufffe\uffff\x7f-\x9f]")
_SPACE = re.compile(r"[\t\r\n]+")


def clean(text: str) -> str:
    """The text with XML-illegal characters (controls, lone surrogates, U+FFFE) removed and
    line breaks turned into spaces; nothing else changes."""
    return _SPACE.sub(" ", _NONCHAR.sub("", _ILLEGAL.sub("", text)))


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""
    mark: bool = False  # a headline number: bold, in the accent colour


Runs = tuple[Run, ...]


def runs(spans: Inlines, titles: Mapping[str, str], bold: bool = False,
         italic: bool = False, url: str = "") -> Runs:
    """Styled runs for the spans; footnote markers are dropped (their text is in the notes)."""
    out: list[Run] = []
    for span in spans:
        match span:
            case Text(text=t):
                out.append(Run(clean(t), bold, italic, url))
            case Emphasis(children=c):
                out.extend(runs(c, titles, bold, True, url))
            case Strong(children=c):
                out.extend(runs(c, titles, True, italic, url))
            case Link(children=c, url=u):
                out.extend(runs(c, titles, bold, italic, u))
            case CrossRef(target=t):
                out.append(Run(see(t, titles), bold, italic, url))
            case FootnoteRef():
                pass
            case _:
                assert_never(span)
    return merge(out)


def see(target: str, titles: Mapping[str, str]) -> str:
    title = titles.get(target, target)
    if title.startswith(("Table ", "Figure ")):
        return f"see {title}"
    return f"see \u2018{title}\u2019"


def merge(items: list[Run]) -> Runs:
    """Neighbouring runs of the same style joined; empty runs dropped."""
    out: list[Run] = []
    for r in items:
        if not r.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].url, out[-1].mark) == (
                r.bold, r.italic, r.url, r.mark):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.url, r.mark)
        else:
            out.append(r)
    return tuple(out)


def text_of(rs: Runs) -> str:
    return "".join(r.text for r in rs)


def plain(spans: Inlines, titles: Mapping[str, str]) -> str:
    """The spans as plain text for speaker notes (links followed by their address when it
    differs from the text)."""
    out: list[str] = []
    for r in runs(spans, titles):
        out.append(r.text)
    text = "".join(out)
    links = [(r.text, r.url) for r in runs(spans, titles) if r.url and r.url not in r.text]
    for label, url in links:
        text = text.replace(label, f"{label} ({url})", 1)
    return text


def first_sentence(rs: Runs) -> Runs:
    """The runs up to the end of the first sentence (verbatim), or all of them."""
    return sentences(rs, 1)


def sentences(rs: Runs, n: int) -> Runs:
    """The runs up to the end of the ``n``-th sentence (verbatim), or all of them."""
    ends = sentence_ends(text_of(rs))
    return cut(rs, ends[n - 1]) if len(ends) >= n else rs


def cut(rs: Runs, at: int) -> Runs:
    """The first ``at`` characters of the runs, styles kept."""
    out: list[Run] = []
    left = at
    for r in rs:
        if left <= 0:
            break
        out.append(Run(r.text[:left], r.bold, r.italic, r.url))
        left -= len(r.text)
    return tuple(out)


def strip(rs: Runs, chars: str = " ") -> Runs:
    """The runs without leading and trailing ``chars``."""
    out = list(merge(list(rs)))
    while out and not out[0].text.lstrip(chars):
        out.pop(0)
    while out and not out[-1].text.rstrip(chars):
        out.pop()
    if not out:
        return ()
    out[0] = replace(out[0], text=out[0].text.lstrip(chars))
    out[-1] = replace(out[-1], text=out[-1].text.rstrip(chars))
    return merge(out)


def label(rs: Runs) -> tuple[Runs, Runs]:
    """A list item's bold lead-in and the rest: "**Neglect:** As in ..." -> ("Neglect",
    "As in ..."). An item that is only a lead-in ("**Gender:**", "**Ages** (see Figure
    1):") is all label; an item without one has no label."""
    if not rs or not rs[0].bold:
        return (), rs
    head = [rs[0]]
    rest = list(rs[1:])
    if ":" in head[0].text.rstrip(": "):  # "**Key:** value" inside one bold run
        return (), rs
    if not head[0].text.rstrip().endswith(":"):
        tail = text_of(tuple(rest))
        if ":" not in tail:
            return (), rs
        colon = tail.index(":")
        if colon > 40 or tail[colon + 1:].strip() and colon > 0 and "(" not in tail[:colon]:
            return (), rs
        head += list(cut(tuple(rest), colon))
        rest = list(tail_from(tuple(rest), colon + 1))
    name = strip(tuple(head), " :")
    return (tuple(replace(r, bold=True) for r in name), strip(tuple(rest)))


def tail_from(rs: Runs, at: int) -> Runs:
    """The runs from character ``at`` on, styles kept."""
    out: list[Run] = []
    pos = 0
    for r in rs:
        end = pos + len(r.text)
        if end > at:
            out.append(replace(r, text=r.text[max(0, at - pos):]))
        pos = end
    return merge(out)


_YEAR = re.compile(r"\b(19|20)\d\d(-\d\d)?\b|\b\d+-(month|year|week)\b")
_NUMBER = re.compile(r"\d+(?:\.\d+)?%|\d[\d,]*(?:\.\d+)?")
# References to the briefing's own pages, tables, figures and sections: the deck has its
# own charts, so these are left out of slide text ("(see Table 2)", "– see Figure 2").
_REFERENCE = re.compile(
    r"\s*\((?:see|shown in|as shown in)\b[^()]*\)"
    r"|\s*\((?:Table|Figure)s? \d+[^()]*\)"
    r"|\s*[\u2013\u2014-]\s*see (?:Table|Figure) \d+\b")
_LEAD_END = re.compile(r"[:;](?=\s|$)")


def audience(rs: Runs) -> Runs:
    """The runs without references to the briefing's pages, tables, figures or sections;
    every other character kept."""
    text = text_of(rs)
    out: list[Run] = []
    pos = 0
    for m in _REFERENCE.finditer(text):
        out.extend(tail_from(cut(rs, m.start()), pos))
        pos = m.end()
    out.extend(tail_from(rs, pos))
    return merge(out)


def split_sentences(rs: Runs) -> list[Runs]:
    """The runs as sentences, verbatim, without the spaces between them."""
    text = text_of(rs)
    bounds = [0, *sentence_ends(text), len(text)]
    out = [strip(tail_from(cut(rs, b), a)) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [x for x in out if x]


def lead_clause(rs: Runs, least: int = 3) -> Runs:
    """The words of a sentence before its first colon or semicolon (its lead-in clause,
    verbatim), if that is at least ``least`` words and not the whole sentence; else ()."""
    m = _LEAD_END.search(text_of(rs))
    if m is None or count_words(text_of(rs)[:m.start()]) < least:
        return ()
    return strip(cut(rs, m.start()), " ,")


def count_words(text: str) -> int:
    """Words as a reader counts them on a slide."""
    return len(text.split())


def mark_numbers(rs: Runs) -> Runs:
    """The runs with each number (and its percentage sign) marked as a headline figure;
    years and durations are left as they are."""
    out: list[Run] = []
    for r in rs:
        if r.url:
            out.append(r)
            continue
        pos = 0
        for m in _NUMBER.finditer(r.text):
            token = m.group(0).rstrip(",.")
            before = r.text[max(0, m.start() - 2):m.start()]
            if _YEAR.match(r.text[m.start():]) or re.fullmatch(r"\d-", before):
                continue
            out.append(replace(r, text=r.text[pos:m.start()]))
            out.append(replace(r, text=token, bold=True, mark=True))
            pos = m.start() + len(token)
        out.append(replace(r, text=r.text[pos:]))
    return merge(out)
