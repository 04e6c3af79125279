"""The slide plan: which content became which slides, measured text fit, titles, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.deck import geometry as g
from builder.deck.pack import fits
from builder.deck.plan import DeckPlan, plan_deck
from builder.deck.text import clean, first_sentence, runs, text_of
from builder.model import Text
from builder.theme import Theme
from tests.conftest import ROOT
from tests.deck.sample import BRIEFING, HOSTILE


def kinds(plan: DeckPlan) -> list[str]:
    return [s.kind for s in plan.slides]


def test_sample_plan_in_reading_order(plan: DeckPlan) -> None:
    assert [(s.kind, s.title) for s in plan.slides] == [
        ("title", "Triennial analysis of serious case reviews 2022"),
        ("agenda", "Session agenda"),
        ("divider", "Part 1: Introduction and key data"),
        ("content", "About this briefing"),
        ("content", "Key data"),
        ("chart", "Categories of death, 2017-19"),
        ("chart", "Ages of children by review period"),
        ("divider", "Part 2: Learning for the health sector"),
        ("content", "Recognising neglect"),
        ("quote", "SCR extract 1: Recognising neglect"),
        ("quote", "In their own words: Recognising neglect"),
        ("case", "Case example: Rosie"),
        ("quote", "SCR extract 2: Recognising neglect"),
        ("learning_points", "Learning points: Recognising neglect (1 of 3)"),
        ("learning_points", "Learning points: Recognising neglect (2 of 3)"),
        ("learning_points", "Learning points: Recognising neglect (3 of 3)"),
        ("reflection", "Reflect: Recognising neglect (1 of 2)"),
        ("reflection", "Reflect: Recognising neglect (2 of 2)"),
        ("content", "Normalisation of neglect"),
        ("extra", "Activity: mapping neglect"),
        ("references", "Further reading (1 of 2)"),
        ("references", "Further reading (2 of 2)"),
        ("closing", "Find out more"),
    ]
    assert plan.warnings == ()


def test_skipped_section_has_no_slide_and_override_bullets_replace_derived(plan: DeckPlan
                                                                           ) -> None:
    assert not any("skip" in s.title.lower() for s in plan.slides)
    norm = next(s for s in plan.slides if s.title == "Normalisation of neglect")
    assert [text_of(p.runs) for p in norm.frames[0].paras] == ["Override bullet one",
                                                               "Override bullet two"]
    extra = next(s for s in plan.slides if s.kind == "extra")
    assert extra.notes == "Ten minutes in pairs.\n\nBriefing, p. 16"


def test_titles_are_unique_and_every_slide_has_notes(plan: DeckPlan) -> None:
    titles = [s.title for s in plan.slides]
    assert len(titles) == len(set(titles))
    assert all(s.notes.strip() for s in plan.slides)


def test_notes_hold_the_prose_verbatim_with_the_page(plan: DeckPlan) -> None:
    intro = next(s for s in plan.slides if s.title == "About this briefing")
    assert intro.notes.startswith("This briefing draws on Learning for the future (Dickens et "
                                  "al., 2022a). It is the ninth report.\n\nRead more at the "
                                  "website (https://example.org/scr) and (see \u2018Recognising"
                                  " neglect\u2019).")
    assert intro.notes.endswith("Briefing, p. 3")
    chart = next(s for s in plan.slides if s.kind == "chart")
    assert chart.notes.endswith("Briefing, p. 8")  # the table's page, not the section's


def test_a_missing_page_is_left_out(theme: Theme) -> None:
    plan = plan_deck(BRIEFING, theme, {})
    assert not any("Briefing, p." in s.notes for s in plan.slides)


def test_derived_bullets_are_first_sentences_verbatim(plan: DeckPlan) -> None:
    intro = next(s for s in plan.slides if s.title == "About this briefing")
    texts = [text_of(p.runs) for p in intro.frames[0].paras]
    assert texts[0] == "This briefing draws on Learning for the future (Dickens et al., 2022a)."
    assert [p.level for p in intro.frames[0].paras] == [0, 0, 0, 0, 1, 1, 0]
    assert texts[-1] == clean(HOSTILE) == ("Tom <tom@example.com> & x<y  kept: *not emphasis* "
                                           "{braces}")


@pytest.mark.parametrize(("text", "first"), [
    ("One. Two.", "One."),
    ("See e.g. this. Then.", "See e.g. this."),
    ("Dickens et al. (2022) found it. Yes.", "Dickens et al. (2022) found it."),
    ("No end here", "No end here"),
    ("It said 'stop.' Then more.", "It said 'stop.'"),
])
def test_first_sentence(text: str, first: str) -> None:
    assert text_of(first_sentence(runs((Text(text=text),), {}))) == first


def test_every_frame_fits_its_box_at_or_above_the_minimum(plan: DeckPlan, theme: Theme) -> None:
    for s in plan.slides:
        layout = g.LAYOUTS[s.layout]
        for f in s.frames:
            assert fits(f.paras, layout.box(f.role), theme.fonts, f.size), (s.title, f.role)
            if f.role != "source":
                assert f.size >= theme.slides.min_body_size
        title = layout.box("title")
        assert fits([_title_para(s.title)], title, theme.fonts, s.title_size), s.title


def _title_para(title: str):  # type: ignore[no-untyped-def]
    from builder.deck.pack import Para
    from builder.deck.text import Run
    return Para((Run(title, bold=True),), bullet=False)


def test_twenty_five_bullets_continue_on_numbered_slides(theme: Theme) -> None:
    from dataclasses import replace

    from builder.model import BulletList, ListItem
    sec = BRIEFING.parts[0].sections[1]
    many = BulletList(items=tuple(ListItem(content=(Text(text=f"Bullet number {i} with a few "
                                                               "more words in it"),))
                                  for i in range(25)))
    part = replace(BRIEFING.parts[0], sections=(replace(sec, blocks=(many,)),))
    plan = plan_deck(replace(BRIEFING, parts=(part,)), theme, {})
    titles = [s.title for s in plan.slides if s.kind == "content"]
    assert titles[0] == f"Key data (1 of {len(titles)})" and len(titles) >= 2
    assert sum(len(s.frames[0].paras) for s in plan.slides if s.kind == "content") == 25


def test_an_overlong_title_is_a_warning_with_file_and_line(theme: Theme) -> None:
    from dataclasses import replace
    sec = replace(BRIEFING.parts[0].sections[0], title="Very long title " * 12)
    part = replace(BRIEFING.parts[0], sections=(sec,))
    plan = plan_deck(replace(BRIEFING, parts=(part,)), theme, {})
    assert [str(w) for w in plan.warnings] == [
        f"content/sample/part.yaml:5: warning: slide title {clean(sec.title)!r} does not fit "
        "its box even at 24 pt; shorten the title"]


# ---------------------------------------------------------------- the real health briefing


def _health():  # type: ignore[no-untyped-def]
    path = ROOT / "content" / "health" / "briefing.yaml"
    try:
        from builder.content import load_briefing
    except ImportError:
        pytest.skip("content loader not available")
    if not path.is_file():
        pytest.skip("health content not available")
    briefing, problems = load_briefing(path, ROOT)
    if briefing is None:
        pytest.skip("health content does not load: " + "; ".join(map(str, problems[:3])))
    return briefing


def test_health_plan_sections_became_slides(theme: Theme) -> None:
    from builder.model import Figure, LearningPoints, Table, walk_sections
    briefing = _health()
    plan = plan_deck(briefing, theme, {})
    titles = [s.title for s in plan.slides]
    assert len(titles) == len(set(titles))
    assert plan.slides[0].kind == "title" and plan.slides[-1].kind == "closing"
    assert [s.title for s in plan.slides if s.kind == "divider"] == [
        p.title for p in briefing.parts]
    sections = [s for p in briefing.parts for s in walk_sections(p.sections)]
    blocks = [b for s in sections for b in s.blocks]
    charts = [b for b in blocks if isinstance(b, Figure) or (isinstance(b, Table) and b.chart)]
    boxes = [b for b in blocks if isinstance(b, LearningPoints)]
    assert len([s for s in plan.slides if s.kind == "chart"]) == len(charts)
    lp_titles = {s.title.split(" (")[0] for s in plan.slides if s.kind == "learning_points"}
    assert len(lp_titles) == len(boxes)
    for sec in sections:
        if any(True for b in sec.blocks if type(b).__name__ in ("Paragraph", "BulletList")):
            assert any(t == sec.title or t.startswith(sec.title + " (") for t in titles), sec.id
    for s in plan.slides:
        for f in s.frames:
            assert fits(f.paras, g.LAYOUTS[s.layout].box(f.role), theme.fonts, f.size)
    assert Path(briefing.at.path).name == "briefing.yaml"
