"""Chart builders (dashboard/core/charts/matrix.py): inspect the Vega-Lite spec, no browser.

Why: the matrix shows every coded choice; a colour without its words, or a key that
explains another column, would misreport the coding.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from dashboard.core import charts as c
from tests.chart_support import ROOT_DATA, assert_framed, spec_of


def matrix_spec(frames, lang: str) -> tuple[dict, pd.DataFrame]:
    from dashboard.core.i18n import STRINGS, t

    values = frames["dimension_values"]
    short = {
        (d, v): t(f"core_orgshort_{d}__{v}", lang)
        for d, v in zip(values.dimension_id, values.value_id, strict=True)
        if f"core_orgshort_{d}__{v}" in STRINGS
    }
    key = c.org_matrix_key(values, lang, short)
    chart = c.org_matrix_chart(
        frames["org_matrix"],
        key,
        frames["dimensions"],
        title="M",
        subtitle=[c.source_line(lang)],
        lang=lang,
        key_title="Sleutel",
    )
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


def test_org_matrix_cells_show_the_coded_value_in_words(warehouse_frames):
    spec, _key = matrix_spec(warehouse_frames, "nl")
    assert_framed(spec)
    cells_view, _key_view = spec["vconcat"]
    cells = spec["datasets"][cells_view["layer"][0]["data"]["name"]] if "data" in cells_view["layer"][0] else None
    cells = cells or spec["datasets"][cells_view["data"]["name"]]
    dims = warehouse_frames["dimensions"].set_index("dimension_id")["label_nl"]
    by_label = {v: k for k, v in dims.items()}
    # every cell's words follow from the source files: e.g. a 0-100 team reads '0-100-team', a value that is
    # not reported a dash ('–'), never a letter
    expected_words = {
        ("integral_0_100"): "0-100-team",
        ("separate_youth_adult"): "Jeugd/volw.",
        ("front_door_with_teams"): "Voordeur",
        ("not_reported"): "–",
    }
    choices = source_choices()
    # an adjudicated code carries '*' after its words (data/coding/adjudication.yaml)
    adjudication = yaml.safe_load((ROOT_DATA / "coding" / "adjudication.yaml").read_text(encoding="utf-8"))
    names = {
        doc["municipality"]["code"]: doc["municipality"]["name"]
        for doc in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT_DATA / "gemeenten").glob("*.yaml"))
    }
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


def test_org_matrix_colours_are_per_column_and_the_key_explains_each_column(warehouse_frames):
    spec, _key = matrix_spec(warehouse_frames, "en")
    scale = spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    values = warehouse_frames["dimension_values"]
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
    labels = warehouse_frames["dimensions"].set_index("dimension_id")["label_en"]
    reported = values[values.value_id != "not_reported"]
    assert len(rows) == len(reported)
    for row in rows:
        full = reported[(reported.label_en == row["value_label"])]
        assert len(full) >= 1 and row["dimension"] in set(labels)
        joined = " ".join(row["key_text"].split(c.LINE_BREAK)).replace("- ", "-")
        assert joined.replace("-", "").replace(" ", "").rstrip("…") in row["value_label"].replace("-", "").replace(
            " ", ""
        )


def test_org_matrix_fits_the_page_and_keeps_its_key_in_the_png(warehouse_frames):
    import re

    import vl_convert as vlc

    from dashboard.core import exports

    spec, _key = matrix_spec(warehouse_frames, "nl")
    svg = vlc.vegalite_to_svg(spec)
    width = float(re.search(r'<svg[^>]*width="([0-9.]+)"', svg).group(1))
    # the page area of a 1280-px screen with the sidebar open is 820 px wide (measured in Chromium)
    assert width <= 820
    exported = exports.export_spec(spec, lang="nl")
    assert len(exported["vconcat"]) == 2 or any(len(v.get("vconcat", [])) == 2 for v in exported["vconcat"])
    png = exports.chart_png(spec, lang="nl", cache=False)
    assert exports.png_size(png)[0] >= exports.MIN_PNG_WIDTH_PX


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
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


def test_org_matrix_cells_grow_with_the_fonts_on_a_projector(warehouse_frames):
    from dashboard.core import exports

    spec, _key = matrix_spec(warehouse_frames, "nl")
    big = exports.presentation_spec(spec)
    cells, big_cells = spec["vconcat"][0], big["vconcat"][0]
    assert big_cells["width"]["step"] >= cells["width"]["step"] * 18 / 10  # 10-px words became 18 px
    assert big_cells["height"]["step"] >= cells["height"]["step"] * 18 / 10
    assert big_cells["layer"][1]["mark"]["fontSize"] >= 18
    # a chart without the marker keeps its sizes
    plain = exports.presentation_spec({**spec, "usermeta": {}})
    assert plain["vconcat"][0]["width"]["step"] == cells["width"]["step"]
