"""Specs fit to travel alone (dashboard/core/exports/specs.py).

Why: an exported chart travels without the page around it, so it must carry its own title, filters and
source, once; on a projector its text must be readable from the back of a room.
"""

from __future__ import annotations

import json

import altair as alt

from dashboard.core import exports
from tests.export_support import SOURCE, SUBTITLE, TITLE, income_chart


def test_title_and_source_already_in_the_spec_are_not_repeated():
    chart = income_chart(title=alt.TitleParams(TITLE, subtitle=[SUBTITLE, SOURCE]))
    spec = exports.export_spec(chart, title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    text = json.dumps(spec, ensure_ascii=False)
    assert text.count(TITLE) == 1 and text.count(SOURCE) == 1
    assert "vconcat" not in spec  # no footer needed


def test_missing_title_subtitle_and_source_are_added_not_dropped():
    spec = exports.export_spec(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    chart = spec["vconcat"][0]
    assert chart["title"]["text"] == TITLE and SUBTITLE in chart["title"]["subtitle"]
    assert spec["title"]["orient"] == "bottom" and spec["title"]["text"] == SOURCE
    assert chart["width"] * exports.PNG_SCALE >= exports.MIN_PNG_WIDTH_PX  # no 'container' offline
    assert "config" in spec and "datasets" in spec and "config" not in chart  # top-level-only moved out


def test_source_without_prefix_gets_one_and_wrapped_lines_count_as_present():
    spec = exports.export_spec(income_chart(), source="KPMG (2019), Bijlage 2")
    assert spec["title"]["text"] == "Bron: KPMG (2019), Bijlage 2"
    long_source = (
        "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2; cijfers in de schetsen uit CBS"
    )
    wrapped = income_chart(title=alt.TitleParams(TITLE, subtitle=[long_source[:60], long_source[61:]]))
    assert "vconcat" not in exports.export_spec(wrapped, source=long_source)


def test_chart_title_wins_over_argument_and_subtitle_is_appended():
    spec = exports.export_spec(income_chart(title="Eigen titel"), title=TITLE, subtitle=SUBTITLE)
    assert spec["title"]["text"] == "Eigen titel" and spec["title"]["subtitle"] == [SUBTITLE]


def test_presentation_spec_uses_projector_font_sizes():
    chart = income_chart(title="T").configure_axis(labelFontSize=9).configure_text(fontSize=8)
    spec = exports.presentation_spec(exports.chart_to_spec(chart))
    config = spec["config"]
    assert config["axis"]["labelFontSize"] >= 18 and config["axis"]["titleFontSize"] >= 18
    assert config["title"]["fontSize"] >= 18 and config["legend"]["labelFontSize"] >= 18

    def font_sizes(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("ontSize") and isinstance(value, int | float):
                    yield value
                else:
                    yield from font_sizes(value)
        elif isinstance(node, list):
            for item in node:
                yield from font_sizes(item)

    assert min(font_sizes(spec)) >= 18
