"""The chart rules: every kind of bad chart gives its message, at its line."""

from __future__ import annotations

import pytest

from builder.charts import render_charts
from builder.charts.rules import check_chart_text, check_charts
from builder.problems import ContentError
from builder.theme import load_theme
from tests.charts.helpers import briefing, dataset, spec, table

P = "content/t/part.yaml"


def messages(b) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in sorted(check_charts(b)[1]) if p.severity == "error"]


def one_dataset(rows, kind="bar", unit="count", columns=("label", "v")):  # type: ignore[no-untyped-def]
    ds = dataset("ds", list(columns), rows)
    return briefing(datasets=(ds,), charts=(spec("c", "ds", list(columns[1:]), kind=kind,
                                                 unit=unit),))


def test_good_data_has_no_problems() -> None:
    assert messages(one_dataset([["a", 1], ["b", None], ["c", 2.5]])) == []


def test_values_that_are_not_finite_numbers() -> None:
    # the loader refuses them; a model made another way meets the same rule
    assert messages(one_dataset([["a", float("inf")], ["b", float("nan")]])) == [
        f"{P}:51: chart 'c': 'v' for 'a' is not a finite number; write the number as published",
        f"{P}:52: chart 'c': 'v' for 'b' is not a finite number; write the number as published"]


def test_stacked_totals_too_large_to_draw() -> None:
    big = [["a", 1e308, 1e308], ["b", 1, 2]]
    assert messages(one_dataset(big, kind="stacked", columns=("label", "v", "w"))) == [
        f"{P}:90: chart 'c': the values for 'a' add up to more than a chart can draw; check "
        "the numbers"]


def test_negative_in_stacked_and_percent_charts() -> None:
    assert messages(one_dataset([["a", -3], ["b", 3]], kind="stacked")) == [
        f"{P}:51: chart 'c': 'v' is negative (-3) for 'a'; stacked charts of counts need "
        "values of 0 or more"]
    assert messages(one_dataset([["a", -3]], kind="bar", unit="percent")) == [
        f"{P}:51: chart 'c': 'v' is negative (-3) for 'a'; bar charts of percents need values "
        "of 0 or more"]
    assert messages(one_dataset([["a", -3], ["b", 3]], kind="bar")) == []  # a change may be < 0


def test_all_none_series() -> None:
    assert messages(one_dataset([["a", None], ["b", None]])) == [
        f"{P}:90: chart 'c': series 'v' has no count to plot in 'ds'; every value is empty, 'n/a' "
        "or '-'; pick another column or unit"]


def test_unknown_source_column_category_rows_highlight() -> None:
    ds = dataset("ds", ["region", "v"], [["a", 1]])
    bad = [spec("c1", "nope", ["v"]), spec("c2", "ds", ["w"]),
           spec("c3", "ds", ["v"], category="area"),
           spec("c4", "ds", ["v"], rows=("b",), highlight=("z",))]
    got = messages(briefing(datasets=(ds,), charts=tuple(bad)))
    assert got == [
        f"{P}:90: chart 'c1': source 'nope' is not a table or dataset id; ids are: ds",
        f"{P}:90: chart 'c2': column 'w' does not exist in 'ds'; columns are: v",
        f"{P}:90: chart 'c3': category 'area' is not usable for 'ds'; write 'label' or 'region'",
        f"{P}:90: chart 'c4': highlight entry 'z' is not a row of 'ds'; rows are: a",
        f"{P}:90: chart 'c4': rows entry 'b' is not a row of 'ds'; rows are: a",
    ]


def test_percent_chart_of_a_column_without_percentages() -> None:
    t = table("t", ["x"], [["a", "7"], ["b", "3 (4%)"]])
    b = briefing(tables=(t,), charts=(spec("c", "t", ["x"], unit="percent"),))
    assert messages(b) == [f"{P}:11: chart 'c': 'a' in 'x' has a count ('7') but no published "
                           "percentage; use unit: count, or a column with percentages"]


def test_render_charts_refuses_bad_data_with_every_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = one_dataset([["a", -1], ["b", -2]], kind="stacked")
    with pytest.raises(ContentError) as err:
        render_charts(b, load_theme(), tmp_path / "out", tmp_path / "cache")
    assert len(err.value.problems) == 2
    assert not (tmp_path / "out").exists()


def test_characters_the_font_lacks() -> None:
    ds = dataset("ds", ["label", "v"], [["Ɣ region \U0001F600", 1], ["b", 2]])
    b = briefing(datasets=(ds,), charts=(spec("c", "ds", ["v"], title="Fine title – ok"),))
    assert [str(p) for p in check_chart_text(b, load_theme())] == [
        f"{P}:90: chart 'c': category 'Ɣ region \U0001F600' has characters the font Source Sans "
        "Pro cannot draw: 'Ɣ' (U+0194), '\U0001F600' (U+1F600); replace them"]


def test_too_many_categories_is_a_warning() -> None:
    rows = [[f"r{i}", i] for i in range(31)]
    warnings = [str(p) for p in check_charts(one_dataset(rows))[1] if p.severity == "warning"]
    assert warnings[0] == (
        f"{P}:90: warning: chart 'c': 31 categories are too many to read in one chart; pick at "
        "most 30 with rows:")
    assert warnings[1].startswith(f"{P}:90: warning: chart 'c' has no alt text; a draft was made")
