"""Series rules, each with its exact message, file and line: slots, references and
footnotes travelling with a shared part, table and figure numbers, titles that repeat the
printed label, placeholders, and briefing ids unique across the project."""

from __future__ import annotations

from pathlib import Path

from builder.content import load_briefings
from builder.model import Paragraph, Table
from tests.conftest import run_cli
from tests.content.conftest import BRIEFING, PART, Load, write

P = "content/demo/part.yaml"
B = "content/demo/briefing.yaml"
SHARED = "content/shared/part.yaml"

SHARED_PART = """\
id: part-1
title: "Part 1: Shared"
shared: true
sections:
  - id: who
    title: Who this briefing is for
    blocks:
      - slot: who-for
        about: The sector's readers.
      - p: Common text (Smith, 2020).{fn:lang}
      - p: Sector text follows.
references:
  - id: smith-2020
    text: "Smith, A. (2020). *Shared source*."
  - id: adams-2019
    text: "Adams, B. (2019). *Another*."
footnotes:
  - id: lang
    text: A note on language.
  - id: sector-note
    text: Cited from the slot.
"""

SERIES_BRIEFING = BRIEFING.replace("parts:\n  - include: part.yaml", """\
slots:
  who-for:
    - p: This briefing{fn:sector-note} is for teachers.
parts:
  - include: ../shared/part.yaml
  - include: part.yaml""")


def _series(load: Load, briefing: str = SERIES_BRIEFING, part: str = PART,
            shared: str = SHARED_PART) -> tuple[object, list[str]]:
    return load(briefing=briefing, part=part, files={SHARED: shared})


def test_slot_filled_by_the_briefing(load: Load) -> None:
    model, problems = _series(load)
    assert problems == []
    assert model is not None
    who = model.parts[0].sections[0]
    assert isinstance(who.blocks[0], Paragraph)
    assert who.blocks[0].at.path == B
    assert [b.at.path for b in who.blocks] == [B, SHARED, SHARED]


def test_slot_not_filled(load: Load) -> None:
    briefing = SERIES_BRIEFING.replace("  who-for:\n    - p: This briefing{fn:sector-note} is "
                                       "for teachers.\n", "")
    _, problems = _series(load, briefing=briefing)
    assert problems == [
        f"{B}:1: warning: footnote 'sector-note' of the shared part {SHARED}:20 is not cited "
        "in this briefing, so it is left out; cite it with {fn:sector-note} in this briefing's "
        "own text (e.g. a slot)",
        f"{B}:11: the part at {SHARED}:8 has a slot 'who-for' that this briefing does not fill; "
        "add 'who-for:' under slots: with this briefing's own text",
    ]


def test_fill_for_a_slot_no_part_has(load: Load) -> None:
    briefing = SERIES_BRIEFING.replace("  who-for:\n", "  who-for:\n    - p: x{fn:sector-note}"
                                       "\n  whofor:\n")
    _, problems = _series(load, briefing=briefing)
    assert problems == [f"{B}:12: slot 'whofor' is not a slot of this briefing's parts; "
                        "did you mean 'who-for'?"]


def test_slot_inside_a_case_is_refused(load: Load) -> None:
    part = PART.replace("      - p: Hello{fn:note} world, see {see:table-1}.",
                        "      - p: Hello{fn:note} world, see {see:table-1}.\n"
                        "      - case:\n          blocks:\n            - slot: who-for")
    _, problems = _series(load, part=part)
    assert problems == [f"{P}:10: a 'slot' block is not allowed here; allowed: p, quote, bullets"]


def test_references_travel_with_the_shared_part(load: Load) -> None:
    model, problems = _series(load)
    assert problems == []
    assert model is not None
    # merged into one list in alphabetical order: the part's two and the briefing's own
    assert [r.id for r in model.references] == ["adams-2019", "ref-one", "smith-2020"]
    assert [r.at.path for r in model.references] == [SHARED, B, SHARED]


def test_a_reference_given_twice_the_same_is_listed_once(load: Load) -> None:
    briefing = SERIES_BRIEFING + '  - id: smith-2020\n    text: "Smith, A. (2020). *Shared source*."\n'
    model, problems = _series(load, briefing=briefing)
    assert problems == []
    assert model is not None
    assert [r.id for r in model.references] == ["adams-2019", "ref-one", "smith-2020"]


def test_a_reference_given_twice_differently_is_a_duplicate(load: Load) -> None:
    briefing = SERIES_BRIEFING + '  - id: smith-2020\n    text: "Smith, A. (2020). Other."\n'
    _, problems = _series(load, briefing=briefing)
    assert problems == [
        f"{B}:19: duplicate id 'smith-2020': the reference at {SHARED}:13 has it too; "
        "give each a different id",
        f"{SHARED}:13: duplicate id 'smith-2020': the reference at {B}:19 has it too; "
        "give each a different id",
    ]


TABLE_2 = """
      - table:
          id: table-b
          title: More deaths
          columns:
            - {key: category, label: Category}
            - {key: d, label: "n=10"}
          rows:
            - [Suicide, "3"]
"""


def test_a_table_without_a_number_counts_on(load: Load) -> None:
    model, problems = load(part=PART.replace("          chart: c1\n", "          chart: c1\n"
                                             + TABLE_2.lstrip("\n")))
    assert problems == []
    assert model is not None
    tables = [b for b in model.parts[0].sections[0].blocks if isinstance(b, Table)]
    assert [(t.id, t.number) for t in tables] == [("table-1", 1), ("table-b", 2)]


def test_a_table_number_given_twice(load: Load) -> None:
    part = PART.replace("          chart: c1\n", "          chart: c1\n"
                        + TABLE_2.lstrip("\n").replace("          title: More",
                                                       "          number: 1\n          title: More"))
    _, problems = load(part=part)
    assert problems == [
        f"{P}:9: table 'table-1' is Table 1, as is 'table-b' at line 20; give each table its "
        "own number, or leave number: out to have the builder count on",
        f"{P}:20: table 'table-b' is Table 1, as is 'table-1' at line 9; give each table its "
        "own number, or leave number: out to have the builder count on",
    ]


def test_titles_that_repeat_the_printed_label(load: Load) -> None:
    part = PART.replace("          title: Deaths", "          title: \"Table 1: Deaths\"")
    part = part.replace("      - p: Hello", "      - case:\n          title: \"Case example: "
                        "Jo\"\n          blocks: [{p: text}]\n      - p: Hello")
    model, problems = load(part=part)
    assert problems == [
        f"{P}:8: the case title 'Case example: Jo' starts with 'Case example:', which the "
        "builder prints itself ('Case example: ...'); remove it from the title",
        f"{P}:14: the table title 'Table 1: Deaths' starts with 'Table 1:', which the builder "
        "prints itself ('Table N: ...'); remove it from the title",
    ]


def test_placeholders_are_warnings_until_written(load: Load) -> None:
    briefing = BRIEFING.replace("title: Demo briefing", "title: \"TODO: the cover title\"")
    part = PART.replace("- p: Hello{fn:note} world, see {see:table-1}.",
                        '- p: "TODO: write who this is for.{fn:note} {see:table-1}"')
    model, problems = load(briefing=briefing, part=part)
    assert model is not None
    assert problems == [
        f"{B}:2: warning: placeholder 'TODO: the cover title' is still to be written; "
        "replace it with this briefing's own text",
        f"{P}:7: warning: placeholder 'TODO: write who this is for.{{fn:note}} {{see:table-1}}' is "
        "still to be written; "
        "replace it with this briefing's own text",
    ]


def test_two_briefings_with_one_id(load: Load, tmp_path: Path) -> None:
    load()
    write(tmp_path, "content/copy/briefing.yaml", BRIEFING)
    write(tmp_path, "content/copy/part.yaml", PART)
    targets = [tmp_path / B]
    briefings, problems = load_briefings(targets, tmp_path)
    assert briefings == []
    assert [str(p) for p in problems] == [
        "content/copy/briefing.yaml:1: briefing id 'demo' is also the id of "
        f"{B}:1; give each briefing its own id (it names the output folder output/demo/)",
        f"{B}:1: briefing id 'demo' is also the id of content/copy/briefing.yaml:1; give each "
        "briefing its own id (it names the output folder output/demo/)",
    ]
    run = run_cli(tmp_path, "check")
    assert run.returncode == 1, run.stderr
    assert "briefing id 'demo' is also the id of" in run.stderr


def test_a_shared_part_problem_is_reported_once(load: Load, tmp_path: Path) -> None:
    shared = SHARED_PART.replace("      - p: Sector text follows.",
                                 "      - p: Sector text follows.\n      - p: \"TODO: more\"")
    load(briefing=SERIES_BRIEFING, files={SHARED: shared})
    other = SERIES_BRIEFING.replace("id: demo", "id: other")
    write(tmp_path, "content/other/briefing.yaml", other)
    write(tmp_path, "content/other/part.yaml", PART.replace("table-1", "table-x")
          .replace("id: c1", "id: c9").replace("chart: c1", "chart: c9"))
    _, problems = load_briefings([tmp_path / B, tmp_path / "content/other/briefing.yaml"],
                                 tmp_path)
    assert [str(p) for p in problems] == [
        f"{SHARED}:12: warning: placeholder 'TODO: more' is still to be written; replace it "
        "with this briefing's own text"]
