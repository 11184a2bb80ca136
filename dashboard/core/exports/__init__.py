"""Exports without Streamlit: file names, chart images, data downloads and the PowerPoint deck.

One module per job: names (file names), specs (a chart spec made fit to travel alone), images (PNG/SVG
rendering and its cache), bytes_cache, tables (CSV, Excel and the data package) and deck (PowerPoint). This
package re-exports their public names, so callers write `exports.chart_png(...)`. Everything is a pure
function of its inputs so that it can be unit-tested and benchmarked without a running app. The pages only
wire these functions to buttons (dashboard/ui/chart_panel.py, dashboard/ui/data_downloads.py,
dashboard/views/presentation.py).

Why the image pipeline looks the way it does:
- Charts are rendered offline with vl-convert (no browser), so a PNG is the same on every machine.
- The on-screen chart may rely on context the page gives it (a heading above it, a caption below). A
  downloaded image travels alone, so title, subtitle (the active filters) and source are written into the
  spec before rendering if the chart builder has not already put them there.
- The number locale is passed to the renderer: a Dutch reader expects "41.000" and "7,3%", not "41,000".
"""

from dashboard.core.exports.bytes_cache import (
    BytesCache,
)
from dashboard.core.exports.deck import (
    DASHBOARD_NAME,
    build_deck,
    format_date,
)
from dashboard.core.exports.images import (
    chart_png,
    chart_svg,
    clear_render_cache,
    export_spec,
    format_locale,
    png_size,
    time_format_locale,
)
from dashboard.core.exports.names import (
    DATA_YEAR,
    DOWNLOAD_EXTENSIONS,
    FILE_PREFIX,
    deck_filename,
    download_filename,
    export_filename,
    slugify,
)
from dashboard.core.exports.specs import (
    MIN_PNG_WIDTH_PX,
    PNG_SCALE,
    PRESENTATION_GROW,
    SOURCE_PREFIX,
    as_lines,
    chart_to_spec,
    contains_text,
    presentation_spec,
    spec_hash,
    spec_json,
    spec_title,
    title_parts,
    with_annotations,
)
from dashboard.core.exports.tables import (
    DOWNLOAD_FORMATS,
    LIST_SEPARATOR,
    dataframe_csv_bytes,
    dataset_download,
    xlsx_bytes,
)

__all__ = [
    "DASHBOARD_NAME",
    "DATA_YEAR",
    "DOWNLOAD_EXTENSIONS",
    "DOWNLOAD_FORMATS",
    "FILE_PREFIX",
    "LIST_SEPARATOR",
    "MIN_PNG_WIDTH_PX",
    "PNG_SCALE",
    "PRESENTATION_GROW",
    "SOURCE_PREFIX",
    "BytesCache",
    "as_lines",
    "build_deck",
    "chart_png",
    "chart_svg",
    "chart_to_spec",
    "clear_render_cache",
    "contains_text",
    "dataframe_csv_bytes",
    "dataset_download",
    "deck_filename",
    "download_filename",
    "export_filename",
    "export_spec",
    "format_date",
    "format_locale",
    "png_size",
    "presentation_spec",
    "slugify",
    "spec_hash",
    "spec_json",
    "spec_title",
    "time_format_locale",
    "title_parts",
    "with_annotations",
    "xlsx_bytes",
]
