"""Published table cells -> ``Cell``: the text as printed plus the numbers read from it.

"46 (22%)" -> count 46, percent "22"; "1 (<1%)" -> count 1, percent "<1";
"4 (28.5%)" -> percent "28.5"; "7 (4)**" -> count 7, detail 4; "0" -> count 0;
"n/a", "-", "–" and any other text -> no numbers. Footnote stars are ignored.
"""

from __future__ import annotations

import re

from builder.content.numbers import read_number, read_whole
from builder.model import Cell, SourceRef

_CELL = re.compile(
    r"""^\s*(?P<count>\d{1,3}(?:,\d{3})+|\d+)      # 46, 1,234 (bounded by read_whole)
        \s*(?:\(\s*(?:(?P<pct><\s*1|\d+(?:\.\d+)?)\s*%\s*
                   |(?P<detail>\d+))\s*\))?            # (22%) (<1%) (28.5%) (4)
        \s*\**\s*$""",                                 # trailing footnote stars
    re.VERBOSE,
)


def parse_cell(text: str, at: SourceRef, problems: list[str] | None = None) -> Cell:
    """Read the numbers of a published cell; text that is not a number is kept as is.
    Numbers no briefing can mean (a 400-digit count, a 10^20 % share) are kept as text,
    with a message appended to ``problems``."""
    m = _CELL.match(text)
    if not m:
        return Cell(text=text, at=at)
    count = read_whole(m.group("count"))
    pct = m.group("pct")
    pct_value = read_number(pct) if pct is not None and not pct.startswith("<") else 0.0
    detail = m.group("detail")
    detail_value = read_whole(detail) if detail is not None else 0
    for found in (count, pct_value, detail_value):
        if isinstance(found, str):
            if problems is not None:
                problems.append(f"cell '{text[:40]}': the number {found}")
            return Cell(text=text, at=at)
    return Cell(
        text=text,
        count=count if isinstance(count, int) else None,
        percent=pct.replace(" ", "") if pct is not None else None,
        detail=detail_value if detail is not None and isinstance(detail_value, int) else None,
        at=at,
    )
