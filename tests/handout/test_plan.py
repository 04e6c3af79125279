"""The handout's plan, without rendering: what goes in, in which order, and learning
points shortened only by whole sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from builder.content import load_briefing
from builder.handout import CUTS, Cut, plan_handout
from builder.model import (
    Briefing,
    FootnoteRef,
    HandoutSettings,
    LearningPoints,
    ListItem,
    Paragraph,
    Section,
    SlideOverride,
    Text,
    plain_text,
    walk_sections,
)
from builder.sentences import sentence_ends
from builder.walk import all_blocks, all_sections, figures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def health() -> Briefing:
    b, problems = load_briefing(ROOT / "content/health/briefing.yaml", ROOT)
    assert b is not None, problems
    return b


def _originals(b: Briefing) -> dict[object, str]:
    return {i.at: plain_text(i.content) for x in all_blocks(b) if isinstance(x, LearningPoints)
            for i in x.items}


@pytest.mark.parametrize("cut", CUTS)
def test_points_are_the_contents_own_whole_sentences(health: Briefing, cut: Cut) -> None:
    originals = _originals(health)
    plan = plan_handout(health, {}, cut)
    assert plan.points
    for point in plan.points:
        full, printed = originals[point.at], plain_text(point.text)
        assert full.startswith(printed)
        ends = [*sentence_ends(full), len(full)]
        assert len(printed) in ends  # ends where a sentence of it ends
        assert point.shortened == (printed != full)
        if cut.words is not None and len(printed) != ends[0]:
            assert len(printed.split()) <= cut.words  # more than one sentence: in budget


def test_full_plan_prints_every_learning_point_whole(health: Briefing) -> None:
    plan = plan_handout(health, {})
    assert sorted(plain_text(p.text) for p in plan.points) == sorted(_originals(health).values())
    assert not any(p.shortened for p in plan.points)


def test_cuts_get_shorter_in_turn(health: Briefing) -> None:
    words = [sum(len(plain_text(p.text).split()) for p in plan_handout(health, {}, c).points)
             for c in CUTS]
    assert words == sorted(words, reverse=True) and words[0] > 2 * words[-1]


def test_a_topic_keeps_its_first_points_and_counts_the_rest(health: Briefing) -> None:
    full = plan_handout(health, {})
    short = plan_handout(health, {}, Cut(1, 2))
    for whole, cut in zip(full.topics, short.topics, strict=True):
        assert [p.at for p in cut.points] == [p.at for p in whole.points][:2]
        assert cut.more == len(whole.points) - len(cut.points)


def test_topics_default_to_the_briefings_own_sections_with_pages(health: Briefing) -> None:
    own = [s for p in health.parts if not p.shared for s in p.sections]
    plan = plan_handout(health, {s.id: n for n, s in enumerate(own, start=10)})
    assert [t.id for t in plan.topics] == [s.id for s in own]
    assert [t.page for t in plan.topics] == list(range(10, 10 + len(own)))
    # a topic's points include its subsections' (neglect: in "Normalisation of neglect")
    assert plan.topics[0].points


def test_a_section_left_out_of_the_deck_is_left_out_of_the_handout(health: Briefing) -> None:
    part = health.parts[-1]
    skipped = replace(part.sections[1], slides=SlideOverride(skip=True))
    b = replace(health, parts=(*health.parts[:-1], replace(part, sections=(
        part.sections[0], skipped, *part.sections[2:]))))
    ids = [t.id for t in plan_handout(b, {}).topics]
    assert skipped.id not in ids and ids == [s.id for s in part.sections if s is not
                                             part.sections[1]]


def test_editor_chooses_sections_and_charts(health: Briefing) -> None:
    ids = [s.id for s in all_sections(health)]
    chosen = (ids[-2], "physical-symptoms")
    b = replace(health, handout=HandoutSettings(sections=chosen, charts=("table-1-chart",),
                                                pages=2))
    plan = plan_handout(b, {})
    assert tuple(t.id for t in plan.topics) == chosen
    assert [c.id for c in plan.charts] == ["table-1-chart"] and plan.max_pages == 2


def test_questions_are_the_editors_for_the_topic_and_its_subsections(health: Briefing) -> None:
    plan = plan_handout(health, {})
    for topic in plan.topics:
        section = next(s for s in all_sections(health) if s.id == topic.id)
        wanted = [q for s in walk_sections((section,)) if s.training
                  for q in s.training.questions]
        assert list(topic.questions) == wanted
    assert sum(len(t.questions) for t in plan.topics) >= 5  # the health content has them
    short = plan_handout(health, {}, CUTS[-1])  # questions are never cut
    assert [t.questions for t in short.topics] == [t.questions for t in plan.topics]


def test_charts_default_to_the_first_figures(health: Briefing) -> None:
    plan = plan_handout(health, {"figure-1": 7})
    wanted = [f.chart for f in figures(health)][:1]
    assert [c.id for c in plan.charts] == wanted
    first = figures(health)[0]
    assert (plan.charts[0].figure, plan.charts[0].title) == (first.number, first.title)
    assert plan.charts[0].page == {"figure-1": 7}.get(first.id)
    assert all(c.alt for c in plan.charts)


def test_references_are_those_the_printed_points_cite(health: Briefing) -> None:
    full = plan_handout(health, {})
    ids = {r.id for r in full.references}
    assert {"daniel-2010", "ofsted-2018", "powell-appleton-2012"} <= ids
    # "(Brandon et al., 2020, p. 201)" ends a long point: gone once it is shortened
    short = plan_handout(health, {}, Cut(1))
    assert "brandon-2020" in ids and "brandon-2020" not in {r.id for r in short.references}


def _briefing_with(item: ListItem, health: Briefing) -> Briefing:
    part = health.parts[-1]
    section = Section(id="s", title="S", level=2, blocks=(
        Paragraph(content=(Text(text="Body."),)), LearningPoints(items=(item,))))
    return replace(health, parts=(replace(part, sections=(section,)),))


def test_footnote_markers_are_not_printed(health: Briefing) -> None:
    item = ListItem(content=(Text(text="One point."), FootnoteRef(target="x"),
                             Text(text=" Two.")))
    plan = plan_handout(_briefing_with(item, health), {})
    assert plan.points[0].text == (Text(text="One point."), Text(text=" Two."))
