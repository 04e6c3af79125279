"""Text measured with the real font: how many lines a paragraph wraps to in a box, and
how many paragraphs a box holds. Pure (fontTools reads the TTF; no python-pptx).

PowerPoint never shrinks text on its own, so the plan measures every text frame here
and splits or warns; the emitted frames have autofit turned off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from builder.deck.geometry import (
    BULLET_INDENT_IN,
    INSET_X_IN,
    INSET_Y_IN,
    SPACE_BEFORE,
    WIDTH_SLACK,
    Box,
)
from builder.theme import Fonts


@dataclass(frozen=True, slots=True)
class Metrics:
    """Advance widths in font units per character, and the line height in ems."""

    widths: dict[int, int]
    default: int
    units: int
    line: float

    def width(self, text: str, size: float) -> float:
        w = self.widths
        return sum(w.get(ord(c), self.default) for c in text) * size / self.units


@lru_cache(maxsize=16)
def metrics(path: Path) -> Metrics:
    font = TTFont(str(path), lazy=True)
    hmtx = font["hmtx"].metrics
    widths = {cp: hmtx[name][0] for cp, name in font.getBestCmap().items()}
    units = font["head"].unitsPerEm
    os2 = font["OS/2"]
    hhea = font["hhea"]
    asc = max(hhea.ascent, os2.usWinAscent)
    desc = max(-hhea.descent, os2.usWinDescent)
    default = hmtx[".notdef"][0] if ".notdef" in hmtx else units // 2
    font.close()
    return Metrics(widths, default, units, (asc + desc + hhea.lineGap) / units)


def face_path(fonts: Fonts, bold: bool, italic: bool) -> Path:
    return {(False, False): fonts.regular, (False, True): fonts.italic,
            (True, False): fonts.bold, (True, True): fonts.bold_italic}[(bold, italic)]


def face(fonts: Fonts, bold: bool, italic: bool) -> Metrics:
    return metrics(face_path(fonts, bold, italic))


@lru_cache(maxsize=1 << 16)
def word_width(path: Path, text: str, size: float) -> float:
    """The advance width of a word in points (cached: the plan measures the same words
    at the same sizes many times while it chooses sizes and wordings)."""
    return metrics(path).width(text, size)


@dataclass(frozen=True, slots=True)
class Piece:
    """A word or a space, with its style."""

    text: str
    bold: bool
    italic: bool


def pieces(runs: Sequence[tuple[str, bool, bool]]) -> list[Piece]:
    """Split styled runs into words and single spaces, keeping every character."""
    out: list[Piece] = []
    for text, bold, italic in runs:
        word = ""
        for ch in text:
            if ch in " \t\n":
                if word:
                    out.append(Piece(word, bold, italic))
                    word = ""
                out.append(Piece(" ", bold, italic))
            else:
                word += ch
        if word:
            out.append(Piece(word, bold, italic))
    return out


def wrap(parts: list[Piece], fonts: Fonts, size: float, width_pt: float) -> list[list[Piece]]:
    """Greedy line breaking as PowerPoint does it: break at spaces; a word longer than
    the line is broken by characters. Returns the lines (each a list of pieces)."""
    lines: list[list[Piece]] = [[]]
    used = 0.0
    glued: list[list[Piece]] = []  # words glued across style changes ("*word*," is one word)
    for p in parts:
        if p.text == " " or not glued or glued[-1][-1].text == " ":
            glued.append([p])
        else:
            glued[-1].append(p)
    for word in glued:
        w = sum(word_width(face_path(fonts, p.bold, p.italic), p.text, size) for p in word)
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
                m = face(fonts, p.bold, p.italic)
                for ch in p.text:
                    cw = m.width(ch, size)
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
    return metrics(fonts.regular).line * size


def text_width(box: Box, level: int, bullet: bool) -> float:
    """The usable line width in points for a paragraph at this level."""
    indent = BULLET_INDENT_IN[min(level, len(BULLET_INDENT_IN) - 1)][0] if bullet else 0.0
    return (box.w - 2 * INSET_X_IN - indent) * 72 * WIDTH_SLACK


def text_height(box: Box) -> float:
    return (box.h - 2 * INSET_Y_IN) * 72


def space_before(level: int, size: float, first: bool) -> float:
    return 0.0 if first else SPACE_BEFORE[min(level, 1)] * size
