"""Chart text alternatives: summaries from hand-made rows, the table view and the accessible spec."""

import pandas as pd

from dashboard.core import chart_text


def test_map_summary_counts_each_colour_most_frequent_first():
    data = pd.DataFrame({"name": ["A", "B", "C", "D"], "colour_label": ["wijk", "stad", "wijk", "wijk"]})
    assert chart_text.summary("map", data, "nl") == (
        "Kaart van Nederland met 4 gemeenten, gekleurd naar de gekozen kenmerkwaarde: 3 wijk en 1 stad."
    )


def test_indicator_rows_summary_counts_values_indicators_and_one_municipality():
    data = pd.DataFrame({"row_key": ["a", "a", "b"], "municipality_name": ["Ede", "Ede", "Ede"]})
    text = chart_text.summary("indicator_rows", data, "en")
    assert text.startswith("3 values of 2 indicators from 1 municipality;")


def test_deviation_summary_names_directions_and_largest_difference():
    data = pd.DataFrame(
        {
            "municipality_name": ["A", "B", "C"],
            "direction": ["above", "below", "below"],
            "deviation": [1.0, -2.5, -0.5],
            "deviation_label": ["+1,0", "−2,5", "−0,5"],
        }
    )
    assert chart_text.summary("deviation", data, "nl") == (
        "1 gemeenten boven, 2 onder en 0 gelijk aan de landelijke referentie; grootste verschil: B (−2,5)."
    )


def test_scatter_summary_names_lowest_and_highest_per_axis():
    data = pd.DataFrame(
        {"name": ["A", "B"], "x_value": [3, 1], "x_label": ["3", "1"], "y_value": [10, 20], "y_label": ["10", "20"]}
    )
    assert chart_text.summary("scatter", data, "en") == (
        "2 municipalities; horizontally from B (1) to A (3), vertically from A (10) to B (20)."
    )


def test_groups_summary_counts_groups():
    data = pd.DataFrame(
        {
            "municipality_code": ["1", "2", "3"],
            "value_id": ["x", "y", "y"],
            "municipality_name": ["A", "B", "C"],
            "value": [5.0, 2.0, 9.0],
            "value_label": ["5", "2", "9"],
        }
    )
    assert chart_text.summary("groups", data, "en") == (
        "3 municipalities in 2 groups; lowest value B (2), highest C (9)."
    )


def test_heatmap_summary_ignores_zero_cells():
    data = pd.DataFrame(
        {
            "municipality_code": ["1", "1", "2", "3"],
            "basic_function_id": ["f1", "f2", "f1", "f3"],
            "n_practices": [2, 1, 3, 0],
        }
    )
    assert chart_text.summary("heatmap", data, "en") == (
        "2 municipalities highlight 2 basic functions with 6 practice examples in total."
    )


def test_empty_chart_says_so():
    assert chart_text.summary("scatter", pd.DataFrame(), "en") == "The chart holds no values."


def test_table_view_keeps_reading_columns_with_translated_headers():
    data = pd.DataFrame(
        {
            "municipality_name": ["A"],
            "value_label": ["5%"],
            "reference_label": ["4%"],
            "deviation_label": ["+1"],
            "deviation": [1.0],
        }
    )
    table = chart_text.table_view("deviation", data, "nl")
    assert list(table.columns) == ["Gemeente", "Waarde", "Landelijke referentie", "Verschil met referentie"]
    assert table.iloc[0].tolist() == ["A", "5%", "4%", "+1"]


def test_accessible_spec_describes_view_and_hides_marks_without_touching_the_original():
    spec = {"mark": "bar", "config": {"axis": {"labelFontSize": 12}}}
    out = chart_text.accessible_spec(spec, "Titel. Zin.")
    assert out["description"] == "Titel. Zin."
    assert out["config"]["aria"] is False and out["config"]["mark"]["aria"] is False
    assert out["config"]["axis"] == {"labelFontSize": 12, "aria": False}
    assert "description" not in spec and "aria" not in spec["config"]["axis"]


def test_axis_label_drops_the_reference_it_names():
    assert chart_text.without_reference("Laag opgeleid (beroepsbevolking, ref. 14,6%)") == (
        "Laag opgeleid (beroepsbevolking)"
    )
    assert chart_text.without_reference("Gemiddeld besteedbaar huishoudensinkomen (ref. € 41.000)") == (
        "Gemiddeld besteedbaar huishoudensinkomen"
    )
    assert chart_text.without_reference("Werkloosheid") == "Werkloosheid"
