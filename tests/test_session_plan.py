"""The trainer's session plan, read off the deck's plan: every slide in order, minutes that
add up to the session, running times, the same talking points and pages."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from builder.content import load_briefing
from builder.deck.plan import DeckPlan, plan_deck
from builder.model import Briefing, DeckSettings
from builder.session_plan import clock, plan_session
from builder.theme import load_theme

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def health() -> Briefing:
    b, problems = load_briefing(ROOT / "content/health/briefing.yaml", ROOT)
    assert b is not None, problems
    return b


@pytest.fixture(scope="module")
def deck(health: Briefing) -> DeckPlan:
    return plan_deck(health, load_theme(), {"recognising-and-responding-to-neglect": 13})


def test_every_slide_of_the_deck_once_in_order(health: Briefing, deck: DeckPlan) -> None:
    plan = plan_session(deck, health.meta)
    assert [s.number for s in plan.slides] == list(range(1, len(deck.slides) + 1))
    for listed, slide in zip(plan.slides, deck.slides, strict=True):
        assert (listed.title, listed.kind, listed.points, listed.page, listed.hidden) == (
            slide.title, slide.kind, slide.points, slide.page, slide.hidden)
    assert [s.id for s in plan.sections] == [s.id for s in deck.sections]


def test_minutes_add_up_to_the_session(health: Briefing, deck: DeckPlan) -> None:
    plan = plan_session(deck, health.meta)
    assert plan.minutes == health.deck.minutes == 90
    assert sum(s.minutes for s in plan.slides) == plan.minutes
    assert sum(s.minutes for s in plan.sections) == plan.minutes
    assert all(s.minutes == 0 for s in plan.slides if s.hidden)
    assert all(s.minutes >= 1 for s in plan.slides if not s.hidden)


def test_running_time_counts_the_shown_slides(health: Briefing, deck: DeckPlan) -> None:
    plan = plan_session(deck, health.meta)
    gone = 0
    for s in plan.slides:
        assert s.start == (None if s.hidden else gone)
        gone += s.minutes
    for sec in plan.sections:
        shown = [s for s in sec.slides if not s.hidden]
        assert sec.start == (shown[0].start if shown else None)


def test_a_shorter_session_still_adds_up(health: Briefing) -> None:
    short = replace(health, deck=DeckSettings(minutes=60))
    plan = plan_session(plan_deck(short, load_theme(), {}), short.meta)
    assert sum(s.minutes for s in plan.slides) == 60


def test_clock() -> None:
    assert [clock(m) for m in (0, 5, 59, 60, 90, 125)] == [
        "0:00", "0:05", "0:59", "1:00", "1:30", "2:05"]


def test_a_slide_with_more_points_than_a_page_holds_continues_on_the_next_page(
        health: Briefing, deck: DeckPlan, tmp_path: Path) -> None:
    """A briefing with very many topics gives its "This session covers" slide a row taller
    than an A4 page (it crashed the build); the row now runs on over the pages."""
    from pypdf import PdfReader

    from builder.pdf.session_plan import render_session_plan

    first = deck.slides[3]
    many = tuple(f"Topic number {n}" for n in range(200))
    big = replace(deck, slides=(*deck.slides[:3], replace(first, points=many),
                                *deck.slides[4:]))
    out = tmp_path / "plan.pdf"
    result = render_session_plan(big, health, load_theme(), out)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert result.pages > 7
    assert [int(n) for n in re.findall(r"Topic number (\d+)", text)] == list(range(200))
