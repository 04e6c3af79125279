"""Seeded layout: a build given the layout state of an earlier build (of this content or
of another version) writes the very bytes an unseeded build writes, in one pass when
nothing moved; and the pages callback reports each new set of page numbers."""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from builder.model import Briefing, Paragraph, Section, Text
from builder.pdf import PdfResult, PdfSeed, render_pdf
from builder.theme import Theme
from tests.pdf.conftest import Built
from tests.pdf.sample import LOREM, para, sample


def _render(briefing: Briefing, theme: Theme, path: Path, charts: Mapping[str, bytes] = {},
            seed: PdfSeed | None = None) -> tuple[PdfResult, bytes, list[dict[str, int]]]:
    calls: list[dict[str, int]] = []
    result = render_pdf(briefing, theme, charts, path, seed=seed,
                        on_pages=lambda pages: calls.append(dict(pages)))
    return result, path.read_bytes(), calls


def _padded(n: int) -> Briefing:
    """The sample with ``n`` long paragraphs added to its first section."""
    return sample(extra_blocks=tuple(para(LOREM * 3, 15 + i) for i in range(n)))


def _neglect_padded(n: int) -> Briefing:
    """The sample with ``n`` paragraphs before the box holding the second footnote."""
    b = sample()
    part = b.parts[1]
    section = part.sections[0]
    blocks = (*section.blocks[:1], *(para(LOREM * 2, 70 + i) for i in range(n)),
              *section.blocks[1:])
    part = replace(part, sections=(replace(section, blocks=blocks),))
    return replace(b, parts=(b.parts[0], part))


def _check_same(briefing: Briefing, seed: PdfSeed, theme: Theme, tmp_path: Path,
                charts: Mapping[str, bytes] = {}) -> tuple[PdfResult, PdfResult]:
    plain, plain_bytes, plain_calls = _render(briefing, theme, tmp_path / "plain.pdf", charts)
    seeded, seeded_bytes, seeded_calls = _render(briefing, theme, tmp_path / "seeded.pdf",
                                                 charts, seed)
    assert seeded_bytes == plain_bytes
    assert seeded.page_of == plain.page_of and seeded.pages == plain.pages
    assert seeded.problems == plain.problems
    assert seeded.seed == plain.seed
    for calls, result in ((plain_calls, plain), (seeded_calls, seeded)):
        assert calls and calls[-1] == result.page_of
        assert all(a != b for a, b in zip(calls, calls[1:], strict=False))
        assert len(calls) <= result.passes
    return plain, seeded


# ------------------------------------------------------------------ the seed record


def test_seed_round_trips_through_json_and_pickle(built: Built) -> None:
    seed = built.result.seed
    assert seed.usable and seed.page_of and seed.footnotes
    assert dict(seed.page_of) == dict(built.result.page_of)
    assert PdfSeed.from_json(seed.to_json()) == seed
    assert PdfSeed.from_json(seed.to_json().encode()) == seed
    assert pickle.loads(pickle.dumps(seed)) == seed
    assert hash(seed) == hash(PdfSeed.from_json(seed.to_json()))
    with pytest.raises(AttributeError):
        seed.page_of = ()  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "[]", "{}", '{"format": 99}', "not json",
                                  '{"format": 1, "page_of": {"a": "x"}, "reserve": {}, '
                                  '"footnotes": {}}',
                                  '{"format": 1, "page_of": [], "reserve": {}, "footnotes": {}}'])
def test_a_damaged_seed_file_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        PdfSeed.from_json(text)


def test_failed_build_has_the_empty_seed(theme: Theme, tmp_path: Path) -> None:
    b = sample()
    bad = replace(b, meta=replace(b.meta, title="Title with \u2603 snowman"))
    result = render_pdf(bad, theme, {}, tmp_path / "bad.pdf", on_pages=lambda pages: pytest.fail("called"))
    assert result.pages == 0 and result.seed == PdfSeed() and not result.seed.usable


# ------------------------------------------------------------------ same content


def test_health_seeded_with_its_own_seed_is_one_pass_and_identical(
        built_health: Built, theme: Theme, tmp_path: Path) -> None:
    assert built_health.result.passes >= 2
    plain, seeded = _check_same(built_health.briefing, built_health.result.seed, theme,
                                tmp_path, built_health.charts)
    assert seeded.passes == 1
    assert (tmp_path / "seeded.pdf").read_bytes() == built_health.path.read_bytes()


def test_sample_seeded_with_its_own_seed_is_one_pass(built_sample: Built, theme: Theme,
                                                     tmp_path: Path) -> None:
    calls: list[dict[str, int]] = []
    result = render_pdf(built_sample.briefing, theme, {}, tmp_path / "s.pdf",
                        seed=built_sample.result.seed, on_pages=lambda p: calls.append(dict(p)))
    assert result.passes == 1
    assert calls == [dict(built_sample.result.page_of)]
    assert (tmp_path / "s.pdf").read_bytes() == built_sample.path.read_bytes()


def test_pages_callback_gets_a_read_only_mapping(built_sample: Built, theme: Theme,
                                                 tmp_path: Path) -> None:
    got: list[Mapping[str, int]] = []
    render_pdf(built_sample.briefing, theme, {}, tmp_path / "s.pdf", on_pages=got.append)
    assert got
    with pytest.raises(TypeError):
        got[0]["contents"] = 99  # type: ignore[index]


# ------------------------------------------------------------------ other content


@pytest.mark.parametrize(("old", "new"), [(4, 5), (5, 4), (1, 2), (0, 7), (7, 0)])
def test_seed_of_another_version_gives_the_unseeded_pdf(old: int, new: int, theme: Theme,
                                                        tmp_path: Path) -> None:
    """A paragraph added (or removed) moves a heading or figure to another page."""
    before = render_pdf(_padded(old), theme, {}, tmp_path / "old.pdf")
    plain, seeded = _check_same(_padded(new), before.seed, theme, tmp_path)
    assert plain.page_of != before.page_of  # the edit did move something
    assert seeded.passes >= 2


def test_seed_of_another_version_with_a_footnote_moved(theme: Theme, tmp_path: Path) -> None:
    seeds = [render_pdf(_neglect_padded(n), theme, {}, tmp_path / f"n{n}.pdf").seed
             for n in range(6)]
    moved = [n for n in range(1, 6) if seeds[n].reserve != seeds[n - 1].reserve]
    assert moved, "no padding moved the second footnote to another page"
    for n in moved:
        _check_same(_neglect_padded(n), seeds[n - 1], theme, tmp_path)
        _check_same(_neglect_padded(n - 1), seeds[n], theme, tmp_path)


def test_seed_of_other_briefings_and_made_up_seeds(built_health: Built, theme: Theme,
                                                   tmp_path: Path) -> None:
    b = _padded(3)
    made_up = [
        built_health.result.seed,  # another briefing altogether
        PdfSeed.of({"contents": 2, "nowhere": 40}, {9: (1, 2)}, {"language": 1}),
        PdfSeed.of({k: 1 for k in render_pdf(b, theme, {}, tmp_path / "x.pdf").page_of},
                   {}, {}),
        # room kept for one footnote on two pages: not usable, the build starts afresh
        PdfSeed.of(dict(built_health.result.page_of), {3: (1,), 4: (1,)}, {}),
    ]
    assert not made_up[-1].usable
    for seed in made_up:
        _check_same(b, seed, theme, tmp_path)


@pytest.mark.parametrize("sentences", [3, 10, 20])
def test_health_with_an_edited_paragraph_and_the_old_seed(built_health: Built, theme: Theme,
                                                          tmp_path: Path, sentences: int) -> None:
    """The warm rebuild: one paragraph of the health briefing made longer, laid out with
    the seed of the unedited briefing. 3 sentences move no page number (one pass); 20 move
    every heading after it; 10 also leave a footnote marker oscillating at a page foot
    (room kept on two pages), where the seeded build gives up the seed and starts afresh."""
    b = built_health.briefing
    part = b.parts[0]
    section = part.sections[0]
    i = next(i for i, blk in enumerate(section.blocks) if isinstance(blk, Paragraph))
    first: Paragraph = section.blocks[i]  # type: ignore[assignment]
    longer = replace(first, content=(*first.content,
                                     Text(text=" " + LOREM * sentences, at=first.at)))
    blocks = (*section.blocks[:i], longer, *section.blocks[i + 1:])
    edited_section: Section = replace(section, blocks=blocks)
    edited = replace(b, parts=(replace(part, sections=(edited_section, *part.sections[1:])),
                               *b.parts[1:]))
    plain, seeded = _check_same(edited, built_health.result.seed, theme, tmp_path,
                                built_health.charts)
    ids = {k: v for k, v in plain.page_of.items() if not k.startswith("@")}  # not blocks
    before = {k: v for k, v in built_health.result.page_of.items() if not k.startswith("@")}
    if sentences == 3:
        assert ids == before and seeded.passes == 1
    else:
        assert ids != before
    if sentences == 10:
        assert not plain.seed.usable  # room for one footnote kept on two pages
