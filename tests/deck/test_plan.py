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
        ("aims", "Session aims"),
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
        ("learning_points", "Learning points: Recognising neglect (1 of 2)"),
        ("learning_points", "Learning points: Recognising neglect (2 of 2)"),
        ("reflection", "Reflect: Recognising neglect"),
        ("content", "Normalisation of neglect"),
        ("extra", "Activity: mapping neglect"),
        ("references", "Further reading (1 of 2)"),
        ("references", "Further reading (2 of 2)"),
        ("closing", "Find out more"),
    ]
    assert plan.warnings == ()


def test_session_aims_come_from_the_briefings_own_parts(plan: DeckPlan) -> None:
    aims = next(s for s in plan.slides if s.kind == "aims")
    texts = [text_of(p.runs) for p in aims.frames[0].paras]
    assert texts == ["By the end of this session you will be able to discuss:",
                     "Recognising neglect"]  # Part 1 is shared, so not an aim


def test_chart_slides_carry_the_prose_of_a_section_made_of_charts(plan: DeckPlan) -> None:
    chart = next(s for s in plan.slides if s.kind == "chart")
    assert chart.notes.startswith("Key data from the analysis are set out below.\n\n"
                                  "Table 1: Categories of death")


def test_one_quotation_per_section_and_the_others_in_the_notes(plan: DeckPlan) -> None:
    quote = next(s for s in plan.slides if s.kind == "quote")
    assert "They never asked about the change in me." in text_of(
        quote.frames[0].paras[0].runs)
    assert "More extracts from this section of the briefing:" in quote.notes
    assert "task focused" in quote.notes
    content = next(s for s in plan.slides if s.title == "Recognising neglect")
    assert "SCR extract: \u201cWhat is striking is that contacts" in content.notes


def test_case_slide_summarises_and_the_notes_hold_the_case(plan: DeckPlan) -> None:
    case = next(s for s in plan.slides if s.kind == "case")
    texts = [text_of(p.runs) for p in case.frames[0].paras]
    assert texts == ["Rosie was admitted to hospital having suffered long-term neglect.",
                     "The full case is in the speaker notes."]
    assert "Professionals showed little curiosity." in case.notes  # the case's quotation


def test_reflection_asks_questions_without_repeating_the_points(plan: DeckPlan) -> None:
    lp = [s for s in plan.slides if s.kind == "learning_points"]
    reflect = next(s for s in plan.slides if s.kind == "reflection")
    asked = [text_of(p.runs) for p in reflect.frames[0].paras]
    assert 1 <= len(asked) <= 4
    shown = {text_of(p.runs) for s in lp for p in s.frames[0].paras}
    assert not shown & set(asked)
    assert all(a.startswith(("Discuss: ", "How ", "Are ")) for a in asked)


def test_further_reading_is_at_most_two_slides_of_short_references(plan: DeckPlan) -> None:
    refs = [s for s in plan.slides if s.kind == "references"]
    assert 1 <= len(refs) <= 2
    first = text_of(refs[0].frames[0].paras[0].runs)
    assert first == "Author (2000) Book 0"
    assert "Author, A. (2000). Book 0. Publisher. https://example.org/0" in refs[0].notes


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
    from builder.content import load_briefing

    briefing, problems = load_briefing(path, ROOT)
    assert briefing is not None, [str(p) for p in problems]
    return briefing


HEALTH_PLAN = {
    "title": "title",
    "aims": "aims",
    "divider": "divider divider",
    "about-this-briefing": "content",
    "who-this-briefing-is-for": "content",
    "what-is-a-serious-case-review": "content",
    "the-new-system": "content",
    "the-2017-19-analysis-report": "content",
    "themes-and-trends": "content",
    "key-data": "content content",  # the lists in brief: labels and headline numbers
    # Parental and family / child characteristics are prose about their charts: no
    # bullet slide, their prose is in the charts' notes
    "charts": "chart chart chart chart chart chart chart chart",
    "recognising-and-responding-to-neglect": "content quote",
    "normalisation-of-neglect": "content quote learning_points reflection",
    "acting-on-missed-appointments": "case",  # its one-sentence lead-in is on the case slide
    "maintaining-professional-curiosity": "content case learning_points reflection",
    "physical-symptoms": "content learning_points reflection",
    "paying-attention-to-lived-experience": "content",
    "thinking-about-all-aspects-of-health": "content case learning_points reflection",
    "adolescents-multiple-contexts": "content quote learning_points reflection",
    "recognising-meaning-of-behaviour": "content case",
    "child-sexual-abuse": "content quote learning_points reflection",
    "building-relationships": "content quote learning_points reflection",
    "communicating-effectively": "content case",
    "when-families-move": "content learning_points reflection",
    "professional-disagreements": "content case learning_points reflection",
    "a-system-wide-response": "content",
    "references": "references references",
    "closing": "closing",
}


def test_health_plan_sections_became_slides(theme: Theme) -> None:
    from builder.model import Figure, LearningPoints, Table, walk_sections
    briefing = _health()
    plan = plan_deck(briefing, theme, {})
    titles = [s.title for s in plan.slides]
    assert len(titles) == len(set(titles))
    assert 45 <= len(plan.slides) <= 66
    sections = sorted((s for p in briefing.parts for s in walk_sections(p.sections)),
                      key=lambda s: -len(s.title))
    became: dict[str, list[str]] = {}
    for s in plan.slides:
        owner = "charts" if s.kind == "chart" else next(
            (x.id for x in sections if x.title in s.title), s.kind)
        became.setdefault(owner, []).append(s.kind)
    assert {k: " ".join(v) for k, v in became.items()} == HEALTH_PLAN
    assert [s.title for s in plan.slides if s.kind == "divider"] == [
        p.title for p in briefing.parts]
    blocks = [b for s in sections for b in s.blocks]
    charts = [b for b in blocks if isinstance(b, Figure) or (isinstance(b, Table) and b.chart)]
    boxes = [b for b in blocks if isinstance(b, LearningPoints)]
    assert len([s for s in plan.slides if s.kind == "chart"]) == len(charts)
    assert len([s for s in plan.slides if s.kind == "learning_points"]) == len(boxes)
    for s in plan.slides:
        assert s.notes.strip(), s.title
        for f in s.frames:
            assert fits(f.paras, g.LAYOUTS[s.layout].box(f.role), theme.fonts, f.size)
            if f.role != "source":
                assert f.size >= theme.slides.min_body_size
    assert Path(briefing.at.path).name == "briefing.yaml"


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
