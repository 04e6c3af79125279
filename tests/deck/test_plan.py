"""The slide plan: which content became which slides, measured text fit, titles, notes."""

from __future__ import annotations

import pytest

from builder.deck import geometry as g
from builder.deck.pack import fits
from builder.deck.plan import DeckPlan, plan_deck
from builder.deck.text import clean, first_sentence, runs, text_of
from builder.model import Text
from builder.theme import Theme
from tests.conftest import ROOT
from tests.deck.sample import BRIEFING, HOSTILE, PAGES


def kinds(plan: DeckPlan) -> list[str]:
    return [s.kind for s in plan.slides]


def test_sample_plan_in_reading_order(plan: DeckPlan) -> None:
    assert [(s.kind, s.title) for s in plan.slides] == [
        ("title", "Triennial analysis of serious case reviews 2022"),
        ("furniture", "Ground rules"),
        ("furniture", "Looking after yourself in this session"),
        ("aims", "This session covers"),
        ("divider", "Part 1: Introduction and key data"),
        ("content", "About this briefing"),
        # "Key data" is prose about its charts: the chart slides carry it, in their notes
        ("chart", "Categories of death, 2017-19"),
        ("chart", "Ages of children by review period"),
        ("divider", "Part 2: Learning for the health sector"),
        ("content", "Recognising neglect"),
        # one quotation per section, in their own words first; the SCR extracts are in notes
        ("quote", "In their own words: Recognising neglect"),
        ("case", "Case example: Rosie"),
        ("learning_points", "Learning points: Recognising neglect (1\u00a0of\u00a02)"),
        ("learning_points", "Learning points: Recognising neglect (2\u00a0of\u00a02)"),
        ("reflection", "Reflect: Recognising neglect"),  # the editor's training material
        ("content", "Normalisation of neglect"),  # no training material: no reflection
        ("extra", "Activity: mapping neglect"),
        ("furniture", "Local procedures"),
        ("references", "Further reading"),
        ("furniture", "Evaluation"),
        ("closing", "Find out more"),
    ]
    assert plan.warnings == ()


def test_the_session_covers_the_briefings_own_topics(plan: DeckPlan) -> None:
    aims = next(s for s in plan.slides if s.kind == "aims")
    assert [text_of(p.runs) for f in aims.frames for p in f.paras] == ["Recognising neglect"]


def test_shown_slides_fill_the_session_and_hidden_ones_take_none(plan: DeckPlan) -> None:
    assert plan.minutes == 90
    assert sum(s.minutes for s in plan.slides) == 90
    assert all(s.minutes >= 1 for s in plan.slides if not s.hidden)
    assert all(s.minutes == 0 for s in plan.slides if s.hidden)


def test_powerpoint_sections_one_per_part_and_topic_in_order(plan: DeckPlan) -> None:
    assert [s.title for s in plan.sections] == [
        "Opening", "Part 1: Introduction and key data", "About this briefing", "Key data",
        "Part 2: Learning for the health sector", "Recognising neglect", "Close"]
    assert [i for s in plan.sections for i in s.slides] == list(range(len(plan.slides)))
    assert [s.minutes for s in plan.sections] == [
        sum(plan.slides[i].minutes for i in s.slides) for s in plan.sections]


def test_notes_lead_with_time_and_points_then_the_briefing_by_page(plan: DeckPlan) -> None:
    case = next(s for s in plan.slides if s.kind == "case")
    assert case.notes.startswith(f"Time: {case.minutes} min.\n\nTalking points:\n"
                                 "- Rosie was admitted to hospital")
    # the page of the case box itself (17), not of its section's start (15)
    assert "From the briefing:\nBriefing, p. 17\nCase example: Rosie\n" in case.notes
    assert "Professionals showed little curiosity." in case.notes  # the case's quotation
    assert case.page == 17 and case.section == "neglect"
    intro = next(s for s in plan.slides if s.title == "Recognising neglect")
    assert "Section \u2018Recognising neglect\u2019:" in intro.notes.split("\n")[0]


def test_no_two_slides_have_the_same_notes(plan: DeckPlan) -> None:
    notes = [s.notes for s in plan.slides]
    assert len(notes) == len(set(notes))


def test_training_material_is_marked_as_written_for_the_training(plan: DeckPlan) -> None:
    reflect = next(s for s in plan.slides if s.kind == "reflection")
    texts = [text_of(p.runs) for f in reflect.frames for p in f.paras]
    assert texts == ["What do you look for at a home visit?",
                     "Written for this training, not from the briefing"]
    assert ("Written for this training, not from the briefing:\n"
            "- What do you look for at a home visit?\n- Pairs first, then the whole group."
            ) in reflect.notes
    assert [(t.section, t.questions, t.prompts) for t in plan.training] == [
        ("neglect", ("What do you look for at a home visit?",),
         ("Pairs first, then the whole group.",))]


def test_a_shorter_session_hides_more_slides(theme: Theme) -> None:
    from dataclasses import replace

    from builder.model import DeckSettings
    short = plan_deck(replace(BRIEFING, deck=DeckSettings(minutes=30)), theme, PAGES)
    assert sum(s.minutes for s in short.slides) == 30
    assert any(s.hidden for s in short.slides)
    assert all(not s.hidden for s in short.slides if s.kind in ("title", "furniture"))


def test_skipped_section_has_no_slide_and_override_bullets_replace_derived(plan: DeckPlan
                                                                           ) -> None:
    assert not any("skip" in s.title.lower() for s in plan.slides)
    norm = next(s for s in plan.slides if s.title == "Normalisation of neglect")
    assert [text_of(p.runs) for p in norm.frames[0].paras] == ["Override bullet one",
                                                              "Override bullet two"]
    extra = next(s for s in plan.slides if s.kind == "extra")
    assert "- Ten minutes in pairs." in extra.notes


def test_titles_are_unique_and_every_slide_has_notes(plan: DeckPlan) -> None:
    titles = [s.title for s in plan.slides]
    assert len(titles) == len(set(titles))
    assert all(s.notes.strip() for s in plan.slides)


def test_a_missing_page_is_left_out(theme: Theme) -> None:
    plan = plan_deck(BRIEFING, theme, {})
    assert not any("Briefing, p." in s.notes for s in plan.slides)


def test_content_points_are_sentences_verbatim_without_references(plan: DeckPlan) -> None:
    intro = next(s for s in plan.slides if s.title == "About this briefing")
    texts = [text_of(p.runs) for p in intro.frames[0].paras]
    assert "Read more at the website and." in texts  # "(see 'Recognising neglect')" left out
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


def test_a_long_list_shows_a_few_points_and_keeps_all_in_the_notes(theme: Theme) -> None:
    from dataclasses import replace

    from builder.model import BulletList, ListItem
    sec = BRIEFING.parts[0].sections[1]
    many = BulletList(items=tuple(ListItem(content=(Text(text=f"Bullet number {i} with a few "
                                                               "more words in it"),))
                                  for i in range(25)))
    part = replace(BRIEFING.parts[0], sections=(replace(sec, blocks=(many,)),))
    plan = plan_deck(replace(BRIEFING, parts=(part,)), theme, {})
    slide = next(s for s in plan.slides if s.title == "Key data")
    assert 1 <= len(slide.frames[0].paras) <= 5
    assert all(f"Bullet number {i} with" in slide.notes for i in range(25))


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
    from builder.content import load_briefing

    briefing, problems = load_briefing(path, ROOT)
    assert briefing is not None, [str(p) for p in problems]
    return briefing


def test_health_notes_keep_the_briefings_substance(theme: Theme) -> None:
    """Every paragraph, list item, quotation, case and learning point of the briefing is
    in some slide's notes, verbatim."""
    from builder.deck.text import plain
    from builder.model import (
        BulletList,
        CaseExample,
        LearningPoints,
        ListItem,
        Paragraph,
        Quote,
        walk_sections,
    )
    briefing = _health()
    plan = plan_deck(briefing, theme, {})
    notes = "\n".join(s.notes for s in plan.slides)
    titles: dict[str, str] = {}
    for p in briefing.parts:
        titles[p.id] = p.title
        for sec in walk_sections(p.sections):
            titles[sec.id] = sec.title

    def items(its: tuple[ListItem, ...]) -> list[str]:
        return [t for it in its for t in [plain(it.content, titles), *items(it.children)]]

    texts: list[str] = []
    for part in briefing.parts:
        for sec in walk_sections(part.sections):
            for b in sec.blocks:
                inner = b.blocks if isinstance(b, CaseExample) else (b,)
                for x in inner:
                    if isinstance(x, Paragraph):
                        texts.append(plain(x.content, titles))
                    elif isinstance(x, BulletList | LearningPoints):
                        texts.extend(items(x.items))
                    elif isinstance(x, Quote):
                        texts.extend(plain(q, titles) for q in x.paragraphs)
    missing = [t[:60] for t in texts if t not in notes]
    assert missing == []
