"""Chart builders (dashboard/core/charts.py): inspect the Vega-Lite spec, no browser.

Why: the charts make comparisons for policy advisors; a shared axis between two income definitions, a
reference line that is only right for some points, or an export without its source would mislead.
"""

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from dashboard.core import charts as c
from dashboard.core import queries as q

ROOT_DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def wh(built_warehouse):
    con = duckdb.connect(str(built_warehouse), read_only=True)
    data = {
        name: getattr(q, name)(con)
        for name in (
            "overview",
            "org_matrix",
            "highlights",
            "basic_functions",
            "dimensions",
            "dimension_values",
            "indicator_values",
            "indicators",
        )
    }
    con.close()
    return data


def spec_of(chart) -> dict:
    return chart.to_dict()


def walk(node):
    """Every dict in a spec, depth first."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def assert_framed(spec: dict, lang: str = "nl"):
    title = spec["title"]
    assert title["text"]
    sub = " ".join(title["subtitle"])
    assert ("Bron: KPMG (2019)" if lang == "nl" else "Source: KPMG (2019)") in sub
    assert spec["config"]["locale"]["number"]["decimal"] == ("," if lang == "nl" else ".")
    assert any("tooltip" in d for d in walk(spec)), "every chart has tooltips"


def value(name, muni, ind, v, *, group="g", ref=None, comparable=True, unit="percent", area=None, year=2018):
    return {
        "municipality_code": muni,
        "municipality_name": name,
        "indicator_id": ind,
        "label_nl": ind,
        "label_en": ind,
        "unit": unit,
        "comparability_group": group,
        "comparable_across_municipalities": comparable,
        "value": v,
        "value_upper": None,
        "qualifier": "exact",
        "national_reference": ref,
        "year": year,
        "period": None,
        "area": area,
        "source_title": "S",
        "source_producer": "CBS",
        "locator": "Bijlage 2a",
        "note_nl": None,
        "note_en": None,
        "population": 1000,
    }


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


def test_definition_notes_explain_why(wh):
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


def test_real_profile_chart(wh):
    iv = wh["indicator_values"]
    code = iv["municipality_code"].iloc[0]
    rows = c.prepare_indicator_rows(iv[iv["municipality_code"] == code], "en", label_by="context")
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("en", ["CBS"])], lang="en"))
    assert_framed(spec, "en")
    assert rows.groupby("row_key")["indicator_id"].nunique().max() == 1


def test_map_chart(wh):
    dv = wh["dimension_values"]
    emp = dv[dv.dimension_id == "employer"]
    labels = dict(zip(emp.value_id, emp.label_nl, strict=True))
    pts = c.prepare_map_points(
        wh["overview"],
        wh["org_matrix"],
        "employer",
        labels,
        dict(zip(wh["basic_functions"].basic_function_id, wh["basic_functions"].name_nl, strict=True)),
        {},
        "nl",
    )
    assert len(pts) == len(wh["overview"])
    spec = spec_of(
        c.map_chart(
            pts,
            value_order=list(labels),
            value_labels=labels,
            colour_title="Werkgever",
            title="Kaart",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks[0] == "geoshape" and "circle" in marks
    circle = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")
    enc = circle["encoding"]
    assert enc["longitude"]["field"] == "longitude" and enc["latitude"]["field"] == "latitude"
    assert enc["size"]["field"] == "population"
    scale = enc["color"]["scale"]
    if "Niet gerapporteerd" in scale["domain"]:
        assert scale["range"][scale["domain"].index("Niet gerapporteerd")] == c.NOT_REPORTED_GREY
    assert set(scale["range"]) <= set(c.OKABE_ITO) | {c.NOT_REPORTED_GREY}
    params = [p for d in walk(spec) for p in d.get("params", []) if isinstance(p, dict)]
    assert any(p.get("name") == c.MAP_SELECTION and p.get("select", {}).get("fields") == ["slug"] for p in params)
    assert all(layer.get("projection", {}).get("type") == "mercator" for layer in spec["layer"])


def test_outline_rings_are_closed_and_in_the_netherlands():
    for feature in c.nl_outline()["features"]:
        ring = feature["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1]
        assert all(3.3 <= lon <= 7.3 and 50.7 <= lat <= 53.6 for lon, lat in ring)


def test_heatmap_zero_means_not_highlighted(wh):
    spec = spec_of(
        c.function_heatmap(
            wh["highlights"],
            wh["overview"],
            wh["basic_functions"],
            title="H",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    values = spec["datasets"][next(iter(spec["datasets"]))]
    n_cells = len(wh["overview"]) * len(wh["basic_functions"])
    assert len(values) == n_cells
    zero = [v for v in values if v["n_practices"] == 0]
    assert all(v["status"] == "niet uitgelicht" for v in zero)
    assert sum(v["n_practices"] for v in values) == int(wh["highlights"]["n_practices"].sum())


def matrix_spec(wh, lang: str) -> tuple[dict, "pd.DataFrame"]:
    from dashboard.core.i18n import STRINGS, t

    values = wh["dimension_values"]
    short = {(d, v): t(f"core_orgshort_{d}__{v}", lang) for d, v in zip(values.dimension_id, values.value_id,
                                                                        strict=True)
             if f"core_orgshort_{d}__{v}" in STRINGS}
    key = c.org_matrix_key(values, lang, short)
    chart = c.org_matrix_chart(wh["org_matrix"], key, wh["dimensions"], title="M", subtitle=[c.source_line(lang)],
                               lang=lang, key_title="Sleutel")
    return spec_of(chart), key


def source_choices() -> dict[tuple[str, str], str]:
    """(municipality name, dimension id) -> coded value id, read from the YAML files in data/gemeenten/."""
    from dashboard.core import settings

    out = {}
    for path in sorted((Path(settings.DATA_DIR) / "gemeenten").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for dim, choice in doc["organisation"].items():
            out[(doc["municipality"]["name"], dim)] = choice["value"] if isinstance(choice, dict) else choice
    return out


def test_org_matrix_cells_show_the_coded_value_in_words(wh):
    spec, key = matrix_spec(wh, "nl")
    assert_framed(spec)
    cells_view, key_view = spec["vconcat"]
    cells = spec["datasets"][cells_view["layer"][0]["data"]["name"]] if "data" in cells_view["layer"][0] else None
    cells = cells or spec["datasets"][cells_view["data"]["name"]]
    dims = wh["dimensions"].set_index("dimension_id")["label_nl"]
    by_label = {v: k for k, v in dims.items()}
    # every cell's words follow from the source files: e.g. a 0-100 team reads '0-100-team', a value that is
    # not reported a dash ('–'), never a letter
    expected_words = {
        ("integral_0_100"): "0-100-team", ("separate_youth_adult"): "Jeugd/volw.",
        ("front_door_with_teams"): "Voordeur", ("not_reported"): "–",
    }
    choices = source_choices()
    # an adjudicated code carries '*' after its words (data/coding/adjudication.yaml)
    adjudication = yaml.safe_load((ROOT_DATA / "coding" / "adjudication.yaml").read_text(encoding="utf-8"))
    names = {doc["municipality"]["code"]: doc["municipality"]["name"]
             for doc in (yaml.safe_load(p.read_text(encoding="utf-8"))
                         for p in (ROOT_DATA / "gemeenten").glob("*.yaml"))}
    adjudicated = {(names[d["municipality"]], d["dimension"]) for d in adjudication["decisions"]}
    assert adjudicated, "the real data has adjudicated codes; this test checks their mark"
    assert len(cells) == len(choices) == 16 * len(dims)
    for cell in cells:
        dim = by_label[cell["dimension"]]
        value = choices[(cell["municipality_name"], dim)]
        mark = "*" if (cell["municipality_name"], dim) in adjudicated else ""
        assert cell["colour_key"] == f"{dim}:{value}"
        if dim == "team_scope":
            assert cell["short_label"] == expected_words[value] + mark, cell
        if value == "not_reported":
            assert cell["short_label"] == "–" + mark
        assert len(cell["short_label"]) <= c.MATRIX_CELL_CHARS + len(mark)
    text_layer = cells_view["layer"][1]
    assert text_layer["encoding"]["text"]["field"] == "short_label"


def test_org_matrix_colours_are_per_column_and_the_key_explains_each_column(wh):
    spec, key = matrix_spec(wh, "en")
    scale = spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    values = wh["dimension_values"]
    for dim, part in values.groupby("dimension_id"):
        reported = [f"{dim}:{v}" for v in part["value_id"] if v != "not_reported"]
        assert len({colours[k] for k in reported}) == len(reported), f"{dim}: two values share a colour"
        if "not_reported" in set(part["value_id"]):
            assert colours[f"{dim}:not_reported"] == c.MATRIX_NOT_REPORTED
            assert c.MATRIX_NOT_REPORTED not in {colours[k] for k in reported}
    # the key under the columns: one cell per reported value, with that value's full English label
    key_view = spec["vconcat"][1]
    rows = spec["datasets"][key_view["data"]["name"]] if "data" in key_view else None
    rows = rows or spec["datasets"][key_view["layer"][0]["data"]["name"]]
    labels = wh["dimensions"].set_index("dimension_id")["label_en"]
    reported = values[values.value_id != "not_reported"]
    assert len(rows) == len(reported)
    for row in rows:
        full = reported[(reported.label_en == row["value_label"])]
        assert len(full) >= 1 and row["dimension"] in set(labels)
        joined = " ".join(row["key_text"].split(c.LINE_BREAK)).replace("- ", "-")
        assert joined.replace("-", "").replace(" ", "").rstrip("…") in row["value_label"].replace("-", "").replace(
            " ", "")


def test_org_matrix_fits_the_page_and_keeps_its_key_in_the_png(wh):
    import re

    import vl_convert as vlc

    from dashboard.core import exports

    spec, _key = matrix_spec(wh, "nl")
    svg = vlc.vegalite_to_svg(spec)
    width = float(re.search(r'<svg[^>]*width="([0-9.]+)"', svg).group(1))
    # the page area of a 1280-px screen with the sidebar open is 820 px wide (measured in Chromium)
    assert width <= 820
    exported = exports.export_spec(spec, lang="nl")
    assert len(exported["vconcat"]) == 2 or any(len(v.get("vconcat", [])) == 2 for v in exported["vconcat"])
    png = exports.chart_png(spec, lang="nl", cache=False)
    assert exports.png_size(png)[0] >= exports.MIN_PNG_WIDTH_PX


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [ch / 12.92 if ch <= 0.03928 else ((ch + 0.055) / 1.055) ** 2.4 for ch in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_org_matrix_cell_text_has_enough_contrast():
    text = _luminance("#111111")
    for colour in [*c.MATRIX_TINTS, c.MATRIX_NOT_REPORTED]:
        ratio = (_luminance(colour) + 0.05) / (text + 0.05)
        assert ratio >= 4.5, colour  # WCAG 2.1 AA for normal text


def test_hyphen_wrap_keeps_every_letter_within_the_width():
    lines = c.hyphen_wrap("Welzijns- of maatschappelijkwerkorganisatie", 12, 5)
    assert all(len(line) <= 12 for line in lines)
    assert "".join(lines).replace("-", "").replace(" ", "") == "Welzijnsofmaatschappelijkwerkorganisatie"


def test_chartable_indicators_need_three_values_and_one_definition(wh):
    iv = wh["indicator_values"]
    eligible = c.chartable_indicators(iv)
    whole = c.whole_municipality_values(iv)
    for ind in eligible:
        part = whole[whole.indicator_id == ind]
        assert part["municipality_code"].nunique() >= 3
        assert part["comparable_across_municipalities"].all()
    assert not whole.duplicated(["indicator_id", "municipality_code"]).any()


def _scatter_points(refs_x, refs_y):
    rows = []
    for i, (rx, ry) in enumerate(zip(refs_x, refs_y, strict=True)):
        rows.append(value(f"M{i}", f"GM{i}", "x", 10 + i, ref=rx))
        rows.append(value(f"M{i}", f"GM{i}", "y", 20 + i, ref=ry))
    values = pd.DataFrame(rows)
    overview = pd.DataFrame(
        {
            "municipality_code": [f"GM{i}" for i in range(len(refs_x))],
            "name": [f"M{i}" for i in range(len(refs_x))],
            "population": 1000,
            "population_qualifier": "exact",
        }
    )
    org = pd.DataFrame(
        {"municipality_code": [f"GM{i}" for i in range(len(refs_x))], "dimension_id": "d", "value_id": "a"}
    )
    return c.prepare_scatter(values, overview, org, "x", "y", "d", {"a": "A"}, "nl")


def _rules(spec):
    return [d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "rule"]


def test_scatter_reference_rule_only_when_shared():
    pts = _scatter_points([7.3, 7.3, 7.3], [4.0, 4.0, 3.9])
    spec = spec_of(
        c.scatter_chart(
            pts,
            x_title="X",
            y_title="Y",
            x_unit="percent",
            y_unit="percent",
            value_order=["a"],
            value_labels={"a": "A"},
            colour_title="D",
            title="S",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    rules = _rules(spec)
    assert len(rules) == 1 and "x" in rules[0]["encoding"]  # x shared, y differs
    sub = " ".join(spec["title"]["subtitle"])
    assert "verschillende landelijke referenties" in sub
    assert spec["layer"][-2]["encoding"]["size"]["field"] == "population"


def test_group_contrast_shows_points_and_n_not_averages(wh):
    iv = wh["indicator_values"]
    ind = c.chartable_indicators(iv)[0]
    dv = wh["dimension_values"]
    scope = dv[dv.dimension_id == "team_scope"]
    labels = dict(zip(scope.value_id, scope.label_nl, strict=True))
    pts = c.prepare_group_contrast(iv, wh["org_matrix"], ind, "team_scope", list(labels), labels, "nl")
    assert pts["group_label"].str.contains(r"\(n=\d+\)").all()
    spec = spec_of(
        c.group_contrast_chart(
            pts,
            indicator_title=ind,
            unit="percent",
            group_title="Scope",
            value_order=list(labels),
            value_labels=labels,
            title="G",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    text = json.dumps(spec)
    assert '"aggregate"' not in text and "mean" not in text
    assert len(spec["datasets"][spec["data"]["name"]]) == len(pts)  # every municipality a point


def test_deviation_only_values_with_reference():
    df = pd.DataFrame(
        [
            value("A", "GM1", "x", 9.0, ref=7.3),
            value("B", "GM2", "x", 5.0, ref=7.3),
            value("C", "GM3", "x", 6.0, ref=None),
        ]
    )
    pts = c.prepare_deviation(df, "x", "nl")
    assert list(pts["municipality_code"]) == ["GM2", "GM1"]
    assert pts["deviation_label"].tolist() == ["\u22122,3 %-punt", "+1,7 %-punt"]
    spec = spec_of(
        c.deviation_chart(
            pts, indicator_title="X", unit="percent", title="D", subtitle=[c.source_line("nl")], lang="nl"
        )
    )
    assert_framed(spec)
    bar = next(d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar")
    assert bar["encoding"]["x"]["field"] == "deviation"
    assert bar["encoding"]["color"]["scale"]["range"] == [c.BELOW_COLOUR, c.ABOVE_COLOUR]
    # the legend lists only directions that occur: nobody equals the reference here
    assert bar["encoding"]["color"]["scale"]["domain"] == ["onder de referentie", "boven de referentie"]
    assert bar["encoding"]["x"]["scale"]["zero"] is True


def _bar(spec):
    return next(d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar")


def test_deviation_one_municipality_keeps_zero_and_minus_sign():
    pts = c.prepare_deviation(pd.DataFrame([value("Haarlem", "GM1", "x", 28300, ref=41000, unit="euro")]), "x", "nl")
    assert pts["deviation_label"].tolist() == ["\u2212€ 12.700"]
    spec = spec_of(
        c.deviation_chart(pts, indicator_title="X", unit="euro", title="D", subtitle=[c.source_line("nl")], lang="nl")
    )
    bar = _bar(spec)
    assert bar["encoding"]["x"]["scale"]["zero"] is True  # the reference (0) is on the axis
    assert bar["encoding"]["color"]["scale"]["domain"] == ["onder de referentie"]
    (row,) = spec["datasets"][spec["data"]["name"]]
    assert row["deviation_label"].startswith("\u2212") and "-" not in row["deviation_label"]


def range_value(name, muni, ind, low, high, **kw):
    row = value(name, muni, ind, low, **kw)
    row.update(value_upper=high, qualifier="range")
    return row


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
        labels = next(
            layer for layer in spec["spec"]["layer"] if layer["encoding"].get("text", {}).get("field") == "bar_text"
        )
        assert labels["mark"]["lineBreak"] == c.LINE_BREAK and labels["mark"]["align"] == "right"
        n_lines = max(len(d["bar_text"].split(c.LINE_BREAK)) for d in data)
        assert spec["spec"]["height"]["step"] >= c.LABEL_LINE_HEIGHT * n_lines
        y_axis = spec["spec"]["layer"][0]["encoding"]["y"]["axis"]
        assert y_axis["labels"] is False and y_axis["minExtent"] == c.LABEL_WIDTH
    assert "bar_text" not in rows  # the downloadable data keeps one label per row


def _range_scatter_points():
    rows = []
    for i in range(4):
        rows.append(value(f"M{i}", f"GM{i}", "x", 10 + i, ref=7.3))
        rows.append(value(f"M{i}", f"GM{i}", "y", 20 + i, ref=4.0))
    rows[-1] = range_value("M3", "GM3", "y", 30, 50, ref=4.0)
    overview = pd.DataFrame(
        {"municipality_code": [f"GM{i}" for i in range(4)], "name": [f"M{i}" for i in range(4)], "population": 1000}
    ).assign(population_qualifier="exact")
    org = pd.DataFrame({"municipality_code": [f"GM{i}" for i in range(4)], "dimension_id": "d", "value_id": "a"})
    return pd.DataFrame(rows), overview, org


def test_point_charts_leave_out_ranges_and_say_so():
    values, overview, org = _range_scatter_points()
    # scatter
    pts = c.prepare_scatter(values, overview, org, "x", "y", "d", {"a": "A"}, "nl")
    assert list(pts["name"]) == ["M0", "M1", "M2"]
    assert c.excluded_ranges(pts) == ["M3 (30–50%)"]
    spec = spec_of(
        c.scatter_chart(
            pts,
            x_title="X",
            y_title="Y",
            x_unit="percent",
            y_unit="percent",
            value_order=["a"],
            value_labels={"a": "A"},
            colour_title="D",
            title="S",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    sub = " ".join(spec["title"]["subtitle"])
    assert "bereik" in sub and "M3 (30–50%)" in sub
    # group contrast: no dot, not in n
    groups = c.prepare_group_contrast(values, org, "y", "d", ["a"], {"a": "A"}, "nl")
    assert list(groups["municipality_name"]) == ["M0", "M1", "M2"]
    assert set(groups["group_label"]) == {"A (n=3)"}
    spec = spec_of(
        c.group_contrast_chart(
            groups,
            indicator_title="Y",
            unit="percent",
            group_title="D",
            value_order=["a"],
            value_labels={"a": "A"},
            title="G",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert "M3 (30–50%)" in " ".join(spec["title"]["subtitle"])
    # deviation: a range has no single difference from the reference
    dev = c.prepare_deviation(values, "y", "nl")
    assert "GM3" not in set(dev["municipality_code"])
    spec = spec_of(c.deviation_chart(dev, indicator_title="Y", unit="percent", title="D", subtitle=["s"], lang="nl"))
    assert "M3 (30–50%)" in " ".join(spec["title"]["subtitle"])
    # and a range does not count towards the three values a contrast chart needs
    assert c.chartable_indicators(values) == ["x", "y"]
    assert c.chartable_indicators(values, min_values=4) == ["x"]


def test_scatter_subtitle_wraps_long_indicator_names():
    pts = _scatter_points([7.3, 7.3, 7.3], [4.0, 4.0, 4.0])
    long_x = "Gemiddeld besteedbaar huishoudensinkomen van particuliere huishoudens (ref. € 41.000)"
    spec = spec_of(
        c.scatter_chart(
            pts,
            x_title=long_x,
            y_title="Y",
            x_unit="percent",
            y_unit="percent",
            value_order=["a"],
            value_labels={"a": "A"},
            colour_title="D",
            title="S",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    sub = spec["title"]["subtitle"]
    assert not any("…" in line for line in sub)
    assert long_x in " ".join(sub)
    assert all(len(line) <= 110 for line in sub)


def test_source_line_names_indicator_sources():
    assert c.source_line("nl", ["CBS", "VNG", "CBS", "KPMG"]) == (
        "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2; cijfers in de schetsen uit CBS, VNG"
    )


def test_org_matrix_cells_grow_with_the_fonts_on_a_projector(wh):
    from dashboard.core import exports

    spec, _key = matrix_spec(wh, "nl")
    big = exports.presentation_spec(spec)
    cells, big_cells = spec["vconcat"][0], big["vconcat"][0]
    assert big_cells["width"]["step"] >= cells["width"]["step"] * 18 / 10  # 10-px words became 18 px
    assert big_cells["height"]["step"] >= cells["height"]["step"] * 18 / 10
    assert big_cells["layer"][1]["mark"]["fontSize"] >= 18
    # a chart without the marker keeps its sizes
    plain = exports.presentation_spec({**spec, "usermeta": {}})
    assert plain["vconcat"][0]["width"]["step"] == cells["width"]["step"]


def test_value_label_sits_at_its_own_bar_end_not_at_a_longer_reference_tick():
    # Montferland-like: a value of 1.9% under a 4.0% reference; the label belongs to the bar, at 1.9
    df = pd.DataFrame([value("Montferland", "GM1", "share", 1.9, ref=4.0)])
    rows = c.prepare_indicator_rows(df, "nl")
    spec = spec_of(c.indicator_rows_chart(rows, title="T", subtitle=[c.source_line("nl")], lang="nl"))
    (row,) = spec["datasets"][spec["data"]["name"]]
    assert row["national_reference"] == 4.0
    assert row["text_x"] == 1.9


def test_one_indicator_row_uses_one_precision_for_values_and_reference():
    df = pd.DataFrame([value("A", "GM1", "share", 9, ref=16.4), value("B", "GM2", "share", 12.5, ref=16.4),
                       value("A", "GM1", "other", 3, ref=4, group="h")])
    rows = c.prepare_indicator_rows(df, "nl")
    labels = dict(zip(rows["municipality_name"] + rows["indicator_id"], rows["value_label"], strict=True))
    assert labels == {"Ashare": "9,0%", "Bshare": "12,5%", "Aother": "3%"}
    assert rows.loc[rows["indicator_id"] == "share", "reference_label"].tolist() == ["16,4%", "16,4%"]
