"""The one reader of numbers as written, for dataset values, table cells and counts.

It reads the text an editor typed, never YAML's value for it, so YAML 1.1's surprises
cannot slip in: ``1:30`` (base 60: 90), ``0x1F`` (31), ``017`` (octal: 15) and ``1_000``
are refused with what YAML would have made of them. It accepts what people write:
signs, ``.5``, exponents (``2.5e6``) and thousands grouped by commas (``1,234``).
Values must be finite and of a size a briefing can mean (``MAX_MAGNITUDE``).
"""

from __future__ import annotations

import re

MAX_CHARS = 32  # a 400-digit "number" is refused before anything converts it
MAX_MAGNITUDE = 1e15  # floats still count exactly; sums of many values stay finite
MIN_MAGNITUDE = 1e-9  # smaller non-zero values cannot be drawn or read on any axis

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_LEADING_ZERO = re.compile(r"[+-]?0\d")
_BASE60 = re.compile(r"[+-]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?")
_PREFIXED = re.compile(r"[+-]?0([xob])[0-9a-fA-F_]+")
_NOT_FINITE = re.compile(r"[+-]?\.?(?:inf|infinity|nan)", re.IGNORECASE)
_BASES = {"x": "a hexadecimal", "o": "an octal", "b": "a binary"}


def read_number(text: str) -> float | str:
    """The value of ``text``, or why it is not a usable number (what was found; what to
    write instead), phrased to follow a value's name. The reason is empty for text that
    does not look like a number at all (the caller says what it expected)."""
    raw = text.strip()
    if len(raw) > MAX_CHARS:
        return (f"is {len(raw)} characters long ('{raw[:12]}...'); a number has at most "
                f"{MAX_CHARS}: check the value")
    if _DECIMAL.fullmatch(raw) or _GROUPED.fullmatch(raw):
        return _bounded(raw)
    return _surprise(raw)


def read_whole(text: str, minimum: int = 0, meaning: str = "") -> int | str:
    """A whole number of at least ``minimum`` (counts, ``n``, table numbers), or why not;
    ``meaning`` (what the number counts) explains the minimum."""
    value = read_number(text)
    if isinstance(value, str):
        return value
    if value != int(value):
        return f"is {text.strip()}, not a whole number; write a count such as 12"
    if value < minimum:
        because = f" ({meaning})" if meaning else ""
        return f"is {text.strip()}; it must be {minimum} or more{because}"
    return int(value)


def _bounded(raw: str) -> float | str:
    if _LEADING_ZERO.match(raw):
        digits = raw.lstrip("+-").split(".")[0].replace(",", "")
        octal = f" (YAML reads {digits} as the octal number {int(digits, 8)})" if (
            "." not in raw and set(digits) <= set("01234567")) else ""
        return (f"is '{raw}', a number with a leading zero{octal}; write it without the "
                "leading zero")
    value = float(raw.replace(",", ""))
    if not abs(value) <= MAX_MAGNITUDE:  # also catches 1e999 (infinite)
        return (f"is {raw}, larger than a briefing figure can be (the limit is 10^15); "
                "check the number")
    if value and abs(value) < MIN_MAGNITUDE:
        return (f"is {raw}, too small to show (the limit is 10^-9); check the number, "
                "or change the unit")
    return value


def _surprise(raw: str) -> str:
    """Why ``raw`` (not a decimal number) is refused, naming what YAML would make of it."""
    if _NOT_FINITE.fullmatch(raw):
        kind = "not a number (NaN)" if "nan" in raw.lower() else "infinite"
        return (f"is {raw}, which is {kind}; write a number, or null where the source "
                "has none")
    if _BASE60.fullmatch(raw):
        return (f"is '{raw}', which YAML reads as a base-60 (time) number, "
                f"{_base60(raw):g}; write the value as a decimal number")
    prefixed = _PREFIXED.fullmatch(raw)
    if prefixed:
        name = _BASES[prefixed.group(1).lower()]
        try:
            shown = f", {int(raw.replace('_', ''), 0)}"
        except ValueError:
            shown = ""
        return f"is '{raw}', {name} number{shown}; write it as a decimal number"
    if "_" in raw and _DECIMAL.fullmatch(raw.replace("_", "")):
        return f"is '{raw}'; write it without '_' ({raw.replace('_', '')})"
    if "," in raw and _DECIMAL.fullmatch(raw.replace(",", ".", 1)):
        return (f"is '{raw}'; write a decimal point ({raw.replace(',', '.', 1)}) or group "
                "thousands in threes (1,234)")
    return ""


def _base60(raw: str) -> float:
    sign = -1 if raw.startswith("-") else 1
    value = 0.0
    for part in raw.lstrip("+-").replace("_", "").split(":"):
        value = value * 60 + float(part)
    return sign * value
