"""Chart images (dashboard/core/exports/images.py): PNG and SVG rendered offline.

Why: an image must be sharp enough for a slide (>= 1600 px), keep the reader's number formatting, and an
image of a user's own data must not outlive the session in a shared cache.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.core import exports
from tests.export_support import SOURCE, SUBTITLE, TITLE, income_chart


def test_png_is_valid_and_at_least_1600_px_wide():
    png = exports.chart_png(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = exports.png_size(png)
    assert width >= 1600 and height > 200


def test_png_of_a_narrow_composite_chart_is_still_1600_px_wide():
    df = pd.DataFrame({"g": ["a", "b"], "v": [1, 2], "f": ["x", "y"]})
    chart = alt.Chart(df).mark_bar().encode(x="g:N", y="v:Q").properties(width=80, height=80).facet(column="f:N")
    width, _ = exports.png_size(exports.chart_png(chart, title="Facet"))
    assert width >= 1600


def test_svg_carries_title_filters_source_and_dutch_numbers():
    svg = exports.chart_svg(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE).decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    for text in (TITLE, "Provincie: Overijssel", "Bron: KPMG (2019), Bijlage 2"):
        assert text in svg
    assert "41.000" in svg and "41,000" not in svg


def test_english_export_uses_english_number_format():
    svg = exports.chart_svg(income_chart(), lang="en", title=TITLE).decode("utf-8")
    assert "41,000" in svg


def test_rendered_bytes_are_cached_per_spec():
    exports.clear_render_cache()
    first = exports.chart_png(income_chart(), title="cache")
    assert exports.chart_png(income_chart(), title="cache") is first
    assert exports.chart_png(income_chart(), title="cache 2") is not first


def test_dutch_format_locale():
    locale = exports.format_locale("nl")
    assert locale["decimal"] == "," and locale["thousands"] == "."


def test_private_renders_stay_out_of_the_shared_cache():
    """Images of a user's own municipality must not outlive the session in a process-wide cache."""
    exports.clear_render_cache()
    private_png = exports.chart_png(income_chart(), title=TITLE, source=SOURCE, cache=False)
    exports.chart_svg(income_chart(), title=TITLE, source=SOURCE, cache=False)
    assert private_png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(exports.images._render_cache._data) == 0
    exports.chart_png(income_chart(), title=TITLE, source=SOURCE)
    assert len(exports.images._render_cache._data) == 1
