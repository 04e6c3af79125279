"""One test per validation rule: the exact message, file and line."""

from __future__ import annotations

from pathlib import Path

from builder.content import discover, input_files, resolve_targets
from builder.model import Paragraph, Quote, Table, Text
from tests.content.conftest import BRIEFING, PART, Load
from tests.hostile_templates import branded

P = "content/demo/part.yaml"
B = "content/demo/briefing.yaml"


def test_valid_demo_loads_clean(load: Load) -> None:
    model, problems = load()
    assert problems == []
    assert model is not None
    assert model.parts[0].sections[0].level == 2
    assert model.parts[0].at.path == P
    table = model.parts[0].sections[0].blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0].cells[0].count == 3
    assert table.rows[0].cells[0].at.line == 16


# 1. syntax, encoding, empty files -------------------------------------------------------

def test_yaml_syntax_error_has_line_and_column(load: Load) -> None:
    model, problems = load(part="id: part-1\ntitle: [unclosed\nsections: []\n")
    assert model is None
    assert problems == [f"{P}:2: the [ at column 8 opens a YAML list that is not closed with "
                        "']' on this line; close it, or if this is text, put the whole text in "
                        'double quotes ("...")']


def test_tab_indentation(load: Load) -> None:
    _, problems = load(part="id: part-1\ntitle: T\nsections:\n\t- id: x\n")
    assert problems == [f"{P}:4: a tab is used for indentation; indent with spaces only"]


def test_invalid_utf8(load: Load) -> None:
    _, problems = load(part=b"id: part-1\ntitle: caf\xe9\n")
    assert problems == [f"{P}:2: invalid UTF-8 at column 11; save the file with UTF-8 encoding"]


def test_bom_and_crlf_are_accepted(load: Load) -> None:
    model, problems = load(part=b"\xef\xbb\xbf" + PART.replace("\n", "\r\n").encode())
    assert problems == []
    assert model is not None


def test_empty_file(load: Load) -> None:
    _, problems = load(part="  \n")
    assert problems == [f"{P}:1: file is empty; write the YAML content or remove the file"]


def test_comment_only_file_is_empty(load: Load) -> None:
    _, problems = load(part="# nothing yet\n")
    assert problems == [f"{P}:1: file is empty; write the YAML content"]


# 2. unknown keys and block kinds --------------------------------------------------------

def test_unknown_key_with_suggestion(load: Load) -> None:
    _, problems = load(part=PART.replace("    title: Introduction", "    titel: Introduction"))
    assert problems == [
        f"{P}:4: section is missing 'title'; add a title: line",
        f"{P}:5: unknown key 'titel' in section; did you mean 'title'?",
    ]


def test_unknown_key_without_suggestion(load: Load) -> None:
    _, problems = load(part=PART.replace("    title: Introduction",
                                         "    title: Introduction\n    zzz: 1"))
    assert problems == [f"{P}:6: unknown key 'zzz' in section; allowed keys: id, title, "
                        "blocks, sections, slides, training"]


def test_unknown_block_kind(load: Load) -> None:
    _, problems = load(part=PART.replace("      - p: Hello", "      - para: Hello"))
    assert problems[0] == f"{P}:7: unknown block kind 'para'; did you mean 'p'?"


def test_kind_form_of_a_block(load: Load) -> None:
    model, problems = load(part=PART.replace("      - table:\n          id: table-1",
                                             "      - kind: table\n        id: table-1")
                           .replace("\n          ", "\n        "))
    assert problems == []
    assert model is not None and isinstance(model.parts[0].sections[0].blocks[1], Table)
    _, problems = load(part=PART.replace("      - table:\n          id: table-1",
                                         "      - kind: tabel\n        id: table-1")
                       .replace("\n          ", "\n        "))
    assert f"{P}:8: unknown block kind 'tabel'; did you mean 'table'?" in problems


# 3. types and required fields -----------------------------------------------------------

def test_empty_paragraph(load: Load) -> None:
    _, problems = load(part=PART.replace("      - p: Hello", "      - p:\n      - p: Hello"))
    assert problems == [f"{P}:7: 'p' is empty; write the paragraph or remove the block"]


def test_wrong_type_number(load: Load) -> None:
    _, problems = load(part=PART.replace("number: 1", "number: one"))
    assert problems == [f"{P}:10: 'number' must be a whole number, got text 'one'"]


def test_wrong_type_list(load: Load) -> None:
    _, problems = load(part=PART.replace("sections:\n", "sections: oops\n", 1)
                       .split("  - id: intro")[0] + "footnotes: []\n")
    assert problems == [f"{P}:3: 'sections' must be a list, got text 'oops'"]


def test_missing_required_field(load: Load) -> None:
    _, problems = load(briefing=BRIEFING.replace("date: December 2022\n", ""))
    assert problems == [f"{B}:1: briefing is missing 'date'; add a date: line"]


# 4. duplicate keys ----------------------------------------------------------------------

def test_duplicate_keys_report_both_lines(load: Load) -> None:
    _, problems = load(part=PART.replace("    title: Introduction",
                                         "    title: Introduction\n    title: Again"))
    assert problems == [
        f"{P}:5: duplicate key 'title': also at line 6; keep only one",
        f"{P}:6: duplicate key 'title': first at line 5; keep only one",
    ]


# 5. duplicate ids -----------------------------------------------------------------------

def test_duplicate_ids_report_both_locations(load: Load) -> None:
    _, problems = load(part=PART.replace("id: table-1\n", "id: intro\n")
                       .replace("{see:table-1}", "{see:intro}").replace("source: table-1",
                                                                         "source: intro"))
    assert problems == [
        f"{P}:4: duplicate id 'intro': the table at line 9 has it too; give each a different id",
        f"{P}:9: duplicate id 'intro': the section at line 4 has it too; give each a different id",
    ]


def test_duplicate_ids_across_files(load: Load) -> None:
    briefing = BRIEFING + "footnotes:\n  - id: note\n    text: Again.\n"
    _, problems = load(briefing=briefing)
    assert problems == [
        f"{B}:16: duplicate id 'note': the footnote at {P}:20 has it too; give each a "
        "different id",
        f"{P}:20: duplicate id 'note': the footnote at {B}:16 has it too; give each a "
        "different id",
    ]


# 6. cross-references and footnotes ------------------------------------------------------

def test_cross_reference_points_nowhere(load: Load) -> None:
    _, problems = load(part=PART.replace("{see:table-1}", "{see:table-2}"))
    assert problems == [f"{P}:7: cross-reference {{see:table-2}} points nowhere; "
                        "did you mean 'table-1'?"]


def test_footnote_marker_points_nowhere_and_unused_footnote(load: Load) -> None:
    _, problems = load(part=PART.replace("{fn:note}", "{fn:note2}"))
    assert problems == [
        f"{P}:20: footnote 'note' is never referenced; add {{fn:note}} where it belongs or "
        "remove it",
        f"{P}:7: footnote marker {{fn:note2}} points nowhere; did you mean 'note'?",
    ][::-1]


# 7. assets and includes -----------------------------------------------------------------

def test_missing_include(load: Load) -> None:
    _, problems = load(briefing=BRIEFING.replace("part.yaml", "part3.yaml"))
    assert problems == [f"{B}:10: included file 'part3.yaml' does not exist; give a path "
                        "relative to this file"]


def test_include_outside_content(load: Load, tmp_path: Path) -> None:
    _, problems = load(briefing=BRIEFING.replace("part.yaml", "../../elsewhere/part.yaml"),
                       files={"elsewhere/part.yaml": PART})
    assert problems == [f"{B}:10: included file '../../elsewhere/part.yaml' lies outside the "
                        "project's content/ folder; includes must stay inside content/"]


def test_include_symlink_out_of_content(load: Load, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(PART)
    (tmp_path / "content/demo").mkdir(parents=True)
    (tmp_path / "content/demo/link.yaml").symlink_to(outside)
    _, problems = load(briefing=BRIEFING.replace("part.yaml", "link.yaml"))
    assert problems == [f"{B}:10: included file 'link.yaml' lies outside the project's "
                        "content/ folder; includes must stay inside content/"]


def test_template_missing_and_outside(load: Load, tmp_path: Path) -> None:
    _, problems = load(briefing=BRIEFING + "template: nope.pptx\n")
    assert problems == [f"{B}:15: template 'nope.pptx' does not exist; give a path relative "
                        "to this file or to the project folder, or leave it empty"]
    (tmp_path / "other").mkdir()
    (tmp_path / "other/t.pptx").write_bytes(b"x")
    _, problems = load(briefing=BRIEFING + "template: other/t.pptx\n")
    assert problems == [f"{B}:15: template 'other/t.pptx' lies outside the project's content/ "
                        "and assets/ folders; move it under assets/"]


def test_template_under_assets(load: Load, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    branded(tmp_path / "assets/t.pptx")
    model, problems = load(briefing=BRIEFING + "template: assets/t.pptx\n")
    assert problems == []
    assert model is not None and model.template == "assets/t.pptx"
    assert (tmp_path / "assets/t.pptx").resolve() in input_files(tmp_path / B)


def test_template_that_is_not_a_pptx(load: Load, tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/t.pptx").write_bytes(b"not a zip")
    _, problems = load(briefing=BRIEFING + "template: ../../assets/t.pptx\n")
    assert problems == [f"{B}:15: template '../../assets/t.pptx' cannot be used: it is not a "
                        "PowerPoint file (its zip structure is damaged); save the template "
                        "again from PowerPoint as a .pptx"]


# 8. links -------------------------------------------------------------------------------

def test_link_scheme(load: Load) -> None:
    _, problems = load(part=PART.replace("world,", "[world](javascript:alert),"))
    assert problems == [f"{P}:7: link 'javascript:alert' uses the scheme 'javascript'; only "
                        "https, http and mailto links are allowed"]


def test_bare_www_reference_url(load: Load) -> None:
    model, problems = load(briefing=BRIEFING.replace("https://example.org/book",
                                                     "www.example.org/book"))
    assert problems == []
    assert model is not None and model.references[0].url == "https://www.example.org/book"


def test_reference_url_scheme(load: Load) -> None:
    _, problems = load(briefing=BRIEFING.replace("https://example.org/book", "ftp://x.org/b"))
    assert problems == [f"{B}:14: link 'ftp://x.org/b' uses the scheme 'ftp'; only https, "
                        "http and mailto links are allowed"]


# 9. text kept as written ----------------------------------------------------------------

def test_implicit_typing_does_not_leak(load: Load) -> None:
    part = PART.replace("      - p: Hello", "      - p: NO\n      - p: 1.10\n      - p: 12:30\n"
                        "      - p: 01234\n      - p: 2024-01-02\n      - p: Hello")
    part = part.replace("[Suicide, \"3 (30%)\"]", "[Suicide, 3]").replace(
        "[Accident, \"7 (70%)\"]", "[Accident, 7]")
    model, problems = load(part=part)
    assert problems == []
    assert model is not None
    blocks = model.parts[0].sections[0].blocks
    texts = [b.content[0].text for b in blocks[:5]  # type: ignore[union-attr]
             if isinstance(b, Paragraph) and isinstance(b.content[0], Text)]
    assert texts == ["NO", "1.10", "12:30", "01234", "2024-01-02"]
    table = blocks[6]
    assert isinstance(table, Table)
    assert table.rows[0].cells[0].text == "3" and table.rows[0].cells[0].count == 3


def test_numbers_as_strings_in_dataset(load: Load) -> None:
    part = PART + ("datasets:\n  - id: ds\n    title: Data\n    columns: [region, value]\n"
                   "    rows:\n      - [North, \"12\"]\n")
    _, problems = load(part=part)
    assert problems == [f"{P}:34: dataset 'ds', row 'North', column 'value': numbers given as "
                        "strings ('12' is quoted text); write the number without quotes"]


# 10. tags -------------------------------------------------------------------------------

def test_unsafe_tag_refused(load: Load) -> None:
    _, problems = load(part=PART.replace("p: Hello", "p: !!python/object/apply:os.system Hello"))
    assert problems == [f"{P}:7: '!!python/object/apply:os.system' is read by YAML as a tag, "
                        "which content does not use; if it is text, put the whole text in "
                        "double quotes, otherwise remove it"]


def test_custom_tag_refused(load: Load) -> None:
    _, problems = load(part=PART.replace("title: Introduction", "title: !shout Introduction"))
    assert problems == [f"{P}:5: '!shout' is read by YAML as a tag, which content does not "
                        "use; if it is text, put the whole text in double quotes, otherwise "
                        "remove it"]


# 11. control characters -----------------------------------------------------------------

def test_control_character_reported_and_removed(load: Load) -> None:
    _, problems = load(part=PART.replace("title: Introduction", 'title: "Intro\\x1Bduction"'))
    assert problems == [f"{P}:5: contains control character U+001B; remove it"]


def test_raw_control_character(load: Load) -> None:
    _, problems = load(part=PART.replace("title: Introduction", "title: Intro\x07duction"))
    assert problems == [f"{P}:5: contains control character U+0007; remove it"]


def test_surrogate_and_noncharacter(load: Load) -> None:
    _, problems = load(part=PART.replace("title: Introduction", 'title: "A\\uD800B\\uFFFE"'))
    assert problems == [
        f"{P}:5: contains a non-character U+FFFE; remove it",
        f"{P}:5: contains an invalid character (lone surrogate U+D800); remove it",
    ]


def test_bidi_control_is_a_warning_and_has_no_glyph(load: Load) -> None:
    model, problems = load(part=PART.replace("title: Introduction", 'title: "Intro\\u202Ex"'))
    assert problems[-1] == (f"{P}:5: warning: contains invisible bidirectional control "
                            "U+202E; remove it unless the text really needs it")
    # the brand font has no glyph for it: the PDF would print a box (checked when read)
    assert problems[:-1] == [f"{P}:4: 'title': character '\\u202e' (U+202E, right-to-left "
                             "override) cannot be shown by font Source Sans Pro; remove it or "
                             "replace it with a character the font has"]


def test_nfc_normalisation(load: Load) -> None:
    model, _ = load(part=PART.replace("title: Introduction", 'title: "Cafe\\u0301"'))
    assert model is not None and model.parts[0].sections[0].title == "Caf\u00e9"


def test_newline_in_one_line_field(load: Load) -> None:
    _, problems = load(part=PART.replace("title: Introduction", "title: |\n      Two\n      lines"))
    assert problems == [f"{P}:5: 'title' must be one line; use a folded (>-) block or remove "
                        "the line breaks"]


# 12. aliases and nesting ----------------------------------------------------------------

def test_alias_bomb_is_bounded(load: Load) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefg"):
        prev = "abcdefg"[i]
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    _, problems = load(part=bomb)
    assert problems == [f"{P}:5: too many aliases/nodes (more than 100000); do not repeat large "
                        "anchored blocks with *aliases"]


def test_deep_nesting_is_bounded(load: Load) -> None:
    _, problems = load(part="x: " + "[" * 1000 + "]" * 1000 + "\n")
    assert problems == [f"{P}:1: nested more than 50 levels deep; simplify the structure"]


def test_recursive_alias(load: Load) -> None:
    _, problems = load(part="x: &a [1, *a]\n")
    assert problems == [f"{P}:1: alias *a refers to a block that contains it; remove the loop"]


# 13. charts -----------------------------------------------------------------------------

def test_chart_unknown_kind(load: Load) -> None:
    _, problems = load(part=PART.replace("kind: hbar", "kind: hbars"))
    assert problems == [f"{P}:24: 'kind' cannot be 'hbars'; did you mean 'hbar'?"]


def test_chart_unknown_source_and_column(load: Load) -> None:
    _, problems = load(part=PART.replace("source: table-1", "source: table-9"))
    assert problems == [f"{P}:23: chart 'c1': source 'table-9' is not a table or dataset id; "
                        "did you mean 'table-1'?"]
    _, problems = load(part=PART.replace("column: d2017", "column: d2018"))
    assert problems == [f"{P}:26: chart 'c1': column 'd2018' does not exist in 'table-1'; "
                        "did you mean 'd2017'?"]


def test_table_and_figure_pointing_to_unknown_chart(load: Load) -> None:
    part = PART.replace("chart: c1", "chart: c2").replace(
        "      - table:", "      - figure: {id: figure-1, number: 1, title: F, chart: c3}\n"
        "      - table:")
    _, problems = load(part=part)
    assert problems == [
        f"{P}:8: figure 'figure-1' uses chart 'c3', which does not exist; use the id of a chart",
        f"{P}:10: table 'table-1' uses chart 'c2', which does not exist; use the id of a chart",
    ]


DATASET = """\
datasets:
  - id: ds
    title: Data
    columns: [region, a, b]
    rows:
      - [North, 1, 2]
      - [South, 3, 4]
"""


def test_dataset_row_lengths_nan_and_empty(load: Load) -> None:
    bad = DATASET.replace("[North, 1, 2]", "[North, 1]").replace("[South, 3, 4]",
                                                                  "[South, .nan, .inf]")
    _, problems = load(part=PART + bad)
    assert problems == [
        f"{P}:34: row 'North' of dataset 'ds' has 2 values but there are 3 columns; write one "
        "value per column",
        f"{P}:35: dataset 'ds', row 'South', column 'a' is .nan, which is not a number (NaN); "
        "write a number, or null where the source has none",
        f"{P}:35: dataset 'ds', row 'South', column 'b' is .inf, which is infinite; "
        "write a number, or null where the source has none",
    ]
    _, problems = load(part=PART + DATASET.split("    rows:")[0] + "    rows: []\n")
    assert problems == [f"{P}:33: dataset 'ds' has no rows; add the data or remove it"]


def test_negative_values_in_stacked_chart(load: Load) -> None:
    chart = ("  - id: c2\n    kind: stacked\n    source: ds\n    category: region\n"
             "    series: [{column: a}, {column: b}]\n    title: T\n    alt: A.\n")
    part = PART + chart + DATASET.replace("[South, 3, 4]", "[South, 3, -4]")
    _, problems = load(part=part)
    assert problems == [f"{P}:42: chart 'c2': 'b' is negative (-4) for 'South'; stacked "
                        "charts of counts need values of 0 or more"]


def test_missing_alt_text_is_drafted(load: Load) -> None:
    model, problems = load(part=PART.replace("    alt: Deaths by category.\n", ""))
    draft = "Horizontal bar chart of deaths (2017-19): accident 7, suicide 3."
    assert problems == [f"{P}:23: warning: chart 'c1' has no alt text; a draft was made from "
                        f"the data: '{draft}'; review it and put it in alt:"]
    assert model is not None and model.charts[0].alt == draft


# 14. data checks ------------------------------------------------------------------------

def test_percent_mismatch_warning(load: Load) -> None:
    model, problems = load(part=PART.replace('"3 (30%)"', '"3 (31%)"'))
    assert problems == [f"{P}:16: warning: table-1 (Table 1), row 'Suicide', column 'd2017': "
                        "stated 31% but 3/10 = 30.0%; the published figures are kept as "
                        "printed; check the source"]
    assert model is not None  # warnings do not stop the build


def test_partition_warning(load: Load) -> None:
    _, problems = load(part=PART.replace('"7 (70%)"', '"6 (60%)"'))
    assert problems == [f"{P}:14: warning: table-1 (Table 1), column 'd2017': the rows add up "
                        "to 9 but n = 10; the published figures are kept as printed; check the "
                        "source"]


def test_sums_warning(load: Load) -> None:
    part = PART.replace(
        '            - {key: d2017, label: "2017-19 (n=10)", n: 10, partition: true}',
        '            - {key: a, label: A}\n            - {key: b, label: B}\n'
        '            - {key: d2017, label: "2017-19 (n=10)", n: 10, sums: [a, b]}',
    ).replace('[Suicide, "3 (30%)"]', '[Suicide, "1", "1", "3 (30%)"]').replace(
        '[Accident, "7 (70%)"]', '[Accident, "3", "4", "7 (70%)"]')
    _, problems = load(part=part)
    assert problems == [f"{P}:18: warning: table-1 (Table 1), row 'Suicide', column 'd2017': "
                        "stated 3 but 1 + 1 = 2; the published figures are kept as printed; "
                        "check the source"]


def test_row_with_wrong_number_of_cells(load: Load) -> None:
    _, problems = load(part=PART.replace('[Suicide, "3 (30%)"]', '[Suicide, "3 (30%)", "x"]'))
    assert problems == [f"{P}:16: row 'Suicide' has 2 cells but table 'table-1' has 1 columns "
                        "after the label; write one cell per column"]


# model building -------------------------------------------------------------------------

def test_sections_nest_two_levels(load: Load) -> None:
    sub = ("    sections:\n      - id: sub\n        title: Sub\n        sections:\n"
           "          - id: subsub\n            title: Too deep\n")
    part = PART.replace("footnotes:", sub + "footnotes:")
    _, problems = load(part=part)
    assert problems == [f"{P}:23: sections nest only two levels inside a part; move these "
                        "subsections up a level"]
    model, problems = load(part=PART.replace("footnotes:", sub.split("        sections:")[0]
                                             + "footnotes:"))
    assert model is not None
    assert model.parts[0].sections[0].sections[0].level == 3


def test_quote_voice_and_paragraphs(load: Load) -> None:
    part = PART.replace("      - p: Hello", "      - quote: [One, Two]\n        voice: true\n"
                        "      - p: Hello")
    model, problems = load(part=part)
    assert problems == []
    assert model is not None
    quote = model.parts[0].sections[0].blocks[0]
    assert isinstance(quote, Quote) and quote.kind == "voice" and len(quote.paragraphs) == 2


# public API -----------------------------------------------------------------------------

def test_discover_and_resolve_targets(load: Load, tmp_path: Path) -> None:
    load()
    found = discover(tmp_path)
    assert found == [tmp_path / B]
    targets, problems = resolve_targets(["content/demo", B, "content/nope"], tmp_path)
    assert targets == [(tmp_path / B).resolve()]
    assert [str(p) for p in problems] == [
        "content/nope:0: 'content/nope' does not exist; give a briefing folder "
        "(e.g. content/health) or its briefing.yaml"]


def test_input_files(load: Load, tmp_path: Path) -> None:
    load()
    assert input_files(tmp_path / B) == [(tmp_path / B).resolve(), (tmp_path / P).resolve()]


# training deck settings and training material ------------------------------------------

def test_deck_minutes_and_section_training_are_read(load: Load) -> None:
    model, problems = load(
        briefing=BRIEFING + "deck:\n  minutes: 60\n",
        part=PART.replace("    title: Introduction\n", "    title: Introduction\n"
                          "    training:\n      questions: [\"What would you do?\"]\n"
                          "      activities:\n        - {title: Map it, minutes: 5, "
                          "steps: [Draw the route.]}\n      prompts: [Pairs first.]\n"))
    assert problems == []
    assert model is not None and model.deck.minutes == 60
    training = model.parts[0].sections[0].training
    assert training is not None
    assert training.questions == ((Text(text="What would you do?"),),)
    assert [(a.title, a.minutes) for a in training.activities] == [("Map it", 5)]
    assert training.prompts == ((Text(text="Pairs first."),),)


def test_default_session_is_90_minutes(load: Load) -> None:
    model, _ = load()
    assert model is not None and model.deck.minutes == 90
    assert model.parts[0].sections[0].training is None


def test_session_minutes_out_of_range_and_unknown_training_key(load: Load) -> None:
    _, problems = load(
        briefing=BRIEFING + "deck:\n  minutes: 900\n",
        part=PART.replace("    title: Introduction\n", "    title: Introduction\n"
                          "    training:\n      question: [x]\n"))
    assert problems == [
        f"{B}:16: 'minutes' is 900; give a whole number of minutes from 30 to 240",
        f"{P}:7: unknown key 'question' in training; did you mean 'questions'?"]


def test_a_character_the_font_lacks_in_metadata_is_reported_at_its_field(load: Load) -> None:
    _, problems = load(briefing=BRIEFING.replace("series: Demo series",
                                                 "series: Demo series\nsector: Health \u2615")
                       .replace("  name: Research in Practice", "  name: RiP \u2615"))
    lacks = ("character '\u2615' (U+2615, hot beverage) cannot be shown by font Source Sans "
             "Pro; remove it or replace it with a character the font has")
    assert problems == [f"{B}:5: 'sector': {lacks}", f"{B}:8: 'name': {lacks}"]
