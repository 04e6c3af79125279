"""The mistakes editors make in YAML and in the inline syntax, each told with its file,
line, what is wrong in an editor's words and the likely fix; never exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.content.conftest import BRIEFING, PART, Load

P = "content/demo/part.yaml"
QUOTE = 'put the whole text in double quotes ("...")'
INTRO = "    title: Introduction"

YAML_MISTAKES = [
    ("colon in text", INTRO, "    title: Part 1: Introduction",
     f"{P}:5: the text holds ': ' (a colon and a space), which YAML reads as the start of "
     f"another key; {QUOTE}, or write it as a folded block (>-) on the lines below"),
    ("colon in a continued text", "      - p: Hello{fn:note} world, see {see:table-1}.",
     "      - p: Hello{fn:note} world, see\n          this: {see:table-1}.",
     f"{P}:8: the text holds ': ' (a colon and a space), which YAML reads as the start of "
     f"another key; {QUOTE}, or write it as a folded block (>-) on the lines below"),
    ("tab after a key", INTRO, "    title:\tIntroduction",
     f"{P}:5: a tab at column 11, where YAML does not allow one; replace it with a space"),
    ("tab as indentation", INTRO, "\ttitle: Introduction",
     f"{P}:5: a tab is used for indentation; indent with spaces only"),
    ("key out of line", INTRO, "     title: Introduction",
     f"{P}:5: this line is indented by 5 spaces but line 4 by 2; keys of one mapping (and "
     "items of one list) must line up exactly, with spaces"),
    ("text not indented under its key", "      - p: Hello{fn:note} world, see {see:table-1}.",
     "      - p: Hello{fn:note} world,\n      see {see:table-1}.",
     f"{P}:8: this line is not 'key: value' nor a list item ('- '); if it continues the text "
     "above, indent it further than that text's key (or use a folded block >-); otherwise "
     "add the missing ':'"),
    ("emphasis at the start", "      - p: Hello{fn:note}", "      - p: *Hello*{fn:note}",
     f"{P}:7: text starting with '*' is read by YAML as an alias; {QUOTE}"),
    ("emphasis at the start of the whole text", "      - p: Hello{fn:note} world, see "
     "{see:table-1}.", "      - p: *Hello world* see {see:table-1}{fn:note}",
     f"{P}:7: '*Hello' is read by YAML as an alias of an anchor that does not exist; if it "
     "is text (e.g. *emphasis*), put the whole text in double quotes"),
    ("a link at the start", "      - p: Hello{fn:note}", "      - p: [Hello](https://x.org){fn:note}",
     f"{P}:7: text starting with '[' is read by YAML as a list; {QUOTE}"),
    ("a cross-reference at the start", "      - p: Hello{fn:note} world, see {see:table-1}.",
     "      - p: {see:table-1} says hello{fn:note}",
     f"{P}:7: text starting with '{{' is read by YAML as a mapping; {QUOTE}"),
    ("unclosed quote", INTRO, '    title: "Introduction',
     f"{P}:5: the quoted text that starts at column 12 is not closed on its line, so YAML "
     'reads on to the quote on line 14; add the closing "'),
    ("unclosed quote at the end", "    alt: Deaths by category.", '    alt: "Deaths',
     f'{P}:28: the quoted text that starts at column 10 is never closed; add the closing "'),
    ("text after a quote", INTRO, '    title: "Intro" duction',
     f'{P}:5: text goes on after the closing quote; quote the whole text (a quote inside '
     'double quotes is written \\")'),
    ("backslash in double quotes", INTRO, '    title: "C:\\Intro"',
     f"{P}:5: a backslash in double-quoted text starts an escape (\\n, \\\"); write \\\\ for a "
     "backslash, or use single quotes ('...') around the text"),
    ("text starting with @", INTRO, "    title: @Introduction",
     f"{P}:5: text cannot start with '@' in YAML; {QUOTE}"),
    ("text after | on its line", INTRO, "    title: | Introduction",
     f"{P}:5: '|' or '>' must end its line; start the text on the next line, indented "
     "further than the key"),
]


@pytest.mark.parametrize("what,old,new,message", YAML_MISTAKES,
                         ids=[m[0] for m in YAML_MISTAKES])
def test_yaml_mistake(load: Load, what: str, old: str, new: str, message: str) -> None:
    assert old in PART
    model, problems = load(part=PART.replace(old, new, 1))
    assert model is None
    assert problems == [message]


TEXT_LOST = [
    ("a comment swallows the text", INTRO, "    title: #1 Introduction",
     [f"{P}:5: 'title' is empty; write the title",
      f"{P}:5: warning: the text after ' #' is a comment to YAML, so this value is empty; if "
      "it is text, put the whole text in double quotes"]),
    ("a comment cuts the text", INTRO, "    title: Issue #1 of 3",
     [f"{P}:5: warning: the text stops at ' #', which YAML reads as the start of a comment "
      "('#1 of 3' is left out); if it is part of the text, put the whole text in double "
      "quotes"]),
    ("an anchor swallows a word", INTRO, "    title: &Intro duction",
     [f"{P}:5: warning: '&Intro' at the start of this text is read by YAML as an anchor and "
      "left out of the text; put the whole text in double quotes"]),
]


@pytest.mark.parametrize("what,old,new,messages", TEXT_LOST, ids=[m[0] for m in TEXT_LOST])
def test_yaml_that_loses_text(load: Load, what: str, old: str, new: str,
                              messages: list[str]) -> None:
    _, problems = load(part=PART.replace(old, new, 1))
    assert problems == messages


HELLO = "      - p: Hello{fn:note} world, see {see:table-1}."
INLINE_SLIPS = [
    ("unclosed emphasis", '      - p: "Hello{fn:note} *world, see {see:table-1}."',
     f"{P}:7: warning: the '*' before 'world, see {{see:table-1}}.' opens emphasis that is "
     "never closed; add '*' after the words, or write \\* for a literal star"),
    ("unclosed bold", '      - p: "Hello{fn:note} **world, see {see:table-1}."',
     f"{P}:7: warning: the '**' before 'world, see {{see:table-1}}.' opens bold that is never "
     "closed; add '**' after the words, or write \\* for a literal star"),
    ("unclosed link", '      - p: "Hello{fn:note} [world](https://x.org see {see:table-1}."',
     f"{P}:7: warning: the link '[world](https://x.org see {{...' is not closed with ')', or "
     "its address holds a space; write [words](https://address)"),
    ("unknown reference kind", '      - p: "Hello{fn:note} world, {ref:table-1} {see:table-1}"',
     f"{P}:7: warning: '{{ref:table-1}}' is not a reference kind the builder knows; write "
     "{see:ID} for a cross-reference or {fn:ID} for a footnote marker (\\{ for a literal "
     "brace)"),
    ("a space in a reference", '      - p: "Hello{fn:note} world, {see: table-1} {see:table-1}"',
     f"{P}:7: warning: '{{see: table-1}}' is not read as a reference: write {{see:ID}} with no "
     "spaces, the ID made of letters, digits, '-', '_' and '.'"),
]


@pytest.mark.parametrize("what,new,message", INLINE_SLIPS, ids=[m[0] for m in INLINE_SLIPS])
def test_inline_slip_is_a_warning(load: Load, what: str, new: str, message: str) -> None:
    model, problems = load(part=PART.replace(HELLO, new))
    assert model is not None
    assert problems == [message]


def test_literal_stars_stay_quiet(load: Load) -> None:
    """The published table notes' 'Father*' and '* The category' are not slips."""
    _, problems = load(part=PART.replace(HELLO, '      - p: "Father* and * The category, '
                                         '2*3, \\\\*x{fn:note} {see:table-1}"'))
    assert problems == []


def test_a_yaml_mistake_exits_1_with_the_message(tiny: Path) -> None:
    part = tiny / "content/tiny/part.yaml"
    part.write_text(part.read_text().replace("title: Introduction", "title: Intro: duction"))
    run = run_cli(tiny, "check")
    assert run.returncode == 1
    assert run.stderr.startswith("content/tiny/part.yaml:5: the text holds ': '")
    assert "Traceback" not in run.stderr


def test_a_broken_briefing_file_does_not_hide_its_parts_mistakes(load: Load) -> None:
    briefing = BRIEFING.replace("title: Demo briefing", "title: Demo: briefing")
    _, problems = load(briefing=briefing, part=PART.replace(INTRO, "    title: Part 1: Intro"))
    colon = ("the text holds ': ' (a colon and a space), which YAML reads as the start of "
             f"another key; {QUOTE}, or write it as a folded block (>-) on the lines below")
    assert problems == [f"content/demo/briefing.yaml:2: {colon}", f"{P}:5: {colon}"]
