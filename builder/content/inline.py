"""The inline syntax of docs/content-format.md -> model spans.

``*em*``, ``**strong**``, ``***both***``, ``[text](url)``, ``{see:ID}``, ``{fn:ID}`` and
backslash escapes. A run of ``*`` opens only when followed by a non-space and closes only
when preceded by one, so ``Father*`` and ``* The category`` stay literal; unmatched
markers are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.limits import URL
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
from builder.values import normalise_url, url_problem

_REF = re.compile(r"\{(see|fn):([A-Za-z0-9][A-Za-z0-9_.-]*)\}")
_ESCAPABLE = "*[]{}()\\_"
MAX_NESTING = 10  # *emphasis* inside **strong** inside a link is 3
MAX_URL = URL.value  # characters; a longer "(...)" after "[label]" is not read as a link
_PLAIN = re.compile(r"[^\\{\[*]+")  # a run of characters with no meaning of their own
_ODD_REF = re.compile(r"\{\s*([A-Za-z]+)\s*:([^{}\n]*)\}")  # {kind:...} not read as a reference


@dataclass
class _Delim:
    count: int
    can_open: bool
    can_close: bool
    pos: int = 0


_Item = Inline | _Delim


def _brackets(text: str) -> dict[int, int]:
    """The index of each ``[`` -> the index of the ``]`` that closes it (backslash escapes
    skipped), found in one pass: scanning ahead from every ``[`` would take time growing
    with the square of the text's length."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            opened.append(i)
        elif ch == "]" and opened:
            pairs[opened.pop()] = i
        i += 1
    return pairs


def _link_end(text: str, start: int, pairs: dict[int, int]) -> tuple[int, int, int] | None:
    """For ``[`` at ``start``: (end of label, start of url, end of link) or None."""
    close = pairs.get(start)
    if close is None or not text.startswith("(", close + 1):
        return None
    end = text.find(")", close + 2, close + 2 + MAX_URL)
    url = text[close + 2: end]
    if end > 0 and url.strip() and " " not in url.strip():
        return close, close + 2, end + 1
    return None


def _opens_link(text: str, start: int, pairs: dict[int, int]) -> bool:
    """Whether ``[`` at ``start`` begins what looks like a link: ``[words](``."""
    close = pairs.get(start)
    return (close is not None and close - start < MAX_URL and text.startswith("(", close + 1)
            and "\n" not in text[start:close])


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
                 warnings: list[str] | None = None, links: bool = True) -> Inlines:
    """Parse ``text``; messages about bad links are appended to ``problems``, markup that
    looks unfinished (unclosed emphasis or link, unknown ``{kind:...}``) to ``warnings``.
    A link's label holds no link (``links`` is False there), so nesting cannot go deep."""
    items: list[_Item] = []
    buf: list[str] = []
    pairs: dict[int, int] | None = None

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
        if ch == "[" and links:
            pairs = _brackets(text) if pairs is None else pairs
            found = _link_end(text, i, pairs)
            if found:
                label_end, url_start, end = found
                url = normalise_url(text[url_start: end - 1])
                why = url_problem(url)
                if why and problems is not None:
                    problems.append(why)
                flush()
                items.append(Link(children=parse_inline(text[i + 1: label_end], at, problems,
                                                        warnings, links=False), url=url, at=at))
                i = end
                continue
            if warnings is not None and _opens_link(text, i, pairs):
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
    spans = _merge(_emphasis(items, at), at)
    if _depth(spans) > MAX_NESTING:
        if problems is not None:
            problems.append(f"emphasis and links nest more than {MAX_NESTING} levels deep; "
                            "remove some of the '*'")
        return (Text(text=text, at=at),)
    return spans


def _depth(spans: Inlines) -> int:
    """How deep emphasis, strong and links nest in ``spans`` (found without recursion)."""
    deepest = 0
    pending = [(spans, 1)]
    while pending:
        group, level = pending.pop()
        for span in group:
            if isinstance(span, Emphasis | Strong | Link):
                deepest = max(deepest, level)
                pending.append((span.children, level + 1))
    return deepest


def _unclosed(items: list[_Item], text: str, warnings: list[str]) -> None:
    """Warn about a ``*`` that opens emphasis (a word follows it, none precedes it) and has
    no closer after it. ``Father*`` and ``* The category`` stay literal without a word."""
    delims = [it for it in items if isinstance(it, _Delim)]
    closer_after = [False] * len(delims)  # found backwards, once: not per delimiter
    for k in range(len(delims) - 2, -1, -1):
        closer_after[k] = closer_after[k + 1] or delims[k + 1].can_close
    for k, d in enumerate(delims):
        if d.can_open and not d.can_close and not closer_after[k]:
            warnings.append(f"the '{'*' * d.count}' before '{_snippet(text, d.pos + d.count)}' "
                            f"opens {'emphasis' if d.count == 1 else 'bold'} that is never "
                            f"closed; add '{'*' * d.count}' after the words, or write "
                            "\\* for a literal star")
            return


def _emphasis(items: list[_Item], at: SourceRef) -> list[_Item]:
    """Match ``*`` runs: each closer with the nearest opener before it. No opener is left
    below ``bottom`` once a search has failed there, so no search covers it again."""
    i = 0
    bottom = 0
    while i < len(items):
        closer = items[i]
        if not (isinstance(closer, _Delim) and closer.can_close and closer.count):
            i += 1
            continue
        j = i - 1
        while j >= bottom and not (isinstance(items[j], _Delim) and items[j].can_open  # type: ignore[union-attr]
                                   and items[j].count):  # type: ignore[union-attr]
            j -= 1
        if j < bottom:
            bottom = i
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
