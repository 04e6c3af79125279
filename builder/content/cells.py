"""Published table cells -> ``Cell``: the text as printed plus the numbers read from it.

"46 (22%)" -> count 46, percent "22"; "1 (<1%)" -> count 1, percent "<1";
"4 (28.5%)" -> percent "28.5"; "7 (4)**" -> count 7, detail 4; "0" -> count 0;
"n/a", "-", "–" and any other text -> no numbers. Footnote stars are ignored.
"""

from __future__ import annotations

import re

from builder.model import Cell, SourceRef

_CELL = re.compile(
    r"""^\s*(?P<count>\d{1,3}(?:,\d{3})+|\d+)      # 46, 1,234
        \s*(?:\(\s*(?:(?P<pct><\s*1|\d+(?:\.\d+)?)\s*%\s*
                   |(?P<detail>\d+))\s*\))?            # (22%) (<1%) (28.5%) (4)
        \s*\**\s*$""",                                 # trailing footnote stars
    re.VERBOSE,
)


def parse_cell(text: str, at: SourceRef) -> Cell:
    """Read the numbers of a published cell; text that is not a number is kept as is."""
    m = _CELL.match(text)
    if not m:
        return Cell(text=text, at=at)
    pct = m.group("pct")
    detail = m.group("detail")
    return Cell(
        text=text,
        count=int(m.group("count").replace(",", "")),
        percent=pct.replace(" ", "") if pct is not None else None,
        detail=int(detail) if detail is not None else None,
        at=at,
    )
