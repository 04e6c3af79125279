"""Fixtures: the sample plan and deck, built once per test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.deck.emit import write_deck
from builder.deck.plan import DeckPlan, plan_deck
from builder.theme import Theme, load_theme
from tests.deck.sample import BRIEFING, PAGES


@pytest.fixture(scope="session")
def theme() -> Theme:
    return load_theme()


@pytest.fixture(scope="session")
def plan(theme: Theme) -> DeckPlan:
    return plan_deck(BRIEFING, theme, PAGES)


@pytest.fixture(scope="session")
def deck_path(plan: DeckPlan, theme: Theme, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "sample.pptx"
    write_deck(plan, BRIEFING, theme, out)
    return out
