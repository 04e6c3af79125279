"""The participant handout as a participant gets it: 2-4 A4 pages, every learning point it
lists in the content's words, tagged like the briefing, small, and reproducible."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import KeepTogether

from builder.gate import check_pdf
from builder.handout import plan_handout
from builder.model import TRAINING_MARK, HandoutSettings, plain_text
from builder.pdf.context import RenderContext
from builder.pdf.handout import LABEL, HandoutResult, WritingSpace, _questions, render_handout
from builder.pdf.styles import make_styles
from builder.pdf.text import InlineContext
from builder.theme import Theme
from tests.conftest import need_tool
from tests.pdf.conftest import Built, norm


@dataclass(frozen=True)
class Handout:
    result: HandoutResult
    path: Path


def _render(built: Built, theme: Theme, path: Path) -> Handout:
    return Handout(render_handout(built.briefing, theme, built.charts, built.result.page_of,
                                  path), path)


@pytest.fixture(scope="module")
def handout(built_health: Built, theme: Theme,
            tmp_path_factory: pytest.TempPathFactory) -> Handout:
    return _render(built_health, theme, tmp_path_factory.mktemp("handout") / "handout.pdf")


def _body(path: Path) -> str:
    """The text of every page (poppler) without the footer, joined: points split over
    pages join up."""
    need_tool("pdftotext")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [re.sub(rf"{LABEL} \u00b7 .*\n|^\d+\n", "", p, flags=re.M)
             for p in text.split("\f")]
    return norm("".join(pages)).replace("(continued)", "")


def test_health_handout_is_two_to_four_pages(handout: Handout) -> None:
    assert 2 <= handout.result.pages <= 4
    assert len(PdfReader(handout.path).pages) == handout.result.pages
    assert handout.result.problems == ()


def test_every_listed_learning_point_is_printed_verbatim(handout: Handout) -> None:
    plan = handout.result.plan
    assert plan is not None
    with_points = [t for t in plan.topics if t.points or t.more]
    assert len(with_points) >= 8 and all(t.points for t in with_points)  # one each at least
    body = _body(handout.path)
    for point in plan.points:
        assert norm(plain_text(point.text)) in body, plain_text(point.text)[:60]
    for topic in plan.topics:
        if topic.points:
            assert norm(topic.title) in body


def test_handout_names_its_charts_pages_and_the_briefing(handout: Handout,
                                                         built_health: Built) -> None:
    plan = handout.result.plan
    assert plan is not None and plan.charts
    body = _body(handout.path)
    for chart in plan.charts:
        assert norm(f"From the briefing: Figure {chart.figure}, page {chart.page}.") in body
    meta = built_health.briefing.meta
    assert norm("Read the full briefing") in body and norm(meta.publisher.website) in body
    for ref in plan.references:
        assert norm(plain_text(ref.text))[:40] in body


def test_questions_are_printed_marked_with_space_to_write(handout: Handout) -> None:
    plan = handout.result.plan
    assert plan is not None
    body = _body(handout.path)
    asked = [t for t in plan.topics if t.questions]
    assert asked
    for topic in asked:
        for q in topic.questions:
            assert norm(plain_text(q)) in body
    assert body.count(norm(TRAINING_MARK)) == len(asked)


def test_each_question_keeps_its_writing_space(built_health: Built, theme: Theme) -> None:
    plan = plan_handout(built_health.briefing, {})
    topic = next(t for t in plan.topics if len(t.questions) >= 2)
    ctx = RenderContext(theme, make_styles(theme), InlineContext("#000000", frozenset(), {},
                                                                 frozenset()), {})
    blocks = [f for f in _questions(topic, ctx) if isinstance(f, KeepTogether)]
    assert len(blocks) == len(topic.questions)
    for block in blocks:
        space = block._content[-1]
        assert isinstance(space, WritingSpace) and space.lines >= 3


def test_handout_passes_the_gate_and_is_small(handout: Handout) -> None:
    assert check_pdf(handout.path) == []
    assert handout.path.stat().st_size < 300_000  # to email to every participant


def test_handout_is_tagged_with_chart_alt_text(handout: Handout, built_health: Built) -> None:
    reader = PdfReader(handout.path, strict=True)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en-GB"
    roles: list[str] = []
    alts: list[str] = []

    def walk(ref: object) -> None:
        elem = ref.get_object()  # type: ignore[attr-defined]
        roles.append(elem["/S"])
        if "/Alt" in elem:
            alts.append(str(elem["/Alt"]))
        kids = elem.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            obj = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(obj, dict) and "/S" in obj:
                walk(kid)

    walk(root["/StructTreeRoot"]["/K"])
    assert roles.count("/H1") == 1 and "/H2" in roles and "/L" in roles
    plan = handout.result.plan
    assert plan is not None
    assert alts == [c.alt for c in plan.charts]


def test_handout_is_reproducible(handout: Handout, built_health: Built, theme: Theme,
                                 tmp_path: Path) -> None:
    again = _render(built_health, theme, tmp_path / "again.pdf")
    assert again.path.read_bytes() == handout.path.read_bytes()


def test_editor_makes_a_two_page_handout_of_chosen_sections(
        built_health: Built, theme: Theme, tmp_path: Path) -> None:
    chosen = ("recognising-and-responding-to-neglect", "building-relationships")
    b = replace(built_health.briefing, handout=HandoutSettings(
        sections=chosen, charts=("figure-1-chart",), pages=2))
    short = render_handout(b, theme, built_health.charts, built_health.result.page_of,
                           tmp_path / "short.pdf")
    assert short.pages <= 2 and short.problems == ()
    assert short.plan is not None and tuple(t.id for t in short.plan.topics) == chosen
    assert len(short.plan.charts) == 1


def test_a_handout_too_long_for_its_pages_is_told(built_health: Built, theme: Theme,
                                                  tmp_path: Path) -> None:
    b = replace(built_health.briefing, handout=HandoutSettings(pages=2))
    result = render_handout(b, theme, built_health.charts, built_health.result.page_of,
                            tmp_path / "long.pdf")
    assert result.pages > 2
    assert [p.message for p in result.problems] == [
        f"the handout takes {result.pages} pages even with one learning point per topic; "
        "list fewer sections under handout: sections"]
