"""YAML syntax errors told in an editor's words: the line to look at, what is wrong there
and the likely fix (usually: quote the text, or line the indentation up).

PyYAML's own message stays as the last resort for a mistake not recognised here.
"""

from __future__ import annotations

import re

import yaml

from builder.content.shapes import SHAPES

QUOTE_IT = "put the whole text in double quotes (\"...\")"
# a line 'key: ...' with one of these keys, indented under a text, is a key out of line
KNOWN_KEYS = frozenset(f.key for s in SHAPES.values() for f in s.fields)
_NOT_TOKEN = re.compile(r"found character '(.+)' that cannot start any token")


class _Where:
    """The lines of the file and the parser's marks (1-based line and column)."""

    def __init__(self, e: yaml.MarkedYAMLError, text: str) -> None:
        self.lines = text.splitlines()
        mark = e.problem_mark or e.context_mark
        self.line = mark.line + 1 if mark else 1
        self.col = mark.column + 1 if mark else 1
        start = e.context_mark
        self.start_line = start.line + 1 if start else self.line
        self.start_col = start.column + 1 if start else self.col

    def src(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def indent(self, line: int) -> int:
        text = self.src(line)
        return len(text) - len(text.lstrip(" "))

    def above(self, line: int) -> int:
        """The nearest line above ``line`` that holds something other than a comment."""
        for n in range(line - 1, 0, -1):
            if self.src(n).strip() and not self.src(n).lstrip().startswith("#"):
                return n
        return 0


def explain(e: yaml.YAMLError, text: str) -> tuple[int, str]:
    """(line, message) for a syntax error PyYAML raised while reading ``text``."""
    if not isinstance(e, yaml.MarkedYAMLError):
        return 1, f"YAML syntax error: {e}; check indentation and quoting"
    w = _Where(e, text)
    problem, context = e.problem or "", e.context or ""
    for rule in _RULES:
        found = rule(w, problem, context)
        if found is not None:
            return found
    return w.line, (f"YAML syntax error at column {w.col}: {problem or context}; "
                    "check indentation and quoting")


Found = tuple[int, str] | None


def _runaway_quote(w: _Where, problem: str, context: str) -> Found:
    """A quoted text not closed on its line runs on to the next quote, often lines below,
    where the parser then stumbles."""
    if "'\\t'" in problem or "escape" in problem or '"' not in w.src(w.line):
        return None
    for n in range(w.line - 1, max(0, w.line - 60), -1):
        src = w.src(n)
        value = src.partition(": ")[2] if ": " in src else src.lstrip().removeprefix("- ")
        if value.startswith('"') and '"' not in value[1:].replace('\\"', ""):
            col = len(src) - len(value) + 1
            return n, (f"the quoted text that starts at column {col} is not closed on its line,"
                       f" so YAML reads on to the quote on line {w.line}; add the closing \"")
    return None


def _tab(w: _Where, problem: str, context: str) -> Found:
    if "'\\t'" not in problem:
        return None
    src = w.src(w.line)
    if not src[: w.col - 1].strip():
        return w.line, "a tab is used for indentation; indent with spaces only"
    return w.line, (f"a tab at column {w.col}, where YAML does not allow one; replace it with "
                    "a space")


def _colon(w: _Where, problem: str, context: str) -> Found:
    if problem != "mapping values are not allowed here":
        return None
    src = w.src(w.line)
    earlier = 0 <= src.find(": ") < w.col - 1
    key = src.strip().removeprefix("- ").partition(":")[0]
    continuation = (w.indent(w.line) > w.indent(w.above(w.line)) and not earlier
                    and not src.lstrip().startswith("- ") and key not in KNOWN_KEYS)
    if earlier or continuation:
        return w.line, ("the text holds ': ' (a colon and a space), which YAML reads as the "
                        f"start of another key; {QUOTE_IT}, or write it as a folded block "
                        "(>-) on the lines below")
    return w.line, _indentation(w, w.line)


def _indentation(w: _Where, line: int) -> str:
    above = w.above(line)
    here, there = w.indent(line), w.indent(above)
    return (f"this line is indented by {here} space{'s' * (here != 1)} but line {above} by "
            f"{there}; keys of one mapping (and items of one list) must line up "
            "exactly, with spaces")


def _no_colon(w: _Where, problem: str, context: str) -> Found:
    if problem != "could not find expected ':'":
        return None
    return w.start_line, ("this line is not 'key: value' nor a list item ('- '); if it "
                          "continues the text above, indent it further than that text's key "
                          "(or use a folded block >-); otherwise add the missing ':'")


def _alias(w: _Where, problem: str, context: str) -> Found:
    if context not in ("while scanning an alias", "while scanning an anchor"):
        return None
    mark = "*" if "alias" in context else "&"
    return w.start_line, (f"text starting with '{mark}' is read by YAML as an "
                          f"{'alias' if mark == '*' else 'anchor'}; {QUOTE_IT}")


def _unclosed_quote(w: _Where, problem: str, context: str) -> Found:
    if "quoted scalar" not in context or "end of stream" not in problem:
        return None
    quote = w.src(w.start_line)[w.start_col - 1: w.start_col] or '"'
    return w.start_line, (f"the quoted text that starts at column {w.start_col} is never "
                          f"closed; add the closing {quote}")


def _escape(w: _Where, problem: str, context: str) -> Found:
    if not problem.startswith("found unknown escape character"):
        return None
    return w.line, ("a backslash in double-quoted text starts an escape (\\n, \\\"); write "
                    "\\\\ for a backslash, or use single quotes ('...') around the text")


def _after_value(w: _Where, problem: str, context: str) -> Found:
    if not problem.startswith("expected <block end>, but found"):
        return None
    src = w.src(w.line)
    key, sep, value = src.partition(": ")
    value = value.lstrip() if sep else src.lstrip().removeprefix("- ")
    if "'<scalar>'" in problem and value[:1] in "\"'":
        return w.line, ("text goes on after the closing quote; quote the whole text (a quote "
                        "inside double quotes is written \\\")")
    if "'<scalar>'" in problem and value[:1] in "[{":
        what = "list" if value[0] == "[" else "mapping"
        return w.line, (f"text starting with '{value[0]}' is read by YAML as a {what}; "
                        f"{QUOTE_IT}")
    return w.line, _indentation(w, w.line)


def _flow(w: _Where, problem: str, context: str) -> Found:
    if not context.startswith("while parsing a flow"):
        return None
    close = "]" if "sequence" in context else "}"
    return w.start_line, (f"the {'[' if close == ']' else '{'} at column {w.start_col} opens a "
                          f"YAML {'list' if close == ']' else 'mapping'} that is not closed "
                          f"with '{close}' on this line; close it, or if this is text, "
                          f"{QUOTE_IT}")


def _bad_start(w: _Where, problem: str, context: str) -> Found:
    m = _NOT_TOKEN.match(problem)
    if not m:
        return None
    return w.line, f"text cannot start with '{m.group(1)}' in YAML; {QUOTE_IT}"


def _block_scalar(w: _Where, problem: str, context: str) -> Found:
    if context != "while scanning a block scalar":
        return None
    return w.start_line, ("'|' or '>' must end its line; start the text on the next line, "
                          "indented further than the key")


_RULES = (_runaway_quote, _tab, _colon, _no_colon, _alias, _unclosed_quote, _escape, _after_value, _flow,
          _bad_start, _block_scalar)
