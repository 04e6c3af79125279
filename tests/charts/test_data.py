"""chart_data: what is plotted, the printed labels, gaps, sorting, alt text, the cache key."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from builder.charts.data import chart_data, draft_alt, format_value, spec_hash
from builder.problems import ContentError
from builder.theme import load_theme
from tests.charts.helpers import briefing, dataset, spec, table

T1 = table("table-1", ["d2014", "d2017"], [
    ["Fatal physical abuse", "46 (22%)", "18 (14%)"],
    ["Extreme neglect", "1 (<1%)", "6 (5%)"],
    ["Severe persistent cruelty", "9 (4%)", "0"],
    ["Late consequences", "n/a", "1 (1%)"],
    ["Sexual exploitation", "-", "2 (2%)"],
    ["Death related to maltreatment", "105 (51%)", "70 (53%)"],
])
REGIONS = dataset("rates", ["region", "cin", "rate"], [
    ["North East", 23580, 445.1], ["North West", 60460, 389.3], ["London", None, 350.7]])


def test_counts_from_a_table() -> None:
    c = spec("c", "table-1", ["d2014", "d2017"], kind="grouped")
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    assert d.categories[0] == "Fatal physical abuse"
    assert d.series[0].values == (46.0, 1.0, 9.0, None, None, 105.0)
    assert d.series[0].texts == ("46", "1", "9", "n/a", "no data", "105")
    assert d.series[1].values == (18.0, 6.0, 0.0, 1.0, 2.0, 70.0)  # "0" is a real zero


def test_percentages_as_published_and_no_invented_numbers() -> None:
    c = spec("c", "table-1", ["d2014", "d2017"], kind="grouped", unit="percent")
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    # "<1%" is not a number: None, printed as published, and named in `missing`
    assert d.series[0].values == (22.0, None, 4.0, None, None, 51.0)
    assert d.series[0].texts == ("22%", "<1%", "4%", "n/a", "no data", "51%")
    assert d.series[1].values[2] == 0.0 and d.series[1].texts[2] == "0%"
    assert ("Extreme neglect", "d2014 label", "<1%") in d.gaps
    assert "Extreme neglect (d2014 label)" in d.missing
    assert "Late consequences (d2014 label)" in d.missing


def test_editor_missing_text_wins() -> None:
    c = spec("c", "table-1", ["d2014"], missing="The 2005-07 split is not known.")
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    assert d.missing == "The 2005-07 split is not known."
    assert len(d.gaps) == 2  # still listed for renderers


def test_dataset_columns_by_name_and_numbers_as_published() -> None:
    c = spec("c", "rates", ["rate", "cin"], kind="grouped", category="region")
    d = chart_data(briefing(datasets=(REGIONS,), charts=(c,)), c)
    assert d.categories == ("North East", "North West", "London")
    assert d.series[0].texts == ("445.1", "389.3", "350.7")
    assert d.series[1].texts == ("23,580", "60,460", "no data")
    assert d.source_note == ""  # dataset has no source text; spec none


def test_rows_subset_and_sorting() -> None:
    c = spec("c", "table-1", ["d2017"], rows=("Extreme neglect", "Fatal physical abuse"))
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    assert d.categories == ("Extreme neglect", "Fatal physical abuse")
    c = spec("c", "table-1", ["d2014"], sort="descending")
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    assert d.categories[:3] == ("Death related to maltreatment", "Fatal physical abuse",
                                "Severe persistent cruelty")
    assert d.categories[-2:] == ("Late consequences", "Sexual exploitation")  # no value: last
    c = spec("c", "table-1", ["d2014"], sort="ascending")
    assert chart_data(briefing(tables=(T1,), charts=(c,)), c).categories[0] == "Extreme neglect"


def test_unknown_source_column_row_stop_the_plan_with_line() -> None:
    from builder.charts import plan_charts

    for bad in (spec("c", "nope", ["d2014"]), spec("c", "table-1", ["d2099"]),
                spec("c", "table-1", ["d2014"], rows=("Missing row",))):
        with pytest.raises(ContentError) as err:
            plan_charts(briefing(tables=(T1,), charts=(bad,)), load_theme())
        assert str(err.value).startswith("content/t/part.yaml:90: chart 'c': ")


def test_draft_alt_names_kind_values_and_gaps() -> None:
    c = spec("c", "table-1", ["d2017"], title="Categories of death in 2017-19 SCRs")
    d = chart_data(briefing(tables=(T1,), charts=(c,)), c)
    assert d.alt_drafted
    assert d.alt.startswith(
        "Horizontal bar chart of categories of death in 2017-19 SCRs (d2017 label), largest "
        "values: death related to maltreatment 70, fatal physical abuse 18, extreme neglect 6, "
        "sexual exploitation 2, late consequences 1 and 1 more.")
    c2 = replace(c, alt="Editor's words.")
    d2 = chart_data(briefing(tables=(T1,), charts=(c2,)), c2)
    assert d2.alt == "Editor's words." and not d2.alt_drafted
    line = spec("l", "share", ["pct"], kind="line", unit="percent", category="period",
                title="Share aged 16+")
    ds = dataset("share", ["period", "pct"], [["2005-07", 11], ["2007-09", None],
                                              ["2017-19", 19]])
    alt = chart_data(briefing(datasets=(ds,), charts=(line,)), line).alt
    assert alt == ("Line chart of share aged 16+ (pct label): 2005-07 11%, 2017-19 19%. "
                   "No value in the source for: 2007-09.")
    assert draft_alt(d) == d.alt


def test_format_value() -> None:
    assert format_value(1234567, "count") == "1,234,567"
    assert format_value(68.5, "percent") == "68.5%"
    assert format_value(0.77, "count") == "0.77"


def test_spec_hash_changes_with_what_is_drawn_only() -> None:
    theme = load_theme()
    c = spec("c", "table-1", ["d2017"])
    b = briefing(tables=(T1,), charts=(c,))
    h = spec_hash(chart_data(b, c), c, theme)
    assert h == spec_hash(chart_data(b, c), c, theme)
    assert len(h) == 64
    c_alt = replace(c, alt="Other words")  # alt text is not drawn
    assert spec_hash(chart_data(b, c_alt), c_alt, theme) == h
    c_title = replace(c, title="New title")
    assert spec_hash(chart_data(b, c_title), c_title, theme) != h
    t2 = replace(theme, chart_palette=("#000000",) + theme.chart_palette[1:])
    assert spec_hash(chart_data(b, c), c, t2) != h
    t3 = replace(theme, charts=replace(theme.charts, dpi_png=150))
    assert spec_hash(chart_data(b, c), c, t3) != h


def test_data_module_does_not_import_matplotlib() -> None:
    import subprocess

    code = ("import sys, builder.charts, builder.charts.data, builder.charts.rules; "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
