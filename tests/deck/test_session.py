"""The health deck as a trainer gets it: sized to the session, few words a slide, large
text, every on-slide sentence the content's own (briefing or editor-written training
material), nothing generated."""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

import pytest

from builder.deck import geometry as g
from builder.deck.pack import fits
from builder.deck.plan import DeckPlan, plan_deck
from builder.deck.plan.bookends import AIMS_TITLE, BASED_ON, CLOSING_TITLE
from builder.deck.plan.furniture import FURNITURE_TEXTS
from builder.deck.text import audience, text_of
from builder.model import TRAINING_MARK, Briefing, DeckSettings, Text, plain_text
from builder.theme import Theme
from builder.walk import all_inlines
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def health() -> Briefing:
    from builder.content import load_briefing

    briefing, problems = load_briefing(ROOT / "content" / "health" / "briefing.yaml", ROOT)
    assert briefing is not None, [str(p) for p in problems]
    return briefing


@pytest.fixture(scope="module")
def plan(health: Briefing, theme: Theme) -> DeckPlan:
    return plan_deck(health, theme, {})


def words(slide: object) -> int:
    s = slide  # type: ignore[assignment]
    return len(s.title.split()) + sum(len(text_of(p.runs).split())  # type: ignore[attr-defined]
                                      for f in s.frames for p in f.paras)  # type: ignore[attr-defined]


def test_default_session_is_90_minutes_of_few_words_a_slide(plan: DeckPlan) -> None:
    shown = [s for s in plan.slides if not s.hidden]
    assert plan.minutes == 90 and sum(s.minutes for s in shown) == 90
    assert 25 <= len(shown) <= 45  # 2-3 minutes a slide, with time for reflection
    counts = [words(s) for s in shown]
    assert statistics.median(counts) <= 35
    assert max(words(s) for s in plan.slides) <= 60
    assert any(s.hidden for s in plan.slides)  # optional depth, for a longer session


def test_body_text_is_24_pt_or_more_and_fits_its_box(plan: DeckPlan, theme: Theme) -> None:
    for s in plan.slides:
        for f in s.frames:
            assert fits(f.paras, g.LAYOUTS[s.layout].box(f.role), theme.fonts, f.size), s.title
            if f.role != "source":
                assert f.size * min(p.scale for p in f.paras) >= 18, (s.title, f.role)
                assert f.size >= 24, (s.title, f.role)
            else:
                assert f.size >= 14


def test_each_part_and_topic_is_a_powerpoint_section_with_its_time(
        plan: DeckPlan, health: Briefing) -> None:
    titles = [s.title for s in plan.sections]
    expected = [x for part in health.parts for x in (part.title, *(s.title for s in
                                                                   part.sections))]
    assert titles == ["Opening", *expected, "Close"]
    for sec in plan.sections:
        first = plan.slides[sec.slides[0]]
        assert f"Section \u2018{sec.title}\u2019: {sec.minutes} min" in first.notes


def test_every_topic_of_the_briefings_own_part_is_introduced(plan: DeckPlan,
                                                             health: Briefing) -> None:
    own = [s.id for p in health.parts if not p.shared for s in p.sections]
    for sid in own:
        sec = next(x for x in plan.sections if x.id == sid)
        assert not plan.slides[sec.slides[0]].hidden, sid


def test_longer_sessions_show_more_slides(health: Briefing, theme: Theme) -> None:
    counts = []
    for minutes in (60, 90, 120):
        p = plan_deck(replace(health, deck=DeckSettings(minutes=minutes)), theme, {})
        assert sum(s.minutes for s in p.slides) == minutes
        counts.append(sum(not s.hidden for s in p.slides))
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_notes_are_never_duplicated_and_cite_pages(health: Briefing, theme: Theme) -> None:
    from builder.model import walk_sections
    from builder.pages import block_key
    pages = {block_key(b.at): 10 + i for i, b in enumerate(
        b for p in health.parts for s in walk_sections(p.sections) for b in s.blocks)}
    plan = plan_deck(health, theme, pages)
    notes = [s.notes for s in plan.slides]
    assert len(notes) == len(set(notes))
    for s in plan.slides:
        assert re.match(r"(Time: \d+ min\.|Optional slide \(hidden\))", s.notes), s.title
        if s.kind in ("content", "case", "learning_points", "quote"):
            assert "Briefing, p. " in s.notes, s.title


# ---------------------------------------------------------------- nothing generated

_FIXED = {AIMS_TITLE, CLOSING_TITLE, TRAINING_MARK, *FURNITURE_TEXTS}


def _corpus(briefing: Briefing) -> str:
    """Every text of the content as a reader sees it, references to the briefing's
    tables and figures left out as the slides leave them out."""
    from builder.deck.plan.planner import _titles
    from builder.deck.text import runs

    titles = _titles(briefing)
    texts = [text_of(audience(runs(x, titles))) for x in all_inlines(briefing)]
    meta = briefing.meta
    texts += [meta.title, meta.subtitle, meta.publisher.name, meta.date, meta.copyright,
              meta.publisher.website, meta.publisher.email, meta.publisher.telephone]
    for part in briefing.parts:
        texts.append(part.title)
    for c in briefing.charts:
        texts += [c.title, c.source_note]
    texts += [plain_text((Text(text=t),)) for t in _section_titles(briefing)]
    return " \n ".join(" ".join(t.split()) for t in texts)


def _section_titles(briefing: Briefing) -> list[str]:
    from builder.model import walk_sections
    return [s.title for p in briefing.parts for s in walk_sections(p.sections)]


_SENTENCE = re.compile(r"(?<=[.?!'\u2019])\s+(?=[A-Z\u2018'])")


def test_every_on_slide_sentence_is_the_contents_own(plan: DeckPlan, health: Briefing) -> None:
    """Each sentence on a slide is found, word for word, in the content (the briefing, or
    the editor's training material, or the chart data) or is one of the builder's fixed
    labels; slides cut whole sentences, lead-in clauses and bold phrases, nothing else."""
    corpus = _corpus(health)
    data = " \n ".join(" ".join(c.categories) + " " + " ".join(
        f"{s[0]}" for s in c.series) for c in (s.chart for s in plan.slides if s.chart))
    unfound = []
    for s in plan.slides:
        if s.kind in ("references", "chart", "closing", "title"):
            continue  # references in short form, headline numbers: checked below
        for f in s.frames:
            for p in f.paras:
                text = " ".join(text_of(p.runs).replace("\u2026", "").split()).rstrip(": ")
                if text.startswith("\u2014 "):  # a quotation's attribution
                    text = text[2:]
                for sentence in _SENTENCE.split(text):
                    sentence = sentence.strip()
                    if sentence and sentence not in _FIXED and sentence not in corpus:
                        unfound.append((s.title, sentence))
    assert unfound == []
    for s in plan.slides:
        if s.kind == "chart":
            side = [text_of(p.runs) for f in s.frames if f.role == "side" for p in f.paras]
            for x in side:
                assert x in data or x in corpus or re.fullmatch(r"[\d.,%<]+", x), (s.title, x)
    title = plan.slides[0]
    assert BASED_ON in text_of(title.frames[0].paras[-1].runs)
    assert not any(a in text_of(p.runs) for a in health.meta.authors
                   for f in title.frames for p in f.paras)


def test_no_slide_points_to_the_notes_or_the_briefings_pages(plan: DeckPlan) -> None:
    for s in plan.slides:
        for f in s.frames:
            led = False  # the paragraph before ends with a colon: it leads into this one
            for p in f.paras:
                text = text_of(p.runs)
                if led:
                    led = text.rstrip().endswith(":")
                    continue
                led = text.rstrip().endswith(":")
                assert "speaker notes" not in text.lower(), s.title
                assert not re.search(r"\b(see|in) (Table|Figure) \d|\bp\. \d|page \d", text), (
                    s.title, text)
                assert not text[:1].islower() or p.level > 0 or s.kind in ("chart", "references", "closing"), (
                    s.title, text)  # no fragment cut from its lead-in


def test_a_point_stands_alone_without_the_sentences_around_it(plan: DeckPlan) -> None:
    """A content slide's points are not the middle of a story ("The father had ...", from
    a paragraph that opens "In another case, ...") nor a pointer to what the briefing shows
    next ("as illustrated by the following three examples"); "There was evidence ..."
    does not lean on anything and may open a topic."""
    shown = {s.title: [text_of(p.runs) for f in s.frames for p in f.paras]
             for s in plan.slides if s.kind == "content"}
    assert shown["Physical symptoms"][0].startswith("There was evidence in some SCRs that health")
    for title, texts in shown.items():
        for text in texts:
            assert not text.startswith("The father"), title
            assert text.rstrip().endswith(":") or not re.search(r"\bthe following\b", text,
                                                                 re.I), (title, text)


def test_chart_headlines_take_the_period_the_slide_is_about(plan: DeckPlan) -> None:
    harm = next(s for s in plan.slides if s.title.startswith("Categories of serious harm"))
    side = [text_of(p.runs) for f in harm.frames if f.role == "side" for p in f.paras]
    assert side[0] == "2017-19 (n=98)"
    assert harm.chart is not None and len(harm.chart.series) <= 2
    assert harm.chart.series[-1][0] == "2017-19 (n=98)"


def test_a_slide_is_shown_with_its_continuations(health: Briefing, theme: Theme) -> None:
    """Never "(1 of 2)" on screen with "(2 of 2)" hidden, at any session length."""
    for minutes in (60, 90, 120):
        plan = plan_deck(replace(health, deck=DeckSettings(minutes=minutes)), theme, {})
        series: dict[str, list[bool]] = {}
        for s in plan.slides:
            m = re.fullmatch(r"(.*) \((\d+)\u00a0of\u00a0(\d+)\)", s.title)
            if m:
                series.setdefault(m.group(1), []).append(s.hidden)
        assert series
        for title, hidden in series.items():
            assert hidden == sorted(hidden), (minutes, title)  # shown ones first
            assert all(hidden) or not any(hidden), (minutes, title)


def test_a_list_under_its_lead_in_shows_all_its_labelled_items_or_says_it_goes_on(
        plan: DeckPlan) -> None:
    by_title = {s.title: [text_of(p.runs) for f in s.frames for p in f.paras]
                for s in plan.slides}
    assert by_title["The 2017-19 analysis report"][1:] == [
        "Neglect", "Professional practice", "Voice of the child"]
    lived = by_title["Paying attention to the child's lived experience"]
    assert lived[0].endswith("in a number of related ways:") and lived[-1] == "\u2026"


def test_the_definition_of_an_scr_is_shown_in_the_shortest_session(
        health: Briefing, theme: Theme) -> None:
    plan = plan_deck(replace(health, deck=DeckSettings(minutes=60)), theme, {})
    assert any(s.title == "What is a serious case review?" and not s.hidden
               for s in plan.slides)
