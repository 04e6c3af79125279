"""A font face's metrics as the deck's fitting uses them: advance widths per character and
the single line height. Read from a TrueType/OpenType file or from a metrics file (JSON)
measured from one, so that the fonts a presenter's laptop substitutes need not be installed
where the deck is built, and every machine lays the deck out the same.

    python -m builder.deck.metrics OUT_FOLDER FONT_FILE...

writes ``OUT_FOLDER/<font file stem>.json`` for each font file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

# Carlito's 'head' dates make fontTools log "'created' timestamp seems very low" whenever
# it is read: a remark about the font file, not something an editor can act on.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

# Single line spacing as PowerPoint and LibreOffice apply it: 1.2 x the size, or the
# font's own ascent + descent where that is taller (the font's line gap is not added).
SINGLE = 1.2


@dataclass(frozen=True, slots=True)
class Metrics:
    """Advance widths in font units per character, and the single line height in ems."""

    widths: dict[int, int]
    default: int
    units: int
    line: float

    def width(self, text: str, size: float) -> float:
        w = self.widths
        return sum(w.get(ord(c), self.default) for c in text) * size / self.units


@lru_cache(maxsize=32)
def metrics(path: Path) -> Metrics:
    """The metrics of a font file, or of a metrics file (``.json``) written by ``save``."""
    if path.suffix == ".json":
        return _from_json(json.loads(path.read_text(encoding="utf-8")))
    with TTFont(str(path), lazy=True) as font:
        hmtx = font["hmtx"].metrics
        widths = {cp: hmtx[name][0] for cp, name in font.getBestCmap().items()}
        units = font["head"].unitsPerEm
        os2, hhea = font["OS/2"], font["hhea"]
        asc = max(hhea.ascent, os2.usWinAscent)
        desc = max(-hhea.descent, os2.usWinDescent)
        default = hmtx[".notdef"][0] if ".notdef" in hmtx else units // 2
    return Metrics(widths, default, units, max(SINGLE, (asc + desc) / units))


def to_json(m: Metrics, source: Path) -> dict[str, object]:
    """A metrics file's content: widths as runs of consecutive characters (a run is its
    first code point and its widths), and the font file it was measured from."""
    runs: list[list[object]] = []
    last = -2
    for cp in sorted(m.widths):
        if cp != last + 1:
            runs.append([cp, []])
        widths = runs[-1][1]
        assert isinstance(widths, list)
        widths.append(m.widths[cp])
        last = cp
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    return {"measured_from": source.name, "sha256": digest, "units": m.units,
            "default": m.default, "line": m.line, "widths": runs}


def _from_json(data: dict[str, object]) -> Metrics:
    widths: dict[int, int] = {}
    runs = data["widths"]
    assert isinstance(runs, list)
    for first, ws in runs:
        widths.update((first + i, w) for i, w in enumerate(ws))
    units, default, line = data["units"], data["default"], data["line"]
    assert isinstance(units, int) and isinstance(default, int) and isinstance(line, float)
    return Metrics(widths, default, units, line)


def save(font: Path, folder: Path) -> Path:
    """Measure ``font`` and write its metrics file into ``folder``."""
    out = folder / f"{font.stem}.json"
    text = json.dumps(to_json(metrics(font), font), separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m builder.deck.metrics OUT_FOLDER FONT_FILE...", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    for name in argv[1:]:
        print(save(Path(name), folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
