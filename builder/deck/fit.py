"""Text measured with the real fonts: how many lines a paragraph wraps to in a box, and
how many paragraphs a box holds. Pure (fontTools reads the TTFs; no python-pptx).

PowerPoint never shrinks text on its own, so the plan measures every text frame here
and splits or warns; the emitted frames have autofit turned off. A word is as wide as
it is in the widest of the brand font and its substitutes (``Fonts.substitutes``), and a
line as tall as single spacing makes it in the tallest: text measured so fits whichever
of them a presenter's laptop shows (greedy wrapping with wider words never needs fewer
lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from builder.deck.geometry import (
    BULLET_INDENT_IN,
    INSET_X_IN,
    INSET_Y_IN,
    SPACE_BEFORE,
    WIDTH_SLACK,
    Box,
)
from builder.deck.metrics import metrics
from builder.theme import Faces, Fonts

BREAK = "\v"  # a line break inside a paragraph (``a:br``), as python-pptx reads one


def face_paths(fonts: Fonts | Faces, bold: bool, italic: bool) -> tuple[Path, ...]:
    """The face for this style in the brand font, then in each substitute."""
    key = (bold, italic)
    own = {(False, False): fonts.regular, (False, True): fonts.italic,
           (True, False): fonts.bold, (True, True): fonts.bold_italic}[key]
    subs = fonts.substitutes if isinstance(fonts, Fonts) else ()
    return (own, *(p for s in subs for p in face_paths(s, bold, italic)))


@lru_cache(maxsize=1 << 16)
def word_width(paths: tuple[Path, ...], text: str, size: float) -> float:
    """The advance width of a word in points in the widest of the faces (cached: the
    plan measures the same words at the same sizes many times while it chooses sizes
    and wordings)."""
    return max(metrics(p).width(text, size) for p in paths)


@dataclass(frozen=True, slots=True)
class Piece:
    """A word or a space, with its style."""

    text: str
    bold: bool
    italic: bool


def pieces(runs: Sequence[tuple[str, bool, bool]]) -> list[Piece]:
    """Split styled runs into words, single spaces and line breaks, keeping every
    character."""
    out: list[Piece] = []
    for text, bold, italic in runs:
        word = ""
        for ch in text:
            if ch in " \t\n" + BREAK:
                if word:
                    out.append(Piece(word, bold, italic))
                    word = ""
                out.append(Piece(BREAK if ch == BREAK else " ", bold, italic))
            else:
                word += ch
        if word:
            out.append(Piece(word, bold, italic))
    return out


def wrap(parts: list[Piece], fonts: Fonts, size: float, width_pt: float) -> list[list[Piece]]:
    """Greedy line breaking as PowerPoint does it: break at spaces and line breaks; a
    word longer than the line is broken by characters. Returns the lines (each a list of
    pieces)."""
    lines: list[list[Piece]] = [[]]
    used = 0.0
    glued: list[list[Piece]] = []  # words glued across style changes ("*word*," is one word)
    for p in parts:
        if p.text in (" ", BREAK) or not glued or glued[-1][-1].text in (" ", BREAK):
            glued.append([p])
        else:
            glued[-1].append(p)
    for word in glued:
        w = sum(word_width(face_paths(fonts, p.bold, p.italic), p.text, size) for p in word)
        if word[0].text == BREAK:
            lines.append([])
            used = 0.0
            continue
        is_space = word[0].text == " "
        if is_space:
            lines[-1].extend(word)
            used += w
            continue
        if used + w > width_pt and any(q.text != " " for q in lines[-1]):
            lines.append([])
            used = 0.0
        if w > width_pt:  # a single word wider than the line: break it by characters
            for p in word:
                paths = face_paths(fonts, p.bold, p.italic)
                for ch in p.text:
                    cw = word_width(paths, ch, size)
                    if used + cw > width_pt and lines[-1]:
                        lines.append([])
                        used = 0.0
                    lines[-1].append(Piece(ch, p.bold, p.italic))
                    used += cw
            continue
        lines[-1].extend(word)
        used += w
    return lines


def line_height(fonts: Fonts, size: float) -> float:
    """A single-spaced line in points, in the tallest of the faces."""
    return max(metrics(p).line for p in face_paths(fonts, False, False)) * size


def text_width(box: Box, level: int, bullet: bool) -> float:
    """The usable line width in points for a paragraph at this level."""
    indent = BULLET_INDENT_IN[min(level, len(BULLET_INDENT_IN) - 1)][0] if bullet else 0.0
    return (box.w - 2 * INSET_X_IN - indent) * 72 * WIDTH_SLACK


def text_height(box: Box) -> float:
    return (box.h - 2 * INSET_Y_IN) * 72


def space_before(level: int, size: float, first: bool) -> float:
    return 0.0 if first else SPACE_BEFORE[min(level, 1)] * size
