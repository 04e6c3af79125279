"""Whole-document rules: unique ids, cross-references and footnote markers that resolve,
footnotes that are used, and charts whose source, columns and numbers make sense."""

from __future__ import annotations

from collections.abc import Iterator

from builder.charts.rules import check_charts
from builder.model import (
    Briefing,
    CrossRef,
    Emphasis,
    FootnoteRef,
    Inlines,
    Link,
    SourceRef,
    Strong,
)
from builder.problems import Problem, did_you_mean
from builder.walk import all_inlines, all_sections, figures, tables


def refs(spans: Inlines) -> Iterator[CrossRef | FootnoteRef]:
    for span in spans:
        if isinstance(span, CrossRef | FootnoteRef):
            yield span
        elif isinstance(span, Emphasis | Strong | Link):
            yield from refs(span.children)


def _where(at: SourceRef, here: SourceRef) -> str:
    return f"line {at.line}" if at.path == here.path else str(at)


def _duplicates(groups: list[tuple[str, SourceRef, str]], problems: list[Problem]) -> None:
    seen: dict[str, tuple[str, SourceRef]] = {}
    for ident, at, kind in groups:
        if not ident:
            continue
        if ident in seen:
            kind0, at0 = seen[ident]
            problems.append(Problem.at(at0, f"duplicate id '{ident}': the {kind} at "
                                       f"{_where(at, at0)} has it too; give each a different id"))
            problems.append(Problem.at(at, f"duplicate id '{ident}': the {kind0} at "
                                       f"{_where(at0, at)} has it too; give each a different id"))
        else:
            seen[ident] = (kind, at)


def check(b: Briefing) -> tuple[Briefing, list[Problem]]:
    """Document-wide problems; charts without alt text get a drafted one (and a warning)."""
    problems: list[Problem] = []
    targets = ([(s.id, s.at, "section") for s in all_sections(b)]
               + [(t.id, t.at, "table") for t in tables(b)]
               + [(f.id, f.at, "figure") for f in figures(b)])
    _duplicates(targets, problems)
    _duplicates([(f.id, f.at, "footnote") for f in b.footnotes], problems)
    _duplicates([(r.id, r.at, "reference") for r in b.references], problems)
    _duplicates([(c.id, c.at, "chart") for c in b.charts], problems)
    _duplicates([(t.id, t.at, "table") for t in tables(b)]
                + [(d.id, d.at, "dataset") for d in b.datasets], problems)

    target_ids = [t[0] for t in targets]
    fn_ids = [f.id for f in b.footnotes]
    used_fn: set[str] = set()
    for spans in all_inlines(b):
        for r in refs(spans):
            if isinstance(r, FootnoteRef):
                used_fn.add(r.target)
                if r.target not in fn_ids:
                    problems.append(Problem.at(r.at, f"footnote marker {{fn:{r.target}}} points "
                                               "nowhere; " + _hint(r.target, fn_ids, "footnote")))
            elif r.target not in target_ids:
                problems.append(Problem.at(r.at, f"cross-reference {{see:{r.target}}} points "
                                           "nowhere; " + _hint(r.target, target_ids,
                                                               "section, table or figure")))
    shared = {p.at.path for p in b.parts if p.shared}
    for fn in b.footnotes:
        if fn.id and fn.id not in used_fn and fn.at.path in shared:
            problems.append(Problem.at(b.at, f"footnote '{fn.id}' of the shared part {fn.at} "
                                       f"is not cited in this briefing, so it is left out; cite "
                                       f"it with {{fn:{fn.id}}} in this briefing's own text "
                                       "(e.g. a slot)", "warning"))
        elif fn.id and fn.id not in used_fn:
            problems.append(Problem.at(fn.at, f"footnote '{fn.id}' is never referenced; add "
                                       f"{{fn:{fn.id}}} where it belongs or remove it"))
    for fn in b.footnotes:  # a note's marker is drawn in the page foot, which has no room
        for r in refs(fn.content):  # for notes of its own
            if isinstance(r, FootnoteRef):
                problems.append(Problem.at(r.at, f"footnote '{fn.id}' cites footnote "
                                           f"'{r.target}'; a footnote cannot cite another: "
                                           f"cite {r.target} from the text, or merge the notes"))

    chart_ids = [c.id for c in b.charts]
    holders = [("table", t.id, t.chart, t.at) for t in tables(b)]
    holders += [("figure", f.id, f.chart, f.at) for f in figures(b)]
    for kind, ident, chart, at in holders:
        if chart and chart not in chart_ids:
            problems.append(Problem.at(at, f"{kind} '{ident}' uses chart '{chart}', which "
                                       "does not exist; " + _hint(chart, chart_ids, "chart")))
    _check_handout(b, chart_ids, problems)
    b, found = check_charts(b)
    return b, problems + found


def _check_handout(b: Briefing, chart_ids: list[str], problems: list[Problem]) -> None:
    """The handout names sections and charts that exist, and two charts at the most."""
    h = b.handout
    section_ids = [s.id for s in all_sections(b)]
    for sid in h.sections:
        if sid not in section_ids:
            problems.append(Problem.at(h.at, f"handout section '{sid}' does not exist; "
                                       + _hint(sid, section_ids, "section")))
    for cid in h.charts:
        if cid not in chart_ids:
            problems.append(Problem.at(h.at, f"handout chart '{cid}' does not exist; "
                                       + _hint(cid, chart_ids, "chart")))
    if len(h.charts) > 2:
        problems.append(Problem.at(h.at, f"the handout lists {len(h.charts)} charts; give "
                                   "at most two, its key data"))


def _hint(word: str, choices: list[str], what: str) -> str:
    guess = did_you_mean(word, choices)
    return f"did you mean '{guess}'?" if guess else f"use the id of a {what}"
