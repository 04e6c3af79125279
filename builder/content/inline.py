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
_ODD_REF = re.compile(r"\{\s*([A-Za-z]+)\s*:([^{}\n]*)\}")  # {kind:...} not read as a reference
_LINK_START = re.compile(r"\[[^\]\n]*\]\(")


@dataclass
class _Delim:
    count: int
    can_open: bool
    can_close: bool
    pos: int = 0


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


def _snippet(text: str, pos: int) -> str:
    words = text[pos:].split("\n")[0]
    return words if len(words) <= 30 else words[:27] + "..."


def _odd_ref(text: str, i: int) -> str | None:
    """Why ``{`` at ``i`` looks like a reference the builder does not read, or None."""
    m = _ODD_REF.match(text, i)
    if m is None:
        return None
    if m.group(1) in ("see", "fn"):
        return (f"'{m.group()}' is not read as a reference: write {{{m.group(1)}:ID}} with no "
                "spaces, the ID made of letters, digits, '-', '_' and '.'")
    return (f"'{m.group()}' is not a reference kind the builder knows; write {{see:ID}} for a "
            "cross-reference or {fn:ID} for a footnote marker (\\{ for a literal brace)")


def parse_inline(text: str, at: SourceRef, problems: list[str] | None = None,
                 warnings: list[str] | None = None) -> Inlines:
    """Parse ``text``; messages about bad links are appended to ``problems``, markup that
    looks unfinished (unclosed emphasis or link, unknown ``{kind:...}``) to ``warnings``."""
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
            odd = _odd_ref(text, i)
            if odd and warnings is not None:
                warnings.append(odd)
        if ch == "[":
            found = _link_end(text, i)
            if found:
                label_end, url_start, end = found
                url = normalise_url(text[url_start: end - 1])
                why = url_problem(url)
                if why and problems is not None:
                    problems.append(why)
                flush()
                items.append(Link(children=parse_inline(text[i + 1: label_end], at, problems,
                                                        warnings), url=url, at=at))
                i = end
                continue
            if warnings is not None and _LINK_START.match(text, i):
                warnings.append(f"the link '{_snippet(text, i)}' is not closed with ')', or its "
                                "address holds a space; write [words](https://address)")
        if ch == "*":
            j = i
            while j < n and text[j] == "*":
                j += 1
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < n else " "
            flush()
            items.append(_Delim(j - i, not after.isspace(), not before.isspace(), i))
            i = j
            continue
        buf.append(ch)
        i += 1
    flush()
    if warnings is not None:
        _unclosed(items, text, warnings)
    return _merge(_emphasis(items, at), at)


def _unclosed(items: list[_Item], text: str, warnings: list[str]) -> None:
    """Warn about a ``*`` that opens emphasis (a word follows it, none precedes it) and has
    no closer after it. ``Father*`` and ``* The category`` stay literal without a word."""
    delims = [it for it in items if isinstance(it, _Delim)]
    for k, d in enumerate(delims):
        if d.can_open and not d.can_close and not any(c.can_close for c in delims[k + 1:]):
            warnings.append(f"the '{'*' * d.count}' before '{_snippet(text, d.pos + d.count)}' "
                            f"opens {'emphasis' if d.count == 1 else 'bold'} that is never "
                            f"closed; add '{'*' * d.count}' after the words, or write "
                            "\\* for a literal star")
            return


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
