"""check_chart_data: every kind of bad chart data gives its message, at its line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builder.charts import render_charts
from builder.charts.validate import check_chart_data
from builder.problems import ContentError
from builder.theme import load_theme
from tests.charts.helpers import briefing, dataset, spec, table

P = "content/t/part.yaml"


def messages(b) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in sorted(check_chart_data(b))]


def one_dataset(rows, kind="bar", unit="count", columns=("label", "v")):  # type: ignore[no-untyped-def]
    ds = dataset("ds", list(columns), rows)
    return briefing(datasets=(ds,), charts=(spec("c", "ds", list(columns[1:]), kind=kind,
                                                 unit=unit),))


def test_good_data_has_no_problems() -> None:
    assert messages(one_dataset([["a", 1], ["b", None], ["c", 2.5]])) == []


def test_nan() -> None:
    assert messages(one_dataset([["a", 1], ["b", float("nan")]])) == [
        f"{P}:52: dataset ds: value of 'v' in row 'b' is not a number (NaN); write the number "
        "as published, or null where the source has no value"]


def test_inf() -> None:
    assert messages(one_dataset([["a", float("inf")]])) == [
        f"{P}:51: dataset ds: value of 'v' in row 'a' is infinite; write the number as "
        "published, or null where the source has no value"]


def test_strings_are_not_numbers() -> None:
    # the loader rejects these at load; the check stands alone all the same
    assert messages(one_dataset([["a", "12"], ["b", 3]])) == [
        f"{P}:51: dataset ds: value of 'v' in row 'a' is text ('12'), not a number; write the "
        "number as published, or null where the source has no value"]
    assert "is true, not a number" in messages(one_dataset([["a", True], ["b", 3]]))[0]


def test_empty_dataset() -> None:
    assert messages(one_dataset([])) == [
        f"{P}:50: dataset ds: has no rows; add rows or remove the dataset",
        f"{P}:90: chart c: ds has no rows to plot"]


def test_mismatched_lengths() -> None:
    got = messages(one_dataset([["a", 1, 2], ["b", 3]], columns=("label", "v", "w")))
    assert got == [f"{P}:52: dataset ds: row 'b' has 1 values for 2 value columns (v, w); "
                   "give the label, then one value per column"]
    t = table("t", ["x", "y"], [["a", "1", "2"], ["b", "3"]])
    b = briefing(tables=(t,), charts=(spec("c", "t", ["x"]),))
    assert messages(b) == [f"{P}:12: table t: row 'b' has 1 cells for 2 value columns; "
                           "give the label, then one cell per column"]


def test_negative_in_stacked_and_percent_charts() -> None:
    assert messages(one_dataset([["a", -3], ["b", 3]], kind="stacked")) == [
        f"{P}:51: chart c: 'v' is negative (-3) for 'a'; stacked charts of counts need "
        "values of 0 or more"]
    assert messages(one_dataset([["a", -3]], kind="bar", unit="percent")) == [
        f"{P}:51: chart c: 'v' is negative (-3) for 'a'; bar charts of percents need values "
        "of 0 or more"]
    assert messages(one_dataset([["a", -3], ["b", 3]], kind="bar")) == []  # a change may be < 0


def test_all_none_series() -> None:
    assert messages(one_dataset([["a", None], ["b", None]])) == [
        f"{P}:90: chart c: series 'v' has no count to plot in ds; every value is empty, 'n/a' "
        "or '-'; pick another column or unit"]


def test_unknown_source_column_category_rows_highlight() -> None:
    ds = dataset("ds", ["region", "v"], [["a", 1]])
    bad = [spec("c1", "nope", ["v"]), spec("c2", "ds", ["w"]),
           spec("c3", "ds", ["v"], category="area"),
           spec("c4", "ds", ["v"], rows=("b",), highlight=("z",))]
    got = messages(briefing(datasets=(ds,), charts=tuple(bad)))
    assert got == [
        f"{P}:90: chart c1: source 'nope' is not a table or dataset id; ids are: ds",
        f"{P}:90: chart c2: series column 'w' is not a column of ds; columns are: v",
        f"{P}:90: chart c3: category 'area' is not usable for ds; write 'label' or 'region'",
        f"{P}:90: chart c4: highlight 'z' is not a row of ds; rows are: a",
        f"{P}:90: chart c4: rows 'b' is not a row of ds; rows are: a",
    ]


def test_percent_chart_of_a_column_without_percentages() -> None:
    t = table("t", ["x"], [["a", "7"], ["b", "3 (4%)"]])
    b = briefing(tables=(t,), charts=(spec("c", "t", ["x"], unit="percent"),))
    assert messages(b) == [f"{P}:11: chart c: 'a' in 'x' has a count ('7') but no published "
                           "percentage; use unit: count, or a column with percentages"]


def test_duplicate_chart_ids() -> None:
    ds = dataset("ds", ["label", "v"], [["a", 1]])
    c = spec("c", "ds", ["v"])
    got = messages(briefing(datasets=(ds,), charts=(c, replace(c, title="again"))))
    assert got == [f"{P}:90: chart c: id used twice (first at {P}:90); give each chart its "
                   "own id"]


def test_render_charts_refuses_bad_data_with_every_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = one_dataset([["a", float("nan")], ["b", float("inf")]])
    with pytest.raises(ContentError) as err:
        render_charts(b, load_theme(), tmp_path / "out", tmp_path / "cache")
    assert len(err.value.problems) == 2
    assert not (tmp_path / "out").exists()


def test_characters_the_font_lacks() -> None:
    from builder.charts.validate import check_chart_text

    ds = dataset("ds", ["label", "v"], [["Ɣ region \U0001F600", 1], ["b", 2]])
    b = briefing(datasets=(ds,), charts=(spec("c", "ds", ["v"], title="Fine title – ok"),))
    assert [str(p) for p in check_chart_text(b, load_theme())] == [
        f"{P}:90: chart c: category 'Ɣ region \U0001F600' has characters the font Source Sans "
        "Pro cannot draw: 'Ɣ' (U+0194), '\U0001F600' (U+1F600); replace them"]
