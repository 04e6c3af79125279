"""Content text for slides: inline spans to styled runs, first sentences, plain notes.

Text reaches the deck only through ``runs`` and ``plain``: both keep every character
as written except those XML cannot hold (which python-pptx would turn into ``_x001B_``
or refuse), and both render cross-references the slide way ("see 'Title'").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
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
        if out and (out[-1].bold, out[-1].italic, out[-1].url) == (r.bold, r.italic, r.url):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.url)
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


_ABBREV = {"e.g", "i.e", "al", "etc", "cf", "dr", "mr", "mrs", "ms", "no", "p", "pp", "vs",
           "st", "fig", "approx"}
_END = re.compile(r"[.?!][\u2019'\"\u201d)\]]*(?=\s+[\"'\u2018\u201c(\[]?[A-Z0-9])")


def first_sentence(rs: Runs) -> Runs:
    """The runs up to the end of the first sentence (verbatim), or all of them."""
    text = text_of(rs)
    for m in _END.finditer(text):
        word = re.findall(r"[\w.]+$", text[: m.start()])
        if word and (word[0].lower().rstrip(".") in _ABBREV or len(word[0]) == 1):
            continue
        return cut(rs, m.end())
    return rs


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
