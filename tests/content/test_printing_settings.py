"""The print and handout settings of briefing.yaml: read, defaulted, and each mistake
told at its line."""

from __future__ import annotations

from builder.model import HandoutSettings
from tests.content.conftest import BRIEFING, Load

B = "content/demo/briefing.yaml"
LAST = BRIEFING.count("\n") + 1  # the line of a key appended to the briefing


def test_defaults_when_absent(load: Load) -> None:
    model, problems = load()
    assert problems == [] and model is not None
    assert model.printing == "screen"
    assert model.handout == HandoutSettings()


def test_print_press_and_handout_are_read(load: Load) -> None:
    model, problems = load(briefing=BRIEFING + "print: press\nhandout:\n  sections: [intro]\n"
                           "  charts: [c1]\n  pages: 2\n")
    assert problems == [] and model is not None
    assert model.printing == "press"
    assert (model.handout.sections, model.handout.charts, model.handout.pages) == (
        ("intro",), ("c1",), 2)


def test_print_must_be_screen_or_press(load: Load) -> None:
    _, problems = load(briefing=BRIEFING + "print: pres\n")
    assert problems == [f"{B}:{LAST}: 'print' cannot be 'pres'; did you mean 'press'?"]


def test_handout_pages_from_two_to_four(load: Load) -> None:
    _, problems = load(briefing=BRIEFING + "handout:\n  pages: 6\n")
    assert problems == [f"{B}:{LAST + 1}: a handout of 6 pages cannot be made; give 2 to 4 "
                        "pages"]


def test_handout_names_sections_and_charts_that_exist(load: Load) -> None:
    _, problems = load(briefing=BRIEFING + "handout:\n  sections: [intro, intr]\n"
                       "  charts: [c2]\n")
    assert problems == [
        f"{B}:{LAST + 1}: handout chart 'c2' does not exist; use the id of a chart",
        f"{B}:{LAST + 1}: handout section 'intr' does not exist; did you mean 'intro'?"]
