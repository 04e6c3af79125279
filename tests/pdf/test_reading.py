"""Text read out of the structure tree, as a screen reader or a reflow does, is the
content's text word for word: a space wherever a line wraps and after every label, the
bullets and footnote numbers kept apart from the words they stand before.

The reader is poppler's ``pdfinfo -struct-text`` (a real client), which prints each
structure element with the text of its marked content, in structure order.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from builder.model import (
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inlines,
    Link,
    Strong,
    Text,
)
from tests.conftest import need_tool
from tests.pdf.conftest import Built
from tests.texts import blocks, inlines

BODY_ROLES = ("P", "LBody")


@dataclass
class Node:
    role: str
    kids: list[Node | str] = field(default_factory=list)

    def text(self, skip: tuple[str, ...] = ("Note", "Lbl", "L")) -> str:
        """The element's text in structure order, without the subtrees named in ``skip``."""
        return "".join(k if isinstance(k, str) else k.text(skip) for k in self.kids
                       if isinstance(k, str) or k.role not in skip)

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()


def structure(built: Built) -> Node:
    """The structure tree as poppler reads it."""
    need_tool("pdfinfo")
    out = subprocess.run(["pdfinfo", "-struct-text", str(built.path)], capture_output=True,
                         text=True, check=True)
    assert out.stderr == "", out.stderr
    root = Node("(root)")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in out.stdout.splitlines():
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack[-1][0] >= depth:
            stack.pop()
        if body.startswith('"'):
            stack[-1][1].kids.append(body[1:-1])
        elif not body.startswith("Object "):
            node = Node(body.split(" ")[0])
            stack[-1][1].kids.append(node)
            stack.append((depth, node))
    return root


def words(text: str) -> str:
    return " ".join(text.split())


def expected(runs: Inlines, built: Built) -> str:
    """The text a reader should hear for inline runs: markers as the PDF prints them."""
    numbers = dict(built.result.seed.footnotes)
    out: list[str] = []
    for span in runs:
        match span:
            case Text(text=t):
                out.append(t)
            case Emphasis(children=c) | Strong(children=c) | Link(children=c):
                out.append(expected(c, built))
            case CrossRef(target=t):
                out.append(f"see page {built.result.page_of[t]}")
            case FootnoteRef(target=t):
                out.append(str(numbers[t]))
    return "".join(out)


def test_every_paragraph_reads_word_for_word_in_structure_order(built_health: Built) -> None:
    """Each paragraph, list item, quote and note of the content is, in order, the text of a
    P or LBody element (its Notes, label and sub-list aside), word for word."""
    body = [n for n in structure(built_health).walk() if n.role in BODY_ROLES]
    texts = [words(n.text()) for n in body]
    at = 0
    checked = 0
    for block in blocks(built_health.briefing):
        for runs in inlines(block):
            want = words(expected(runs, built_health))
            found = texts.index(want, at) if want in texts[at:] else -1
            assert found >= 0, f"not found in structure order: {want!r}\nnext: {texts[at:at + 3]}"
            at = found + 1
            checked += 1
    assert checked > 150


def test_labels_and_notes_read_apart_from_their_words(built_health: Built) -> None:
    """Bullets and footnote numbers are labels (Lbl) ending in a space; each footnote is a
    Note whose text after its label is the footnote's content."""
    root = structure(built_health)
    labels = [n.text(()) for n in root.walk() if n.role == "Lbl"]
    assert labels and all(re.fullmatch(r"(\u203a|\d+) ", t) for t in labels), set(labels)
    notes = [n for n in root.walk() if n.role == "Note"]
    numbers = dict(built_health.result.seed.footnotes)
    for fn in built_health.briefing.footnotes:
        note = notes[numbers[fn.id] - 1]
        assert words(note.text(())) == words(f"{numbers[fn.id]} {expected(fn.content, built_health)}")


def test_no_words_run_together_at_line_ends(built_health: Built) -> None:
    """Every soft line break is a word boundary: the structure text has every word of the
    content, none glued to the next (the fault was "casereviews", "keydata")."""
    root = structure(built_health)
    spoken = set(words(" ".join(n.text(()) for n in root.walk() if n.role in BODY_ROLES)).split())
    glued = [w for w in spoken if re.fullmatch(r"[a-z]{3,}[a-z]{3,}", w) and w in GLUED]
    assert glued == []


GLUED = {"casereviews", "keydata", "thehealth"}


@pytest.mark.parametrize("role", ["TOCI"])
def test_contents_entries_read_as_title_and_page(built_health: Built, role: str) -> None:
    """A contents entry reads "title page" (the leaders are artifacts, not text)."""
    entries = [words(n.text(())) for n in structure(built_health).walk() if n.role == role]
    assert entries[1] == f"About this briefing {built_health.result.page_of['about-this-briefing']}"
    assert all(re.fullmatch(r"[^.]+ \d+", e) for e in entries), entries


def test_a_long_word_split_over_lines_reads_whole(built_health: Built) -> None:
    """Addresses too long for a line are split to fit, but read as one word."""
    spoken = words(" ".join(n.text(()) for n in structure(built_health).walk()
                            if n.role == "Link"))
    urls = [r.url for r in built_health.briefing.references if len(r.url) > 60]
    assert urls and all(url in spoken for url in urls), urls
