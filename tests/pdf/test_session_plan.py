"""The trainer's session plan PDF: every slide listed with its time, tagged tables, the
same gate as the briefing, reproducible."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.deck.plan import DeckPlan, plan_deck
from builder.gate import check_pdf
from builder.pdf.session_plan import SessionPlanResult, render_session_plan
from builder.session_plan import clock
from builder.theme import Theme
from tests.conftest import need_tool
from tests.pdf.conftest import Built, norm


@pytest.fixture(scope="module")
def deck(built_health: Built, theme: Theme) -> DeckPlan:
    return plan_deck(built_health.briefing, theme, built_health.result.page_of)


@pytest.fixture(scope="module")
def made(built_health: Built, theme: Theme, deck: DeckPlan,
         tmp_path_factory: pytest.TempPathFactory) -> tuple[SessionPlanResult, Path]:
    path = tmp_path_factory.mktemp("plan") / "session-plan.pdf"
    return render_session_plan(deck, built_health.briefing, theme, path), path


def _text(path: Path) -> str:
    need_tool("pdftotext")
    return norm(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                               check=True).stdout)


def test_every_slide_is_listed_with_its_time(made: tuple[SessionPlanResult, Path],
                                             deck: DeckPlan) -> None:
    result, path = made
    text = _text(path)
    for n, slide in enumerate(deck.slides, start=1):
        assert norm(f"{n}. {slide.title}") in text, slide.title
    shown = [s for s in result.plan.slides if s.start is not None]
    assert all(norm(clock(s.start or 0)) in text for s in shown)
    end = clock(result.plan.minutes)
    assert re.search(re.escape(norm(f"\u2013{end},")), text)  # the last section ends on time


def test_slides_have_their_briefing_pages(made: tuple[SessionPlanResult, Path]) -> None:
    plan = made[0].plan
    paged = [s for s in plan.slides if s.page]
    assert len(paged) >= 20  # content slides cite where their text is printed


def test_session_plan_passes_the_gate(made: tuple[SessionPlanResult, Path]) -> None:
    result, path = made
    assert check_pdf(path) == [] and result.problems == ()
    assert len(PdfReader(path).pages) == result.pages


def test_each_slide_is_a_table_row(made: tuple[SessionPlanResult, Path]) -> None:
    result, path = made
    data = path.read_bytes()
    tables = data.count(b"/S /Table")
    assert data.count(b"/S /TR") == len(result.plan.slides) + tables  # and a header each


def test_session_plan_is_reproducible(made: tuple[SessionPlanResult, Path], deck: DeckPlan,
                                      built_health: Built, theme: Theme, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    render_session_plan(deck, built_health.briefing, theme, again)
    assert again.read_bytes() == made[1].read_bytes()
