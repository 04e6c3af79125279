"""Placeholders: text an editor still has to write, marked ``TODO:`` (``briefing new``
writes them). Every text is read through ``fields.Ctx.text``, which reports each one as a
warning at its own line until it is replaced."""

from __future__ import annotations

MARK = "TODO:"


def placeholder(text: str) -> str | None:
    """The warning for a text still holding ``TODO:``, or None."""
    if MARK not in text:
        return None
    shown = " ".join(text[text.index(MARK):].split())
    shown = shown if len(shown) <= 70 else shown[:67] + "..."
    return f"placeholder '{shown}' is still to be written; replace it with this briefing's own text"
