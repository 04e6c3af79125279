"""The inline syntax of docs/content-format.md -> model spans.

``*em*``, ``**strong**``, ``***both***``, ``[text](url)``, ``{see:ID}``, ``{fn:ID}`` and
backslash escapes. A run of ``*`` opens only when followed by a non-space and closes only
when preceded by one, so ``Father*`` and ``* The category`` stay literal; unmatched
markers are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.model import (
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inline,
    Inlines,
    Link,
    SourceRef,
    Strong,
    Text,
)

ALLOWED_SCHEMES = ("https", "http", "mailto")
_REF = re.compile(r"\{(see|fn):([A-Za-z0-9][A-Za-z0-9_.-]*)\}")
_ESCAPABLE = "*[]{}()\\_"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_PLAIN = re.compile(r"[^\\{\[*]+")  # a run of characters with no meaning of their own


@dataclass
class _Delim:
    count: int
    can_open: bool
    can_close: bool


_Item = Inline | _Delim


def normalise_url(url: str) -> str:
    """A bare ``www.`` address becomes ``https://www.``."""
    url = url.strip()
    if url.lower().startswith("www."):
        return "https://" + url
    return url


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an allowed link, or None."""
    m = _SCHEME.match(url)
    if not m:
        return (f"link '{url}' has no scheme; write it in full, "
                "starting https://, http:// or mailto:")
    if m.group(1).lower() not in ALLOWED_SCHEMES:
        return (f"link '{url}' uses the scheme '{m.group(1)}'; "
                "only https, http and mailto links are allowed")
    return None


def _link_end(text: str, start: int) -> tuple[int, int, int] | None:
    """For ``[`` at ``start``: (end of label, start of url, end of link) or None."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                if i + 1 < len(text) and text[i + 1] == "(":
                    close = text.find(")", i + 2)
                    url = text[i + 2: close]
                    if close > 0 and url.strip() and " " not in url.strip():
                        return i, i + 2, close + 1
                return None
        i += 1
    return None


def parse_inline(text: str, at: SourceRef, problems: list[str] | None = None) -> Inlines:
    """Parse ``text``; messages about bad links are appended to ``problems``."""
    items: list[_Item] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            items.append(Text(text="".join(buf), at=at))
            buf.clear()

    i = 0
    n = len(text)
    while i < n:
        plain = _PLAIN.match(text, i)
        if plain:
            buf.append(plain.group())
            i = plain.end()
            continue
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "{":
            m = _REF.match(text, i)
            if m:
                flush()
                cls = CrossRef if m.group(1) == "see" else FootnoteRef
                items.append(cls(target=m.group(2), at=at))
                i = m.end()
                continue
        if ch == "[":
            found = _link_end(text, i)
            if found:
                label_end, url_start, end = found
                url = normalise_url(text[url_start: end - 1])
                why = url_problem(url)
                if why and problems is not None:
                    problems.append(why)
                flush()
                items.append(Link(children=parse_inline(text[i + 1: label_end], at, problems),
                                  url=url, at=at))
                i = end
                continue
        if ch == "*":
            j = i
            while j < n and text[j] == "*":
                j += 1
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < n else " "
            flush()
            items.append(_Delim(j - i, not after.isspace(), not before.isspace()))
            i = j
            continue
        buf.append(ch)
        i += 1
    flush()
    return _merge(_emphasis(items, at), at)


def _emphasis(items: list[_Item], at: SourceRef) -> list[_Item]:
    """Match ``*`` runs: each closer with the nearest opener before it."""
    i = 0
    while i < len(items):
        closer = items[i]
        if not (isinstance(closer, _Delim) and closer.can_close and closer.count):
            i += 1
            continue
        j = i - 1
        while j >= 0 and not (isinstance(items[j], _Delim) and items[j].can_open  # type: ignore[union-attr]
                              and items[j].count):  # type: ignore[union-attr]
            j -= 1
        if j < 0:
            i += 1
            continue
        opener = items[j]
        assert isinstance(opener, _Delim)
        use = 2 if opener.count >= 2 and closer.count >= 2 else 1
        inner = _merge(_literal(items[j + 1: i], at), at)
        span: Inline = (Strong(children=inner, at=at) if use == 2
                        else Emphasis(children=inner, at=at))
        opener.count -= use
        closer.count -= use
        items[j + 1: i] = [span]
        i = j + 2  # the closer now sits right after the span
    return _literal(items, at)


def _literal(items: list[_Item], at: SourceRef) -> list[_Item]:
    """Unmatched ``*`` runs become text."""
    return [Text(text="*" * it.count, at=at) if isinstance(it, _Delim) else it
            for it in items if not (isinstance(it, _Delim) and it.count == 0)]


def _merge(items: list[_Item], at: SourceRef) -> Inlines:
    out: list[Inline] = []
    for it in items:
        assert not isinstance(it, _Delim)
        if isinstance(it, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(text=out[-1].text + it.text, at=at)
        elif not (isinstance(it, Text) and not it.text):
            out.append(it)
    return tuple(out)
