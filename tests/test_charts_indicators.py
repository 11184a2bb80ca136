"""Chart builders (dashboard/core/charts/indicators.py): inspect the Vega-Lite spec, no browser.

Why: a shared axis between two income definitions, or a reference tick where the sketch
gives none, would mislead a policy advisor comparing municipalities.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import charts as c
from dashboard.core.charts import indicators as ind
from tests.chart_support import assert_framed, range_value, spec_of, value


def test_indicator_rows_one_axis_per_definition():
    df = pd.DataFrame(
        [
            value("A", "GM1", "income_a", 41000, group="income", ref=41000, unit="euro"),
            value("B", "GM2", "income_a", 38000, group="income", ref=41000, unit="euro"),
            value("A", "GM1", "income_b", 32000, group="income", ref=32000, unit="euro"),
        ]
    )
    rows = c.prepare_indicator_rows(df, "nl")
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=["Bron: KPMG (2019), x"], lang="nl"))
    assert_framed(spec)
    assert spec["facet"]["row"]["field"] == "row_header"
    assert spec["resolve"]["scale"]["x"] == "independent"
    # each facet row (one x axis) holds exactly one definition
    assert rows.groupby("row_key")["indicator_id"].nunique().max() == 1
    assert set(rows["row_key"]) == {"income_a", "income_b"}
    # within one definition municipalities share the row
    assert set(rows[rows["row_key"] == "income_a"]["municipality_code"]) == {"GM1", "GM2"}


def test_incomparable_indicator_gets_one_axis_per_municipality():
    df = pd.DataFrame(
        [
            value("A", "GM1", "growth", 10, comparable=False),
            value("B", "GM2", "growth", 20, comparable=False),
        ]
    )
    rows = c.prepare_indicator_rows(df, "nl")
    assert rows["row_key"].nunique() == 2
    notes = c.definition_notes(df, "nl", {})
    assert any("eigen as" in n for n in notes)


def test_definition_notes_explain_why(warehouse_frames):
    df = pd.DataFrame(
        [
            value("A", "GM1", "x1", 1, group="income"),
            value("A", "GM1", "x2", 2, group="income"),
            value("A", "GM1", "y", 3, group="health"),
        ]
    )
    notes = c.definition_notes(df, "nl", {"income": "Inkomen"})
    assert len(notes) == 1 and notes[0].startswith("Inkomen: 2 verschillende definities")
    assert "eigen as" in notes[0]


def test_reference_tick_only_where_given():
    df = pd.DataFrame([value("A", "GM1", "x", 5, ref=None), value("B", "GM2", "x", 6, ref=7.3)])
    rows = c.prepare_indicator_rows(df, "nl")
    assert rows["reference_label"].tolist() == ["geen landelijke referentie in de schets", "7,3%"]
    assert rows["national_reference"].isna().tolist() == [True, False]  # no fake reference value


def test_real_profile_chart(warehouse_frames):
    iv = warehouse_frames["indicator_values"]
    code = iv["municipality_code"].iloc[0]
    rows = c.prepare_indicator_rows(iv[iv["municipality_code"] == code], "en", label_by="context")
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("en", ["CBS"])], lang="en"))
    assert_framed(spec, "en")
    assert rows.groupby("row_key")["indicator_id"].nunique().max() == 1


def test_indicator_rows_draw_a_range_as_a_range():
    df = pd.DataFrame(
        [
            value("Amsterdam", "GM1", "low_edu", 38, year=2018) | {"note_nl": "Inwoners van 65 jaar en ouder."},
            range_value("Amsterdam", "GM1", "low_edu", 30, 50, year=2018)
            | {"note_nl": "Inwoners met een niet-westerse migratieachtergrond."},
        ]
    )
    rows = c.prepare_indicator_rows(df, "nl", label_by="context")
    assert rows["value_label"].tolist() == ["38%", "30–50%"]
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("nl")], lang="nl"))
    assert_framed(spec)
    data = spec["datasets"][spec["data"]["name"]]
    ranged = next(d for d in data if d["value_label"] == "30–50%")
    assert (ranged["range_start"], ranged["range_end"]) == (30, 50)
    assert ranged["text_x"] == 50  # the label sits right of the upper bound, not inside the range
    exact = next(d for d in data if d["value_label"] == "38%")
    assert exact["range_end"] is None
    # a lighter bar from the lower to the upper bound, only where there is a range
    layers = spec["spec"]["layer"]
    span = next(layer for layer in layers if layer["encoding"].get("x2"))
    assert span["mark"]["type"] == "bar" and span["mark"]["color"] == c.RANGE_COLOUR
    assert span["encoding"]["x"]["field"] == "range_start" and span["encoding"]["x2"]["field"] == "range_end"
    assert span["transform"] == [{"filter": "isValid(datum.range_end)"}]
    assert any("bereik" in line for line in spec["title"]["subtitle"])
    # the value label is the whole range
    text = next(layer for layer in layers if layer["encoding"].get("text", {}).get("field") == "value_label")
    assert text["encoding"]["x"]["field"] == "text_x"


def test_indicator_row_labels_are_whole_and_wrapped():
    df = pd.DataFrame(
        [
            value("Amsterdam", "GM1", "low_edu", 38, year=2018) | {"note_nl": "Inwoners van 65 jaar en ouder."},
            value("Amsterdam", "GM1", "low_edu", 35, year=2018)
            | {"note_nl": "Inwoners met een niet-westerse migratieachtergrond."},
        ]
    )
    for label_by in ("context", "municipality"):
        rows = c.prepare_indicator_rows(df, "nl", label_by=label_by)
        assert not rows["bar_label"].str.contains("…").any()
        assert rows["bar_label"].str.endswith("Inwoners met een niet-westerse migratieachtergrond").any()
        spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("nl")], lang="nl"))
        data = spec["datasets"][spec["data"]["name"]]
        for d in data:
            lines = d["bar_text"].split(c.LINE_BREAK)
            assert " ".join(lines) == d["bar_label"]  # every word, over several lines
            assert all(len(line) <= c.LABEL_CHARS for line in lines)
        assert any(len(d["bar_text"].split(c.LINE_BREAK)) == 2 for d in data)
        # a string with line breaks, not a list: Streamlit sends data as Arrow, where a list becomes '[a,b]'
        for d in data:  # on a phone the label column is narrower: shorter lines, still every word
            narrow = d["bar_text_narrow"].split(c.LINE_BREAK)
            assert " ".join(narrow).replace("- ", "-") == d["bar_label"]
            assert all(len(line) <= ind.LABEL_CHARS_NARROW or " " not in line for line in narrow)  # long words whole
        labels = next(
            layer
            for layer in spec["spec"]["layer"]
            if layer["encoding"].get("text", {}).get("field") == "bar_text_shown"
        )
        shown = labels["transform"][0]["calculate"]
        assert "datum.bar_text_narrow" in shown and "datum.bar_text" in shown and "windowSize()" in shown
        assert labels["mark"]["lineBreak"] == c.LINE_BREAK and labels["mark"]["align"] == "right"
        n_lines = max(len(d[f].split(c.LINE_BREAK)) for d in data for f in ("bar_text", "bar_text_narrow"))
        assert spec["spec"]["height"]["step"] >= c.LABEL_LINE_HEIGHT * n_lines
        y_axis = spec["spec"]["layer"][0]["encoding"]["y"]["axis"]
        assert y_axis["labels"] is False
        assert y_axis["minExtent"] == {"expr": f"{ind.NARROW} ? {ind.LABEL_WIDTH_NARROW} : {c.LABEL_WIDTH}"}
    assert "bar_text" not in rows  # the downloadable data keeps one label per row


def test_value_label_sits_at_its_own_bar_end_not_at_a_longer_reference_tick():
    # Montferland-like: a value of 1.9% under a 4.0% reference; the label belongs to the bar, at 1.9
    df = pd.DataFrame([value("Montferland", "GM1", "share", 1.9, ref=4.0)])
    rows = c.prepare_indicator_rows(df, "nl")
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("nl")], lang="nl"))
    (row,) = spec["datasets"][spec["data"]["name"]]
    assert row["national_reference"] == 4.0
    assert row["text_x"] == 1.9


def test_one_indicator_row_uses_one_precision_for_values_and_reference():
    df = pd.DataFrame(
        [
            value("A", "GM1", "share", 9, ref=16.4),
            value("B", "GM2", "share", 12.5, ref=16.4),
            value("A", "GM1", "other", 3, ref=4, group="h"),
        ]
    )
    rows = c.prepare_indicator_rows(df, "nl")
    labels = dict(zip(rows["municipality_name"] + rows["indicator_id"], rows["value_label"], strict=True))
    assert labels == {"Ashare": "9,0%", "Bshare": "12,5%", "Aother": "3%"}
    assert rows.loc[rows["indicator_id"] == "share", "reference_label"].tolist() == ["16,4%", "16,4%"]


def _tooltip_titles(node) -> list[list[str]]:
    """Every tooltip list in a spec, as the titles a reader sees."""
    found = []
    if isinstance(node, dict):
        tooltip = node.get("tooltip")
        if isinstance(tooltip, list):
            found.append([item.get("title") for item in tooltip if isinstance(item, dict)])
        for child in node.values():
            found += _tooltip_titles(child)
    elif isinstance(node, list):
        for child in node:
            found += _tooltip_titles(child)
    return found


def test_indicator_tooltips_name_each_field_once():
    """Two tooltip lines titled 'Waarde' (the indicator's name and its value) read as two values."""
    df = pd.DataFrame([value("A", "GM1", "income_a", 41000, group="income", ref=41000, unit="euro")])
    for lang, indicator_word in (("nl", "Indicator"), ("en", "Indicator")):
        rows = c.prepare_indicator_rows(df, lang)
        spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=["Bron: KPMG (2019), x"], lang=lang))
        tooltips = _tooltip_titles(spec)
        assert tooltips, "the chart has no tooltips"
        for titles in tooltips:
            assert len(titles) == len(set(titles)), titles
            assert titles[0] == indicator_word
