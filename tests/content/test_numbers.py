"""The one number reader: what people write is accepted, YAML's surprises and numbers no
briefing can mean are refused with what was found."""

from __future__ import annotations

import pytest

from builder.content.cells import parse_cell
from builder.content.numbers import read_number, read_whole
from builder.model import NOWHERE


@pytest.mark.parametrize("text, value", [
    ("12", 12.0), ("-3", -3.0), ("+4", 4.0), (".5", 0.5), ("-.25", -0.25), ("2.5e6", 2.5e6),
    ("1E3", 1000.0), ("2.5e+6", 2.5e6), ("7e-3", 0.007), ("1,234", 1234.0),
    ("12,345,678.9", 12345678.9), ("0", 0.0), ("0.0", 0.0), ("1e15", 1e15), (" 42 ", 42.0),
])
def test_what_people_write_is_read(text: str, value: float) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize("text, found", [
    ("1:30", "base-60 (time) number, 90"),
    ("-2:05:00", "base-60 (time) number, -7500"),
    ("0x1F", "hexadecimal number, 31"),
    ("0o17", "octal number, 15"),
    ("0b101", "binary number, 5"),
    ("017", "octal number 15"),
    ("09.5", "leading zero"),
    ("1_000", "without '_' (1000)"),
    ("12,5", "decimal point (12.5)"),
    (".nan", "not a number (NaN)"),
    ("-.Inf", "infinite"),
    ("1e999", "larger than a briefing figure can be"),
    ("-1.7e308", "larger than a briefing figure can be"),
    ("1" + "0" * 15 + "1", "larger than a briefing figure can be"),
    ("1e-300", "too small to show"),
    ("9" * 400, "400 characters long"),
    ("1." + "0" * 60 + "1", "characters long"),
])
def test_surprises_and_absurd_values_are_refused_saying_what_was_found(text: str,
                                                                      found: str) -> None:
    reason = read_number(text)
    assert isinstance(reason, str) and found in reason, reason


@pytest.mark.parametrize("text", ["abc", "twelve", "12 cases", "n/a", ""])
def test_text_is_not_number_like(text: str) -> None:
    assert read_number(text) == ""


@pytest.mark.parametrize("text, minimum, result", [
    ("10", 1, 10), ("1,500", 1, 1500), ("0", 0, 0),
    ("0", 1, "is 0; it must be 1 or more"), ("-10", 1, "is -10; it must be 1 or more"),
    ("2.5", 0, "is 2.5, not a whole number; write a count such as 12"),
])
def test_whole_numbers_and_their_minimum(text: str, minimum: int, result: int | str) -> None:
    assert read_whole(text, minimum) == result


def test_cells_use_the_same_reader() -> None:
    assert parse_cell("1,234 (22.5%)", NOWHERE).count == 1234
    problems: list[str] = []
    cell = parse_cell("9" * 400 + " (5%)", NOWHERE, problems)
    assert cell.count is None and cell.text.startswith("999")
    assert problems and "400 characters long" in problems[0]
    problems.clear()
    assert parse_cell("3 (" + "9" * 40 + "%)", NOWHERE, problems).percent is None
    assert problems and "characters long" in problems[0]
