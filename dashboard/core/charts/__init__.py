"""Chart builders: DataFrame in, Vega-Lite spec (a plain dict, see base.py) out. Pure: no Streamlit, no
database. One module per chart family; this package re-exports their public names, so callers write
`charts.map_chart(...)`.

Every chart carries its own title, a subtitle naming the active filters, and a source line inside the
Vega-Lite spec (title.subtitle), plus the number locale (config.locale), so a PNG/SVG export made from the
spec alone says what it shows, for which selection, from which source, with Dutch number formatting.

Rules the builders enforce (and the tests/test_charts*.py files check on the spec):
- values of one indicator definition (indicator_id) share an axis; different definitions never do, not even
  when they belong to the same comparability_group; an indicator flagged comparable_across_municipalities =
  false gets one axis per municipality;
- a national reference is drawn only where the sketch gives one, and a reference rule across several points
  only when that reference is the same for all of them;
- "not reported" is its own category with its own grey, never 0 or "no";
- colours are colour-blind safe (Okabe-Ito).
"""

from dashboard.core.charts.base import (
    ABOVE_COLOUR,
    BAR_COLOUR,
    BELOW_COLOUR,
    HEATMAP_SCHEME,
    LINE_BREAK,
    NOT_REPORTED_GREY,
    OKABE_ITO,
    RANGE_COLOUR,
    REFERENCE_COLOUR,
    categorical_colours,
    chart_words,
    framed_spec,
    is_range,
    named_data,
    population_legend_values,
    source_line,
    subtitle_lines,
    word_tooltips,
    wrap,
)
from dashboard.core.charts.contrast_points import (
    RANGE_EXCLUDED,
    best_pair,
    by_coverage,
    chartable_indicators,
    common_reference,
    excluded_names,
    excluded_ranges,
    indicator_choices,
    range_labels,
    range_note,
    reference_status,
    whole_municipality_values,
    with_excluded,
)
from dashboard.core.charts.deviation import (
    deviation_chart,
    prepare_deviation,
)
from dashboard.core.charts.groups import (
    group_contrast_chart,
    prepare_group_contrast,
)
from dashboard.core.charts.heatmap import (
    function_heatmap,
)
from dashboard.core.charts.indicators import (
    LABEL_CHARS,
    LABEL_LINE_HEIGHT,
    LABEL_MAX_LINES,
    LABEL_WIDTH,
    RESPONSIVE_MIN_WIDTH,
    definition_notes,
    indicator_rows_chart,
    label_lines,
    prepare_indicator_rows,
)
from dashboard.core.charts.maps import (
    ASSETS,
    MAP_PAGE_SIZE,
    MAP_SELECTION,
    map_chart,
    nl_outline,
    prepare_map_points,
    province_labels,
)
from dashboard.core.charts.matrix import (
    MATRIX_CELL_CHARS,
    MATRIX_COLUMN_STEP,
    MATRIX_KEY_CHARS,
    MATRIX_KEY_LINES,
    MATRIX_KEY_ROW_STEP,
    MATRIX_NOT_REPORTED,
    MATRIX_NOT_REPORTED_TEXT,
    MATRIX_ROW_STEP,
    MATRIX_TINTS,
    adjudication_marks,
    hyphen_wrap,
    org_matrix_chart,
    org_matrix_key,
)
from dashboard.core.charts.peers import (
    PEER_SCORE_COLUMNS,
    peer_score_chart,
    prepare_peer_scores,
)
from dashboard.core.charts.scatter import (
    prepare_scatter,
    scatter_chart,
)

__all__ = [
    "ABOVE_COLOUR",
    "ASSETS",
    "BAR_COLOUR",
    "BELOW_COLOUR",
    "HEATMAP_SCHEME",
    "LABEL_CHARS",
    "LABEL_LINE_HEIGHT",
    "LABEL_MAX_LINES",
    "LABEL_WIDTH",
    "LINE_BREAK",
    "MAP_PAGE_SIZE",
    "MAP_SELECTION",
    "MATRIX_CELL_CHARS",
    "MATRIX_COLUMN_STEP",
    "MATRIX_KEY_CHARS",
    "MATRIX_KEY_LINES",
    "MATRIX_KEY_ROW_STEP",
    "MATRIX_NOT_REPORTED",
    "MATRIX_NOT_REPORTED_TEXT",
    "MATRIX_ROW_STEP",
    "MATRIX_TINTS",
    "NOT_REPORTED_GREY",
    "OKABE_ITO",
    "PEER_SCORE_COLUMNS",
    "RANGE_COLOUR",
    "RANGE_EXCLUDED",
    "REFERENCE_COLOUR",
    "RESPONSIVE_MIN_WIDTH",
    "adjudication_marks",
    "best_pair",
    "by_coverage",
    "categorical_colours",
    "chart_words",
    "chartable_indicators",
    "common_reference",
    "definition_notes",
    "deviation_chart",
    "excluded_names",
    "excluded_ranges",
    "framed_spec",
    "function_heatmap",
    "group_contrast_chart",
    "hyphen_wrap",
    "indicator_choices",
    "indicator_rows_chart",
    "is_range",
    "label_lines",
    "map_chart",
    "named_data",
    "nl_outline",
    "org_matrix_chart",
    "org_matrix_key",
    "peer_score_chart",
    "population_legend_values",
    "prepare_deviation",
    "prepare_group_contrast",
    "prepare_indicator_rows",
    "prepare_map_points",
    "prepare_peer_scores",
    "prepare_scatter",
    "province_labels",
    "range_labels",
    "range_note",
    "reference_status",
    "scatter_chart",
    "source_line",
    "subtitle_lines",
    "whole_municipality_values",
    "with_excluded",
    "word_tooltips",
    "wrap",
]
